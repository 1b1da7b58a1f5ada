/** The acceptance checker itself: it reports what the engine rejects, and changes nothing it checks. */
import { after, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineId } from '../../../src/sql/dialect.js';
import { sharedMariadb } from '../../harness/mariadb-server.js';
import { sharedPostgres } from '../../harness/postgres-server.js';
import { withServer } from '../../harness/server-test.js';
import { acceptMode, checkAccepted } from './accept-check.js';
import { openRealDatabase, REAL_ENGINES, type RealDatabase } from './real-databases.js';

const SERVER: Partial<Record<EngineId, () => Promise<unknown>>> = { postgres: sharedPostgres, mysql: sharedMariadb };
const opened: RealDatabase[] = [];
after(async () => {
  for (const db of opened) await db.close();
});
async function open(t: TestContext, engine: EngineId): Promise<RealDatabase | undefined> {
  const server = SERVER[engine];
  if (server && !(await withServer(t, server))) return undefined;
  const db = await openRealDatabase(engine);
  opened.push(db);
  return db;
}

/** Per engine: [table with a column `title`, a DDL statement the engine must accept]. */
const SAMPLE: Readonly<Record<EngineId, { table: string; ddl: string; count: string }>> = {
  postgres: { table: 'shop.products', ddl: 'ALTER TABLE shop.products ADD COLUMN sqlsh_probe int', count: "SELECT count(*) FROM information_schema.columns WHERE column_name = 'sqlsh_probe'" },
  mysql: { table: 'products', ddl: 'ALTER TABLE products ADD COLUMN sqlsh_probe int', count: "SELECT count(*) FROM information_schema.columns WHERE column_name = 'sqlsh_probe'" },
  sqlite: { table: 'products', ddl: 'ALTER TABLE products ADD COLUMN sqlsh_probe int', count: "SELECT count(*) FROM pragma_table_info('products') WHERE name = 'sqlsh_probe'" },
  duckdb: { table: 'shop.products', ddl: 'ALTER TABLE shop.products ADD COLUMN sqlsh_probe int', count: "SELECT count(*) FROM duckdb_columns() WHERE column_name = 'sqlsh_probe'" },
};

async function scalar(db: RealDatabase, sql: string): Promise<number> {
  for await (const ev of db.connection.execute(sql)) {
    if (ev.type === 'rows') return Number(ev.rows[0]?.[0]);
  }
  throw new Error(`no row from ${sql}`);
}

for (const engine of REAL_ENGINES) {
  test(`${engine}: accepted, rejected, and nothing changed`, async (t) => {
    const db = await open(t, engine);
    if (!db) return;
    const { table, ddl, count } = SAMPLE[engine];
    assert.deepEqual(await checkAccepted(db.connection, engine, `SELECT title FROM ${table};`), { mode: acceptMode(engine, 'SELECT') });
    const bad = await checkAccepted(db.connection, engine, `SELECT no_such_column FROM ${table}`);
    assert.match(bad.error ?? '', /no_such_column/i, 'an unknown column is rejected with the engine\'s message');
    assert.ok((await checkAccepted(db.connection, engine, 'SELECT FROM WHERE')).error, 'a syntax error is rejected');
    const before = await scalar(db, `SELECT count(*) FROM ${table}`);
    assert.equal((await checkAccepted(db.connection, engine, `DELETE FROM ${table}`)).error, undefined);
    assert.equal(await scalar(db, `SELECT count(*) FROM ${table}`), before, 'DELETE was not run');
    assert.equal((await checkAccepted(db.connection, engine, ddl)).error, undefined);
    assert.equal(await scalar(db, count), 0, 'the DDL left nothing behind');
    if (engine !== 'mysql') {
      // names in DDL are checked where the DDL is compiled or run (MariaDB's PREPARE only parses it)
      assert.ok((await checkAccepted(db.connection, engine, `ALTER TABLE ${table} DROP COLUMN no_such_column`)).error);
    }
  });
}

test('statements PostgreSQL cannot run in a transaction are skipped, not run', () => {
  assert.equal(acceptMode('postgres', 'VACUUM shop.orders'), 'skip');
  assert.equal(acceptMode('postgres', 'CREATE DATABASE x'), 'skip');
  assert.equal(acceptMode('postgres', 'CREATE INDEX ON shop.orders (status)'), 'rolled-back');
  assert.equal(acceptMode('mysql', 'CREATE TABLE t (a int)'), 'prepare');
  assert.equal(acceptMode('mysql', 'WITH x AS (SELECT 1) SELECT * FROM x'), 'explain');
  assert.equal(acceptMode('duckdb', '/* c */ -- d\n  update t set a = 1'), 'explain');
});
