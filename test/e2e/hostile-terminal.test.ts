/**
 * No data breaks the terminal (issue 10, item 1). On each engine, a hostile database (names and
 * values holding ESC[2J, OSC 52, C1 CSI, BEL, U+202E, U+200B; see hostile-fixtures.ts) is run in
 * a real pty through every path that writes to the terminal: the banner and the prompt (its
 * database name is hostile), results in all 7 formats, the \d family (lists, titles and bodies),
 * the completion menu (names and details), errors quoting a hostile name, notices, help and
 * meta-command messages that echo pasted input, and \c with a hostile bad path. The check is on
 * the raw bytes the pty received, not the emulator's screen.
 *
 * One shell per engine with many probes; the four engines run at the same time (about a minute). A table of probes (path x engine, tried/failed) is
 * printed as a diagnostic. (The numbers before the fix were measured by running this file in a
 * checkout of the previous commit.)
 */
import { after, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { PtySession } from './pty-harness.js';
import { killAll, LONG, pause, shellHome, startShell, type ShellHome } from './shell-helpers.js';
import { hostileDuckdb, hostileMariadb, hostilePostgres, hostileSqlite, leakedKinds, leaks, PAYLOADS, PAYLOAD_LIST, type HostileDb } from './hostile-fixtures.js';
import { withServer } from '../harness/server-test.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { sharedMariadb } from '../harness/mariadb-server.js';

const homes: ShellHome[] = [];
after(async () => {
  await killAll();
  for (const h of homes) await h.cleanup();
});

interface Tally { tried: number; failed: number; first?: string }

/**
 * Wait until the output since `since` contains `until` (the next prompt: the editor turns
 * bracketed paste on each time it reads a line) and then has been quiet for `ms`.
 */
async function quiet(t: PtySession, since: number, ms = 200, until = ''): Promise<void> {
  const deadline = Date.now() + LONG;
  let len = t.output.length;
  let stableSince = Date.now();
  for (;;) {
    await pause(40);
    if (t.output.length !== len) {
      len = t.output.length;
      stableSince = Date.now();
    } else if (len > since && Date.now() - stableSince >= ms && t.output.slice(since).includes(until)) return;
    if (Date.now() > deadline) return;
  }
}

const NEXT_PROMPT = '\x1b[?2004h';

class Prober {
  readonly tallies = new Map<string, Tally>();
  /**
   * The prompt shows the hostile database name after every probe; it has probes of its own (at
   * start and at the end), so each other probe is judged without it (else every probe would fail
   * for the prompt alone before the fix, and the table would say nothing about the other paths).
   */
  constructor(
    private readonly t: PtySession,
    private readonly promptName: string,
  ) {}

  /**
   * One probe covers `kinds` payload kinds (tried); each kind seen raw counts as failed, and so does
   * any other leak (an OSC, a C1, a bidi control anywhere). A probe whose output does not show a
   * payload at all (escaped) fails too: then it tested nothing.
   */
  private record(path: string, whole: string, kinds: number, withPrompt = false): void {
    const raw = withPrompt ? whole : whole.split(this.promptName).join('');
    const tally = this.tallies.get(path) ?? { tried: 0, failed: 0 };
    tally.tried += kinds;
    const leaked = leakedKinds(raw);
    const found = leaks(raw);
    if (!raw.includes('PWN')) found.push(`the probe did not show any payload: ${JSON.stringify(raw.slice(-400))}`);
    if (process.env['HOSTILE_DEBUG']) console.error(path, found, JSON.stringify(raw.slice(-300)));
    if (found.length) {
      tally.failed += Math.max(1, Math.min(kinds, leaked.length));
      tally.first ??= found[0];
    }
    this.tallies.set(path, tally);
  }

  /** A setting change between probes: only waits for the prompt. */
  async setup(text: string): Promise<void> {
    const since = this.t.output.length;
    this.t.type(text);
    this.t.press('enter');
    await quiet(this.t, since, 200, NEXT_PROMPT);
  }

  /** Output written so far (the start-up: banner and prompt). */
  recordSoFar(path: string, kinds: number, since = 0): void {
    this.record(path, this.t.output.slice(since), kinds, true);
  }

  /** Paste a line (hostile bytes allowed, as pasted or read from a file would be) and run it. */
  async line(path: string, text: string, kinds = 1): Promise<void> {
    const since = this.t.output.length;
    this.t.paste(text);
    await quiet(this.t, since, 150);
    // What the editor drew for the pasted text is a path of its own (the buffer, its highlighting).
    const echoed = this.t.output.length;
    this.record('editor: the pasted line as drawn', this.t.output.slice(since, echoed), kinds);
    this.t.press('enter');
    await quiet(this.t, echoed, 200, NEXT_PROMPT);
    this.record(path, this.t.output.slice(echoed), kinds);
  }

  /** Type text (no Enter), press Tab to open the completion menu, check, then clear the line. */
  async menu(path: string, pasted: string, typed: string): Promise<void> {
    const since = this.t.output.length;
    if (pasted) this.t.paste(pasted);
    this.t.type(typed);
    await pause(150);
    this.t.press('tab');
    await quiet(this.t, since, 300, 'PWN');
    this.record(path, this.t.output.slice(since), PAYLOAD_LIST.length);
    this.t.press('escape');
    this.t.press('c-c');
    await quiet(this.t, this.t.output.length - 1, 300);
  }
}

async function probeEngine(db: HostileDb): Promise<Map<string, Tally>> {
  const home = shellHome(); // one per engine: the engines run at the same time
  homes.push(home);
  const t = await startShell(home, [db.target], { cols: 160, rows: 50 });
  const p = new Prober(t, db.promptName);
  await quiet(t, 0, 500, NEXT_PROMPT);
  p.recordSoFar('banner and prompt (hostile database name)', 2);
  // The catalog is read in the background: give the completion menu something to show.
  await pause(500);

  const everyTable = db.tables.map((table) => `select * from ${table};`).join(' ');
  for (const format of ['table', 'expanded', 'csv', 'tsv', 'json', 'jsonl', 'markdown']) {
    await p.setup(`\\pset format ${format}`);
    await p.line(`results: ${format}`, everyTable, PAYLOAD_LIST.length);
  }
  await p.setup('\\pset format table');

  for (const table of db.tables) await p.line('\\d NAME (title, body)', `\\d ${table}`);
  await p.line('\\d', '\\d', PAYLOAD_LIST.length);
  await p.line('\\dt', '\\dt', PAYLOAD_LIST.length);
  await p.line('\\dt PATTERN (echo)', `\\dt ${PAYLOADS['ESC[2J']}`);
  if (db.hasSchemas) await p.line('\\dn', '\\dn');
  if (db.engine === 'postgres' || db.engine === 'mysql') await p.line('\\l', '\\l');
  if (db.hasFunctions) await p.line('\\df', '\\df');
  for (const payload of PAYLOAD_LIST) await p.line('\\d NAME not found (echo)', `\\d ${db.quote('nosuch_' + payload)}`);

  await p.menu('completion menu: tables', '', 'select * from t');
  await p.menu('completion menu: columns', `select * from ${db.tables[0]} where `, 'c');
  await p.menu('completion menu: \\d argument', '', '\\d t');

  await p.line('error quoting a hostile name', PAYLOAD_LIST.map((x) => `select * from ${db.quote('nosuch_' + x)};`).join(' '), PAYLOAD_LIST.length);
  for (const payload of PAYLOAD_LIST) {
    await p.line('unknown backslash command (echo)', `\\${payload}`);
    await p.line('\\c with a hostile bad path', `\\c /nonexistent-dir/${payload}.db`);
    await p.line('\\? with hostile input (echo)', `\\? ${payload}`);
    await p.line('\\h with hostile input (echo)', `\\h ${payload}`);
    await p.line('\\pset with a hostile value (echo)', `\\pset format ${payload}`);
  }
  if (db.notice) await p.line('notice quoting a payload', db.notice);
  if (db.engine === 'sqlite') await p.line('results: invalid UTF-8 with ESC', `select * from ${db.quote('bytes_' + PAYLOADS.BEL)};`);
  const since = t.output.length;
  await p.setup('select 1;');
  p.recordSoFar('prompt after a statement (hostile database name)', 2, since);
  t.press('c-d');
  await t.waitForExit(LONG).catch(() => t.kill());
  return p.tallies;
}

const all = new Map<string, Map<string, Tally>>();

function report(t: TestContext, engine: string, tallies: Map<string, Tally>): void {
  all.set(engine, tallies);
  const lines = [...tallies].map(([path, x]) => `${engine.padEnd(9)} ${path.padEnd(44)} tried ${String(x.tried).padStart(3)}  failed ${String(x.failed).padStart(3)}${x.first ? `  e.g. ${x.first}` : ''}`);
  for (const line of lines) t.diagnostic(line);
  const failed = [...tallies].filter(([, x]) => x.failed > 0);
  assert.deepEqual(failed.map(([path, x]) => `${path}: ${x.first}`), [], `raw controls from data reached the pty on ${engine}`);
}

const only = process.env['HOSTILE_ENGINE'];
const engineTest = (name: string, fn: (t: TestContext) => Promise<void>): void => {
  test(name, { skip: only !== undefined && only !== name }, fn);
};

describe('hostile names and values never reach the terminal raw', { timeout: 600_000, concurrency: true }, () => {
  engineTest('SQLite', async (t) => report(t, 'sqlite', await probeEngine(await hostileSqlite())));
  engineTest('DuckDB', async (t) => report(t, 'duckdb', await probeEngine(await hostileDuckdb())));
  engineTest('PostgreSQL', async (t) => {
    const server = await withServer(t, sharedPostgres);
    if (!server) return;
    report(t, 'postgres', await probeEngine(await hostilePostgres(server.url)));
  });
  engineTest('MariaDB', async (t) => {
    const server = await withServer(t, sharedMariadb);
    if (!server) return;
    report(t, 'mariadb', await probeEngine(await hostileMariadb(server.url)));
  });
});
