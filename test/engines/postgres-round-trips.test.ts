/**
 * The network round trips before a PostgreSQL session is ready (issue 12: the prompt within one
 * round trip of SQLite's), counted through a loopback proxy that records each connection's flights,
 * and the sslmode rules that must hold while doing so few (libpq's, as psql's):
 * - connecting asks nothing: SSLRequest, StartupMessage, the two SCRAM messages, as psql; a server
 *   without SSL gets the startup on the same socket (prefer), not on a second connection;
 * - `sqlsh URL -c 'select 1'` crosses the network no more often than `psql URL -c 'select 1'`;
 * - disable/allow start plain, require/verify-* fail on a server without SSL in pg's words, prefer
 *   and require get TLS from a server that has it, verify-ca checks the certificate, and prefer
 *   still tries again without TLS when the server refuses TLS sessions (pg_hba hostnossl), allow with
 *   TLS when it refuses plain ones (hostssl), on a second connection as libpq does.
 */
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../src/engines/engine.js';
import { postgresEngine } from '../../src/engines/postgres/postgres-engine.js';
import { sharedPostgres, startPostgres, type PgServer } from '../harness/postgres-server.js';
import { serverTestMode } from '../harness/server-test.js';
import { cleanEnv, scalar } from '../harness/postgres-helpers.js';
import { startWireProxy, type WireProxy } from '../harness/pg-wire-proxy.js';
import { runCliAsync } from '../helpers/run-cli.js';

let plain: PgServer | undefined;
let tls: PgServer | undefined;
let plainProxy: WireProxy | undefined;
let tlsProxy: WireProxy | undefined;
let startError: unknown;

before(async () => {
  try {
    [plain, tls] = await Promise.all([sharedPostgres(), startPostgres({ ssl: true })]);
    [plainProxy, tlsProxy] = await Promise.all([startWireProxy(plain.host, plain.port), startWireProxy(tls.host, tls.port)]);
  } catch (err) {
    if (serverTestMode() === 'required') throw err;
    startError = err;
  }
});
after(async () => {
  await plainProxy?.close();
  await tlsProxy?.close();
  await tls?.stop();
});

const url = (s: PgServer, proxy: WireProxy, query: string, host = '127.0.0.1'): string =>
  `postgres://${encodeURIComponent(s.user)}:${encodeURIComponent(s.password ?? '')}@${host}:${proxy.port}/postgres${query ? `?${query}` : ''}`;

const open = (u: string): Promise<Connection> => postgresEngine.connect({ engine: 'postgres', url: u }, { env: cleanEnv() });

/** Connects through the proxy; what crossed it until connect() resolved. */
async function counted(proxy: WireProxy, u: string): Promise<{ conn: Connection; flights: number; connections: number }> {
  proxy.reset();
  const conn = await open(u);
  return { conn, flights: proxy.clientFlights(), connections: proxy.connections.length };
}

const sslOf = async (c: Connection): Promise<unknown> => scalar(c, 'select ssl from pg_stat_ssl where pid = pg_backend_pid()');

