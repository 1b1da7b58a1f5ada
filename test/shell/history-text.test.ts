/** historyText: passwords in \c lines never reach the history file; everything else is kept exact. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { historyText } from '../../src/shell/history-text.js';

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
