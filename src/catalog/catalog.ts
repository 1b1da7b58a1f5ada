/**
 * The immutable Catalog snapshot: the introspected CatalogData plus lookup indexes built once,
 * so completion never scans more than it must. Plain data in, frozen object out; no I/O.
 */
import type { SqlDialect } from '../sql/dialect.js';
import type { CatalogData, ColumnDef, ForeignKeyDef, FunctionDef, RelationDef } from './catalog-data.js';
import { EMPTY_CATALOG_DATA } from './catalog-data.js';
import { charMask } from './char-mask.js';

/** A relation with its lower-cased name precomputed (for matching). */
export interface IndexedRelation {
  readonly def: RelationDef;
  readonly lower: string;
  /** True when the relation's schema is in the search path (it may be written unqualified). */
  readonly visible: boolean;
}

export interface Catalog {
  readonly data: CatalogData;
  readonly dialect: SqlDialect;
  /** False for the "not loaded yet" catalog: keywords and built-in functions still complete. */
  readonly loaded: boolean;
  /** Every relation, sorted by lower-cased name (then schema). */
  readonly relations: readonly IndexedRelation[];
  /** charMask of each relation's lower-cased name, parallel to `relations`. */
  readonly relationMasks: Uint32Array;
  /** Indexes into `relations`: visible (search path) first, then shorter names, then alphabetical (the empty-prefix order). */
  readonly relationsByLength: readonly number[];
  /** Distinct column names over all relations, sorted by lower-cased name. */
  readonly columnNames: readonly string[];
  /** Function names: the catalog's and the dialect's built-ins, distinct, sorted. */
  readonly functionNames: readonly string[];
  /** Type names: the dialect's and the user-defined ones, distinct, sorted. */
  readonly datatypeNames: readonly string[];
  readonly schemas: readonly string[];
  readonly databases: readonly string[];
  /** The relations of one schema (exact name, then case-insensitive), sorted by name. */
  relationsIn(schema: string): readonly IndexedRelation[];
  /** True when `schema` names a schema of the catalog (case-insensitive). */
  hasSchema(schema: string): boolean;
  /** Resolve a possibly qualified name the way the engine would: schema given, else the search path, else any schema. */
  findRelation(name: string, schema?: string): RelationDef | undefined;
  /** Foreign keys whose referencing table is `rel`. */
  foreignKeysFrom(rel: RelationDef): readonly ForeignKeyDef[];
  /** Foreign keys that reference `rel`. */
  foreignKeysTo(rel: RelationDef): readonly ForeignKeyDef[];
  /** Functions of the catalog in one schema (for `schema.` completion). */
  functionsIn(schema: string): readonly FunctionDef[];
  /** Table-valued functions of the catalog (kind 'table'), for FROM. */
  readonly tableFunctions: readonly FunctionDef[];
  /** The signature(s) of the catalog's functions named `name` (case-insensitive), e.g. '(integer) → integer'; undefined for built-ins the catalog does not list. */
  functionSignature(name: string): string | undefined;
}

/** One function's signature for a menu: '(integer, text) → bigint', 'aggregate (numeric) → numeric'. */
export function signatureOf(f: FunctionDef): string {
  const kind = f.kind === 'function' ? '' : `${f.kind} `;
  return `${kind}(${f.args ?? ''})${f.returns ? ` → ${f.returns}` : ''}`;
}

/** Overloads joined, at most three shown. */
function signaturesOf(list: readonly FunctionDef[]): string {
  const distinct = [...new Set(list.map(signatureOf))];
  const shown = distinct.slice(0, 3).join(' | ');
  return distinct.length > 3 ? `${shown} | +${distinct.length - 3} more` : shown;
}

const key = (schema: string, name: string): string => `${schema.toLowerCase()}\u0000${name.toLowerCase()}`;

function pushTo<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

function sortedDistinct(names: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const n of names) if (!seen.has(n)) seen.set(n, n.toLowerCase());
  return [...seen.entries()].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1)).map((e) => e[0]);
}

/** Prefer the exact spelling, else the first case-insensitive match. */
function pick<T extends { readonly name: string }>(list: readonly T[] | undefined, name: string): T | undefined {
  if (!list || list.length === 0) return undefined;
  return list.find((x) => x.name === name) ?? list[0];
}

