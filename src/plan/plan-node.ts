/**
 * One query plan, read from any engine's EXPLAIN output: a tree of plain, frozen PlanNodes. Figures an
 * engine does not give are left out (SQLite has no estimates; only ANALYZE gives actual rows and times).
 * Rows are per loop, as PostgreSQL and MariaDB report them; times are milliseconds, inclusive of children.
 */
export type PlanEngine = 'postgres' | 'mysql' | 'mariadb' | 'sqlite' | 'duckdb';

export interface PlanNode {
  /** What the node does: 'Seq Scan', 'Hash Join', 'HASH_GROUP_BY', 'full scan'. */
  readonly operation: string;
  /** The table (or index, CTE, derived table) it reads, with its alias when different. */
  readonly relation?: string;
  /** Conditions, keys and other facts, one short line each ('Hash Cond: (a.id = t.artist_id)'). */
  readonly details: readonly string[];
  /** The planner's row estimate (per loop). */
  readonly estimatedRows?: number;
  /** The planner's cost in the engine's own unit (total, inclusive of children). */
  readonly cost?: number;
  /** ANALYZE: rows produced (per loop). */
  readonly actualRows?: number;
  /** ANALYZE: how many times the node ran. */
  readonly loops?: number;
  /** ANALYZE: time in milliseconds, inclusive of children, over all loops. */
  readonly timeMs?: number;
  /** ANALYZE: time spent in this node alone, when the engine gives it directly (DuckDB, MariaDB). */
  readonly selfMs?: number;
  readonly children: readonly PlanNode[];
}

export interface Plan {
  readonly engine: PlanEngine;
  /** True when the statement ran and actual figures are present. */
  readonly analyzed: boolean;
  /** Top-level nodes (SQLite and MySQL plans can have several). */
  readonly roots: readonly PlanNode[];
  /** Whole-statement facts: 'Planning Time: 0.1 ms', 'Execution Time: 0.4 ms'. */
  readonly summary: readonly string[];
}

type NodeInit = Omit<PlanNode, 'details' | 'children'> & { readonly details?: readonly string[]; readonly children?: readonly PlanNode[] };

/** A frozen node; undefined and NaN figures are dropped. */
export function planNode(init: NodeInit): PlanNode {
  const out: Record<string, unknown> = { operation: init.operation };
  for (const [k, v] of Object.entries(init)) {
    if (k === 'operation' || k === 'details' || k === 'children' || v === undefined) continue;
    if (typeof v === 'number' && !Number.isFinite(v)) continue;
    if (v === '') continue;
    out[k] = v;
  }
  out['details'] = Object.freeze([...(init.details ?? [])].filter((d) => d !== ''));
  out['children'] = Object.freeze([...(init.children ?? [])]);
  return Object.freeze(out) as unknown as PlanNode;
}

export function makePlan(engine: PlanEngine, analyzed: boolean, roots: readonly PlanNode[], summary: readonly string[] = []): Plan {
  return Object.freeze({ engine, analyzed, roots: Object.freeze([...roots]), summary: Object.freeze([...summary]) });
}

/** A number from JSON that may be a string ('3', '0.25'); undefined when it is not one. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** Thrown when an engine's output is not the plan shape expected. */
export class PlanParseError extends Error {
  override readonly name = 'PlanParseError';
}

/** JSON text (or an already parsed value) to a value; a clear error when it is not JSON. */
export function parseJsonText(text: unknown, what: string): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PlanParseError(`${what} is not JSON: ${(e as Error).message}`);
  }
}
