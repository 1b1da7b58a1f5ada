import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTarget, redactUrl, sniffFileEngine } from '../../src/engines/target.js';
import { UsageError } from '../../src/core/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-target-'));

describe('parseTarget', () => {
  test('no target: in-memory SQLite', () => {
    assert.deepEqual(parseTarget(undefined), { engine: 'sqlite', path: ':memory:' });
  });

  test('file extensions pick the engine; relative paths resolve against cwd', () => {
    assert.deepEqual(parseTarget('music.db', { cwd: dir }), { engine: 'sqlite', path: join(dir, 'music.db') });
    assert.equal(parseTarget('x.sqlite3', { cwd: dir }).engine, 'sqlite');
    assert.equal(parseTarget('x.duckdb', { cwd: dir }).engine, 'duckdb');
  });

  test('a file with the SQLite header is SQLite whatever its name', () => {
    const p = join(dir, 'data.bin');
    writeFileSync(p, Buffer.concat([Buffer.from('SQLite format 3\u0000', 'latin1'), Buffer.alloc(84)]));
    assert.equal(sniffFileEngine(p), 'sqlite');
    assert.deepEqual(parseTarget(p), { engine: 'sqlite', path: p });
  });

  test('an existing file that is no database is refused with the way out', () => {
    const p = join(dir, 'notes.txt');
    writeFileSync(p, 'hello');
    assert.throws(() => parseTarget(p), (e: unknown) => e instanceof UsageError && /neither a SQLite nor a DuckDB/.test(e.message) && /sqlite:/.test(e.message));
  });

  test('URIs', () => {
    assert.deepEqual(parseTarget('sqlite:a.db', { cwd: dir }), { engine: 'sqlite', path: join(dir, 'a.db') });
    assert.deepEqual(parseTarget('sqlite:///tmp/a.db'), { engine: 'sqlite', path: '/tmp/a.db' });
    assert.deepEqual(parseTarget('duckdb::memory:'), { engine: 'duckdb', path: ':memory:' });
    assert.deepEqual(parseTarget('postgres://u@h/db'), { engine: 'postgres', url: 'postgres://u@h/db' });
    assert.equal(parseTarget('postgresql://h').engine, 'postgres');
    assert.equal(parseTarget('mysql://h').engine, 'mysql');
    assert.equal(parseTarget('mariadb://h').engine, 'mysql');
  });

  test("usql's short schemes are the engines' own", () => {
    assert.deepEqual(parseTarget('pgsql://u@h/db'), { engine: 'postgres', url: 'postgres://u@h/db' });
    assert.deepEqual(parseTarget('my://u@h:3307/db'), { engine: 'mysql', url: 'mysql://u@h:3307/db' });
    assert.deepEqual(parseTarget('maria://u@h/db'), { engine: 'mysql', url: 'mysql://u@h/db' });
    assert.deepEqual(parseTarget('sq:a.db', { cwd: dir }), { engine: 'sqlite', path: join(dir, 'a.db') });
    assert.deepEqual(parseTarget('dk:///tmp/a.duckdb'), { engine: 'duckdb', path: '/tmp/a.duckdb' });
  });

  test('unknown scheme lists the known ones and hides the password', () => {
    assert.throws(
      () => parseTarget('oracle://scott:tiger@h/db'),
      (e: unknown) => e instanceof UsageError && /known schemes/.test(e.message) && !e.message.includes('tiger'),
    );
  });

  test('saved connections by name, flags override', () => {
    const connections = new Map([['prod', { url: 'postgres://app@db/app' }]]);
    const t = parseTarget('prod', { connections, flags: { user: 'admin' } });
    assert.deepEqual(t, { engine: 'postgres', url: 'postgres://app@db/app', user: 'admin' });
  });

  test('flags alone select the server engine', () => {
    assert.deepEqual(parseTarget(undefined, { flags: { host: 'h', flagEngine: 'postgres' } }), { engine: 'postgres', host: 'h' });
    assert.deepEqual(parseTarget(undefined, { flags: { user: 'u', flagEngine: 'mysql' } }), { engine: 'mysql', user: 'u' });
  });

  test("with connection flags a bare name is the database, as psql's and the mysql client's DBNAME", () => {
    assert.deepEqual(parseTarget('shop', { cwd: dir, flags: { host: 'h', flagEngine: 'postgres' } }), { engine: 'postgres', host: 'h', database: 'shop' });
    assert.deepEqual(parseTarget('shop', { cwd: dir, flags: { user: 'u', flagEngine: 'mysql' } }), { engine: 'mysql', user: 'u', database: 'shop' });
    // -d wins, as in psql; a file or a saved connection of that name is still that
    assert.deepEqual(parseTarget('shop', { cwd: dir, flags: { host: 'h', database: 'other', flagEngine: 'postgres' } }), { engine: 'postgres', host: 'h', database: 'other' });
  });

  test('psql -h HOST DBNAME USERNAME and -hHOST, on the command line', async () => {
    const { parseArgs } = await import('../../src/cli/args.js');
    const o = parseArgs(['-hdb.example', '-p', '5433', 'shop', 'alice']);
    assert.deepEqual([o.host, o.port, o.target, o.user, o.flagEngine], ['db.example', 5433, 'shop', 'alice', 'postgres']);
    assert.throws(() => parseArgs(['shop', 'other', 'more']), /at most one database target/);
  });

  test('with PGHOST (or PGPORT, PGUSER, PGDATABASE, PGSERVICE) set, a bare name is a PostgreSQL database, as `psql NAME`', () => {
    assert.deepEqual(parseTarget('shop', { cwd: dir, env: { PGHOST: 'db' } }), { engine: 'postgres', database: 'shop' });
    assert.throws(() => parseTarget('shop', { cwd: dir, env: {} }), /no file or saved connection named "shop".*sqlsh -h HOST shop/);
  });

  test('an unknown bare name says what a target can be', () => {
    assert.throws(() => parseTarget('nosuchthing', { cwd: dir }), /no file or saved connection named "nosuchthing"/);
  });

  test('redactUrl hides passwords', () => {
    assert.equal(redactUrl('postgres://alice:s3cret@h:5432/db'), 'postgres://alice:***@h:5432/db');
    assert.equal(redactUrl('mysql://h/db?password=s3cret&x=1'), 'mysql://h/db?password=***&x=1');
  });
});
