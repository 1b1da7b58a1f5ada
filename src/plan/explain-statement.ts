/**
 * What to send for \explain on each engine, and how to read what comes back into a Plan. Pure: the
 * meta-command runs the statements; this only writes them and reads rows.
 */
import type { EngineId } from '../sql/dialect.js';
import type { Plan, PlanEngine } from './plan-node.js';
import { PlanParseError } from './plan-node.js';
import { parsePostgresPlan } from './parse-postgres-plan.js';
import { parseMysqlPlan } from './parse-mysql-plan.js';
import { parseSqlitePlan, sqliteRowsFrom } from './parse-sqlite-plan.js';
import { parseDuckdbPlan } from './parse-duckdb-plan.js';

/** The engine of a connection, with MariaDB told apart from MySQL by its version string. */
export function planEngine(engine: EngineId, serverVersion: string | undefined): PlanEngine {
  if (engine === 'mysql') return /mariadb/i.test(serverVersion ?? '') ? 'mariadb' : 'mysql';
  return engine;
}

export const ENGINE_NAMES: Readonly<Record<PlanEngine, string>> = {
  postgres: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB', sqlite: 'SQLite', duckdb: 'DuckDB',
};

/** The statement without trailing semicolons and space (\explain SELECT 1;). */
export function stripTerminator(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}

export interface ExplainStatement {
  readonly sql: string;
  /** 'plan': rows to read into a Plan. 'text': the engine gives only text (MySQL EXPLAIN ANALYZE), shown as is. */
  readonly reads: 'plan' | 'text';
}

export function explainStatement(engine: PlanEngine, sql: string, analyze: boolean): ExplainStatement {
  const q = stripTerminator(sql);
  switch (engine) {
    case 'postgres':
      return { sql: `EXPLAIN (FORMAT JSON${analyze ? ', ANALYZE, BUFFERS' : ''}) ${q}`, reads: 'plan' };
    case 'mariadb':
      return { sql: `${analyze ? 'ANALYZE' : 'EXPLAIN'} FORMAT=JSON ${q}`, reads: 'plan' };
    case 'mysql':
      // MySQL's EXPLAIN ANALYZE gives its measured tree as text only (FORMAT=TREE).
      return analyze ? { sql: `EXPLAIN ANALYZE ${q}`, reads: 'text' } : { sql: `EXPLAIN FORMAT=JSON ${q}`, reads: 'plan' };
    case 'sqlite':
      return { sql: `EXPLAIN QUERY PLAN ${q}`, reads: 'plan' };
    case 'duckdb':
      return { sql: `EXPLAIN (${analyze ? 'ANALYZE, ' : ''}FORMAT JSON) ${q}`, reads: 'plan' };
  }
}

/** A cell as text (drivers give JSON columns as text or as { kind: 'json', text }). */
export function cellText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The engine's own plan text from the rows (the JSON document; SQLite's rows as JSON). */
export function engineJson(engine: PlanEngine, rows: readonly (readonly unknown[])[]): string {
  if (engine === 'sqlite') return JSON.stringify(sqliteRowsFrom(rows), null, 2);
  const cell = rows[0]?.[engine === 'duckdb' ? 1 : 0];
  if (cell === undefined) throw new PlanParseError('the engine returned no plan');
  const text = cellText(cell);
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The rows an EXPLAIN returned, read into a Plan. `run`: SQLite's measured whole-statement figures. */
export function readPlan(engine: PlanEngine, rows: readonly (readonly unknown[])[], run?: { readonly timeMs: number; readonly rows: number }): Plan {
  switch (engine) {
    case 'postgres':
      return parsePostgresPlan(cellText(rows[0]?.[0]));
    case 'mysql':
    case 'mariadb':
      return parseMysqlPlan(cellText(rows[0]?.[0]), engine);
    case 'sqlite':
      return parseSqlitePlan(sqliteRowsFrom(rows), run);
    case 'duckdb': {
      if (rows.length === 0) throw new PlanParseError('DuckDB returned no plan');
      return parseDuckdbPlan(cellText(rows[0]![1]));
    }
  }
}
