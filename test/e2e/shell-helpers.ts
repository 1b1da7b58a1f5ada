/**
 * Start the real sqlsh binary (bin/sqlsh.js) in a pseudo-terminal with its own temporary HOME and
 * XDG directories, so tests never read or write the user's config, history or demo database.
 *
 *   const h = shellHome(); after(() => h.cleanup());   // cleanup() ends the home's shells first
 *   const t = await startShell(h, ['--demo']);
 *   await t.waitForText(/sqlite demo\.db> $/m);
 */
import { after } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eastAsianWidth } from 'get-east-asian-width';
import { PtySession, type SpawnOptions } from './pty-harness.js';

/** The repository root (dist/test/e2e/ → ../../..). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const binary = join(repoRoot, 'bin', 'sqlsh.js');

/** Generous: the machine has 2 cores and runs other test files at the same time. */
export const LONG = 20_000;

export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface ShellHome {
  readonly dir: string;
  readonly env: Readonly<Record<string, string>>;
  readonly configDir: string;
  writeConfig(toml: string): string;
  /**
   * Hang up every shell started in this home, wait until each has exited, then remove the home. A
   * shell saves its history and code cache into its home on the way out, so removing the home
   * before the shell is gone races those writes (ENOTEMPTY).
   */
  cleanup(): Promise<void>;
}

/** The shells started in each home, so that its cleanup() can end them first. */
const shellsOf = new WeakMap<ShellHome, PtySession[]>();

