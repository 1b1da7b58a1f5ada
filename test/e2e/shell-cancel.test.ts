/**
 * Ctrl-C while a statement runs cancels it and keeps the session: SQLite (demo, a long write on a
 * file and on :memory:) and PostgreSQL (also with its backend frozen). After each cancel the sqlsh
 * process falls back to idle (its CPU time, read from /proc, barely moves over the next second),
 * no lock is left and the data is as it was.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { PtySession } from './pty-harness.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';
import { LONG, escapeRe, killAll, pause, run, shellHome, startShell, waitForIdlePrompt } from './shell-helpers.js';

const home = shellHome();
after(async () => {
  await killAll();
  await home.cleanup();
});

/** CPU time (user + system, in clock ticks of 10 ms) used so far by process `pid`, all its threads. */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the line)
}

/** Ticks used by the sqlsh process over the next second: about 100 while a statement goes on. */
async function cpuOverOneSecond(t: PtySession): Promise<number> {
  const before = cpuTicks(t.pty.pid);
  await pause(1000);
  return cpuTicks(t.pty.pid) - before;
}

const ENDLESS_INSERT = 'insert into t with recursive c(x) as (select 1 union all select x+1 from c) select x from c;';

/** Starts an endless write, presses Ctrl-C once it runs; returns ms from the key to the 'Cancelled' line. */
async function cancelEndlessWrite(t: PtySession, prompt: string): Promise<number> {
  t.type(ENDLESS_INSERT);
  await t.waitForText(/select x from c;$/m, LONG);
  t.press('enter');
  await pause(1200); // it is running now, and would forever
  const started = performance.now();
  t.press('c-c');
  await t.waitForText(/Cancelled: canceling statement due to user request/, LONG);
  const latency = performance.now() - started;
  await waitForIdlePrompt(t, prompt);
  return latency;
}

