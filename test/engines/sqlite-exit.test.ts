import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tempDir } from './sqlite-test-helpers.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Where the script imports the engine from: the build, or a copy of it with no native helper beside
 * it (build/Release/sqlsh_interrupt.node), as on a machine where it could not be built: there a
 * statement inside one long step cannot be interrupted and is abandoned.
 */
function engineModules(dir: string, native: boolean): { engine: string; runaway: string } {
  let src = SRC;
  if (!native) {
    const pkg = join(dir, 'pkg');
    src = join(pkg, 'dist', 'src');
    cpSync(SRC, src, { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  }
  const url = (p: string): string => pathToFileURL(join(src, p)).href;
  return { engine: url('engines/sqlite/sqlite-engine.js'), runaway: url('engines/sqlite/sqlite-runaway.js') };
}
// One native step that runs for minutes: no row comes out until the whole count is done.
const FOREVER = 'with recursive c(x) as (select 1 union all select x + 1 from c where x < 3000000000) select count(*) from c';
// One native step of a few seconds: long enough to be abandoned (after 1 s), short enough to end.
const SECONDS = 'with recursive c(x) as (select 1 union all select x + 1 from c where x < 25000000) select count(*) from c';

/**
 * A script that connects, starts `sql`, cancels it once it has started, closes the connection,
 * prints what it saw, and then ends: by process.exit(3) or by running out of work.
 */
function script(modules: { engine: string; runaway: string }, sql: string, ending: 'exit' | 'natural' | 'wait-then-exit'): string {
  return `
    import { sqliteEngine } from ${JSON.stringify(modules.engine)};
    import { runawaySqliteSteps } from ${JSON.stringify(modules.runaway)};
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: ':memory:' });
    let error = '';
    try {
      for await (const e of conn.execute(${JSON.stringify(sql)})) if (e.type === 'columns') void conn.cancel();
    } catch (e) {
      error = e.message;
    }
    await conn.close();
    console.log(JSON.stringify({ error, runaway: runawaySqliteSteps() }));
    if (${JSON.stringify(ending)} === 'wait-then-exit') {
      const until = Date.now() + 120000;
      while (runawaySqliteSteps() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      console.log(JSON.stringify({ runawayAtExit: runawaySqliteSteps() }));
    }
    if (${JSON.stringify(ending)} !== 'natural') process.exit(3);
  `;
}

interface Ended {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the script in a fresh Node; kills it (SIGKILL) if it has not ended after limitMs. */
function run(dir: string, source: string, limitMs: number): Promise<Ended> {
  const file = join(dir, 'script.mjs');
  writeFileSync(file, source);
  const started = Date.now();
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  return new Promise((resolve) => {
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

function firstLine(r: Ended): { error: string; runaway: number } {
  const line = r.stdout.split('\n')[0] ?? '';
  assert.ok(line.startsWith('{'), `the script printed no result; stdout: ${JSON.stringify(r.stdout)}, stderr: ${JSON.stringify(r.stderr)}`);
  return JSON.parse(line) as { error: string; runaway: number };
}

describe('sqlite: a process that cancelled a long statement can still exit', () => {
  test('the statement is interrupted inside its step: no runaway, the exit code is kept, in well under a second', async (t) => {
    const dir = tempDir(t);
    const r = await run(dir, script(engineModules(dir, true), FOREVER, 'exit'), 20000);
    const seen = firstLine(r);
    assert.doesNotMatch(seen.error, /reopened/);
    assert.match(seen.error, /canceling statement due to user request/);
    assert.equal(seen.runaway, 0);
    assert.equal(r.status, 3, `stderr: ${r.stderr}`);
    assert.ok(r.ms < 5000, `the process took ${r.ms} ms`);
  });

  // Without the native helper. Without the guard, each of these processes would live until its step ends: many minutes.
  for (const ending of ['exit', 'natural'] as const) {
    test(`without the native helper, ending by ${ending === 'exit' ? 'process.exit()' : 'running out of work'} takes seconds, not the statement's minutes`, async (t) => {
      const dir = tempDir(t);
      const r = await run(dir, script(engineModules(dir, false), FOREVER, ending), 20000);
      assert.notEqual(r.signal, 'SIGKILL', `the process did not end within 20 s (${r.ms} ms); stderr: ${r.stderr}`);
      const seen = firstLine(r);
      assert.match(seen.error, /reopened/, 'the statement should have been abandoned');
      assert.match(seen.error, /the in-memory database was lost/);
      assert.equal(seen.runaway, 1, 'the abandoned step should be reported as still running');
      // Ended by the guard: status 130 as for an interrupted program.
      assert.equal(r.signal, 'SIGINT', `expected the guard's SIGINT; status ${r.status}, stderr: ${r.stderr}`);
    });
  }

  test('without the native helper, once the abandoned step has ended by itself, the exit code is kept', async (t) => {
    const dir = tempDir(t);
    const r = await run(dir, script(engineModules(dir, false), SECONDS, 'wait-then-exit'), 150000);
    assert.notEqual(r.signal, 'SIGKILL', `the process did not end in time; stderr: ${r.stderr}`);
    const seen = firstLine(r);
    assert.match(seen.error, /reopened/, 'the statement should have been abandoned');
    assert.equal(seen.runaway, 1);
    assert.match(r.stdout, /"runawayAtExit":0/);
    assert.equal(r.status, 3, `stderr: ${r.stderr}`);
    assert.equal(r.signal, null);
  });

  test('without the native helper, a database that cannot be reopened gives ConnectionLostError, never ConnectError', async (t) => {
    const dir = tempDir(t);
    const modules = engineModules(dir, false);
    const dbDir = join(dir, 'db');
    const source = `
      import { mkdirSync, rmSync } from 'node:fs';
      import { sqliteEngine } from ${JSON.stringify(modules.engine)};
      mkdirSync(${JSON.stringify(dbDir)});
      const conn = await sqliteEngine.connect({ engine: 'sqlite', path: ${JSON.stringify(join(dbDir, 'x.db'))} });
      const seen = [];
      try {
        for await (const e of conn.execute(${JSON.stringify(SECONDS)})) if (e.type === 'columns') { void conn.cancel(); rmSync(${JSON.stringify(dbDir)}, { recursive: true }); }
      } catch (e) { seen.push(e.name + ': ' + e.message); }
      try { for await (const _ of conn.execute('select 1')); seen.push('ok'); } catch (e) { seen.push(e.name + ': ' + e.message); }
      console.log(JSON.stringify(seen));
      process.exit(3);
    `;
    const r = await run(dir, source, 60000);
    const seen = JSON.parse(r.stdout.split('\n')[0] || '[]') as string[];
    assert.equal(seen.length, 2, `stdout: ${r.stdout}, stderr: ${r.stderr}`);
    assert.match(seen[0]!, /^ConnectionLostError: .*reopened, but reopening .* failed/);
    assert.match(seen[1]!, /^ConnectionLostError: the database could not be reopened \(.*\); the next statement tries again$/);
  });
});
