/**
 * Secret tests (issue 10), against the harness's real PostgreSQL and MariaDB servers: a marker
 * password given in each way (URI argument, PGPASSWORD / MYSQL_PWD, ~/.pgpass / ~/.my.cnf, the
 * password prompt, \c anywhere in a line, ALTER USER ... PASSWORD / IDENTIFIED BY) never appears in
 * the process arguments (/proc/PID/cmdline, sampled while sqlsh runs), the history (in memory:
 * Up; and the file), stdout/stderr (results, errors, messages) or any file sqlsh writes under its
 * temporary HOME and XDG directories.
 *
 * A URI password is in the arguments from exec until sqlsh replaces its title, the first thing
 * bin/sqlsh.js does (so the window is Node's own start-up: 40 ms on an idle machine, measured
 * 300-1000 ms on this loaded 2-core one): the samples from the one where the title reads
 * 'sqlsh ...' must not hold it, and the title must be set while the statement runs.
 */
import { after, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, sandboxEnv } from '../helpers/run-cli.js';
import { withServer } from '../harness/server-test.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { sharedMariadb } from '../harness/mariadb-server.js';
import { LONG, allText, killAll, pause, startShell, type ShellHome } from './shell-helpers.js';
import type { PtySession } from './pty-harness.js';

const homes: string[] = [];
after(async () => {
  await killAll();
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

/** Probes tried and failed, printed at the end (the issue asks for the table). */
const probes = new Map<string, { tried: number; failed: number }>();
function probe(kind: string, ok: boolean): boolean {
  const p = probes.get(kind) ?? { tried: 0, failed: 0 };
  p.tried++;
  if (!ok) p.failed++;
  probes.set(kind, p);
  return ok;
}
after(() => {
  const rows = [...probes].map(([k, v]) => `  ${k.padEnd(44)} tried ${String(v.tried).padStart(3)}  failed ${v.failed}`);
  if (rows.length) process.stdout.write(`# secret probes\n${rows.map((r) => `# ${r}`).join('\n')}\n`);
});

function tempHome(): ShellHome {
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-secret-'));
  homes.push(dir);
  const env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), XDG_STATE_HOME: join(dir, 'state') };
  return { dir, env, configDir: join(env.XDG_CONFIG_HOME, 'sqlsh'), writeConfig: () => '', cleanup: async () => undefined };
}

/** Files under dir (recursively) whose bytes hold the marker, except the ones we wrote as input. */
function filesHolding(dir: string, marker: string, inputs: readonly string[] = []): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (!inputs.includes(p) && readFileSync(p).includes(marker)) found.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

interface Watched {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** /proc/PID/cmdline samples from the one where sqlsh set its title (all of them if it did not). */
  readonly args: readonly string[];
  /** Every sample, from the first. */
  readonly allArgs: readonly string[];
}

/** Runs the CLI and samples its visible arguments every 20 ms while it runs. */
function runWatched(args: readonly string[], env: Record<string, string>): Promise<Watched> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    const samples: string[] = [];
    let titled = -1;
    const timer = setInterval(() => {
      try {
        const s = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8');
        samples.push(s);
        if (titled < 0 && s.startsWith('sqlsh ')) titled = samples.length - 1;
      } catch {
        // exited
      }
    }, 20);
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => {
      clearInterval(timer);
      // Never titled: nothing was hidden, so every sample counts.
      resolve({ code, stdout, stderr, args: titled < 0 ? samples : samples.slice(titled), allArgs: samples });
    });
    p.stdin.end();
  });
}

interface Engine {
  readonly name: 'postgres' | 'mariadb';
  readonly host: string;
  readonly port: number;
  readonly database: string;
  /** Runs admin SQL as the harness superuser. */
  admin(sql: string): Promise<void>;
  readonly sleep: string;
  readonly createUser: (user: string, pw: string) => string[];
  readonly alterPassword: (user: string, pw: string) => string;
  readonly passwordEnv: string;
  /** The client file that may hold a password, and its content. */
  passwordFile(home: string, user: string, pw: string): string;
  readonly scheme: string;
  readonly promptRe: RegExp;
}

async function adminRun(url: string, sql: string): Promise<void> {
  const r = await runWatched([url, '-c', sql], sandboxEnv());
  assert.equal(r.code, 0, `admin SQL failed: ${sql}\n${r.stderr}`);
}

