/**
 * Restoring a dump (a script of many statements, read as it runs): wall time and peak memory of
 * `sqlsh TARGET -f dump.sql` side by side with each engine's own client on the same file, into a fresh
 * database each run (made before the run, outside its time):
 * - SQLite: sqlite3's `.dump` of the benchmark table (its INSERTs; sqlite3 NEW.db < dump.sql);
 * - PostgreSQL: pg_dump's plain dump (COPY data) and pg_dump --inserts (psql -X -f dump.sql);
 * - MariaDB: mariadb-dump's (multi-row INSERTs; mariadb DB < dump.sql).
 * Runs are interleaved and the table shows medians (BENCH_RUNS, default 5; `--quick`: 1 run, smaller
 * dumps), the worst peak RSS, and each sqlsh row's ratio to its peer. No tool is quiet: psql and sqlsh
 * print each statement's status (to /dev/null), as a restore does.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadServerTable, startBenchServers, tableFor } from './servers.js';
import { has, measure, median, type Measured } from './measure.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cache = join(root, '.tmp', 'bench-restore');
const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 1 : Number(process.env.BENCH_RUNS ?? 5);
/** Rows of the SQLite .dump, the PostgreSQL COPY dump, its --inserts dump and the MariaDB dump. */
const ROWS = QUICK ? { sqlite: 20_000, copy: 100_000, inserts: 2_000, mariadb: 100_000 } : { sqlite: 200_000, copy: 1_000_000, inserts: 20_000, mariadb: 1_000_000 };

interface Contender {
  readonly name: string;
  readonly peer?: string;
  /** Makes the empty target (outside the time). */
  readonly fresh: () => void;
  readonly cmd: readonly string[];
  readonly stdin?: string;
}

const sqlsh = (target: string, file: string): readonly string[] => [process.execPath, 'bin/sqlsh.js', target, '-f', file];

function check(r: ReturnType<typeof spawnSync>, what: string): void {
  if (r.status !== 0) throw new Error(`${what}: ${String(r.stderr ?? r.error ?? '').slice(0, 300)}`);
}

