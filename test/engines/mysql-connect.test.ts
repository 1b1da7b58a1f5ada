import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mysqlEngine } from '../../src/engines/mysql/mysql-engine.js';
import { ConnectError } from '../../src/core/errors.js';
import type { Connection } from '../../src/engines/engine.js';
import type { ResultEvent } from '../../src/core/result.js';
import { withServer } from '../harness/server-test.js';
import { sharedMariadb, tempHomeWith } from '../harness/mariadb-server.js';

async function scalar(conn: Connection, sql: string): Promise<unknown> {
  const events: ResultEvent[] = [];
  for await (const ev of conn.execute(sql)) events.push(ev);
  const rows = events.flatMap((e) => (e.type === 'rows' ? e.rows : []));
  return rows[0]?.[0];
}

const opened: Connection[] = [];
after(async () => {
  for (const c of opened) await c.close();
});
const keep = (c: Connection): Connection => (opened.push(c), c);
const baseEnv = { HOME: '/nonexistent-home', USER: 'nobody' };

describe('mysql connect', () => {
  test('by URI: info has no password and reports the server', async (t) => {
    const db = await withServer(t, sharedMariadb);
    if (!db) return;
    const conn = keep(await mysqlEngine.connect({ engine: 'mysql', url: db.url }, { env: baseEnv }));
    assert.equal(await scalar(conn, 'SELECT CURRENT_USER()'), `${db.user}@%`);
    assert.equal(await scalar(conn, 'SELECT DATABASE()'), db.database);
    assert.ok(!JSON.stringify(conn.info).includes(db.password), 'info must not contain the password');
    assert.equal(conn.info.url, `mysql://${db.user}@${db.host}:${db.port}/${db.database}`);
    assert.match(conn.info.serverVersion ?? '', /\d+\.\d+/);
  });

  test('by mariadb:// URI with ?socket=', async (t) => {
    const db = await withServer(t, sharedMariadb);
    if (!db) return;
    if (!db.socket) return t.skip('external server: no socket');
    const url = `mariadb://${db.user}:${encodeURIComponent(db.password)}@localhost/${db.database}?socket=${encodeURIComponent(db.socket)}`;
    const conn = keep(await mysqlEngine.connect({ engine: 'mysql', url }, { env: baseEnv }));
    assert.equal(await scalar(conn, 'SELECT CURRENT_USER()'), `${db.user}@localhost`);
  });

  test('from ~/.my.cnf [client], with flags overriding the database', async (t) => {
    const db = await withServer(t, sharedMariadb);
    if (!db) return;
    const home = tempHomeWith('.my.cnf', `[client]\nuser=${db.user}\npassword="${db.password}"\nhost=${db.host}\nport=${db.port}\ndatabase=mysql\n`);
    const conn = keep(await mysqlEngine.connect({ engine: 'mysql' }, { env: { HOME: home } }));
    assert.equal(await scalar(conn, 'SELECT DATABASE()'), 'mysql');
    const conn2 = keep(await mysqlEngine.connect({ engine: 'mysql', database: db.database }, { env: { HOME: home } }));
    assert.equal(await scalar(conn2, 'SELECT DATABASE()'), db.database);
  });

  test('from flags and MYSQL_PWD', async (t) => {
    const db = await withServer(t, sharedMariadb);
    if (!db) return;
    const conn = keep(await mysqlEngine.connect({ engine: 'mysql', host: db.host, port: db.port, user: db.user, database: db.database }, { env: { ...baseEnv, MYSQL_PWD: db.password } }));
    assert.equal(await scalar(conn, 'SELECT 1+1'), 2);
  });

  test('read-only sessions refuse writes', async (t) => {
    const db = await withServer(t, sharedMariadb);
    if (!db) return;
    const rw = keep(await mysqlEngine.connect({ engine: 'mysql', url: db.url }, { env: baseEnv }));
    await scalar(rw, 'CREATE TABLE IF NOT EXISTS ro_t (x INT)');
    const ro = keep(await mysqlEngine.connect({ engine: 'mysql', url: db.url, readOnly: true }, { env: baseEnv }));
    assert.equal(ro.info.readOnly, true);
    await assert.rejects(scalar(ro, 'INSERT INTO ro_t VALUES (1)'), /read only/i);
    assert.equal(await scalar(ro, 'SELECT COUNT(*) FROM ro_t'), 0);
  });

  test('a wrong password is a clear ConnectError without the password', async (t) => {
    const db = await withServer(t, sharedMariadb);
    if (!db) return;
    const bad = 'Wr0ng-pass-xyz';
    await assert.rejects(mysqlEngine.connect({ engine: 'mysql', host: db.host, port: db.port, user: db.user, password: bad }, { env: baseEnv }), (e: unknown) => {
      assert.ok(e instanceof ConnectError);
      assert.match(e.message, /access denied/i);
      assert.ok(!e.message.includes(bad));
      assert.equal(e.needsPassword, false);
      return true;
    });
  });

  test('no password: needsPassword, and the prompt is used when given', async (t) => {
    const db = await withServer(t, sharedMariadb);
    if (!db) return;
    const target = { engine: 'mysql' as const, host: db.host, port: db.port, user: db.user, database: db.database };
    await assert.rejects(mysqlEngine.connect(target, { env: baseEnv }), (e: unknown) => e instanceof ConnectError && e.needsPassword);
    const prompts: string[] = [];
    const conn = keep(await mysqlEngine.connect(target, { env: baseEnv, promptPassword: async (p) => (prompts.push(p), db.password) }));
    assert.equal(prompts.length, 1);
    assert.match(prompts[0]!, new RegExp(`${db.user}@`));
    assert.equal(await scalar(conn, 'SELECT 7'), 7);
  });

  test('an unknown database and an unreachable port give clear errors', async (t) => {
    const db = await withServer(t, sharedMariadb);
    if (!db) return;
    await assert.rejects(mysqlEngine.connect({ engine: 'mysql', url: db.url, database: 'no_such_db' }, { env: baseEnv }),
      (e: unknown) => e instanceof ConnectError && /no_such_db/.test(e.message) && !e.message.includes(db.password));
    await assert.rejects(mysqlEngine.connect({ engine: 'mysql', host: '127.0.0.1', port: 1, user: 'x', password: 'y' }, { env: baseEnv }),
      (e: unknown) => e instanceof ConnectError && /127\.0\.0\.1:1.*refused/.test(e.message));
  });
});
