/** Runs a small catalog query on the session's connection and collects its rows. */
import type { Row } from '../../core/result.js';
import type { Connection } from '../../engines/engine.js';

export type Querier = (sql: string) => Promise<readonly Row[]>;

export function querier(conn: Connection, signal?: AbortSignal): Querier {
  return async (sql) => {
    const rows: Row[] = [];
    for await (const ev of conn.execute(sql, signal ? { signal } : {})) if (ev.type === 'rows') rows.push(...ev.rows);
    return rows;
  };
}

/** A SQL string literal; MySQL also needs backslashes doubled. */
export function sqlString(text: string, backslashEscapes = false): string {
  const t = backslashEscapes ? text.replace(/\\/g, '\\\\') : text;
  return `'${t.replace(/'/g, "''")}'`;
}

/** A Value as plain text ('' for NULL). */
export function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'text' in (v as object)) return String((v as { text: string }).text);
  return String(v);
}
