/**
 * The base tables a preview counts before and after a statement (all of the user's tables, so that
 * cascades and triggers into other tables show), per engine, through the Connection interface. On
 * MariaDB/MySQL a table whose storage engine cannot roll back refuses the preview.
 */
import type { Connection } from '../engines/engine.js';
import type { Value } from '../core/result.js';

export interface WatchedTable {
  /** As shown: bare in the current schema, schema.table elsewhere. */
  readonly name: string;
  /** Quoted, ready to put after FROM. */
  readonly ref: string;
}

const LIST_SQL: Record<string, string> = {
  sqlite: "select 'main', name, 1, '' from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name",
  postgres:
    "select table_schema, table_name, table_schema = current_schema(), '' from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2",
  duckdb:
    "select table_schema, table_name, table_schema = current_schema(), '' from information_schema.tables where table_type = 'BASE TABLE' and table_catalog = current_database() order by 1, 2",
  mysql:
    "select table_schema, table_name, 1, coalesce(engine, '') from information_schema.tables where table_type = 'BASE TABLE' and table_schema = database() order by 2",
};

/** Storage engines that take part in transactions (MariaDB/MySQL). */
const TRANSACTIONAL = new Set(['innodb', 'xtradb', 'ndbcluster', 'rocksdb']);

function text(v: Value | undefined): string {
  return v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? v.text : String(v);
}

export async function listTables(conn: Connection, signal?: AbortSignal): Promise<{ tables: readonly WatchedTable[]; refusal?: string }> {
  const sql = LIST_SQL[conn.dialect.id];
  if (!sql) return { tables: [] };
  const tables: WatchedTable[] = [];
  let refusal: string | undefined;
  for await (const e of conn.execute(sql, signal ? { signal } : {})) {
    if (e.type !== 'rows') continue;
    for (const r of e.rows) {
      const schema = text(r[0]);
      const name = text(r[1]);
      const current = r[2] === true || r[2] === 1 || r[2] === 1n || text(r[2]) === '1' || text(r[2]) === 'true';
      const engine = text(r[3]).toLowerCase();
      if (engine !== '' && !TRANSACTIONAL.has(engine)) refusal ??= `the table "${name}" uses the ${text(r[3])} storage engine, which cannot roll back`;
      const q = (n: string) => conn.dialect.quoteIdent(n);
      tables.push({ name: current ? name : `${schema}.${name}`, ref: conn.dialect.id === 'sqlite' || current ? q(name) : `${q(schema)}.${q(name)}` });
    }
  }
  return refusal ? { tables, refusal } : { tables };
}

/** Rows inserted, updated and deleted in one table. */
export interface RowCounters {
  readonly ins: number;
  readonly upd: number;
  readonly del: number;
}

/**
 * PostgreSQL counts the rows each table had inserted, updated and deleted in the current transaction
 * (pg_stat_xact_user_tables, read live, savepoints included): the difference before and after a
 * statement is what it did to every table, cascades (ON DELETE SET NULL too) and triggers included,
 * without counting any table's rows. undefined on other engines, or when track_counts is off.
 */
export async function xactCounters(conn: Connection, signal?: AbortSignal): Promise<Map<string, RowCounters> | undefined> {
  if (conn.dialect.id !== 'postgres') return undefined;
  const sql = "select schemaname, relname, schemaname = current_schema(), n_tup_ins, n_tup_upd, n_tup_del, current_setting('track_counts') from pg_stat_xact_user_tables";
  const counts = new Map<string, RowCounters>();
  let on = true;
  for await (const e of conn.execute(sql, signal ? { signal } : {})) {
    if (e.type !== 'rows') continue;
    for (const r of e.rows) {
      if (text(r[6]) !== 'on') on = false;
      counts.set(r[2] === true ? text(r[1]) : `${text(r[0])}.${text(r[1])}`, { ins: Number(text(r[3])), upd: Number(text(r[4])), del: Number(text(r[5])) });
    }
  }
  return on ? counts : undefined;
}
