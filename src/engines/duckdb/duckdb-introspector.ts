/**
 * The DuckDB catalog from the duckdb_* table functions, on a second connection of the same instance,
 * one query per kind of object for the current database (user types with their labels or fields, table
 * macros with their output columns). A query that fails leaves its part empty.
 */
import { CancelledError } from '../../core/errors.js';
import type { CatalogData, ColumnDef, ForeignKeyDef, FunctionDef, IndexDef, RelationDef, TypeDef } from '../../catalog/catalog-data.js';
import type { DuckConn } from './duckdb-connection.js';
import { streamFailed, streamFailure } from './duckdb-errors.js';

type Raw = readonly unknown[];

/** DuckDB API values to plain JS: lists to arrays, bigints to numbers, other objects to their text. */
function js(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'object') {
    const items = (v as { items?: unknown[] }).items;
    if (Array.isArray(items)) return items.map(js);
    return String(v);
  }
  return v;
}
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : v === null || v === undefined || v === '' ? [] : [str(v)]);

async function rows(conn: DuckConn, sql: string): Promise<Raw[]> {
  const result = await conn.stream(sql);
  const out: Raw[] = [];
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) {
      if (streamFailed(result)) throw streamFailure(out.length); // not a part cut short
      break;
    }
    for (const r of chunk.getRows()) out.push(r.map(js));
  }
  return out;
}

const CUR = 'database_name = current_database()';
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * The output columns of the user's table macros: DuckDB knows them only by binding a call, so all the
 * calls are described in one query (each argument NULL); a macro that does not bind so is described
 * alone, and left without columns when that fails too.
 */
async function tableMacroColumns(q: (sql: string) => Promise<Raw[]>, functions: FunctionDef[]): Promise<FunctionDef[]> {
  const macros = functions.filter((f) => f.kind === 'table' && f.args !== undefined);
  if (macros.length === 0) return functions;
  const describe = (f: FunctionDef, i: number, withArgs = true): string => {
    const nulls = withArgs ? (f.args ?? '').split(',').filter((a) => a.trim() !== '').map(() => 'NULL').join(', ') : '';
    return `SELECT ${i} AS i, column_name, column_type FROM (DESCRIBE SELECT * FROM ${ident(f.schema)}.${ident(f.name)}(${nulls}))`;
  };
  let rows = await q(macros.map((f, i) => describe(f, i)).join(' UNION ALL '));
  if (rows.length === 0) {
    // one by one; parameters with defaults (`n := 10`) are named, so also try the call without arguments
    rows = [];
    for (const [i, f] of macros.entries()) {
      const one = await q(describe(f, i));
      rows.push(...(one.length > 0 ? one : await q(describe(f, i, false))));
    }
  }
  const columns = new Map<FunctionDef, { name: string; type: string }[]>();
  for (const r of rows) {
    const f = macros[Number(r[0])];
    if (!f) continue;
    const list = columns.get(f) ?? [];
    list.push({ name: str(r[1]), type: str(r[2]) });
    columns.set(f, list);
  }
  return functions.map((f) => (columns.has(f) ? { ...f, columns: columns.get(f)! } : f));
}

