/**
 * SSH tunnels against a real sshd (test/harness/sshd-server.ts) in front of the harness PostgreSQL
 * and MariaDB: connect through it, refuse an unknown and a changed host key, and a tunnel that drops
 * mid-session (sshd killed) is reported in words and a later statement reconnects once sshd is back.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConnectError, ConnectionLostError } from '../../src/core/errors.js';
import type { Connection, ConnectionTarget } from '../../src/engines/engine.js';
import { engineById } from '../../src/engines/registry.js';
import { parseTarget } from '../../src/engines/target.js';
import type { ResultEvent } from '../../src/core/result.js';
import { withServer } from '../harness/server-test.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { sharedMariadb } from '../harness/mariadb-server.js';
import { startSshd, type SshdServer } from '../harness/sshd-server.js';

let sshd: SshdServer | undefined;
let sshdError: unknown;
before(async () => {
  try {
    sshd = await startSshd();
  } catch (e) {
    sshdError = e;
  }
});
after(async () => {
  await sshd?.dispose();
});

async function bastion(t: { skip(m: string): void }): Promise<SshdServer | undefined> {
  return withServer(t as never, async () => {
    if (!sshd) throw sshdError;
    return sshd;
  });
}

/** The client's environment: the harness HOME (key, known_hosts), no agent. */
function env(s: SshdServer): Record<string, string | undefined> {
  return { ...process.env, HOME: s.home, SSH_AUTH_SOCK: undefined, PGPASSFILE: '/nonexistent' };
}

async function rows(conn: Connection, sql: string): Promise<{ rows: unknown[]; notices: string[] }> {
  const events: ResultEvent[] = [];
  for await (const ev of conn.execute(sql)) events.push(ev);
  return {
    rows: events.flatMap((e) => (e.type === 'rows' ? e.rows : [])),
    notices: events.flatMap((e) => (e.type === 'notice' ? [e.message] : [])),
  };
}

async function open(target: ConnectionTarget, s: SshdServer): Promise<Connection> {
  return (await engineById(target.engine).load()).connect(target, { env: env(s) });
}

test('PostgreSQL through the tunnel: rows come back, \\conninfo names the real host and the tunnel', async (t) => {
  const s = await bastion(t);
  const pg = s && (await withServer(t, sharedPostgres));
  if (!s || !pg) return;
  // 'localhost' is resolved by the bastion, as ssh -L does.
  const url = pg.url.replace('127.0.0.1', 'localhost');
  const conn = await open({ engine: 'postgres', url, ssh: s.spec }, s);
  try {
    assert.deepEqual((await rows(conn, 'select 40 + 2 as n')).rows, [[42]]);
    assert.equal(conn.info.host, 'localhost');
    assert.equal(conn.info.port, pg.port);
    assert.match(conn.info.via ?? '', new RegExp(`through the SSH tunnel via ${s.user}@127\\.0\\.0\\.1:${s.port}`));
    assert.match(conn.info.url, new RegExp(`localhost:${pg.port}`));
  } finally {
    await conn.close();
  }
});

test('through the tunnel ~/.pgpass is read for the database\'s host, not the tunnel\'s loopback end', async (t) => {
  const s = await bastion(t);
  const pg = s && (await withServer(t, sharedPostgres));
  if (!s || !pg) return;
  const u = new URL(pg.url);
  const passfile = join(s.home, 'pgpass-tunnel');
  // A line for 127.0.0.1 with the wrong password first: only the database's own name may match.
  writeFileSync(passfile, `127.0.0.1:*:*:*:wrong\nlocalhost:${pg.port}:postgres:${pg.user}:${pg.password}\n`, { mode: 0o600 });
  const target: ConnectionTarget = { engine: 'postgres', url: `postgres://${encodeURIComponent(pg.user)}@localhost:${pg.port}/postgres`, ssh: s.spec };
  assert.equal(u.hostname, '127.0.0.1');
  const conn = await (await engineById('postgres').load()).connect(target, { env: { ...env(s), PGPASSFILE: passfile } });
  try {
    assert.deepEqual((await rows(conn, 'select 1 as n')).rows, [[1]]);
  } finally {
    await conn.close();
  }
});

