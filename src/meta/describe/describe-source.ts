/** What a describe command works from: a fresh catalog, the engine's extras, and a querier. */
import { specialSetting } from '../../sql/special-variables.js';
import { parseBoolean } from '../../sql/variables.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { RelationDef } from '../../catalog/catalog-data.js';
import type { MetaContext } from '../meta-command.js';
import { engineExtras, type EngineExtras } from './engine-extras.js';
import { querier, type Querier } from './query-rows.js';
import { compileNamePattern } from './name-pattern.js';

export interface DescribeSource {
  readonly catalog: Catalog;
  readonly extras: EngineExtras;
  readonly q: Querier;
  readonly engineName: string;
  readonly system: boolean;
  readonly plus: boolean;
  /** The database connected to (psql refuses a PATTERN that names another). */
  readonly database?: string;
  /** psql's HIDE_TABLEAM: no access method in \\d+ and the + lists. */
  readonly hideTableAm?: boolean;
}

/** The catalog as it is now: in scripts it is re-read (DDL may have just run), interactively the latest snapshot. */
export async function describeSource(ctx: MetaContext): Promise<DescribeSource> {
  const s = ctx.session;
  let catalog: Catalog | undefined;
  if (s.interactive) catalog = await s.catalogReady();
  else {
    await s.refreshCatalog();
    catalog = s.catalog;
  }
  if (!catalog) {
    const data = await s.connection.introspect(ctx.opts.signal); // throws with the engine's reason
    const { buildCatalog } = await import('../../catalog/catalog.js');
    catalog = buildCatalog(data, s.dialect);
  }
  return {
    catalog,
    extras: await engineExtras(s.connection.info.engine),
    q: querier(s.connection, ctx.opts.signal),
    engineName: s.dialect.name,
    system: ctx.system,
    plus: ctx.plus,
    ...(s.connection.info.engine === 'postgres' && s.connection.info.database !== undefined ? { database: s.connection.info.database } : {}),
    ...(parseBoolean(specialSetting(s.variables, 'HIDE_TABLEAM')) === true ? { hideTableAm: true } : {}),
  };
}

/** True for objects hidden without S: system schemas, system tables, SQLite's sqlite_* tables. */
export function isSystem(src: DescribeSource, schema: string, name: string, kind?: string): boolean {
  if (kind === 'system-table') return true;
  if (src.extras.systemSchemas.includes(schema.toLowerCase())) return true;
  // other sessions' temporary schemas; this session's own is on its search path (psql lists its tables)
  if (/^pg_temp_|^pg_toast/.test(schema)) return !src.catalog.data.searchPath.includes(schema);
  return src.catalog.dialect.id === 'sqlite' && /^sqlite_/i.test(name);
}

/** psql's order of listed and described objects: schema, then name. */
export function bySchemaThenName(x: { readonly schema: string; readonly name: string }, y: { readonly schema: string; readonly name: string }): number {
  return x.schema < y.schema ? -1 : x.schema > y.schema ? 1 : x.name < y.name ? -1 : x.name > y.name ? 1 : 0;
}

/**
 * Filter (schema, name) items by a psql pattern and the S modifier. No schema in the pattern: visible schemas only.
 * `patternShowsSystem`: psql's rule for relations (\\dt pg_class, \\d pg_cl*): on PostgreSQL a pattern finds system
 * objects too, where the search path reaches them (pg_catalog's, not information_schema's).
 */
export function matchByPattern<T>(
  src: DescribeSource,
  items: readonly T[],
  key: (t: T) => { schema: string; name: string; kind?: string; visible?: boolean },
  pattern: string | undefined,
  patternShowsSystem = false,
  /** PostgreSQL's relations, indexes, sequences and composite types (pg_class): listed where their name is first on the path. */
  classVisibility = patternShowsSystem,
): T[] {
  const withSystem = src.system || (patternShowsSystem && pattern !== undefined && src.extras.psqlVisibility === true);
  const search = src.catalog.data.searchPath.map((x) => x.toLowerCase());
  const visible = (schema: string): boolean => schema === '' || search.length === 0 || search.includes(schema.toLowerCase());
  const p = pattern === undefined ? undefined : compileNamePattern(pattern, src.database === undefined ? undefined : { maxParts: 3, database: src.database });
  const out = items.filter((t) => {
    const k = key(t);
    if (p?.schema) return p.schema.test(k.schema) && p.name.test(k.name);
    if (!withSystem && isSystem(src, k.schema, k.name, k.kind)) return false;
    if (p && !p.name.test(k.name)) return false;
    if (src.system && !src.extras.psqlVisibility) return true;
    // the server's pg_*_is_visible, where the item has it (PostgreSQL: \\dD's types)
    if (k.visible !== undefined && src.extras.psqlVisibility) return k.visible;
    // psql's pg_table_is_visible: a relation is listed only where its name is first found on the search path
    if (classVisibility && src.extras.psqlVisibility) return visible(k.schema) && (firstInPath(src.catalog).get(k.name) ?? k.schema) === k.schema;
    return visible(k.schema);
  });
  return out.sort((a, b) => bySchemaThenName(key(a), key(b)));
}

const FIRST_IN_PATH = new WeakMap<Catalog, ReadonlyMap<string, string>>();

/**
 * The schema each relation name is found in first on the search path (PostgreSQL: tables, views, indexes,
 * sequences and composite types share one namespace per schema, pg_class), so a name in an earlier schema
 * hides the same name in a later one.
 */
export function firstInPath(catalog: Catalog): ReadonlyMap<string, string> {
  const known = FIRST_IN_PATH.get(catalog);
  if (known) return known;
  const d = catalog.data;
  const bySchema = new Map<string, string[]>();
  const add = (schema: string, name: string): void => void (bySchema.get(schema) ?? bySchema.set(schema, []).get(schema)!).push(name);
  for (const r of d.relations) add(r.schema, r.name);
  for (const i of d.indexes) add(i.schema, i.name);
  for (const q of d.sequences ?? []) add(q.schema, q.name);
  for (const t of d.types ?? []) if (t.kind === 'composite') add(t.schema, t.name);
  const first = new Map<string, string>();
  for (const schema of d.searchPath) for (const name of bySchema.get(schema) ?? []) if (!first.has(name)) first.set(name, schema);
  FIRST_IN_PATH.set(catalog, first);
  return first;
}

/** 'main.tracks', or 'tracks' when the engine has no schemas. */
export function qualified(schema: string, name: string): string {
  return schema ? `${schema}.${name}` : name;
}

export const KIND_NAMES: Readonly<Record<RelationDef['kind'], string>> = {
  table: 'table',
  view: 'view',
  'materialized-view': 'materialized view',
  'foreign-table': 'foreign table',
  'system-table': 'system table',
  'table-function': 'table function',
};

/** Sizes like pg_size_pretty: '8192 bytes', '16 kB', '3 MB'. */
export function prettySize(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '';
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (i < units.length - 1 && Math.abs(v) >= 10240) {
    v = v / 1024;
    i++;
  }
  return `${Math.round(v)} ${units[i]}`;
}
