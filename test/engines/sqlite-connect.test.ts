import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConnectError } from '../../src/core/errors.js';
import { sqliteEngine } from '../../src/engines/sqlite/sqlite-engine.js';
import { betterSqliteBinding } from '../../src/engines/sqlite/sqlite-native.js';
import { createRequire } from 'node:module';
import { collect, tempDir } from './sqlite-test-helpers.js';

describe('sqlite connect', () => {
  test('opens an in-memory database when the path is :memory:', async () => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: ':memory:' });
    try {
      assert.equal(conn.info.label, ':memory:');
      assert.equal(conn.info.file, ':memory:');
      assert.match(conn.info.serverVersion ?? '', /^3\.\d+\.\d+/);
      const r = await collect(conn, 'select 40 + 2');
      assert.deepEqual(r.rows, [[42]]);
    } finally {
      await conn.close();
    }
  });

  test('creates a missing file when its directory exists, with foreign keys on', async (t) => {
    const dir = tempDir(t);
    const path = join(dir, 'new.db');
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path });
    try {
      assert.equal(conn.info.label, 'new.db');
      assert.equal(conn.info.url, `sqlite:${path}`);
      assert.equal(conn.info.file, path);
      await collect(conn, 'create table t (x)');
      assert.ok(existsSync(path));
      assert.deepEqual((await collect(conn, 'pragma foreign_keys')).rows, [[1]]);
    } finally {
      await conn.close();
    }
  });

  test('a missing directory gives a ConnectError naming the path and the way out', async (t) => {
    const dir = tempDir(t);
    const path = join(dir, 'nope', 'x.db');
    await assert.rejects(sqliteEngine.connect({ engine: 'sqlite', path }), (e: unknown) => {
      assert.ok(e instanceof ConnectError);
      assert.match(e.message, /nope/);
      assert.match(e.message, /does not exist/);
      assert.match(e.message, /mkdir/);
      return true;
    });
    assert.equal(existsSync(join(dir, 'nope')), false);
  });

  test('a file without the SQLite header is rejected', async (t) => {
    const dir = tempDir(t);
    const path = join(dir, 'x.txt');
    writeFileSync(path, 'hello, this is not a database at all\n');
    await assert.rejects(sqliteEngine.connect({ engine: 'sqlite', path }), (e: unknown) => {
      assert.ok(e instanceof ConnectError);
      assert.match(e.message, /'.*x\.txt' is not a SQLite database/);
      return true;
    });
  });

  test('a directory is rejected', async (t) => {
    const dir = tempDir(t);
    const sub = join(dir, 'adir');
    mkdirSync(sub);
    await assert.rejects(sqliteEngine.connect({ engine: 'sqlite', path: sub }), /is a directory/);
  });

  test('read-only: a missing file is an error and writes fail', async (t) => {
    const dir = tempDir(t);
    await assert.rejects(sqliteEngine.connect({ engine: 'sqlite', path: join(dir, 'missing.db'), readOnly: true }), ConnectError);
    const path = join(dir, 'ro.db');
    const rw = await sqliteEngine.connect({ engine: 'sqlite', path });
    await collect(rw, 'create table t (x)');
    await rw.close();
    const ro = await sqliteEngine.connect({ engine: 'sqlite', path, readOnly: true });
    try {
      assert.equal(ro.info.readOnly, true);
      await assert.rejects(collect(ro, 'insert into t values (1)'), /readonly/);
      assert.deepEqual((await collect(ro, 'select count(*) from t')).rows, [[0]]);
    } finally {
      await ro.close();
    }
  });

  test('an empty file is an empty database', async (t) => {
    const dir = tempDir(t);
    const path = join(dir, 'empty.db');
    writeFileSync(path, '');
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path });
    try {
      assert.deepEqual((await collect(conn, 'select count(*) from sqlite_schema')).rows, [[0]]);
    } finally {
      await conn.close();
    }
  });

  test('execute after close fails clearly', async () => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: ':memory:' });
    await conn.close();
    await assert.rejects(collect(conn, 'select 1'), /closed/);
  });

  test('the addon handed to better-sqlite3 is the one it would find itself', () => {
    // better-sqlite3's own search (the bindings package), asked for the path instead of the module
    const require = createRequire(import.meta.url);
    const bindings = require('bindings') as (o: { bindings: string; path: boolean; module_root: string }) => string;
    const root = join(require.resolve('better-sqlite3'), '..', '..');
    assert.equal(betterSqliteBinding(), bindings({ bindings: 'better_sqlite3.node', path: true, module_root: root }));
  });
});
