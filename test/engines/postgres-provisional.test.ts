/**
 * postgresEngine.provisionalInfo: when the interactive prompt may come before the connection (the
 * password is known, one server, no tunnel), and that what it shows is what the connection shows.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresEngine } from '../../src/engines/postgres/postgres-engine.js';
import { engineById } from '../../src/engines/registry.js';
import type { ConnectionTarget } from '../../src/engines/engine.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';
import { cleanEnv } from '../harness/postgres-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-pgprovisional-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const noPassfile = join(dir, 'none');
const pg = (url: string, more: Partial<ConnectionTarget> = {}): ConnectionTarget => ({ engine: 'postgres', url, ...more });
const info = (t: ConnectionTarget, env: Record<string, string> = {}) => postgresEngine.provisionalInfo!(t, cleanEnv({ PGPASSFILE: noPassfile, ...env }));

test('a password in the URI or PGPASSWORD: the prompt can come first, with the label and URL the connection shows', () => {
  const i = info(pg('postgres://ann:secret@db.example:6432/shop'));
  assert.deepEqual(i, { engine: 'postgres', label: 'ann@db.example/shop', url: 'postgres://ann@db.example:6432/shop', database: 'shop', user: 'ann', host: 'db.example', port: 6432 });
  assert.ok(!JSON.stringify(i).includes('secret'));
  assert.equal(info(pg('postgres://ann@db.example/shop'), { PGPASSWORD: 'x' })?.label, 'ann@db.example/shop');
});

test('no password known: undefined (the server may ask for one on the terminal)', () => {
  assert.equal(info(pg('postgres://ann@db.example/shop')), undefined);
});

test('a matching ~/.pgpass line counts as known; one for another database does not', () => {
  const file = join(dir, 'pgpass');
  writeFileSync(file, 'db.example:5432:shop:ann:pw\n', { mode: 0o600 });
  assert.equal(info(pg('postgres://ann@db.example/shop'), { PGPASSFILE: file })?.label, 'ann@db.example/shop');
  assert.equal(info(pg('postgres://ann@db.example/other'), { PGPASSFILE: file }), undefined);
});

test('several hosts, a required role or an SSH tunnel: undefined (which server, and any passphrase, are known only by connecting)', async () => {
  assert.equal(info(pg('postgres://ann:pw@a,b/shop')), undefined);
  assert.equal(info(pg('postgres://ann:pw@a/shop?target_session_attrs=read-write')), undefined);
  const withTunnel = await engineById('postgres').load();
  assert.equal(withTunnel.provisionalInfo?.(pg('postgres://ann:pw@a/shop', { ssh: 'me@bastion' }), cleanEnv({})), undefined);
  assert.equal(withTunnel.provisionalInfo?.(pg('postgres://ann:pw@a/shop'), cleanEnv({}))?.label, 'ann@a/shop');
});

test('a bad target: undefined, and connect() says what is wrong', () => {
  assert.equal(info(pg('postgres://ann:pw@a/shop?sslmode=sometimes')), undefined);
});

test('a real server: the provisional label, URL, user, host, port and database are the connection\'s', async (t) => {
  const s = await withServer(t, sharedPostgres);
  if (!s) return;
  const target = pg(s.url);
  const before = info(target);
  assert.ok(before);
  const c = await postgresEngine.connect(target, { env: cleanEnv({ PGPASSFILE: noPassfile }) });
  try {
    const { serverVersion, ...rest } = c.info;
    assert.ok(serverVersion);
    assert.deepEqual(rest, before);
  } finally {
    await c.close();
  }
});
