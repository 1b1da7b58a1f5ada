/**
 * MariaDB/MySQL: rows that a foreign key's ON DELETE SET NULL / SET DEFAULT or ON UPDATE CASCADE /
 * SET NULL / SET DEFAULT will update in other tables. InnoDB runs these inside the storage engine
 * (no trigger fires, no status counter moves, the row counts stay), so they are counted before the
 * statement from the constraints in information_schema: the referencing rows whose key points at a
 * row the statement's WHERE selects. One level deep (what a cascade then does further on is not
 * followed); rows that ON DELETE CASCADE deletes are seen by the row counts already.
 */
import type { Connection } from '../engines/engine.js';
import type { Value } from '../core/result.js';
import type { StatementClass } from '../sql/classify.js';

interface ForeignKey {
  readonly table: string;
  readonly columns: string[];
  readonly referenced: string[];
  readonly onDelete: string;
  readonly onUpdate: string;
}

const UPDATES_ROWS = new Set(['SET NULL', 'SET DEFAULT']);

function text(v: Value | undefined): string {
  return v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? v.text : String(v);
}

async function drain(conn: Connection, sql: string, signal?: AbortSignal): Promise<(readonly Value[])[]> {
  const rows: (readonly Value[])[] = [];
  for await (const e of conn.execute(sql, signal ? { signal } : {})) if (e.type === 'rows') rows.push(...e.rows);
  return rows;
}

/** Does the UPDATE's SET list assign one of `columns`? (text of the statement, quotes optional) */
function assigns(sql: string, columns: readonly string[]): boolean {
  const set = /\bset\b([\s\S]*?)(?:\bwhere\b|\border\s+by\b|\blimit\b|$)/i.exec(sql)?.[1] ?? '';
  return columns.some((c) => new RegExp(`(?:^|[\\s,.\`])\`?${c.replace(/[^\w$]/g, '')}\`?\\s*=`, 'i').test(set));
}

/**
 * Rows each other table will have updated by a cascade of this DELETE or UPDATE, by table name;
 * empty when the statement is not a plain single-table one (a LIMIT, a join) or nothing refers to it.
 */
export async function mysqlCascadeUpdates(conn: Connection, sql: string, cls: StatementClass, signal?: AbortSignal): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const target = cls.change?.target;
  if (conn.dialect.id !== 'mysql' || (cls.keyword !== 'DELETE' && cls.keyword !== 'UPDATE') || !target || target.includes('.')) return counts;
  // A LIMIT or a multi-table form: which rows it touches is not the WHERE alone.
  if (/\blimit\b|\bjoin\b|\busing\b/i.test(sql)) return counts;
  const q = (n: string) => conn.dialect.quoteIdent(n);
  const lit = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const meta = await drain(conn,
    'select k.table_name, k.constraint_name, k.column_name, k.referenced_column_name, r.delete_rule, r.update_rule ' +
    'from information_schema.key_column_usage k join information_schema.referential_constraints r ' +
    'on r.constraint_schema = k.constraint_schema and r.constraint_name = k.constraint_name and r.table_name = k.table_name ' +
    `where k.table_schema = database() and k.referenced_table_schema = database() and lower(k.referenced_table_name) = lower(${lit(target)}) ` +
    'order by k.table_name, k.constraint_name, k.ordinal_position', signal);
  const keys = new Map<string, ForeignKey>();
  for (const r of meta) {
    const id = `${text(r[0])}\u0000${text(r[1])}`;
    const fk = keys.get(id) ?? { table: text(r[0]), columns: [], referenced: [], onDelete: text(r[4]).toUpperCase(), onUpdate: text(r[5]).toUpperCase() };
    fk.columns.push(text(r[2]));
    fk.referenced.push(text(r[3]));
    keys.set(id, fk);
  }
  const where = cls.change?.where ? ` where ${cls.change.where}` : '';
  for (const fk of keys.values()) {
    const cascades = cls.keyword === 'DELETE' ? UPDATES_ROWS.has(fk.onDelete) : (fk.onUpdate === 'CASCADE' || UPDATES_ROWS.has(fk.onUpdate)) && assigns(sql, fk.referenced);
    if (!cascades) continue;
    const cols = fk.columns.map(q).join(', ');
    const refs = fk.referenced.map(q).join(', ');
    const notNull = fk.columns.map((c) => `${q(c)} is not null`).join(' and ');
    const r = await drain(conn, `select count(*) from ${q(fk.table)} where ${notNull} and (${cols}) in (select ${refs} from ${q(target)}${where})`, signal);
    const n = Number(text(r[0]?.[0]));
    if (n > 0) counts.set(fk.table, (counts.get(fk.table) ?? 0) + n);
  }
  return counts;
}
