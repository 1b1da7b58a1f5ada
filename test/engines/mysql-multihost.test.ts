/**
 * MySQL/MariaDB with several hosts (mysql://u@a:3306,b:3307/db), against two real MariaDB servers:
 * tried in order, a dead first host sends the connection to the second, the first is chosen again
 * once it is back, a session whose node dies reconnects to the next, read-only nodes are shown.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectError } from '../../src/core/errors.js';
import type { Connection } from '../../src/engines/engine.js';
import { mysqlEngine } from '../../src/engines/mysql/mysql-engine.js';
import { resolveMysqlTarget } from '../../src/engines/mysql/mysql-target.js';
import { describeConnection } from '../../src/meta/commands/connection-commands.js';
import type { ResultEvent } from '../../src/core/result.js';
import { withServer } from '../harness/server-test.js';
import { startMariadb, type MariadbServer } from '../harness/mariadb-server.js';

const noEnv = { HOME: '/nonexistent' };

test('host lists: order, per-host ports, -P for the hosts without one, -h a,b', () => {
  const p = resolveMysqlTarget({ engine: 'mysql', url: 'mysql://u:pw@a:3307,b,[::1]:3309/shop' }, noEnv, {});
  assert.deepEqual(p.hosts, [
    { host: 'a', port: 3307 },
    { host: 'b', port: 3306 },
    { host: '::1', port: 3309 },
  ]);
  assert.equal(p.user, 'u');
  assert.equal(p.password, 'pw');
  assert.equal(p.database, 'shop');
  assert.equal(p.socketPath, undefined);
  const f = resolveMysqlTarget({ engine: 'mysql', host: 'x,y:4000', port: 3310 }, noEnv, {});
  assert.deepEqual(f.hosts, [
    { host: 'x', port: 3310 },
    { host: 'y', port: 4000 },
  ]);
  assert.equal(resolveMysqlTarget({ engine: 'mysql', url: 'mysql://u@a,b/db?connect_timeout=2.5' }, noEnv, {}).connectTimeoutMs, 2500);
  assert.equal(resolveMysqlTarget({ engine: 'mysql', url: 'mysql://u@a/db' }, noEnv, { 'connect-timeout': '3' }).connectTimeoutMs, 3000);
  // One host: no list, as before.
  assert.equal(resolveMysqlTarget({ engine: 'mysql', url: 'mysql://u@a:3307/db' }, noEnv, {}).hosts, undefined);
});

let a: MariadbServer | undefined;
let b: MariadbServer | undefined;
let startError: unknown;
/** A one-node Galera cluster (Debian's galera-4 provider), started beside the two plain servers. */
let galera: Promise<MariadbServer> | undefined;
before(async () => {
  const { freePort } = await import('../harness/free-port.js');
  const [gcomm, ist] = [await freePort(), await freePort()];
  galera = startMariadb({
    extraArgs: ['--wsrep-on=ON', '--wsrep-provider=/usr/lib/galera/libgalera_smm.so', '--wsrep-cluster-address=gcomm://', '--binlog-format=ROW',
      '--innodb-autoinc-lock-mode=2', `--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${gcomm};ist.recv_addr=127.0.0.1:${ist}`, '--wsrep-node-address=127.0.0.1'],
  });
  galera.catch(() => undefined);
  try {
    [a, b] = await Promise.all([startMariadb(), startMariadb()]);
  } catch (e) {
    startError = e;
  }
});
after(async () => {
  await Promise.all([a?.stop(), b?.stop(), galera?.then((g) => g.stop(), () => undefined)]);
});

async function servers(t: { skip(m: string): void }): Promise<[MariadbServer, MariadbServer] | undefined> {
  return withServer(t as never, async () => {
    if (!a || !b) throw startError;
    return [a, b] as [MariadbServer, MariadbServer];
  });
}

function listUrl(x: MariadbServer, y: MariadbServer): string {
  return `mysql://${x.user}:${encodeURIComponent(x.password)}@127.0.0.1:${x.port},127.0.0.1:${y.port}/${x.database}`;
}

async function run(conn: Connection, sql: string): Promise<{ rows: unknown[]; notices: string[] }> {
  const events: ResultEvent[] = [];
  for await (const ev of conn.execute(sql)) events.push(ev);
  return { rows: events.flatMap((e) => (e.type === 'rows' ? e.rows : [])), notices: events.flatMap((e) => (e.type === 'notice' ? [e.message] : [])) };
}