/** A fresh HOME with XDG_CONFIG_HOME / XDG_DATA_HOME / XDG_STATE_HOME inside it. */
export function shellHome(): ShellHome {
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-e2e-'));
  const env = {
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_STATE_HOME: join(dir, 'state'),
  };
  const configDir = join(env.XDG_CONFIG_HOME, 'sqlsh');
  const home: ShellHome = {
    dir,
    env,
    configDir,
    writeConfig(toml: string): string {
      mkdirSync(configDir, { recursive: true });
      const file = join(configDir, 'config.toml');
      writeFileSync(file, toml);
      return file;
    },
    async cleanup(): Promise<void> {
      await Promise.all((shellsOf.get(home) ?? []).map((t) => t.killAndWait()));
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  };
  shellsOf.set(home, []);
  return home;
}

/**
 * A maker of fresh homes for one test file: after the file's tests, every shell still running is
 * killed and every home it made is removed. Call once at the top level of a test file.
 */
export function homesForFile(): () => ShellHome {
  const homes: ShellHome[] = [];
  after(async () => {
    await killAll();
    for (const h of homes) await h.cleanup();
  });
  return () => {
    const h = shellHome();
    homes.push(h);
    return h;
  };
}

const live: PtySession[] = [];

/**
 * Kill every session still running and wait until each has exited (call from after(), before the
 * homes are removed). A shell that gets SIGHUP saves its history and code cache on the way out, in
 * its home: removing the home before it has gone races those writes (ENOTEMPTY).
 */
export async function killAll(): Promise<void> {
  await Promise.all(live.splice(0).map((s) => s.killAndWait()));
}

export interface ShellOptions extends SpawnOptions {
  /** Text to wait for before returning (default: a prompt ending in '> ' on some line). */
  readonly ready?: RegExp;
}

/**
 * Spawn `node bin/sqlsh.js ARGS` in a 100x30 pty. PAGER defaults to cat so results never stop in a
 * pager unless a test asks for one; VISUAL/EDITOR are cleared unless given.
 */
export async function startShell(home: ShellHome, args: readonly string[], opts: ShellOptions = {}): Promise<PtySession> {
  const t = PtySession.spawn(process.execPath, [binary, ...args], {
    cols: opts.cols ?? 100,
    rows: opts.rows ?? 30,
    cwd: opts.cwd ?? home.dir,
    env: { PAGER: 'cat', VISUAL: '', EDITOR: '', LESS: '', PGPASSWORD: undefined, ...home.env, TERM: 'xterm-256color', ...opts.env },
  });
  live.push(t);
  shellsOf.get(home)?.push(t);
  useModernWidths(t);
  const ready = opts.ready ?? /> $/m;
  const exited = t.waitForExit(LONG * 10).then(
    async (code) => {
      await t.settle();
      // a shell that showed what was awaited and then quit at once (a failed connection) is not an error here
      if (ready.test(t.screenText())) return;
      throw new Error(`sqlsh exited with code ${code} before its prompt appeared; screen:\n${t.screenText()}`);
    },
    () => undefined,
  );
  await Promise.race([t.waitForText(ready, LONG * 2), exited]);
  return t;
}

/**
 * xterm.js measures characters with Unicode 6 tables by default, where most emoji are one cell
 * wide; terminals people use today (VTE, kitty, iTerm2, Windows Terminal) draw them two cells
 * wide. Teach the headless terminal the modern widths (East Asian Width, as get-east-asian-width
 * reports it; combining marks and variation selectors take no cell) before any output arrives.
 */
function useModernWidths(t: PtySession): void {
  const zero = (cp: number): boolean =>
    (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x20e3;
  const wcwidth = (cp: number): 0 | 1 | 2 => (cp < 0x20 ? 0 : zero(cp) ? 0 : eastAsianWidth(cp) === 2 ? 2 : 1);
  t.term.unicode.register({ version: 'modern-test', wcwidth, charProperties: (cp: number) => wcwidth(cp) << 1 });
  t.term.unicode.activeVersion = 'modern-test';
}

/** The demo database's prompt, at the start of a line. */
export const DEMO_PROMPT = /^sqlite demo\.db> /m;

/** Wait until the last non-empty line of the screen is exactly the given prompt (an empty buffer). */
export async function waitForIdlePrompt(t: PtySession, prompt = 'sqlite demo.db> ', timeoutMs = LONG): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await t.settle();
    const lines = t.screenText().split('\n');
    const cur = t.line(t.cursor().row);
    if (cur.trimEnd() === prompt.trimEnd() && t.cursor().col === prompt.length) return;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for an empty prompt '${prompt}' at the cursor; screen:\n${lines.join('\n')}`);
    }
    await pause(30);
  }
}

/** Type a statement, press Enter, and wait for the next empty prompt. */
export async function run(t: PtySession, sql: string, prompt = 'sqlite demo.db> '): Promise<void> {
  t.type(sql);
  await t.waitForText(new RegExp(escapeRe(sql.split('\n').at(-1)!.slice(-20)) + '$', 'm'), LONG);
  t.press('enter');
  await pause(50);
  await waitForIdlePrompt(t, prompt);
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where the prompt row is, counting the last occurrence (latest prompt) on screen. */
export async function lastRowOf(t: PtySession, re: RegExp): Promise<number> {
  await t.settle();
  const rows = t.screenText().split('\n');
  for (let i = rows.length - 1; i >= 0; i--) if (re.test(rows[i]!)) return i;
  throw new Error(`no row matches ${re}; screen:\n${rows.join('\n')}`);
}

/** Every line the terminal holds, scrollback included (for output taller than the screen). */
export function allText(t: PtySession): string {
  const b = t.term.buffer.active;
  const lines: string[] = [];
  for (let r = 0; r < b.length; r++) lines.push(b.getLine(r)?.translateToString(true) ?? '');
  return lines.join('\n');
}

/** Poll the whole buffer (scrollback included) until it matches. */
export async function waitForAllText(t: PtySession, re: RegExp, timeoutMs = LONG): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await t.settle();
    const m = allText(t).match(re);
    if (m) return m;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${re}; screen:\n${t.screenText()}`);
    await pause(30);
  }
}

/** Screen columns (cells, so a wide character counts 2) where `ch` appears on a row. */
export function cellColumns(t: PtySession, row: number, ch: string): number[] {
  const out: number[] = [];
  for (let col = 0; col < t.term.cols; col++) if (t.cellAttributes(row, col).char === ch) out.push(col);
  return out;
}

/** Poll the screen until it no longer matches (a menu closed, a pager quit). */
export async function waitForNoText(t: PtySession, re: RegExp, timeoutMs = LONG): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await t.settle();
    if (!re.test(t.screenText())) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${re} to go away; screen:\n${t.screenText()}`);
    await pause(30);
  }
}
