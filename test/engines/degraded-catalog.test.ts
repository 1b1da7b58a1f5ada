/**
 * The degraded catalog path (issue 15): sqlsh run as a PostgreSQL role that may not read pg_proc and
 * pg_description, and as a MariaDB user who sees one table and no routines, still connects, completes
 * its tables, and (PostgreSQL) says once, in words, what it could not read.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { sqlshPaths } from '../../src/config/paths.js';
import { engineById } from '../../src/engines/registry.js';
import type { Connection, ConnectionTarget } from '../../src/engines/engine.js';
import { complete } from '../../src/index.js';
import { Session } from '../../src/shell/session.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { sharedMariadb } from '../harness/mariadb-server.js';
import { withServer } from '../harness/server-test.js';

const home = mkdtempSync(join(tmpdir(), 'sqlsh-degraded-'));
after(() => rmSync(home, { recursive: true, force: true }));
const env = { HOME: home, PGPASSFILE: join(home, 'none') };

async function exec(conn: Connection, sql: string): Promise<void> {
  for await (const _ of conn.execute(sql)) void _;
}

async function open(target: ConnectionTarget): Promise<Connection> {
  return (await engineById(target.engine).load()).connect(target, { env });
}

/** A session as the shell holds it, its messages recorded. */
async function sessionOn(target: ConnectionTarget): Promise<{ session: Session; messages: string[] }> {
  const messages: string[] = [];
  const session = new Session({
    connection: await open(target),
    target,
    settings: DEFAULT_SETTINGS,
    interactive: true,
    paths: sqlshPaths({ HOME: home }),
    connections: new Map(),
    io: { stdout: { write: () => undefined }, message: (m) => void messages.push(m), error: (m) => void messages.push(`error: ${m}`) },
  });
  return { session, messages };
}

test('PostgreSQL: a role that may not read pg_proc and pg_description connects, completes its tables, and is told once what is missing', async (t) => {
  const pg = await withServer(t, sharedPostgres);
  if (!pg) return;
  const admin = await open({ engine: 'postgres', url: pg.url });
  await exec(admin, 'DROP DATABASE IF EXISTS sqlsh_degraded');
  await exec(admin, 'CREATE DATABASE sqlsh_degraded');
  await exec(admin, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sqlsh_limited') THEN CREATE ROLE sqlsh_limited LOGIN PASSWORD 'limited-pw'; END IF; END $$");
  const dbUrl = (user: string) => {
    const u = new URL(pg.url);
    u.pathname = '/sqlsh_degraded';
    if (user !== u.username) {
      u.username = user;
      u.password = 'limited-pw';
    }
    return u.toString();
  };
  const owner = await open({ engine: 'postgres', url: dbUrl(new URL(pg.url).username) });
  try {
    await exec(owner, 'CREATE TABLE warehouse_items (id int PRIMARY KEY, label text)');
    await exec(owner, "COMMENT ON TABLE warehouse_items IS 'hidden from the limited role'");
    await exec(owner, 'CREATE FUNCTION restock(n int) RETURNS int LANGUAGE sql AS $$ SELECT n $$');
    await exec(owner, 'GRANT SELECT ON warehouse_items TO sqlsh_limited');
    // Catalog privileges are per database: only this database's pg_proc and pg_description are closed.
    await exec(owner, 'REVOKE SELECT ON pg_catalog.pg_proc, pg_catalog.pg_description FROM PUBLIC');
    await owner.close();

    const { session, messages } = await sessionOn({ engine: 'postgres', url: dbUrl('sqlsh_limited') });
    try {
      const catalog = await session.catalogReady();
      assert.ok(catalog, `no catalog; messages: ${messages.join(' | ')}`);
      const names = complete('SELECT * FROM wareh', 19, catalog).map((c) => c.text);
      assert.ok(names.includes('warehouse_items'), `tables complete: ${names.join(', ')}`);
      const cols = complete('SELECT la FROM warehouse_items', 9, catalog).map((c) => c.text);
      assert.ok(cols.includes('label'), `columns complete: ${cols.join(', ')}`);
      const notes = messages.filter((m) => m.includes('note:'));
      assert.equal(notes.length, 1, messages.join('\n'));
      assert.match(notes[0]!, /without comments and column defaults \(pg_description, pg_attrdef\), functions \(pg_proc\)/);
      assert.ok(!messages.some((m) => m.startsWith('error:')), messages.join('\n'));
      // A second refresh on the same connection does not say it again.
      await session.refreshCatalog();
      assert.equal(messages.filter((m) => m.includes('note:')).length, 1);
    } finally {
      await session.close();
    }
  } finally {
    await exec(admin, 'DROP DATABASE IF EXISTS sqlsh_degraded WITH (FORCE)').catch(() => undefined);
    await exec(admin, 'DROP ROLE IF EXISTS sqlsh_limited').catch(() => undefined);
    await admin.close();
  }
});

test('MariaDB: a user who may read one table and no routines connects and completes that table, with no error', async (t) => {
  const db = await withServer(t, sharedMariadb);
  if (!db) return;
  const admin = await open({ engine: 'mysql', url: db.url });
  try {
    await exec(admin, 'CREATE TABLE IF NOT EXISTS depot_stock (id INT PRIMARY KEY, qty INT)');
    await exec(admin, 'CREATE TABLE IF NOT EXISTS depot_secret (id INT PRIMARY KEY)');
    await exec(admin, 'CREATE PROCEDURE IF NOT EXISTS depot_refill() SELECT 1');
    for (const host of ['127.0.0.1', 'localhost']) {
      await exec(admin, `CREATE USER IF NOT EXISTS 'sqlsh_lim'@'${host}' IDENTIFIED BY 'lim-pw'`);
      await exec(admin, `GRANT SELECT ON ${db.database}.depot_stock TO 'sqlsh_lim'@'${host}'`);
    }
    const url = `mysql://sqlsh_lim:lim-pw@127.0.0.1:${db.port}/${db.database}`;
    const { session, messages } = await sessionOn({ engine: 'mysql', url });
    try {
      const catalog = await session.catalogReady();
      assert.ok(catalog, messages.join(' | '));
      const names = complete('SELECT * FROM depot', 19, catalog).map((c) => c.text);
      assert.ok(names.includes('depot_stock'), names.join(', '));
      assert.ok(!names.includes('depot_secret'), 'information_schema hides what the user may not use');
      assert.ok(!complete('CALL depot', 10, catalog).some((c) => c.text === 'depot_refill'));
      assert.deepEqual(messages, [], 'information_schema filters instead of refusing: nothing to say');
    } finally {
      await session.close();
    }
  } finally {
    for (const host of ['127.0.0.1', 'localhost']) await exec(admin, `DROP USER IF EXISTS 'sqlsh_lim'@'${host}'`).catch(() => undefined);
    await exec(admin, 'DROP PROCEDURE IF EXISTS depot_refill').catch(() => undefined);
    await exec(admin, 'DROP TABLE IF EXISTS depot_stock, depot_secret').catch(() => undefined);
    await admin.close();
  }
});
