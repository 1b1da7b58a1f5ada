import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lex, lexSignificant } from '../../src/sql/lexer.js';
import type { LexOptions } from '../../src/sql/dialect.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { mysqlDialect } from '../../src/sql/dialects/mysql.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb.js';

const OPTS: Record<string, LexOptions> = {
  sqlite: sqliteDialect.lex,
  postgres: postgresDialect.lex,
  mysql: mysqlDialect.lex,
  duckdb: duckdbDialect.lex,
};

/** Compact form: significant tokens as 'type:text' ('!' suffix = unterminated). */
function sig(text: string, opts: LexOptions): string[] {
  return lex(text, opts)
    .filter((t) => t.type !== 'space')
    .map((t) => `${t.type}:${t.text}${t.unterminated ? '!' : ''}`);
}

type Case = readonly [dialect: string, input: string, expected: readonly string[]];

const CASES: readonly Case[] = [
  // strings
  ['postgres', "'it''s'", ["string:'it''s'"]],
  ['postgres', "'a\\'", ["string:'a\\'"]], // no backslash escapes in standard strings
  ['postgres', "E'a\\'b'", ["string:E'a\\'b'"]],
  ['postgres', "e'\\\\' x", ["string:e'\\\\'", 'word:x']],
  ['mysql', "'a\\'b' c", ["string:'a\\'b'", 'word:c']],
  ['mysql', '"a""b\\"c"', ['string:"a""b\\"c"']],
  ['sqlite', "'a\\' b", ["string:'a\\'", 'word:b']],
  ['sqlite', "X'0A' x'ff'", ["string:X'0A'", "string:x'ff'"]],
  ['postgres', "B'101' N'x'", ["string:B'101'", "string:N'x'"]],
  ['sqlite', "E'x'", ['word:E', "string:'x'"]], // no E-strings outside PostgreSQL/DuckDB
  ['postgres', "'open", ["string:'open!"]],
  ['mysql', "'open\\'", ["string:'open\\'!"]],
  // identifiers
  ['postgres', '"My ""Table"""', ['quoted-ident:"My ""Table"""']],
  ['postgres', '"open', ['quoted-ident:"open!']],
  ['sqlite', '[my col] `b`', ['quoted-ident:[my col]', 'quoted-ident:`b`']],
  ['sqlite', '[open', ['quoted-ident:[open!']],
  ['mysql', '`a``b`', ['quoted-ident:`a``b`']],
  ['postgres', 'a[1]', ['word:a', 'punct:[', 'number:1', 'punct:]']],
  ['duckdb', '[1, 2]', ['punct:[', 'number:1', 'punct:,', 'number:2', 'punct:]']],
  ['postgres', 'a$b café_1 _x', ['word:a$b', 'word:café_1', 'word:_x']],
  // comments
  ['postgres', '-- hi\nx', ['line-comment:-- hi', 'word:x']],
  ['postgres', '/* a /* b */ c */ x', ['block-comment:/* a /* b */ c */', 'word:x']],
  ['sqlite', '/* a /* b */ c */', ['block-comment:/* a /* b */', 'word:c', 'operator:*', 'operator:/']],
  ['postgres', '/* a /* b */', ['block-comment:/* a /* b */!']],
  ['mysql', '# note\nx', ['line-comment:# note', 'word:x']],
  ['mysql', '--x', ['operator:-', 'operator:-', 'word:x']],
  ['mysql', '-- x', ['line-comment:-- x']],
  ['mysql', '--', ['line-comment:--']],
  ['postgres', '--x', ['line-comment:--x']],
  ['postgres', "a #> '{a}'", ['word:a', 'operator:#>', "string:'{a}'"]],
  ['postgres', '1--2', ['number:1', 'line-comment:--2']],
  ['postgres', '*/*x*/', ['operator:*', 'block-comment:/*x*/']],
  // dollar quotes
  ['postgres', '$$a;b$$', ['string:$$a;b$$']],
  ['postgres', '$fn$ $$ $x$ $fn$', ['string:$fn$ $$ $x$ $fn$']],
  ['postgres', '$$open', ['string:$$open!']],
  ['postgres', '$1 $23', ['param:$1', 'param:$23']],
  ['duckdb', '$$x$$ $name', ['string:$$x$$', 'param:$name']],
  ['sqlite', '$name ?1 ? :n @v', ['param:$name', 'param:?1', 'param:?', 'param::n', 'param:@v']],
  ['mysql', '$$', ['other:$', 'other:$']],
  // numbers
  ['postgres', '42 3.14 .5 1e10 2.5E-3 0x1F 1.', ['number:42', 'number:3.14', 'number:.5', 'number:1e10', 'number:2.5E-3', 'number:0x1F', 'number:1.']],
  ['postgres', 't.col', ['word:t', 'punct:.', 'word:col']],
  ['postgres', '1..2', ['number:1', 'punct:.', 'number:.2']],
  // operators and params
  ['postgres', "a::int x->>'k' y->'k' p || q", ['word:a', 'operator:::', 'word:int', 'word:x', 'operator:->>', "string:'k'", 'word:y', 'operator:->', "string:'k'", 'word:p', 'operator:||', 'word:q']],
  ['postgres', 'a<=b>=c<>d!=e', ['word:a', 'operator:<=', 'word:b', 'operator:>=', 'word:c', 'operator:<>', 'word:d', 'operator:!=', 'word:e']],
  ['postgres', "j #>> '{a}' ? 'k' ?| x", ['word:j', 'operator:#>>', "string:'{a}'", 'param:?', "string:'k'", 'operator:?|', 'word:x']],
  ['postgres', 'a @> b <@ c', ['word:a', 'operator:@>', 'word:b', 'operator:<@', 'word:c']],
  ['mysql', '@x := @@global.max_connections <=> 1', ['param:@x', 'operator::=', 'param:@@global.max_connections', 'operator:<=>', 'number:1']],
  ['postgres', 'f(a => 1)', ['word:f', 'punct:(', 'word:a', 'operator:=>', 'number:1', 'punct:)']],
  ['postgres', ':name :"id" ::', ['param::name', 'operator::', 'quoted-ident:"id"', 'operator:::']],
  // punctuation and backslash commands
  ['postgres', '(a,b);', ['punct:(', 'word:a', 'punct:,', 'word:b', 'punct:)', 'punct:;']],
  ['postgres', '\\dt public.*\nselect', ['backslash:\\dt public.*', 'word:select']],
  ['postgres', "select 1 \\g out.txt", ['word:select', 'number:1', 'backslash:\\g out.txt']],
  ['postgres', "'\\dt'", ["string:'\\dt'"]],
  ['mysql', 'select 1\\G', ['word:select', 'number:1', 'backslash:\\G']],
  ['postgres', '\u0001 😀', ['other:\u0001', 'word:😀']],
  // MySQL: two-character commands only when no letter follows, and never at the start of a statement
  ['mysql', 'select 1 \\g', ['word:select', 'number:1', 'backslash:\\g']],
  ['mysql', 'select 1\\G\nselect 2', ['word:select', 'number:1', 'backslash:\\G', 'word:select', 'number:2']],
  ['mysql', 'select 1\\G;', ['word:select', 'number:1', 'backslash:\\G', 'punct:;']],
  ['mysql', 'select 1\n\\G', ['word:select', 'number:1', 'backslash:\\G']],
  ['mysql', '\\conninfo', ['backslash:\\conninfo']],
  ['mysql', "\\copy t to 'out.csv' csv", ["backslash:\\copy t to 'out.csv' csv"]],
  ['mysql', '\\pset format csv', ['backslash:\\pset format csv']],
  ['mysql', '\\pager less -S', ['backslash:\\pager less -S']],
  ['mysql', '\\timing on', ['backslash:\\timing on']],
  ['mysql', 'select 1 \\watch 2', ['word:select', 'number:1', 'backslash:\\watch 2']],
  ['mysql', '\\e', ['backslash:\\e']],
  ['mysql', '\\e query.sql', ['backslash:\\e query.sql']],
  ['mysql', '\\h select', ['backslash:\\h select']],
  ['mysql', '\\refresh', ['backslash:\\refresh']],
  ['mysql', 'select 1 \\gx', ['word:select', 'number:1', 'backslash:\\gx']],
  ['mysql', '\\dt users', ['backslash:\\dt users']],
  ['mysql', '\\c otherdb', ['backslash:\\c otherdb']],
  ['mysql', 'select 1; \\c otherdb', ['word:select', 'number:1', 'punct:;', 'backslash:\\c otherdb']],
  ['mysql', 'select 1 \\c x', ['word:select', 'number:1', 'backslash:\\c', 'word:x']],
  ['mysql', "select '\\G'", ['word:select', "string:'\\G'"]],
  ['postgres', 'select 1 \\G', ['word:select', 'number:1', 'backslash:\\G']],
  // PostgreSQL U&'...' strings and U&"..." identifiers
  ['postgres', "U&'d\\0061t\\+000061' x", ["string:U&'d\\0061t\\+000061'", 'word:x']],
  ['postgres', "u&'it''s' UESCAPE '!'", ["string:u&'it''s'", 'word:UESCAPE', "string:'!'"]],
  ['postgres', 'U&"d\\0061t" y', ['quoted-ident:U&"d\\0061t"', 'word:y']],
  ['postgres', "U&'open", ["string:U&'open!"]],
  ['postgres', 'U & x', ['word:U', 'operator:&', 'word:x']],
  ['sqlite', "U&'x'", ['word:U', 'operator:&', "string:'x'"]],
  // MySQL executable comments: their marks are tokens, their content SQL; optimizer hints stay comments
  ['mysql', '/*!50001 CREATE ALGORITHM=UNDEFINED */ VIEW v', ['executable-comment:/*!50001', 'word:CREATE', 'word:ALGORITHM', 'operator:=', 'word:UNDEFINED', 'executable-comment:*/', 'word:VIEW', 'word:v']],
  ['mysql', "/*M!100101 'a;b' */", ['executable-comment:/*M!100101', "string:'a;b'", 'executable-comment:*/']],
  ['mysql', '/*! -- c\n1 */', ['executable-comment:/*!', 'line-comment:-- c', 'number:1', 'executable-comment:*/']],
  ['mysql', '2*/*c*/3', ['number:2', 'operator:*', 'block-comment:/*c*/', 'number:3']],
  ['mysql', '/*! 1 /*;*/ 2 */ 3', ['executable-comment:/*!', 'number:1', 'block-comment:/*;*/', 'number:2', 'executable-comment:*/', 'number:3']],
  ['mysql', '1 */ 2', ['number:1', 'operator:*', 'operator:/', 'number:2']],
  ['mysql', '/*M!999999\\- x */', ['executable-comment:/*M!999999', 'backslash:\\-', 'word:x', 'executable-comment:*/']],
  ['postgres', '/*! x */', ['block-comment:/*! x */']],
  ['mysql', 'select /*+ BKA(t1) */ 1', ['word:select', 'block-comment:/*+ BKA(t1) */', 'number:1']],
];

