/**
 * Shapes the harness cannot produce live: MySQL 8's EXPLAIN FORMAT=JSON (cost_info with string numbers,
 * rows_examined_per_scan, ordering/grouping operations, a derived table), written from MySQL's documented
 * output (the harness runs MariaDB); and outputs that are not plans at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMysqlPlan } from '../../src/plan/parse-mysql-plan.js';
import { parsePostgresPlan } from '../../src/plan/parse-postgres-plan.js';
import { parseDuckdbPlan } from '../../src/plan/parse-duckdb-plan.js';
import { parseSqlitePlan } from '../../src/plan/parse-sqlite-plan.js';
import { PlanParseError, type PlanNode } from '../../src/plan/plan-node.js';
import { hottestNode, selfTime } from '../../src/plan/plan-figures.js';

const MYSQL8 = {
  query_block: {
    select_id: 1,
    cost_info: { query_cost: '3.70' },
    ordering_operation: {
      using_filesort: true,
      grouping_operation: {
        using_temporary_table: true,
        using_filesort: false,
        nested_loop: [
          { table: { table_name: 'a', access_type: 'ALL', possible_keys: ['PRIMARY'], rows_examined_per_scan: 3, rows_produced_per_join: 3, filtered: '100.00',
            cost_info: { read_cost: '0.25', eval_cost: '0.30', prefix_cost: '0.55', data_read_per_join: '1K' }, used_columns: ['id', 'name'] } },
          { table: { table_name: 't', access_type: 'ref', possible_keys: ['artist_id'], key: 'artist_id', used_key_parts: ['artist_id'], key_length: '5', ref: ['shop.a.id'],
            rows_examined_per_scan: 1, rows_produced_per_join: 1, filtered: '33.33', cost_info: { read_cost: '0.75', eval_cost: '0.10', prefix_cost: '1.40' },
            attached_condition: '(`shop`.`t`.`price` > 1)',
            materialized_from_subquery: { using_temporary_table: true, dependent: false, cacheable: true,
              query_block: { select_id: 2, cost_info: { query_cost: '0.65' }, table: { table_name: 'x', access_type: 'index', rows_examined_per_scan: 4 } } } } },
        ],
      },
    },
  },
};

function flat(nodes: readonly PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => [n, ...flat(n.children)]);
}

test('MySQL 8 EXPLAIN FORMAT=JSON: costs from cost_info, rows from rows_examined_per_scan, wrappers as nodes', () => {
  const plan = parseMysqlPlan(JSON.stringify(MYSQL8), 'mysql');
  assert.equal(plan.engine, 'mysql');
  assert.equal(plan.analyzed, false);
  const nodes = flat(plan.roots);
  assert.deepEqual(nodes.map((n) => `${n.operation}${n.relation ? ` ${n.relation}` : ''}`), [
    'select #1', 'order', 'group', 'full scan a', 'index lookup t', 'materialize', 'select #2', 'full index scan x',
  ]);
  assert.equal(nodes[0]!.cost, 3.7);
  const t = nodes.find((n) => n.relation === 't')!;
  assert.equal(t.cost, 1.4);
  assert.equal(t.estimatedRows, 1);
  assert.ok(t.details.includes('condition: (`shop`.`t`.`price` > 1)'), t.details.join('|'));
  assert.ok(t.details.includes('filtered %: 33.33'));
  assert.ok(nodes.find((n) => n.operation === 'order')!.details.includes('using filesort'));
  assert.equal(hottestNode(plan)?.by, 'cost');
});

test('what is not a plan is a PlanParseError naming the engine', () => {
  assert.throws(() => parsePostgresPlan('not json'), (e: unknown) => e instanceof PlanParseError && /PostgreSQL plan is not JSON/.test(e.message));
  assert.throws(() => parsePostgresPlan('[{"x": 1}]'), /no "Plan" object/);
  assert.throws(() => parseMysqlPlan('{"steps": []}'), /no "query_block"/);
  assert.throws(() => parseDuckdbPlan('{"a": 1}'), /neither an operator list nor a profile/);
});

test('SQLite rows whose parent is missing hang at the top; a row that names itself as parent does not loop', () => {
  const plan = parseSqlitePlan([
    { id: 2, parent: 0, detail: 'SCAN t' },
    { id: 5, parent: 99, detail: 'USE TEMP B-TREE FOR ORDER BY' },
    { id: 7, parent: 7, detail: 'SEARCH u USING INDEX ix (a=?)' },
  ]);
  assert.deepEqual(plan.roots.map((r) => r.operation), ['SCAN', 'USE TEMP B-TREE FOR ORDER BY', 'SEARCH']);
});

test('MariaDB ANALYZE: a filesort times only its own work, so the tables under it are not the query block\'s own time', () => {
  // Real output of MariaDB 10.11 (ANALYZE FORMAT=JSON of a join, grouped and sorted), trimmed.
  const plan = parseMysqlPlan(JSON.stringify({"query_optimization":{"r_total_time_ms":0.298617399},"query_block":{"select_id":1,"r_loops":1,"r_total_time_ms":1.464712177,"filesort":{"sort_key":"sum(o.total) desc","r_loops":1,"r_total_time_ms":0.026680351,"r_output_rows":6,"temporary_table":{"nested_loop":[{"table":{"table_name":"c","access_type":"ALL","r_loops":1,"rows":60,"r_rows":60,"r_table_time_ms":0.108345688,"r_other_time_ms":0.052648825,"filtered":100,"r_filtered":100}},{"table":{"table_name":"o","access_type":"ref","key":"customer_id","ref":["sqlsh_test.c.id"],"r_loops":60,"rows":10,"r_rows":20,"r_table_time_ms":0.865421959,"r_other_time_ms":0.35569791,"filtered":100,"r_filtered":49.75,"attached_condition":"o.ordered_on >= '2026-06-01'"}}]}}}}), 'mariadb');
  const hot = hottestNode(plan);
  assert.equal(hot?.node.relation, 'o', JSON.stringify(hot));
  // 1.465 ms in all: 0.027 sorting, 0.161 on c, 1.221 on o, so the block itself took about 0.056 ms.
  const block = plan.roots[0]!;
  assert.equal(block.operation, 'select #1');
  const self = selfTime(block)!;
  assert.ok(Math.abs(self - (1.464712177 - 0.026680351 - 0.108345688 - 0.052648825 - 0.865421959 - 0.35569791)) < 1e-6, String(self));
});
