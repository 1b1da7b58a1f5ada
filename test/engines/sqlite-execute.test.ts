import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SqlError } from '../../src/core/errors.js';
import type { Connection } from '../../src/engines/engine.js';
import { sqliteEngine } from '../../src/engines/sqlite/sqlite-engine.js';
import { collect } from './sqlite-test-helpers.js';

describe('sqlite execute', () => {
  let conn: Connection;
  before(async () => {
    conn = await sqliteEngine.connect({ engine: 'sqlite', path: ':memory:' });
  });
  after(async () => {
    await conn.close();
  });

  test('values keep their type and precision', async () => {
    const r = await collect(conn, "select 9007199254740993 as big, -9223372036854775808 as min, 42 as small, 1.5 as r, 'ü字' as t, x'00ff10' as b, null as n");
    const [row] = r.rows;
    assert.deepEqual(
      r.columns.map((c) => c.name),
      ['big', 'min', 'small', 'r', 't', 'b', 'n'],
    );
    assert.equal(row![0], 9007199254740993n);
    assert.equal(row![1], -9223372036854775808n);
    assert.equal(row![2], 42);
    assert.equal(typeof row![2], 'number');
    assert.equal(row![3], 1.5);
    assert.equal(row![4], 'ü字');
    assert.ok(row![5] instanceof Uint8Array);
    assert.deepEqual([...(row![5] as Uint8Array)], [0, 255, 16]);
    assert.equal(row![6], null);
    assert.deepEqual(r.done, { type: 'done', command: 'SELECT 1', rowCount: 1 });
  });

  test('declared column types are reported', async () => {
    await collect(conn, 'create table typed (id integer primary key, name varchar(20), price numeric)');
    const r = await collect(conn, 'select * from typed');
    assert.deepEqual(r.columns, [
      { name: 'id', type: 'INTEGER' },
      { name: 'name', type: 'varchar(20)' },
      { name: 'price', type: 'numeric' },
    ]);
    assert.equal(r.rows.length, 0);
  });

  test('DML reports affected rows and a command tag', async () => {
    assert.deepEqual((await collect(conn, 'create table d (a integer primary key, b text)')).done, { type: 'done', command: 'CREATE TABLE' });
    assert.deepEqual((await collect(conn, "insert into d (b) values ('x'), ('y'), ('z')")).done, { type: 'done', command: 'INSERT 3', affected: 3 });
    assert.deepEqual((await collect(conn, "update d set b = 'w' where a > 1")).done, { type: 'done', command: 'UPDATE 2', affected: 2 });
    assert.deepEqual((await collect(conn, 'delete from d where a = 1')).done, { type: 'done', command: 'DELETE 1', affected: 1 });
    assert.equal((await collect(conn, 'create unique index d_a on d (a)')).done?.command, 'CREATE INDEX');
    const ret = await collect(conn, "insert into d (b) values ('v') returning a, b");
    assert.deepEqual(ret.rows, [[4, 'v']]);
    assert.equal(ret.done?.command, 'INSERT 1');
    const cte = await collect(conn, 'with gone as (select 4 as a) delete from d where a in (select a from gone)');
    assert.equal(cte.done?.command, 'DELETE 1');
  });

  test('a constraint violation is an SqlError with the SQLite code', async () => {
    await collect(conn, 'create table p (id integer primary key)');
    await collect(conn, 'create table c (p integer references p (id))');
    await assert.rejects(collect(conn, 'insert into c values (7)'), (e: unknown) => {
      assert.ok(e instanceof SqlError);
      assert.equal(e.code, 'SQLITE_CONSTRAINT_FOREIGNKEY');
      return true;
    });
  });

  test('a syntax error carries the position of the offending token', async () => {
    const sql = "select 'frm' as a frm x";
    await assert.rejects(collect(conn, sql), (e: unknown) => {
      assert.ok(e instanceof SqlError);
      assert.match(e.message, /near "frm": syntax error/);
      assert.equal(e.position, sql.lastIndexOf('frm'));
      return true;
    });
    const twice = 'select * from d where a = = 1';
    await assert.rejects(collect(conn, twice), (e: unknown) => e instanceof SqlError && e.position === twice.lastIndexOf('='));
  });

  test('an unknown column or table is located in the statement', async () => {
    const sql = "select 'nope', nope from d";
    await assert.rejects(collect(conn, sql), (e: unknown) => e instanceof SqlError && /no such column/.test(e.message) && e.position === sql.indexOf(', nope') + 2);
    const t = 'select * from   missing_table';
    await assert.rejects(collect(conn, t), (e: unknown) => e instanceof SqlError && /no such table/.test(e.message) && e.position === t.indexOf('missing'));
  });

  test('two statements at once are rejected with a clear message', async () => {
    const sql = 'select 1; select 2';
    await assert.rejects(collect(conn, sql), (e: unknown) => {
      assert.ok(e instanceof SqlError);
      assert.match(e.message, /more than one statement/);
      assert.equal(e.position, sql.indexOf('select 2'));
      return true;
    });
    assert.deepEqual((await collect(conn, 'select 3;  -- trailing comment')).rows, [[3]]);
  });

  test('a statement of only comments does nothing', async () => {
    const r = await collect(conn, '-- just a comment');
    assert.deepEqual(r.done, { type: 'done' });
    assert.equal(r.columns.length, 0);
  });

  test('transaction status follows BEGIN, COMMIT and ROLLBACK', async () => {
    assert.equal(conn.transactionStatus(), 'idle');
    assert.equal((await collect(conn, 'begin')).done?.command, 'BEGIN');
    assert.equal(conn.transactionStatus(), 'in-transaction');
    await collect(conn, "insert into d (b) values ('tx')");
    assert.equal(conn.transactionStatus(), 'in-transaction');
    await assert.rejects(collect(conn, 'select * frm d'), SqlError);
    assert.equal(conn.transactionStatus(), 'in-transaction');
    await collect(conn, 'commit');
    assert.equal(conn.transactionStatus(), 'idle');
    await collect(conn, 'begin');
    await collect(conn, 'rollback');
    assert.equal(conn.transactionStatus(), 'idle');
  });
});
