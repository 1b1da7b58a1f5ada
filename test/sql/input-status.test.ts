import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inputStatus, type InputStatus } from '../../src/sql/input-status.js';
import type { SqlDialect } from '../../src/sql/dialect.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { mysqlDialect } from '../../src/sql/dialects/mysql.js';

type Case = readonly [dialect: SqlDialect, input: string, expected: InputStatus, options?: { delimiter?: string; mysqlDelimiterCommand?: boolean }];

const CASES: readonly Case[] = [
  [sqliteDialect, '', { complete: true }],
  [sqliteDialect, '   \n ', { complete: true }],
  [sqliteDialect, '-- just a comment', { complete: true }],
  [sqliteDialect, 'select 1;', { complete: true }],
  [sqliteDialect, 'select 1;  -- done', { complete: true }],
  [sqliteDialect, 'select 1', { complete: false, reason: 'no-terminator' }],
  [sqliteDialect, 'select 1; select 2', { complete: false, reason: 'no-terminator' }],
  [sqliteDialect, "select 'abc", { complete: false, reason: 'open-string' }],
  [sqliteDialect, "select 'abc;", { complete: false, reason: 'open-string' }],
  [sqliteDialect, 'select "col', { complete: false, reason: 'open-quoted-identifier' }],
  [sqliteDialect, 'select [col', { complete: false, reason: 'open-quoted-identifier' }],
  [mysqlDialect, 'select `col', { complete: false, reason: 'open-quoted-identifier' }],
  [mysqlDialect, 'select "abc', { complete: false, reason: 'open-string' }],
  [sqliteDialect, 'select 1; /* still', { complete: false, reason: 'open-comment' }],
  [postgresDialect, 'select /* a /* b */ ;', { complete: false, reason: 'open-comment' }],
  [postgresDialect, 'select $$ body;', { complete: false, reason: 'open-dollar-quote' }],
  [postgresDialect, 'select $fn$ x $$ ;', { complete: false, reason: 'open-dollar-quote' }],
  [postgresDialect, 'select (1, 2;', { complete: false, reason: 'open-paren' }],
  [postgresDialect, 'select (1, 2', { complete: false, reason: 'open-paren' }],
  [sqliteDialect, 'create trigger t after insert on x begin\n  delete from y;', { complete: false, reason: 'open-block' }],
  [sqliteDialect, 'create trigger t after insert on x begin\n  delete from y;\nend;', { complete: true }],
  [postgresDialect, '\\dt', { complete: true }],
  [postgresDialect, 'select 1 \\g', { complete: true }],
  [postgresDialect, 'select 1;\n\\x', { complete: true }],
  [mysqlDialect, 'select 1\\G', { complete: true }],
  [mysqlDialect, 'DELIMITER //', { complete: true }, { mysqlDelimiterCommand: true }],
  [mysqlDialect, 'DELIMITER //\nselect 1;', { complete: false, reason: 'no-terminator' }, { mysqlDelimiterCommand: true }],
  [mysqlDialect, 'DELIMITER //\nselect 1; //', { complete: true }, { mysqlDelimiterCommand: true }],
  [mysqlDialect, 'select 1; $$', { complete: true }, { delimiter: '$$' }],
  [mysqlDialect, 'select 1;', { complete: false, reason: 'no-terminator' }, { delimiter: '$$' }],
];

describe('inputStatus', () => {
  for (const [dialect, input, expected, options] of CASES) {
    test(`${dialect.id}: ${JSON.stringify(input)}${options ? ' ' + JSON.stringify(options) : ''}`, () => {
      assert.deepEqual(inputStatus(input, dialect.lex, options), expected);
    });
  }
});
