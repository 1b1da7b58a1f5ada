/**
 * Does the real engine accept a statement? Checked without changing any data:
 * - PostgreSQL, DuckDB: inside a transaction that is rolled back; queries and DML under EXPLAIN (planned,
 *   not run), other statements (DDL, CALL, TRUNCATE) run and rolled back. Statements PostgreSQL refuses
 *   to run in a transaction (CREATE DATABASE, VACUUM, ...) are skipped with the reason.
 * - SQLite: EXPLAIN compiles any statement (names resolved) and runs none.
 * - MariaDB: queries and DML under EXPLAIN (names resolved); other statements through PREPARE, which
 *   parses them without running them (DDL commits implicitly, so it is never run): a syntax check only.
 */
import type { Connection } from '../../../src/engines/engine.js';
import type { EngineId } from '../../../src/sql/dialect.js';

export type AcceptMode = 'explain' | 'rolled-back' | 'prepare' | 'skip';

export interface AcceptVerdict {
  readonly mode: AcceptMode;
  /** The engine's error when it rejected the statement, with its code ([42703] SQLSTATE, [SQLITE_ERROR]). */
  readonly error?: string;
  /** Why the statement was not checked (mode 'skip'). */
  readonly reason?: string;
}

const QUERY = new Set(['select', 'with', 'insert', 'update', 'delete', 'values', 'table', 'replace']);
const PG_NO_TRANSACTION = new Set(['vacuum', 'reindex', 'cluster']);
const PG_NO_TRANSACTION_CREATE = /^\s*(create|drop)\s+(database|tablespace|subscription)\b|^\s*(create|drop)\s+index\s+concurrently\b|^\s*alter\s+system\b/i;

/** The statement's first word, lower-cased, after comments and blanks. */
export function firstWord(sql: string): string {
  const body = sql.replace(/^(\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/, '');
  return (/^[A-Za-z_]+/.exec(body)?.[0] ?? '').toLowerCase();
}

export function acceptMode(engine: EngineId, sql: string): AcceptMode {
  const word = firstWord(sql);
  if (engine === 'sqlite') return 'explain';
  if (engine === 'mysql') return QUERY.has(word) ? 'explain' : 'prepare';
  if (engine === 'postgres' && (PG_NO_TRANSACTION.has(word) || PG_NO_TRANSACTION_CREATE.test(sql))) return 'skip';
  return QUERY.has(word) && word !== 'replace' ? 'explain' : 'rolled-back';
}

async function run(conn: Connection, sql: string): Promise<void> {
  for await (const _ of conn.execute(sql)) void _;
}

const mysqlString = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** Ask the engine whether it accepts `statement` (one statement; a final `;` is allowed). */
export async function checkAccepted(conn: Connection, engine: EngineId, statement: string): Promise<AcceptVerdict> {
  const sql = statement.replace(/[\s;]+$/, '');
  const mode = acceptMode(engine, sql);
  if (mode === 'skip') return { mode, reason: `${firstWord(sql).toUpperCase()} cannot run inside a transaction block, so it is not checked` };
  const transaction = engine === 'postgres' || engine === 'duckdb';
  try {
    if (transaction) await run(conn, 'BEGIN');
    try {
      if (mode === 'explain') await run(conn, `EXPLAIN ${sql}`);
      else if (mode === 'prepare') {
        await run(conn, `PREPARE sqlsh_accept FROM ${mysqlString(sql)}`);
        await run(conn, 'DEALLOCATE PREPARE sqlsh_accept');
      } else await run(conn, sql);
    } finally {
      if (transaction) await run(conn, 'ROLLBACK');
    }
    return { mode };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const message = err instanceof Error ? err.message : String(err);
    return { mode, error: typeof code === 'string' && code !== '' ? `${message} [${code}]` : message };
  }
}
