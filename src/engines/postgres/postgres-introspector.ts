/**
 * The whole catalog in a few pg_catalog queries (never one per table), on a separate session so it
 * can run in the background while the user works. Each query stands alone: when one fails (catalogs
 * of PostgreSQL-compatible servers differ), the others still fill the CatalogData.
 */
import type { CatalogData, ColumnDef, ForeignKeyDef, FunctionDef, IndexDef, RelationDef, RelationKind, TypeDef } from '../../catalog/catalog-data.js';
import { isTypedText, type Value } from '../../core/result.js';
import type { PgClient } from './postgres-driver.js';
import type { PgSession } from './postgres-connection.js';

const NOT_TEMP = `n.nspname !~ '^pg_toast' and n.nspname !~ '^pg_temp_'`;
const USER_SCHEMA = `n.nspname not in ('pg_catalog', 'information_schema') and ${NOT_TEMP}`;

/** The main session's search_path setting and current_schemas(true) (its pg_temp_N first, once it has one). */
export interface SessionPath {
  readonly setting: string;
  readonly schemas: readonly string[];
}

const TEMP_SCHEMA = /^pg_temp_\d+$/;

/** The queries, seeing one temporary schema besides the rest (the main session's), when it has one. */
function queriesFor(tempSchema: string | undefined): typeof SQL {
  if (!tempSchema || !TEMP_SCHEMA.test(tempSchema)) return SQL;
  const withTemp = `n.nspname !~ '^pg_toast' and (n.nspname !~ '^pg_temp_' or n.nspname = '${tempSchema}')`;
  return Object.fromEntries(Object.entries(SQL).map(([k, v]) => [k, v.split(NOT_TEMP).join(withTemp)])) as typeof SQL;
}

const FN_COLUMNS = `coalesce(
        (select json_agg(json_build_object('name', a.name, 'type', format_type(a.type, null)) order by a.ord)
          from unnest(p.proallargtypes, p.proargmodes::text[], p.proargnames) with ordinality a(type, mode, name, ord)
          where a.mode in ('o', 'b', 't')),
        (select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) order by a.attnum)
          from pg_catalog.pg_type t join pg_catalog.pg_attribute a on a.attrelid = t.typrelid
          where t.oid = p.prorettype and t.typtype = 'c' and a.attnum > 0 and not a.attisdropped))::text`;

