/**
 * Connection.executeMany on SQLite (native/sqlsh-run-many.cc through sqlite-server.ts runMany): a
 * script's statements that return no rows run one after another in one request, with the statuses,
 * errors and effects execute() gives each; a statement that needs the ordinary path (rows, parameters)
 * is given back unrun. On the main thread (a script's) and in the worker (the shell's).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CancelledError, SqlError } from '../../src/core/errors.js';
import type { Connection, ManyResult } from '../../src/engines/engine.js';
import { sqliteEngine } from '../../src/engines/sqlite/sqlite-engine.js';
import { collect, tempDir } from './sqlite-test-helpers.js';

/** executeMany until every statement ran or it stopped (one request runs for a limited time: the rest go again). */
async function runMany(conn: Connection, statements: readonly string[], signal?: AbortSignal): Promise<ManyResult> {
  const done: ManyResult['done'][number][] = [];
  while (done.length < statements.length) {
    const r = await conn.executeMany!(statements.slice(done.length), signal ? { signal } : {});
    assert.ok(r, 'the native helper runs many statements (rebuild it: npm install)');
    done.push(...r.done);
    if (r.stop) return { done, stop: r.stop };
  }
  return { done };
}

const hosts = {
  'the main thread': (path: string): Promise<Connection> => sqliteEngine.connect({ engine: 'sqlite', path }, { inThread: true }),
  'the worker': (path: string): Promise<Connection> => sqliteEngine.connect({ engine: 'sqlite', path }),
};

for (const [where, open] of Object.entries(hosts)) {
  describe(`executeMany on SQLite, on ${where}`, () => {
    test('statuses as execute() gives them, {} for a text without a statement, and the transaction state', async (t) => {
      const conn = await open(join(tempDir(t), 'a.db'));
      const other = await open(join(tempDir(t), 'b.db'));
      try {
        const script = [
          'create table t (x integer primary key, y text)',
          'begin',
          "insert into t values (1, 'a')",
          "insert into t values (2, 'b'), (3, 'c')",
          '/* only a comment */',
          "update t set y = 'z' where x > 1",
          'delete from t where x = 3',
          'create temp view v as select 1',
          'drop view v',
        ];
        const r = await runMany(conn, script);
        assert.equal(r.stop, undefined);
        const one = [];
        for (const sql of script) one.push((await collect(other, sql)).done ?? {});
        assert.deepEqual(
          r.done.map((d) => d.command ?? null),
          one.map((d) => ('command' in d ? d.command ?? null : null)),
        );
        assert.deepEqual(r.done.map((d) => d.command ?? null), ['CREATE TABLE', 'BEGIN', 'INSERT 1', 'INSERT 2', null, 'UPDATE 2', 'DELETE 1', 'CREATE VIEW', 'DROP VIEW']);
        assert.deepEqual(r.done.map((d) => d.affected ?? null), [null, null, 1, 2, null, 2, 1, null, null]);
        assert.equal(conn.transactionStatus(), 'in-transaction');
        assert.deepEqual((await runMany(conn, ['commit'])).done, [{ command: 'COMMIT' }]);
        assert.equal(conn.transactionStatus(), 'idle');
        assert.deepEqual((await collect(conn, 'select * from t order by x')).rows, [[1, 'a'], [2, 'z']]);
      } finally {
        await conn.close();
        await other.close();
      }
    });

    test('a statement that returns rows or takes parameters is given back unrun, and the ones after it too', async (t) => {
      const conn = await open(join(tempDir(t), 'c.db'));
      try {
        await collect(conn, 'create table t (x)');
        let r = await runMany(conn, ['insert into t values (1)', 'insert into t values (2) returning x', 'insert into t values (3)']);
        assert.equal(r.stop, 'other');
        assert.equal(r.done.length, 1);
        r = await runMany(conn, ['insert into t values (:v)', 'insert into t values (4)']);
        assert.equal(r.stop, 'other');
        assert.equal(r.done.length, 0);
        r = await runMany(conn, ['select 1']);
        assert.equal(r.stop, 'other');
        // two statements in one text: execute() says what is wrong with it
        r = await runMany(conn, ['insert into t values (5); insert into t values (6)']);
        assert.equal(r.stop, 'other');
        assert.deepEqual((await collect(conn, 'select x from t')).rows, [[1]], 'only the first insert ran');
      } finally {
        await conn.close();
      }
    });

    test('a failing statement: the ones before it ran, its error is execute()\'s (code, position), the ones after did not run', async (t) => {
      const conn = await open(join(tempDir(t), 'd.db'));
      try {
        await collect(conn, 'create table t (x integer primary key)');
        const r = await runMany(conn, ['insert into t values (1)', 'insert into t values (1)', 'insert into t values (2)']);
        assert.equal(r.done.length, 1);
        assert.ok(r.stop instanceof SqlError);
        const alone = await collect(conn, 'insert into t values (1)').catch((e: unknown) => e);
        assert.ok(alone instanceof SqlError);
        assert.equal(r.stop.message, alone.message);
        assert.equal(r.stop.code, 'SQLITE_CONSTRAINT_PRIMARYKEY');
        assert.equal(r.stop.vendorCode, alone.vendorCode);
        const syntax = 'insert into t valuez (3)';
        const s = await runMany(conn, [syntax]);
        const plain = await collect(conn, syntax).catch((e: unknown) => e);
        assert.ok(s.stop instanceof SqlError && plain instanceof SqlError);
        assert.equal(s.stop.message, plain.message);
        assert.equal(s.stop.position, plain.position);
        assert.notEqual(s.stop.position, undefined, 'the error says where');
        assert.deepEqual((await collect(conn, 'select x from t')).rows, [[1]]);
      } finally {
        await conn.close();
      }
    });

    test('an aborted signal stops it before it starts; the connection goes on', async (t) => {
      const conn = await open(join(tempDir(t), 'e.db'));
      try {
        const ac = new AbortController();
        ac.abort();
        await assert.rejects(runMany(conn, ['create table t (x)'], ac.signal), CancelledError);
        assert.equal((await runMany(conn, ['create table t (x)'])).done.length, 1);
      } finally {
        await conn.close();
      }
    });
  });
}
