import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from '../../src/engines/engine.js';
import type { ResultEvent } from '../../src/core/result.js';
import { ConnectionLostError } from '../../src/core/errors.js';
import { startPostgres, type PgServer } from '../harness/postgres-server.js';
import { serverTestMode } from '../harness/server-test.js';
import { connectTo, events, scalar } from '../harness/postgres-helpers.js';

// A private server: these tests restart and stop it.
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

/**
 * The first statement after a loss either reconnects at once (the loss was seen while idle) or
 * throws ConnectionLostError and the next one reconnects. Either way a 'reconnected' notice comes first.
 */
async function afterLoss(c: Connection, sql: string): Promise<{ evs: ResultEvent[]; lost?: ConnectionLostError }> {
  try {
    return { evs: await events(c, sql) };
  } catch (err) {
    assert.ok(err instanceof ConnectionLostError, `expected ConnectionLostError, got ${String(err)}`);
    return { evs: await events(c, sql), lost: err };
  }
}

describe('postgres lost connections', () => {
  test('after a server restart the next statement reconnects and says so', async (t) => {
    if (!server) return t.skip(`server unavailable: ${String(startError)}`);
    const c = await connectTo(server);
    try {
      await events(c, 'create table if not exists kept (a int)');
      await server.restart();
      const { evs, lost } = await afterLoss(c, 'select 42');
      if (lost) assert.equal(lost.wasInTransaction, false);
      assert.equal(evs[0]!.type, 'notice');
      assert.match((evs[0] as { message: string }).message, /lost; reconnected to postgres:\/\//);
      assert.ok(!JSON.stringify(evs).includes(server.password!));
      assert.deepEqual(evs.find((e) => e.type === 'rows'), { type: 'rows', rows: [[42]] });
      assert.equal(await scalar(c, 'select 1'), 1, 'no more notices once reconnected');
    } finally {
      await c.close();
    }
  });

  test('a transaction open at the restart is reported lost, then the session reconnects', async (t) => {
    if (!server) return t.skip(`server unavailable: ${String(startError)}`);
    const c = await connectTo(server);
    try {
      await events(c, 'create table if not exists txlost (a int)');
      await events(c, 'begin');
      await events(c, 'insert into txlost values (1)');
      assert.equal(c.transactionStatus(), 'in-transaction');
      await server.restart();
      await assert.rejects(events(c, 'insert into txlost values (2)'), (e: Error) => e instanceof ConnectionLostError && e.wasInTransaction);
      assert.equal(c.transactionStatus(), 'idle');
      const evs = await events(c, 'select count(*) from txlost');
      assert.equal(evs[0]!.type, 'notice');
      assert.deepEqual(evs.find((e) => e.type === 'rows'), { type: 'rows', rows: [[0]] }, 'the open transaction was rolled back');
    } finally {
      await c.close();
    }
  });

  test('pg_terminate_backend during a statement: ConnectionLostError, then a reconnect', async (t) => {
    if (!server) return t.skip(`server unavailable: ${String(startError)}`);
    const c = await connectTo(server);
    const killer = await connectTo(server);
    try {
      const pid = await scalar(c, 'select pg_backend_pid()');
      const outcome = events(c, 'select pg_sleep(30)').then(() => undefined, (e: unknown) => e);
      await new Promise((r) => setTimeout(r, 300));
      await events(killer, `select pg_terminate_backend(${Number(pid)})`);
      const err = await outcome;
      assert.ok(err instanceof ConnectionLostError, `got ${String(err)}`);
      assert.equal(err.wasInTransaction, false);
      const evs = await events(c, 'select pg_backend_pid()');
      assert.equal(evs[0]!.type, 'notice');
      const rows = evs.find((e) => e.type === 'rows') as unknown as { rows: number[][] };
      assert.notEqual(rows.rows[0]![0], pid, 'a new backend');
    } finally {
      await killer.close();
      await c.close();
    }
  });

  test('when the server is gone, reconnecting fails with a clear ConnectionLostError', async (t) => {
    if (!server) return t.skip(`server unavailable: ${String(startError)}`);
    const c = await connectTo(server);
    try {
      await server.stop();
      const first = await events(c, 'select 1').then(() => undefined, (e: unknown) => e);
      const second = first instanceof ConnectionLostError && /reconnecting failed/.test(first.message)
        ? first
        : await events(c, 'select 1').then(() => undefined, (e: unknown) => e);
      assert.ok(second instanceof ConnectionLostError, `got ${String(second)}`);
      assert.match(second.message, /reconnecting failed \(could not connect to server at "127\.0\.0\.1", port \d+: connection refused/);
    } finally {
      await c.close();
    }
  });
});
