import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyStatement, type StatementClass } from '../../src/sql/classify.js';
import type { SqlDialect } from '../../src/sql/dialect.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { mysqlDialect } from '../../src/sql/dialects/mysql.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb.js';

type Case = readonly [dialect: SqlDialect, sql: string, expected: Partial<StatementClass> & { destructive?: { reason: string } | undefined }];

const pg = postgresDialect;
const CASES: readonly Case[] = [
  [pg, 'select 1', { keyword: 'SELECT', kind: 'query', changesCatalog: false, destructive: undefined }],
  [pg, '  -- note\n/* c */ SELECT 1', { keyword: 'SELECT', kind: 'query' }],
  [pg, '(select 1) union (select 2)', { keyword: 'SELECT', kind: 'query' }],
  [pg, 'values (1), (2)', { keyword: 'VALUES', kind: 'query' }],
  [pg, 'explain analyze select 1', { keyword: 'EXPLAIN', kind: 'query' }],
  [pg, '', { keyword: '', kind: 'other', changesCatalog: false }],
  [pg, '-- only a comment', { keyword: '', kind: 'other' }],
  [pg, 'with x as (select 1) select * from x', { keyword: 'SELECT', kind: 'query' }],
  [pg, 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r) SELECT * FROM r', { keyword: 'SELECT', kind: 'query' }],
  [pg, 'with x as (select 1) delete from t', { keyword: 'DELETE', kind: 'dml', destructive: { reason: 'DELETE without WHERE deletes every row of "t"' } }],
  [pg, 'with x as (delete from a returning *) select * from x', { keyword: 'SELECT', kind: 'query', destructive: undefined }],
  [pg, 'insert into t values (1)', { keyword: 'INSERT', kind: 'dml', destructive: undefined }],
  [pg, 'delete from t where id = 1', { keyword: 'DELETE', kind: 'dml', destructive: undefined }],
  [pg, 'delete from public.users', { destructive: { reason: 'DELETE without WHERE deletes every row of "public.users"' } }],
  [pg, 'delete from t where id in (select id from u)', { destructive: undefined }],
  [pg, 'delete from t using u', { destructive: { reason: 'DELETE without WHERE deletes every row of "t"' } }],
  [pg, 'update t set a = 1', { keyword: 'UPDATE', kind: 'dml', destructive: { reason: 'UPDATE without WHERE changes every row of "t"' } }],
  [pg, 'update t set a = (select max(b) from u where u.x = 1)', { destructive: { reason: 'UPDATE without WHERE changes every row of "t"' } }],
  [pg, 'update t set a = 1 where b = 2', { destructive: undefined }],
  [sqliteDialect, 'update or replace t set a = 1', { destructive: { reason: 'UPDATE without WHERE changes every row of "t"' } }],
  [pg, 'drop table users', { keyword: 'DROP', kind: 'ddl', changesCatalog: true, destructive: { reason: 'DROP TABLE deletes the table "users" and all its rows' } }],
  [pg, 'DROP TABLE IF EXISTS "My Table", b CASCADE', { destructive: { reason: 'DROP TABLE deletes the tables "My Table", "b" and all their rows' } }],
  [mysqlDialect, 'drop table `a``b`', { destructive: { reason: 'DROP TABLE deletes the table "a`b" and all its rows' } }],
  [pg, 'drop view v', { destructive: { reason: 'DROP VIEW deletes the view "v"' } }],
  [pg, 'drop materialized view if exists s.mv', { destructive: { reason: 'DROP MATERIALIZED VIEW deletes the materialized view "s.mv"' } }],
  [pg, 'drop index concurrently i', { destructive: { reason: 'DROP INDEX deletes the index "i"' } }],
  [pg, 'drop schema s cascade', { destructive: { reason: 'DROP SCHEMA deletes the schema "s" and everything in it' } }],
  [mysqlDialect, 'drop database shop', { destructive: { reason: 'DROP DATABASE deletes the database "shop" and everything in it' } }],
  [pg, 'truncate table a, b', { keyword: 'TRUNCATE', kind: 'ddl', destructive: { reason: 'TRUNCATE deletes every row of "a", "b"' } }],
  [pg, 'truncate a', { destructive: { reason: 'TRUNCATE deletes every row of "a"' } }],
  [pg, 'alter table t drop column c', { keyword: 'ALTER', kind: 'ddl', changesCatalog: true, destructive: { reason: 'ALTER TABLE ... DROP removes the column "c" from "t"' } }],
  [mysqlDialect, 'alter table t add x int, drop y', { destructive: { reason: 'ALTER TABLE ... DROP removes the column "y" from "t"' } }],
  [pg, 'alter table t drop constraint if exists k', { destructive: { reason: 'ALTER TABLE ... DROP removes the constraint "k" from "t"' } }],
  [pg, 'alter table t alter column c drop not null', { destructive: undefined }],
  [pg, 'alter table t alter column c drop default', { destructive: undefined }],
  [pg, 'alter table t add column d int', { destructive: undefined, changesCatalog: true }],
  [pg, 'create table t (a int)', { keyword: 'CREATE', kind: 'ddl', changesCatalog: true, destructive: undefined }],
  [sqliteDialect, 'attach database "x.db" as x', { keyword: 'ATTACH', kind: 'ddl', changesCatalog: true }],
  [pg, 'comment on table t is $$x$$', { keyword: 'COMMENT', changesCatalog: true }],
  [pg, 'begin', { keyword: 'BEGIN', kind: 'transaction', transaction: 'begin' }],
  [sqliteDialect, 'begin immediate transaction', { kind: 'transaction', transaction: 'begin' }],
  [mysqlDialect, 'start transaction read only', { keyword: 'START', kind: 'transaction', transaction: 'begin' }],
  [pg, 'commit', { kind: 'transaction', transaction: 'commit' }],
  [pg, 'end', { kind: 'transaction', transaction: 'commit' }],
  [pg, 'rollback', { kind: 'transaction', transaction: 'rollback' }],
  [pg, 'abort', { kind: 'transaction', transaction: 'rollback' }],
  [pg, 'rollback to savepoint a', { kind: 'transaction', transaction: 'savepoint' }],
  [pg, 'savepoint a', { kind: 'transaction', transaction: 'savepoint' }],
  [pg, 'release savepoint a', { kind: 'transaction', transaction: 'savepoint' }],
  [pg, 'set search_path to x', { keyword: 'SET', kind: 'session', transaction: undefined, changesCatalog: true }],
  [pg, 'set local search_path = x', { kind: 'session', changesCatalog: true }],
  [pg, 'reset search_path', { kind: 'session', changesCatalog: true }],
  [pg, 'set statement_timeout = 0', { kind: 'session', changesCatalog: false }],
  [mysqlDialect, 'set @x = 1', { kind: 'session', changesCatalog: false }],
  [pg, 'explain delete from t', { keyword: 'EXPLAIN', kind: 'query', destructive: undefined }],
  [pg, 'merge into t using s on t.id = s.id when matched then delete', { keyword: 'MERGE', kind: 'dml' }],
  [mysqlDialect, 'replace into t values (1)', { keyword: 'REPLACE', kind: 'dml', destructive: undefined }],
  [pg, 'call p()', { keyword: 'CALL', kind: 'other' }],
  [mysqlDialect, 'use shop', { keyword: 'USE', kind: 'session', changesCatalog: true }],
  [sqliteDialect, 'pragma foreign_keys = on', { keyword: 'PRAGMA', kind: 'session' }],
  [sqliteDialect, 'pragma table_info(t)', { keyword: 'PRAGMA', kind: 'query' }],
  [duckdbDialect, 'from t select a', { keyword: 'FROM', kind: 'query' }],
  [duckdbDialect, 'install httpfs', { keyword: 'INSTALL', changesCatalog: true }],
  [pg, 'vacuum analyze t', { keyword: 'VACUUM', kind: 'other', changesCatalog: false }],
  [pg, 'grant select on t to u', { keyword: 'GRANT', kind: 'ddl', changesCatalog: false }],
];

