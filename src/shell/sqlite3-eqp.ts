/**
 * sqlite3's `.eqp on`: before each statement of a SQLite session, its EXPLAIN QUERY PLAN drawn as the sqlite3
 * shell draws it (src/plan/parse-sqlite-plan.ts), where results go; `.eqp full` then lists its bytecode as
 * EXPLAIN does, in sqlite3's explain mode (output/sqlite3-explain.ts). A statement SQLite cannot explain (it does
 * not prepare) draws nothing: its own error follows when it runs; nor does an EXPLAIN statement.
 */
import type { Session } from './session.js';
import { sqlite3PlanText, sqliteRowsFrom } from '../plan/parse-sqlite-plan.js';
import { querier } from '../meta/describe/query-rows.js';
import { untraced } from '../meta/sqlite3-trace.js';
import { SQLITE3_DEFAULT, Sqlite3Sink } from '../output/sqlite3-sink.js';
import { sqliteExplainKind } from '../sql/sqlite3-statement-text.js';

export async function writeSqlite3Plan(session: Session, sql: string, signal?: AbortSignal): Promise<void> {
  if (sqliteExplainKind(sql)) return;
  // (not in sqlite3's .trace, as the sqlite3 shell's own plan query is not)
  const conn = untraced(session.connection);
  let rows: readonly (readonly unknown[])[];
  try {
    rows = (await querier(conn, signal)(`EXPLAIN QUERY PLAN ${sql}`)) as unknown as readonly (readonly unknown[])[];
  } catch {
    return;
  }
  const text = sqlite3PlanText(sqliteRowsFrom(rows));
  if (text !== '') await session.out.write(text);
  if (session.sqlite3Eqp !== 'full') return;
  const sink = new Sqlite3Sink(session.out, { ...(session.sqlite3Output ?? SQLITE3_DEFAULT), mode: 'explain' });
  try {
    for await (const ev of conn.execute(`EXPLAIN ${sql}`, { sqlite3Values: true, ...(signal ? { signal } : {}) })) {
      if (ev.type === 'columns') sink.begin(ev.columns);
      else if (ev.type === 'rows') await sink.rows(ev.rows);
      else if (ev.type === 'done') await sink.end({ rowCount: 0 });
    }
  } catch {
    // (it explained above: it compiles)
  }
}
