import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from '../../src/engines/engine.js';
import { CancelledError, SqlError } from '../../src/core/errors.js';
import { connectionForFile, events, scalar } from '../harness/postgres-helpers.js';

const need = connectionForFile();

describe('postgres execute', () => {
  test('generate_series(1, 200000) streams in bounded batches', async (t) => {
    const c = need(t);
    if (!c) return;
    const sizes: number[] = [];
    let last = 0;
    let done: unknown;
    for await (const e of c.execute('select g, repeat(\'x\', 10) from generate_series(1, 200000) g')) {
      if (e.type === 'rows') {
        sizes.push(e.rows.length);
        last = e.rows[e.rows.length - 1]![0] as number;
      } else if (e.type === 'done') done = e;
    }
    assert.equal(sizes.reduce((a, b) => a + b, 0), 200000);
    assert.equal(last, 200000);
    assert.ok(sizes.length >= 100, `arrived in ${sizes.length} batches`);
    assert.ok(Math.max(...sizes) <= 1000, 'no batch above 1000 rows');
    assert.deepEqual(done, { type: 'done', command: 'SELECT 200000', rowCount: 200000 });
  });

  test('batchSize is honoured and stopping early leaves the session usable', async (t) => {
    const c = need(t);
    if (!c) return;
    let batches = 0;
    for await (const e of c.execute('select * from generate_series(1, 100000)', { batchSize: 10 })) {
      if (e.type === 'rows') {
        assert.equal(e.rows.length, 10);
        if (++batches === 3) break;
      }
    }
    assert.equal(await scalar(c, 'select 7'), 7);
    assert.equal(c.transactionStatus(), 'idle');
  });

  test('command tags and affected rows', async (t) => {
    const c = need(t);
    if (!c) return;
    const last = async (sql: string) => (await events(c, sql)).at(-1);
    assert.deepEqual(await last('create temp table ex (a int primary key, b text)'), { type: 'done', command: 'CREATE TABLE' });
    assert.deepEqual(await last("insert into ex values (1, 'a'), (2, 'b'), (3, 'c')"), { type: 'done', command: 'INSERT 0 3', affected: 3 });
    assert.deepEqual(await last("update ex set b = 'z' where a < 3"), { type: 'done', command: 'UPDATE 2', affected: 2 });
    assert.deepEqual(await last('delete from ex where a = 3 returning a'), { type: 'done', command: 'DELETE 1', affected: 1, rowCount: 1 });
    assert.deepEqual(await last('select * from ex where false'), { type: 'done', command: 'SELECT 0', rowCount: 0 });
    assert.deepEqual(await events(c, '-- only a comment'), [{ type: 'done' }]);
  });

  test('notices arrive as events before done', async (t) => {
    const c = need(t);
    if (!c) return;
    const evs = await events(c, "do $$ begin raise notice 'first %', 1; raise warning 'second'; end $$");
    // (what psql's VERBOSITY and SHOW_CONTEXT add, apart: the server's source line varies with its version)
    const extras = evs.map((ev) => (ev.type === 'notice' ? ev.extra : undefined));
    assert.deepEqual(evs.map((ev) => (ev.type === 'notice' ? { type: ev.type, message: ev.message, severity: ev.severity } : ev)), [
      { type: 'notice', message: 'first 1', severity: 'NOTICE' },
      { type: 'notice', message: 'second', severity: 'WARNING' },
      { type: 'done', command: 'DO' },
    ]);
    assert.deepEqual(extras.map((x) => x?.code), ['00000', '01000', undefined]);
    assert.deepEqual(extras.map((x) => x?.context), ['PL/pgSQL function inline_code_block line 1 at RAISE', 'PL/pgSQL function inline_code_block line 1 at RAISE', undefined]);
    assert.match(extras[0]?.location ?? '', /^exec_stmt_raise, pl_exec\.c:\d+$/);
  });

  test('a notice keeps its DETAIL and HINT lines, as psql prints them (the simple-query path too)', async (t) => {
    const c = need(t);
    if (!c) return;
    const sql = "do $$ begin raise notice 'hello' using detail = E'more\\nand more', hint = 'try'; end $$";
    const want = { type: 'notice', message: 'hello\nDETAIL:  more\nand more\nHINT:  try', severity: 'NOTICE' };
    const [extended, simple] = [(await events(c, sql))[0]!, (await events(c, sql, { simpleQuery: true }))[0]!];
    const { extra, ...rest } = extended as typeof extended & { extra?: unknown };
    assert.deepEqual(rest, want);
    assert.deepEqual(simple, extended);
    assert.equal((extra as { code?: string } | undefined)?.code, '00000');
  });

  test('errors are SqlError with SQLSTATE, 0-based position, detail and hint', async (t) => {
    const c = need(t);
    if (!c) return;
    await assert.rejects(events(c, 'select nosuchcol from pg_class'), (e: Error) => {
      assert.ok(e instanceof SqlError);
      assert.equal(e.code, '42703');
      assert.equal(e.position, 7);
      assert.match(e.message, /column "nosuchcol" does not exist/);
      return true;
    });
    await events(c, 'create temp table uq (a int unique)');
    await events(c, 'insert into uq values (1)');
    await assert.rejects(events(c, 'insert into uq values (1)'), (e: SqlError) => e.code === '23505' && /Key \(a\)=\(1\) already exists/.test(e.detail ?? ''));
    await assert.rejects(events(c, 'select pg_nosuchfn(1)'), (e: SqlError) => e.code === '42883' && /No function matches/.test(e.hint ?? ''));
  });

  test('transaction status: idle, in transaction, failed', async (t) => {
    const c = need(t);
    if (!c) return;
    assert.equal(c.transactionStatus(), 'idle');
    await events(c, 'begin');
    assert.equal(c.transactionStatus(), 'in-transaction');
    await events(c, 'select 1');
    assert.equal(c.transactionStatus(), 'in-transaction');
    await assert.rejects(events(c, 'select 1/0'), SqlError);
    assert.equal(c.transactionStatus(), 'failed');
    await assert.rejects(events(c, 'select 1'), (e: SqlError) => e.code === '25P02');
    await events(c, 'rollback');
    assert.equal(c.transactionStatus(), 'idle');
  });

  test('cancel() stops pg_sleep(30) quickly and the session works afterwards', async (t) => {
    const c = need(t);
    if (!c) return;
    const started = Date.now();
    const outcome = events(c, 'select pg_sleep(30)').then(() => 'finished', (e: unknown) => e);
    await new Promise((r) => setTimeout(r, 300));
    await c.cancel();
    assert.ok((await outcome) instanceof CancelledError);
    assert.ok(Date.now() - started < 10_000, 'cancelled well before the 30 s sleep ends');
    assert.equal(await scalar(c, 'select 1'), 1);
  });

  test('an AbortSignal cancels, also inside a transaction (which is then failed)', async (t) => {
    const c = need(t);
    if (!c) return;
    await events(c, 'begin');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const started = Date.now();
    await assert.rejects(async () => {
      for await (const _ of c.execute('select pg_sleep(30)', { signal: ac.signal })) void _;
    }, CancelledError);
    assert.ok(Date.now() - started < 10_000);
    assert.equal(c.transactionStatus(), 'failed');
    await events(c, 'rollback');
    assert.equal(await scalar(c, 'select 2'), 2);
    await assert.rejects(async () => {
      for await (const _ of c.execute('select 1', { signal: AbortSignal.abort() })) void _;
    }, CancelledError);
  });

  test('COPY TO STDOUT streams text; FROM STDIN takes the data given, and without data is refused clearly', async (t) => {
    const c = need(t);
    if (!c) return;
    const out = await events(c, '/* x */ copy (select 1, \'a\tb\') to stdout');
    assert.deepEqual(out.filter((e) => e.type === 'text').map((e) => (e as { text: string }).text).join(''), '1\ta\\tb\n');
    await assert.rejects(events(c, 'copy (select 1) from stdin'), (e: Error) => e instanceof SqlError);
    await assert.rejects(events(c, 'create temp table cp (i int); copy cp from stdin'), (e: SqlError) => e.code === '42601');
    await events(c, 'create temp table cp (i int, s text)');
    await assert.rejects(events(c, 'copy cp from stdin'), (e: Error) => e instanceof SqlError && /reads its data from a script/.test(e.message) && /\\copy/.test(e.message));
    const got = [];
    for await (const e of c.execute('copy cp from stdin', { copyData: '1\tx\n2\t\\N\n' })) got.push(e);
    assert.deepEqual(got, [{ type: 'done', command: 'COPY 2', affected: 2 }]);
    assert.equal(await scalar(c, 'select count(*)::int from cp where s is null'), 1);
    await assert.rejects(events(c, 'select 1; select 2'), (e: SqlError) => e.code === '42601');
    assert.equal(await scalar(c, 'select 3'), 3);
  });

  test('a statement_timeout is an SqlError, not a user cancel', async (t) => {
    const c = need(t);
    if (!c) return;
    await events(c, "set statement_timeout = '100ms'");
    await assert.rejects(events(c, 'select pg_sleep(5)'), (e: Error) => e instanceof SqlError && e.code === '57014');
    await events(c, 'reset statement_timeout');
  });
});
