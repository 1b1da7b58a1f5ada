/**
 * A catalog as the snapshot files hold it: the introspected CatalogData in a stable order, without what
 * changes from one run to the next (row estimates, sizes) or from one server to the next (databases and
 * schemas the fixture did not make, on a shared server).
 */
import type { CatalogData } from '../../../src/catalog/catalog-data.js';
import type { EngineId } from '../../../src/sql/dialect.js';

/** Schemas (MySQL: databases) the snapshot keeps; other ones on a shared server are someone else's. */
const KEEP_SCHEMAS: Readonly<Record<EngineId, readonly string[] | undefined>> = {
  postgres: undefined,
  mysql: ['information_schema', 'mysql', 'performance_schema', 'sys', 'sqlsh_shop', 'sqlsh_music', 'sqlsh_HR'],
  sqlite: undefined,
  duckdb: undefined,
};
const KEEP_DATABASES: Readonly<Record<EngineId, readonly string[] | undefined>> = {
  postgres: ['postgres', 'sqlsh_real'],
  mysql: KEEP_SCHEMAS.mysql,
  sqlite: undefined,
  duckdb: undefined,
};

const cmp = (...keys: string[]) => (a: Record<string, unknown>, b: Record<string, unknown>): number => {
  for (const k of keys) {
    const x = JSON.stringify(a[k] ?? '');
    const y = JSON.stringify(b[k] ?? '');
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

function sorted<T>(list: readonly T[], ...keys: string[]): T[] {
  return [...list].sort(cmp(...keys) as unknown as (a: T, b: T) => number);
}

export function stableCatalog(engine: EngineId, data: CatalogData): CatalogData {
  const schemaOk = (s: string): boolean => KEEP_SCHEMAS[engine]?.includes(s) ?? true;
  const keepDb = KEEP_DATABASES[engine];
  return {
    schemas: data.schemas.filter(schemaOk),
    searchPath: data.searchPath,
    relations: sorted(data.relations.filter((r) => schemaOk(r.schema)), 'schema', 'name').map((r) => {
      const { estimatedRows: _rows, sizeBytes: _size, ...rest } = r;
      return rest;
    }),
    foreignKeys: sorted(data.foreignKeys.filter((f) => schemaOk(f.schema)), 'schema', 'table', 'name', 'columns'),
    indexes: sorted(data.indexes.filter((i) => schemaOk(i.schema)), 'schema', 'table', 'name'),
    functions: sorted(data.functions.filter((f) => schemaOk(f.schema)), 'schema', 'name', 'kind', 'args'),
    datatypes: [...data.datatypes].sort(),
    ...(data.types ? { types: sorted(data.types.filter((t) => schemaOk(t.schema)), 'schema', 'name') } : {}),
    ...(data.tableNamesCaseSensitive !== undefined ? { tableNamesCaseSensitive: data.tableNamesCaseSensitive } : {}),
    databases: keepDb ? data.databases.filter((d) => keepDb.includes(d)) : data.databases,
    // the server's own roles and accounts; those other tests make on a shared server are theirs
    ...(data.roles ? { roles: data.roles.filter((r) => r === 'postgres' || /^pg_/.test(r) || /^'(root|mariadb\.sys)'@'localhost'$/.test(r)) } : {}),
    // the extension every PostgreSQL has installed (which others are there depends on the packages installed)
    ...(data.extensions ? { extensions: data.extensions.filter((e) => e.name === 'plpgsql') } : {}),
    // collations: PostgreSQL's own (the ICU and libc ones depend on the machine); MariaDB's for the common character sets
    ...(data.collations ? { collations: sorted(data.collations.filter((c) => engine === 'postgres' ? ['C', 'POSIX', 'default', 'ucs_basic'].includes(c.name) : ['utf8mb4', 'utf8mb3', 'latin1', 'ascii', 'binary'].includes(c.charset ?? '')), 'name') } : {}),
    ...(data.charsets ? { charsets: [...data.charsets].sort() } : {}),
    ...(data.sequences ? { sequences: sorted(data.sequences.filter((q) => schemaOk(q.schema)), 'schema', 'name') } : {}),
  };
}

/** The snapshot file's text: the stable catalog, pretty-printed. */
export function snapshotText(engine: EngineId, data: CatalogData): string {
  return `${JSON.stringify(stableCatalog(engine, data), null, 2)}\n`;
}
