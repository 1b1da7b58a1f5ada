/**
 * The committed catalog snapshots are what the real engines return: each fixture is loaded into a real
 * server or file, introspected with sqlsh's engine code, and compared with catalog-<engine>.json.
 * When this fails after an intended introspection change, refresh them: node dist/test/complete/real/dump-catalogs.js
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CatalogData } from '../../../src/catalog/catalog-data.js';
import type { EngineId } from '../../../src/sql/dialect.js';
import { sharedMariadb } from '../../harness/mariadb-server.js';
import { sharedPostgres } from '../../harness/postgres-server.js';
import { withServer } from '../../harness/server-test.js';
import { openRealDatabase, REAL_ENGINES, releaseLine, snapshotPath, VERSIONS_PATH } from './real-databases.js';
import { snapshotText } from './stable-catalog.js';

const VERSIONS = JSON.parse(readFileSync(VERSIONS_PATH, 'utf8')) as Record<string, string>;

/** What does not depend on the engine's release: the fixture's own objects. */
function fixtureObjects(data: CatalogData): unknown {
  return {
    relations: data.relations.filter((r) => r.kind !== 'system-table').map((r) => [r.schema, r.name, r.kind, r.columns.map((c) => c.name), r.primaryKey]),
    foreignKeys: data.foreignKeys,
    types: data.types,
  };
}

const SERVER: Partial<Record<EngineId, () => Promise<unknown>>> = { postgres: sharedPostgres, mysql: sharedMariadb };

for (const engine of REAL_ENGINES) {
  test(`${engine}: the catalog snapshot is what the engine returns`, async (t) => {
    const server = SERVER[engine];
    if (server && !(await withServer(t, server))) return;
    const db = await openRealDatabase(engine);
    try {
      const fresh = snapshotText(engine, await db.connection.introspect());
      const saved = readFileSync(snapshotPath(engine), 'utf8');
      assert.ok(saved.length < 2_000_000, `snapshot of ${saved.length} bytes: keep it under 2 MB`);
      const line = releaseLine(engine, db.connection.info.serverVersion);
      if (line !== VERSIONS[engine]) {
        // built-ins differ between releases: only the fixture's objects must match
        t.diagnostic(`${engine} ${line} here, the snapshot was written by ${VERSIONS[engine]}: comparing the fixture's objects only`);
        assert.deepEqual(fixtureObjects(JSON.parse(fresh) as CatalogData), fixtureObjects(JSON.parse(saved) as CatalogData));
        return;
      }
      // compare as data for a readable diff, then as text (order and formatting too)
      assert.deepEqual(JSON.parse(fresh) as CatalogData, JSON.parse(saved) as CatalogData);
      assert.equal(fresh, saved);
    } finally {
      await db.close();
    }
  });
}

test('the snapshots hold what completion needs from each engine', () => {
  const load = (engine: EngineId): CatalogData => JSON.parse(readFileSync(snapshotPath(engine), 'utf8')) as CatalogData;
  const pg = load('postgres');
  const fn = (data: CatalogData, schema: string, name: string) => data.functions.find((f) => f.schema === schema && f.name === name);
  const kind = (data: CatalogData, schema: string, name: string) => data.relations.find((r) => r.schema === schema && r.name === name)?.kind;
  assert.deepEqual(pg.searchPath, ['pg_catalog', 'public', 'shop', 'custom']);
  assert.ok(pg.schemas.includes('custom') && pg.schemas.includes('Custom'));
  assert.ok(kind(pg, 'public', 'Users') === 'table' && kind(pg, 'public', 'users') === 'table');
  assert.equal(kind(pg, 'shop', 'monthly_sales'), 'materialized-view');
  assert.equal(kind(pg, 'shop', 'order_totals'), 'view');
  assert.deepEqual(fn(pg, 'shop', 'order_lines')?.columns?.map((c) => c.name), ['line_no', 'product_title', 'qty', 'amount']);
  assert.deepEqual(fn(pg, 'shop', 'recent_orders')?.columns?.map((c) => c.name), ['order_id', 'customer_id', 'status', 'ordered_at', 'ship_to']);
  assert.deepEqual(fn(pg, 'shop', 'addresses_of')?.columns?.map((c) => c.name), ['street', 'city', 'postCode', 'country']);
  assert.deepEqual(fn(pg, 'hr', 'reports_of')?.columns?.map((c) => c.name), ['emp_id', 'full_name', 'depth']);
  assert.equal(fn(pg, 'hr', 'reports_of')?.kind, 'table');
  // an unnamed OUT parameter is named as PostgreSQL names the result column
  assert.deepEqual(fn(pg, 'shop', 'price_bounds')?.columns?.map((c) => c.name), ['column1', 'max_price']);
  assert.equal(fn(pg, 'public', 'product')?.kind, 'aggregate');
  assert.equal(fn(pg, 'public', 'price_with_tax')?.columns, undefined);
  assert.deepEqual(pg.types?.filter((x) => x.schema === 'shop' && x.kind !== 'other').map((x) => `${x.name}:${x.kind}`),
    ['address:composite', 'email_address:domain', 'order_status:enum', 'price_range:range', 'quantity:domain']);
  assert.equal(pg.types?.find((x) => x.name === 'order_status')?.detail, "'pending', 'paid', 'shipped', 'cancelled'");
  const my = load('mysql');
  assert.equal(my.tableNamesCaseSensitive, true);
  assert.ok(kind(my, 'sqlsh_shop', 'Users') === 'table' && kind(my, 'sqlsh_shop', 'users') === 'table');
  assert.equal(kind(my, 'sqlsh_HR', 'Employees'), 'table');
  assert.ok(my.foreignKeys.some((f) => f.schema === 'sqlsh_shop' && f.refSchema === 'sqlsh_music'));
  const duck = load('duckdb');
  assert.deepEqual(fn(duck, 'shop', 'order_lines')?.columns?.map((c) => c.name), ['line_no', 'product_title', 'qty', 'amount']);
  assert.equal(fn(duck, 'shop', 'order_lines')?.kind, 'table');
  assert.deepEqual(duck.types?.map((x) => `${x.schema}.${x.name}:${x.kind}`), ['main.mood:enum', 'shop.address:composite', 'shop.order_status:enum']);
  const lite = load('sqlite');
  assert.equal(kind(lite, 'main', 'Big Spenders'), 'view');
  assert.ok(lite.foreignKeys.some((f) => f.table === 'shipments' && f.columns.length === 2));
});