test('through the tunnel TLS names the database\'s host: SNI, and verify-full checks the certificate against it', async () => {
  const { sslConfig } = await import('../../src/engines/postgres/postgres-driver.js');
  const { resolvePgParams } = await import('../../src/engines/postgres/postgres-target.js');
  const params = (mode: string) => resolvePgParams({ engine: 'postgres', url: `postgres://u@127.0.0.1:40001/db?sslmode=${mode}`, tunnelOf: { host: 'db.example.com', port: 5432 } }, {}, { home: '/nonexistent', osUser: 'u', exists: () => false });
  const cert = { subject: { CN: 'db.example.com' }, subjectaltname: 'DNS:db.example.com' } as never;
  const full = sslConfig(params('verify-full'), true) as { servername?: string; checkServerIdentity(h: string, c: never): Error | undefined };
  assert.equal(full.servername, 'db.example.com');
  assert.equal(full.checkServerIdentity('127.0.0.1', cert), undefined, 'the certificate of the real host passes');
  const other = { subject: { CN: 'evil.example.org' }, subjectaltname: 'DNS:evil.example.org' } as never;
  assert.ok(full.checkServerIdentity('127.0.0.1', other) instanceof Error, 'another name is refused');
  assert.equal((sslConfig(params('require'), true) as { servername?: string }).servername, 'db.example.com');
  // Without a tunnel nothing is set: pg sends the host's own name.
  const plain = sslConfig(resolvePgParams({ engine: 'postgres', url: 'postgres://u@db.example.com/db?sslmode=verify-full' }, {}, { home: '/nonexistent', osUser: 'u', exists: () => false }), true) as { servername?: string };
  assert.equal(plain.servername, undefined);
});

test('MariaDB through the tunnel (a saved connection with ssh = "...")', async (t) => {
  const s = await bastion(t);
  const db = s && (await withServer(t, sharedMariadb));
  if (!s || !db) return;
  const target = parseTarget('shop', { connections: new Map([['shop', { url: db.url, ssh: s.spec }]]) });
  assert.equal(target.ssh, s.spec);
  const conn = await open(target, s);
  try {
    assert.deepEqual((await rows(conn, 'select 6 * 7 as n')).rows, [[42]]);
    assert.match(conn.info.via ?? '', /SSH tunnel/);
  } finally {
    await conn.close();
  }
});

test('--ssh on a SQLite or DuckDB file is refused in words', () => {
  assert.throws(() => parseTarget('x.db', { flags: { ssh: 'me@bastion' } }), /SQLite file is opened on this machine/);
  assert.throws(() => parseTarget('duckdb::memory:', { flags: { ssh: 'me@bastion' } }), /DuckDB file/);
});

test('an unknown host key is refused, with the fingerprint and how to add it', async (t) => {
  const s = await bastion(t);
  const pg = s && (await withServer(t, sharedPostgres));
  if (!s || !pg) return;
  const kh = join(s.home, '.ssh', 'known_hosts');
  writeFileSync(kh, '# nothing known\n');
  try {
    await assert.rejects(open({ engine: 'postgres', url: pg.url, ssh: s.spec }, s), (e: unknown) => {
      assert.ok(e instanceof ConnectError, String(e));
      assert.match(e.message, new RegExp(`host key of \\[127\\.0\\.0\\.1\\]:${s.port} is not in`));
      assert.match(e.message, /SHA256:/);
      assert.match(e.message, new RegExp(`ssh-keyscan -p ${s.port} 127\\.0\\.0\\.1 >> `));
      return true;
    });
  } finally {
    writeFileSync(kh, `${s.knownHostsLine}\n`);
  }
});

test('a changed host key is refused (also when known_hosts is hashed), naming the line and ssh-keygen -R', async (t) => {
  const s = await bastion(t);
  const pg = s && (await withServer(t, sharedPostgres));
  if (!s || !pg) return;
  const kh = join(s.home, '.ssh', 'known_hosts');
  const { createHmac, randomBytes } = await import('node:crypto');
  const salt = randomBytes(20);
  const hash = createHmac('sha1', salt).update(`[127.0.0.1]:${s.port}`).digest();
  // Another ed25519 key for this host (a public key of a different pair), stored hashed as ssh -o HashKnownHosts does.
  const other = 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
  writeFileSync(kh, `|1|${salt.toString('base64')}|${hash.toString('base64')} ssh-ed25519 ${other}\n`);
  try {
    await assert.rejects(open({ engine: 'postgres', url: pg.url, ssh: s.spec }, s), (e: unknown) => {
      assert.ok(e instanceof ConnectError, String(e));
      assert.match(e.message, /has CHANGED: .*known_hosts line 1/);
      assert.match(e.message, new RegExp(`ssh-keygen -R '\\[127\\.0\\.0\\.1\\]:${s.port}'`));
      return true;
    });
    // The same line hashed with the right key is accepted.
    const [, , key] = s.knownHostsLine.split(' ');
    writeFileSync(kh, `|1|${salt.toString('base64')}|${hash.toString('base64')} ssh-ed25519 ${key}\n`);
    const conn = await open({ engine: 'postgres', url: pg.url, ssh: s.spec }, s);
    await conn.close();
  } finally {
    writeFileSync(kh, `${s.knownHostsLine}\n`);
  }
});

