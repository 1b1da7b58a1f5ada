import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresEngine } from '../../src/engines/postgres/postgres-engine.js';
import { ConnectError } from '../../src/core/errors.js';
import type { ConnectionTarget } from '../../src/engines/engine.js';
import { sharedPostgres, type PgServer } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';
import { cleanEnv, scalar } from '../harness/postgres-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-pgconnect-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const connect = (target: Omit<ConnectionTarget, 'engine'>, env: Record<string, string> = {}, prompt?: (p: string) => Promise<string>) =>
  postgresEngine.connect({ engine: 'postgres', ...target }, { env: cleanEnv(env), ...(prompt ? { promptPassword: prompt } : {}) });

async function works(t: Omit<ConnectionTarget, 'engine'>, env: Record<string, string> = {}): Promise<void> {
  const c = await connect(t, env);
  try {
    assert.equal(await scalar(c, 'select 40 + 2'), 42);
    assert.ok(!JSON.stringify(c.info).includes('sqlsh-test-Secret1'), 'info holds no password');
  } finally {
    await c.close();
  }
}

const noPw = (s: PgServer): string => `postgres://${s.user}@${s.host}:${s.port}/postgres`;

describe('postgres connect', () => {
  test('by URI with a password', async (t) => {
    const s = await withServer(t, sharedPostgres);
    if (!s) return;
    const c = await connect({ url: `${s.url}?application_name=sqlsh-test&connect_timeout=5&sslmode=prefer` });
    try {
      assert.equal(await scalar(c, 'select current_setting(\'application_name\')'), 'sqlsh-test');
      assert.equal(c.info.url, `postgres://${s.user}@127.0.0.1:${s.port}/postgres`);
      assert.match(c.info.serverVersion ?? '', /^\d+/);
    } finally {
      await c.close();
    }
  });

  test('by environment variables', async (t) => {
    const s = await withServer(t, sharedPostgres);
    if (!s) return;
    await works({}, { PGHOST: s.host, PGPORT: String(s.port), PGUSER: s.user, PGDATABASE: 'postgres', PGPASSWORD: s.password!, PGSSLMODE: 'disable' });
  });

  test('by flags (-h -p -U -d) with the password from PGPASSFILE', async (t) => {
    const s = await withServer(t, sharedPostgres);
    if (!s) return;
    const file = join(dir, 'pgpass');
    writeFileSync(file, `# mine\n${s.host}:${s.port}:postgres:${s.user}:${s.password!.replace(/:/g, '\\:')}\n`, { mode: 0o600 });
    await works({ host: s.host, port: s.port, user: s.user, database: 'postgres' }, { PGPASSFILE: file });
  });

  test('by ~/.pgpass in HOME', async (t) => {
    const s = await withServer(t, sharedPostgres);
    if (!s) return;
    const home = mkdtempSync(join(dir, 'home-'));
    writeFileSync(join(home, '.pgpass'), `*:${s.port}:*:${s.user}:${s.password}\n`, { mode: 0o600 });
    const env = cleanEnv({ HOME: home });
    delete env['PGPASSFILE'];
    const c = await postgresEngine.connect({ engine: 'postgres', url: noPw(s) }, { env });
    await c.close();
  });

  test('by service file', async (t) => {
    const s = await withServer(t, sharedPostgres);
    if (!s) return;
    const file = join(dir, 'pg_service.conf');
    writeFileSync(file, `[test]\nhost=${s.host}\nport=${s.port}\nuser=${s.user}\ndbname=postgres\npassword=${s.password}\nsslmode=disable\n`);
    await works({ url: 'postgres:///?service=test' }, { PGSERVICEFILE: file });
    await works({}, { PGSERVICEFILE: file, PGSERVICE: 'test' });
  });

  test('by Unix socket', async (t) => {
    const s = await withServer(t, sharedPostgres);
    if (!s) return;
    if (!s.socketDir) return t.skip('the shared server given by SQLSH_TEST_PG_URL has no SQLSH_TEST_PG_SOCKET');
    const c = await connect({ url: `postgres:///postgres?host=${encodeURIComponent(s.socketDir)}&port=${s.port}&user=${s.user}` });
    try {
      assert.equal(await scalar(c, 'select inet_server_addr() is null'), true, 'a socket connection has no server address');
      assert.equal(c.info.host, s.socketDir);
    } finally {
      await c.close();
    }
  });

  test('a second host is tried when the first is unreachable', async (t) => {
    const s = await withServer(t, sharedPostgres);
    if (!s) return;
    await works({ url: `postgres://${s.user}:${encodeURIComponent(s.password!)}@127.0.0.1:1,${s.host}:${s.port}/postgres` });
  });

  test('wrong password: ConnectError that names the user, not the password', async (t) => {
    const s = await withServer(t, sharedPostgres);
    if (!s) return;
    await assert.rejects(connect({ url: `postgres://${s.user}:Wrong-Pass-123@${s.host}:${s.port}/postgres` }), (e: Error) => {
      assert.ok(e instanceof ConnectError);
      assert.match(e.message, new RegExp(`password authentication failed for user "${s.user}"`));
      assert.ok(!e.message.includes('Wrong-Pass-123'));
      assert.equal(e.needsPassword, false);
      return true;
    });
  });

  test('unknown database: ConnectError with the way out', async (t) => {
    const s = await withServer(t, sharedPostgres);
    if (!s) return;
    await assert.rejects(connect({ url: s.url, database: 'no_such_db' }), /database "no_such_db" does not exist[\s\S]*\\l/);
  });

  test('unreachable port: ConnectError saying connection refused', async () => {
    await assert.rejects(connect({ url: 'postgres://u:Secret-77@127.0.0.1:1/db?sslmode=disable' }), (e: Error) => {
      assert.ok(e instanceof ConnectError);
      assert.match(e.message, /could not connect to server at "127\.0\.0\.1", port 1: connection refused/);
      assert.match(e.message, /Is the server running/);
      assert.ok(!e.message.includes('Secret-77'));
      return true;
    });
  });

  test('an empty password (Enter at the prompt, PGPASSWORD=) is no password, as in libpq: a clear ConnectError', async (t) => {
    const s = await withServer(t, sharedPostgres);
    if (!s) return;
    const expectNone = (e: Error) => {
      assert.ok(e instanceof ConnectError, String(e));
      assert.match(e.message, /asks for a password for user "[^"]+" and none was given/);
      assert.doesNotMatch(e.message, /SASL|SCRAM/);
      return true;
    };
    await assert.rejects(connect({ url: noPw(s) }, {}, async () => ''), expectNone);
    await assert.rejects(connect({ url: noPw(s) }, { PGPASSWORD: '' }), expectNone);
  });

  test('no password: needsPassword, or the prompt is asked once', async (t) => {
    const s = await withServer(t, sharedPostgres);
    if (!s) return;
    await assert.rejects(connect({ url: noPw(s) }), (e: Error) => e instanceof ConnectError && e.needsPassword && /asks for a password/.test(e.message));
    const prompts: string[] = [];
    const c = await connect({ url: noPw(s) }, {}, async (p) => {
      prompts.push(p);
      return s.password!;
    });
    try {
      assert.deepEqual(prompts, [`Password for user ${s.user}: `]);
      assert.equal(await scalar(c, 'select 1'), 1);
    } finally {
      await c.close();
    }
  });
});
