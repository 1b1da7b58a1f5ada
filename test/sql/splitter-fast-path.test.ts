/**
 * The splitter's fast path (a statement's body skipped in one tight loop once its first word is read) must
 * give exactly what the general loop gives: same statements, same fields, same state at the end, for any
 * text, any lexical flags and split options, and for the pieces a script read in parts is cut into.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitLazily, splitLazilyWithoutFastPath, type SplitOptions, type SplitTail, type Statement } from '../../src/sql/splitter.js';
import type { LexOptions, SqlDialect } from '../../src/sql/dialect.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { mysqlDialect } from '../../src/sql/dialects/mysql.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb.js';

const DIALECTS: readonly SqlDialect[] = [sqliteDialect, postgresDialect, mysqlDialect, duckdbDialect];

/** What the dialects' scripts hold, and what trips lexers: quotes, prefixes, comments, commands, parentheses, blocks. */
const FRAGMENTS = [
  "'", '"', '`', '[', ']', '$$', '$a$', '$1', '$', '/*', '*/', '--', '-- ', '#', '\\', '\\g', '\\dt x', '\\;', '\\\\', '\\-', '\\r', '\\d //', '\\c',
  '\n', '\r\n', '\r', ' ', '\t', ';', ';;', 'select', 'SELECT', 'insert into t values', 'INSERT INTO "t" VALUES', 'values(1,', "'a''b'",
  "'x\\'y'", 'begin', 'BEGIN', 'end', 'END', 'end if', 'case', 'create', 'CREATE', 'create trigger t', 'create procedure p', 'create table',
  'function', 'DELIMITER //', 'DELIMITER ;', 'delimiter $$', '//', '$$', 'use db', 'source f', 'quit', 'exit', 'connect', 'status',
  "E'", "e'\\''", "X'", "b'", "N'", "n'", '1e', '1e5', '0x1e', "1e'", '.', '.x', '.5', '(', ')', '((', '))', '::', '->>', ':name',
  '@x', '@@g.x', '?', '0x1F', '1.5e3', 'é', '😀', '\u0000', "''", '""', 'where', 'if', '\\G', '\\conninfo', '\\gx', "U&'", 'U&"',
  'u&', '/*!', '/*!40101', '/*M!', '*/;', '/*+ x */', 'a$b', 'x$$y', '1_000', '1_', '0b1', '0b2', '0x', '00x1', '1..2', '1.5e-3', '1.e', '12.34', '0', "'unclosed",
];

/** SQL-ish strings: fragments from the table glued with arbitrary short strings. */
const sqlish = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })), { maxLength: 50 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), sqlish, sqlish);

/** Arbitrary combinations of the lexical flags, not only the four real dialects. */
const lexOptions: fc.Arbitrary<LexOptions> = fc.record({
  dollarQuotes: fc.boolean(),
  nestedComments: fc.boolean(),
  hashComments: fc.boolean(),
  backtickIdents: fc.boolean(),
  bracketIdents: fc.boolean(),
  backslashEscapes: fc.boolean(),
  eStrings: fc.boolean(),
  doubleQuoteStrings: fc.boolean(),
  executableComments: fc.boolean(),
  dashCommentNeedsSpace: fc.boolean(),
  shortBackslashCommands: fc.boolean(),
  unicodeStrings: fc.boolean(),
  escapedSemicolon: fc.boolean(),
  metaSeparator: fc.boolean(),
});

const splitOptions: fc.Arbitrary<SplitOptions> = fc.record({
  delimiter: fc.constantFrom(undefined, ';', '//', '$$', ';;'),
  mysqlDelimiterCommand: fc.boolean(),
  mysqlLineCommands: fc.boolean(),
  dotCommands: fc.boolean(),
  mysqlClientDelimiter: fc.boolean(),
}, { requiredKeys: [] });

function all(it: Generator<Statement, SplitTail, undefined>): { statements: Statement[]; tail: SplitTail } {
  const statements: Statement[] = [];
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) return { statements, tail: r.value };
    statements.push(r.value);
  }
}

function assertSame(text: string, lex: LexOptions, options?: SplitOptions): void {
  assert.deepStrictEqual(all(splitLazily(text, lex, options)), all(splitLazilyWithoutFastPath(text, lex, options)), JSON.stringify(text));
}

describe('splitter fast path', () => {
  for (const d of DIALECTS) {
    const options: SplitOptions = { mysqlDelimiterCommand: d.id === 'mysql', dotCommands: d.id === 'sqlite' };
    test(`${d.id}: the same statements as the general loop`, () => {
      fc.assert(fc.property(anyText, (text) => assertSame(text, d.lex, options)), { numRuns: 1000 });
    });
    test(`${d.id}: the same for the pieces of a script cut anywhere, and for a cut-off statement read on`, () => {
      fc.assert(fc.property(anyText, fc.nat(), (text, k) => {
        const cut = text.length === 0 ? 0 : k % (text.length + 1);
        assertSame(text.slice(0, cut), d.lex, options);
        assertSame(text.slice(cut), d.lex, options);
      }), { numRuns: 500 });
    });
  }
  test('any lexical flags and split options: the same statements as the general loop', () => {
    fc.assert(fc.property(anyText, lexOptions, splitOptions, (text, lex, options) => assertSame(text, lex, options)), { numRuns: 3000 });
  });
  test('a dump: the same statements', () => {
    const dump = [
      'PRAGMA foreign_keys=OFF;', 'BEGIN TRANSACTION;', 'CREATE TABLE t(id integer primary key, h text, x real);',
      ...Array.from({ length: 50 }, (_, i) => `INSERT INTO t VALUES(${i},'a''${i};--',${i}.5e0); -- note ;\n/* c; */`),
      "INSERT INTO `t` VALUES (1,'x\\'y;',NULL),(2,'(',3);", 'CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET x = 1; END;', 'COMMIT;',
    ].join('\n');
    for (const d of DIALECTS) assertSame(dump, d.lex, { mysqlDelimiterCommand: d.id === 'mysql', dotCommands: d.id === 'sqlite' });
  });
});
