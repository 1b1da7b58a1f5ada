import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLazily, splitStatements, splitWithState, type SplitOptions, type Statement } from '../../src/sql/splitter.js';
import type { SqlDialect } from '../../src/sql/dialect.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { mysqlDialect } from '../../src/sql/dialects/mysql.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb.js';

const D: Record<string, SqlDialect> = { sqlite: sqliteDialect, postgres: postgresDialect, mysql: mysqlDialect, duckdb: duckdbDialect };

/** Expected statement: [kind, text, complete, terminator?, line?] ('sql' statements with text '' included). */
type Exp = readonly [Statement['kind'], string, boolean, string?, number?];
type Case = readonly [name: string, dialect: string, input: string, expected: readonly Exp[], options?: SplitOptions];

const MY: SplitOptions = { mysqlDelimiterCommand: true };

const CASES: readonly Case[] = [
  ['one statement', 'sqlite', 'select 1;', [['sql', 'select 1', true, ';']]],
  ['no terminator', 'sqlite', 'select 1', [['sql', 'select 1', false]]],
  ['two statements with surrounding space', 'sqlite', '  select 1 ;\n select 2;  ', [['sql', 'select 1', true, ';', 1], ['sql', 'select 2', true, ';', 2], ['sql', '', false]]],
  ['empty statements', 'sqlite', ';;', [['sql', '', true, ';'], ['sql', '', true, ';']]],
  ['semicolon in single quotes', 'sqlite', "select ';', 'a''b;'; x", [['sql', "select ';', 'a''b;'", true, ';'], ['sql', 'x', false]]],
  ['semicolon in double-quoted identifier', 'postgres', 'select 1 as "a;b"; x', [['sql', 'select 1 as "a;b"', true, ';'], ['sql', 'x', false]]],
  ['semicolon in backticks', 'mysql', 'select `a;b`; x', [['sql', 'select `a;b`', true, ';'], ['sql', 'x', false]]],
  ['semicolon in brackets', 'sqlite', 'select [a;b]; x', [['sql', 'select [a;b]', true, ';'], ['sql', 'x', false]]],
  ['semicolon in line comment', 'sqlite', 'select 1 -- a;b\n, 2;', [['sql', 'select 1 -- a;b\n, 2', true, ';']]],
  ['semicolon in block comment', 'sqlite', 'select /* ; */ 1;', [['sql', 'select /* ; */ 1', true, ';']]],
  ['nested comment in postgres', 'postgres', 'select /* a /* ; */ ; */ 1; x', [['sql', 'select /* a /* ; */ ; */ 1', true, ';'], ['sql', 'x', false]]],
  ['non-nested comment in sqlite', 'sqlite', 'select /* a /* ; */ 1; x', [['sql', 'select /* a /* ; */ 1', true, ';'], ['sql', 'x', false]]],
  ['hash comment in mysql', 'mysql', 'select 1 # a;b\n;', [['sql', 'select 1', true, ';']]],
  ['leading comments are not part of the text', 'sqlite', '-- about\n/* x */ select 1;', [['sql', 'select 1', true, ';', 2]]],
  ['trailing comment after last statement', 'sqlite', 'select 1; -- bye', [['sql', 'select 1', true, ';'], ['sql', '', false]]],
  ['dollar-quoted function body', 'postgres',
    'create function f() returns int as $$ begin return 1; end; $$ language plpgsql; select f();',
    [['sql', 'create function f() returns int as $$ begin return 1; end; $$ language plpgsql', true, ';'], ['sql', 'select f()', true, ';']]],
  ['tagged dollar quote containing $$', 'postgres', 'do $body$ select $$;$$; $body$; x;', [['sql', 'do $body$ select $$;$$; $body$', true, ';'], ['sql', 'x', true, ';']]],
  ['$1 params are not dollar quotes', 'postgres', 'select $1; select $2;', [['sql', 'select $1', true, ';'], ['sql', 'select $2', true, ';']]],
  ['E-string with escaped quote', 'postgres', "select E'it\\'s;'; x", [['sql', "select E'it\\'s;'", true, ';'], ['sql', 'x', false]]],
  ['backslash escapes in mysql strings', 'mysql', "select 'it\\';'; x", [['sql', "select 'it\\';'", true, ';'], ['sql', 'x', false]]],
  ['standard strings keep backslash literal', 'sqlite', "select 'a\\'; x", [['sql', "select 'a\\'", true, ';'], ['sql', 'x', false]]],
  ['sqlite trigger with BEGIN..END', 'sqlite',
    'CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE u SET n = n + 1;\n  DELETE FROM v;\nEND;\nselect 1;',
    [['sql', 'CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE u SET n = n + 1;\n  DELETE FROM v;\nEND', true, ';', 1], ['sql', 'select 1', true, ';', 5]]],
  ['trigger with CASE..END inside', 'sqlite',
    "create temp trigger tr before update on t begin select case when new.a < 0 then raise(abort, 'neg;') end; end; x;",
    [['sql', "create temp trigger tr before update on t begin select case when new.a < 0 then raise(abort, 'neg;') end; end", true, ';'], ['sql', 'x', true, ';']]],
  ['trigger WHEN clause with CASE', 'sqlite',
    'create trigger tr after insert on t when case when 1 then 1 end begin select 1; end; y;',
    [['sql', 'create trigger tr after insert on t when case when 1 then 1 end begin select 1; end', true, ';'], ['sql', 'y', true, ';']]],
  ['mysql procedure with IF..END IF without DELIMITER', 'mysql',
    'create procedure p() begin if 1 then select 1; end if; select 2; end; z;',
    [['sql', 'create procedure p() begin if 1 then select 1; end if; select 2; end', true, ';'], ['sql', 'z', true, ';']]],
  ['plain BEGIN is a transaction, not a block', 'sqlite', 'begin; select 1; commit;', [['sql', 'begin', true, ';'], ['sql', 'select 1', true, ';'], ['sql', 'commit', true, ';']]],
  ['CASE..END in a plain statement', 'postgres', 'select case when a then 1 end; x;', [['sql', 'select case when a then 1 end', true, ';'], ['sql', 'x', true, ';']]],
  ['postgres BEGIN ATOMIC body', 'postgres',
    'create function f() returns int language sql begin atomic select 1; select 2; end; x;',
    [['sql', 'create function f() returns int language sql begin atomic select 1; select 2; end', true, ';'], ['sql', 'x', true, ';']]],
  ['semicolon inside parentheses does not split', 'postgres', 'create rule r as on insert to t do also (insert into a values (1); insert into b values (2)); x;',
    [['sql', 'create rule r as on insert to t do also (insert into a values (1); insert into b values (2))', true, ';'], ['sql', 'x', true, ';']]],
  ['DELIMITER //', 'mysql', 'DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //\nDELIMITER ;\nSELECT 3;',
    [['delimiter', 'DELIMITER //', true, undefined, 1], ['sql', 'CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END', true, '//', 2], ['delimiter', 'DELIMITER ;', true, undefined, 3], ['sql', 'SELECT 3', true, ';', 4]], MY],
  ['DELIMITER $$ with lower case keyword', 'mysql', 'delimiter $$\nselect 1; select 2$$ select 3$$',
    [['delimiter', 'delimiter $$', true], ['sql', 'select 1; select 2', true, '$$'], ['sql', 'select 3', true, '$$']], MY],
  ['custom delimiter inside a string is ignored', 'mysql', "DELIMITER //\nselect '//'//", [['delimiter', 'DELIMITER //', true], ['sql', "select '//'", true, '//']], MY],
  ['DELIMITER without the command flag is SQL', 'mysql', 'delimiter //\nselect 1;', [['sql', 'delimiter //\nselect 1', true, ';']]],
  ['initial custom delimiter option', 'sqlite', 'select 1; select 2 GO select 3', [['sql', 'select 1; select 2', true, 'GO'], ['sql', 'select 3', false]], { delimiter: 'GO' }],
  ['meta command alone', 'postgres', '\\dt foo', [['meta', '\\dt foo', true]]],
  ['meta command after comment and blank lines', 'postgres', '-- list\n\n  \\d+ t  \nselect 1;', [['meta', '\\d+ t', true, undefined, 3], ['sql', 'select 1', true, ';', 4]]],
  ['backslash command terminates SQL', 'postgres', 'select 1 \\gx\nselect 2 \\watch 2', [['sql', 'select 1', true, '\\gx'], ['sql', 'select 2', true, '\\watch 2']]],
  ['mysql \\G terminator', 'mysql', 'select 1\\G select 2;', [['sql', 'select 1', true, '\\G'], ['sql', 'select 2', true, ';']]],
  ['mysql \\u takes the rest of the line', 'mysql', 'select 1; \\u mydb\nselect 2;', [['sql', 'select 1', true, ';'], ['meta', '\\u mydb', true], ['sql', 'select 2', true, ';']]],
  ['mysql \\G at the end of a line', 'mysql', 'select 1\\G\nselect 2\n\\G', [['sql', 'select 1', true, '\\G'], ['sql', 'select 2', true, '\\G']], MY],
  ['mysql select 1 \\g', 'mysql', 'select 1 \\g', [['sql', 'select 1', true, '\\g']], MY],
  ['mysql \\g then more SQL on the line', 'mysql', 'select 1 \\g select 2;', [['sql', 'select 1', true, '\\g'], ['sql', 'select 2', true, ';']], MY],
  ['mysql \\conninfo is one command', 'mysql', '\\conninfo\nselect 1;', [['meta', '\\conninfo', true], ['sql', 'select 1', true, ';']], MY],
  ['mysql \\copy takes the whole line', 'mysql', "select 1;\n\\copy t to 'out;.csv' with csv\nselect 2;",
    [['sql', 'select 1', true, ';'], ['meta', "\\copy t to 'out;.csv' with csv", true], ['sql', 'select 2', true, ';']], MY],
  ['mysql \\pset', 'mysql', '\\pset format csv\nselect 1;', [['meta', '\\pset format csv', true], ['sql', 'select 1', true, ';']], MY],
  ['mysql \\pager', 'mysql', '\\pager less -S', [['meta', '\\pager less -S', true]], MY],
  ['mysql \\timing', 'mysql', '\\timing on\nselect 1;', [['meta', '\\timing on', true], ['sql', 'select 1', true, ';']], MY],
  ['mysql \\watch ends a statement with its argument', 'mysql', 'select now() \\watch 2', [['sql', 'select now()', true, '\\watch 2']], MY],
  ['mysql \\e at statement start', 'mysql', '\\e\nselect 1;', [['meta', '\\e', true], ['sql', 'select 1', true, ';']], MY],
  ['mysql \\e with a file', 'mysql', '\\e q.sql', [['meta', '\\e q.sql', true]], MY],
  ['mysql \\h with a topic', 'mysql', '\\h select', [['meta', '\\h select', true]], MY],
  ['mysql \\refresh', 'mysql', '\\refresh\nselect 1;', [['meta', '\\refresh', true], ['sql', 'select 1', true, ';']], MY],
  ['mysql \\gx terminator', 'mysql', 'select 1 \\gx\nselect 2;', [['sql', 'select 1', true, '\\gx'], ['sql', 'select 2', true, ';']], MY],
  ['mysql \\dt', 'mysql', '\\dt users\nselect 1;', [['meta', '\\dt users', true], ['sql', 'select 1', true, ';']], MY],
  ['mysql \\c at statement start takes the line', 'mysql', 'select 1;\n\\c otherdb\nselect 2;', [['sql', 'select 1', true, ';'], ['meta', '\\c otherdb', true], ['sql', 'select 2', true, ';']], MY],
  ['mysql DELIMITER then \\G', 'mysql', 'DELIMITER //\nselect 1\\G\nselect 2//', [['delimiter', 'DELIMITER //', true], ['sql', 'select 1', true, '\\G'], ['sql', 'select 2', true, '//']], MY],
  ['backslash in a string is not a command', 'postgres', "select '\\dt';", [['sql', "select '\\dt'", true, ';']]],
  ['multi-line statement keeps inner newlines', 'postgres', 'select a,\n       b\nfrom t\n;', [['sql', 'select a,\n       b\nfrom t', true, ';']]],
  ['unterminated string swallows the rest', 'sqlite', "select 'abc; select 2;", [['sql', "select 'abc; select 2;", false]]],
  ['unterminated block comment', 'postgres', 'select 1; /* open ; ', [['sql', 'select 1', true, ';'], ['sql', '', false]]],
  ['unterminated dollar quote', 'postgres', 'select $$ a; b', [['sql', 'select $$ a; b', false]]],
  ['line numbers with CRLF', 'sqlite', 'select 1;\r\n\r\nselect 2;', [['sql', 'select 1', true, ';', 1], ['sql', 'select 2', true, ';', 3]]],
  ['postgres U& string with a semicolon', 'postgres', "select U&'a;\\0062'; x", [['sql', "select U&'a;\\0062'", true, ';'], ['sql', 'x', false]]],
  // an executable comment is SQL to the mysql client: a ; inside ends the statement, one alone is a statement, a trailing one is kept
  ['mysql executable comment: its semicolon ends the statement', 'mysql', 'select /*!; */ 1; x', [['sql', 'select /*!', true, ';'], ['sql', '*/ 1', true, ';'], ['sql', 'x', false]]],
  ['mysql statement of executable comments only', 'mysql', "/*!40101 SET NAMES utf8mb4 */;\n/*M!100100 SET @a=1 */ /* c */;", [['sql', '/*!40101 SET NAMES utf8mb4 */', true, ';'], ['sql', '/*M!100100 SET @a=1 */', true, ';']]],
  ['mysql trailing executable comment', 'mysql', 'select 1 /*! +1 */ -- x\n;', [['sql', 'select 1 /*! +1 */', true, ';']]],
  ['mysql \\- acts inside the statement and leaves it open', 'mysql', '/*M!999999\\- enable the sandbox mode */ \n/*!40101 SET @x=1 */;', [['sql', '/*M!999999\\- enable the sandbox mode */ \n/*!40101 SET @x=1 */', true, ';']]],
  ['mysql \\- at the start: the line goes on as SQL', 'mysql', '\\- select 1;', [['sql', 'select 1', true, ';']]],
  ['postgres /*! is a comment', 'postgres', '/*! select 1 */; select 2;', [['sql', '', true, ';'], ['sql', 'select 2', true, ';']]],
  ['duckdb dollar quote', 'duckdb', "create macro m() as $$;$$; select 1;", [['sql', 'create macro m() as $$;$$', true, ';'], ['sql', 'select 1', true, ';']]],
];

