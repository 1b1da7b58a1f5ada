import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyStdioDirection } from '../../src/sql/copy-statement.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';

const dir = (sql: string) => copyStdioDirection(sql, postgresDialect.lex);

test('COPY through the client: the direction is FROM or TO, STDIN and STDOUT alike (as the server reads them)', () => {
  assert.equal(dir('copy t from stdin'), 'in');
  assert.equal(dir('COPY t (a, b) FROM STDOUT WITH (FORMAT csv)'), 'in');
  assert.equal(dir('/* c */ -- x\n copy public."T" from stdin;'), 'in');
  assert.equal(dir('copy t to stdout'), 'out');
  assert.equal(dir('copy t to stdin'), 'out');
  assert.equal(dir('copy (select * from stdin_log where a = 1) to stdout csv'), 'out');
  assert.equal(dir("copy (select 'from stdin') to stdout"), 'out');
  assert.equal(dir('copy (select 1) from stdin'), 'in'); // (the server's syntax error: nothing is read)
});

test('not through the client: a file, a program, another statement', () => {
  assert.equal(dir("copy t from '/tmp/x'"), undefined);
  assert.equal(dir("copy t to program 'gzip > x'"), undefined);
  assert.equal(dir('copy t from pstdin'), undefined);
  assert.equal(dir('select * from stdin'), undefined);
  assert.equal(dir('insert into copy select 1'), undefined);
});
