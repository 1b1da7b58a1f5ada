/**
 * Reads the whole catalog of an SQLite connection in a few queries per attached database: the
 * pragma table-valued functions joined with sqlite_schema, never one query per table (except as a
 * fallback when one broken object, such as a view over a dropped table, fails the joined query).
 * Runs inside the worker, on the session's own connection, so temp objects and attached databases
 * are visible.
 */
import type {
  CatalogData,
  ColumnDef,
  ForeignKeyDef,
  FunctionDef,
  IndexDef,
  RelationDef,
  RelationKind,
} from '../../catalog/catalog-data.js';

/** The part of a database handle the introspector needs: run a query, get raw rows (arrays). */
export interface SqliteQuerier {
  all(sql: string, params?: readonly unknown[]): unknown[][];
}

const WINDOW_ONLY = new Set([
  'row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile', 'lag', 'lead', 'first_value', 'last_value', 'nth_value',
]);

const SCHEMA_TABLE_COLUMNS: readonly ColumnDef[] = Object.freeze(
  [['type', 'text'], ['name', 'text'], ['tbl_name', 'text'], ['rootpage', 'int'], ['sql', 'text']].map(([name, type]) => ({
    name: name!,
    type: type!,
    nullable: true,
  })),
);

const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

interface RelRow {
  name: string;
  kind: RelationKind;
  columns: ColumnDef[];
  pk: Array<[number, string]>;
}

function readColumns(q: SqliteQuerier, schema: string, rels: Map<string, RelRow>): void {
  const add = (rel: RelRow | undefined, r: readonly unknown[]): void => {
    // r: name, type, notnull, dflt_value, pk, hidden
    if (!rel || Number(r[5]) === 1) return; // hidden columns of virtual tables
    const pk = Number(r[4]);
    const col: ColumnDef = { name: str(r[0]), type: str(r[1]), nullable: Number(r[2]) === 0 && pk === 0 };
    rel.columns.push(r[3] === null || r[3] === undefined ? col : { ...col, default: str(r[3]) });
    if (pk > 0) rel.pk.push([pk, str(r[0])]);
  };
  try {
    const rows = q.all(
      `SELECT m.name, c.name, c.type, c."notnull", c.dflt_value, c.pk, c.hidden
       FROM ${ident(schema)}.sqlite_schema AS m JOIN pragma_table_xinfo(m.name, ${literal(schema)}) AS c
       WHERE m.type IN ('table', 'view')`,
    );
    for (const r of rows) add(rels.get(str(r[0])), r.slice(1));
  } catch {
    // One object cannot be read (broken view, virtual table of a missing module): go one by one.
    for (const rel of rels.values()) {
      rel.columns.length = 0;
      rel.pk.length = 0;
      try {
        for (const r of q.all(`SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?, ?)`, [rel.name, schema])) {
          add(rel, r);
        }
      } catch {
        // leave this relation without columns
      }
    }
  }
}

function readForeignKeys(q: SqliteQuerier, schema: string, rels: Map<string, RelRow>): ForeignKeyDef[] {
  let rows: unknown[][];
  try {
    rows = q.all(
      `SELECT m.name, f.id, f."table", f."from", f."to", f.on_update, f.on_delete
       FROM ${ident(schema)}.sqlite_schema AS m JOIN pragma_foreign_key_list(m.name, ${literal(schema)}) AS f
       WHERE m.type = 'table'`, // rows come table by table, in key order: no sort needed
    );
  } catch {
    return [];
  }
  const byKey = new Map<string, { table: string; ref: string; from: string[]; to: Array<string | null>; upd: string; del: string }>();
  for (const r of rows) {
    const key = `${str(r[0])}\u0000${str(r[1])}`;
    let fk = byKey.get(key);
    if (!fk) {
      fk = { table: str(r[0]), ref: str(r[2]), from: [], to: [], upd: str(r[5]), del: str(r[6]) };
      byKey.set(key, fk);
    }
    fk.from.push(str(r[3]));
    fk.to.push(r[4] === null ? null : str(r[4]));
  }
  const out: ForeignKeyDef[] = [];
  for (const fk of byKey.values()) {
    // REFERENCES t without columns means t's primary key.
    const target = rels.get(fk.ref) ?? [...rels.values()].find((x) => x.name.toLowerCase() === fk.ref.toLowerCase());
    const pk = target ? [...target.pk].sort((a, b) => a[0] - b[0]).map((p) => p[1]) : [];
    const refColumns = fk.to.map((c, i) => c ?? pk[i] ?? 'rowid');
    out.push({
      schema,
      table: fk.table,
      columns: fk.from,
      refSchema: schema,
      refTable: target?.name ?? fk.ref,
      refColumns,
      onDelete: fk.del,
      onUpdate: fk.upd,
    });
  }
  return out;
}

