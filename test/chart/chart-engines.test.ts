/**
 * \gchart on each engine family, through the real binary on real databases: the SQLite demo
 * database, a DuckDB file, and the harness's PostgreSQL and MariaDB servers. Each engine's own value
 * types reach the chart: SQLite ISO text dates, DuckDB and PostgreSQL dates and decimals/bigints,
 * MariaDB decimals. Output to a pipe: 80 columns, no colour; LANG=C.UTF-8 for blocks and Braille.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, sandboxEnv } from '../helpers/run-cli.js';
import { withServer } from '../harness/server-test.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { sharedMariadb } from '../harness/mariadb-server.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-chart-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const env = (): Record<string, string> => sandboxEnv({ LANG: 'C.UTF-8', LC_ALL: '', LC_CTYPE: '' });

function chart(target: string, sql: string): string {
  const r = runCli([target, '-c', sql], { env: env() });
  assert.equal(r.code, 0, `exit 0; stderr: ${r.stderr}`);
  return r.stdout;
}

/** The bars' values, by label ("France │████ 39" → France: 39). */
function bars(out: string): Record<string, string> {
  return Object.fromEntries([...out.matchAll(/^(\S[^│\n]*?) *│[█▉▊▋▌▍▎▏ ]*?([\d,.]+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('\\gchart on every engine', () => {
  test('SQLite (the demo database): bar chart of customers per country', () => {
    runCli(['--demo', '-c', 'select 1'], { env: { ...env(), XDG_DATA_HOME: dir } });
    const out = chart(join(dir, 'sqlsh', 'demo.db'), 'select country, count(*) as n from customers group by 1 order by 2 desc, 1 limit 3 \\gchart');
    assert.match(out, /^bar chart: x = country, y = n$/m);
    assert.deepEqual(Object.keys(bars(out)).length, 3);
  });

  test('DuckDB file: a histogram of a table and a line chart over real dates', () => {
    const file = join(dir, 'charts.duckdb');
    runCli([file, '-c', 'create table t as select range as i, (range * 37) % 100 as v, date \'2024-01-01\' + range::int as d from range(1000)'], { env: env() });
    const hist = chart(file, 'select v from t \\gchart');
    assert.match(hist, /^histogram of v$/m);
    assert.match(hist, /^\(1,000 values, min 0, max 99, mean 49\.5\)$/m);
    const line = chart(file, 'select d, sum(v) as total from t group by d order by d limit 60 \\gchart');
    assert.match(line, /^line chart: x = d, y = total$/m);
    assert.match(line, /2024-01-01 .* 2024-02-29$/m, 'date labels on the x axis');
    assert.match(line, /[\u2801-\u28ff]/, 'Braille dots');
  });

  test('PostgreSQL: a line chart of generate_series with numeric and bigint series', async (t) => {
    const pg = await withServer(t, sharedPostgres);
    if (!pg) return;
    const out = chart(pg.url, "select d::date as day, (extract(day from d) * 1.5)::numeric as amount, count(*) over (order by d) as running from generate_series('2024-03-01'::timestamp, '2024-03-31', '1 day') d \\gchart");
    assert.match(out, /^line chart: x = day, y = amount, running$/m);
    assert.match(out, /2024-03-01 .*2024-03-31$/m);
    assert.match(out, /^• amount {3}× running$/m, 'no colour on a pipe: two series told apart by their marks');
  });

  test('MariaDB: a bar chart of decimals, and \\chart draws the last result as sparklines', async (t) => {
    const my = await withServer(t, sharedMariadb);
    if (!my) return;
    const out = chart(my.url, "select 'a' as k, 1.50 as x, 2 as y, 3 as z union all select 'b', 4.25, 1, 0 \\gchart bar k x");
    assert.match(out, /^bar chart: x = k, y = x$/m);
    assert.deepEqual(bars(out), { a: '1.50', b: '4.25' });
    const again = runCli([my.url, '-c', "select 'a' as k, 1 as x, 5 as y, 3 as z", '-c', '\\chart spark'], { env: env() });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^sparklines of x, y, z per k$/m);
    assert.match(again.stdout, /^a ▁█▅  1 … 5$/m);
  });
});
