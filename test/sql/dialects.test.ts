import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SqlDialect } from '../../src/sql/dialect.js';
import { ENGINE_IDS } from '../../src/sql/dialect.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { mysqlDialect } from '../../src/sql/dialects/mysql.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb.js';

const ALL: readonly SqlDialect[] = [sqliteDialect, postgresDialect, mysqlDialect, duckdbDialect];

describe('dialects: shape', () => {
  test('one dialect per engine id', () => {
    assert.deepEqual(ALL.map((d) => d.id).sort(), [...ENGINE_IDS].sort());
  });
  for (const d of ALL) {
    test(`${d.id}: frozen, lists normalised and non-trivial`, () => {
      assert.ok(Object.isFrozen(d));
      assert.ok(Object.isFrozen(d.lex));
      assert.ok(d.keywords.size > 100, `${d.id} has ${d.keywords.size} keywords`);
      for (const k of d.keywords) assert.equal(k, k.toUpperCase());
      for (const r of d.reserved) assert.ok(d.keywords.has(r), `reserved ${r} is a keyword`);
      for (const f of d.functions) assert.equal(f, f.toLowerCase());
      for (const t of d.datatypes) assert.equal(t, t.toLowerCase());
      assert.equal(new Set(d.functions).size, d.functions.length, 'functions are unique');
      assert.ok(['SELECT', 'FROM', 'WHERE', 'TABLE'].every((k) => d.reserved.has(k)));
      assert.ok(['count', 'sum', 'coalesce', 'lower'].every((f) => d.functions.includes(f)));
      assert.ok(['integer', 'text', 'varchar'].every((t) => d.datatypes.includes(t)));
    });
  }
  test('postgres and duckdb have a few hundred functions', () => {
    assert.ok(postgresDialect.functions.length >= 300, String(postgresDialect.functions.length));
    assert.ok(duckdbDialect.functions.length >= 300, String(duckdbDialect.functions.length));
    assert.ok(postgresDialect.functions.includes('jsonb_build_object'));
    assert.ok(duckdbDialect.functions.includes('read_parquet'));
    assert.ok(sqliteDialect.functions.includes('json_extract'));
    assert.ok(mysqlDialect.functions.includes('group_concat'));
  });
});

describe('dialects: lexical flags', () => {
  test('postgres', () => {
    const l = postgresDialect.lex;
    assert.ok(l.dollarQuotes && l.nestedComments && l.eStrings);
    assert.ok(!l.backslashEscapes && !l.backtickIdents && !l.hashComments && !l.doubleQuoteStrings);
  });
  test('mysql', () => {
    const l = mysqlDialect.lex;
    assert.ok(l.hashComments && l.backtickIdents && l.backslashEscapes && l.doubleQuoteStrings && l.dashCommentNeedsSpace);
    assert.ok(!l.dollarQuotes && !l.bracketIdents);
  });
  test('sqlite', () => {
    const l = sqliteDialect.lex;
    assert.ok(l.backtickIdents && l.bracketIdents);
    assert.ok(!l.dollarQuotes && !l.backslashEscapes && !l.doubleQuoteStrings && !l.hashComments);
  });
  test('duckdb', () => {
    const l = duckdbDialect.lex;
    assert.ok(l.dollarQuotes && !l.bracketIdents && !l.backtickIdents);
  });
  test('identifier folding', () => {
    assert.equal(postgresDialect.identifierFolding, 'lower');
    assert.equal(sqliteDialect.identifierFolding, 'none');
    assert.equal(mysqlDialect.identifierFolding, 'none');
    assert.equal(duckdbDialect.identifierFolding, 'none');
  });
});

describe('dialects: quoting', () => {
  test('quoteIdent doubles the quote character', () => {
    assert.equal(postgresDialect.quoteIdent('a"b'), '"a""b"');
    assert.equal(sqliteDialect.quoteIdent('my col'), '"my col"');
    assert.equal(duckdbDialect.quoteIdent('x'), '"x"');
    assert.equal(mysqlDialect.quoteIdent('a`b'), '`a``b`');
  });
  const cases: readonly [SqlDialect, string, boolean][] = [
    [postgresDialect, 'users', false],
    [postgresDialect, 'Users', true],
    [postgresDialect, 'user', true],
    [postgresDialect, 'select', true],
    [postgresDialect, 'left', true],
    [postgresDialect, 'a$b', false],
    [postgresDialect, '1abc', true],
    [postgresDialect, 'my col', true],
    [postgresDialect, '', true],
    [postgresDialect, 'café', true],
    [postgresDialect, 'name', false],
    [sqliteDialect, 'Users', false],
    [sqliteDialect, 'order', true],
    [sqliteDialect, 'key', false],
    [mysqlDialect, 'Users', false],
    [mysqlDialect, 'interval', true],
    [mysqlDialect, 'status', false],
    [duckdbDialect, 'MyTable', false],
    [duckdbDialect, 'qualify', true],
  ];
  for (const [d, name, expected] of cases) {
    test(`${d.id}: needsQuoting(${JSON.stringify(name)}) is ${expected}`, () => {
      assert.equal(d.needsQuoting(name), expected);
    });
  }
});
