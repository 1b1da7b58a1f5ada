/** psql variable interpolation on the lexer's tokens: what is replaced, and what never is. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { interpolateArgText, interpolateArgs, interpolateSql, quotingFor } from '../../src/sql/interpolate.js';
import { parseAssignment, parseBoolean, withVariable, NO_VARIABLES, type Variables } from '../../src/sql/variables.js';
import { lex } from '../../src/sql/lexer.js';
import { splitStatements } from '../../src/sql/splitter.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { mysqlDialect } from '../../src/sql/dialects/mysql.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';

const vars = (o: Record<string, string>): Variables => Object.entries(o).reduce((v, [k, x]) => withVariable(v, k, x), NO_VARIABLES);
const pg = (sql: string, v: Variables): string => interpolateSql(sql, postgresDialect.lex, v, quotingFor(postgresDialect));

describe('interpolateSql', () => {
  const v = vars({ tbl: 'my "tab"', val: "it's", n: '42', bs: 'a\\b' });
  test('the three forms and :{?name}', () => {
    assert.equal(pg('select :n, :\'val\', :"tbl", :{?n}, :{?nope}', v), 'select 42, \'it\'\'s\', "my ""tab""", TRUE, FALSE');
  });
  test('a backslash in a literal makes an E string, as PQescapeLiteral', () => {
    assert.equal(pg("select :'bs'", v), "select  E'a\\\\b'");
  });
  test('never inside quotes, comments, dollar quotes or casts', () => {
    const sql = "select ':n', \":n\", 1::n, $$ :n $$, $f$:'val'$f$ -- :n\n/* :n /* :n */ */ E'\\' :n'";
    assert.equal(pg(sql, v), sql);
  });
  test('an unknown name is left as written', () => {
    assert.equal(pg("select :nope, :'nope', :\"nope\"", v), "select :nope, :'nope', :\"nope\"");
  });
  test('MySQL quotes with backslashes and backquotes', () => {
    assert.equal(interpolateSql(":'bs', :\"tbl\"", mysqlDialect.lex, v, quotingFor(mysqlDialect)), "'a\\\\b', `my \"tab\"`");
    assert.equal(interpolateSql(":'bs'", sqliteDialect.lex, v, quotingFor(sqliteDialect)), "'a\\b'");
  });
  test('MySQL # comments are comments', () => {
    assert.equal(interpolateSql('select 1 # :n', mysqlDialect.lex, v, quotingFor(mysqlDialect)), 'select 1 # :n');
  });
});

describe("psql's \\;", () => {
  test('one statement for the splitter, one punct token for the lexer (PostgreSQL only)', () => {
    const sql = "select 1 \\; select ':n\\;' \\; select 3; select 4";
    const st = splitStatements(sql, postgresDialect.lex).filter((s) => s.text !== '');
    assert.deepEqual(st.map((s) => s.text), ["select 1 \\; select ':n\\;' \\; select 3", 'select 4']);
    assert.deepEqual(lex(sql, postgresDialect.lex).filter((t) => t.text === '\\;').map((t) => t.type), ['punct', 'punct']);
    assert.equal(splitStatements('select 1 \\; select 2', sqliteDialect.lex)[0]!.terminator, '\\; select 2');
  });
});

describe('interpolateArgs (backslash command arguments)', () => {
  const v = vars({ x: 'a b', q: "it's" });
  const args = (raw: string) => interpolateArgs(raw, v, quotingFor(postgresDialect));
  test('quotes, escapes and variables', () => {
    assert.deepEqual(args("one 'two three' 'it''s' 'tab\\there' :x :'q' :\"x\" ':x' a'b c'd"), [
      'one', 'two three', "it's", 'tab\there', 'a b', "'it''s'", '"a b"', ':x', 'ab cd',
    ]);
    assert.deepEqual(args(":{?x} :{?y} :nope :'nope' :\"nope\""), ['TRUE', 'FALSE', ':nope', ":'nope'", ':"nope"']);
  });
});

describe('interpolateArgText (arguments of the other commands)', () => {
  test('variables become words; quoted text is left alone', () => {
    const v = vars({ dir: '/tmp/x', f: "it's.csv", t: 'My T' });
    assert.equal(interpolateArgText(":dir/a.sql ':dir' \":dir\"", v), "/tmp/x/a.sql ':dir' \":dir\"");
    assert.equal(interpolateArgText(":\"t\" from :'f' :nope :{?f}", v), "\"My T\" from 'it''s.csv' :nope TRUE");
  });
});

