/**
 * mysqlEngine.provisionalInfo: when the interactive prompt may come before the connection (the
 * password is known, one server, no tunnel), and that what it shows is what the connection shows.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mysqlEngine } from '../../src/engines/mysql/mysql-engine.js';
import { engineById } from '../../src/engines/registry.js';
import type { ConnectionTarget } from '../../src/engines/engine.js';
import { sharedMariadb } from '../harness/mariadb-server.js';
import { withServer } from '../harness/server-test.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-myprovisional-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const my = (url: string, more: Partial<ConnectionTarget> = {}): ConnectionTarget => ({ engine: 'mysql', url, ...more });
const env = (more: Record<string, string> = {}) => ({ HOME: join(dir, 'nohome'), ...more });
const info = (t: ConnectionTarget, e: Record<string, string> = {}) => mysqlEngine.provisionalInfo!(t, env(e));

test('a password in the URI, MYSQL_PWD or ~/.my.cnf: the prompt can come first, with the label and URL the connection shows', () => {
  const i = info(my('mysql://ann:secret@db.example:3307/shop'));
  assert.deepEqual(i, { engine: 'mysql', label: 'ann@db.example/shop', url: 'mysql://ann@db.example:3307/shop', user: 'ann', host: 'db.example', port: 3307, database: 'shop' });
  assert.ok(!JSON.stringify(i).includes('secret'));
  assert.equal(info(my('mysql://ann@db.example/shop'), { MYSQL_PWD: 'x' })?.label, 'ann@db.example/shop');
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, '.my.cnf'), '[client]\npassword=pw\n', { mode: 0o600 });
  assert.equal(mysqlEngine.provisionalInfo!(my('mysql://ann@db.example/shop'), { HOME: home })?.label, 'ann@db.example/shop');
});

test('no password known, or several hosts, or an SSH tunnel: undefined', async () => {
  assert.equal(info(my('mysql://ann@db.example/shop')), undefined);
  assert.equal(info(my('mysql://ann:pw@a:3306,b:3307/shop')), undefined);
  const withTunnel = await engineById('mysql').load();
  assert.equal(withTunnel.provisionalInfo?.(my('mysql://ann:pw@a/shop', { ssh: 'me@bastion' }), env()), undefined);
  assert.equal(withTunnel.provisionalInfo?.(my('mysql://ann:pw@a/shop'), env())?.label, 'ann@a/shop');
});

test('a real server: the provisional label, URL, user, host, port and database are the connection\'s', async (t) => {
  const s = await withServer(t, sharedMariadb);
  if (!s) return;
  const target = my(s.url);
  const before = info(target);
  assert.ok(before);
  const c = await mysqlEngine.connect(target, { env: env() });
  try {
    const { serverVersion, node, ...rest } = c.info;
    assert.ok(serverVersion);
    assert.equal(node, undefined);
    assert.deepEqual(rest, before);
  } finally {
    await c.close();
  }
});
