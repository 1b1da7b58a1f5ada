import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { sqliteNullBindings } from '../../src/engines/sqlite/sqlite-null-bindings.js';

const require = createRequire(import.meta.url);

test('every parameter of a SQLite statement bound to NULL, in the form better-sqlite3 takes (positional, then named)', () => {
  const Database = require('better-sqlite3') as new (file: string) => { prepare(sql: string): { raw(on: boolean): { all(...a: unknown[]): unknown[][] } } };
  const db = new Database(':memory:');
  const cases: [string, unknown[], number][] = [
    ['select 1', [], 1],
    ["select ':no', '?'", [], 2],
    ['select :foo, @bar, $baz, ?1, ?', [null, { 1: null, foo: null, bar: null, baz: null }], 5],
    ['select ?2', [null, { 2: null }], 1],
    ['select ?1, ?2', [{ 1: null, 2: null }], 2],
    ['select ?, ?3', [null, null, { 3: null }], 2],
    ['select :a, :a, @a', [{ a: null }], 3],
    ['select ?, :x, ?5, ?', [null, null, null, null, { 5: null, x: null }], 4],
  ];
  for (const [sql, args, width] of cases) {
    assert.deepEqual(sqliteNullBindings(sql), args, sql);
    assert.deepEqual(db.prepare(sql).raw(true).all(...sqliteNullBindings(sql))[0]!.length, width, sql);
  }
  assert.deepEqual(db.prepare('select :foo, ?2').raw(true).all(...sqliteNullBindings('select :foo, ?2')), [[null, null]]);
});
