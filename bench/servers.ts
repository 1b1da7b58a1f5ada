/**
 * Servers and data for the benchmarks: throw-away PostgreSQL and MariaDB servers from the test
 * harness (stopped by stopAll()), and the benchmark table `t` (id, name, amount, big, created, note)
 * with N rows in each engine, loaded through sqlsh's own engines.
 */
import { mkdirSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineId } from '../src/sql/dialect.js';
import type { ConnectionTarget } from '../src/engines/engine.js';
import { engineById } from '../src/engines/registry.js';
import { startPostgres, type PgServer } from '../test/harness/postgres-server.js';
import { startMariadb, type MariadbServer } from '../test/harness/mariadb-server.js';

export interface BenchServers {
  /** undefined with the reason when the server could not start. */
  readonly postgres: PgServer | { readonly unavailable: string };
  readonly mariadb: MariadbServer | { readonly unavailable: string };
  stopAll(): Promise<void>;
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? 'unknown error';

export async function startBenchServers(): Promise<BenchServers> {
  const [pg, my] = await Promise.allSettled([startPostgres(), startMariadb()]);
  const postgres = pg.status === 'fulfilled' ? pg.value : { unavailable: reason(pg.reason) };
  const mariadb = my.status === 'fulfilled' ? my.value : { unavailable: reason(my.reason) };
  return {
    postgres,
    mariadb,
    async stopAll() {
      if ('stop' in postgres) await postgres.stop();
      if ('stop' in mariadb) await mariadb.stop();
    },
  };
}

/** Runs statements through sqlsh's engine (so the benchmark needs no other client to load data). */
async function runAll(target: ConnectionTarget, statements: readonly string[]): Promise<void> {
  const engine = await engineById(target.engine).load();
  const conn = await engine.connect(target, { env: { HOME: '/nonexistent-home', PGPASSFILE: '/nonexistent' } });
  try {
    for (const sql of statements) for await (const _ of conn.execute(sql)) void _;
  } finally {
    await conn.close();
  }
}

/** The benchmark rows: the same shape and values in every engine (NULL in every 7th note). */
function selectRows(engine: EngineId, n: number): string {
  const note = (x: string): string => `case when ${x} % 7 = 0 then null else concat('note, "quoted" ', ${x}) end`;
  switch (engine) {
    case 'postgres':
      return `select x as id, 'name ' || x as name, x * 1.25::float8 as amount, x * 1000000007::bigint as big,
        date '2020-01-01' + (x % 1000)::int as created, ${note('x')} as note from generate_series(1, ${n}) g(x)`;
    case 'mysql':
      return `select seq as id, concat('name ', seq) as name, seq * 1.25e0 as amount, seq * 1000000007 as big,
        date '2020-01-01' + interval (seq % 1000) day as created, ${note('seq')} as note from seq_1_to_${n}`;
    case 'duckdb':
      return `select x as id, 'name ' || x as name, x * 1.25::double as amount, x * 1000000007 as big,
        date '2020-01-01' + (x % 1000)::int as created, ${note('x')} as note from range(1, ${n + 1}) r(x)`;
    case 'sqlite':
      throw new Error('SQLite data is made by export.bench.ts with better-sqlite3');
  }
}

/** Table name holding n rows. */
export const tableFor = (n: number): string => `t_${n}`;

/** Creates table t_<n> with n rows on a server engine. */
export async function loadServerTable(engine: 'postgres' | 'mysql', url: string, n: number): Promise<void> {
  const t = tableFor(n);
  await runAll({ engine, url }, [`drop table if exists ${t}`, `create table ${t} as ${selectRows(engine, n)}`]);
}

/** A DuckDB file with table t of n rows, cached under dir. */
export async function makeDuckdb(dir: string, n: number): Promise<string> {
  const path = join(dir, `rows-${n}.duckdb`);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const tmp = `${path}.tmp.duckdb`;
  rmSync(tmp, { force: true });
  await runAll({ engine: 'duckdb', path: tmp }, [`create table t as ${selectRows('duckdb', n)}`, 'checkpoint']);
  rmSync(`${tmp}.wal`, { force: true });
  renameSync(tmp, path);
  return path;
}