const SQL = {
  schemas: `select n.nspname from pg_catalog.pg_namespace n where ${NOT_TEMP} order by 1`,
  // Implicit schemas too (pg_catalog is searched even when not listed), but not the session's temp schema.
  searchPath: "select s from unnest(current_schemas(true)) s where left(s, 7) <> 'pg_temp'",
  relations: `select c.oid::int8, n.nspname, c.relname, c.relkind::text, c.reltuples::float8, d.description, pg_catalog.pg_get_userbyid(c.relowner), c.relpersistence = 'u'
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    left join pg_catalog.pg_description d on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0
    where c.relkind in ('r', 'v', 'm', 'f', 'p') and ${NOT_TEMP}`,
  // a collation only where it is not the type's own (as psql's \d shows it)
  columns: `select a.attrelid::int8, a.attnum::int, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
      pg_get_expr(ad.adbin, ad.adrelid, true), d.description, co.collname, a.attidentity::text, a.attgenerated::text
    from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    left join pg_catalog.pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
    left join pg_catalog.pg_type ty on ty.oid = a.atttypid
    left join pg_catalog.pg_collation co on co.oid = a.attcollation and a.attcollation <> ty.typcollation
    left join pg_catalog.pg_description d on d.objoid = a.attrelid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = a.attnum
    where c.relkind in ('r', 'v', 'm', 'f', 'p') and a.attnum > 0 and not a.attisdropped and ${NOT_TEMP}
    order by a.attrelid, a.attnum`,
  // column numbers are mapped to names with the columns query (cheaper than joining pg_attribute here)
  primaryKeys: `select con.conrelid::int8, array_to_string(con.conkey, ' ') from pg_catalog.pg_constraint con where con.contype = 'p'`,
  foreignKeys: `select con.conname, n.nspname, c.relname, fn.nspname, fc.relname,
      con.conrelid::int8, array_to_string(con.conkey, ' '), con.confrelid::int8, array_to_string(con.confkey, ' '),
      con.confdeltype::text, con.confupdtype::text
    from pg_catalog.pg_constraint con
    join pg_catalog.pg_class c on c.oid = con.conrelid join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    join pg_catalog.pg_class fc on fc.oid = con.confrelid join pg_catalog.pg_namespace fn on fn.oid = fc.relnamespace
    where con.contype = 'f' order by n.nspname, c.relname, con.conname`,
  // pg_get_indexdef is costly (about 50 us per index): only for expression and partial indexes
  indexes: `select n.nspname, t.relname, i.relname, x.indisunique, x.indisprimary,
      case when x.indexprs is not null or x.indpred is not null then pg_get_indexdef(x.indexrelid, 0, true) end,
      x.indrelid::int8, x.indkey::text,
      case when x.indexprs is not null then (select json_agg(pg_get_indexdef(x.indexrelid, k.ord::int, true) order by k.ord)
         from unnest(x.indkey::int2[]) with ordinality k(attnum, ord)) end,
      x.indisunique and not x.indisprimary and exists (select 1 from pg_catalog.pg_constraint k
        where k.conrelid = x.indrelid and k.conindid = x.indexrelid and k.contype = 'u'),
      i.relkind = 'I'
    from pg_catalog.pg_index x join pg_catalog.pg_class i on i.oid = x.indexrelid
    join pg_catalog.pg_class t on t.oid = x.indrelid join pg_catalog.pg_namespace n on n.oid = t.relnamespace
    where ${USER_SCHEMA}`,
  // Output columns of a function: its OUT / INOUT / TABLE parameters, else the fields of the composite (or table row) type it returns.
  functions: `select n.nspname, p.proname, p.prokind::text, p.proretset, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid),
      ${FN_COLUMNS}
    from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace where ${USER_SCHEMA}`,
  // PostgreSQL < 11 has no prokind
  functionsOld: `select n.nspname, p.proname, case when p.proisagg then 'a' when p.proiswindow then 'w' else 'f' end,
      p.proretset, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid), ${FN_COLUMNS}
    from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace where ${USER_SCHEMA}`,
  // servers that read pg_catalog but not the column query (PostgreSQL-compatible ones): functions without their columns
  functionsPlain: `select n.nspname, p.proname, 'f', p.proretset, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid), null
    from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace where ${USER_SCHEMA}`,
  // User-defined types, not the array types made for each of them nor the row types of tables.
  types: `select n.nspname, t.typname, t.typtype::text,
      case t.typtype
        when 'e' then (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder) from pg_catalog.pg_enum e where e.enumtypid = t.oid)
        when 'd' then format_type(t.typbasetype, t.typtypmod)
        when 'c' then (select string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', ' order by a.attnum)
          from pg_catalog.pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped)
        when 'r' then (select format_type(r.rngsubtype, null) from pg_catalog.pg_range r where r.rngtypid = t.oid)
      end
    from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
    left join pg_catalog.pg_class c on c.oid = t.typrelid
    where t.typtype <> 'p' and (t.typtype <> 'c' or c.relkind = 'c')
      and not exists (select 1 from pg_catalog.pg_type a where a.typarray = t.oid)
      and ${USER_SCHEMA} order by 1, 2`,
  databases: 'select datname from pg_catalog.pg_database where not datistemplate order by 1',
  roles: 'select rolname from pg_catalog.pg_roles order by 1',
  extensions: 'select name, installed_version is not null from pg_catalog.pg_available_extensions order by 1',
  // the collations the database's encoding can use (COLLATE |)
  collations: `select distinct collname from pg_catalog.pg_collation
    where collencoding in (-1, pg_catalog.pg_char_to_encoding(pg_catalog.getdatabaseencoding())) order by 1`,
  sequences: `select n.nspname, c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'S' and n.nspname <> 'pg_catalog' and n.nspname <> 'information_schema' and n.nspname !~ '^pg_toast' order by 1, 2`,
  // A role that may not read pg_description (comments) or pg_attrdef (defaults) still gets its tables and columns.
  relationsPlain: `select c.oid::int8, n.nspname, c.relname, c.relkind::text, c.reltuples::float8, null, pg_catalog.pg_get_userbyid(c.relowner), c.relpersistence = 'u'
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'v', 'm', 'f', 'p') and ${NOT_TEMP}`,
  columnsPlain: `select a.attrelid::int8, a.attnum::int, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, null, null, null
    from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'v', 'm', 'f', 'p') and a.attnum > 0 and not a.attisdropped and ${NOT_TEMP}
    order by a.attrelid, a.attnum`,
};

