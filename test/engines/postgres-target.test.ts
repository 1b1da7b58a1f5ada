import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConninfo } from '../../src/engines/postgres/postgres-conninfo.js';
import { resolvePgParams, describeEndpoint, type ResolveDeps } from '../../src/engines/postgres/postgres-target.js';
import { lookupPgpass, matchPgpass, splitPgpassLine } from '../../src/engines/postgres/postgres-pgpass.js';
import { ConnectError } from '../../src/core/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-pgtarget-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const deps: ResolveDeps = { home: dir, osUser: 'osuser', exists: () => false };
const resolve = (t: object, env: Record<string, string> = {}) => resolvePgParams({ engine: 'postgres', ...t }, env, deps);

describe('postgres connection strings', () => {
  test('a URI gives user, password, host, port, database and query parameters', () => {
    assert.deepEqual(parseConninfo('postgresql://al%40ice:p%3Aw@db.example:6543/shop?sslmode=require&application_name=x&connect_timeout=5'), {
      user: 'al@ice', password: 'p:w', host: 'db.example', port: '6543', dbname: 'shop', sslmode: 'require', application_name: 'x', connect_timeout: '5',
    });
  });
  test('multiple hosts, IPv6 and a socket directory in the query', () => {
    assert.deepEqual(parseConninfo('postgres://h1:5432,[::1]:5433/db'), { host: 'h1,::1', port: '5432,5433', dbname: 'db' });
    assert.deepEqual(parseConninfo('postgres:///db?host=/var/run/postgresql'), { host: '/var/run/postgresql', dbname: 'db' });
    assert.deepEqual(parseConninfo('postgres://%2Ftmp%2Fsock/db'), { host: '/tmp/sock', dbname: 'db' });
  });
  test('keyword/value strings with quotes and escapes', () => {
    assert.deepEqual(parseConninfo(`host=localhost dbname='my db' password='it\\'s'`), { host: 'localhost', dbname: 'my db', password: "it's" });
  });
  test('unknown parameters are rejected clearly', () => {
    assert.throws(() => parseConninfo('postgres://h/db?bogus=1'), (e: Error) => e instanceof ConnectError && /"bogus"/.test(e.message));
  });
});

