/** PostgreSQL `EXPLAIN (FORMAT JSON[, ANALYZE, BUFFERS])` to a Plan. */
import { makePlan, num, parseJsonText, planNode, PlanParseError, type Plan, type PlanNode } from './plan-node.js';

type Json = Record<string, unknown>;

const DETAIL_KEYS = [
  'Hash Cond', 'Merge Cond', 'Join Filter', 'Index Cond', 'Recheck Cond', 'Filter', 'Sort Key', 'Group Key',
  'One-Time Filter', 'Cache Key', 'Subplan Name', 'CTE Name',
];

function text(v: unknown): string {
  return Array.isArray(v) ? v.map(String).join(', ') : String(v);
}

function operation(p: Json): string {
  let op = String(p['Node Type'] ?? '?');
  const join = p['Join Type'];
  if (typeof join === 'string' && join !== 'Inner') op = `${op} (${join})`;
  const strategy = p['Strategy'];
  if (op === 'Aggregate' && typeof strategy === 'string' && strategy !== 'Plain') op = `${strategy} Aggregate`;
  if (op === 'ModifyTable' && typeof p['Operation'] === 'string') op = String(p['Operation']);
  return op;
}

function relation(p: Json): string | undefined {
  const name = p['Relation Name'] ?? p['CTE Name'] ?? p['Function Name'];
  const index = p['Index Name'];
  const alias = p['Alias'];
  let r = typeof name === 'string' ? (typeof p['Schema'] === 'string' ? `${p['Schema']}.${name}` : name) : undefined;
  if (r !== undefined && typeof alias === 'string' && alias !== name) r = `${r} ${alias}`;
  if (r === undefined && typeof alias === 'string') r = alias; // Subquery Scan on c
  if (typeof index === 'string') r = r === undefined ? index : `${r} using ${index}`;
  return r;
}

function node(p: Json): PlanNode {
  const details: string[] = [];
  if (typeof p['Parent Relationship'] === 'string' && p['Parent Relationship'] === 'SubPlan' && typeof p['Subplan Name'] === 'string') {
    details.push(String(p['Subplan Name']));
  }
  for (const k of DETAIL_KEYS) if (p[k] !== undefined && k !== 'Subplan Name' && k !== 'CTE Name') details.push(`${k}: ${text(p[k])}`);
  const removed = num(p['Rows Removed by Filter']);
  if (removed) details.push(`Rows Removed by Filter: ${removed}`);
  const hit = num(p['Shared Hit Blocks']);
  const read = num(p['Shared Read Blocks']);
  if (hit || read) details.push(`Buffers: shared hit=${hit ?? 0}${read ? ` read=${read}` : ''}`);
  const loops = num(p['Actual Loops']);
  const total = num(p['Actual Total Time']);
  return planNode({
    operation: operation(p),
    relation: relation(p),
    details,
    estimatedRows: num(p['Plan Rows']),
    cost: num(p['Total Cost']),
    actualRows: num(p['Actual Rows']),
    loops,
    // Actual Total Time is per loop: the node's whole time is that times its loops.
    timeMs: total === undefined ? undefined : total * (loops ?? 1),
    children: Array.isArray(p['Plans']) ? (p['Plans'] as Json[]).map(node) : [],
  });
}

/** The JSON text (one row, one column) PostgreSQL returns for EXPLAIN (FORMAT JSON). */
export function parsePostgresPlan(json: unknown): Plan {
  const doc = parseJsonText(json, 'the PostgreSQL plan');
  const top = Array.isArray(doc) ? (doc[0] as Json | undefined) : (doc as Json | undefined);
  if (!top || typeof top !== 'object' || typeof top['Plan'] !== 'object') throw new PlanParseError('the PostgreSQL plan has no "Plan" object');
  const root = node(top['Plan'] as Json);
  const summary: string[] = [];
  const planning = num(top['Planning Time']);
  const execution = num(top['Execution Time']);
  if (planning !== undefined) summary.push(`Planning Time: ${planning.toFixed(3)} ms`);
  if (Array.isArray(top['Triggers'])) {
    for (const t of top['Triggers'] as Json[]) summary.push(`Trigger ${t['Trigger Name']}: time=${num(t['Time'])?.toFixed(3)} ms calls=${t['Calls']}`);
  }
  if (execution !== undefined) summary.push(`Execution Time: ${execution.toFixed(3)} ms`);
  return makePlan('postgres', root.actualRows !== undefined, [root], summary);
}
