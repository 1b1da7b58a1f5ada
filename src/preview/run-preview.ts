/**
 * Runs one statement inside a transaction (or a savepoint in the user's open transaction) and reports
 * what it did: the rows per table (per-table change counters where the engine can tell, see
 * change-counters.ts; else row counts of every table before and after, so rows deleted or inserted by
 * cascades and triggers show, plus MariaDB's foreign-key updates from mysql-cascades.ts), the
 * statement's own count, and its first rows (RETURNING,
 * or a SELECT with the same WHERE). Nothing stays changed until finish(true); finish(false) rolls
 * back, and an error on the way rolls back before it is thrown. Talks to the Connection interface only.
 */
import type { Connection } from '../engines/engine.js';
import type { ColumnInfo, Row, Value } from '../core/result.js';
import type { StatementClass } from '../sql/classify.js';
import type { PreviewPlan } from './preview-plan.js';
import { listTables, type RowCounters, type WatchedTable } from './watched-tables.js';
import { openChangeCounters } from './change-counters.js';
import { mysqlCascadeUpdates } from './mysql-cascades.js';

export const PREVIEW_ROWS = 10;
const SAVEPOINT = 'sqlsh_preview';

export interface TableEffect {
  readonly table: string;
  readonly inserted: number;
  readonly deleted: number;
  /** Rows updated: by the statement (UPDATE), and on PostgreSQL by cascades and triggers too. */
  readonly updated: number;
  /** The table is gone (DROP); `deleted` is the rows it had. */
  readonly dropped: boolean;
}

export interface PreviewResult {
  /** The statement's own status ('DELETE 3') and count. */
  readonly command?: string;
  readonly affected?: number;
  /** Tables whose rows changed (or were dropped), target first. */
  readonly effects: readonly TableEffect[];
  /** Rows changed in all, cascades and triggers included. */
  readonly total: number;
  /** The first rows: what RETURNING gave, or a SELECT with the same WHERE. */
  readonly rows?: { readonly label: string; readonly columns: readonly ColumnInfo[]; readonly rows: readonly Row[]; readonly more: number };
  /** Commit (keep) the change, or roll it back; the user's own transaction stays as it was. */
  finish(commit: boolean): Promise<void>;
}

/** The preview could not start safely (a table that cannot roll back): ask by name instead. */
export class PreviewRefused extends Error {}

async function drain(conn: Connection, sql: string, signal?: AbortSignal): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const e of conn.execute(sql, signal ? { signal } : {})) if (e.type === 'rows') rows.push(...e.rows);
  return rows;
}

function num(v: Value | undefined): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || typeof v === 'string') return Number(v);
  if (v !== null && typeof v === 'object' && 'text' in v) return Number(v.text);
  return 0;
}

async function countRows(conn: Connection, tables: readonly WatchedTable[], signal?: AbortSignal): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  // A few tables per query keeps each statement short; one union per chunk.
  for (let i = 0; i < tables.length; i += 50) {
    const chunk = tables.slice(i, i + 50);
    const sql = chunk.map((t, k) => `select ${k} as k, count(*) as n from ${t.ref}`).join(' union all ');
    for (const r of await drain(conn, sql, signal)) counts.set((chunk[num(r[0])] as WatchedTable).name, num(r[1]));
  }
  return counts;
}

/** The number of rows in one named table (for the named-object question); undefined when it cannot be read. */
export async function tableRowCount(conn: Connection, name: string): Promise<number | undefined> {
  const ref = name.split('.').map((p) => conn.dialect.quoteIdent(p)).join('.');
  try {
    return num((await drain(conn, `select count(*) from ${ref}`))[0]?.[0]);
  } catch {
    return undefined;
  }
}

