/**
 * MySQL `EXPLAIN FORMAT=JSON` and MariaDB `EXPLAIN FORMAT=JSON` / `ANALYZE FORMAT=JSON` to a Plan.
 * Both nest query blocks, join orders ("nested_loop") and operation wrappers ("filesort",
 * "temporary_table", "grouping_operation" ...) around "table" objects; MariaDB adds r_* (actual)
 * figures and no cost (10.x), MySQL 8 adds cost_info and rows_examined_per_scan. One walker reads
 * both: known keys become nodes, unknown objects that hold plan parts become nodes named after their key.
 */
import { makePlan, num, parseJsonText, planNode, PlanParseError, type Plan, type PlanNode } from './plan-node.js';
import { inclusiveTime } from './plan-figures.js';

type Json = Record<string, unknown>;

const ACCESS: Readonly<Record<string, string>> = {
  ALL: 'full scan',
  index: 'full index scan',
  range: 'index range scan',
  ref: 'index lookup',
  eq_ref: 'unique index lookup',
  const: 'single row (const)',
  system: 'single row (system)',
  ref_or_null: 'index lookup or null',
  index_merge: 'index merge',
  fulltext: 'fulltext search',
  unique_subquery: 'unique subquery lookup',
  index_subquery: 'index subquery lookup',
  hash_ALL: 'hash join scan',
  hash_index: 'hash join index scan',
  hash_range: 'hash join range scan',
};

const WRAPPERS: Readonly<Record<string, string>> = {
  filesort: 'sort',
  temporary_table: 'temporary table',
  ordering_operation: 'order',
  grouping_operation: 'group',
  duplicates_removal: 'distinct',
  union_result: 'union',
  window_functions_computation: 'window functions',
  windowing: 'window functions',
  materialized: 'materialize',
  materialized_from_subquery: 'materialize',
  expression_cache: 'expression cache',
  having_condition: 'having',
};
/** Wrappers that only say how rows are read (the sort or the cache shows itself). */
const TRANSPARENT = new Set(['read_sorted_file', 'nested_loop']);
const DETAIL_KEYS: Readonly<Record<string, string>> = {
  key: 'key', ref: 'ref', attached_condition: 'condition', sort_key: 'sort key', having_condition: 'having',
  index_condition: 'index condition', using_index: 'using index', using_filesort: 'using filesort',
  using_temporary_table: 'using temporary table', buffer_type: 'join buffer', join_type: 'join algorithm',
  message: 'note', unique: 'unique', state: 'state', operation: 'operation', dependent: 'dependent', cacheable: 'cacheable',
  rows_produced_per_join: 'rows produced per join', filtered: 'filtered %', r_filtered: 'actual filtered %',
};

function scalarText(v: unknown): string {
  return Array.isArray(v) ? v.map(String).join(', ') : String(v);
}

function details(o: Json, skip: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (const [k, label] of Object.entries(DETAIL_KEYS)) {
    const v = o[k];
    if (v === undefined || skip.has(k) || (typeof v === 'object' && !Array.isArray(v))) continue;
    if ((k === 'filtered' || k === 'r_filtered') && num(v) === 100) continue;
    out.push(v === true ? label : `${label}: ${scalarText(v)}`);
  }
  return out;
}

function costOf(o: Json): number | undefined {
  const ci = o['cost_info'] as Json | undefined;
  if (ci && typeof ci === 'object') return num(ci['query_cost']) ?? num(ci['prefix_cost']) ?? num(ci['sort_cost']);
  return num(o['cost']);
}

function tableNode(t: Json): PlanNode {
  const access = typeof t['access_type'] === 'string' ? t['access_type'] : undefined;
  let op = access ? (ACCESS[access] ?? access) : typeof t['message'] === 'string' ? String(t['message']) : 'table';
  for (const verb of ['update', 'delete', 'insert']) if (t[verb]) op = `${verb} (${op})`;
  const tableTime = num(t['r_table_time_ms']);
  const otherTime = num(t['r_other_time_ms']);
  return planNode({
    operation: op,
    relation: typeof t['table_name'] === 'string' ? String(t['table_name']) : undefined,
    details: details(t, new Set(access ? [] : ['message'])),
    estimatedRows: num(t['rows']) ?? num(t['rows_examined_per_scan']),
    cost: costOf(t),
    actualRows: num(t['r_rows']),
    loops: num(t['r_loops']),
    selfMs: tableTime === undefined && otherTime === undefined ? undefined : (tableTime ?? 0) + (otherTime ?? 0),
    children: contents(t),
  });
}

