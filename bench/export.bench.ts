/**
 * Streaming export: `sqlsh TARGET -c "select * from t" [--format csv] > /dev/null` on 100k and 1M rows,
 * wall time and peak memory (GNU time's max RSS), side by side with each engine's own client:
 * SQLite (sqlite3 -csv, sqlite3 -box), PostgreSQL (psql --csv and aligned; psql buffers the whole
 * result unless FETCH_COUNT is set), MariaDB (mariadb --batch / --table, which buffer unless --quick)
 * and DuckDB (its own COPY ... TO '/dev/stdout' through the same Node binding: no duckdb CLI here).
 *
 * Runs are interleaved (run 1 of every tool, then run 2, ...) so a change in the machine's load hits
 * every tool alike; the table shows medians (BENCH_RUNS, default 5; `--quick`: 1 run, 100k rows only;
 * BENCH_SIZES: other row counts, e.g. BENCH_SIZES=10000000 BENCH_RUNS=1 for the 10M-row memory check),
 * the worst peak RSS, and each sqlsh row's ratio to its peer (the row named after 'vs').
 * The servers are throw-away ones from the test harness (bench/servers.ts), stopped at the end.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadServerTable, makeDuckdb, startBenchServers, tableFor } from './servers.js';
import { has, measure, median, type Measured } from './measure.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cache = join(root, '.tmp', 'bench');
const QUICK = process.argv.includes('--quick');
/** BENCH_SIZES=100000,1000000,10000000 measures other row counts (10M: about a minute per tool and run). */
const SIZES: readonly number[] = QUICK
  ? [100_000]
  : process.env.BENCH_SIZES
    ? process.env.BENCH_SIZES.split(',').map((x) => Number(x.trim())).filter((n) => Number.isInteger(n) && n > 0)
    : [100_000, 1_000_000];
const RUNS = QUICK ? 1 : Number(process.env.BENCH_RUNS ?? 5);

async function makeSqlite(rows: number): Promise<string> {
  const path = join(cache, `rows-${rows}.db`);
  if (existsSync(path)) return path;
  mkdirSync(cache, { recursive: true });
  const { default: Database } = await import('better-sqlite3');
  rmSync(path + '.tmp', { force: true });
  const db = new Database(path + '.tmp');
  db.exec(`create table t (id integer primary key, name text, amount real, big integer, created text, note text)`);
  // A recursive CTE: better-sqlite3's SQLite has no generate_series.
  db.exec(`insert into t with recursive c(value) as (select 1 union all select value + 1 from c where value < ${rows})
           select value, 'name ' || value, value * 1.25, value * 1000000007, date('2020-01-01', '+' || (value % 1000) || ' days'),
           case when value % 7 = 0 then null else 'note, "quoted" ' || value end from c`);
  db.close();
  spawnSync('mv', [path + '.tmp', path]);
  return path;
}

/** One line of the table: a tool and how to run it for n rows; peer: the name of the row it is compared with. */
interface Contender {
  readonly name: string;
  readonly cmd?: (n: number) => readonly string[];
  readonly unavailable?: string;
  readonly peer?: string;
}

const sqlsh = (target: string, sql: string, ...extra: string[]): readonly string[] => [process.execPath, 'bin/sqlsh.js', target, '-c', sql, ...extra];

/** DuckDB's own csv writer through @duckdb/node-api, to stdout: the reference for sqlsh's DuckDB export. */
const duckdbCopy = (file: string): readonly string[] => [
  process.execPath,
  '--input-type=module',
  '-e',
  `import { DuckDBInstance } from '@duckdb/node-api';
   const db = await DuckDBInstance.create(${JSON.stringify(file)}, { access_mode: 'READ_ONLY' });
   const c = await db.connect();
   await c.run("copy (select * from t) to '/dev/stdout' (format csv, header)");`,
];

