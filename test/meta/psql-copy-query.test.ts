/**
 * psql's \copy arguments to the COPY statement psql sends (src/meta/copy/psql-copy-query.ts). The expected
 * statements are the ones psql 15 sent for the same arguments, as the server's statement log showed them.
 * (The fixture test/scripts/psql/copy-meta.sql runs them against psql itself, statement log included.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { psqlCopyQuery } from '../../src/meta/copy/psql-copy-query.js';

const sent = (args: string): string => {
  const r = psqlCopyQuery(args);
  assert.ok(r.ok, `${args}: ${r.ok ? '' : r.error}`);
  return r.copy.sql;
};

test("the statement psql sends: tokens put back one space apart, the options as written", () => {
  const cases: [string, string][] = [
    ["t from '/tmp/dev/cp1.txt'", 'COPY  t FROM STDIN '],
    ["t(a,b) from '/tmp/dev/cp1.csv' csv header", 'COPY  t ( a,b ) FROM STDIN csv header'],
    ["public.t ( a , b ) from '/tmp/dev/cp1.csv' with (format csv, header true);", 'COPY  public.t ( a , b ) FROM STDIN with (format csv, header true);'],
    ["t to '/tmp/dev/cp-out.txt'", 'COPY  t TO STDOUT '],
    ['(select a, b from t where a > 1) to stdout with csv', 'COPY  ( select a, b from t where a > 1 ) TO STDOUT with csv'],
    ['"My T" from stdin', 'COPY  "My T" FROM STDIN '],
    ['s . t from stdin;', 'COPY  s.t FROM STDIN ;'],
    ['"My T" to \'/dev/null\' ;', 'COPY  "My T" TO STDOUT ;'],
    ["s.t  (  a  )   to   program 'cat >/dev/null'   with  csv  ", 'COPY  s.t ( a ) TO STDOUT   with  csv  '],
    ['(  select  \'a b\' ,  "a"  from "My T" ) to stdout', 'COPY  ( select \'a b\' , "a" from "My T" ) TO STDOUT '],
    ["s.t to stdout with (format csv, force_quote *)", 'COPY  s.t TO STDOUT with (format csv, force_quote *)'],
  ];
  for (const [args, statement] of cases) assert.equal(sent(args), statement, args);
});

test('a query keeps its strings and parentheses whole', () => {
  assert.equal(sent("(select ')' as p, '(' as q, f(x) from t) to stdout"), "COPY  ( select ')' as p, '(' as q, f ( x ) from t ) TO STDOUT ");
  assert.equal(sent("(select 'it''s') to stdout"), "COPY  ( select 'it''s' ) TO STDOUT ");
});

test('where the data goes: a file (quotes taken off), a program, STDIN/STDOUT, PSTDIN/PSTDOUT', () => {
  const target = (args: string) => {
    const r = psqlCopyQuery(args);
    return r.ok ? r.copy.target : r.error;
  };
  assert.deepEqual(target("t from 'it''s.csv'"), { kind: 'file', file: "it's.csv" });
  assert.deepEqual(target('t from data.tsv'), { kind: 'file', file: 'data.tsv' });
  assert.deepEqual(target("t to program 'gzip > x.gz'"), { kind: 'program', command: 'gzip > x.gz' });
  assert.deepEqual(target('t from STDIN'), { kind: 'stdio' });
  assert.deepEqual(target('t to pstdout'), { kind: 'pstdio' });
});

test("psql's words for what it cannot read", () => {
  const error = (args: string) => {
    const r = psqlCopyQuery(args);
    return r.ok ? r.copy.sql : r.error;
  };
  assert.equal(error(''), '\\copy: arguments required');
  assert.equal(error('s.t from'), '\\copy: parse error at end of line');
  assert.equal(error('s.t frum stdin'), '\\copy: parse error at "frum"');
  assert.equal(error("t from program cat"), '\\copy: parse error at "cat"');
  assert.equal(error('(select 1 to stdout'), '\\copy: parse error at end of line');
});
