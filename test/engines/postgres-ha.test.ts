/**
 * libpq's multi-host rules and failover against a real primary and a streaming standby
 * (test/harness/postgres-standby.ts): target_session_attrs choosing each server, load_balance_hosts
 * spreading connections, PGHOST/PGPORT lists, the read-only error on a standby explained, and the
 * primary killed + the standby promoted with the session reconnecting to the new primary.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from '../../src/engines/engine.js';
import { ConnectError, ConnectionLostError, SqlError } from '../../src/core/errors.js';
import { postgresEngine } from '../../src/engines/postgres/postgres-engine.js';
import { hostOrder, misfit } from '../../src/engines/postgres/postgres-hosts.js';
import { resolvePgParams } from '../../src/engines/postgres/postgres-target.js';
import { freePort } from '../harness/free-port.js';
import { startPostgresPair, type PgPair } from '../harness/postgres-standby.js';
import { serverTestMode } from '../harness/server-test.js';
import { cleanEnv, events, scalar } from '../harness/postgres-helpers.js';

describe('postgres multi-host parameters (no server)', () => {
  const deps = { home: '/nonexistent', osUser: 'u', exists: () => false };
  test('target_session_attrs and load_balance_hosts from the URI, conninfo and environment', () => {
    const a = resolvePgParams({ engine: 'postgres', url: 'postgres://a:1,b:2/db?target_session_attrs=primary&load_balance_hosts=random' }, {}, deps);
    assert.deepEqual([a.endpoints, a.targetSessionAttrs, a.loadBalance], [[{ host: 'a', port: 1 }, { host: 'b', port: 2 }], 'primary', true]);
    const b = resolvePgParams({ engine: 'postgres', url: 'host=a,b,c port=1,2,3 target_session_attrs=prefer-standby' }, {}, deps);
    assert.deepEqual([b.endpoints.map((e) => e.port), b.targetSessionAttrs, b.loadBalance], [[1, 2, 3], 'prefer-standby', false]);
    const c = resolvePgParams({ engine: 'postgres' }, { PGHOST: 'a,b', PGPORT: '5,6', PGTARGETSESSIONATTRS: 'standby', PGLOADBALANCEHOSTS: 'random' }, deps);
    assert.deepEqual([c.endpoints, c.targetSessionAttrs, c.loadBalance], [[{ host: 'a', port: 5 }, { host: 'b', port: 6 }], 'standby', true]);
    const d = resolvePgParams({ engine: 'postgres', url: 'host=a,b port=7' }, {}, deps);
    assert.deepEqual(d.endpoints, [{ host: 'a', port: 7 }, { host: 'b', port: 7 }]);
  });
  test('bad values are refused in libpq words', () => {
    assert.throws(() => resolvePgParams({ engine: 'postgres', url: 'host=a target_session_attrs=master' }, {}, deps), /invalid target_session_attrs value: "master"/);
    assert.throws(() => resolvePgParams({ engine: 'postgres', url: 'host=a load_balance_hosts=yes' }, {}, deps), /invalid load_balance_hosts value: "yes"/);
    assert.throws(() => resolvePgParams({ engine: 'postgres', url: 'host=a,b,c port=1,2' }, {}, deps), /could not match 2 port numbers to 3 hosts/);
  });
  test('which server fits which target_session_attrs', () => {
    const primary = { readOnly: false, inRecovery: false };
    const standby = { readOnly: true, inRecovery: true };
    const roPrimary = { readOnly: true, inRecovery: false }; // default_transaction_read_only=on
    const fits = (attrs: Parameters<typeof misfit>[0]) => [primary, standby, roPrimary].map((s) => misfit(attrs, s) === undefined);
    assert.deepEqual(fits('any'), [true, true, true]);
    assert.deepEqual(fits('read-write'), [true, false, false]);
    assert.deepEqual(fits('read-only'), [false, true, true]);
    assert.deepEqual(fits('primary'), [true, false, true]);
    assert.deepEqual(fits('standby'), [false, true, false]);
  });
  test('load_balance_hosts=random shuffles every host into every place; disable keeps the order', () => {
    assert.deepEqual(hostOrder(3, false), [0, 1, 2]);
    const firsts = new Set<number>();
    let seed = 1;
    const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 60; i++) {
      const o = hostOrder(3, true, rnd);
      assert.deepEqual([...o].sort(), [0, 1, 2]);
      firsts.add(o[0]!);
    }
    assert.equal(firsts.size, 3);
  });
});

let pair: PgPair | undefined;
let startError: unknown;
before(async () => {
  try {
    pair = await startPostgresPair();
  } catch (err) {
    if (serverTestMode() === 'required') throw err;
    startError = err;
  }
});
after(async () => pair?.stop());

function uri(p: PgPair, ports: readonly number[], query: string): string {
  const hosts = ports.map((port) => `127.0.0.1:${port}`).join(',');
  return `postgres://${encodeURIComponent(p.user)}:${encodeURIComponent(p.password)}@${hosts}/postgres${query ? `?${query}` : ''}`;
}

async function connect(url: string, env: Record<string, string> = {}): Promise<Connection> {
  return postgresEngine.connect({ engine: 'postgres', url }, { env: cleanEnv(env) });
}

async function portOf(p: PgPair, ports: readonly number[], attrs: string): Promise<{ port: number; node: string; label: string }> {
  const c = await connect(uri(p, ports, `target_session_attrs=${attrs}`));
  try {
    const inRecovery = await scalar(c, 'select pg_is_in_recovery()');
    assert.equal(inRecovery, c.info.port === p.standby.port, 'the server reached is what info says');
    return { port: c.info.port!, node: c.info.node ?? '', label: c.info.label };
  } finally {
    await c.close();
  }
}

describe('postgres primary and standby', () => {
  test('target_session_attrs chooses the primary or the standby, whatever the host order', async (t) => {
    if (!pair) return t.skip(`servers unavailable: ${String(startError)}`);
    const P = pair.primary.port;
    const S = pair.standby.port;
    for (const order of [[P, S], [S, P]]) {
      for (const attrs of ['primary', 'read-write']) assert.equal((await portOf(pair, order, attrs)).port, P, `${attrs} over ${order}`);
      for (const attrs of ['standby', 'read-only', 'prefer-standby']) assert.equal((await portOf(pair, order, attrs)).port, S, `${attrs} over ${order}`);
      assert.equal((await portOf(pair, order, 'any')).port, order[0], `any over ${order}`);
    }
    const s = await portOf(pair, [P, S], 'standby');
    assert.match(s.node, /^host 2 of 2, the standby$/);
    assert.match(s.label, /\(standby\)$/);
    const pr = await portOf(pair, [S, P], 'read-write');
    assert.match(pr.node, /^host 2 of 2, the primary$/);
  });

  test('prefer-standby falls back to the primary; an unreachable host passes the turn', async (t) => {
    if (!pair) return t.skip(`servers unavailable: ${String(startError)}`);
    const dead = await freePort();
    assert.equal((await portOf(pair, [dead, pair.primary.port], 'prefer-standby')).port, pair.primary.port);
    assert.equal((await portOf(pair, [dead, pair.standby.port, pair.primary.port], 'read-write')).port, pair.primary.port);
  });

  test('no server fits: the error lists each host and why, in libpq words', async (t) => {
    if (!pair) return t.skip(`servers unavailable: ${String(startError)}`);
    await assert.rejects(connect(uri(pair, [pair.primary.port], 'target_session_attrs=standby')), (e: Error) => {
      assert.ok(e instanceof ConnectError);
      assert.match(e.message, /server is not in hot standby mode/);
      return true;
    });
    await assert.rejects(connect(uri(pair, [pair.standby.port], 'target_session_attrs=read-write')), /session is read-only/);
  });

  test('PGHOST/PGPORT lists and PGTARGETSESSIONATTRS from the environment', async (t) => {
    if (!pair) return t.skip(`servers unavailable: ${String(startError)}`);
    const c = await postgresEngine.connect(
      { engine: 'postgres', user: pair.user, password: pair.password, database: 'postgres' },
      { env: cleanEnv({ PGHOST: '127.0.0.1,127.0.0.1', PGPORT: `${pair.primary.port},${pair.standby.port}`, PGTARGETSESSIONATTRS: 'standby' }) },
    );
    try {
      assert.equal(c.info.port, pair.standby.port);
    } finally {
      await c.close();
    }
  });

  test('load_balance_hosts=random spreads connections over both servers', async (t) => {
    if (!pair) return t.skip(`servers unavailable: ${String(startError)}`);
    const seen = new Map<number, number>();
    for (let i = 0; i < 16; i++) {
      const c = await connect(uri(pair, [pair.primary.port, pair.standby.port], 'load_balance_hosts=random'));
      seen.set(c.info.port!, (seen.get(c.info.port!) ?? 0) + 1);
      await c.close();
    }
    // P(all 16 on one server) = 2 * 2^-16
    assert.equal(seen.size, 2, `both servers reached: ${JSON.stringify([...seen])}`);
  });

  test('a write on a standby is explained in words', async (t) => {
    if (!pair) return t.skip(`servers unavailable: ${String(startError)}`);
    const c = await connect(uri(pair, [pair.standby.port], ''));
    try {
      await assert.rejects(events(c, 'create table t_on_standby (a int)'), (e: Error) => {
        assert.ok(e instanceof SqlError);
        assert.equal(e.code, '25006');
        assert.equal(e.hint, 'this server is a standby (read-only); connect with target_session_attrs=read-write');
        return true;
      });
    } finally {
      await c.close();
    }
  });

  // Last: it kills the primary.
  test('failover: primary killed, standby promoted, the session reaches the new primary; an open transaction is lost, never replayed', async (t) => {
    if (!pair) return t.skip(`servers unavailable: ${String(startError)}`);
    const c = await connect(uri(pair, [pair.primary.port, pair.standby.port], 'target_session_attrs=read-write'));
    try {
      assert.equal(c.info.port, pair.primary.port);
      await events(c, 'create table ha_t (a int)');
      // Wait until the standby has replayed it (asynchronous streaming).
      const s = await connect(uri(pair, [pair.standby.port], ''));
      while ((await scalar(s, "select to_regclass('ha_t') is not null")) !== true) await new Promise((r) => setTimeout(r, 50));
      await s.close();
      await events(c, 'begin');
      await events(c, 'insert into ha_t values (1)');
      const killed = performance.now();
      await pair.primary.stop(); // immediate shutdown: the server dies
      const stopMs = performance.now() - killed;
      const promoting = pair.promote();
      // The statement after the death: the open transaction is reported lost, once.
      await assert.rejects(events(c, 'insert into ha_t values (2)'), (e: Error) => e instanceof ConnectionLostError && e.wasInTransaction);
      // Then statements reconnect by the rules: refused while no server fits, then the new primary.
      let result: Awaited<ReturnType<typeof events>> | undefined;
      let attempts = 0;
      while (!result) {
        attempts++;
        try {
          result = await events(c, 'select count(*)::int from ha_t');
        } catch (e) {
          assert.ok(e instanceof ConnectionLostError, String(e));
          assert.match(e.message, /reconnecting failed/);
          await new Promise((r) => setTimeout(r, 50));
        }
        assert.ok(performance.now() - killed < 60_000, 'reconnected within a minute');
      }
      const failoverMs = performance.now() - killed;
      await promoting;
      const notices = result.filter((e) => e.type === 'notice').map((e) => (e as { message: string }).message);
      assert.equal(notices.length, 1, JSON.stringify(notices));
      assert.match(notices[0]!, new RegExp(`reconnected to postgres://.*:${pair.standby.port}/postgres, host 2 of 2, the primary \\(was 127\\.0\\.0\\.1:${pair.primary.port}\\)`));
      const rowsEv = result.find((e) => e.type === 'rows') as unknown as { rows: unknown[][] };
      assert.equal(rowsEv.rows[0]![0], 0, 'the lost transaction was not replayed');
      assert.equal(c.info.port, pair.standby.port);
      assert.equal(c.info.node, 'host 2 of 2, the primary');
      await events(c, 'insert into ha_t values (3)'); // writes work on the new primary
      assert.equal(await scalar(c, 'select count(*)::int from ha_t'), 1);
      t.diagnostic(`failover: ${Math.round(failoverMs)} ms from the primary's death to a result from the new primary (${attempts} attempts; pg_ctl stop took ${Math.round(stopMs)} ms)`);
    } finally {
      await c.close();
    }
  });
});