describe('Ctrl-C during a query', () => {
  test('SQLite: a slow recursive query is cancelled, a new prompt comes back, the next query works', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    t.type('with recursive c(x) as (select 1 union all select x+1 from c where x < 50000000) select count(*) from c;');
    await t.waitForText(/count\(\*\) from c;$/m, LONG);
    t.press('enter');
    await pause(1500); // it is running now (it takes far longer than this)
    const started = Date.now();
    t.press('c-c');
    await t.waitForText(/Cancelled/, LONG);
    await waitForIdlePrompt(t);
    assert.ok(Date.now() - started < LONG, 'back at the prompt well before the query could have finished');
    assert.doesNotMatch(t.screenText(), /50000000\n\(1 row\)/);
    await run(t, 'select 42 as answer;');
    assert.match(t.screenText(), /^ answer *\n-+\n +42\n\(1 row\)/m);
  });

  test('SQLite file: a long write stops within 1 s, is rolled back, leaves no lock, and the process goes idle', async (ctx) => {
    const file = join(home.dir, 'cancel-write.db');
    const prompt = 'sqlite cancel-write.db> ';
    const t = await startShell(home, [file], { cols: 160 });
    await waitForIdlePrompt(t, prompt);
    await run(t, 'create table t (x);', prompt);
    await run(t, 'insert into t values (1), (2), (3);', prompt);
    const latency = await cancelEndlessWrite(t, prompt);
    ctx.diagnostic(`Ctrl-C to 'Cancelled' on the screen: ${latency.toFixed(0)} ms`);
    assert.ok(latency < 1000, `Ctrl-C took ${latency.toFixed(0)} ms`);
    assert.doesNotMatch(t.screenText(), /reopened|locked|internal error/);
    const ticks = await cpuOverOneSecond(t);
    assert.ok(ticks < 25, `sqlsh used ${ticks * 10} ms of CPU in the second after the cancel: the statement goes on`);
    // Another connection can write at once (no busy wait): the statement left no lock behind.
    const other = new Database(file, { timeout: 0 });
    try {
      assert.equal((other.prepare('select count(*) from t').pluck().get() as number), 3);
      other.exec('insert into t values (4)');
    } finally {
      other.close();
    }
    await run(t, 'select count(*) as n from t;', prompt);
    assert.match(t.screenText(), /^ n *\n-+\n +4\n\(1 row\)/m);
  });

  test('SQLite :memory:: a long write stops within 1 s and the session keeps its tables', async (ctx) => {
    const prompt = 'sqlite :memory:> ';
    const t = await startShell(home, [':memory:'], { cols: 160 });
    await waitForIdlePrompt(t, prompt);
    await run(t, 'create table t (x);', prompt);
    await run(t, 'insert into t values (1), (2), (3);', prompt);
    const latency = await cancelEndlessWrite(t, prompt);
    ctx.diagnostic(`Ctrl-C to 'Cancelled' on the screen: ${latency.toFixed(0)} ms`);
    assert.ok(latency < 1000, `Ctrl-C took ${latency.toFixed(0)} ms`);
    assert.doesNotMatch(t.screenText(), /reopened|lost/);
    const ticks = await cpuOverOneSecond(t);
    assert.ok(ticks < 25, `sqlsh used ${ticks * 10} ms of CPU in the second after the cancel: the statement goes on`);
    await run(t, 'select count(*) as n from t;', prompt);
    assert.match(t.screenText(), /^ n *\n-+\n +3\n\(1 row\)/m);
  });

  test('PostgreSQL: pg_sleep(30) is cancelled; the prompt names the database; \\conninfo shows no password', async (ctx) => {
    const server = await withServer(ctx, sharedPostgres);
    if (!server) return;
    const env = { PGPASSFILE: '/nonexistent-pgpass', PGSERVICEFILE: '/nonexistent-service', PGSYSCONFDIR: '/nonexistent' };
    const t = await startShell(home, [server.url], { env });
    const prompt = `pg ${server.user}@${server.host}/postgres> `;
    await t.waitForText(new RegExp(`^${escapeRe(prompt)}$`, 'm'), LONG);
    await waitForIdlePrompt(t, prompt);
    assert.match(t.screenText(), /PostgreSQL/);
    await run(t, '\\conninfo', prompt);
    const screen = t.screenText();
    assert.match(screen, /postgres/);
    if (server.password) assert.doesNotMatch(t.output, new RegExp(escapeRe(server.password)), 'the password is never shown');

    t.type('select pg_sleep(30);');
    await t.waitForText(/pg_sleep\(30\);$/m, LONG);
    t.press('enter');
    await pause(1500);
    const started = Date.now();
    t.press('c-c');
    await t.waitForText(/Cancelled/, LONG);
    await waitForIdlePrompt(t, prompt);
    assert.ok(Date.now() - started < 25_000, 'cancelled, not finished');
    await run(t, 'select 7 as n;', prompt);
    assert.match(t.screenText(), /^ n *\n-+\n +7\n\(1 row\)/m);
  });

  test('PostgreSQL with its backend frozen: the second Ctrl-C gives the prompt back, the next statement reconnects', async (ctx) => {
    const server = await withServer(ctx, sharedPostgres);
    if (!server) return;
    const env = { PGPASSFILE: '/nonexistent-pgpass', PGSERVICEFILE: '/nonexistent-service', PGSYSCONFDIR: '/nonexistent' };
    const t = await startShell(home, [server.url], { env, cols: 160 });
    const prompt = `pg ${server.user}@${server.host}/postgres> `;
    await waitForIdlePrompt(t, prompt);
    await run(t, 'select pg_backend_pid() as backend;', prompt);
    const pid = Number(/^ backend *\n-+\n +(\d+)\n/m.exec(t.screenText())?.[1]);
    assert.ok(pid > 0, `no backend pid on the screen:\n${t.screenText()}`);
    const thaw = (): void => {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // gone
      }
    };
    ctx.after(thaw);
    try {
      t.type('select pg_sleep(60);');
      await t.waitForText(/pg_sleep\(60\);$/m, LONG);
      t.press('enter');
      await pause(500);
      process.kill(pid, 'SIGSTOP');
      t.press('c-c');
      await t.waitForText(/WARNING: +the server has not answered the cancel request for \d+ s; press Ctrl-C again to drop the connection/, LONG);
      const started = performance.now();
      t.press('c-c');
      await t.waitForText(/did not answer the cancel request within \d+ s, so the connection was dropped/, LONG);
      await waitForIdlePrompt(t, prompt);
      const latency = performance.now() - started;
      ctx.diagnostic(`second Ctrl-C to the prompt: ${latency.toFixed(0)} ms`);
      assert.ok(latency < 1000, `the second Ctrl-C took ${latency.toFixed(0)} ms to give the prompt back`);
      assert.doesNotMatch(t.screenText(), /internal error/);
      await run(t, 'select 7 as n;', prompt);
      assert.match(t.screenText(), /reconnected to postgres:\/\//);
      assert.match(t.screenText(), /^ n *\n-+\n +7\n\(1 row\)/m);
    } finally {
      thaw();
    }
  });
});