function sameName(a: string, b: string | undefined): boolean {
  if (!b) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

function beginSql(conn: Connection): string {
  return conn.dialect.id === 'mysql' ? 'START TRANSACTION' : 'BEGIN';
}

export async function runPreview(
  conn: Connection,
  sql: string,
  cls: StatementClass,
  plan: Extract<PreviewPlan, { kind: 'preview' }>,
  opts: { signal?: AbortSignal } = {},
): Promise<PreviewResult> {
  const { signal } = opts;
  const listed = await listTables(conn, signal);
  if (listed.refusal) throw new PreviewRefused(listed.refusal);
  const wanted = new Set([cls.change?.target, ...(cls.change?.objects ?? [])].filter((n): n is string => !!n));
  // Very many tables: count only the ones the statement names (cascades to others then go unseen).
  const watched = listed.tables.length <= 200 ? listed.tables : listed.tables.filter((t) => [...wanted].some((w) => sameName(t.name, w)));
  const open = plan.wrap === 'transaction' ? beginSql(conn) : plan.wrap === 'savepoint' ? `SAVEPOINT ${SAVEPOINT}` : undefined;
  let finished = false;
  const finish = async (commit: boolean): Promise<void> => {
    if (finished) return;
    finished = true;
    if (plan.wrap === 'none') return;
    if (plan.wrap === 'transaction') await drain(conn, commit ? 'COMMIT' : 'ROLLBACK');
    else {
      if (!commit) await drain(conn, `ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
      await drain(conn, `RELEASE SAVEPOINT ${SAVEPOINT}`);
    }
  };
  if (open) await drain(conn, open);
  try {
    // DML: per-table counters where the engine can tell (PostgreSQL's own, SQLite's temporary
    // triggers), cascades and triggers included; elsewhere (and for DDL) count(*) of every table.
    const counters = cls.kind === 'dml' ? await openChangeCounters(conn, watched, signal) : undefined;
    const statsBefore = counters ? await counters.snapshot() : undefined;
    const before = statsBefore ? new Map<string, number>() : await countRows(conn, watched, signal);
    const target = cls.change?.target;
    const targetRef = target ? target.split('.').map((p) => conn.dialect.quoteIdent(p)).join('.') : undefined;
    const whereSql = cls.change?.where ? ` where ${cls.change.where}` : '';
    let rows: PreviewResult['rows'];
    const selectRows = async (label: string) => {
      let columns: readonly ColumnInfo[] = [];
      const got: Row[] = [];
      for await (const e of conn.execute(`select * from ${targetRef}${whereSql} limit ${PREVIEW_ROWS + 1}`, signal ? { signal } : {})) {
        if (e.type === 'columns') columns = e.columns;
        if (e.type === 'rows') got.push(...e.rows);
      }
      return { label, columns, rows: got.slice(0, PREVIEW_ROWS), more: got.length > PREVIEW_ROWS ? -1 : 0 };
    };
    if (plan.selectRows === 'before' && targetRef) rows = await selectRows('rows it deletes');
    // MariaDB/MySQL: rows a foreign key's SET NULL or ON UPDATE CASCADE will update, counted before.
    const cascadeUpdates = conn.dialect.id === 'mysql' ? await mysqlCascadeUpdates(conn, sql, cls, signal) : new Map<string, number>();
    const text = plan.addReturning ? `${sql.replace(/[\s;]+$/, '')}\nRETURNING *` : sql;
    let columns: readonly ColumnInfo[] | undefined;
    const got: Row[] = [];
    let seen = 0;
    let command: string | undefined;
    let affected: number | undefined;
    for await (const e of conn.execute(text, signal ? { signal } : {})) {
      if (e.type === 'columns') columns ??= e.columns;
      else if (e.type === 'rows') {
        for (const r of e.rows) if (got.length < PREVIEW_ROWS) got.push(r);
        seen += e.rows.length;
      } else if (e.type === 'done') {
        command = e.command ?? command;
        affected = e.affected ?? affected;
      }
    }
    if (columns && (plan.addReturning || plan.ownReturning)) {
      const label = cls.keyword === 'DELETE' ? 'rows it deletes' : cls.keyword === 'UPDATE' ? 'rows after the change' : 'rows it writes';
      rows = { label, columns, rows: got, more: seen - got.length };
      if (plan.addReturning && affected === undefined) affected = seen;
    }
    if (plan.selectRows === 'after' && targetRef) rows = await selectRows(`rows after the change${whereSql ? ', by the same WHERE' : ''}`);
    const isTarget = (name: string) => sameName(name, target) || (cls.change?.objects ?? []).some((o) => sameName(name, o));
    const statsAfter = counters ? await counters.snapshot() : undefined;
    await counters?.close();
    const effects = statsBefore && statsAfter
      ? statEffects(statsBefore, statsAfter)
      : await countEffects(conn, listed.tables, watched, before, wanted, signal, (n) => (cls.keyword === 'UPDATE' && sameName(n, target) ? affected ?? 0 : 0) + (cascadeUpdates.get(n) ?? 0));
    effects.sort((x, y) => Number(isTarget(y.table)) - Number(isTarget(x.table)));
    const total = effects.reduce((s, e) => s + e.inserted + e.deleted + e.updated, 0);
    return {
      ...(command !== undefined ? { command } : {}),
      ...(affected !== undefined ? { affected } : {}),
      effects,
      total,
      ...(rows ? { rows } : {}),
      finish,
    };
  } catch (e) {
    await finish(false).catch(() => undefined);
    throw e;
  }
}

function statEffects(before: Map<string, RowCounters>, after: Map<string, RowCounters>): TableEffect[] {
  const effects: TableEffect[] = [];
  for (const [table, a] of after) {
    const b = before.get(table) ?? { ins: 0, upd: 0, del: 0 };
    const e = { table, inserted: a.ins - b.ins, updated: a.upd - b.upd, deleted: a.del - b.del, dropped: false };
    if (e.inserted > 0 || e.updated > 0 || e.deleted > 0) effects.push(e);
  }
  // A table the statement dropped has no counters after it: the preview does not drop on this path (DML only).
  return effects;
}

/** Row counts after the statement against `before`: tables that lost, gained or were dropped. */
async function countEffects(
  conn: Connection,
  listedBefore: readonly WatchedTable[],
  watched: readonly WatchedTable[],
  before: Map<string, number>,
  wanted: ReadonlySet<string>,
  signal: AbortSignal | undefined,
  updatedIn: (table: string) => number,
): Promise<TableEffect[]> {
  const afterList = await listTables(conn, signal);
  const still = new Set(afterList.tables.map((t) => t.name));
  const existing = watched.filter((t) => still.has(t.name));
  const created = afterList.tables.filter((t) => !before.has(t.name) && (listedBefore.length <= 200 || wanted.has(t.name)));
  const after = await countRows(conn, [...existing, ...created], signal);
  const effects: TableEffect[] = [];
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(table) ?? 0;
    const dropped = before.has(table) && !still.has(table);
    const a = dropped ? 0 : after.get(table) ?? 0;
    const updated = updatedIn(table);
    if (a !== b || dropped || updated > 0) effects.push({ table, inserted: Math.max(0, a - b), deleted: Math.max(0, b - a), updated, dropped });
  }
  return effects;
}