function readIndexes(q: SqliteQuerier, schema: string): IndexDef[] {
  let rows: unknown[][];
  const sqlByName = new Map<string, string>();
  try {
    for (const r of q.all(`SELECT name, sql FROM ${ident(schema)}.sqlite_schema WHERE type = 'index' AND sql IS NOT NULL`)) {
      sqlByName.set(str(r[0]), str(r[1]));
    }
    rows = q.all(
      `SELECT m.name, il.name, il."unique", il.origin, ii.cid, ii.name
       FROM ${ident(schema)}.sqlite_schema AS m
       JOIN pragma_index_list(m.name, ${literal(schema)}) AS il
       JOIN pragma_index_info(il.name, ${literal(schema)}) AS ii
       WHERE m.type = 'table'`, // rows come index by index, in column order
    );
  } catch {
    return [];
  }
  const byName = new Map<string, { table: string; name: string; unique: boolean; primary: boolean; columns: string[] }>();
  for (const r of rows) {
    const name = str(r[1]);
    let ix = byName.get(name);
    if (!ix) {
      ix = { table: str(r[0]), name, unique: Number(r[2]) === 1, primary: r[3] === 'pk', columns: [] };
      byName.set(name, ix);
    }
    const cid = Number(r[4]);
    ix.columns.push(cid === -2 ? '<expression>' : cid === -1 ? 'rowid' : str(r[5]));
  }
  return [...byName.values()].map((ix) => {
    const definition = sqlByName.get(ix.name);
    return definition === undefined ? { schema, ...ix } : { schema, ...ix, definition };
  });
}

function readStats(q: SqliteQuerier, schema: string, rels: Map<string, RelRow>): Map<string, number> {
  const counts = new Map<string, number>();
  if (!rels.has('sqlite_stat1')) return counts;
  try {
    for (const r of q.all(`SELECT tbl, stat FROM ${ident(schema)}.sqlite_stat1`)) {
      const n = Number.parseInt(str(r[1]), 10);
      if (Number.isFinite(n)) counts.set(str(r[0]), Math.max(n, counts.get(str(r[0])) ?? 0));
    }
  } catch {
    // statistics are optional
  }
  return counts;
}

function readFunctions(q: SqliteQuerier): FunctionDef[] {
  const seen = new Map<string, FunctionDef>();
  let rows: unknown[][] = [];
  try {
    rows = q.all(`SELECT name, type, narg FROM pragma_function_list ORDER BY name`);
  } catch {
    return [];
  }
  for (const r of rows) {
    const name = str(r[0]);
    const t = str(r[1]);
    const kind: FunctionDef['kind'] = t === 'a' ? 'aggregate' : t === 'w' ? (WINDOW_ONLY.has(name) ? 'window' : 'aggregate') : 'function';
    if (!seen.has(`${name}/${kind}`)) seen.set(`${name}/${kind}`, { schema: 'main', name, kind });
  }
  return [...seen.values()];
}

/** Reads the catalog. `checkpoint` is called between queries and may throw to stop early (cancel). */
export function introspectSqlite(q: SqliteQuerier, checkpoint: () => void = () => {}): CatalogData {
  const attached = q.all('PRAGMA database_list').map((r) => str(r[1]));
  const hasTemp = Number(q.all('SELECT count(*) FROM temp.sqlite_schema')[0]?.[0] ?? 0) > 0;
  const others = attached.filter((s) => s !== 'main' && s !== 'temp');
  const schemas = ['main', ...(hasTemp ? ['temp'] : []), ...others];
  // SQLite resolves an unqualified name in temp first, then main, then attached databases in order.
  const searchPath = [...(hasTemp ? ['temp'] : []), 'main', ...others];
  const relations: RelationDef[] = [];
  const foreignKeys: ForeignKeyDef[] = [];
  const indexes: IndexDef[] = [];
  for (const schema of schemas) {
    checkpoint();
    const rels = new Map<string, RelRow>();
    for (const r of q.all(`SELECT name, type FROM ${ident(schema)}.sqlite_schema WHERE type IN ('table', 'view') ORDER BY name`)) {
      const name = str(r[0]);
      const kind: RelationKind = r[1] === 'view' ? 'view' : name.startsWith('sqlite_') ? 'system-table' : 'table';
      rels.set(name, { name, kind, columns: [], pk: [] });
    }
    checkpoint();
    readColumns(q, schema, rels);
    checkpoint();
    foreignKeys.push(...readForeignKeys(q, schema, rels));
    checkpoint();
    indexes.push(...readIndexes(q, schema));
    const stats = readStats(q, schema, rels);
    for (const rel of rels.values()) {
      const primaryKey = rel.pk.sort((a, b) => a[0] - b[0]).map((p) => p[1]);
      const est = stats.get(rel.name);
      const def: RelationDef = { schema, name: rel.name, kind: rel.kind, columns: rel.columns, primaryKey };
      relations.push(est === undefined ? def : { ...def, estimatedRows: est });
    }
    relations.push({ schema, name: 'sqlite_schema', kind: 'system-table', columns: SCHEMA_TABLE_COLUMNS, primaryKey: [] });
  }
  checkpoint();
  return { schemas, searchPath, relations, foreignKeys, indexes, functions: readFunctions(q), datatypes: [], types: [], databases: [] };
}