test('the first host that answers is used, in order; a dead first host sends it to the second, and back once it returns', async (t) => {
  const s = await servers(t);
  if (!s) return;
  const [x, y] = s;
  const url = listUrl(x, y);
  const first = await mysqlEngine.connect({ engine: 'mysql', url }, { env: noEnv });
  try {
    assert.deepEqual((await run(first, 'select @@port')).rows, [[x.port]]);
    assert.match(first.info.node ?? '', new RegExp(`^node 1 of 2 \\(127\\.0\\.0\\.1:${x.port}\\), read-write$`));
    assert.match(describeConnection(first.info), new RegExp(`on host "127.0.0.1" at port "${x.port}".*node 1 of 2`));

    await x.pause();
    // The open session's node died: the next statement reconnects by the same rules, to the second node, and says so.
    const moved = await run(first, 'select @@port');
    assert.deepEqual(moved.rows, [[y.port]]);
    assert.ok(moved.notices.some((n) => n.includes(`reconnected to mysql://${x.user}@127.0.0.1:${y.port}/`) && n.includes('node 2 of 2')), moved.notices.join('\n'));
    assert.equal(first.info.port, y.port);

    const second = await mysqlEngine.connect({ engine: 'mysql', url }, { env: noEnv });
    assert.deepEqual((await run(second, 'select @@port')).rows, [[y.port]]);
    assert.match(second.info.node ?? '', /^node 2 of 2/);
    await second.close();

    await x.resume();
    const third = await mysqlEngine.connect({ engine: 'mysql', url }, { env: noEnv });
    assert.deepEqual((await run(third, 'select @@port')).rows, [[x.port]], 'the first host is preferred again once it is back');
    await third.close();
  } finally {
    await first.close();
  }
});

test('connect_timeout applies to each host: a host that accepts and never answers is left after that wait', async (t) => {
  const s = await servers(t);
  if (!s) return;
  const { createServer } = await import('node:net');
  const held: import('node:net').Socket[] = [];
  const silent = createServer((sock) => void held.push(sock)); // accepts, never sends the handshake
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
  const port = (silent.address() as { port: number }).port;
  try {
    const started = Date.now();
    const conn = await mysqlEngine.connect({ engine: 'mysql', url: `${listUrl(s[1], s[1]).replace(`127.0.0.1:${s[1].port},`, `127.0.0.1:${port},`)}?connect_timeout=1` }, { env: noEnv });
    const took = Date.now() - started;
    assert.deepEqual((await run(conn, 'select @@port')).rows, [[s[1].port]]);
    assert.ok(took >= 900 && took < 5000, `took ${took} ms`);
    await conn.close();
  } finally {
    for (const h of held) h.destroy();
    silent.close();
  }
});

test('a read-only node is shown as such; every host dead is one message naming each', async (t) => {
  const s = await servers(t);
  if (!s) return;
  const [x, y] = s;
  const admin = await mysqlEngine.connect({ engine: 'mysql', url: y.url }, { env: noEnv });
  try {
    await run(admin, 'SET GLOBAL read_only = 1');
    // y first in the list this time: order is the list's, not the servers'.
    const conn = await mysqlEngine.connect({ engine: 'mysql', url: listUrl(y, x) }, { env: noEnv });
    assert.match(conn.info.node ?? '', new RegExp(`^node 1 of 2 \\(127\\.0\\.0\\.1:${y.port}\\), read-only`));
    assert.match(describeConnection(conn.info), /read-only \(@@read_only is on/);
    await conn.close();
  } finally {
    await run(admin, 'SET GLOBAL read_only = 0');
    await admin.close();
  }
  const { freePort } = await import('../harness/free-port.js');
  const [p1, p2] = [await freePort(), await freePort()];
  await assert.rejects(
    mysqlEngine.connect({ engine: 'mysql', url: `mysql://u:pw@127.0.0.1:${p1},127.0.0.1:${p2}/db` }, { env: noEnv }),
    (e: unknown) => e instanceof ConnectError && new RegExp(`any of the 2 MySQL servers, tried in order: 127\\.0\\.0\\.1:${p1}: .*refused.*; 127\\.0\\.0\\.1:${p2}: `).test(e.message) && !e.message.includes('pw'),
  );
});

test('a Galera node is shown with its cluster state (wsrep_on, wsrep_ready, wsrep_cluster_status)', async (t) => {
  const g = await withServer(t, () => galera!);
  if (!g) return;
  const conn = await mysqlEngine.connect({ engine: 'mysql', url: g.url }, { env: noEnv });
  try {
    assert.equal(conn.info.node, 'a Galera node (cluster Primary, 1 node, Synced, ready), read-write');
    assert.match(describeConnection(conn.info), /, a Galera node \(cluster Primary/);
  } finally {
    await conn.close();
  }
  // A plain server says nothing of Galera (and a lone writable one nothing at all).
  const s = await servers(t);
  if (!s) return;
  const plain = await mysqlEngine.connect({ engine: 'mysql', url: s[0].url }, { env: noEnv });
  assert.equal(plain.info.node, undefined);
  await plain.close();
});
