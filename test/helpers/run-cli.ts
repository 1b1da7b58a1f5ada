/** Runs the built sqlsh binary the way a user's script would, in a private HOME/XDG sandbox. */
import { spawnSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'sqlsh.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The sandbox HOMEs made by this test process, removed when it exits. */
const homes: string[] = [];
let homesHooked = false;

/** A fresh HOME with XDG directories under it, so tests never touch the user's files. */
export function sandboxEnv(extra: Record<string, string> = {}): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'sqlsh-home-'));
  homes.push(home);
  if (!homesHooked) {
    homesHooked = true;
    process.once('exit', () => {
      for (const h of homes) rmSync(h, { recursive: true, force: true });
    });
  }
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('PG') && !k.startsWith('XDG_')) env[k] = v;
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    // V8's code cache of the bundle (src/cli/code-cache.ts): one for all tests, as a user has one, not 350 KB per run
    XDG_CACHE_HOME: join(tmpdir(), 'sqlsh-test-cache'),
    NO_COLOR: '1',
    ...extra,
  };
}

export function runCli(args: readonly string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input ?? '',
    env: opts.env ?? sandboxEnv(),
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Async variant for tests that run several CLIs at once or must not block the event loop. */
export function runCliAsync(args: readonly string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: opts.env ?? sandboxEnv(), cwd: opts.cwd ?? ROOT });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
    p.stdin.end(opts.input ?? '');
  });
}

/**
 * Lets uid 65534 reach this checkout (for tests that run sqlsh as an unprivileged user when root, since
 * root reads and writes every directory): directories above ROOT that others cannot enter (a clone in a
 * `mktemp -d` directory is root's alone) get o+x until the returned function puts them back.
 */
export function letNobodyReachCheckout(): () => void {
  const changed: { path: string; mode: number }[] = [];
  for (let d = ROOT.replace(/\/$/, ''); d !== dirname(d); d = dirname(d)) {
    const mode = statSync(d).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      chmodSync(d, mode | 0o001);
      changed.push({ path: d, mode });
    }
  }
  return () => {
    for (const c of changed.reverse()) chmodSync(c.path, c.mode);
  };
}

/**
 * Runs sqlsh with its stdout a socket (as child_process gives it) and goes away as `| head` does:
 * reads the first bytes, stops reading while sqlsh fills the socket and blocks in write(), then
 * closes its end with bytes unread (the writer then gets ECONNRESET, not EPIPE). The exit code
 * (null: killed after 10 s) and what sqlsh said.
 */
export async function readThenGoAway(args: readonly string[], env: Record<string, string> = sandboxEnv()): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.pause();
  await new Promise((r) => setTimeout(r, 300));
  child.stdout.destroy();
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const code = await exited;
  clearTimeout(timer);
  return { code, stderr };
}