async function main(): Promise<void> {
  if (!has('/usr/bin/time')) throw new Error('/usr/bin/time (GNU time) is needed: apt-get install time');
  mkdirSync(cache, { recursive: true });
  const contenders: Contender[] = [];
  const skipped: string[] = [];

  // SQLite: sqlite3's .dump of the benchmark rows
  if (has('/usr/bin/sqlite3')) {
    const source = join(cache, `sqlite-${ROWS.sqlite}.db`);
    const dump = join(cache, `sqlite-${ROWS.sqlite}.sql`);
    if (!existsSync(dump)) {
      rmSync(source, { force: true });
      check(spawnSync('/usr/bin/sqlite3', [source, `create table t (id integer primary key, name text, amount real, big integer, created text, note text);
        insert into t with recursive c(value) as (select 1 union all select value + 1 from c where value < ${ROWS.sqlite})
        select value, 'name ' || value, value * 1.25, value * 1000000007, date('2020-01-01', '+' || (value % 1000) || ' days'),
        case when value % 7 = 0 then null else 'note, "quoted" ' || value end from c;`]), 'sqlite3 data');
      check(spawnSync('sh', ['-c', `/usr/bin/sqlite3 '${source}' .dump > '${dump}'`]), 'sqlite3 .dump');
    }
    const [a, b] = [join(cache, 'restored-a.db'), join(cache, 'restored-b.db')];
    const label = `sqlite .dump ${ROWS.sqlite / 1000}k INSERTs`;
    contenders.push(
      { name: `${label}: sqlite3`, fresh: () => rmSync(a, { force: true }), cmd: ['/usr/bin/sqlite3', a], stdin: dump },
      { name: `${label}: sqlsh`, peer: `${label}: sqlite3`, fresh: () => rmSync(b, { force: true }), cmd: sqlsh(b, dump) },
    );
  } else skipped.push('sqlite: no /usr/bin/sqlite3');

  const servers = await startBenchServers();
  try {
    const pg = servers.postgres;
    if ('url' in pg) {
      const env = { ...process.env, PGPASSWORD: pg.password ?? '', PGHOST: pg.host, PGPORT: String(pg.port), PGUSER: pg.user };
      const psql = (db: string, ...args: string[]) => spawnSync('psql', ['-X', '-q', '-d', db, ...args], { env });
      const fresh = (db: string) => () => check(psql('postgres', '-c', `drop database if exists ${db}`, '-c', `create database ${db}`), `create database ${db}`);
      const url = (db: string): string => pg.url.replace(/\/[^/]*$/, `/${db}`);
      for (const [kind, n, flags] of [['COPY', ROWS.copy, []], ['--inserts', ROWS.inserts, ['--inserts']]] as const) {
        await loadServerTable('postgres', pg.url, n);
        const dump = join(cache, `pg-${kind.replace(/\W/g, '')}-${n}.sql`);
        check(spawnSync('pg_dump', ['-d', 'postgres', '-t', tableFor(n), '-f', dump, ...flags], { env }), 'pg_dump');
        const label = `postgres pg_dump ${kind === 'COPY' ? '' : '--inserts '}${n / 1000}k`;
        contenders.push(
          { name: `${label}: psql`, fresh: fresh('restore_a'), cmd: ['psql', '-X', '-d', url('restore_a'), '-f', dump] },
          { name: `${label}: sqlsh`, peer: `${label}: psql`, fresh: fresh('restore_b'), cmd: sqlsh(url('restore_b'), dump) },
        );
        if (kind === '--inserts') {
          // the way PostgreSQL's manual restores a dump: in one transaction, stopping at the first error
          const one = ['-1', '-v', 'ON_ERROR_STOP=1'];
          contenders.push(
            { name: `${label} -1: psql`, fresh: fresh('restore_a'), cmd: ['psql', '-X', ...one, '-d', url('restore_a'), '-f', dump] },
            { name: `${label} -1: sqlsh`, peer: `${label} -1: psql`, fresh: fresh('restore_b'), cmd: [...sqlsh(url('restore_b'), dump), ...one] },
          );
        }
      }
      // psql's \copy of a csv file (the 1M-row table): the data read here and sent through the COPY protocol
      {
        const n = ROWS.copy;
        const csv = join(cache, `pg-${n}.csv`);
        check(psql('postgres', '-c', `\\copy ${tableFor(n)} to '${csv}' csv`), 'psql \\copy to');
        const copyLine = `\\copy ${tableFor(n)} from '${csv}' csv`;
        const label = `postgres \\copy ${n / 1000}k csv rows`;
        const ddl = (db: string) => () => {
          fresh(db)();
          check(spawnSync('sh', ['-c', `pg_dump -d postgres -t ${tableFor(n)} --schema-only | psql -X -q -d ${db}`], { env }), 'schema');
        };
        contenders.push(
          { name: `${label}: psql`, fresh: ddl('restore_a'), cmd: ['psql', '-X', '-d', url('restore_a'), '-c', copyLine] },
          { name: `${label}: sqlsh`, peer: `${label}: psql`, fresh: ddl('restore_b'), cmd: [process.execPath, 'bin/sqlsh.js', url('restore_b'), '-c', copyLine] },
        );
      }
    } else skipped.push(`postgres: ${pg.unavailable}`);

    const my = servers.mariadb;
    if ('url' in my) {
      const conn = ['--no-defaults', '-h', my.host, '-P', String(my.port), '--protocol=tcp', '-u', my.user];
      const env = { ...process.env, MYSQL_PWD: my.password };
      const fresh = (db: string) => () => check(spawnSync('mariadb', [...conn, '-e', `drop database if exists ${db}; create database ${db}`], { env }), `create database ${db}`);
      await loadServerTable('mysql', my.url, ROWS.mariadb);
      const dump = join(cache, `mariadb-${ROWS.mariadb}.sql`);
      check(spawnSync('sh', ['-c', `mariadb-dump ${conn.join(' ')} ${my.database} ${tableFor(ROWS.mariadb)} > '${dump}'`], { env }), 'mariadb-dump');
      const url = new URL(my.url);
      url.pathname = '/restore_b';
      const label = `mariadb-dump ${ROWS.mariadb / 1000}k`;
      contenders.push(
        { name: `${label}: mariadb`, fresh: fresh('restore_a'), cmd: ['mariadb', ...conn, 'restore_a'], stdin: dump },
        { name: `${label}: sqlsh`, peer: `${label}: mariadb`, fresh: fresh('restore_b'), cmd: sqlsh(url.toString(), dump) },
      );
    } else skipped.push(`mariadb: ${my.unavailable}`);

    const results = new Map<string, Measured[]>();
    for (let run = 0; run < RUNS; run++) {
      for (const c of contenders) {
        c.fresh();
        const list = results.get(c.name) ?? [];
        list.push(measure(c.cmd, { cwd: root, env: { MYSQL_PWD: 'url' in my ? my.password : '' }, ...(c.stdin ? { stdin: c.stdin } : {}) }));
        results.set(c.name, list);
      }
    }
    const summary = (name: string): { s: number; mb: number; failed?: string } => {
      const ms = results.get(name)!;
      const bad = ms.find((m) => !m.ok);
      return bad ? { s: NaN, mb: NaN, failed: bad.err } : { s: median(ms.map((m) => m.seconds)), mb: Math.max(...ms.map((m) => m.maxRssMb)) };
    };
    const width = Math.max(...contenders.map((c) => c.name.length), 10);
    const head = `${'dump: tool'.padEnd(width)} | ${'s'.padStart(7)} ${'MB'.padStart(6)} ${'ratio'.padStart(6)}`;
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`restore of a dump into a fresh database: median wall time (s) of ${RUNS} interleaved run(s), worst peak RSS (MB), ratio to the peer; load average ${load}`);
    console.log(head);
    console.log('-'.repeat(head.length));
    for (const c of contenders) {
      const m = summary(c.name);
      const p = c.peer ? summary(c.peer) : undefined;
      const ratio = p && Number.isFinite(p.s) && p.s > 0 && !m.failed ? `${(m.s / p.s).toFixed(2)}x` : '';
      console.log(`${c.name.padEnd(width)} | ${(m.failed ? 'FAIL' : m.s.toFixed(2)).padStart(7)} ${(m.failed ? '' : m.mb.toFixed(1)).padStart(6)} ${ratio.padStart(6)}${m.failed ? `  ${m.failed}` : ''}`);
    }
    for (const s of skipped) console.log(`(skipped ${s})`);
  } finally {
    await servers.stopAll();
  }
}

await main();
