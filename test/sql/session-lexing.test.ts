/** Lexing that follows the session (standard_conforming_strings, sql_mode) and MySQL custom delimiters right after a word. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { splitStatements } from '../../src/sql/splitter.js';
import { lexChangesFor, mayChangeLexing } from '../../src/sql/session-lex.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { mysqlDialect } from '../../src/sql/dialects/mysql.js';

const texts = (sql: string, lex = mysqlDialect.lex) =>
  splitStatements(sql, lex, { mysqlDelimiterCommand: true }).filter((s) => s.text !== '').map((s) => s.text);

describe('a custom delimiter right after a word (mysql client)', () => {
  test('END$$ and END// end the statement; not inside strings, names or comments', () => {
    const sql = "DELIMITER $$\nCREATE PROCEDURE p1() BEGIN SELECT '$$', `a$$b`; /* $$ */ END$$\nCREATE PROCEDURE p2() BEGIN SELECT 1; END $$\nDELIMITER //\nselect 1+1//select x//\nDELIMITER ;\nCALL p1();";
    assert.deepEqual(texts(sql), [
      'DELIMITER $$',
      "CREATE PROCEDURE p1() BEGIN SELECT '$$', `a$$b`; /* $$ */ END",
      'CREATE PROCEDURE p2() BEGIN SELECT 1; END',
      'DELIMITER //',
      'select 1+1',
      'select x',
      'DELIMITER ;',
      'CALL p1()',
    ]);
  });
});

describe("the mysql client's source FILE", () => {
  test('a line command at the start of a statement (MySQL only), not SQL up to the next ;', () => {
    const st = splitStatements('source seed.sql\nselect 1;\nselect source from t;', mysqlDialect.lex, { mysqlDelimiterCommand: true }).filter((s) => s.text !== '');
    assert.deepEqual(st.map((s) => [s.kind, s.text]), [['meta', 'source seed.sql'], ['sql', 'select 1'], ['sql', 'select source from t']]);
    assert.equal(splitStatements('source x\nselect 1;', postgresDialect.lex)[0]!.kind, 'sql');
  });
});

describe('session settings that change lexing', () => {
  test('standard_conforming_strings = off: backslashes escape in plain strings', () => {
    const lex = { ...postgresDialect.lex, ...lexChangesFor('postgres', 'off') };
    assert.deepEqual(splitStatements("select 'a\\\\b\\'cd'; select 2", lex).map((s) => s.text), ["select 'a\\\\b\\'cd'", 'select 2']);
    assert.deepEqual(lexChangesFor('postgres', 'on'), {});
    assert.ok(mayChangeLexing('postgres', 'SET SESSION standard_conforming_strings TO off'));
    assert.ok(mayChangeLexing('postgres', 'reset all'));
    assert.ok(!mayChangeLexing('postgres', "select 'standard_conforming_strings'"));
  });
  test('sql_mode ANSI_QUOTES and NO_BACKSLASH_ESCAPES', () => {
    const lex = { ...mysqlDialect.lex, ...lexChangesFor('mysql', 'STRICT_TRANS_TABLES,ANSI_QUOTES,NO_BACKSLASH_ESCAPES') };
    assert.equal(lex.doubleQuoteStrings, false);
    assert.equal(lex.backslashEscapes, false);
    assert.deepEqual(splitStatements('select "a;b", \'c\\\'; select 2', lex).map((s) => s.text), ['select "a;b", \'c\\\'', 'select 2']);
    assert.ok(mayChangeLexing('mysql', "SET @@session.sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')"));
  });
});
