/**
 * Streaming export: `sqlsh FILE -c "select * from t" --format csv > /dev/null` on 100k and 1M rows,
 * wall time and peak memory (GNU time's max RSS), side by side with the engine's own shell.
 * Flat memory between 100k and 1M rows shows the result is streamed, not buffered.
 */
import { existsSync, mkdirSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cache = join(root, '.tmp', 'bench');

async function makeSqlite(rows: number): Promise<string> {
  const path = join(cache, `rows-${rows}.db`);
  if (existsSync(path)) return path;
  mkdirSync(cache, { recursive: true });
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path + '.tmp');
  db.exec(`create table t (id integer primary key, name text, amount real, big integer, created text, note text)`);
  db.exec(`insert into t select value, 'name ' || value, value * 1.25, value * 1000000007, date('2020-01-01', '+' || (value % 1000) || ' days'),
           case when value % 7 = 0 then null else 'note, "quoted" ' || value end from generate_series(1, ${rows})`);
  db.close();
  spawnSync('mv', [path + '.tmp', path]);
  return path;
}

function measure(cmd: string[], env?: NodeJS.ProcessEnv): { seconds: number; maxRssMb: number; ok: boolean; err: string } {
  const devnull = openSync('/dev/null', 'w');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], { stdio: ['ignore', devnull, 'pipe'], env: { ...process.env, ...env }, cwd: root });
  closeSync(devnull);
  const lines = r.stderr.toString().trim().split('\n');
  const [sec, kb] = (lines.at(-1) ?? '').split(' ');
  return { seconds: Number(sec), maxRssMb: Number(kb) / 1024, ok: r.status === 0, err: lines.slice(0, -1).join('\n') };
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const fmt = (name: string, n: number, m: ReturnType<typeof measure>) =>
    `${name.padEnd(34)} ${String(n).padStart(8)} rows  ${m.seconds.toFixed(2).padStart(6)} s  peak RSS ${m.maxRssMb.toFixed(1).padStart(7)} MB${m.ok ? '' : `  FAILED ${m.err.slice(0, 200)}`}`;
  for (const n of [100_000, 1_000_000]) {
    const db = await makeSqlite(n);
    rows.push(fmt('sqlsh sqlite --format csv', n, measure([process.execPath, 'bin/sqlsh.js', db, '-c', 'select * from t', '--format', 'csv'])));
    rows.push(fmt('sqlsh sqlite --format json', n, measure([process.execPath, 'bin/sqlsh.js', db, '-c', 'select * from t', '--format', 'json'])));
    rows.push(fmt('sqlsh sqlite --format table', n, measure([process.execPath, 'bin/sqlsh.js', db, '-c', 'select * from t'])));
    rows.push(fmt('sqlite3 -csv', n, measure(['/usr/bin/sqlite3', '-csv', db, 'select * from t'])));
  }
  console.log('export to /dev/null (wall time, peak resident memory)');
  for (const r of rows) console.log(r);
}

await main();