test('a tunnel that drops mid-session is reported in words; a later statement reconnects once sshd is back', async (t) => {
  const s = await bastion(t);
  const db = s && (await withServer(t, sharedMariadb));
  if (!s || !db) return;
  const conn = await open({ engine: 'mysql', url: db.url, ssh: s.spec }, s);
  try {
    assert.deepEqual((await rows(conn, 'select 1')).rows, [[1]]);
    await rows(conn, 'begin');
    await s.stop();
    await assert.rejects(rows(conn, 'select 2'), (e: unknown) => {
      assert.ok(e instanceof ConnectionLostError, String(e));
      assert.match(e.message, new RegExp(`^the SSH tunnel via ${s.user}@127\\.0\\.0\\.1:${s.port} is down \\(.*\\); .* lost and the open transaction was rolled back\\. The next statement reconnects`));
      assert.equal(e.wasInTransaction, true);
      return true;
    });
    // sshd still down: the next statement says the tunnel cannot be opened, in words.
    await assert.rejects(rows(conn, 'select 3'), (e: unknown) => /SSH tunnel via .* is down \(could not reach the SSH server .*connection refused/.test((e as Error).message));
    await s.start();
    const again = await rows(conn, 'select 4');
    assert.deepEqual(again.rows, [[4]]);
    const notice = again.notices.join('\n');
    assert.match(notice, new RegExp(`reconnected to mysql://${db.user}@127\\.0\\.0\\.1:${db.port}/`), 'the notice names the database, not the tunnel end');
    assert.equal(conn.transactionStatus(), 'idle');
  } finally {
    await conn.close();
  }
});

test('ProxyJump from ~/.ssh/config (one hop), and an encrypted key without a terminal is skipped with the way out', async (t) => {
  const s = await bastion(t);
  const db = s && (await withServer(t, sharedMariadb));
  if (!s || !db) return;
  const { rmSync, copyFileSync } = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  const config = join(s.home, '.ssh', 'config');
  writeFileSync(config, [`Host hop`, `  HostName 127.0.0.1`, `  Port ${s.port}`, `  User ${s.user}`, `Host inner`, `  HostName 127.0.0.1`, `  Port ${s.port}`, `  User ${s.user}`, `  ProxyJump hop`, ''].join('\n'));
  try {
    const conn = await open({ engine: 'mysql', url: db.url, ssh: 'inner' }, s);
    assert.deepEqual((await rows(conn, 'select 5')).rows, [[5]]);
    await conn.close();
    // The same key, encrypted, given with --ssh-key: no terminal here, so it is skipped and the refusal says why.
    const enc = join(s.dir, 'encrypted_key');
    copyFileSync(join(s.home, '.ssh', 'id_ed25519'), enc);
    spawnSync('ssh-keygen', ['-q', '-p', '-N', 'secret-phrase', '-P', '', '-f', enc]);
    const keyless = join(s.dir, 'keyless-home');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(keyless, '.ssh'), { recursive: true });
    writeFileSync(join(keyless, '.ssh', 'known_hosts'), `${s.knownHostsLine}\n`);
    await assert.rejects(
      (await engineById('mysql').load()).connect({ engine: 'mysql', url: db.url, ssh: s.spec, sshKey: enc }, { env: { ...env(s), HOME: keyless } }),
      (e: unknown) => e instanceof ConnectError && /encrypted and there is no terminal to ask its passphrase \(load it with ssh-add\)/.test(e.message),
    );
  } finally {
    rmSync(config, { force: true });
  }
});
