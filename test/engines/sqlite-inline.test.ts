/**
 * A script's SQLite database on the main thread (ConnectOptions.inThread, sqlite-inline-host.ts):
 * the same rows, bytes and errors as in the worker, bounded batches, cancel between batches, and
 * Ctrl-C (a real SIGINT to this process) stopping one long step through the native helper's handler,
 * which then still reaches the process's own SIGINT listener.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancelledError, SqlError } from '../../src/core/errors.js';
import type { Connection } from '../../src/engines/engine.js';
import { sqliteEngine } from '../../src/engines/sqlite/sqlite-engine.js';
import { canRunInline } from '../../src/engines/sqlite/sqlite-inline-host.js';
import { collect, tempDir } from './sqlite-test-helpers.js';
import { BIN, ROOT, sandboxEnv } from '../helpers/run-cli.js';

const COUNT_200K = 'with recursive c(x) as (select 1 union all select x + 1 from c where x < 200000) select x, x * 2 from c';
const ENDLESS = 'with recursive c(x) as (select 1 union all select x + 1 from c) select x from c';
// One long step: no row comes out until the whole count is done (seconds).
const SINGLE_STEP = 'with recursive c(x) as (select 1 union all select x + 1 from c where x < 200000000) select count(*) from c';

const inline = (path: string): Promise<Connection> => sqliteEngine.connect({ engine: 'sqlite', path }, { inThread: true });
const hostOf = (conn: Connection): string => (conn as unknown as { host: object }).host.constructor.name;

/** Text of a result fetched as csv (ExecuteOptions.csv). */
async function csvText(conn: Connection, sql: string): Promise<string> {
  let text = '';
  for await (const e of conn.execute(sql, { csv: { nullString: '' } })) {
    if (e.type === 'text') text += e.text;
    else assert.notEqual(e.type, 'rows', 'csv was asked for: text, not rows');
  }
  return text;
}