export async function introspectDuckdb(connect: () => Promise<DuckConn>, signal?: AbortSignal): Promise<CatalogData> {
  if (signal?.aborted) throw new CancelledError();
  const conn = await connect();
  const onAbort = (): void => conn.interrupt();
  signal?.addEventListener('abort', onAbort, { once: true });
  const q = async (sql: string): Promise<Raw[]> => {
    try {
      return await rows(conn, sql);
    } catch {
      if (signal?.aborted) throw new CancelledError();
      return [];
    }
  };
  try {
    const schemas = (await q(`SELECT schema_name FROM duckdb_schemas() WHERE ${CUR} ORDER BY 1`)).map((r) => str(r[0]));
    const pathRow = (await q("SELECT current_schema(), current_setting('search_path')"))[0] ?? ['main', ''];
    const searchPath = [...new Set([str(pathRow[0]) || 'main', ...str(pathRow[1]).split(',').map((s) => s.trim()).filter((s) => s && !s.includes('.'))])];
    const tables = await q(`SELECT schema_name, table_name, estimated_size, comment FROM duckdb_tables() WHERE ${CUR} AND NOT internal`);
    const views = await q(`SELECT schema_name, view_name, comment FROM duckdb_views() WHERE ${CUR} AND NOT internal`);
    const columns = await q(`SELECT schema_name, table_name, column_name, data_type, is_nullable, column_default, comment
      FROM duckdb_columns() WHERE ${CUR} AND NOT internal ORDER BY schema_name, table_name, column_index`);
    const constraints = await q(`SELECT schema_name, table_name, constraint_type, constraint_column_names, constraint_name,
        referenced_table, referenced_column_names
      FROM duckdb_constraints() WHERE ${CUR} AND constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE') ORDER BY constraint_index`);
    const indexRows = await q(`SELECT schema_name, table_name, index_name, is_unique, is_primary, expressions, sql FROM duckdb_indexes() WHERE ${CUR}`);
    const userFns = await q(`SELECT schema_name, function_name, function_type, parameters, parameter_types, return_type
      FROM duckdb_functions() WHERE ${CUR} AND NOT internal`);
    // One kind per name (the first row): in a fixed order, a scalar or aggregate before a table
    // function of the same name (FROM range(...) is known to completion anyway: builtin-table-functions).
    const builtinFns = await q(`SELECT DISTINCT schema_name, function_name, function_type FROM duckdb_functions()
      WHERE internal AND function_type IN ('scalar', 'aggregate', 'table', 'macro', 'table_macro')
      ORDER BY schema_name, function_name, function_type IN ('table', 'table_macro'), function_type`);
    // `labels` is recent (1.1); without it enums have no detail
    let types = await q(`SELECT schema_name, type_name, logical_type, labels FROM duckdb_types() WHERE ${CUR} AND NOT internal ORDER BY 1, 2`);
    if (types.length === 0) types = await q(`SELECT schema_name, type_name, logical_type, NULL FROM duckdb_types() WHERE ${CUR} AND NOT internal ORDER BY 1, 2`);
    const databases = (await q('SELECT database_name FROM duckdb_databases() WHERE NOT internal ORDER BY 1')).map((r) => str(r[0]));
    const sequences = (await q('SELECT schema_name, sequence_name FROM duckdb_sequences() ORDER BY 1, 2').catch(() => [] as unknown[][])).map((r) => Object.freeze({ schema: str(r[0]), name: str(r[1]) }));

    const key = (s: string, t: string): string => `${s}\u0000${t}`;
    const cols = new Map<string, ColumnDef[]>();
    for (const r of columns) {
      const k = key(str(r[0]), str(r[1]));
      const def = r[5] === null ? undefined : str(r[5]);
      const comment = r[6] === null || r[6] === '' ? undefined : str(r[6]);
      const arr = cols.get(k) ?? [];
      arr.push({ name: str(r[2]), type: str(r[3]), nullable: r[4] === true, ...(def !== undefined ? { default: def } : {}), ...(comment ? { comment } : {}) });
      cols.set(k, arr);
    }
    const pks = new Map<string, string[]>();
    const foreignKeys: ForeignKeyDef[] = [];
    const indexes: IndexDef[] = [];
    for (const r of constraints) {
      const [schema, table, type] = [str(r[0]), str(r[1]), str(r[2])];
      const columnsOf = list(r[3]);
      const name = r[4] === null ? undefined : str(r[4]);
      if (type === 'PRIMARY KEY') {
        pks.set(key(schema, table), columnsOf);
        indexes.push({ schema, table, name: name ?? `${table}_pkey`, columns: columnsOf, unique: true, primary: true });
      } else if (type === 'UNIQUE') {
        indexes.push({ schema, table, name: name ?? `${table}_${columnsOf.join('_')}_key`, columns: columnsOf, unique: true, primary: false, constraint: true });
      } else {
        foreignKeys.push({ ...(name ? { name } : {}), schema, table, columns: columnsOf, refSchema: schema, refTable: str(r[5]), refColumns: list(r[6]) });
      }
    }
    for (const r of indexRows) {
      const expr = r[5];
      const exprs = Array.isArray(expr) ? expr.map(str) : str(expr).replace(/^\[|\]$/g, '').split(',').map((s) => s.trim()).filter(Boolean);
      const sql = r[6] === null ? undefined : str(r[6]);
      indexes.push({ schema: str(r[0]), table: str(r[1]), name: str(r[2]), columns: exprs.map((e) => e.replace(/^'(.*)'$/, '$1')), unique: r[3] === true, primary: r[4] === true, ...(sql ? { definition: sql } : {}) });
    }
    const relations: RelationDef[] = [
      ...tables.map((r): RelationDef => {
        const [schema, name] = [str(r[0]), str(r[1])];
        const comment = r[3] === null || r[3] === '' ? undefined : str(r[3]);
        return { schema, name, kind: 'table', columns: cols.get(key(schema, name)) ?? [], primaryKey: pks.get(key(schema, name)) ?? [],
          ...(typeof r[2] === 'number' ? { estimatedRows: r[2] } : {}), ...(comment ? { comment } : {}) };
      }),
      ...views.map((r): RelationDef => {
        const [schema, name] = [str(r[0]), str(r[1])];
        const comment = r[2] === null || r[2] === '' ? undefined : str(r[2]);
        return { schema, name, kind: 'view', columns: cols.get(key(schema, name)) ?? [], primaryKey: [], ...(comment ? { comment } : {}) };
      }),
    ];
    const kindOf = (t: string): FunctionDef['kind'] => (t === 'aggregate' ? 'aggregate' : t === 'table' || t === 'table_macro' ? 'table' : 'function');
    const functions: FunctionDef[] = userFns.filter((r) => str(r[2]) !== 'pragma').map((r) => {
      const names = list(r[3]);
      const typesOf = list(r[4]);
      const args = names.map((n, i) => (typesOf[i] && typesOf[i] !== 'ANY' ? `${n} ${typesOf[i]}` : n)).join(', ');
      const returns = r[5] === null ? undefined : str(r[5]);
      return { schema: str(r[0]), name: str(r[1]), kind: kindOf(str(r[2])), args, ...(returns ? { returns } : {}) };
    });
    const seen = new Set(functions.map((f) => `${f.schema}.${f.name}`));
    for (const r of builtinFns) {
      const id = `${str(r[0])}.${str(r[1])}`;
      if (seen.has(id) || !/^[A-Za-z][A-Za-z0-9_]*$/.test(str(r[1]))) continue; // operators and __internal names
      seen.add(id);
      functions.push({ schema: str(r[0]), name: str(r[1]), kind: kindOf(str(r[2])) });
    }
    const datatypes = types.map((r) => (searchPath.includes(str(r[0])) ? str(r[1]) : `${str(r[0])}.${str(r[1])}`));
    // A struct type's fields, from typeof() of a typed NULL: all of them in one row of one query.
    const structs = types.filter((r) => str(r[2]) === 'STRUCT');
    const structTexts = structs.length === 0 ? [] : ((await q(`SELECT ${structs.map((r) => `typeof(NULL::${ident(str(r[0]))}.${ident(str(r[1]))})`).join(', ')}`))[0] ?? []);
    const fields = new Map(structs.map((r, i) => [r, str(structTexts[i]).replace(/^STRUCT\((.*)\)$/, '$1')]));
    const typeDefs: TypeDef[] = types.map((r) => {
      const logical = str(r[2]);
      const labels = list(r[3]);
      const kind: TypeDef['kind'] = logical === 'ENUM' ? 'enum' : logical === 'STRUCT' ? 'composite' : 'other';
      const detail = kind === 'enum' && labels.length > 0 ? labels.map((l) => `'${l.replace(/'/g, "''")}'`).join(', ') : kind === 'other' ? logical : fields.get(r) || undefined;
      return { schema: str(r[0]), name: str(r[1]), kind, ...(detail ? { detail } : {}) };
    });
    const withColumns = await tableMacroColumns(q, functions);
    return Object.freeze({ schemas, searchPath, relations, foreignKeys, indexes, functions: withColumns, datatypes, types: typeDefs, databases, sequences });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    conn.closeSync();
  }
}
