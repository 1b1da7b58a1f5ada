/** \crosstabview's limits and messages, as psql 15 gives them (its output is compared with psql's in test/scripts/psql/crosstab.sql). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/run-cli.js';

const rows = (n: number): string => `with recursive s(b) as (select 1 union all select b + 1 from s where b < ${n}) select 1 as a, b, 1 as c from s`;

test('\\crosstabview: 1600 columns at most, as psql', () => {
  const ok = runCli([':memory:', '-X', '-A', '-t'], { input: `${rows(1600)} \\crosstabview\n` });
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout.split('\n')[0]!.split('|').length, 1601);
  const over = runCli([':memory:', '-X', '-A'], { input: `${rows(1601)} \\crosstabview\n` });
  assert.notEqual(over.code, 0);
  assert.equal(over.stdout, '');
  assert.match(over.stderr, /\\crosstabview: maximum number of columns \(1600\) exceeded/);
});

test('\\crosstabview: a column number out of range and a name read as psql reads it', () => {
  const r = runCli([':memory:', '-X', '--continue-on-error'], {
    input: ['select 1 as a, 2 as b, 3 as c, 4 as d \\crosstabview 2 1 5', 'select 1 as "A", 2 as b, 3 as c \\crosstabview "month name":num', 'select 1 as "A", 2 as b, 3 as c \\crosstabview a b c', ''].join('\n'),
  });
  assert.match(r.stderr, /column number 5 is out of range 1\.\.4/);
  assert.match(r.stderr, /column name not found: "month name:num"/);
  assert.match(r.stderr, /column name not found: "a"/);
});
