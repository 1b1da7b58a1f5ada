/** Fixture: a music store catalog for each dialect (plain data, no database). */
import { buildCatalog, type Catalog } from '../../src/catalog/catalog.js';
import type { CatalogData, ColumnDef, ForeignKeyDef, RelationDef } from '../../src/catalog/catalog-data.js';
import type { EngineId, SqlDialect } from '../../src/sql/dialect.js';
import { duckdbDialect } from '../../src/sql/dialects/duckdb.js';
import { mysqlDialect } from '../../src/sql/dialects/mysql.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';

export const DIALECTS: Readonly<Record<EngineId, SqlDialect>> = {
  sqlite: sqliteDialect,
  postgres: postgresDialect,
  mysql: mysqlDialect,
  duckdb: duckdbDialect,
};

const col = (name: string, type = 'integer'): ColumnDef => ({ name, type, nullable: true });

function rel(schema: string, name: string, cols: readonly (string | [string, string])[], kind: RelationDef['kind'] = 'table'): RelationDef {
  const columns = cols.map((c) => (typeof c === 'string' ? col(c) : col(c[0], c[1])));
  return { schema, name, kind, columns, primaryKey: [columns[0]!.name] };
}

/** The default schema per engine. */
export const MAIN: Readonly<Record<EngineId, string>> = { sqlite: 'main', postgres: 'public', mysql: 'music', duckdb: 'main' };

export function musicData(engine: EngineId): CatalogData {
  const m = MAIN[engine];
  const relations: RelationDef[] = [
    rel(m, 'artists', ['artist_id', ['name', 'text']]),
    rel(m, 'albums', ['album_id', ['title', 'text'], 'artist_id', ['release_date', 'date']]),
    rel(m, 'tracks', ['track_id', ['name', 'text'], 'album_id', 'genre_id', 'milliseconds', ['unit_price', 'numeric']]),
    rel(m, 'genres', ['genre_id', ['name', 'text']]),
    rel(m, 'customers', ['customer_id', ['first_name', 'text'], ['last_name', 'text'], ['email', 'text'], ['country', 'text']]),
    rel(m, 'invoices', ['invoice_id', 'customer_id', ['invoice_date', 'date'], ['total', 'numeric']]),
    rel(m, 'invoice_items', ['invoice_item_id', 'invoice_id', 'track_id', ['unit_price', 'numeric'], 'quantity']),
    rel(m, 'employees', ['employee_id', ['last_name', 'text'], 'reports_to']),
    rel(m, 'order', ['order_id', ['status', 'text']]),
    rel(m, 'album_sales', ['album_id', ['revenue', 'numeric']], 'view'),
    rel('sales', 'orders', ['order_id', 'customer_id', ['amount', 'numeric']]),
    rel('sales', 'regions', ['region_id', ['region_name', 'text']]),
  ];
  if (engine === 'postgres') relations.push(rel(m, 'UserAccounts', ['UserId', ['Display Name', 'text'], ['email', 'text']]));
  const fk = (table: string, columns: string[], refTable: string, refColumns: string[], schema = m, refSchema = m): ForeignKeyDef =>
    ({ name: `${table}_${columns.join('_')}_fkey`, schema, table, columns, refSchema, refTable, refColumns });
  const foreignKeys: ForeignKeyDef[] = [
    fk('albums', ['artist_id'], 'artists', ['artist_id']),
    fk('tracks', ['album_id'], 'albums', ['album_id']),
    fk('tracks', ['genre_id'], 'genres', ['genre_id']),
    fk('invoices', ['customer_id'], 'customers', ['customer_id']),
    fk('invoice_items', ['invoice_id'], 'invoices', ['invoice_id']),
    fk('invoice_items', ['track_id'], 'tracks', ['track_id']),
    fk('employees', ['reports_to'], 'employees', ['employee_id']),
    fk('orders', ['customer_id'], 'customers', ['customer_id'], 'sales', m),
  ];
  return {
    schemas: engine === 'postgres' ? ['information_schema', 'pg_catalog', 'public', 'sales'] : [m, 'sales'],
    searchPath: [m],
    relations,
    foreignKeys,
    indexes: [],
    functions: [
      { schema: m, name: 'track_count', kind: 'function', args: 'integer', returns: 'integer' },
      { schema: 'sales', name: 'monthly_report', kind: 'table', args: 'integer' },
    ],
    datatypes: engine === 'postgres' ? ['mood'] : [],
    databases: ['music', 'warehouse', 'postgres_archive'],
  };
}

const cache = new Map<EngineId, Catalog>();
export function musicCatalog(engine: EngineId): Catalog {
  let c = cache.get(engine);
  if (!c) {
    c = buildCatalog(musicData(engine), DIALECTS[engine]);
    cache.set(engine, c);
  }
  return c;
}
