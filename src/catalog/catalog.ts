/**
 * The immutable Catalog snapshot: the introspected CatalogData plus lookup indexes built once,
 * so completion never scans more than it must. Plain data in, frozen object out; no I/O.
 * Names are looked up by the engine's rule (PostgreSQL folds unquoted names to lower case and compares
 * exactly; MySQL compares table names exactly when lower_case_table_names = 0; SQLite and DuckDB ignore case).
 */
import type { SqlDialect } from '../sql/dialect.js';
import type { CatalogData, ColumnDef, ForeignKeyDef, FunctionDef, RelationDef, RelationKind, TypeDef } from './catalog-data.js';
import { EMPTY_CATALOG_DATA } from './catalog-data.js';
import { charMask } from './char-mask.js';

/** A relation with its lower-cased name precomputed (for matching). */
export interface IndexedRelation {
  readonly def: RelationDef;
  readonly lower: string;
  /** True when the relation's schema is in the search path (it may be written unqualified). */
  readonly visible: boolean;
  /** True for the engine's own relations (pg_catalog, information_schema, mysql, sys...): offered last. */
  readonly system: boolean;
}

/** Which parts of a written name were quoted (a quoted part is compared exactly in PostgreSQL). */
export interface NameQuoting {
  readonly name?: boolean;
  readonly schema?: boolean;
}

/** Schemas that belong to the engine, not the user. */
export const SYSTEM_SCHEMA = /^(pg_catalog|pg_toast|pg_temp.*|information_schema|mysql|performance_schema|sys|temp)$/i;
const TEMP_SCHEMA = /^(pg_temp_\d+|temp)$/i;

export interface Catalog {
  readonly data: CatalogData;
  readonly dialect: SqlDialect;
  /** False for the "not loaded yet" catalog: keywords and built-in functions still complete. */
  readonly loaded: boolean;
  /** Every relation, sorted by lower-cased name (then schema). */
  readonly relations: readonly IndexedRelation[];
  /** charMask of each relation's lower-cased name, parallel to `relations`. */
  readonly relationMasks: Uint32Array;
  /** Indexes into `relations`: the user's visible (search path) first, then the user's others, then system ones; shorter names first, then alphabetical. */
  readonly relationsByLength: readonly number[];
  /** Distinct column names of the user's relations on the search path (all the user's when none is), sorted by lower-cased name. */
  readonly columnNames: readonly string[];
  /** Function names: the catalog's and the dialect's built-ins, distinct, sorted. */
  readonly functionNames: readonly string[];
  /** The user's functions (outside system schemas), sorted by name. */
  readonly userFunctions: readonly FunctionDef[];
  /** The dialect's built-in function names that the user's functions do not shadow, sorted. */
  readonly builtinFunctionNames: readonly string[];
  /** Type names: the dialect's and the user-defined ones, distinct, sorted. */
  readonly datatypeNames: readonly string[];
  /** User-defined types with their schema (from `types`, else from the `datatypes` names). */
  readonly userTypes: readonly TypeDef[];
  readonly schemas: readonly string[];
  readonly databases: readonly string[];
  readonly roles: readonly string[];
  readonly extensions: readonly { readonly name: string; readonly installed: boolean }[];
  /** The normalized key of a written name: two names are the same object when their keys are equal. */
  identKey(written: string, quoted: boolean, what?: 'relation' | 'column'): string;
  /** The relations of one schema (by the engine's name rule), sorted by name. */
  relationsIn(schema: string, quoted?: boolean): readonly IndexedRelation[];
  /** True when `schema` names a schema of the catalog (by the engine's name rule). */
  hasSchema(schema: string, quoted?: boolean): boolean;
  /** True when the schema (stored name) is on the search path. */
  isVisibleSchema(schema: string): boolean;
  /** Resolve a possibly qualified name the way the engine would: schema given, else the search path, else any schema. */
  findRelation(name: string, schema?: string, quoted?: NameQuoting): RelationDef | undefined;
  /** The user's function named so (by the engine's rule), search path first. */
  findFunction(name: string, schema?: string, quoted?: NameQuoting): FunctionDef | undefined;
  /** Foreign keys whose referencing table is `rel`. */
  foreignKeysFrom(rel: RelationDef): readonly ForeignKeyDef[];
  /** Foreign keys that reference `rel`. */
  foreignKeysTo(rel: RelationDef): readonly ForeignKeyDef[];
  /** Functions of the catalog in one schema (for `schema.` completion). */
  functionsIn(schema: string, quoted?: boolean): readonly FunctionDef[];
  /** User-defined types of one schema. */
  typesIn(schema: string, quoted?: boolean): readonly TypeDef[];
  /** Table-valued functions of the catalog (kind 'table', or set-returning), for FROM. */
  readonly tableFunctions: readonly FunctionDef[];
  /** The signature(s) of the catalog's functions named `name` (case-insensitive; of `schema` only when given), e.g. '(integer) → integer'; undefined for built-ins the catalog does not list. */
  functionSignature(name: string, schema?: string): string | undefined;
}