async function postgres(t: TestContext): Promise<Engine | undefined> {
  const s = await withServer(t, sharedPostgres);
  if (!s) return undefined;
  return {
    name: 'postgres', host: s.host, port: s.port, database: 'postgres', scheme: 'postgres',
    admin: (sql) => adminRun(s.url, sql),
    sleep: 'select pg_sleep(0.8)',
    createUser: (u, pw) => [`drop role if exists ${u}`, `create role ${u} login password '${pw}'`],
    alterPassword: (u, pw) => `alter user ${u} password '${pw}';`,
    passwordEnv: 'PGPASSWORD',
    passwordFile: (home, u, pw) => {
      const f = join(home, '.pgpass');
      writeFileSync(f, `${s.host}:${s.port}:*:${u}:${pw}\n`, { mode: 0o600 });
      return f;
    },
    promptRe: /Password for user [^\n]*: ?$/m,
  };
}

async function mariadb(t: TestContext): Promise<Engine | undefined> {
  const s = await withServer(t, sharedMariadb);
  if (!s) return undefined;
  return {
    name: 'mariadb', host: s.host, port: s.port, database: s.database, scheme: 'mysql',
    admin: (sql) => adminRun(s.url, sql),
    sleep: 'select sleep(0.8)',
    createUser: (u, pw) => [`drop user if exists '${u}'@'%'`, `create user '${u}'@'%' identified by '${pw}'`, `grant all on ${s.database}.* to '${u}'@'%'`],
    // A user may change its own password with SET PASSWORD (ALTER USER needs CREATE USER).
    alterPassword: (_u, pw) => `set password = password('${pw}');`,
    passwordEnv: 'MYSQL_PWD',
    passwordFile: (home, u, pw) => {
      const f = join(home, '.my.cnf');
      writeFileSync(f, `[client]\nuser=${u}\npassword=${pw}\n`, { mode: 0o600 });
      return f;
    },
    promptRe: /Password for [^\n]*: ?$/m,
  };
}

