/**
 * Plans captured live from each real engine (SQLite and DuckDB files, the harness's PostgreSQL and
 * MariaDB servers) for joins, subqueries, aggregates and CTEs, read into PlanNode trees by src/plan.
 * Under CI=true the server engines must run (ENGINE_SETUPS fails instead of skipping).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from '../../src/engines/engine.js';
import type { Row } from '../../src/core/result.js';
import { ENGINE_SETUPS, disposeFixtures } from '../engines/all-engines-fixtures.js';
import { explainStatement, planEngine, readPlan, engineJson } from '../../src/plan/explain-statement.js';
import type { Plan, PlanNode } from '../../src/plan/plan-node.js';
import { renderPlan } from '../../src/plan/render-plan.js';
import { hottestNode } from '../../src/plan/plan-figures.js';

after(disposeFixtures);

const SETUP = [
  'drop table if exists plan_tracks',
  'drop table if exists plan_artists',
  'create table plan_artists (id integer primary key, name varchar(100) not null)',
  'create table plan_tracks (id integer primary key, artist_id integer not null, title varchar(200), price decimal(6,2))',
  "insert into plan_artists values (1, 'Miles'), (2, 'Nina'), (3, 'Ella')",
  "insert into plan_tracks values (1, 1, 'So What', 1.29), (2, 2, 'Sinnerman', 0.5), (3, 1, 'Blue', 0.99), (4, 3, 'Summertime', 2.00)",
];

/** Each query with the result's row count and the relations its plan must read. */
const QUERIES = [
  {
    name: 'join',
    sql: 'select plan_artists.name, plan_tracks.title from plan_artists join plan_tracks on plan_tracks.artist_id = plan_artists.id',
    rows: 4,
    relations: ['plan_artists', 'plan_tracks'],
  },
  {
    name: 'subquery',
    sql: 'select name from plan_artists where id in (select artist_id from plan_tracks where price > 1)',
    rows: 2,
    relations: ['plan_artists', 'plan_tracks'],
  },
  {
    name: 'aggregate',
    sql: 'select artist_id, count(*) as n, sum(price) as total from plan_tracks group by artist_id order by n desc',
    rows: 3,
    relations: ['plan_tracks'],
  },
  {
    name: 'cte',
    sql: 'with c as (select artist_id, count(*) as n from plan_tracks group by artist_id) select plan_artists.name, c.n from plan_artists join c on c.artist_id = plan_artists.id',
    rows: 3,
    relations: ['plan_artists', 'plan_tracks'],
  },
] as const;

async function rows(conn: Connection, sql: string): Promise<Row[]> {
  const out: Row[] = [];
  for await (const e of conn.execute(sql)) if (e.type === 'rows') out.push(...e.rows);
  return out;
}

function all(nodes: readonly PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => [n, ...all(n.children)]);
}

function relationsOf(plan: Plan): string {
  return all(plan.roots).map((n) => `${n.relation ?? ''} ${n.details.join(' ')}`).join('\n');
}

for (const setup of ENGINE_SETUPS) {
  describe(`plans from ${setup.id}`, () => {
    test('EXPLAIN and EXPLAIN ANALYZE of joins, subqueries, aggregates and CTEs read into trees', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      for (const s of SETUP) await rows(conn, s);
      const engine = planEngine(conn.info.engine, conn.info.serverVersion);
      if (setup.id === 'mysql') assert.equal(engine, 'mariadb', `the harness runs MariaDB: ${conn.info.serverVersion}`);
      for (const q of QUERIES) {
        const expected = await rows(conn, q.sql);
        assert.equal(expected.length, q.rows, `${q.name}: the query itself`);
        for (const analyze of [false, true]) {
          const ex = explainStatement(engine, q.sql + ';', analyze);
          const got = await rows(conn, ex.sql);
          let run: { timeMs: number; rows: number } | undefined;
          if (analyze && engine === 'sqlite') run = { timeMs: 0.5, rows: (await rows(conn, q.sql)).length };
          const plan = readPlan(engine, got, run);
          const what = `${setup.id} ${q.name}${analyze ? ' analyze' : ''}`;
          const text = renderPlan(plan, { width: 100, color: false });
          t.diagnostic(`${what}\n${text}`);
          assert.ok(plan.roots.length > 0, `${what}: no nodes`);
          const rels = relationsOf(plan);
          for (const r of q.relations) {
            // DuckDB names the CTE's table inside the CTE; SQLite may read only an index of it.
            assert.ok(rels.includes(r), `${what}: ${r} is not read anywhere in\n${text}`);
          }
          assert.equal(plan.analyzed, analyze, `${what}: analyzed flag`);
          // The engine's own JSON is valid JSON (what --format json prints).
          JSON.parse(engineJson(engine, got));
          const nodes = all(plan.roots);
          if (engine === 'postgres' || engine === 'duckdb') {
            assert.ok(nodes.every((n) => n.estimatedRows !== undefined || n.operation.startsWith('PROJECTION') || n.operation === 'ORDER_BY' || n.operation === 'CTE' || n.operation === 'CTE_SCAN' || /GROUP_BY|DELIM|COLUMN_DATA/.test(n.operation)), `${what}: estimates missing\n${text}`);
          }
          if (engine === 'postgres') assert.ok(hottestNode(plan), `${what}: no most expensive node`);
          if (analyze && engine === 'postgres') assert.equal(plan.roots[0]!.actualRows, q.rows, `${what}: the root's actual rows\n${text}`);
          if (analyze && engine === 'duckdb') assert.equal(plan.roots[0]!.actualRows, q.rows, `${what}: the root's actual rows\n${text}`);
          // DuckDB's own string (de)compression projections are folded away, and the plan says so.
          if (engine === 'duckdb') {
            assert.doesNotMatch(text, /__internal_(de)?compress/, `${what}: internal projections shown\n${text}`);
            if (/__internal_(de)?compress/.test(engineJson(engine, got))) assert.match(text, /PROJECTIONs? of DuckDB's own string compression not shown/, text);
          }
          if (analyze && engine === 'mariadb') {
            assert.ok(plan.roots[0]!.timeMs !== undefined, `${what}: the query block's time`);
            assert.ok(nodes.some((n) => n.actualRows !== undefined && n.loops !== undefined), `${what}: actual rows and loops\n${text}`);
            assert.ok(hottestNode(plan), `${what}: no most expensive node`);
          }
          if (analyze && engine !== 'sqlite') assert.ok(nodes.some((n) => n.actualRows !== undefined), `${what}: no actual rows`);
          if (q.name === 'aggregate' && engine !== 'mariadb') {
            assert.match(nodes.map((n) => n.operation + ' ' + n.details.join(' ')).join('\n'), /aggregate|group/i, `${what}: the grouping step\n${text}`);
          }
        }
      }
    });
  });
}