describe('classifyStatement', () => {
  for (const [dialect, sql, expected] of CASES) {
    test(`${dialect.id}: ${JSON.stringify(sql)}`, () => {
      const got = classifyStatement(sql, dialect) as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(expected)) {
        assert.deepEqual(got[k], v, `${k} of ${JSON.stringify(sql)}`);
      }
    });
  }
});

test("a long INSERT (a dump's rows) is classified by its first words; what it changes is the same, worked out when read", () => {
  const rows = Array.from({ length: 200 }, (_, k) => `(${k}, 'n${k}', now())`).join(', ');
  for (const [sql, change] of [
    [`insert into people values ${rows}`, { target: 'people', calls: ['now'] }],
    [`insert into people values ${rows} returning id`, { target: 'people', returning: true, calls: ['now'] }],
    [`with x as (select 1) insert into people values ${rows}`, { target: 'people', calls: ['now'] }],
  ] as const) {
    const cls = classifyStatement(sql, postgresDialect);
    assert.ok(Object.getOwnPropertyDescriptor(cls, 'change')?.get, 'the rows are lexed only when `change` is read');
    assert.equal(cls.keyword, 'INSERT');
    assert.equal(cls.kind, 'dml');
    assert.equal(cls.destructive, undefined);
    assert.deepEqual(cls.change, change);
    assert.deepEqual({ ...cls }, { keyword: 'INSERT', kind: 'dml', changesCatalog: false, change });
  }
});