function check(stmts: readonly Statement[], input: string): void {
  assert.equal(stmts.map((s) => input.slice(s.segmentStart, s.segmentEnd)).join(''), input, 'segments tile the input');
  let pos = 0;
  for (const s of stmts) {
    assert.equal(s.segmentStart, pos);
    assert.ok(s.segmentEnd > s.segmentStart, 'segments are non-empty');
    pos = s.segmentEnd;
    assert.equal(input.slice(s.start, s.end), s.text, 'start/end locate the text');
    assert.ok(s.start >= s.segmentStart && s.end <= s.segmentEnd);
  }
}

describe('splitStatements: table of tricky cases', () => {
  for (const [name, dialect, input, expected, options] of CASES) {
    test(`${dialect}: ${name}`, () => {
      const stmts = splitStatements(input, (D[dialect] as SqlDialect).lex, options);
      check(stmts, input);
      const got = stmts.map((s, i) => {
        const e = expected[i];
        const row: unknown[] = [s.kind, s.text, s.complete, s.terminator];
        if (e !== undefined && e[4] !== undefined) row.push(s.line);
        return row;
      });
      const want = expected.map((e) => (e[4] !== undefined ? [e[0], e[1], e[2], e[3], e[4]] : [e[0], e[1], e[2], e[3]]));
      assert.deepEqual(got, want);
    });
  }
});

