/**
 * A frozen MariaDB server (SIGSTOP): KILL QUERY cannot reach it, so after a few seconds a warning
 * says a second cancel drops the connection; the second cancel gives control back at once with
 * ConnectionLostError, and once the server runs again the next statement reconnects.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mysqlEngine } from '../../src/engines/mysql/mysql-engine.js';
import { ConnectionLostError } from '../../src/core/errors.js';
import type { ResultEvent } from '../../src/core/result.js';
import { startMariadb, type MariadbServer } from '../harness/mariadb-server.js';
import { serverTestMode } from '../harness/server-test.js';

let server: MariadbServer | undefined;
let startError: unknown;
before(async () => {
  try {
    server = await startMariadb();
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
    // gone
  }
}

test('mysql: with the server frozen, a second cancel drops the connection; the next statement reconnects', async (t) => {
  if (!server) return t.skip(`server unavailable: ${String(startError)}`);
  const conn = await mysqlEngine.connect({ engine: 'mysql', url: server.url }, { env: { HOME: '/nonexistent' } });
  let pid = 0;
  try {
    for await (const e of conn.execute('select @@pid_file')) if (e.type === 'rows') pid = Number(readFileSync(String(e.rows[0]![0]), 'utf8').trim());
    assert.ok(pid > 0);
    t.after(() => signal(pid, 'SIGCONT'));
    const seen: ResultEvent[] = [];
    const running = (async () => {
      for await (const e of conn.execute('select sleep(60)')) seen.push(e);
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    signal(pid, 'SIGSTOP');
    const first = performance.now();
    void conn.cancel(); // its KILL QUERY connection cannot get an answer
    while (!seen.some((e) => e.type === 'notice') && performance.now() - first < 10_000) await new Promise((r) => setTimeout(r, 100));
    const warning = seen.find((e) => e.type === 'notice') as { message: string } | undefined;
    assert.ok(warning, 'no warning that the server does not answer the cancel request');
    assert.match(warning.message, /has not answered the cancel request.*Ctrl-C again to drop the connection/);
    const second = performance.now();
    await conn.cancel();
    const err = await running;
    const latency = performance.now() - second;
    assert.ok(err instanceof ConnectionLostError, `expected ConnectionLostError, got ${String(err)}`);
    assert.match(err.message, /did not answer the cancel request.*connection was dropped.*next statement reconnects/);
    assert.ok(latency < 1000, `the second cancel took ${latency.toFixed(0)} ms`);
    signal(pid, 'SIGCONT');
    const events: ResultEvent[] = [];
    for await (const e of conn.execute('select 7')) events.push(e);
    assert.match((events[0] as { message?: string }).message ?? '', /reconnected to mysql:\/\//);
    assert.deepEqual(events.find((e) => e.type === 'rows'), { type: 'rows', rows: [[7]] });
  } finally {
    if (pid) signal(pid, 'SIGCONT');
    await conn.close();
  }
});
