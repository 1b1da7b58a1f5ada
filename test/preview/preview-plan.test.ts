/** What can be previewed and how, per engine: the plan from the classification alone (no database). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyStatement } from '../../src/sql/classify.js';
import { planPreview, type PlanInput, type PreviewMode } from '../../src/preview/preview-plan.js';
import { engineById } from '../../src/engines/registry.js';
import type { EngineId } from '../../src/sql/dialect.js';

async function plan(engine: EngineId, sql: string, more: Partial<Omit<PlanInput, 'cls' | 'engine'>> & { mode?: PreviewMode } = {}) {
  const cls = classifyStatement(sql, await engineById(engine).dialect());
  return planPreview({ cls, engine, mode: 'destructive', transaction: 'idle', ...more });
}

test('destructive mode previews UPDATE/DELETE (with or without WHERE), DROP, TRUNCATE, ALTER ... DROP, INSERT ... SELECT', async () => {
  for (const sql of ['delete from t where id = 1', 'update t set a = 1', 'drop table t', 'truncate t', 'alter table t drop column a', 'insert into t select * from u']) {
    assert.equal((await plan('postgres', sql)).kind, 'preview', sql);
  }
  for (const sql of ['select 1', 'insert into t values (1)', 'create table t (a int)', 'alter table t add column b int', 'set x = 1']) {
    assert.equal((await plan('postgres', sql)).kind, 'none', sql);
  }
  assert.equal((await plan('postgres', 'insert into t values (1)', { mode: 'all' })).kind, 'preview');
  assert.equal((await plan('postgres', 'delete from t', { mode: 'off' })).kind, 'none');
});

test('a savepoint inside the user transaction; nothing in a failed one; DuckDB has no savepoints', async () => {
  assert.deepEqual(await plan('sqlite', 'delete from t', { transaction: 'in-transaction', serverVersion: '3.45.0' }), { kind: 'preview', wrap: 'savepoint', addReturning: true, ownReturning: false, selectRows: 'none' });
  assert.equal((await plan('postgres', 'delete from t', { transaction: 'failed' })).kind, 'none');
  const d = await plan('duckdb', 'delete from t', { transaction: 'in-transaction' });
  assert.equal(d.kind, 'ask');
  assert.equal((await plan('duckdb', 'delete from t')).kind, 'preview');
});

test('RETURNING where the engine has it, else a SELECT by the same WHERE', async () => {
  const p = async (engine: EngineId, sql: string, serverVersion?: string) => {
    const r = await plan(engine, sql, serverVersion ? { serverVersion } : {});
    return r.kind === 'preview' ? [r.addReturning, r.selectRows] : r.kind;
  };
  assert.deepEqual(await p('postgres', 'update t set a = 1 where b = 2'), [true, 'none']);
  assert.deepEqual(await p('postgres', 'delete from t returning id'), [false, 'none']);
  assert.deepEqual(await p('duckdb', 'update t set a = 1'), [true, 'none']);
  assert.deepEqual(await p('sqlite', 'delete from t where a = 1', '3.34.1'), [false, 'before']);
  assert.deepEqual(await p('sqlite', 'delete from t where a = 1', '3.35.0'), [true, 'none']);
  assert.deepEqual(await p('mysql', 'delete from t where a = 1', '10.11.6-MariaDB'), [true, 'none']);
  assert.deepEqual(await p('mysql', 'update t set a = 1 where a = 2', '10.11.6-MariaDB'), [false, 'after']);
  assert.deepEqual(await p('mysql', 'insert into t select * from u', '10.4.1-MariaDB'), [false, 'none']);
  assert.deepEqual(await p('mysql', 'delete from t where a = 1', '8.0.36'), [false, 'before']);
});

test('what cannot roll back is asked by name, with the reason', async () => {
  const why = async (engine: EngineId, sql: string, mode: PreviewMode = 'destructive') => {
    const r = await plan(engine, sql, { mode });
    return r.kind === 'ask' ? r.why : r.kind;
  };
  assert.match(await why('mysql', 'drop table orders'), /MariaDB and MySQL commit DROP at once/);
  assert.match(await why('mysql', 'truncate orders'), /commit TRUNCATE at once/);
  assert.equal(await why('mysql', 'delete from orders'), 'preview');
  assert.match(await why('postgres', 'drop database shop'), /cannot run DROP DATABASE inside a transaction/);
  assert.match(await why('postgres', "delete from t where id = nextval('s')"), /calls nextval\(\)/);
  assert.match(await why('postgres', "delete from t where pg_advisory_lock(1) is not null"), /calls pg_advisory_lock\(\).*lock stays held/);
  // A lock held for the transaction only, and a notification, end with the rollback: previewed.
  assert.equal(await why('postgres', "delete from t where pg_advisory_xact_lock(1) is not null and pg_notify('c', 'x') is null"), 'preview');
  assert.match(await why('postgres', "copy t from '/tmp/x.csv'", 'all'), /files outside the database/);
});

test('classification names what a change touches', async () => {
  const pg = await engineById('postgres').dialect();
  assert.deepEqual(classifyStatement("delete from t where a in (select 1) and (b or nextval('s') > 0)", pg).change?.calls, ['nextval']);
  assert.deepEqual(classifyStatement('delete from shop.orders where id < 10 and (a or b) returning *', pg).change, { target: 'shop.orders', where: 'id < 10 and (a or b)', returning: true });
  assert.deepEqual(classifyStatement('update "Order" set a = 1 where x in (select 1 limit 1) order by a limit 3', pg).change, { target: 'Order', where: 'x in (select 1 limit 1)' });
  assert.deepEqual({ ...classifyStatement('insert into t (a) select a from u', pg).change, calls: undefined }, { target: 't', insertSelect: true, calls: undefined });
  assert.deepEqual(classifyStatement('drop table if exists a, b cascade', pg).change, { objectKind: 'TABLE', objects: ['a', 'b'] });
  assert.deepEqual(classifyStatement('truncate table only x', pg).change, { objectKind: 'TABLE', objects: ['x'] });
  assert.equal(classifyStatement('select 1', pg).change, undefined);
});
