/**
 * sqlite3's `.eqp on`: before each statement of a SQLite session, its EXPLAIN QUERY PLAN drawn as the sqlite3
 * shell draws it (src/plan/parse-sqlite-plan.ts), where results go. A statement SQLite cannot explain (it does
 * not prepare) draws nothing: its own error follows when it runs.
 */
import type { Session } from './session.js';
import { sqlite3PlanText, sqliteRowsFrom } from '../plan/parse-sqlite-plan.js';
import { querier } from '../meta/describe/query-rows.js';
import { untraced } from '../meta/sqlite3-trace.js';

export async function writeSqlite3Plan(session: Session, sql: string, signal?: AbortSignal): Promise<void> {
  let rows: readonly (readonly unknown[])[];
  try {
    // (not in sqlite3's .trace, as the sqlite3 shell's own plan query is not)
    rows = (await querier(untraced(session.connection), signal)(`EXPLAIN QUERY PLAN ${sql}`)) as unknown as readonly (readonly unknown[])[];
  } catch {
    return;
  }
  const text = sqlite3PlanText(sqliteRowsFrom(rows));
  if (text !== '') await session.out.write(text);
}