describe('psql booleans and -v', () => {
  test('parseBoolean follows ParseVariableBool', () => {
    for (const t of ['on', 'ON', 't', 'tr', 'true', 'y', 'yes', '1']) assert.equal(parseBoolean(t), true, t);
    for (const f of ['off', 'of', 'f', 'false', 'n', 'no', '0']) assert.equal(parseBoolean(f), false, f);
    for (const x of ['o', '', '2', 'maybe', 'onn']) assert.equal(parseBoolean(x), undefined, x);
  });
  test('parseAssignment', () => {
    assert.deepEqual(parseAssignment('ON_ERROR_STOP=1'), { name: 'ON_ERROR_STOP', value: '1' });
    assert.deepEqual(parseAssignment('x=a=b'), { name: 'x', value: 'a=b' });
    assert.deepEqual(parseAssignment('x'), { name: 'x', value: undefined });
    assert.equal(parseAssignment('bad-name=1'), undefined);
  });
});

describe('property: interpolation never touches quoted, commented or dollar-quoted text', () => {
  // Pieces whose text must survive as written, whatever the variables hold.
  const PROTECTED = [
    "':v'", "'x'':v'", "' :''v'' '", '-- :v\n', "/* :'v' */", '/* /* :v */ :v */', '$$ :v $$', '$t$ :"v" $t$', "E'\\':v'",
    '"col:v"', '1::v', 'x::v', "'\\'", 'E\'\\\\\'', '\\;'.slice(0, 0) + "':{?v}'",
  ];
  const piece = fc.oneof(
    fc.constantFrom(...PROTECTED).map((text) => ({ text, ref: undefined as undefined | 'raw' | 'lit' | 'ident' | 'test' | 'unknown' })),
    fc.constantFrom('raw', 'lit', 'ident', 'test', 'unknown').map((ref) => ({ text: '', ref: ref as 'raw' | 'lit' | 'ident' | 'test' | 'unknown' })),
    fc.constantFrom('select', '(', ')', ',', '42', 'from t', ';', '\\;').map((text) => ({ text, ref: undefined })),
  );
  test('each piece comes out as expected', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.string({ maxLength: 8 }), (pieces, value) => {
        const v = vars({ v: value });
        const q = quotingFor(postgresDialect);
        const input = pieces.map((p) => ({ raw: ':v', lit: ":'v'", ident: ':"v"', test: ':{?v}', unknown: ':w' })[p.ref!] ?? p.text).join(' ');
        const want = pieces.map((p) => ({ raw: value, lit: q.literal(value), ident: q.ident(value), test: 'TRUE', unknown: ':w' })[p.ref!] ?? p.text).join(' ');
        assert.equal(pg(input, v), want);
      }),
      { numRuns: 500 },
    );
  });
});

describe("psql's connection variables", () => {
  test('DBNAME, USER, HOST, PORT everywhere; ENCODING and the server version on PostgreSQL', async () => {
    const { withConnectionVariables, serverVersionNum, NO_VARIABLES } = await import('../../src/sql/variables.js');
    const pg = withConnectionVariables(NO_VARIABLES, { engine: 'postgres', database: 'shop', user: 'alice', host: 'db', port: 5432, serverVersion: '15.18 (Debian 15.18-0+deb12u1)' });
    assert.deepEqual(
      ['DBNAME', 'USER', 'HOST', 'PORT', 'ENCODING', 'SERVER_VERSION_NAME', 'SERVER_VERSION_NUM'].map((n) => pg.get(n)),
      ['shop', 'alice', 'db', '5432', 'UTF8', '15.18 (Debian 15.18-0+deb12u1)', '150018'],
    );
    assert.equal(serverVersionNum('9.6.24'), 90624);
    assert.equal(serverVersionNum('17beta1'), 170000);
    // \c to a server without a host (a socket) or to another engine drops what no longer holds
    const sqlite = withConnectionVariables(pg, { engine: 'sqlite' });
    assert.deepEqual(['DBNAME', 'HOST', 'ENCODING', 'SERVER_VERSION_NUM'].map((n) => sqlite.get(n)), [undefined, undefined, undefined, undefined]);
  });
});