describe('postgres parameter precedence', () => {
  test('defaults: OS user, database = user, localhost, 5432, prefer', () => {
    const p = resolve({});
    assert.deepEqual([p.user, p.database, p.endpoints, p.sslmode, p.applicationName], ['osuser', 'osuser', [{ host: 'localhost', port: 5432 }], 'prefer', 'sqlsh']);
  });
  test('the default host is the Unix socket when one exists', () => {
    const p = resolvePgParams({ engine: 'postgres' }, {}, { ...deps, exists: (f) => f === '/var/run/postgresql/.s.PGSQL.5432' });
    assert.equal(p.endpoints[0]!.host, '/var/run/postgresql');
  });
  test('flags override the URI, the URI overrides the environment', () => {
    const env = { PGHOST: 'envhost', PGPORT: '7000', PGUSER: 'envuser', PGDATABASE: 'envdb', PGPASSWORD: 'envpw', PGSSLMODE: 'disable', PGAPPNAME: 'envapp' };
    const p = resolve({ url: 'postgres://uriuser@urihost/uridb', user: 'flaguser', port: 6000 }, env);
    assert.deepEqual([p.user, p.database, p.endpoints, p.password, p.sslmode, p.applicationName],
      ['flaguser', 'uridb', [{ host: 'urihost', port: 6000 }], 'envpw', 'disable', 'envapp']);
  });
  test('environment only', () => {
    const p = resolve({}, { PGHOST: 'h', PGPORT: '7000', PGUSER: 'u', PGCONNECT_TIMEOUT: '1', PGOPTIONS: '-c x=1' });
    assert.deepEqual([p.endpoints, p.user, p.database, p.connectTimeoutMs, p.options], [[{ host: 'h', port: 7000 }], 'u', 'u', 2000, '-c x=1']);
  });
  test('a -d value that is a URI is expanded', () => {
    const p = resolve({ database: 'postgres://a@b:1/c' });
    assert.deepEqual([p.user, p.endpoints, p.database], ['a', [{ host: 'b', port: 1 }], 'c']);
  });
  test('a service fills what the URI left unset and beats the environment', () => {
    const file = join(dir, 'services.conf');
    writeFileSync(file, '# comment\n[other]\nhost=nope\n[mysvc]\nhost=svchost\nport=5555\ndbname=svcdb\nuser=svcuser\n');
    const p = resolve({ url: 'postgres:///?service=mysvc&user=uriuser' }, { PGSERVICEFILE: file, PGHOST: 'envhost' });
    assert.deepEqual([p.endpoints, p.database, p.user], [[{ host: 'svchost', port: 5555 }], 'svcdb', 'uriuser']);
    assert.throws(() => resolve({}, { PGSERVICEFILE: file, PGSERVICE: 'missing', PGSYSCONFDIR: dir }), /service "missing" not found/);
  });
  test('ports are matched to hosts', () => {
    assert.deepEqual(resolve({ url: 'postgres://a,b:6000/db' }).endpoints, [{ host: 'a', port: 5432 }, { host: 'b', port: 6000 }]);
    assert.deepEqual(resolve({ url: 'postgres:///db?host=a,b&port=7000' }).endpoints, [{ host: 'a', port: 7000 }, { host: 'b', port: 7000 }]);
    assert.throws(() => resolve({ url: 'postgres:///db?host=a,b,c&port=1,2' }), /could not match 2 port numbers to 3 hosts/);
  });
  test('PGDATESTYLE, PGTZ and PGGEQO are startup settings, as libpq sends them (not \'default\')', () => {
    assert.equal(resolve({}).startupSettings, undefined);
    const p = resolve({}, { PGDATESTYLE: 'Postgres, MDY', PGTZ: 'PST8PDT', PGGEQO: 'default' });
    assert.deepEqual(p.startupSettings, { datestyle: 'Postgres, MDY', timezone: 'PST8PDT' });
  });
  test('bad values are ConnectErrors', () => {
    assert.throws(() => resolve({ url: 'postgres://h:99999/db' }), ConnectError);
    assert.throws(() => resolve({ url: 'postgres://h/db?sslmode=sometimes' }), /invalid sslmode/);
  });
  test('the printable URL never holds the password', () => {
    const p = resolve({ url: 'postgres://u:topsecret@h:5/d' });
    const d = describeEndpoint(p, p.endpoints[0]!);
    assert.equal(d.url, 'postgres://u@h:5/d');
    assert.ok(!JSON.stringify(d).includes('topsecret'));
    assert.equal(describeEndpoint(p, { host: '/run/pg', port: 5432 }).url, 'postgres://u@/d?host=%2Frun%2Fpg');
  });
});

describe('postgres password file', () => {
  test('fields split on unescaped colons', () => {
    assert.deepEqual(splitPgpassLine('h:5432:d\\:b:u:pa\\\\ss:word'), ['h', '5432', 'd:b', 'u', 'pa\\ss:word']);
  });
  test('the first matching line wins, with wildcards; sockets match localhost', () => {
    const text = '# c\nother:*:*:*:no\nlocalhost:5432:*:alice:sock\n*:*:shop:*:wild\n*:*:*:*:last\n';
    assert.equal(matchPgpass(text, { host: '/tmp', port: 5432, database: 'x', user: 'alice' }), 'sock');
    assert.equal(matchPgpass(text, { host: 'db', port: 1, database: 'shop', user: 'bob' }), 'wild');
    assert.equal(matchPgpass(text, { host: 'db', port: 1, database: 'z', user: 'bob' }), 'last');
    assert.equal(matchPgpass('h:1:d:u:p', { host: 'h', port: 2, database: 'd', user: 'u' }), undefined);
  });
  test('a file readable by group or others is ignored with the way out', () => {
    const f = join(dir, 'pgpass');
    writeFileSync(f, '*:*:*:*:pw\n');
    chmodSync(f, 0o644);
    const r = lookupPgpass(f, { host: 'h', port: 1, database: 'd', user: 'u' });
    assert.equal(r.kind, 'ignored');
    assert.match(r.kind === 'ignored' ? r.reason : '', /chmod 0600/);
    chmodSync(f, 0o600);
    assert.deepEqual(lookupPgpass(f, { host: 'h', port: 1, database: 'd', user: 'u' }), { kind: 'found', password: 'pw' });
  });
});