/** Build the snapshot and its indexes once. The result is frozen; `data` is kept as given. */
export function buildCatalog(data: CatalogData, dialect: SqlDialect, loaded = true): Catalog {
  const searchLower = data.searchPath.map((s) => s.toLowerCase());
  const isVisible = (schema: string): boolean =>
    schema === '' || searchLower.length === 0 || searchLower.includes(schema.toLowerCase());

  const relations: IndexedRelation[] = data.relations.map((def) =>
    Object.freeze({ def, lower: def.name.toLowerCase(), visible: isVisible(def.schema) }),
  );
  relations.sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : a.def.schema < b.def.schema ? -1 : 1));
  Object.freeze(relations);

  const relationMasks = Uint32Array.from(relations, (r) => charMask(r.lower));
  const relationsByLength = Object.freeze(
    relations.map((_, i) => i).sort((a, b) => {
      const x = relations[a]!;
      const y = relations[b]!;
      return Number(y.visible) - Number(x.visible) || x.lower.length - y.lower.length || (x.lower < y.lower ? -1 : x.lower > y.lower ? 1 : a - b);
    }),
  );
  const bySchema = new Map<string, IndexedRelation[]>();
  const byName = new Map<string, RelationDef[]>(); // lower name -> defs (all schemas)
  const byKey = new Map<string, RelationDef[]>(); // schema+name lower -> defs
  for (const r of relations) {
    pushTo(bySchema, r.def.schema.toLowerCase(), r);
    pushTo(byName, r.lower, r.def);
    pushTo(byKey, key(r.def.schema, r.def.name), r.def);
  }
  const schemaSpelling = new Map<string, string[]>();
  for (const s of [...data.schemas, ...bySchema.keys()]) pushTo(schemaSpelling, s.toLowerCase(), s);

  const fkFrom = new Map<string, ForeignKeyDef[]>();
  const fkTo = new Map<string, ForeignKeyDef[]>();
  for (const fk of data.foreignKeys) {
    pushTo(fkFrom, key(fk.schema, fk.table), fk);
    pushTo(fkTo, key(fk.refSchema, fk.refTable), fk);
  }

  const columnNames = Object.freeze(
    sortedDistinct((function* (): Generator<string> {
      for (const r of data.relations) for (const c of r.columns as readonly ColumnDef[]) yield c.name;
    })()),
  );
  const functionNames = Object.freeze(sortedDistinct([...dialect.functions, ...data.functions.map((f) => f.name)]));
  const datatypeNames = Object.freeze(sortedDistinct([...dialect.datatypes, ...data.datatypes]));
  const fnBySchema = new Map<string, FunctionDef[]>();
  for (const f of data.functions) pushTo(fnBySchema, f.schema.toLowerCase(), f);
  const tableFunctions = Object.freeze(data.functions.filter((f) => f.kind === 'table'));
  const fnByName = new Map<string, FunctionDef[]>();
  for (const f of data.functions) pushTo(fnByName, f.name.toLowerCase(), f);
  const signatures = new Map<string, string>();
  const EMPTY: readonly never[] = Object.freeze([]);

  const catalog: Catalog = {
    data,
    dialect,
    loaded,
    relations,
    relationsByLength,
    relationMasks,
    columnNames,
    functionNames,
    datatypeNames,
    schemas: Object.freeze([...data.schemas]),
    databases: Object.freeze([...data.databases]),
    relationsIn: (schema) => bySchema.get(schema.toLowerCase()) ?? EMPTY,
    hasSchema: (schema) => schemaSpelling.has(schema.toLowerCase()),
    findRelation(name, schema) {
      if (schema !== undefined) return pick(byKey.get(key(schema, name)), name);
      const all = byName.get(name.toLowerCase());
      if (!all) return undefined;
      for (const s of searchLower) {
        const hit = pick(all.filter((d) => d.schema.toLowerCase() === s), name);
        if (hit) return hit;
      }
      return pick(all, name);
    },
    foreignKeysFrom: (rel) => fkFrom.get(key(rel.schema, rel.name)) ?? EMPTY,
    foreignKeysTo: (rel) => fkTo.get(key(rel.schema, rel.name)) ?? EMPTY,
    functionsIn: (schema) => fnBySchema.get(schema.toLowerCase()) ?? EMPTY,
    tableFunctions,
    functionSignature(name) {
      const lower = name.toLowerCase();
      let sig = signatures.get(lower);
      if (sig === undefined) {
        const list = fnByName.get(lower);
        if (!list) return undefined;
        sig = signaturesOf(list);
        signatures.set(lower, sig); // a memo of pure data: the catalog stays observably immutable
      }
      return sig;
    },
  };
  return Object.freeze(catalog);
}

/** The catalog to use before introspection finishes: no objects, but the dialect's keywords, functions and types. */
export function emptyCatalog(dialect: SqlDialect): Catalog {
  return buildCatalog(EMPTY_CATALOG_DATA, dialect, false);
}
