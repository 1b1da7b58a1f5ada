/**
 * DuckDB `EXPLAIN (FORMAT JSON)` (an array of operators with "name", "children", "extra_info") and
 * `EXPLAIN (ANALYZE, FORMAT JSON)` (the JSON profile: "operator_name", "operator_timing" in seconds,
 * "operator_cardinality") to a Plan.
 */
import { makePlan, num, parseJsonText, planNode, PlanParseError, type Plan, type PlanNode } from './plan-node.js';

type Json = Record<string, unknown>;

const RELATION_KEYS = ['Table', 'Function', 'CTE Name', 'Table Index'];
const HIDDEN_KEYS = new Set(['Estimated Cardinality', 'Type', 'Table', 'Function', '__estimated_cardinality__']);

function extra(o: Json): Json {
  const e = o['extra_info'];
  return e && typeof e === 'object' && !Array.isArray(e) ? (e as Json) : {};
}

function text(v: unknown): string {
  return Array.isArray(v) ? v.map(String).join(', ') : String(v);
}

/**
 * DuckDB's own string re-encoding steps: a PROJECTION of only column numbers (#0) and
 * __internal_compress_... and __internal_decompress_... of them. Not part of the query: folded away.
 */
function internalProjection(op: string, info: Json, children: readonly PlanNode[]): boolean {
  if (op !== 'PROJECTION' || children.length !== 1) return false;
  const p = info['Projections'];
  const items = Array.isArray(p) ? p.map(String) : typeof p === 'string' ? p.split('\n') : [];
  return items.length > 0 && items.some((x) => x.includes('__internal_')) && items.every((x) => /^\s*(#\d+|__internal_\w+\(#\d+(,\s*\d+)*\))\s*$/.test(x));
}

function node(o: Json, folded: { n: number }): PlanNode {
  const info = extra(o);
  const rel = RELATION_KEYS.map((k) => info[k]).find((v) => typeof v === 'string') as string | undefined;
  const details: string[] = [];
  for (const [k, v] of Object.entries(info)) if (!HIDDEN_KEYS.has(k) && v !== '' && !(Array.isArray(v) && v.length === 0)) details.push(`${k}: ${text(v)}`);
  const timing = num(o['operator_timing']);
  const op = String(o['operator_name'] ?? o['name'] ?? o['operator_type'] ?? '?').trim();
  const children = Array.isArray(o['children']) ? (o['children'] as Json[]).map((c) => node(c, folded)) : [];
  if (internalProjection(op, info, children)) {
    folded.n++;
    return children[0]!;
  }
  const self = timing === undefined ? undefined : timing * 1000;
  return planNode({
    operation: op,
    relation: rel,
    details,
    estimatedRows: num(info['Estimated Cardinality']),
    actualRows: num(o['operator_cardinality']),
    selfMs: self,
    timeMs: self === undefined ? undefined : self + children.reduce((s, c) => s + (c.timeMs ?? 0), 0),
    children,
  });
}

/** The explain_value text of EXPLAIN (FORMAT JSON), or of EXPLAIN (ANALYZE, FORMAT JSON). */
export function parseDuckdbPlan(json: unknown): Plan {
  const doc = parseJsonText(json, 'the DuckDB plan');
  const folded = { n: 0 };
  const note = (): string[] => (folded.n ? [`(${folded.n} PROJECTION${folded.n === 1 ? '' : 's'} of DuckDB's own string compression not shown)`] : []);
  if (Array.isArray(doc)) {
    const roots = (doc as Json[]).map((o) => node(o, folded));
    return makePlan('duckdb', false, roots, note());
  }
  if (!doc || typeof doc !== 'object' || !Array.isArray((doc as Json)['children'])) throw new PlanParseError('the DuckDB plan is neither an operator list nor a profile');
  const top = doc as Json;
  // The profile's root is the query; its first operator is EXPLAIN_ANALYZE itself, which is not the plan.
  let roots = (top['children'] as Json[]).map((o) => node(o, folded));
  if (roots.length === 1 && roots[0]!.operation === 'EXPLAIN_ANALYZE') roots = [...roots[0]!.children];
  const summary: string[] = note();
  const latency = num(top['latency']);
  if (latency !== undefined) summary.push(`Execution Time: ${(latency * 1000).toFixed(3)} ms`);
  return makePlan('duckdb', true, roots, summary);
}
