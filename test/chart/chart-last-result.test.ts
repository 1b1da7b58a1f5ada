/**
 * \chart without a query draws the last result that returned rows, through the real binary: a small
 * result from the copy the shell kept (an UPDATE and a \d after it change nothing, and the values are
 * the ones shown, not re-read), a DELETE ... RETURNING is drawn without deleting again, a result too
 * big to keep runs its query again, and one that calls nextval() is not run again.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, sandboxEnv } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-chart-last-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const env = (): Record<string, string> => sandboxEnv({ LANG: 'C.UTF-8', LC_ALL: '', LC_CTYPE: '' });

function cli(target: string, ...commands: string[]): ReturnType<typeof runCli> {
  return runCli([target, ...commands.flatMap((c) => ['-c', c])], { env: env() });
}

test('SQLite: \\chart after an UPDATE and a \\d draws the last SELECT as it was shown (the kept copy)', () => {
  const db = join(dir, 'kept.db');
  assert.equal(cli(db, "create table t (k text, v integer); insert into t values ('a', 1), ('b', 2);").code, 0);
  const r = cli(db, 'select k, v from t order by k', 'update t set v = v * 10', '\\d t', '\\chart');
  assert.equal(r.code, 0, r.stderr);
  const chart = r.stdout.slice(r.stdout.indexOf('bar chart:'));
  assert.match(chart, /^bar chart: x = k, y = v$/m);
  // 1 and 2 as shown by the SELECT; a re-run after the UPDATE would draw 10 and 20.
  assert.match(chart, /^a │[█▉▊▋▌▍▎▏ ]+1$/m, chart);
  assert.match(chart, /^b │█+ 2$/m, chart);
});

test('SQLite: DELETE ... RETURNING is charted from its rows and not run again', () => {
  const db = join(dir, 'returning.db');
  assert.equal(cli(db, "create table t (k text, v integer); insert into t values ('a', 1), ('b', 2), ('c', 3);").code, 0);
  const r = cli(db, "delete from t where k <> 'c' returning k, v", '\\chart', 'select count(*) as left_over from t');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^bar chart: x = k, y = v$/m);
  assert.match(r.stdout, /left_over\s*\n-+\n\s*1\n/, r.stdout);
});

test('nothing with rows yet: \\chart says so; a statement without rows does not count', () => {
  const r = cli(':memory:', 'create table t (a int)', '\\chart');
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /no result to chart: run a SELECT first/);
});

test('DuckDB: a result too big to keep runs again (and says so); one that calls nextval() is not run again', () => {
  const db = join(dir, 'big.duckdb');
  assert.equal(cli(db, 'create sequence s;').code, 0);
  const big = cli(db, 'select i % 97 as v from range(20000) t(i)', '\\chart');
  assert.equal(big.code, 0, big.stderr.slice(0, 500));
  assert.match(big.stdout + big.stderr, /The last result had 20,000 rows, more than sqlsh keeps: running its query again\./);
  assert.match(big.stdout, /^histogram of v/m);
  const seq = cli(db, "select nextval('s') as n from range(20000) t(i)", '\\chart');
  assert.notEqual(seq.code, 0);
  assert.match(seq.stderr, /would run "select nextval\('s'\) as n from range.*" again, and it calls nextval\(\)/);
  // Taken once by the SELECT (20,000 values), not again by \chart.
  const next = cli(db, "select nextval('s') as next_value");
  assert.match(next.stdout, /next_value\s*\n-+\n\s*20001\n/, next.stdout);
});

test('after \\gchart, \\chart redraws that result another way without running it again', () => {
  const db = join(dir, 'gchart.db');
  assert.equal(cli(db, "create table t (k text, v integer, w integer); insert into t values ('a', 1, 5), ('b', 2, 3);").code, 0);
  const r = cli(db, 'select k, v, w from t order by k \\gchart bar k v', 'update t set v = v * 10', '\\chart spark');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^bar chart: x = k, y = v$/m);
  assert.match(r.stdout, /^sparklines of v, w per k$/m);
  assert.match(r.stdout, /^a [▁-█]{2} +1 … 5$/m, r.stdout);
});

test('the kept copy has limits: 10,000 rows, 200,000 values, about 16 MB of text', async () => {
  const { ResultKeeper, KEEP_ROWS, KEEP_BYTES } = await import('../../src/core/last-result.js');
  const cols = [{ name: 'a', type: 'text' }];
  const small = new ResultKeeper();
  small.begin(cols);
  small.rows([['x'], ['y']]);
  assert.deepEqual(small.result('q', true)?.rows, [['x'], ['y']]);
  assert.equal(small.result('q', false)?.rows, undefined, 'a result not read to its end keeps only its statement');
  const many = new ResultKeeper();
  many.begin(cols);
  for (let i = 0; i <= KEEP_ROWS; i += 1000) many.rows(Array.from({ length: 1000 }, () => ['v']));
  assert.equal(many.result('q', true)?.rows, undefined);
  assert.equal(many.result('q', true)?.rowCount, KEEP_ROWS + 1000);
  const wide = new ResultKeeper();
  wide.begin(cols);
  wide.rows([['x'.repeat(KEEP_BYTES / 2 + 1)]]);
  assert.equal(wide.result('q', true)?.rows, undefined, 'one huge value is not kept');
});