for (const make of [postgres, mariadb]) {
  describe(`secrets on ${make.name}`, () => {
    test('a marker password given in each way never shows in arguments, output, errors, history or files', { timeout: 240_000 }, async (t) => {
      const e = await make(t);
      if (!e) return;
      const user = `h4_secret_${e.name}_${process.pid}`;
      const marker = `Mk${process.pid}x${Date.now().toString(36)}Pw`;
      const marker2 = `${marker}Two`;
      for (const sql of e.createUser(user, marker)) await e.admin(sql);
      const base = `${e.scheme}://${user}@${e.host}:${e.port}`;
      const uriWith = (pw: string, db = e.database) => `${e.scheme}://${user}:${encodeURIComponent(pw)}@${e.host}:${e.port}/${db}`;

      const check = (kind: string, r: Watched, home: string, inputs: readonly string[] = []) => {
        const leakedArgs = r.args.filter((a) => a.includes(marker));
        assert.ok(probe(`${e.name}: process arguments (${kind})`, leakedArgs.length === 0), `${kind}: the password is in /proc/PID/cmdline: ${leakedArgs[0]}`);
        assert.ok(probe(`${e.name}: stdout/stderr (${kind})`, !r.stdout.includes(marker) && !r.stderr.includes(marker)), `${kind}: output holds the password:\n${r.stdout}\n${r.stderr}`);
        const files = filesHolding(home, marker, inputs);
        assert.ok(probe(`${e.name}: files written (${kind})`, files.length === 0), `${kind}: files hold the password: ${files.join(', ')}`);
      };

      // 1. A URI argument: a working statement, a failing one, and a failing connection.
      {
        const h = tempHome();
        const env = { ...sandboxEnv(), ...h.env };
        const ok = await runWatched([uriWith(marker), '-c', e.sleep], env);
        assert.equal(ok.code, 0, ok.stderr);
        assert.ok(ok.args.some((a) => a.startsWith(`sqlsh ${e.scheme}://${user}:***@`)), `the title is useful: ${ok.args[0]}`);
        check('URI', ok, h.dir);
        const failing = await runWatched([uriWith(marker), '-c', 'select * from no_such_table_h4'], env);
        assert.equal(failing.code, 1);
        check('URI, failing statement', failing, h.dir);
        const noDb = await runWatched([uriWith(marker, 'no_such_db_h4'), '-c', 'select 1'], env);
        assert.equal(noDb.code, 2);
        check('URI, failing connection', noDb, h.dir);
        const wrong = await runWatched([uriWith(`${marker}Wrong`), '-c', 'select 1'], env);
        assert.equal(wrong.code, 2);
        check('URI, wrong password', wrong, h.dir);
      }

      // 2. The environment variable.
      {
        const h = tempHome();
        const env = { ...sandboxEnv(), ...h.env, [e.passwordEnv]: marker };
        const r = await runWatched([`${base}/${e.database}`, '-c', e.sleep], env);
        assert.equal(r.code, 0, r.stderr);
        check(e.passwordEnv, r, h.dir);
        const failing = await runWatched([`${base}/no_such_db_h4`, '-c', 'select 1'], env);
        assert.equal(failing.code, 2);
        check(`${e.passwordEnv}, failing connection`, failing, h.dir);
      }

      // 3. The client's password file.
      {
        const h = tempHome();
        const file = e.passwordFile(h.dir, user, marker);
        const env = { ...sandboxEnv(), ...h.env };
        const r = await runWatched([`${base}/${e.database}`, '-c', e.sleep], env);
        assert.equal(r.code, 0, r.stderr);
        check('password file', r, h.dir, [file]);
      }

      // 4-6. Interactive: the prompt, \c after SQL on one line, ALTER USER ... PASSWORD.
      {
        const h = tempHome();
        const sh = await startShell(h, [`${base}/${e.database}`], { cols: 220, ready: e.promptRe, env: { [e.passwordEnv]: undefined as unknown as string } });
        sh.type(`${marker}\r`);
        await sh.waitForText(/> $/m, LONG);
        await runLine(sh, 'select 42 as answer;', /\(1 row\)/);
        // psql's \c; on MySQL the client reads `\c` after SQL as "clear", so \connect there.
        await runLine(sh, `select 1 as one ${e.name === 'postgres' ? '\\c' : '\\connect'} ${uriWith(marker)}`, /You are now connected/, false);
        sh.press('c-a', 'c-k'); // the unfinished `select 1 as one` stays in the buffer, as in psql
        await runLine(sh, '\\conninfo', /URL: /);
        await runLine(sh, e.alterPassword(user, marker2), /ALTER|SET/, false);
        await sh.until(() => /(set password|alter user)[^\n]*\n(ALTER ROLE|SET)\n/i.test(allText(sh)), 'the status line of the password change', LONG);
        // On PostgreSQL the catalog is re-read after ALTER, with the old password: its failure is
        // printed (one line) while the editor waits. Let it arrive before reading the screen.
        await pause(1500);
        // In memory: Up brings back the statement before the ALTER, never the ALTER.
        sh.press('up');
        // (On PostgreSQL the catalog reader, reconnecting with the old password after the ALTER, may
        // print its failure on the same row: look for the recalled entry, not for the row's end.)
        const lastPrompt = () => sh.screenText().split('\n').filter((l) => /^(pg|mysql) \S+> /.test(l)).at(-1) ?? '';
        await sh.until(() => /> (\\conninfo|set password|alter user)/i.test(lastPrompt()), 'a recalled entry', LONG);
        await pause(200);
        await sh.settle();
        const recalled = lastPrompt();
        assert.ok(probe(`${e.name}: history in memory (ALTER USER)`, !recalled.includes(marker2) && /\\conninfo/.test(recalled)), `${recalled}\n${sh.screenText()}`);
        sh.press('c-a', 'c-k');
        sh.press('c-d');
        await sh.waitForExit(LONG);
        const history = readFileSync(join(h.env.XDG_STATE_HOME, 'sqlsh', 'history'), 'utf8');
        assert.ok(probe(`${e.name}: history file (prompt, \\c in a line)`, !history.includes(marker)), history);
        assert.ok(probe(`${e.name}: history file (ALTER USER)`, !history.includes(marker2)), history);
        assert.match(history, /select 1 as one \\\\c(onnect)? [a-z]+:\/\/[^:]+:\*\*\*@/, 'the \\c is kept, masked');
        assert.doesNotMatch(history, /alter user|set password/i, 'the statement that set the password is not kept');
        // On the screen the password shows only where the user typed it (the \c and ALTER lines):
        // not at the hidden prompt, not in results, messages or \conninfo.
        const shown = allText(sh).split('\n').filter((l) => l.includes(marker) && !/> (select 1 as one \\c|alter user|set password)/i.test(l));
        assert.ok(probe(`${e.name}: terminal output (prompt, messages, \\conninfo)`, shown.length === 0), shown.join('\n'));
        const files = filesHolding(h.dir, marker).concat(filesHolding(h.dir, marker2));
        assert.ok(probe(`${e.name}: files written (interactive)`, files.length === 0), files.join(', '));
        // The ALTER did run: the new password works, the old one does not.
        const env = { ...sandboxEnv(), ...tempHome().env };
        assert.equal((await runWatched([uriWith(marker2), '-c', 'select 1'], env)).code, 0);
        assert.equal((await runWatched([uriWith(marker), '-c', 'select 1'], env)).code, 2);
      }
    });
  });
}

