/** historyText: passwords in \c lines never reach the history file; everything else is kept exact. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { historyEntry, historyText, setsPassword } from '../../src/shell/history-text.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { mysqlDialect } from '../../src/sql/dialects/mysql.js';

test('a password in a \\c URI is replaced by ***', () => {
  assert.equal(historyText('\\c postgres://alice:s3cret@db.example.com:5432/shop'), '\\c postgres://alice:***@db.example.com:5432/shop');
  assert.equal(historyText('\\connect mysql://bob:p%40ss@localhost/x'), '\\connect mysql://bob:***@localhost/x');
  assert.equal(historyText('  \\c postgres://u@h/db?sslmode=require&password=hunter2'), '  \\c postgres://u@h/db?sslmode=require&password=***');
  assert.equal(historyText('\\c "host=db password=hunter2 dbname=shop"'), '\\c "host=db password=*** dbname=shop"');
});

test('only connection lines change: SQL, other meta-commands and password-less URIs are exact', () => {
  for (const text of [
    "insert into links values ('https://u:p@example.com/')",
    '\\c postgres://alice@db/shop',
    '\\c prod',
    "\\echo password=visible",
    "select 'x';\n\\conninfo",
  ]) {
    assert.equal(historyText(text), text);
  }
  assert.equal(
    historyText("select 1;\n\\c postgres://a:b@h/d\nselect 'mysql://c:d@h/';"),
    "select 1;\n\\c postgres://a:***@h/d\nselect 'mysql://c:d@h/';",
  );
});

describe('read with the lexer (issue 10)', () => {
  const pg = postgresDialect.lex;
  const my = mysqlDialect.lex;

  test('a \\c after SQL on the same line is masked too', () => {
    assert.equal(historyEntry('select 1 \\c postgres://u:pw-Marker@h/db', pg), 'select 1 \\c postgres://u:***@h/db');
    assert.equal(historyEntry("select 'a'; \\connect mysql://u:pw-Marker@h/db", my), "select 'a'; \\connect mysql://u:***@h/db");
    assert.equal(historyEntry('select 1;\nselect 2 \\c "host=h password=pw-Marker"', pg), 'select 1;\nselect 2 \\c "host=h password=***"');
  });

  test('MySQL: a \\c after SQL is a two-character command there, and its line is masked all the same', () => {
    assert.equal(historyEntry('select 1 \\c mysql://u:pw-Marker@h/db', my), 'select 1 \\c mysql://u:***@h/db');
    assert.equal(historyEntry('select 1 \\c mysql://u:pw-Marker@h/db\nselect 2;', my), 'select 1 \\c mysql://u:***@h/db\nselect 2;');
  });

  test('a \\c inside a string literal is data and is kept exact', () => {
    const text = "insert into notes values ('type \\c postgres://u:p@h/db to connect');";
    assert.equal(historyEntry(text, pg), text);
  });

  test('statements that set a password are not kept at all', () => {
    for (const [sql, lexOpts] of [
      ["ALTER USER alice PASSWORD 'pw-Marker';", pg],
      ["alter role alice with encrypted password 'pw-Marker'", pg],
      ["CREATE ROLE bob LOGIN PASSWORD 'pw-Marker';", pg],
      ["create user bob with password 'pw-Marker'", pg],
      ["CREATE USER 'bob'@'%' IDENTIFIED BY 'pw-Marker';", my],
      ["ALTER USER 'bob'@'%' IDENTIFIED WITH mysql_native_password BY 'pw-Marker'", my],
      ["SET PASSWORD FOR 'bob'@'%' = PASSWORD('pw-Marker');", my],
      ["set password = 'pw-Marker'", my],
      ["GRANT ALL ON *.* TO 'bob'@'%' IDENTIFIED BY 'pw-Marker'", my],
      ["select 1; /* first */ alter user alice password 'pw-Marker'; select 2;", pg],
      ["CREATE USER MAPPING FOR alice SERVER s OPTIONS (user 'a', password 'pw-Marker')", pg],
    ] as const) {
      assert.equal(historyEntry(sql, lexOpts), undefined, sql);
      assert.equal(setsPassword(sql, lexOpts), true, sql);
    }
  });

  test('the words PASSWORD or IDENTIFIED BY in a string, a comment or another statement do not count', () => {
    for (const [sql, lexOpts] of [
      ["select 'alter user x password y'", pg],
      ["update users set password = 'x' where id = 1", pg],
      ["select password from accounts -- alter user a password 'b'", pg],
      ["/* create role r password 'p' */ select 1", pg],
      ['alter table users add column password text', pg],
      ["insert into t values ('IDENTIFIED BY')", my],
      ['create user alice', pg],
    ] as const) {
      assert.equal(historyEntry(sql, lexOpts), sql, sql);
      assert.equal(setsPassword(sql, lexOpts), false, sql);
    }
  });
});