describe('SQLite on the main thread (a script)', () => {
  test('the native helper can arm Ctrl-C here, so scripts run without a worker', async (t) => {
    if (process.platform === 'win32') return t.skip('no SIGINT handler on Windows: the worker is used');
    assert.ok(canRunInline(), 'the helper (build/Release/sqlsh_interrupt.node) should have sigintArm: rebuild it (npm install)');
    const conn = await inline(join(tempDir(t), 'a.db'));
    try {
      assert.equal(hostOf(conn), 'SqliteInlineHost');
    } finally {
      await conn.close();
    }
    const shell = await sqliteEngine.connect({ engine: 'sqlite', path: ':memory:' });
    try {
      assert.equal(hostOf(shell), 'SqliteWorkerHost', 'without inThread (the shell) the worker is used');
    } finally {
      await shell.close();
    }
  });

  test('200k rows in bounded batches, in order; the same values and csv bytes as the worker', async () => {
    const conn = await inline(':memory:');
    const worker = await sqliteEngine.connect({ engine: 'sqlite', path: ':memory:' });
    try {
      const r = await collect(conn, COUNT_200K);
      assert.equal(r.rows.length, 200000);
      assert.ok(r.batches.length >= 200 && r.batches.every((n) => n > 0 && n <= 1000));
      assert.deepEqual(r.rows[199999], [200000, 400000]);
      assert.equal(r.done?.command, 'SELECT 200000');
      const mixed = `with recursive c(x) as (select 1 union all select x + 1 from c where x < 3000)
        select x, x * 4000000000000, case x % 3 when 0 then null when 1 then 'ü"' || x else x * 0.5 end,
               case when x % 500 = 0 then x'00ff' end from c`;
      assert.deepEqual((await collect(conn, mixed)).rows, (await collect(worker, mixed)).rows);
      const text = await csvText(conn, mixed);
      assert.equal(text, await csvText(worker, mixed));
      assert.match(text, /^1,4000000000000,"ü""1",\n/);
    } finally {
      await conn.close();
      await worker.close();
    }
  });

  test('errors, writes, transactions and the catalog work as in the worker', async (t) => {
    const conn = await inline(join(tempDir(t), 'b.db'));
    try {
      await collect(conn, 'create table t (x integer primary key, y text)');
      await collect(conn, 'begin');
      const ins = await collect(conn, "insert into t values (1, 'a'), (2, 'b')");
      assert.equal(ins.done?.command, 'INSERT 2');
      assert.equal(conn.transactionStatus(), 'in-transaction');
      await collect(conn, 'commit');
      assert.equal(conn.transactionStatus(), 'idle');
      await assert.rejects(collect(conn, 'select nosuch from t'), (e: unknown) => e instanceof SqlError && /no such column/.test(e.message));
      const catalog = await conn.introspect();
      assert.ok(JSON.stringify(catalog).includes('"t"'), 'the catalog names table t');
      assert.deepEqual((await collect(conn, 'select count(*) from t')).rows, [[2]]);
    } finally {
      await conn.close();
    }
  });

  test('cancel() and leaving the loop early stop a streaming query between batches; the session goes on', async () => {
    const conn = await inline(':memory:');
    try {
      await collect(conn, 'create table keep (x)');
      await collect(conn, 'insert into keep values (1)');
      let seen = 0;
      for await (const e of conn.execute(ENDLESS)) {
        if (e.type === 'rows') seen += e.rows.length;
        if (seen >= 5000) break;
      }
      let err: unknown;
      const ac = new AbortController();
      try {
        for await (const e of conn.execute(ENDLESS, { signal: ac.signal })) if (e.type === 'rows') ac.abort();
      } catch (e) {
        err = e;
      }
      assert.ok(err instanceof CancelledError, String(err));
      assert.deepEqual((await collect(conn, 'select x from keep')).rows, [[1]]);
    } finally {
      await conn.close();
    }
  });

  test('Ctrl-C (SIGINT) stops one long step at once, reaches the process listener, and the next statement runs', async (t) => {
    if (process.platform === 'win32') return t.skip('POSIX signals');
    const conn = await inline(join(tempDir(t), 'c.db'));
    let heard = 0;
    const listener = (): void => void heard++;
    process.on('SIGINT', listener);
    try {
      await collect(conn, 'create table keep (x)');
      await collect(conn, 'insert into keep values (1)');
      // The signal comes from another process while this thread is inside the step.
      const killer = spawn('sh', ['-c', `sleep 1; kill -INT ${process.pid}`], { stdio: 'ignore' });
      const started = performance.now();
      let err: unknown;
      try {
        await collect(conn, SINGLE_STEP);
      } catch (e) {
        err = e;
      }
      const took = performance.now() - started;
      await new Promise((r) => killer.once('exit', r));
      assert.ok(err instanceof CancelledError, `expected Ctrl-C to cancel the step, got ${String(err)} after ${took.toFixed(0)} ms`);
      assert.ok(took < 20_000, `the step ran ${took.toFixed(0)} ms: it was not interrupted`);
      // The signal may be taken on another thread, which interrupts SQLite and then wakes Node's loop:
      // the step can end before the loop has seen the signal, so wait for the listener a while.
      for (let i = 0; i < 200 && heard === 0; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(heard, 1, "the process's own SIGINT listener still hears Ctrl-C");
      assert.deepEqual((await collect(conn, 'select x from keep')).rows, [[1]]);
      // Ctrl-C between statements: only the listener hears it; the next statement is not stopped.
      process.kill(process.pid, 'SIGINT');
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(heard, 2);
      assert.deepEqual((await collect(conn, 'select 5')).rows, [[5]]);
    } finally {
      process.off('SIGINT', listener);
      await conn.close();
    }
  });

  test('the sqlsh binary: Ctrl-C during one long step of a script stops it at once (Cancelled, exit 1, no result)', async (t) => {
    if (process.platform === 'win32') return t.skip('POSIX signals');
    const db = join(tempDir(t), 'd.db');
    const p = spawn(process.execPath, [BIN, db, '-c', `select 'ready' as state; ${SINGLE_STEP};`], { cwd: ROOT, env: sandboxEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let signalledAt = 0;
    p.stderr.on('data', (d) => (err += d));
    p.stdout.on('data', (d) => {
      out += d;
      if (!signalledAt && out.includes('ready')) {
        signalledAt = performance.now();
        setTimeout(() => p.kill('SIGINT'), 300); // inside the long step by then
      }
    });
    const code = await new Promise<number | null>((r) => p.once('close', (c) => r(c)));
    const took = performance.now() - signalledAt;
    assert.ok(signalledAt > 0, `the first statement's output never came: ${out} ${err}`);
    assert.equal(code, 1, `exit status (null: killed by the signal instead of stopping the statement); stderr: ${err}`);
    assert.match(err, /Cancelled: canceling statement due to user request/);
    assert.doesNotMatch(out, /200000000/, 'the count must not have finished');
    assert.ok(took < 15_000, `took ${took.toFixed(0)} ms after the signal`);
  });
  test('the sqlsh binary: Ctrl-C in a dump of many INSERTs (run many at a time) stops it there (Cancelled, exit 1, rolled back)', async (t) => {
    if (process.platform === 'win32') return t.skip('POSIX signals');
    const dir = tempDir(t);
    const db = join(dir, 'e.db');
    const script = join(dir, 'dump.sql');
    const lines = ['BEGIN TRANSACTION;', 'CREATE TABLE t(id integer primary key, v text);'];
    for (let i = 1; i <= 400_000; i++) lines.push(`INSERT INTO t VALUES(${i},'row ${i}');`);
    lines.push('COMMIT;', '');
    writeFileSync(script, lines.join('\n'));
    const p = spawn(process.execPath, [BIN, db, '-f', script], { cwd: ROOT, env: sandboxEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let signalled = false;
    p.stderr.on('data', (d) => (err += d));
    p.stdout.on('data', (d) => {
      if (out.length < 1_000_000) out += d;
      if (!signalled && out.includes('INSERT 1')) {
        signalled = true;
        p.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((r) => p.once('close', (c) => r(c)));
    assert.ok(signalled, `no INSERT status came: ${err}`);
    assert.equal(code, 1, `exit status; stderr: ${err}`);
    assert.match(err, /dump\.sql:\d+: Cancelled: canceling statement due to user request/);
    assert.match(err, /transaction still open at the end of the script: rolled back/);
    const check = await inline(db);
    try {
      assert.deepEqual((await collect(check, "select count(*) from sqlite_schema where name = 't'")).rows, [[0]], 'the transaction was rolled back');
    } finally {
      await check.close();
    }
  });
});
