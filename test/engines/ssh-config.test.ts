/**
 * The pure parts of the SSH tunnel: --ssh specs, ~/.ssh/config resolution, known_hosts matching
 * (plain, wildcard, negated, hashed, [host]:port, @revoked), fingerprints as ssh-keygen prints them,
 * and where the tunnel leads (the database host as the engine would pick it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHostKey, keyFingerprint, parseKnownHosts } from '../../src/engines/ssh/known-hosts.js';
import { resolveSshHost } from '../../src/engines/ssh/ssh-config.js';
import { parseSshSpec } from '../../src/engines/ssh/ssh-endpoint.js';
import { tunnelDestination } from '../../src/engines/ssh/ssh-connect.js';

test('--ssh specs: user, host, port, IPv6, ssh:// form; bad ones say what is expected', () => {
  assert.deepEqual(parseSshSpec('alice@bastion'), { user: 'alice', host: 'bastion' });
  assert.deepEqual(parseSshSpec('bastion:2222'), { host: 'bastion', port: 2222 });
  assert.deepEqual(parseSshSpec('ssh://bob@[::1]:22'), { user: 'bob', host: '::1', port: 22 });
  assert.throws(() => parseSshSpec('a@b:c:d'), /expects \[user@\]host\[:port\]/);
});

test('~/.ssh/config: first value wins, IdentityFile accumulates, patterns with * and !, Match skipped, %h and ~ expanded', () => {
  const text = [
    'IdentityFile ~/.ssh/global_key',
    'Host bastion jump-*',
    '  HostName %h.example.com',
    '  User=ops',
    '  Port 2222',
    '  IdentityFile ~/.ssh/ops_%r',
    'Match host bastion',
    '  User never',
    'Host * !jump-b',
    '  User fallback',
    '  Port 22',
    '  ProxyJump gateway',
    '  IdentitiesOnly yes',
  ].join('\n');
  const ctx = { home: '/home/me', localUser: 'me' };
  const b = resolveSshHost(text, 'bastion', ctx);
  assert.equal(b.hostName, 'bastion.example.com');
  assert.equal(b.user, 'ops');
  assert.equal(b.port, 2222);
  assert.deepEqual(b.identityFiles, ['/home/me/.ssh/global_key', '/home/me/.ssh/ops_ops']);
  assert.equal(b.proxyJump, 'gateway');
  assert.equal(b.identitiesOnly, true);
  const j = resolveSshHost(text, 'jump-b', ctx);
  assert.equal(j.user, 'ops');
  assert.equal(j.proxyJump, undefined, '!jump-b excludes the Host * block');
  const other = resolveSshHost(text, 'db', ctx);
  assert.equal(other.user, 'fallback');
  assert.equal(other.hostName, undefined);
});

test('known_hosts: plain, wildcard, negated, [host]:port and hashed entries; changed, unknown and revoked keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-kh-'));
  try {
    const keys = ['a', 'b'].map((n) => {
      spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, n)]);
      const [type, b64] = readFileSync(join(dir, `${n}.pub`), 'utf8').split(' ');
      return { type: type!, b64: b64!, blob: Buffer.from(b64!, 'base64'), file: join(dir, `${n}.pub`) };
    });
    const [a, b] = keys as [(typeof keys)[0], (typeof keys)[0]];
    // The fingerprint is the one ssh-keygen -l prints.
    const printed = spawnSync('ssh-keygen', ['-l', '-f', a.file], { encoding: 'utf8' }).stdout.split(' ')[1];
    assert.equal(keyFingerprint(a.blob), printed);
    const salt = Buffer.from('0123456789abcdef0123');
    const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update('[hidden.example]:2200').digest('base64')}`;
    const lines = parseKnownHosts(
      [
        '# comment',
        `bastion,10.0.0.1 ${a.type} ${a.b64}`,
        `*.corp,!evil.corp ${a.type} ${a.b64}`,
        `[bastion]:2222 ${b.type} ${b.b64}`,
        `${hashed} ${a.type} ${a.b64}`,
        `@revoked * ${b.type} ${b.b64}`,
      ].join('\n'),
    );
    assert.equal(checkHostKey(lines, 'bastion', 22, a.blob).kind, 'known');
    assert.equal(checkHostKey(lines, '10.0.0.1', 22, a.blob).kind, 'known');
    assert.equal(checkHostKey(lines, 'db.corp', 22, a.blob).kind, 'known');
    assert.equal(checkHostKey(lines, 'evil.corp', 22, a.blob).kind, 'unknown');
    assert.equal(checkHostKey(lines, 'hidden.example', 2200, a.blob).kind, 'known');
    assert.equal(checkHostKey(lines, 'hidden.example', 22, a.blob).kind, 'unknown', 'the port is part of the name');
    assert.equal(checkHostKey(lines, 'bastion', 2222, a.blob).kind, 'changed');
    assert.equal(checkHostKey(lines, 'bastion', 22, b.blob).kind, 'revoked');
    // Another key for the same name: the last byte flipped (setting it to 0 left the key as it was
    // whenever ssh-keygen's key already ended in 0, one run in 256).
    const other = Buffer.from(a.blob);
    other[other.length - 1] ^= 0xff;
    const changed = checkHostKey(lines, 'hidden.example', 2200, other);
    assert.equal(changed.kind, 'changed');
    assert.equal(changed.kind === 'changed' && changed.line, 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('where the tunnel leads: flags, then the URI, then PGHOST/MYSQL_HOST, then localhost and the default port', () => {
  assert.deepEqual(tunnelDestination({ engine: 'postgres', url: 'postgres://u@db.internal:6543/x' }, {}), { host: 'db.internal', port: 6543 });
  assert.deepEqual(tunnelDestination({ engine: 'postgres', url: 'postgres://u@db/x', host: 'other', port: 7000 }, {}), { host: 'other', port: 7000 });
  assert.deepEqual(tunnelDestination({ engine: 'postgres', url: 'postgres:///x?host=h2&port=5433' }, {}), { host: 'h2', port: 5433 });
  assert.deepEqual(tunnelDestination({ engine: 'postgres' }, { PGHOST: 'envhost', PGPORT: '5555' }), { host: 'envhost', port: 5555 });
  assert.deepEqual(tunnelDestination({ engine: 'mysql', url: 'mysql://u@[fd00::1]/x' }, {}), { host: 'fd00::1', port: 3306 });
  assert.deepEqual(tunnelDestination({ engine: 'mysql' }, {}), { host: 'localhost', port: 3306 });
  assert.throws(() => tunnelDestination({ engine: 'postgres', url: 'postgres://a:1,b:2/x' }, {}), /one database host/);
  assert.throws(() => tunnelDestination({ engine: 'postgres', url: 'postgres:///x?host=/run/postgresql' }, {}), /Unix socket/);
});