describe('lex: table of tricky cases', () => {
  for (const [dialect, input, expected] of CASES) {
    test(`${dialect}: ${JSON.stringify(input)}`, () => {
      const opts = OPTS[dialect] as LexOptions;
      assert.deepEqual(sig(input, opts), expected);
    });
  }
});

describe('lex: token positions', () => {
  test('start/end match the text slices and tokens are contiguous', () => {
    const text = "select E'x', \"y\" -- c\nfrom t /* z */;";
    const toks = lex(text, postgresDialect.lex);
    let pos = 0;
    for (const t of toks) {
      assert.equal(t.start, pos);
      assert.equal(text.slice(t.start, t.end), t.text);
      pos = t.end;
    }
    assert.equal(pos, text.length);
  });
  test('empty input gives no tokens', () => {
    assert.deepEqual(lex('', postgresDialect.lex), []);
  });
  test('space runs are one token including newlines', () => {
    assert.deepEqual(lex(' \n\t x', sqliteDialect.lex).map((t) => t.type), ['space', 'word']);
  });
  test('unterminated is only set on the open token', () => {
    const toks = lex("a 'b", sqliteDialect.lex);
    assert.deepEqual(toks.map((t) => t.unterminated === true), [false, false, true]);
  });
  test('a long input lexes in linear time-ish without stack growth', () => {
    const text = "select 'x', $$y$$, /* z */ 1;\n".repeat(20000);
    const toks = lex(text, postgresDialect.lex);
    assert.equal(toks.map((t) => t.text).join(''), text);
  });
});

test('lexSignificant: the tokens of lex without whitespace and comments (classify lexes a statement once, with no token made for them)', () => {
  for (const [dialect, text] of [
    [postgresDialect, "select /* c */ a, 'x' -- d\n from t where b = $$q$$ ;\n\\g"],
    [mysqlDialect, "insert into `t` values (1, 'a\\'b'), (2, \"c\") # tail\n; select 1"],
    [sqliteDialect, 'create index i on t(x) -- c\n;'],
  ] as const) {
    assert.deepEqual(lexSignificant(text, dialect.lex), lex(text, dialect.lex).filter((t) => t.type !== 'space' && t.type !== 'line-comment' && t.type !== 'block-comment'));
  }
});