/** One function's signature for a menu: '(integer, text) → bigint', 'aggregate (numeric) → numeric'. */
export function signatureOf(f: FunctionDef): string {
  const kind = f.kind === 'function' ? '' : `${f.kind} `;
  return `${kind}(${f.args ?? ''})${f.returns ? ` → ${f.returns}` : ''}`;
}

/** True for a function usable as a FROM item that yields rows: table functions, SETOF / TABLE results, known output columns. */
export function isSetReturning(f: FunctionDef): boolean {
  return f.kind === 'table' || (f.columns !== undefined && f.columns.length > 0) || /^\s*(setof|table)\b/i.test(f.returns ?? '');
}

/**
 * True for an engine's own function listed by the catalog: in a system schema, or listed without any
 * signature (SQLite and DuckDB list their built-ins so, in `main`; user functions and macros have arguments).
 */
export function isBuiltin(f: FunctionDef): boolean {
  return SYSTEM_SCHEMA.test(f.schema) || (f.args === undefined && f.returns === undefined && f.columns === undefined);
}

/** A function name that can be written as a call (SQLite lists its operators `->` and `->>` as functions). */
function callable(name: string): boolean {
  return /^[\p{L}_"`]/u.test(name);
}

/** Overloads joined, at most three shown. */
function signaturesOf(list: readonly FunctionDef[]): string {
  const distinct = [...new Set(list.map(signatureOf))];
  const shown = distinct.slice(0, 3).join(' | ');
  return distinct.length > 3 ? `${shown} | +${distinct.length - 3} more` : shown;
}

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

/**
 * The name rule of an engine: the key of a written name and of a stored one. PostgreSQL: unquoted names fold
 * to lower case, stored names are exact. MySQL: exact table names when case-sensitive. Otherwise lower case.
 */
function nameKeys(dialect: SqlDialect, tablesExact: boolean): {
  written: (name: string, quoted: boolean, what: 'relation' | 'column') => string;
  stored: (name: string, what: 'relation' | 'column') => string;
} {
  if (dialect.identifierFolding === 'lower') {
    return { written: (n, q) => (q ? n : n.toLowerCase()), stored: (n) => n };
  }
  if (tablesExact) {
    return {
      written: (n, _q, what) => (what === 'relation' ? n : n.toLowerCase()),
      stored: (n, what) => (what === 'relation' ? n : n.toLowerCase()),
    };
  }
  return { written: (n) => n.toLowerCase(), stored: (n) => n.toLowerCase() };
}

/** Types named in `datatypes` ('mood', 'sales.currency') when the richer `types` is absent. */
function typesFromNames(names: readonly string[], searchPath: readonly string[]): TypeDef[] {
  return names.map((n) => {
    const dot = n.lastIndexOf('.');
    return { schema: dot > 0 ? n.slice(0, dot) : (searchPath[0] ?? ''), name: dot > 0 ? n.slice(dot + 1) : n, kind: 'other' as const };
  });
}

const EMPTY: readonly never[] = Object.freeze([]);

/** Build the snapshot and its indexes once. The result is frozen; `data` is kept as given. */
export function buildCatalog(data: CatalogData, dialect: SqlDialect, loaded = true): Catalog {
  const keys = nameKeys(dialect, dialect.id === 'mysql' && data.tableNamesCaseSensitive === true);
  const skey = (schema: string): string => keys.stored(schema, 'relation');
  const searchKeys = data.searchPath.map(skey);
  const isVisible = (schema: string): boolean => schema === '' || searchKeys.length === 0 || searchKeys.includes(skey(schema));
  // The session's own temporary schema (PostgreSQL's pg_temp_N, SQLite's temp) is on its search path: its
  // tables are the user's; other sessions' temporary schemas are not.
  const isSystem = (schema: string): boolean => SYSTEM_SCHEMA.test(schema) && !(TEMP_SCHEMA.test(schema) && searchKeys.includes(skey(schema)));

  const relations: IndexedRelation[] = data.relations.map((def) =>
    Object.freeze({ def, lower: def.name.toLowerCase(), visible: isVisible(def.schema), system: isSystem(def.schema) || def.kind === 'system-table' }),
  );
  // a total order (MySQL may hold `Users` and `users` in one schema): the same catalog read twice ranks the same
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  relations.sort((a, b) => cmp(a.lower, b.lower) || cmp(a.def.schema, b.def.schema) || cmp(a.def.name, b.def.name));
  Object.freeze(relations);

  const relationMasks = Uint32Array.from(relations, (r) => charMask(r.lower));
  const group = (r: IndexedRelation): number => (r.system ? 2 : r.visible ? 0 : 1);
  const relationsByLength = Object.freeze(
    relations.map((_, i) => i).sort((a, b) => {
      const x = relations[a]!;
      const y = relations[b]!;
      return group(x) - group(y) || x.lower.length - y.lower.length || (x.lower < y.lower ? -1 : x.lower > y.lower ? 1 : a - b);
    }),
  );
  const bySchema = new Map<string, IndexedRelation[]>(); // schema key -> relations
  const byName = new Map<string, RelationDef[]>(); // name key -> defs (all schemas)
  for (const r of relations) {
    pushTo(bySchema, skey(r.def.schema), r);
    pushTo(byName, keys.stored(r.def.name, 'relation'), r.def);
  }
  const schemaKeys = new Set([...data.schemas.map(skey), ...bySchema.keys()]);

  const relKey = (rel: { schema: string; name: string }): string => `${skey(rel.schema)}\u0000${keys.stored(rel.name, 'relation')}`;
  const fkFrom = new Map<string, ForeignKeyDef[]>();
  const fkTo = new Map<string, ForeignKeyDef[]>();
  for (const fk of data.foreignKeys) {
    pushTo(fkFrom, relKey({ schema: fk.schema, name: fk.table }), fk);
    pushTo(fkTo, relKey({ schema: fk.refSchema, name: fk.refTable }), fk);
  }

  // the user's columns: a guess before FROM (`select na|`) is about the user's tables on the search path (the current
  // database), never the system catalogs'; other schemas' only when the path has no table
  const onPath = relations.some((r) => !r.system && isVisible(r.def.schema));
  const columnNames = Object.freeze(
    sortedDistinct((function* (): Generator<string> {
      for (const r of relations) if (!r.system && (!onPath || isVisible(r.def.schema))) for (const c of r.def.columns as readonly ColumnDef[]) yield c.name;
    })()),
  );
  const functionNames = Object.freeze(sortedDistinct([...dialect.functions, ...data.functions.map((f) => f.name)]));
  const userFunctions = Object.freeze([...data.functions].filter((f) => !isBuiltin(f)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  const userLower = new Set(userFunctions.map((f) => f.name.toLowerCase()));
  const builtinFunctionNames = Object.freeze(sortedDistinct([...dialect.functions, ...data.functions.filter(isBuiltin).map((f) => f.name)]).filter((f) => callable(f) && !userLower.has(f.toLowerCase())));
  const datatypeNames = Object.freeze(sortedDistinct([...dialect.datatypes, ...data.datatypes]));
  const userTypes = Object.freeze((data.types ?? typesFromNames(data.datatypes, data.searchPath)).filter((t) => !isSystem(t.schema)));
  const typesBySchema = new Map<string, TypeDef[]>();
  for (const t of userTypes) pushTo(typesBySchema, skey(t.schema), t);
  const fnBySchema = new Map<string, FunctionDef[]>();
  for (const f of data.functions) pushTo(fnBySchema, skey(f.schema), f);
  // sorted: the engine lists its functions in no fixed order (DuckDB), and equal-ranked candidates keep this order
  const tableFunctions = Object.freeze(
    data.functions.filter(isSetReturning).sort((a, b) => cmp(a.name, b.name) || cmp(a.schema, b.schema) || cmp(a.args ?? '', b.args ?? '')),
  );
  const fnByName = new Map<string, FunctionDef[]>();
  const fnByKey = new Map<string, FunctionDef[]>();
  for (const f of data.functions) {
    pushTo(fnByName, f.name.toLowerCase(), f);
    pushTo(fnByKey, keys.stored(f.name, 'relation'), f);
  }
  const signatures = new Map<string, string>();

  /** Among same-named objects, the one in `schema` if given, else the first on the search path, else any. */
  function resolve<T extends { readonly schema: string }>(list: readonly T[] | undefined, schema: string | undefined, schemaQuoted: boolean): T | undefined {
    if (!list || list.length === 0) return undefined;
    if (schema !== undefined) {
      const k = keys.written(schema, schemaQuoted, 'relation');
      return list.find((d) => skey(d.schema) === k);
    }
    for (const s of searchKeys) {
      const hit = list.find((d) => skey(d.schema) === s);
      if (hit) return hit;
    }
    return list.find((d) => !isSystem(d.schema)) ?? list[0];
  }

  const catalog: Catalog = {
    data,
    dialect,
    loaded,
    relations,
    relationsByLength,
    relationMasks,
    columnNames,
    functionNames,
    userFunctions,
    builtinFunctionNames,
    datatypeNames,
    userTypes,
    schemas: Object.freeze([...data.schemas]),
    databases: Object.freeze([...data.databases]),
    roles: Object.freeze([...(data.roles ?? [])]),
    extensions: Object.freeze([...(data.extensions ?? [])]),
    identKey: (written, quoted, what = 'relation') => keys.written(written, quoted, what),
    relationsIn: (schema, quoted = false) => bySchema.get(keys.written(schema, quoted, 'relation')) ?? EMPTY,
    hasSchema: (schema, quoted = false) => schemaKeys.has(keys.written(schema, quoted, 'relation')),
    isVisibleSchema: isVisible,
    findRelation(name, schema, quoted) {
      return resolve(byName.get(keys.written(name, quoted?.name === true, 'relation')), schema, quoted?.schema === true);
    },
    findFunction(name, schema, quoted) {
      return resolve(fnByKey.get(keys.written(name, quoted?.name === true, 'relation')), schema, quoted?.schema === true);
    },
    foreignKeysFrom: (rel) => fkFrom.get(relKey(rel)) ?? EMPTY,
    foreignKeysTo: (rel) => fkTo.get(relKey(rel)) ?? EMPTY,
    functionsIn: (schema, quoted = false) => fnBySchema.get(keys.written(schema, quoted, 'relation')) ?? EMPTY,
    typesIn: (schema, quoted = false) => typesBySchema.get(keys.written(schema, quoted, 'relation')) ?? EMPTY,
    tableFunctions,
    functionSignature(name, schema) {
      // `schema`: that schema's overloads only (a function of the same name elsewhere is another function)
      const lower = name.toLowerCase();
      const key = schema === undefined ? lower : `${schema}\u0000${lower}`;
      let sig = signatures.get(key);
      if (sig === undefined) {
        const all = fnByName.get(lower);
        const list = schema === undefined ? all : all?.filter((f) => f.schema === schema);
        if (!list || list.length === 0) return undefined;
        sig = signaturesOf(list);
        signatures.set(key, sig); // a memo of pure data: the catalog stays observably immutable
      }
      return sig;
    },
  };
  return Object.freeze(catalog);
}

/** The relation kinds a statement accepts (TRUNCATE: tables; DROP VIEW: views), as a test. */
export function kindIn(kinds: readonly RelationKind[] | undefined, kind: RelationKind): boolean {
  return kinds === undefined || kinds.includes(kind);
}

/** The catalog to use before introspection finishes: no objects, but the dialect's keywords, functions and types. */
export function emptyCatalog(dialect: SqlDialect): Catalog {
  return buildCatalog(EMPTY_CATALOG_DATA, dialect, false);
}