/**
 * What each query needs, and what is optional (issue 15). Required for completion: pg_namespace and
 * pg_class (tables, views), pg_attribute (columns), current_schemas() (search path). Optional, each on
 * its own and named in CatalogData.missing when refused: pg_description and pg_attrdef (comments and
 * defaults; relationsPlain/columnsPlain then), pg_constraint (keys), pg_index (indexes), pg_proc
 * (functions), pg_type/pg_enum/pg_range (types), pg_database (\l). CockroachDB's and YugabyteDB's own
 * pg_catalog answer the same queries; one they lack is optional in the same way.
 */
const OPTIONAL: Readonly<Record<string, string>> = {
  comments: 'comments and column defaults (pg_description, pg_attrdef)',
  primaryKeys: 'primary keys (pg_constraint)',
  foreignKeys: 'foreign keys (pg_constraint)',
  indexes: 'indexes (pg_index)',
  functions: 'functions (pg_proc)',
  types: 'user-defined types (pg_type)',
  databases: 'the list of databases (pg_database)',
};

/** The missing parts in one order (required ones first, then OPTIONAL's), not in the order two sessions happened to answer. */
function inFixedOrder(missing: readonly string[]): string[] {
  const optional = Object.values(OPTIONAL);
  return [...missing].sort((a, b) => optional.indexOf(a) - optional.indexOf(b));
}

const RELKIND: Readonly<Record<string, RelationKind>> = { r: 'table', p: 'table', v: 'view', m: 'materialized-view', f: 'foreign-table' };
const FK_ACTION: Readonly<Record<string, string>> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
const TYPE_KIND: Readonly<Record<string, TypeDef['kind']>> = { e: 'enum', c: 'composite', d: 'domain', r: 'range', b: 'base' };
const FN_KIND: Readonly<Record<string, FunctionDef['kind']>> = { a: 'aggregate', w: 'window', p: 'procedure', f: 'function' };

const str = (v: Value | undefined): string => (v === null || v === undefined ? '' : isTypedText(v) ? v.text : String(v));
const jsonList = (v: Value | undefined): string[] => {
  const t = str(v);
  return t ? (JSON.parse(t) as string[]) : [];
};

const jsonColumns = (v: Value | undefined): FunctionDef['columns'] | undefined => {
  const t = str(v);
  if (!t) return undefined;
  const list = JSON.parse(t) as { name: string | null; type: string }[];
  return Object.freeze(list.map((c, i) => Object.freeze({ name: c.name || `column${i + 1}`, type: c.type })));
};

async function rowsOf(client: PgClient, text: string): Promise<Value[][] | undefined> {
  try {
    return (await client.query({ text, rowMode: 'array' })).rows as Value[][];
  } catch {
    return undefined;
  }
}

