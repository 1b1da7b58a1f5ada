/**
 * Streaming export: `sqlsh TARGET -c "select * from t" --format csv > /dev/null` on 100k and 1M rows,
 * wall time and peak memory (GNU time's max RSS), side by side with each engine's own client:
 * SQLite (sqlite3), PostgreSQL (psql, which buffers the whole result unless FETCH_COUNT is set),
 * MariaDB (mariadb --batch, which buffers unless --quick) and DuckDB (sqlsh only: no duckdb CLI here).
 * Flat memory between 100k and 1M rows shows the result is streamed, not buffered.
 * The servers are throw-away ones from the test harness (bench/servers.ts), stopped at the end.
 */
import { existsSync, mkdirSync, openSync, closeSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadServerTable, makeDuckdb, startBenchServers, tableFor } from './servers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cache = join(root, '.tmp', 'bench');
const SIZES = [100_000, 1_000_000] as const;

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

interface Measured {
  readonly seconds: number;
  readonly maxRssMb: number;
  readonly ok: boolean;
  readonly err: string;
}

function measure(cmd: readonly string[], env?: NodeJS.ProcessEnv): Measured {
  const devnull = openSync('/dev/null', 'w');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], { stdio: ['ignore', devnull, 'pipe'], env: { ...process.env, ...env }, cwd: root });
  closeSync(devnull);
  const lines = (r.stderr?.toString() ?? String(r.error ?? '')).trim().split('\n');
  const [sec, kb] = (lines.at(-1) ?? '').split(' ');
  return { seconds: Number(sec), maxRssMb: Number(kb) / 1024, ok: r.status === 0, err: lines.slice(0, -1).join(' ').slice(0, 160) };
}

/** One line of the table: a tool and how to run it for n rows (undefined: not available, with why). */
interface Contender {
  readonly name: string;
  readonly cmd?: (n: number) => readonly string[];
  readonly unavailable?: string;
}

const sqlsh = (target: string, sql: string, ...extra: string[]): readonly string[] => [process.execPath, 'bin/sqlsh.js', target, '-c', sql, ...extra];
const has = (bin: string): boolean => existsSync(bin);

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

    const contenders: Contender[] = [
      { name: 'sqlsh sqlite --format csv', cmd: (n) => sqlsh(sqliteFiles.get(n)!, 'select * from t', '--format', 'csv') },
      { name: 'sqlsh sqlite --format json', cmd: (n) => sqlsh(sqliteFiles.get(n)!, 'select * from t', '--format', 'json') },
      { name: 'sqlsh sqlite --format table', cmd: (n) => sqlsh(sqliteFiles.get(n)!, 'select * from t') },
      has('/usr/bin/sqlite3')
        ? { name: 'sqlite3 -csv', cmd: (n) => ['/usr/bin/sqlite3', '-csv', sqliteFiles.get(n)!, 'select * from t'] }
        : { name: 'sqlite3 -csv', unavailable: 'no /usr/bin/sqlite3' },
    ];
    if ('url' in pg) {
      const q = (n: number): string => `select * from ${tableFor(n)}`;
      contenders.push(
        { name: 'sqlsh postgres --format csv', cmd: (n) => sqlsh(pg.url, q(n), '--format', 'csv') },
        { name: 'psql --csv', cmd: (n) => ['psql', '-X', '-q', '--csv', '-c', q(n), pg.url] },
        { name: 'psql --csv -v FETCH_COUNT=1000', cmd: (n) => ['psql', '-X', '-q', '--csv', '-v', 'FETCH_COUNT=1000', '-c', q(n), pg.url] },
      );
    } else contenders.push({ name: 'postgres', unavailable: pg.unavailable });
    if ('url' in my) {
      const q = (n: number): string => `select * from ${tableFor(n)}`;
      const client = ['mariadb', '--no-defaults', '--batch', '-h', my.host, '-P', String(my.port), '-u', my.user, `-p${my.password}`, my.database];
      contenders.push(
        { name: 'sqlsh mariadb --format csv', cmd: (n) => sqlsh(my.url, q(n), '--format', 'csv') },
        { name: 'mariadb --batch', cmd: (n) => [...client, '-e', q(n)] },
        { name: 'mariadb --batch --quick', cmd: (n) => [...client, '--quick', '-e', q(n)] },
      );
    } else contenders.push({ name: 'mariadb', unavailable: my.unavailable });
    contenders.push({ name: 'sqlsh duckdb --format csv', cmd: (n) => sqlsh(duckFiles.get(n)!, 'select * from t', '--format', 'csv') });
    contenders.push({ name: 'duckdb CLI', unavailable: 'not installed here' });

    const head = `${'tool'.padEnd(32)} ${'100k s'.padStart(7)} ${'100k MB'.padStart(8)} ${'1M s'.padStart(7)} ${'1M MB'.padStart(8)} ${'1M-100k MB'.padStart(10)}`;
    const out: string[] = [head, '-'.repeat(head.length)];
    for (const c of contenders) {
      if (!c.cmd) {
        out.push(`${c.name.padEnd(32)} (skipped: ${c.unavailable})`);
        continue;
      }
      const [small, large] = SIZES.map((n) => measure(c.cmd!(n))) as [Measured, Measured];
      const cell = (m: Measured, w: number, v: number): string => (m.ok ? v.toFixed(w === 7 ? 2 : 1) : 'FAIL').padStart(w);
      const failed = [small, large].filter((m) => !m.ok).map((m) => m.err);
      out.push(
        `${c.name.padEnd(32)} ${cell(small, 7, small.seconds)} ${cell(small, 8, small.maxRssMb)} ${cell(large, 7, large.seconds)} ${cell(large, 8, large.maxRssMb)} ` +
          `${(small.ok && large.ok ? (large.maxRssMb - small.maxRssMb).toFixed(1) : '-').padStart(10)}${failed.length ? `  ${failed[0]}` : ''}`,
      );
    }
    console.log('export of `select * from t` to /dev/null: wall time (s) and peak resident memory (MB, GNU time %M)');
    for (const line of out) console.log(line);
  } finally {
    await servers.stopAll();
  }
}

await main();