describe('splitStatements: edge cases', () => {
  test('empty input gives no statements', () => {
    assert.deepEqual(splitStatements('', sqliteDialect.lex), []);
  });
  test('whitespace-only input is one empty, incomplete statement', () => {
    const s = splitStatements(' \n ', sqliteDialect.lex);
    assert.equal(s.length, 1);
    assert.equal(s[0]?.text, '');
    assert.equal(s[0]?.complete, false);
  });
  test('line numbers count from 1 and follow newlines', () => {
    const s = splitStatements('\n\nselect 1;\nselect\n2;', postgresDialect.lex);
    assert.deepEqual(s.map((x) => x.line), [3, 4]);
  });
});

test("the mysql client's \\- is handed over with the statement it stands in (it acts where it is read)", () => {
  const inline = (text: string) => splitStatements(text, mysqlDialect.lex, MY).map((s) => [s.kind, s.text, s.inlineCommands ?? []]);
  assert.deepEqual(inline('select 1;\n/*M!999999\\- enable the sandbox mode */ \n/*!40101 SET @x=1 */;'), [
    ['sql', 'select 1', []],
    ['sql', '/*M!999999\\- enable the sandbox mode */ \n/*!40101 SET @x=1 */', [{ text: '\\-', line: 2 }]],
  ]);
  assert.deepEqual(inline('\\-\n\\! echo hi\n'), [['meta', '\\! echo hi', [{ text: '\\-', line: 1 }]], ['sql', '', []]]);
  assert.deepEqual(inline('\\-'), [['sql', '', [{ text: '\\-', line: 1 }]]]);
  // not on PostgreSQL: psql has no \- (a whole-line command there)
  assert.deepEqual(splitStatements('\\- x', postgresDialect.lex).map((s) => [s.kind, s.text]), [['meta', '\\- x']]);
});