/** Open a session with `open`, read the catalog, close the session. Throws only when aborted or when no session opens. */
export async function introspectPostgres(open: () => Promise<PgSession>, signal?: AbortSignal, path?: SessionPath): Promise<CatalogData> {
  signal?.throwIfAborted();
  // Two sessions: the big columns query runs beside all the others.
  const first = (await open()).client;
  const second = await open().then((s) => s.client, () => first);
  const clients = [...new Set([first, second])];
  const tempSchema = path?.schemas.find((s) => TEMP_SCHEMA.test(s));
  const SQL = queriesFor(tempSchema);
  const onAbort = (): void => {
    for (const c of clients) void c.end().catch(() => undefined);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  for (const c of clients) c.on('error', () => undefined);
  try {
    const q = async (client: PgClient, text: string): Promise<Value[][] | undefined> => {
      signal?.throwIfAborted();
      const r = await rowsOf(client, text);
      signal?.throwIfAborted();
      return r;
    };
    const missing: string[] = [];
    const need = <T>(rows: T | undefined, what: string): T | [] => {
      const words = OPTIONAL[what] ?? what;
      if (rows === undefined && !missing.includes(words)) missing.push(words);
      return rows ?? [];
    };
    if (path) {
      // The main session's path, so that defaults, types and index definitions read as they would there;
      // its temporary schema named first, as that session searches it first (nextval('t_id_seq'), not 'pg_temp_3.t_id_seq')
      const setting = tempSchema ? `${tempSchema}, ${path.setting}` : path.setting;
      for (const c of clients) await q(c, `select pg_catalog.set_config('search_path', '${setting.replace(/'/g, "''")}', false)`);
    }
    const big = (async () => {
      let rel = await q(second, SQL.relations);
      let col = await q(second, SQL.columns);
      if (rel === undefined || col === undefined) need(undefined, 'comments');
      rel ??= need(await q(second, SQL.relationsPlain), 'tables and views (pg_class)');
      col ??= need(await q(second, SQL.columnsPlain), 'columns (pg_attribute)');
      return [rel, col] as const;
    })();
    // If the other queries throw first (abort), `big` must not become an unhandled rejection.
    big.catch(() => undefined);
    const schemas = (await q(first, SQL.schemas))?.map((r) => str(r[0])) ?? [];
    const searchPath = path ? path.schemas.filter((s) => !/^pg_temp/.test(s) || s === tempSchema) : (await q(first, SQL.searchPath))?.map((r) => str(r[0])) ?? [];
    const pkRows = need(await q(first, SQL.primaryKeys), 'primaryKeys');
    const fkRows = need(await q(first, SQL.foreignKeys), 'foreignKeys');
    const ixRows = need(await q(first, SQL.indexes), 'indexes');
    const fnRows = need((await q(first, SQL.functions)) ?? (await q(first, SQL.functionsOld)) ?? (await q(first, SQL.functionsPlain)), 'functions');
    const typeRows = need(await q(first, SQL.types), 'types');
    const dbRows = need(await q(first, SQL.databases), 'databases');
    const roleRows = (await q(first, SQL.roles)) ?? []; // for completion only: not worth a note when hidden
    const seqRows = (await q(first, SQL.sequences)) ?? [];
    const extRows = (await q(first, SQL.extensions)) ?? []; // for completion only
    const collRows = (await q(first, SQL.collations)) ?? [];
    const [relRows, colRows] = await big;

    const columns = new Map<number, ColumnDef[]>();
    const attnames = new Map<number, Map<number, string>>();
    for (const [relid, attnum, name, type, notnull, expr, comment, collation, identity, generated] of colRows) {
      // the default as psql's \d shows it: an identity or a stored generated column says so
      const def = identity === 'a' ? 'generated always as identity' : identity === 'd' ? 'generated by default as identity'
        : generated === 's' && expr !== null ? `generated always as (${str(expr)}) stored` : expr;
      const byNum = attnames.get(Number(relid)) ?? new Map<number, string>();
      byNum.set(Number(attnum), str(name));
      attnames.set(Number(relid), byNum);
      const list = columns.get(Number(relid)) ?? [];
      list.push(Object.freeze({ name: str(name), type: str(type), nullable: notnull !== true,
        ...(def !== null ? { default: str(def) } : {}), ...(comment !== null ? { comment: str(comment) } : {}),
        ...(collation !== null && collation !== undefined ? { collation: str(collation) } : {}) }));
      columns.set(Number(relid), list);
    }
    const names = (relid: Value | undefined, nums: Value | undefined): string[] =>
      str(nums).split(' ').filter((x) => x !== '').map((x) => attnames.get(Number(relid))?.get(Number(x)) ?? `#${x}`);
    const pks = new Map<number, string[]>(pkRows.map((r) => [Number(r[0]), names(r[0], r[1])]));
    const system = new Set(['pg_catalog', 'information_schema']);
    const relations: RelationDef[] = relRows.map(([oid, schema, name, kind, tuples, comment, owner, unlogged]) => Object.freeze({
      schema: str(schema), name: str(name),
      // a system schema's tables are system tables; its views stay views (psql's \d says View)
      kind: system.has(str(schema)) && (str(kind) === 'r' || str(kind) === 'p') ? 'system-table' : RELKIND[str(kind)] ?? 'table',
      columns: Object.freeze(columns.get(Number(oid)) ?? []),
      primaryKey: Object.freeze(pks.get(Number(oid)) ?? []),
      ...(comment !== null ? { comment: str(comment) } : {}),
      ...(typeof tuples === 'number' && tuples >= 0 ? { estimatedRows: tuples } : {}),
      ...(owner !== null && owner !== undefined ? { owner: str(owner) } : {}),
      ...(unlogged === true ? { unlogged: true } : {}),
      ...(str(kind) === 'p' ? { partitioned: true } : {}),
    }));
    relations.sort((a, b) => (a.schema === b.schema ? (a.name < b.name ? -1 : 1) : a.schema < b.schema ? -1 : 1));
    const foreignKeys: ForeignKeyDef[] = fkRows.map(([name, schema, table, refSchema, refTable, relid, cols, refRelid, refCols, del, upd]) => Object.freeze({
      name: str(name), schema: str(schema), table: str(table), refSchema: str(refSchema), refTable: str(refTable),
      columns: Object.freeze(names(relid, cols)), refColumns: Object.freeze(names(refRelid, refCols)),
      onDelete: FK_ACTION[str(del)] ?? 'NO ACTION', onUpdate: FK_ACTION[str(upd)] ?? 'NO ACTION',
    }));
    const indexes: IndexDef[] = ixRows.map(([schema, table, name, unique, primary, def, relid, keys, exprs, constraint, partitioned]) => {
      const exprList = jsonList(exprs);
      const cols = str(keys).split(' ').filter((x) => x !== '')
        .map((x, i) => (x === '0' ? exprList[i] ?? '?' : attnames.get(Number(relid))?.get(Number(x)) ?? `#${x}`));
      return Object.freeze({
        schema: str(schema), table: str(table), name: str(name), unique: unique === true, primary: primary === true,
        columns: Object.freeze(cols), ...(def !== null ? { definition: str(def) } : {}),
        ...(constraint === true ? { constraint: true } : {}),
        ...(partitioned === true ? { partitioned: true } : {}),
      });
    });
    const functions: FunctionDef[] = fnRows.map(([schema, name, kind, retset, args, returns, cols]) => {
      const columns = jsonColumns(cols);
      return Object.freeze({
        schema: str(schema), name: str(name),
        kind: retset === true && str(kind) === 'f' ? 'table' : FN_KIND[str(kind)] ?? 'function',
        args: str(args), ...(returns !== null ? { returns: str(returns) } : {}),
        ...(columns ? { columns } : {}),
      });
    });
    const visible = new Set(searchPath);
    const types: TypeDef[] = typeRows.map(([schema, name, kind, detail]) => Object.freeze({
      schema: str(schema), name: str(name), kind: TYPE_KIND[str(kind)] ?? 'other', ...(detail !== null && detail !== undefined ? { detail: str(detail) } : {}),
    }));
    const datatypes = types.map((t) => (visible.has(t.schema) ? t.name : `${t.schema}.${t.name}`));
    return Object.freeze({
      schemas: Object.freeze(schemas),
      searchPath: Object.freeze(searchPath),
      relations: Object.freeze(relations),
      foreignKeys: Object.freeze(foreignKeys),
      indexes: Object.freeze(indexes),
      functions: Object.freeze(functions),
      datatypes: Object.freeze(datatypes),
      types: Object.freeze(types),
      databases: Object.freeze(dbRows.map((r) => str(r[0]))),
      roles: Object.freeze(roleRows.map((r) => str(r[0]))),
      sequences: Object.freeze(seqRows.map((r) => Object.freeze({ schema: str(r[0]), name: str(r[1]) }))),
      extensions: Object.freeze(extRows.map((r) => Object.freeze({ name: str(r[0]), installed: r[1] === true || r[1] === 't' }))),
      collations: Object.freeze(collRows.map((r) => Object.freeze({ name: str(r[0]) }))),
      ...(missing.length ? { missing: Object.freeze(inFixedOrder(missing)) } : {}),
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}
