import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lex } from '../../src/sql/lexer.js';
import { splitStatements } from '../../src/sql/splitter.js';
import { inputStatus } from '../../src/sql/input-status.js';
import { classifyStatement } from '../../src/sql/classify.js';
import type { LexOptions, SqlDialect } from '../../src/sql/dialect.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { mysqlDialect } from '../../src/sql/dialects/mysql.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb.js';

const DIALECTS: readonly SqlDialect[] = [sqliteDialect, postgresDialect, mysqlDialect, duckdbDialect];

const FRAGMENTS = [
  "'", '"', '`', '[', ']', '$$', '$a$', '$1', '/*', '*/', '--', '-- ', '#', '\\', '\\g', '\\dt x', '\n', '\r\n', ' ', ';', ';;',
  'select', 'begin', 'end', 'case', 'create trigger t', 'create procedure p', 'DELIMITER //', 'DELIMITER ;', '//', 'E\'', "X'",
  '(', ')', '::', '->>', ':name', '@x', '@@g.x', '?', '0x1F', '1.5e3', '.5', 'é', '😀', '\u0000', "''", '""', 'where', 'if',
  '\\G', '\\c', '\\conninfo', '\\gx', "U&'", 'U&"', 'u&', '/*!', '\\e ',
];

/** SQL-ish strings: fragments from the table glued with arbitrary short strings. */
const sqlish = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })), { maxLength: 40 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), sqlish);

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
  dashCommentNeedsSpace: fc.boolean(),
  shortBackslashCommands: fc.boolean(),
  unicodeStrings: fc.boolean(),
});

function assertTiles(text: string, opts: LexOptions): void {
  const toks = lex(text, opts);
  let pos = 0;
  for (const t of toks) {
    assert.equal(t.start, pos);
    assert.ok(t.end > t.start, 'tokens are non-empty');
    assert.equal(t.text, text.slice(t.start, t.end));
    pos = t.end;
  }
  assert.equal(pos, text.length);
  toks.forEach((t, i) => {
    if (t.unterminated) assert.equal(i, toks.length - 1, 'only the last token can be unterminated');
  });
}

function assertSplitTiles(text: string, opts: LexOptions, mysql: boolean): void {
  const stmts = splitStatements(text, opts, { mysqlDelimiterCommand: mysql });
  assert.equal(stmts.map((s) => text.slice(s.segmentStart, s.segmentEnd)).join(''), text);
  let pos = 0;
  for (const s of stmts) {
    assert.equal(s.segmentStart, pos);
    assert.ok(s.segmentEnd > s.segmentStart);
    assert.equal(text.slice(s.start, s.end), s.text);
    assert.ok(s.line >= 1);
    pos = s.segmentEnd;
  }
}

describe('properties', () => {
  for (const d of DIALECTS) {
    test(`${d.id}: lex never throws and its tokens tile the input`, () => {
      fc.assert(fc.property(anyText, (text) => assertTiles(text, d.lex)), { numRuns: 400 });
    });
    test(`${d.id}: splitting then joining the segments reproduces the input`, () => {
      fc.assert(fc.property(anyText, (text) => assertSplitTiles(text, d.lex, d.id === 'mysql')), { numRuns: 400 });
    });
    test(`${d.id}: inputStatus and classifyStatement never throw`, () => {
      fc.assert(fc.property(anyText, (text) => {
        const s = inputStatus(text, d.lex);
        assert.equal(typeof s.complete, 'boolean');
        assert.equal(s.complete, s.reason === undefined);
        const c = classifyStatement(text, d);
        assert.equal(c.keyword, c.keyword.toUpperCase());
      }), { numRuns: 300 });
    });
  }
  test('any combination of lexical flags: lex and split tile the input', () => {
    fc.assert(fc.property(anyText, lexOptions, fc.boolean(), (text, opts, mysql) => {
      assertTiles(text, opts);
      assertSplitTiles(text, opts, mysql);
    }), { numRuns: 600 });
  });
  test('complete statements joined with ; split back into the same texts', () => {
    const stmt = fc.constantFrom('select 1', "select 'a;b'", 'select "x;y"', 'select /* ; */ 2', 'insert into t values (1, \'-- x\')');
    fc.assert(fc.property(fc.array(stmt, { minLength: 1, maxLength: 8 }), (list) => {
      const text = list.join(';\n') + ';';
      const got = splitStatements(text, postgresDialect.lex).filter((s) => s.text !== '').map((s) => s.text);
      assert.deepEqual(got, list);
    }));
  });
});