async function main(): Promise<void> {
  if (!has('/usr/bin/time')) throw new Error('/usr/bin/time (GNU time) is needed: apt-get install time');
  const servers = await startBenchServers();
  try {
    const sqliteFiles = new Map<number, string>();
    const duckFiles = new Map<number, string>();
    for (const n of SIZES) {
      sqliteFiles.set(n, await makeSqlite(n));
      duckFiles.set(n, await makeDuckdb(cache, n));
    }
    const pg = servers.postgres;
    const my = servers.mariadb;
    if ('url' in pg) for (const n of SIZES) await loadServerTable('postgres', pg.url, n);
    if ('url' in my) for (const n of SIZES) await loadServerTable('mysql', my.url, n);

    const sqlite3 = has('/usr/bin/sqlite3');
    const contenders: Contender[] = [
      sqlite3 ? { name: 'sqlite3 -csv', cmd: (n) => ['/usr/bin/sqlite3', '-csv', sqliteFiles.get(n)!, 'select * from t'] } : { name: 'sqlite3 -csv', unavailable: 'no /usr/bin/sqlite3' },
      { name: 'sqlsh sqlite csv', peer: 'sqlite3 -csv', cmd: (n) => sqlsh(sqliteFiles.get(n)!, 'select * from t', '--format', 'csv') },
      sqlite3 ? { name: 'sqlite3 -box', cmd: (n) => ['/usr/bin/sqlite3', '-box', sqliteFiles.get(n)!, 'select * from t'] } : { name: 'sqlite3 -box', unavailable: 'no /usr/bin/sqlite3' },
      { name: 'sqlsh sqlite table', peer: 'sqlite3 -box', cmd: (n) => sqlsh(sqliteFiles.get(n)!, 'select * from t') },
      { name: 'sqlsh sqlite json', peer: 'sqlite3 -csv', cmd: (n) => sqlsh(sqliteFiles.get(n)!, 'select * from t', '--format', 'json') },
      sqlite3 ? { name: 'sqlite3 -line', cmd: (n) => ['/usr/bin/sqlite3', '-line', sqliteFiles.get(n)!, 'select * from t'] } : { name: 'sqlite3 -line', unavailable: 'no /usr/bin/sqlite3' },
      { name: 'sqlsh sqlite expanded', peer: 'sqlite3 -line', cmd: (n) => sqlsh(sqliteFiles.get(n)!, 'select * from t', '--format', 'expanded') },
    ];
    if ('url' in pg) {
      const q = (n: number): string => `select * from ${tableFor(n)}`;
      contenders.push(
        { name: 'psql --csv', cmd: (n) => ['psql', '-X', '-q', '--csv', '-c', q(n), pg.url] },
        { name: 'sqlsh postgres csv', peer: 'psql --csv', cmd: (n) => sqlsh(pg.url, q(n), '--format', 'csv') },
        { name: 'sqlsh postgres tsv', peer: 'psql --csv', cmd: (n) => sqlsh(pg.url, q(n), '--format', 'tsv') },
        { name: 'psql aligned', cmd: (n) => ['psql', '-X', '-q', '-P', 'pager=off', '-c', q(n), pg.url] },
        { name: 'sqlsh postgres table', peer: 'psql aligned', cmd: (n) => sqlsh(pg.url, q(n)) },
        { name: 'psql expanded', cmd: (n) => ['psql', '-X', '-q', '-x', '-P', 'pager=off', '-c', q(n), pg.url] },
        { name: 'sqlsh postgres expanded', peer: 'psql expanded', cmd: (n) => sqlsh(pg.url, q(n), '--format', 'expanded') },
        { name: 'psql unaligned', cmd: (n) => ['psql', '-X', '-q', '-A', '-c', q(n), pg.url] },
        { name: 'sqlsh postgres unaligned', peer: 'psql unaligned', cmd: (n) => sqlsh(pg.url, q(n), '--format', 'unaligned') },
        { name: 'sqlsh postgres markdown', peer: 'psql unaligned', cmd: (n) => sqlsh(pg.url, q(n), '--format', 'markdown') },
        { name: 'sqlsh postgres json', peer: 'psql --csv', cmd: (n) => sqlsh(pg.url, q(n), '--format', 'json') },
      );
    } else contenders.push({ name: 'postgres', unavailable: pg.unavailable });
    if ('url' in my) {
      const q = (n: number): string => `select * from ${tableFor(n)}`;
      const client = ['mariadb', '--no-defaults', '-h', my.host, '-P', String(my.port), '-u', my.user, `-p${my.password}`, my.database];
      contenders.push(
        { name: 'mariadb --batch', cmd: (n) => [...client, '--batch', '-e', q(n)] },
        { name: 'sqlsh mariadb csv', peer: 'mariadb --batch', cmd: (n) => sqlsh(my.url, q(n), '--format', 'csv') },
        { name: 'mariadb --table', cmd: (n) => [...client, '--table', '-e', q(n)] },
        { name: 'sqlsh mariadb table', peer: 'mariadb --table', cmd: (n) => sqlsh(my.url, q(n)) },
        { name: 'sqlsh mariadb json', peer: 'mariadb --batch', cmd: (n) => sqlsh(my.url, q(n), '--format', 'json') },
        { name: 'mariadb --vertical', cmd: (n) => [...client, '--vertical', '-e', q(n)] },
        { name: 'sqlsh mariadb expanded', peer: 'mariadb --vertical', cmd: (n) => sqlsh(my.url, q(n), '--format', 'expanded') },
        { name: 'sqlsh mariadb markdown', peer: 'mariadb --batch', cmd: (n) => sqlsh(my.url, q(n), '--format', 'markdown') },
        { name: 'sqlsh mariadb unaligned', peer: 'mariadb --batch', cmd: (n) => sqlsh(my.url, q(n), '--format', 'unaligned') },
      );
    } else contenders.push({ name: 'mariadb', unavailable: my.unavailable });
    contenders.push(
      { name: 'duckdb COPY (node binding)', cmd: (n) => duckdbCopy(duckFiles.get(n)!) },
      { name: 'sqlsh duckdb csv', peer: 'duckdb COPY (node binding)', cmd: (n) => sqlsh(duckFiles.get(n)!, 'select * from t', '--format', 'csv') },
      { name: 'sqlsh duckdb table', peer: 'duckdb COPY (node binding)', cmd: (n) => sqlsh(duckFiles.get(n)!, 'select * from t') },
      { name: 'sqlsh duckdb json', peer: 'duckdb COPY (node binding)', cmd: (n) => sqlsh(duckFiles.get(n)!, 'select * from t', '--format', 'json') },
    );

    const runnable = contenders.filter((c) => c.cmd);
    const results = new Map<string, Measured[]>(); // key: name@n
    for (let run = 0; run < RUNS; run++) {
      for (const n of SIZES) {
        for (const c of runnable) {
          const key = `${c.name}@${n}`;
          const list = results.get(key) ?? [];
          list.push(measure(c.cmd!(n), { cwd: root }));
          results.set(key, list);
        }
      }
    }
    const summary = (name: string, n: number): { s: number; mb: number; failed?: string } | undefined => {
      const ms = results.get(`${name}@${n}`);
      if (!ms) return undefined;
      const bad = ms.find((m) => !m.ok);
      if (bad) return { s: NaN, mb: NaN, failed: bad.err };
      return { s: median(ms.map((m) => m.seconds)), mb: Math.max(...ms.map((m) => m.maxRssMb)) };
    };
    let head = `${'tool'.padEnd(28)}`;
    for (const n of SIZES) head += ` | ${`${n / 1000}k s`.padStart(7)} ${'MB'.padStart(6)} ${'ratio'.padStart(6)}`;
    const out: string[] = [head, '-'.repeat(head.length)];
    for (const c of contenders) {
      if (!c.cmd) {
        out.push(`${c.name.padEnd(28)} | (skipped: ${c.unavailable})`);
        continue;
      }
      let line = c.name.padEnd(28);
      let failure = '';
      for (const n of SIZES) {
        const m = summary(c.name, n)!;
        const p = c.peer ? summary(c.peer, n) : undefined;
        const ratio = p && Number.isFinite(p.s) && p.s > 0 ? (m.s / p.s).toFixed(2) + 'x' : '';
        if (m.failed) failure = m.failed;
        line += ` | ${(m.failed ? 'FAIL' : m.s.toFixed(2)).padStart(7)} ${(m.failed ? '' : m.mb.toFixed(1)).padStart(6)} ${ratio.padStart(6)}`;
      }
      out.push(line + (failure ? `  ${failure}` : ''));
    }
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`export of \`select * from t\` to /dev/null: median wall time (s) of ${RUNS} interleaved run(s), worst peak RSS (MB), ratio to the peer; load average ${load}`);
    for (const line of out) console.log(line);
  } finally {
    await servers.stopAll();
  }
}

await main();
