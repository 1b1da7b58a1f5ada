/**
 * Time to a usable prompt in a real pseudo-terminal: sqlsh (in-memory SQLite and the demo database)
 * against Node's own start-up and the sqlite3 shell. Targets: the prompt within 1.3x of Node printing
 * one, `sqlsh FILE.db -c "select 1"` within 1.5x of `node -e 0` (issue 12).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

async function timeToText(file: string, args: string[], marker: RegExp, env: Record<string, string>): Promise<number> {
  const pty = await import('@lydell/node-pty');
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = pty.spawn(file, args, { cols: 120, rows: 40, cwd: root, env: { ...process.env, ...env } as Record<string, string> });
    let out = '';
    const timer = setTimeout(() => {
      p.kill();
      reject(new Error(`no prompt from ${file} ${args.join(' ')} after 10 s; saw: ${JSON.stringify(out.slice(-300))}`));
    }, 10000);
    p.onData((d) => {
      out += d;
      if (marker.test(out)) {
        const ms = performance.now() - t0;
        clearTimeout(timer);
        p.kill();
        resolve(ms);
      }
    });
  });
}

function stats(xs: number[]): { median: number; min: number; p90: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, p90: s[Math.min(s.length - 1, Math.floor(s.length * 0.9))]! };
}

async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'sqlsh-bench-home-'));
  const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'c'), XDG_DATA_HOME: join(home, 'd'), XDG_STATE_HOME: join(home, 's'), TERM: 'xterm-256color' };
  // Create the demo database once, outside the timing.
  await timeToText(process.execPath, ['bin/sqlsh.js', '--demo'], /demo\.db.*> /s, env).catch(() => undefined);
  const cases: { name: string; file: string; args: string[]; marker: RegExp }[] = [
    { name: 'node (prints a prompt and waits)', file: process.execPath, args: ['-e', "process.stdout.write('> '); setTimeout(()=>{}, 1e6)"], marker: /> / },
    { name: 'sqlsh (in-memory SQLite)', file: process.execPath, args: ['bin/sqlsh.js'], marker: /sqlite :memory:> / },
    { name: 'sqlsh --demo', file: process.execPath, args: ['bin/sqlsh.js', '--demo'], marker: /demo\.db> / },
    { name: 'sqlite3 shell', file: '/usr/bin/sqlite3', args: [':memory:'], marker: /sqlite> / },
  ];
  // BENCH_COMPARE_BIN=/other/checkout/bin/sqlsh.js: the same cases for another build, side by side
  const other = process.env.BENCH_COMPARE_BIN;
  if (other) {
    cases.push(
      { name: 'other: sqlsh (in-memory SQLite)', file: process.execPath, args: [other], marker: /sqlite :memory:> / },
      { name: 'other: sqlsh --demo', file: process.execPath, args: [other, '--demo'], marker: /demo\.db> / },
    );
  }
  // Interleaved: each run times every case once, so a change of load on the machine hits them alike.
  const times = cases.map(() => [] as number[]);
  const failed = new Map<number, string>();
  for (let i = 0; i < RUNS; i++) {
    for (const [k, c] of cases.entries()) {
      if (failed.has(k)) continue;
      try {
        times[k]!.push(await timeToText(c.file, c.args, c.marker, env));
      } catch (e) {
        failed.set(k, (e as Error).message);
      }
    }
  }
  const rows: string[] = [];
  const nodeMedian = stats(times[0]!).median;
  for (const [k, c] of cases.entries()) {
    if (failed.has(k)) {
      rows.push(`${c.name.padEnd(36)} failed: ${failed.get(k)}`);
      continue;
    }
    const s = stats(times[k]!);
    rows.push(`${c.name.padEnd(36)} median ${s.median.toFixed(1).padStart(6)} ms  min ${s.min.toFixed(1).padStart(6)} ms  p90 ${s.p90.toFixed(1).padStart(6)} ms ${(s.median / nodeMedian).toFixed(2)}x node`);
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`time to prompt in a pty, ${RUNS} interleaved runs each (target: sqlsh within 1.3x of node); load average ${load}`);
  for (const r of rows) console.log(r);
  batchStartup(env);
}

/** `sqlsh FILE.db -c "select 1"` against bare `node -e 0`, interleaved (target: 1.5x). */
function batchStartup(env: Record<string, string>): void {
  const db = join(mkdtempSync(join(tmpdir(), 'sqlsh-bench-db-')), 'one.db');
  const cases = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'sqlsh FILE.db -c "select 1"', args: ['bin/sqlsh.js', db, '-c', 'select 1'] },
    { name: 'sqlsh FILE.db -c ... --format csv', args: ['bin/sqlsh.js', db, '-c', 'select 1', '--format', 'csv'] },
  ];
  const other = process.env.BENCH_COMPARE_BIN;
  if (other) cases.push({ name: 'other: sqlsh FILE.db -c "select 1"', args: [other, db, '-c', 'select 1'] });
  const times = cases.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) {
    cases.forEach((c, k) => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, c.args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
      if (r.status !== 0) throw new Error(`${c.name} failed: ${r.stderr}`);
      times[k]!.push(performance.now() - t0);
    });
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`\nbatch start-up, ${RUNS} interleaved runs each (target: sqlsh within 1.5x of node -e 0); load average ${load}`);
  const base = stats(times[0]!).median;
  cases.forEach((c, k) => {
    const s = stats(times[k]!);
    console.log(`${c.name.padEnd(36)} median ${s.median.toFixed(1).padStart(6)} ms  min ${s.min.toFixed(1).padStart(6)} ms  ${(s.median / base).toFixed(2)}x node`);
  });
}

await main();
