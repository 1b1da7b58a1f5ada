/**
 * sqlite3's `.eqp on`: before each statement of a SQLite session, its EXPLAIN QUERY PLAN drawn as the sqlite3
 * shell draws it (src/plan/parse-sqlite-plan.ts), where results go. A statement SQLite cannot explain (it does
 * not prepare) draws nothing: its own error follows when it runs.
 */
import type { Session } from './session.js';
import { sqlite3PlanText, sqliteRowsFrom } from '../plan/parse-sqlite-plan.js';

export async function writeSqlite3Plan(session: Session, sql: string, signal?: AbortSignal): Promise<void> {
  const rows: (readonly unknown[])[] = [];
  try {
    for await (const ev of session.connection.execute(`EXPLAIN QUERY PLAN ${sql}`, signal ? { signal } : {})) {
      if (ev.type === 'rows') rows.push(...(ev.rows as readonly (readonly unknown[])[]));
    }
  } catch {
    return;
  }
  const text = sqlite3PlanText(sqliteRowsFrom(rows));
  if (text !== '') await session.out.write(text);
}
