/**
 * Connection.executeMany on PostgreSQL (postgres-pipeline.ts): each statement its own simple-query
 * message, several on the wire at once, only where that cannot change what runs: a caller that stops at
 * the first failure (stopAtError) outside a transaction block gets one statement at a time (nothing after
 * a failure ran); inside a block the ones after a failure are refused by the server; a caller that goes on
 * past failures gets every statement run, as it would run them itself.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection, ManyOptions, ManyResult } from '../../src/engines/engine.js';
import { CancelledError, ConnectionLostError, SqlError } from '../../src/core/errors.js';
import { connectTo, events, rows, scalar } from '../harness/postgres-helpers.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';

const inserts = (from: number, to: number, table = 'rm'): string[] => Array.from({ length: to - from + 1 }, (_, i) => `insert into ${table} values (${from + i})`);

async function fresh(c: Connection, table = 'rm'): Promise<void> {
  await events(c, `drop table if exists ${table}`);
  await events(c, `create table ${table} (id int primary key)`);
}

const ids = async (c: Connection, table = 'rm'): Promise<number[]> => (await rows(c, `select id from ${table} order by id`)).map((r) => Number(r[0]));

async function withConnection(t: Parameters<typeof withServer>[0], body: (c: Connection) => Promise<void>): Promise<void> {
  const server = await withServer(t, sharedPostgres);
  if (!server) return;
  const c = await connectTo(server);
  try {
    await events(c, 'create schema if not exists run_many');
    await events(c, 'set search_path = run_many');
    await body(c);
  } finally {
    await c.close();
  }
}

function many(c: Connection, statements: readonly string[], opts: ManyOptions = {}): Promise<ManyResult> {
  return c.executeMany!(statements, opts) as Promise<ManyResult>;
}

describe('executeMany on PostgreSQL', () => {
  test('statuses in order, as execute() gives them', async (t) => {
    await withConnection(t, async (c) => {
      await fresh(c);
      const r = await many(c, [...inserts(1, 100), 'update rm set id = id + 1000 where id <= 3', 'delete from rm where id > 90', 'create table rm2 (a int)', 'drop table rm2']);
      assert.equal(r.stop, undefined);
      assert.equal(r.done.length, 104);
      assert.deepEqual(r.done[0], { command: 'INSERT 0 1', affected: 1 });
      assert.deepEqual(r.done.slice(100), [{ command: 'UPDATE 3', affected: 3 }, { command: 'DELETE 13', affected: 13 }, { command: 'CREATE TABLE' }, { command: 'DROP TABLE' }]);
      assert.equal((await ids(c)).length, 87);
      assert.equal(c.transactionStatus(), 'idle');
    });
  });

  test('a statement that returns rows or controls a transaction is not run: stop "other" there', async (t) => {
    await withConnection(t, async (c) => {
      await fresh(c);
      for (const other of ['select 1', 'insert into rm values (50) returning id', 'begin', 'commit', 'savepoint s', 'copy rm from stdin']) {
        const r = await many(c, [...inserts(1, 2), other, ...inserts(3, 4)]);
        assert.equal(r.stop, 'other', other);
        assert.equal(r.done.length, 2, other);
        assert.deepEqual(await ids(c), [1, 2], other);
        await events(c, 'truncate rm');
      }
    });
  });

  test('stopAtError outside a transaction block: nothing after the failure ran', async (t) => {
    await withConnection(t, async (c) => {
      await fresh(c);
      const r = await many(c, [...inserts(1, 3), 'insert into rm values (2)', ...inserts(4, 40)], { stopAtError: true });
      assert.equal(r.done.length, 3);
      assert.ok(r.stop instanceof SqlError);
      assert.equal(r.stop.code, '23505');
      assert.deepEqual(r.after ?? [], []);
      assert.deepEqual(await ids(c), [1, 2, 3]);
    });
  });

  test('without stopAtError every statement runs; those sent after a failure are answered in order', async (t) => {
    await withConnection(t, async (c) => {
      await fresh(c);
      const r = await many(c, [...inserts(1, 3), 'insert into rm values (2)', ...inserts(4, 10), 'insert into rm valuez (11)', ...inserts(12, 13)]);
      assert.equal(r.done.length, 3);
      assert.ok(r.stop instanceof SqlError);
      // all were on the wire at once: the rest came back with the failure
      const after = r.after ?? [];
      assert.equal(after.length, 10);
      assert.deepEqual(after.slice(0, 7), Array(7).fill({ command: 'INSERT 0 1', affected: 1 }));
      assert.ok(after[7] instanceof SqlError && after[7].code === '42601' && after[7].position === 'insert into rm '.length);
      assert.deepEqual(await ids(c), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13]);
    });
  });

  test('stopAtError inside a transaction block: those sent after the failure were refused, and ROLLBACK leaves nothing', async (t) => {
    await withConnection(t, async (c) => {
      await fresh(c);
      await events(c, 'begin');
      const r = await many(c, [...inserts(1, 3), 'insert into rm values (2)', ...inserts(4, 40)], { stopAtError: true });
      assert.equal(r.done.length, 3);
      assert.ok(r.stop instanceof SqlError && r.stop.code === '23505');
      const after = r.after ?? [];
      assert.ok(after.length > 0, 'statements went ahead of the answers');
      for (const a of after) assert.ok(a instanceof SqlError && a.code === '25P02', String(a));
      assert.equal(c.transactionStatus(), 'failed');
      await events(c, 'rollback');
      assert.deepEqual(await ids(c), []);
    });
  });

  test('notices name their statement; error positions are in their statement; a rule\'s rows come back', async (t) => {
    await withConnection(t, async (c) => {
      await fresh(c);
      await events(c, 'drop table if exists rm_log');
      await events(c, 'create table rm_log (id int)');
      await events(c, 'create rule rm_shout as on insert to rm_log do also select new.id * 10 as ten');
      const r = await many(c, [
        'insert into rm values (1)',
        "do $$ begin raise notice 'first'; raise warning 'second'; end $$",
        'create table if not exists rm (id int)',
        'insert into rm_log values (7)',
        'insert into rm values (1)',
      ]);
      assert.deepEqual(r.notices?.map((n) => [n.index, n.severity, n.message]), [
        [1, 'NOTICE', 'first'],
        [1, 'WARNING', 'second'],
        [2, 'NOTICE', 'relation "rm" already exists, skipping'],
      ]);
      assert.equal(r.done.length, 4);
      assert.deepEqual(r.done[3]?.result?.rows, [[70]]);
      assert.deepEqual(r.done[3]?.result?.columns.map((col) => col.name), ['ten']);
      assert.ok(r.stop instanceof SqlError && r.stop.code === '23505');
      await events(c, 'drop table rm_log');
    });
  });

  test('Ctrl-C: the running statement is cancelled, nothing more is sent, and the session goes on', async (t) => {
    await withConnection(t, async (c) => {
      await fresh(c);
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 300);
      const r = await many(c, ['insert into rm values (1)', 'do $$ begin perform pg_sleep(30); end $$', ...inserts(2, 5000)], { signal: ac.signal, stopAtError: true });
      assert.equal(r.done.length, 1);
      assert.ok(r.stop instanceof CancelledError, String(r.stop));
      assert.deepEqual(await ids(c), [1]);
      assert.equal(await scalar(c, 'select 1'), 1);
    });
  });

  test('the session lost mid-way: ConnectionLostError once, and the next statement reconnects', async (t) => {
    await withConnection(t, async (c) => {
      await fresh(c);
      const pid = await scalar(c, 'select pg_backend_pid()');
      const server = await sharedPostgres();
      const killer = await connectTo(server);
      try {
        const running = many(c, ['do $$ begin perform pg_sleep(30); end $$', ...inserts(1, 10)]);
        await new Promise((r) => setTimeout(r, 300));
        await events(killer, `select pg_terminate_backend(${String(pid)})`);
        const r = await running;
        assert.equal(r.done.length, 0);
        assert.ok(r.stop instanceof ConnectionLostError, String(r.stop));
        const again = await events(c, 'select 2');
        assert.ok(again.some((e) => e.type === 'notice' && /reconnected/.test(e.message)));
      } finally {
        await killer.close();
      }
    });
  });
});
