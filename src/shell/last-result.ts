/**
 * The last result that returned rows, for \chart without a query: the statement, its columns, and a
 * copy of its rows when it was small (KEEP_ROWS rows, KEEP_VALUES values), so the chart shows what was
 * on screen without running anything again. A bigger result keeps only its statement (\chart runs it
 * again, streaming, if it is a query). A statement without a result set (UPDATE, SET, \d ...) leaves
 * the last one as it was.
 */
import type { ColumnInfo, ResultEvent, Row } from '../core/result.js';

export const KEEP_ROWS = 10_000;
export const KEEP_VALUES = 200_000;

export interface LastResult {
  readonly sql: string;
  readonly columns: readonly ColumnInfo[];
  /** The rows, when the result was small enough to keep; undefined: run `sql` again to see them. */
  readonly rows: readonly Row[] | undefined;
  /** How many rows it had. */
  readonly rowCount: number;
}

/**
 * Passes `events` through unchanged and calls `keep` with the last result set once the statement
 * has finished without error (a failed or cancelled statement keeps nothing). When the reader stops
 * early (the pager was quit), the statement is kept without its rows: \chart runs it again.
 */
export async function* keepingLastResult(sql: string, events: AsyncIterable<ResultEvent>, keep: (r: LastResult) => void): AsyncIterable<ResultEvent> {
  let columns: readonly ColumnInfo[] | undefined;
  let rows: Row[] | undefined;
  let count = 0;
  let failed = false;
  let finished = false;
  try {
    for await (const e of events) {
      if (e.type === 'columns') {
        columns = e.columns;
        rows = [];
        count = 0;
      } else if (e.type === 'rows') {
        count += e.rows.length;
        if (rows && (count > KEEP_ROWS || count * Math.max(1, columns?.length ?? 1) > KEEP_VALUES)) rows = undefined;
        else rows?.push(...e.rows);
      } else if (e.type === 'text') rows = undefined;
      yield e;
    }
    finished = true;
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    if (!failed && columns && columns.length > 0) keep(Object.freeze({ sql, columns, rows: finished ? rows : undefined, rowCount: count }));
  }
}
