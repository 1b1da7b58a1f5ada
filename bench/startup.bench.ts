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

/**
 * Time until `marker` is on the screen; the terminal is then closed (SIGHUP), `holdMs` later. A warm-up
 * run holds it open a while, as a user's earlier session: sqlsh keeps its code cache 1.5 s after its
 * start (an interactive session ended by a closing terminal runs no exit handlers), so the timed runs
 * start as a user's second session does.
 */
async function timeToText(file: string, args: string[], marker: RegExp, env: Record<string, string>, holdMs = 0): Promise<number> {
  const pty = await import('@lydell/node-pty');
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = pty.spawn(file, args, { cols: 120, rows: 40, cwd: root, env: { ...process.env, ...env } as Record<string, string> });
    let out = '';
    let seen = false;
    const timer = setTimeout(() => {
      p.kill();
      reject(new Error(`no prompt from ${file} ${args.join(' ')} after 10 s; saw: ${JSON.stringify(out.slice(-300))}`));
    }, 10000);
    p.onData((d) => {
      out += d;
      if (!seen && marker.test(out)) {
        seen = true;
        const ms = performance.now() - t0;
        clearTimeout(timer);
        setTimeout(() => {
          p.kill();
          resolve(ms);
        }, holdMs);
      }
    });
  });
}

/**
 * Time to the answer of a statement typed the moment the prompt shows (what a user waits for when
 * the prompt comes before the connection): from spawn to `answer` on the screen.
 */
async function timeToAnswer(file: string, args: string[], prompt: RegExp, input: string, answer: RegExp, env: Record<string, string>): Promise<number> {
  const pty = await import('@lydell/node-pty');
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = pty.spawn(file, args, { cols: 120, rows: 40, cwd: root, env: { ...process.env, ...env } as Record<string, string> });
    let out = '';
    let typed = false;
    const timer = setTimeout(() => {
      p.kill();
      reject(new Error(`no answer from ${file} ${args.join(' ')} after 10 s; saw: ${JSON.stringify(out.slice(-300))}`));
    }, 10000);
    p.onData((d) => {
      out += d;
      if (!typed && prompt.test(out)) {
        typed = true;
        out = '';
        p.write(input);
      } else if (typed && answer.test(out)) {
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
  // Create the demo database once, outside the timing, and let each kind of start keep its code cache.
  const WARM_MS = 2000;
  await timeToText(process.execPath, ['bin/sqlsh.js', '--demo'], /demo\.db.*> /s, env, WARM_MS).catch(() => undefined);
  await timeToText(process.execPath, ['bin/sqlsh.js'], /:memory:> /, env, WARM_MS).catch(() => undefined);
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
  await postgresStartup(env);
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

/**
 * PostgreSQL: the prompt in a pty and `-c "select 1"`, sqlsh against psql, interleaved, on a
 * throw-away server (scram-sha-256 over TCP), straight and through a proxy that delays every packet
 * by 10 ms each way (a server 20 ms away: each round trip shows). Target: within one round trip of
 * the SQLite prompt (issue 12); psql makes the same round trips (test/engines/postgres-round-trips).
 */
async function postgresStartup(env: Record<string, string>): Promise<void> {
  const { startPostgres, postgresBinDir } = await import('../test/harness/postgres-server.js');
  const net = await import('node:net');
  let server;
  try {
    server = await startPostgres();
  } catch (e) {
    console.log(`\nPostgreSQL start-up: no server (${(e as Error).message.split('\n')[0]})`);
    return;
  }
  const delayMs = 10;
  const proxy = net.createServer((c) => {
    const s = net.connect(server.port, server.host);
    const pipe = (from: import('node:net').Socket, to: import('node:net').Socket): void => {
      from.on('data', (b) => setTimeout(() => to.write(b), delayMs));
      from.on('close', () => setTimeout(() => to.destroy(), delayMs));
      from.on('error', () => to.destroy());
    };
    pipe(c, s);
    pipe(s, c);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const far = (proxy.address() as import('node:net').AddressInfo).port;
  const pgEnv = { ...env, PGPASSWORD: server.password ?? '' };
  const url = (port: number): string => `postgres://${server.user}@127.0.0.1:${port}/postgres`;
  // The psql binary itself: Debian's /usr/bin/psql is a Perl wrapper that adds some 60 ms to each start.
  const psql = join(postgresBinDir(), 'psql');
  const cases: { name: string; run: () => Promise<number> }[] = [];
  for (const [where, port] of [['', server.port], [' (20 ms away)', far]] as const) {
    cases.push(
      { name: `sqlsh postgres prompt${where}`, run: () => timeToText(process.execPath, ['bin/sqlsh.js', url(port)], /\/postgres> /, pgEnv) },
      { name: `psql prompt${where}`, run: () => timeToText(psql, ['-X', url(port)], /postgres=# /, pgEnv) },
      { name: `sqlsh postgres -c "select 1"${where}`, run: () => spawnTime(process.execPath, ['bin/sqlsh.js', url(port), '-c', 'select 1'], pgEnv) },
      { name: `psql -c "select 1"${where}`, run: () => spawnTime(psql, ['-X', url(port), '-c', 'select 1'], pgEnv) },
      // the prompt may come before the connection: the first answer is what the user waits for
      { name: `sqlsh postgres prompt, first answer${where}`, run: () => timeToAnswer(process.execPath, ['bin/sqlsh.js', url(port)], /\/postgres> /, 'select 4242 as n;\r', /4242[\s\S]*\(1 row\)/, pgEnv) },
      { name: `psql prompt, first answer${where}`, run: () => timeToAnswer(psql, ['-X', url(port)], /postgres=# /, 'select 4242 as n;\r', /4242[\s\S]*\(1 row\)/, pgEnv) },
    );
  }
  const times = cases.map(() => [] as number[]);
  const failed = new Map<number, string>();
  try {
    // sqlsh's code cache for a PostgreSQL session, as after a user's first (see timeToText)
    await timeToText(process.execPath, ['bin/sqlsh.js', url(server.port)], /\/postgres> /, pgEnv, 2000).catch(() => undefined);
    await spawnTime(process.execPath, ['bin/sqlsh.js', url(server.port), '-c', 'select 1'], pgEnv).catch(() => undefined);
    for (let i = 0; i < RUNS; i++) {
      for (const [k, c] of cases.entries()) {
        if (failed.has(k)) continue;
        try {
          times[k]!.push(await c.run());
        } catch (e) {
          failed.set(k, (e as Error).message);
        }
      }
    }
  } finally {
    proxy.close();
    await server.stop();
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`\nPostgreSQL start-up, ${RUNS} interleaved runs each (target: the prompt within one round trip of SQLite's); load average ${load}`);
  for (const [k, c] of cases.entries()) {
    if (failed.has(k)) {
      console.log(`${c.name.padEnd(50)} failed: ${failed.get(k)}`);
      continue;
    }
    const s = stats(times[k]!);
    const peer = k % 2 === 0 && !failed.has(k + 1) ? ` ${(s.median / stats(times[k + 1]!).median).toFixed(2)}x psql` : '';
    console.log(`${c.name.padEnd(50)} median ${s.median.toFixed(1).padStart(6)} ms  min ${s.min.toFixed(1).padStart(6)} ms${peer}`);
  }
}

/** Wall time of one run; asynchronous, so the delaying proxy in this process goes on working. */
async function spawnTime(file: string, args: string[], env: Record<string, string>): Promise<number> {
  const { spawn } = await import('node:child_process');
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(file, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${file} ${args.join(' ')} failed: ${err}`))));
  });
}

await main();