test('splitLazily hands over each statement as soon as it is read: the text after it is not split yet (a COPY in a big dump)', () => {
  // a runner that reads on elsewhere (after COPY ... FROM STDIN's data) splits from there again: splitting
  // the whole rest first made loading a dump with many COPY blocks quadratic
  const input = `copy t from stdin;\n${'1\t2\tsome text\t2014-02-15 09:34:33\n'.repeat(200_000)}\\.\nselect 1;\n`;
  // the fastest of a few tries: a busy machine may pause any one of them
  let lazy = Infinity;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const first = splitLazily(input, postgresDialect.lex).next();
    lazy = Math.min(lazy, performance.now() - t);
    assert.equal(first.done, false);
    assert.equal((first.value as Statement).text, 'copy t from stdin');
  }
  const t0 = performance.now();
  const all = splitWithState(input, postgresDialect.lex);
  const whole = performance.now() - t0;
  assert.ok(lazy * 20 < whole, `first statement in ${lazy.toFixed(2)} ms, the whole split in ${whole.toFixed(2)} ms`);
  // collected, the same statements and tail as splitWithState
  const it = splitLazily(input, postgresDialect.lex);
  const got: Statement[] = [];
  let r = it.next();
  for (; !r.done; r = it.next()) got.push(r.value);
  assert.deepEqual({ statements: got, ...r.value }, all);
});
