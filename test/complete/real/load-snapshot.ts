/** The catalog of a real database, from its committed snapshot (catalog-<engine>.json), ready for complete(). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogData } from '../../../src/catalog/catalog-data.js';
import { buildCatalog, type Catalog } from '../../../src/catalog/catalog.js';
import { duckdbDialect } from '../../../src/sql/dialects/duckdb.js';
import { mysqlDialect } from '../../../src/sql/dialects/mysql.js';
import { postgresDialect } from '../../../src/sql/dialects/postgres.js';
import { sqliteDialect } from '../../../src/sql/dialects/sqlite.js';
import type { EngineId, SqlDialect } from '../../../src/sql/dialect.js';

const DIALECT: Readonly<Record<EngineId, SqlDialect>> = {
  postgres: postgresDialect,
  mysql: mysqlDialect,
  sqlite: sqliteDialect,
  duckdb: duckdbDialect,
};
const cache = new Map<EngineId, Catalog>();

/** The snapshot's CatalogData as written by dump-catalogs. */
export function loadSnapshotData(engine: EngineId): CatalogData {
  const dir = new URL('../../../../test/complete/real/', import.meta.url);
  return JSON.parse(readFileSync(join(dir.pathname, `catalog-${engine}.json`), 'utf8')) as CatalogData;
}

export function loadSnapshot(engine: EngineId): Catalog {
  let catalog = cache.get(engine);
  if (!catalog) {
    catalog = buildCatalog(loadSnapshotData(engine), DIALECT[engine]);
    cache.set(engine, catalog);
  }
  return catalog;
}
