/**
 * Connection.backup on SQLite (native/sqlsh-backup.cc through sqlite-server.ts backup): SQLite's online
 * backup of a database into a file and back (the sqlite3 shell's .backup and .restore), inside a read
 * transaction too, on the main thread (a script's) and in the worker (the shell's); and Connection.loadExtension
 * (the sqlite3 shell's .load) there.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Connection } from '../../src/engines/engine.js';
import { sqliteEngine } from '../../src/engines/sqlite/sqlite-engine.js';
import { collect, tempDir } from './sqlite-test-helpers.js';

const hosts = {
  'the main thread': (path: string): Promise<Connection> => sqliteEngine.connect({ engine: 'sqlite', path }, { inThread: true }),
  'the worker': (path: string): Promise<Connection> => sqliteEngine.connect({ engine: 'sqlite', path }),
};

const dump = (file: string): string => spawnSync('sqlite3', [file, '.dump'], { encoding: 'utf8' }).stdout;

for (const [where, open] of Object.entries(hosts)) {
  describe(`Connection.backup on SQLite, on ${where}`, () => {
    test('a copy inside a read transaction, a copy back over main and over an attached database; errors in SQLite\'s words', async (t) => {
      const dir = tempDir(t);
      const conn = await open(join(dir, 'a.db'));
      try {
        for (const sql of ['create table t (x)', 'insert into t values (1), (2)', 'begin', 'select count(*) from t']) await collect(conn, sql);
        assert.deepEqual(await conn.backup!({ schema: 'main', file: join(dir, 'copy.db') }), {});
        assert.equal(conn.transactionStatus(), 'in-transaction');
        await collect(conn, 'commit');
        assert.match(dump(join(dir, 'copy.db')), /INSERT INTO t VALUES\(1\);\nINSERT INTO t VALUES\(2\);/);
        await collect(conn, 'drop table t');
        assert.deepEqual(await conn.backup!({ schema: 'main', file: join(dir, 'copy.db'), restore: true }), {});
        assert.deepEqual((await collect(conn, 'select count(*) from t')).rows, [[2]]);
        await collect(conn, `attach '${join(dir, 'aux.db')}' as aux`);
        assert.deepEqual(await conn.backup!({ schema: 'aux', file: join(dir, 'copy.db'), restore: true }), {});
        assert.deepEqual((await collect(conn, 'select count(*) from aux.t')).rows, [[2]]);
        assert.deepEqual(await conn.backup!({ schema: 'nope', file: join(dir, 'x.db') }), { error: 'unknown database nope' });
        assert.deepEqual(await conn.backup!({ schema: 'main', file: join(dir, 'no', 'x.db'), restore: true }), { error: 'cannot open' });
      } finally {
        await conn.close();
      }
    });
  });
}

for (const [where, open] of Object.entries(hosts)) {
  test(`Connection.loadExtension on SQLite, on ${where}: SQLite's error for a file that is not there`, async (t) => {
    const conn = await open(join(tempDir(t), 'a.db'));
    try {
      const r = await conn.loadExtension!(join(tempDir(t), 'nothing'));
      assert.match(r.error ?? '', /nothing\.so: cannot open shared object file/);
      assert.deepEqual((await collect(conn, 'select 1')).rows, [[1]]);
    } finally {
      await conn.close();
    }
  });
}
