/**
 * SQLite `EXPLAIN QUERY PLAN` rows (id, parent, notused, detail) to a Plan. SQLite gives no row
 * estimates, costs or per-node times; the detail text ('SEARCH t USING INDEX ix (a=?)') is split into
 * the operation and the relation.
 */
import { makePlan, num, planNode, PlanParseError, type Plan, type PlanNode } from './plan-node.js';

export interface SqlitePlanRow {
  readonly id: number;
  readonly parent: number;
  readonly detail: string;
}

/** 'SCAN t', 'SEARCH a USING INTEGER PRIMARY KEY (rowid=?)', 'USE TEMP B-TREE FOR ORDER BY'. */
function split(detail: string): { operation: string; relation?: string; details: string[] } {
  const m = /^(SCAN|SEARCH)\s+(?:TABLE\s+)?(\S+)(?:\s+AS\s+(\S+))?(?:\s+(.*))?$/i.exec(detail);
  if (!m) return { operation: detail, details: [] };
  const [, verb, table, alias, rest] = m;
  const relation = alias ? `${table} ${alias}` : table!;
  return { operation: verb!.toUpperCase() === 'SCAN' ? 'SCAN' : 'SEARCH', relation, details: rest ? [rest] : [] };
}

/** Each row under its parent's id (0: the top; a parent not in the rows counts as the top). */
function childrenOf(rows: readonly SqlitePlanRow[]): Map<number, SqlitePlanRow[]> {
  const kids = new Map<number, SqlitePlanRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const p = ids.has(r.parent) && r.parent !== r.id ? r.parent : 0;
    kids.set(p, [...(kids.get(p) ?? []), r]);
  }
  return kids;
}

/** Rows as values from the engine: [id, parent, notused, detail] arrays. */
export function sqliteRowsFrom(rows: readonly (readonly unknown[])[]): SqlitePlanRow[] {
  return rows.map((r) => {
    const id = num(typeof r[0] === 'bigint' ? Number(r[0]) : r[0]);
    const parent = num(typeof r[1] === 'bigint' ? Number(r[1]) : r[1]);
    const detail = r[r.length - 1];
    if (id === undefined || parent === undefined || typeof detail !== 'string') throw new PlanParseError('EXPLAIN QUERY PLAN rows are not (id, parent, notused, detail)');
    return { id, parent, detail };
  });
}

/**
 * The plan tree from the rows; `run` (from \explain analyze) is the whole statement's measured time and
 * rows, the only actual figures SQLite can give, put on the summary.
 */
export function parseSqlitePlan(rows: readonly SqlitePlanRow[], run?: { readonly timeMs: number; readonly rows: number }): Plan {
  const kids = childrenOf(rows);
  const build = (r: SqlitePlanRow, depth: number): PlanNode => {
    const s = split(r.detail);
    const children = depth > 64 ? [] : (kids.get(r.id) ?? []).filter((c) => c.id !== r.id).map((c) => build(c, depth + 1));
    return planNode({ operation: s.operation, relation: s.relation, details: s.details, children });
  };
  const roots = (kids.get(0) ?? []).map((r) => build(r, 0));
  const summary = run ? [`Execution Time: ${run.timeMs.toFixed(3)} ms (whole statement; SQLite has no per-node figures)`, `Rows: ${run.rows}`] : [];
  return makePlan('sqlite', run !== undefined, roots, summary);
}

/**
 * The sqlite3 shell's drawing of a plan (`.eqp on`): `QUERY PLAN`, then each row under its parent, `|--` before
 * a child with others after it and `` `-- `` before the last, `|  ` or three spaces below them. No rows: nothing.
 */
export function sqlite3PlanText(rows: readonly SqlitePlanRow[]): string {
  if (rows.length === 0) return '';
  const kids = childrenOf(rows);
  let out = 'QUERY PLAN\n';
  const draw = (parent: number, indent: string, depth: number): void => {
    const list = kids.get(parent) ?? [];
    list.forEach((r, i) => {
      const last = i === list.length - 1;
      out += `${indent}${last ? '`--' : '|--'}${r.detail}\n`;
      if (depth < 64 && r.id !== parent) draw(r.id, indent + (last ? '   ' : '|  '), depth + 1);
    });
  };
  draw(0, '', 0);
  return out;
}