for (const make of [postgres, mariadb]) {
  test(`\\password on ${make.name}: asked twice without echo, kept from the history and the screen; a mismatch changes nothing`, { timeout: 120_000 }, async (t) => {
    const e = await make(t);
    if (!e) return;
    const user = `h4_pw_${e.name}_${process.pid}`;
    const old = `Old${process.pid}Pw`;
    const marker = `New${process.pid}x${Date.now().toString(36)}Pw`;
    for (const sql of e.createUser(user, old)) await e.admin(sql);
    const uriWith = (pw: string) => `${e.scheme}://${user}:${encodeURIComponent(pw)}@${e.host}:${e.port}/${e.database}`;
    const h = tempHome();
    const sh = await startShell(h, [uriWith(old)], { cols: 160, ready: /> $/m });
    await runLine(sh, '\\password', /Enter new password for user "[^"]+": $/, false);
    sh.type(`${marker}\r`);
    await sh.waitForText(/Enter it again: $/m, LONG);
    sh.type(`${marker}Other\r`);
    await sh.waitForText(/Passwords didn't match\./, LONG);
    await waitIdle(sh);
    await runLine(sh, '\\password', /Enter new password for user "[^"]+": $/, false);
    // typed ahead, before the second question: the answer is kept for it
    sh.type(`${marker}\r${marker}\r`);
    await waitIdle(sh);
    assert.equal(allText(sh).match(/Enter it again: /g)?.length, 2);
    assert.ok(!allText(sh).includes(marker), `the password shows on the screen:\n${sh.screenText()}`);
    sh.press('c-d');
    await sh.waitForExit(LONG);
    const history = readFileSync(join(h.env.XDG_STATE_HOME, 'sqlsh', 'history'), 'utf8');
    assert.ok(!history.includes(marker) && history.includes('\\password'), history);
    assert.deepEqual(filesHolding(h.dir, marker), []);
    const env = { ...sandboxEnv(), ...tempHome().env };
    assert.equal((await runWatched([uriWith(marker), '-c', 'select 1'], env)).code, 0, 'the new password works');
    assert.equal((await runWatched([uriWith(old), '-c', 'select 1'], env)).code, 2, 'the old one does not');
  });
}

async function runLine(sh: PtySession, line: string, expect: RegExp, idle = true): Promise<void> {
  const before = sh.output.length;
  sh.type(line);
  await pause(100);
  sh.press('enter');
  const deadline = Date.now() + LONG;
  while (!expect.test(sh.output.slice(before))) {
    if (Date.now() > deadline) throw new Error(`no ${expect} after ${JSON.stringify(line)}; screen:\n${sh.screenText()}`);
    await pause(50);
  }
  if (idle) await waitIdle(sh);
  else await pause(300);
}

/** Until the cursor sits right after an empty prompt ('...> '). */
async function waitIdle(sh: PtySession): Promise<void> {
  const deadline = Date.now() + LONG;
  for (;;) {
    await sh.settle();
    const { row, col } = sh.cursor();
    const line = sh.line(row);
    if (/[>] ?$/.test(line.trimEnd()) && line.trimEnd().endsWith('>') && col === line.trimEnd().length + 1) return;
    if (Date.now() > deadline) throw new Error(`no empty prompt; screen:\n${sh.screenText()}`);
    await pause(50);
  }
}
