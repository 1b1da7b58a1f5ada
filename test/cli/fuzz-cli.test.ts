/**
 * Fuzzing the command line, the environment and stdin (issue 10): whatever the input, sqlsh ends
 * in time (no hang), prints no stack trace and no "internal error", and exits with a documented
 * code (0 success, 1 a statement failed, 2 usage / environment / connection). The cases are drawn
 * by fast-check from a fixed seed (SQLSH_FUZZ_SEED to change it, SQLSH_FUZZ_RUNS to scale them).
 *
 * Targets are kept local (files, :memory:, closed loopback ports): a fuzzer that resolves host
 * names would test the network, not sqlsh.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { BIN, ROOT, letNobodyReachCheckout, runCli, sandboxEnv } from '../helpers/run-cli.js';

const SEED = Number(process.env['SQLSH_FUZZ_SEED'] ?? 20261204);
const SCALE = Number(process.env['SQLSH_FUZZ_RUNS'] ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'sqlsh-fuzz-'));
chmodSync(dir, 0o755);
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'fuzz.db');
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
const EXIT_CODES = new Set([0, 1, 2]);
const TIMEOUT_MS = 45_000;

const probes = new Map<string, { tried: number; failed: number }>();
after(() => {
  const rows = [...probes].map(([k, v]) => `# ${k.padEnd(28)} tried ${String(v.tried).padStart(4)}  failed ${v.failed}`);
  process.stdout.write(`# fuzz probes (seed ${SEED})\n${rows.join('\n')}\n`);
});

interface Outcome {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function runOnce(args: readonly string[], env: Record<string, string>, input: Buffer | string, asUser?: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'], ...(asUser !== undefined ? { uid: asUser, gid: asUser } : {}),
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      p.kill('SIGKILL');
    }, TIMEOUT_MS);
    p.stdout.on('data', (d) => (stdout.length < 1 << 20 ? (stdout += d) : undefined));
    p.stderr.on('data', (d) => (stderr.length < 1 << 20 ? (stderr += d) : undefined));
    p.stdin.on('error', () => undefined); // sqlsh may exit before reading it all
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
    p.stdin.end(input);
  });
}

/** Runs the cases two at a time (the machine has 2 cores) and checks each outcome. */
async function probeAll(kind: string, cases: ReadonlyArray<{ args: readonly string[]; env?: Record<string, string>; input?: Buffer; asUser?: number }>): Promise<void> {
  const failures: string[] = [];
  const stat = probes.get(kind) ?? { tried: 0, failed: 0 };
  probes.set(kind, stat);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      const r = await runOnce(c.args, c.env ?? sandboxEnv(), c.input ?? Buffer.alloc(0), c.asUser);
      const problems: string[] = [];
      if (r.timedOut) problems.push(`no exit within ${TIMEOUT_MS} ms`);
      else if (r.code === null || !EXIT_CODES.has(r.code)) problems.push(`exit code ${r.code} (signal ${r.signal})`);
      if (STACK.test(r.stderr) || STACK.test(r.stdout)) problems.push('a stack trace');
      if (/internal error/i.test(r.stderr)) problems.push('an internal error');
      stat.tried++;
      if (problems.length > 0) {
        stat.failed++;
        const shownArgs = JSON.stringify(c.args.map((a) => (a.length > 80 ? `${a.slice(0, 80)}...(${a.length})` : a)));
        const envShown = c.env ? ` env ${JSON.stringify(Object.fromEntries(['HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME'].map((k) => [k, c.env![k] ?? null])))}` : '';
        const inputShown = c.input && c.input.length > 0 ? ` stdin ${c.input.length} bytes starting ${JSON.stringify(c.input.subarray(0, 40).toString('latin1'))}` : '';
        failures.push(`${problems.join(', ')} for args ${shownArgs}${envShown}${inputShown}${c.asUser !== undefined ? ` as uid ${c.asUser}` : ''}\nstderr: ${r.stderr.slice(0, 600)}`);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  assert.deepEqual(failures, [], failures.join('\n\n'));
}

const sample = <T>(arb: fc.Arbitrary<T>, n: number, salt: number): T[] => fc.sample(arb, { numRuns: Math.max(1, Math.round(n * SCALE)), seed: SEED + salt });

/** Text without NUL (argv and environment strings cannot hold one). */
const garbage = fc.string({ unit: fc.oneof(fc.constantFrom('-', '=', ':', '/', '\\', '"', "'", ';', ' ', '\t', '\n', '\u001b', '\u202e', '\u200b', 'é', '日', '😀'), fc.integer({ min: 1, max: 0xd7ff }).map((c) => String.fromCharCode(c))), maxLength: 40 });

describe('fuzz: the command line', () => {
  test('random flags, values, unknown options, huge and odd arguments', { timeout: 900_000 }, async () => {
    assert.equal(runCli([db, '-c', 'create table if not exists t (x); insert into t values (1)']).code, 0);
    const target = fc.constantFrom(db, ':memory:', join(dir, 'missing', 'x.db'), join(dir, 'not-a-db.txt'), 'duckdb::memory:', 'sqlite:' + db,
      'postgres://u:pw@127.0.0.1:1/db?connect_timeout=2', 'mysql://u@127.0.0.1:1/db', 'unknown-scheme://x', dir, 'no-such-saved-connection');
    writeFileSync(join(dir, 'not-a-db.txt'), 'plain text, not a database\n');
    const flag = fc.oneof(
      fc.constantFrom('-c', '--command', '-f', '--file', '--format', '-o', '--output', '--no-header', '--null', '--continue-on-error',
        '--confirm-destructive', '--demo', '--help', '-?', '-V', '--version', '--read-only', '-h', '--host', '-p', '-P', '--port', '-U', '-u',
        '--user', '-d', '-D', '--dbname', '--', '-', '-x', '--nope', '--format=', '--format=json', '--null=', '-cselect 1', '-p99999', '--port=0'),
      garbage.map((g) => `-${g}`),
      garbage.map((g) => `--${g}`),
    );
    const value = fc.oneof(
      fc.constantFrom('select 1', 'select * from t', 'select 1/0', "select 'x", 'select /* x', 'csv', 'json', 'table', 'nope', '5432', '-1', '', '-', join(dir, 'out.txt'), dir, '/dev/null'),
      garbage,
      fc.integer({ min: 1000, max: 120_000 }).map((n) => 'x'.repeat(n)), // Linux takes at most 128 KiB per argument
    );
    const argv = fc.array(fc.oneof({ weight: 3, arbitrary: flag }, { weight: 3, arbitrary: value }, { weight: 1, arbitrary: target }), { maxLength: 7 });
    // Scripts read stdin when no -c/-f is given: give them something finite.
    const cases = sample(argv, 36, 1).map((args) => ({ args: args.some((a) => a.startsWith('-')) ? args : [db, ...args], input: Buffer.from('select 1;\n') }));
    await probeAll('command line', cases);
  });
});

describe('fuzz: the environment', () => {
  test('HOME and XDG directories missing, files, unreadable, relative', { timeout: 900_000 }, async () => {
    // Some cases run as nobody (root reads every directory, so "unreadable" means nothing to root).
    const asRoot = process.getuid?.() === 0;
    const restore = asRoot ? letNobodyReachCheckout() : () => {};
    after(restore);
    const homeFile = join(dir, 'home-file');
    writeFileSync(homeFile, 'x');
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o000);
    const readOnly = join(dir, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    if (asRoot) chownSync(readOnly, 65534, 65534);
    const place = fc.constantFrom<string | undefined>(undefined, '', 'relative/dir', homeFile, locked, readOnly, join(dir, 'does', 'not', 'exist'), '/proc/self', '/dev/null');
    const env = fc.record({ HOME: place, XDG_CONFIG_HOME: place, XDG_DATA_HOME: place, XDG_STATE_HOME: place, demo: fc.boolean(), asUser: fc.boolean() });
    const cases = sample(env, 16, 2).map((e) => {
      const base = sandboxEnv();
      for (const k of ['HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME'] as const) {
        if (e[k] === undefined) delete base[k];
        else base[k] = e[k]!;
      }
      // The demo is built where XDG_DATA_HOME or HOME points: never in the real home of the user
      // running the tests (HOME unset means the passwd entry's; nobody's is /nonexistent).
      const asNobody = asRoot && e.asUser;
      const demo = e.demo && (e.HOME !== undefined || asNobody);
      const args = demo ? ['--demo', '-c', 'select count(*) from genres'] : [':memory:', '-c', 'select 1'];
      return { args, env: base, ...(asNobody ? { asUser: 65534 } : {}) };
    });
    await probeAll('environment', cases);
  });
});

describe('fuzz: stdin', () => {
  test('binary garbage, NUL bytes, invalid UTF-8, huge lines, as a piped script and as -f -', { timeout: 900_000 }, async () => {
    assert.equal(runCli([db, '-c', 'create table if not exists t (x)']).code, 0);
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 4000 }).map((b) => Buffer.from(b)),
      fc.array(fc.constantFrom('select 1;', '\0', '\xff', "'", '"', '/*', '*/', '--', ';', '\n', '\\', '\\q', '\\d', 'insert into t values (1);', '$$', 'begin;', '\u202e'), { maxLength: 60 }).map((a) => Buffer.from(a.join(''), 'latin1')),
      fc.constantFrom(
        Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0x3b, 0x0a]),
        Buffer.concat([Buffer.from("select '"), Buffer.from([0xff, 0xfe, 0x00, 0x01]), Buffer.from("';\n")]),
      ),
      fc.integer({ min: 100_000, max: 2_000_000 }).map((n) => Buffer.from(`select '${'y'.repeat(n)}' as long_value;\n`)),
      // Many statements on one line (each is run: 20,000 take seconds on a loaded machine, not a hang).
      fc.integer({ min: 2_000, max: 20_000 }).map((n) => Buffer.from(`${'select 1;'.repeat(n)}\n`)),
      fc.integer({ min: 50_000, max: 500_000 }).map((n) => Buffer.alloc(n, 0)),
    );
    const mode = fc.constantFrom<readonly string[]>([db], [db, '-f', '-'], [db, '--format', 'json'], [db, '--continue-on-error'], [':memory:', '--format', 'csv', '-f', '-']);
    const cases = sample(fc.tuple(mode, bytes), 24, 3).map(([args, input]) => ({ args, input }));
    await probeAll('stdin', cases);
  });
});