function queryBlock(q: Json): PlanNode {
  const id = q['select_id'];
  const op = typeof q['operation'] === 'string' ? `${String(q['operation']).toLowerCase()} select` : 'select';
  return planNode({
    operation: id === undefined ? op : `${op} #${id}`,
    details: details(q, new Set(['operation'])),
    cost: costOf(q),
    loops: num(q['r_loops']),
    timeMs: num(q['r_total_time_ms']),
    children: contents(q),
  });
}

function wrapper(key: string, o: Json): PlanNode {
  const children = contents(o);
  const time = num(o['r_total_time_ms']);
  // MariaDB's filesort (and the like) time only their own work: less than the rows below them took.
  // Kept as the node's own time, so the block above does not take the tables' time as its own.
  const own = time !== undefined && time < children.reduce((s, c) => s + inclusiveTime(c), 0);
  return planNode({
    operation: WRAPPERS[key] ?? key.replace(/_/g, ' '),
    relation: key === 'union_result' && typeof o['table_name'] === 'string' ? String(o['table_name']) : undefined,
    details: details(o),
    cost: costOf(o),
    actualRows: num(o['r_output_rows']),
    loops: num(o['r_loops']),
    ...(own ? { selfMs: time } : { timeMs: time }),
    children,
  });
}

/** Does this value hold any part of a plan (a table or a query block somewhere inside)? */
function holdsPlan(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(holdsPlan);
  if (!v || typeof v !== 'object') return false;
  return Object.entries(v as Json).some(([k, x]) => k === 'table' || k === 'query_block' || holdsPlan(x));
}

/** The child nodes inside one object, in the order the engine wrote them. */
function contents(o: Json): PlanNode[] {
  const out: PlanNode[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k === 'table' && v && typeof v === 'object') out.push(tableNode(v as Json));
    else if (k === 'query_block' && v && typeof v === 'object') out.push(queryBlock(v as Json));
    else if (k === 'block-nl-join' && v && typeof v === 'object') out.push(...contents(v as Json).map((n) => blockJoin(n, v as Json)));
    else if (Array.isArray(v)) {
      for (const item of v) if (item && typeof item === 'object' && holdsPlan(item)) out.push(...contents(item as Json));
    } else if (v && typeof v === 'object' && holdsPlan(v)) {
      if (TRANSPARENT.has(k)) out.push(...contents(v as Json));
      else out.push(wrapper(k, v as Json));
    }
  }
  return out;
}

/** MariaDB's block-nl-join: the table read through a join buffer. */
function blockJoin(n: PlanNode, o: Json): PlanNode {
  // The block's own condition and filtering apply to the joined rows, after the buffer.
  const joined = details(o).map((d) => d.replace(/^condition:/, 'join condition:').replace(/^actual filtered %:/, 'actual join filtered %:'));
  return planNode({ ...n, operation: `${n.operation}, join buffer`, details: [...n.details, ...joined], children: n.children });
}

/** The JSON text MySQL/MariaDB return for EXPLAIN FORMAT=JSON (or MariaDB's ANALYZE FORMAT=JSON). */
export function parseMysqlPlan(json: unknown, engine: 'mysql' | 'mariadb' = 'mariadb'): Plan {
  const doc = parseJsonText(json, 'the MySQL/MariaDB plan') as Json | undefined;
  if (!doc || typeof doc !== 'object' || typeof doc['query_block'] !== 'object') throw new PlanParseError('the MySQL/MariaDB plan has no "query_block" object');
  const root = queryBlock(doc['query_block'] as Json);
  const summary: string[] = [];
  const opt = doc['query_optimization'] as Json | undefined;
  const optMs = opt && typeof opt === 'object' ? num(opt['r_total_time_ms']) : undefined;
  if (optMs !== undefined) summary.push(`Optimization Time: ${optMs.toFixed(3)} ms`);
  if (root.timeMs !== undefined) summary.push(`Execution Time: ${root.timeMs.toFixed(3)} ms`);
  const analyzed = JSON.stringify(doc).includes('"r_');
  return makePlan(engine, analyzed, [root], summary);
}