describe('postgres round trips before the session is ready', () => {
  test('prefer on a server without SSL: one socket, four client messages (SSLRequest, startup, two SCRAM), no query', async (t) => {
    if (!plain || !plainProxy) return t.skip(`server unavailable: ${String(startError)}`);
    for (const query of ['', 'sslmode=prefer', 'target_session_attrs=read-write']) {
      const { conn, flights, connections } = await counted(plainProxy, url(plain, plainProxy, query));
      try {
        assert.equal(connections, 1, `${query}: one connection`);
        assert.equal(plainProxy.connections[0]!.first, 'ssl-request', query);
        assert.ok(plainProxy.connections[0]!.plainAfterSslRequest, `${query}: the startup follows the refusal on the same socket`);
        assert.equal(flights, 4, `${query}: client flights before the session is ready`);
        assert.match(conn.info.serverVersion ?? '', /^\d+/, 'the version comes from the start-up report');
        assert.equal(await scalar(conn, 'select 40 + 2'), 42);
      } finally {
        await conn.close();
      }
    }
  });

  test('sqlsh URL -c "select 1" crosses the network no more often than psql', async (t) => {
    if (!plain || !plainProxy) return t.skip(`server unavailable: ${String(startError)}`);
    const target = url(plain, plainProxy, '');
    plainProxy.reset();
    const r = await runCliAsync([target, '-c', 'select 1 as one']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /one\b[\s\S]*\b1\b/);
    const ours = { flights: plainProxy.clientFlights(), connections: plainProxy.connections.length };
    assert.deepEqual(ours, { flights: 6, connections: 1 }, 'SSLRequest, startup, two SCRAM, the query, Terminate');
    plainProxy.reset();
    const psql = await new Promise<number | null>((resolve) => {
      const p = spawn('psql', ['-X', '-w', target, '-c', 'select 1 as one'], { env: { PATH: process.env['PATH'] ?? '' }, stdio: 'ignore' });
      p.on('error', () => resolve(null));
      p.on('close', (code) => resolve(code));
    });
    if (psql !== 0) return; // no psql here: the absolute count above still holds
    const theirs = { flights: plainProxy.clientFlights(), connections: plainProxy.connections.length };
    assert.ok(ours.flights <= theirs.flights && ours.connections <= theirs.connections, `sqlsh ${JSON.stringify(ours)}, psql ${JSON.stringify(theirs)}`);
  });

  test('a script of statements that return no rows (INSERT, DDL): one round trip each, as psql', async (t) => {
    if (!plain || !plainProxy) return t.skip(`server unavailable: ${String(startError)}`);
    const target = url(plain, plainProxy, '');
    const dir = mkdtempSync(join(tmpdir(), 'sqlsh-trips-'));
    const file = join(dir, 'load.sql');
    const table = `trips_${process.pid}`;
    writeFileSync(file, `create table ${table} (a int);\ninsert into ${table} values (1);\ninsert into ${table} values (2);\nupdate ${table} set a = a + 1;\ndrop table ${table};\n`);
    plainProxy.reset();
    const r = await runCliAsync([target, '-X', '-f', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'CREATE TABLE\nINSERT 0 1\nINSERT 0 1\nUPDATE 2\nDROP TABLE\n');
    const ours = plainProxy.clientFlights();
    // SSLRequest, startup, two SCRAM, five statements, Terminate (a portal read in batches took two each)
    assert.equal(ours, 10);
    plainProxy.reset();
    const psql = await new Promise<number | null>((resolve) => {
      const p = spawn('psql', ['-X', '-w', target, '-f', file], { env: { PATH: process.env['PATH'] ?? '' }, stdio: 'ignore' });
      p.on('error', () => resolve(null));
      p.on('close', (code) => resolve(code));
    });
    if (psql === 0) assert.ok(ours <= plainProxy.clientFlights(), `sqlsh ${ours}, psql ${plainProxy.clientFlights()}`);
  });

  test('disable and allow start plain; require on a server without SSL fails in pg words, on one connection', async (t) => {
    if (!plain || !plainProxy) return t.skip(`server unavailable: ${String(startError)}`);
    for (const mode of ['disable', 'allow']) {
      const { conn, flights, connections } = await counted(plainProxy, url(plain, plainProxy, `sslmode=${mode}`));
      await conn.close();
      assert.deepEqual([plainProxy.connections[0]!.first, flights, connections], ['startup', 3, 1], mode);
    }
    for (const mode of ['require', 'verify-ca', 'verify-full']) {
      plainProxy.reset();
      await assert.rejects(open(url(plain, plainProxy, `sslmode=${mode}`)), (e: Error) => {
        assert.equal(e.message, `could not connect to server at "127.0.0.1", port ${plainProxy!.port}: The server does not support SSL connections`);
        return true;
      });
      assert.equal(plainProxy.connections.length, 1, mode);
    }
  });
});

describe('postgres sslmode on a server with SSL', () => {
  test('prefer and require get TLS on one connection; disable and allow stay plain', async (t) => {
    if (!tls || !tlsProxy) return t.skip(`server unavailable: ${String(startError)}`);
    for (const [mode, expected] of [['prefer', true], ['require', true], ['disable', false], ['allow', false]] as const) {
      const { conn, connections } = await counted(tlsProxy, url(tls, tlsProxy, `sslmode=${mode}`));
      try {
        assert.equal(await sslOf(conn), expected, mode);
        assert.equal(connections, 1, mode);
      } finally {
        await conn.close();
      }
    }
  });

  test('while the prompt paints (startAfter): the socket and the SSL question go out, TLS waits for the paint', async (t) => {
    if (!tls || !tlsProxy) return t.skip(`server unavailable: ${String(startError)}`);
    for (const [mode, server, proxy, afterPaint] of [
      ['prefer', tls, tlsProxy, ['C', 'S']], // SSLRequest and 'S': the TLS handshake is this thread's work, after the paint
      ['prefer', plain!, plainProxy!, ['C', 'S']], // 'N': the startup is pg's, after the paint
      ['disable', plain!, plainProxy!, []], // TCP connected, nothing sent
    ] as const) {
      if (!server || !proxy) continue;
      proxy.reset();
      let paint!: () => void;
      const painted = new Promise<void>((r) => (paint = r));
      const opening = postgresEngine.connect({ engine: 'postgres', url: url(server, proxy, `sslmode=${mode}`) }, { env: cleanEnv(), startAfter: painted });
      opening.catch(() => undefined);
      const deadline = Date.now() + 5000;
      while ((proxy.connections.length === 0 || proxy.connections[0]!.flights.length < afterPaint.length) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 150)); // anything more would have crossed by now
      assert.equal(proxy.connections.length, 1, `${mode}: the socket is open before the paint`);
      assert.deepEqual(proxy.connections[0]!.flights, afterPaint, `${mode}: what crossed before the paint`);
      paint();
      const conn = await opening;
      try {
        assert.equal(await sslOf(conn), server === tls && mode === 'prefer', `${mode}: TLS as the server offers it`);
        assert.equal(proxy.connections.length, 1, `${mode}: the same socket`);
      } finally {
        await conn.close();
      }
    }
  });

  test('a socket opened before the paint does not keep a process alive that ends before it', async (t) => {
    if (!tls || !plain) return t.skip(`server unavailable: ${String(startError)}`);
    // A shell that fails before its first paint: the connection was started, the paint never comes.
    const engineModule = new URL('../../src/engines/postgres/postgres-engine.js', import.meta.url).href;
    for (const server of [tls, plain]) {
      const script = `import(${JSON.stringify(engineModule)}).then(({ postgresEngine }) => {
        postgresEngine.connect({ engine: 'postgres', url: ${JSON.stringify(server.url)} }, { env: {}, startAfter: new Promise(() => {}) }).catch(() => {});
        setTimeout(() => console.log('main done'), 300);
      });`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      clearTimeout(timer);
      assert.equal(code, 0, `${server === tls ? 'SSL' : 'plain'} server: the process ended by itself (output: ${out})`);
      assert.match(out, /main done/);
    }
  });

  test('verify-ca and verify-full check the certificate', async (t) => {
    if (!tls || !tlsProxy) return t.skip(`server unavailable: ${String(startError)}`);
    await assert.rejects(open(url(tls, tlsProxy, 'sslmode=verify-ca')), /self-signed certificate/);
    await assert.rejects(open(url(tls, tlsProxy, 'sslmode=verify-full')), /self-signed certificate/);
    const root = `sslrootcert=${encodeURIComponent(tls.certFile!)}`;
    for (const mode of ['verify-ca', 'verify-full']) {
      const conn = await open(url(tls, tlsProxy, `sslmode=${mode}&${root}`, 'localhost'));
      try {
        assert.equal(await sslOf(conn), true, mode);
      } finally {
        await conn.close();
      }
    }
  });

  test('prefer tries again without TLS when the server refuses TLS sessions; allow with TLS when it refuses plain ones', async (t) => {
    if (!tls || !tlsProxy) return t.skip(`server unavailable: ${String(startError)}`);
    const hba = join(tls.dataDir, 'pg_hba.conf');
    const before = readFileSync(hba, 'utf8');
    const admin = await open(url(tls, tlsProxy, 'sslmode=disable'));
    const only = async (kind: 'hostssl' | 'hostnossl'): Promise<void> => {
      writeFileSync(hba, `local all all trust\n${kind} all all 127.0.0.1/32 scram-sha-256\nhost all all 127.0.0.1/32 reject\n`);
      await scalar(admin, 'select pg_reload_conf()');
      await new Promise((r) => setTimeout(r, 300)); // the postmaster reads the file on SIGHUP
    };
    try {
      await only('hostnossl');
      const preferred = await counted(tlsProxy, url(tls, tlsProxy, 'sslmode=prefer'));
      assert.deepEqual([await sslOf(preferred.conn), preferred.connections], [false, 2]);
      await preferred.conn.close();
      await assert.rejects(open(url(tls, tlsProxy, 'sslmode=require')), /pg_hba\.conf rejects connection|no pg_hba\.conf entry/);
      await only('hostssl');
      const allowed = await counted(tlsProxy, url(tls, tlsProxy, 'sslmode=allow'));
      assert.deepEqual([await sslOf(allowed.conn), allowed.connections], [true, 2]);
      await allowed.conn.close();
    } finally {
      writeFileSync(hba, before);
      await scalar(admin, 'select pg_reload_conf()').catch(() => undefined);
      await admin.close();
    }
  });
});
