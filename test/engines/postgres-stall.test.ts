/**
 * A frozen PostgreSQL backend (SIGSTOP, as a hung server or a dead network looks from the client):
 * the first cancel sends the cancel request, which the frozen backend cannot act on; after a few
 * seconds a warning says a second cancel drops the connection; the second cancel gives control back
 * at once with ConnectionLostError, and the next statement reconnects to a fresh backend.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { ConnectError, ConnectionLostError } from '../../src/core/errors.js';
import type { ResultEvent } from '../../src/core/result.js';
import { startPostgres, type PgServer } from '../harness/postgres-server.js';
import { serverTestMode } from '../harness/server-test.js';
import { cleanEnv, connectTo, events, scalar } from '../harness/postgres-helpers.js';
import { postgresEngine } from '../../src/engines/postgres/postgres-engine.js';

let server: PgServer | undefined;
let startError: unknown;
before(async () => {
  try {
    server = await startPostgres();
  } catch (err) {
    if (serverTestMode() === 'required') throw err;
    startError = err;
  }
});
after(async () => server?.stop());

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

describe('postgres with a frozen backend', () => {
  test('a second cancel drops the connection, the next statement reconnects', async (t) => {
    if (!server) return t.skip(`server unavailable: ${String(startError)}`);
    const c = await connectTo(server);
    const pid = Number(await scalar(c, 'select pg_backend_pid()'));
    t.after(() => signal(pid, 'SIGCONT')); // never leave a stopped backend behind
    try {
      await events(c, 'create table if not exists stall_kept (a int)');
      await events(c, 'truncate stall_kept');
      await events(c, 'insert into stall_kept values (1)');
      const seen: ResultEvent[] = [];
      const running = (async () => {
        for await (const e of c.execute('select pg_sleep(60)')) seen.push(e);
      })().then(
        () => undefined,
        (e: unknown) => e,
      );
      await new Promise((r) => setTimeout(r, 300));
      signal(pid, 'SIGSTOP');
      const first = performance.now();
      await c.cancel(); // the postmaster takes the request; the stopped backend cannot act on it
      // The warning comes after a few seconds; until then a second cancel only repeats the request.
      while (!seen.some((e) => e.type === 'notice') && performance.now() - first < 10_000) await new Promise((r) => setTimeout(r, 100));
      const warning = seen.find((e) => e.type === 'notice') as { message: string } | undefined;
      assert.ok(warning, 'no warning that the server does not answer the cancel request');
      assert.match(warning.message, /has not answered the cancel request.*Ctrl-C again to drop the connection/);
      const second = performance.now();
      await c.cancel();
      const err = await running;
      const latency = performance.now() - second;
      assert.ok(err instanceof ConnectionLostError, `expected ConnectionLostError, got ${String(err)}`);
      assert.match(err.message, /did not answer the cancel request.*connection was dropped.*next statement reconnects/);
      assert.ok(latency < 1000, `the second cancel took ${latency.toFixed(0)} ms to give control back`);
      assert.equal(c.transactionStatus(), 'idle');

      // Still frozen: the next statement gets a fresh backend.
      const evs = await events(c, 'select a from stall_kept');
      assert.equal(evs[0]?.type, 'notice');
      assert.match((evs[0] as { message: string }).message, /reconnected to postgres:\/\//);
      assert.deepEqual(evs.find((e) => e.type === 'rows'), { type: 'rows', rows: [[1]] });
      const newPid = Number(await scalar(c, 'select pg_backend_pid()'));
      assert.notEqual(newPid, pid);

      // Once thawed, the old backend sees its closed socket and ends: nothing is left behind.
      signal(pid, 'SIGCONT');
      const until = Date.now() + 10_000;
      let left = 1;
      while (left > 0 && Date.now() < until) {
        left = Number(await scalar(c, `select count(*) from pg_stat_activity where pid = ${pid}`));
        if (left > 0) await new Promise((r) => setTimeout(r, 200));
      }
      assert.equal(left, 0, 'the dropped backend is still there after SIGCONT');
    } finally {
      signal(pid, 'SIGCONT');
      await c.close();
    }
  });

  test('a statement in a transaction: the drop says the transaction was rolled back', async (t) => {
    if (!server) return t.skip(`server unavailable: ${String(startError)}`);
    const c = await connectTo(server);
    const pid = Number(await scalar(c, 'select pg_backend_pid()'));
    t.after(() => signal(pid, 'SIGCONT'));
    try {
      await events(c, 'begin');
      const running = (async () => {
        for await (const _ of c.execute('select pg_sleep(60)'));
      })().then(
        () => undefined,
        (e: unknown) => e,
      );
      await new Promise((r) => setTimeout(r, 300));
      signal(pid, 'SIGSTOP');
      await c.cancel();
      await new Promise((r) => setTimeout(r, 3200));
      await c.cancel();
      const err = await running;
      assert.ok(err instanceof ConnectionLostError, String(err));
      assert.equal(err.wasInTransaction, true);
      assert.match(err.message, /connection was dropped; the open transaction was rolled back/);
      assert.equal(await scalar(c, 'select 7'), 7);
    } finally {
      signal(pid, 'SIGCONT');
      await c.close();
    }
  });
});

/** The keepalive timer of our TCP connections to `port`, in seconds, as ss shows it ('none' when off). */
function keepaliveTimers(port: number): string[] {
  const r = spawnSync('ss', ['-tnoH', 'state', 'established', `( dport = :${port} )`], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => /timer:\(keepalive,([\d.]+)(min|sec|ms)/.exec(l))
    .map((m) => (m ? String(Number(m[1]) * (m[2] === 'min' ? 60 : m[2] === 'ms' ? 0.001 : 1)) : 'none'));
}

describe('postgres connection parameters for a stalled network (as in libpq)', () => {
  test('keepalives_idle sets the TCP keepalive timer; keepalives=0 turns it off', async (t) => {
    if (!server) return t.skip(`server unavailable: ${String(startError)}`);
    const port = server.port;
    const on = await postgresEngine.connect({ engine: 'postgres', url: `${server.url}?sslmode=disable&keepalives_idle=7` }, { env: cleanEnv() });
    try {
      const timers = keepaliveTimers(port);
      assert.equal(timers.length, 1, `expected one connection to port ${port}: ${timers.join(', ')}`);
      assert.ok(Number(timers[0]) > 0 && Number(timers[0]) <= 7, `keepalive timer ${timers[0]} s, wanted at most 7`);
    } finally {
      await on.close();
    }
    const off = await postgresEngine.connect({ engine: 'postgres', url: `${server.url}?sslmode=disable&keepalives=0` }, { env: cleanEnv() });
    try {
      assert.deepEqual(keepaliveTimers(port), ['none']);
    } finally {
      await off.close();
    }
  });

  test('connect_timeout ends a connection attempt to a server that never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((s) => void sockets.push(s)); // accepts, then says nothing
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = performance.now();
      await assert.rejects(
        postgresEngine.connect({ engine: 'postgres', url: `postgres://u@127.0.0.1:${port}/db?sslmode=disable&connect_timeout=2` }, { env: cleanEnv() }),
        ConnectError,
      );
      const ms = performance.now() - started;
      assert.ok(ms >= 1500 && ms < 6000, `gave up after ${ms.toFixed(0)} ms, wanted about 2 s`);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });
});
