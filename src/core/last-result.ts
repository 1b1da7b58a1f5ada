/**
 * The last result that returned rows, for \chart without a query: the statement, its columns, and a
 * copy of its rows when it was small (KEEP_ROWS rows, KEEP_VALUES values, about KEEP_BYTES), so the chart shows what was
 * on screen without running anything again. A bigger result keeps only its statement (\chart runs it
 * again, streaming, if it is a query). A statement without a result set (UPDATE, SET, \d ...) leaves
 * the last one as it was.
 */
import { CopyTextRows } from './copy-text-rows.js';
import type { ColumnInfo, ResultEvent, Row } from './result.js';

export const KEEP_ROWS = 10_000;
export const KEEP_VALUES = 200_000;
/** And about this many bytes of text and binary values (a few wide rows can be large). */
export const KEEP_BYTES = 16 * 1024 * 1024;

export interface LastResult {
  readonly sql: string;
  readonly columns: readonly ColumnInfo[];
  /** The rows, when the result was small enough to keep; undefined: run `sql` again to see them. */
  readonly rows: readonly Row[] | undefined;
  /** How many rows it had. */
  readonly rowCount: number;
}

/** Keeps a copy of one result set's rows while it streams by, up to the limits; then only the count. */
export class ResultKeeper {
  private columns: readonly ColumnInfo[] | undefined;
  private kept: Row[] | undefined;
  private count = 0;
  private bytes = 0;
  /** Rows arriving as COPY text (the aligned table to a file or pipe) are read back while they are kept. */
  private copyRows: CopyTextRows | undefined;

  begin(columns: readonly ColumnInfo[]): void {
    this.columns = columns;
    this.kept = [];
    this.count = 0;
    this.bytes = 0;
    this.copyRows = undefined;
  }

  rows(batch: readonly Row[]): void {
    this.count += batch.length;
    if (!this.kept) return;
    if (this.count > KEEP_ROWS || this.count * Math.max(1, this.columns?.length ?? 1) > KEEP_VALUES) {
      this.kept = undefined;
      return;
    }
    for (const row of batch) for (const v of row) this.bytes += typeof v === 'string' ? v.length * 2 : v instanceof Uint8Array ? v.byteLength : v !== null && typeof v === 'object' ? v.text.length * 2 : 8;
    if (this.bytes > KEEP_BYTES) this.kept = undefined;
    else this.kept.push(...batch);
  }

  /**
   * Rows as COPY text: read back into rows while the result is small enough to keep; after that
   * only counted (the bytes are not decoded again).
   */
  copyText(bytes: Uint8Array, numeric: readonly boolean[], booleans?: readonly boolean[]): void {
    if (this.kept) {
      this.copyRows ??= new CopyTextRows(numeric, booleans);
      this.rows(this.copyRows.push(bytes, numeric, booleans));
      return;
    }
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) this.count++;
  }

  /** Rows arrived in a form that is not kept (server-formatted csv): only the statement is. */
  drop(): void {
    this.kept = undefined;
  }

  /** The result, when one with columns was seen; `complete` false: its rows were not all read. */
  result(sql: string, complete: boolean): LastResult | undefined {
    if (!this.columns || this.columns.length === 0) return undefined;
    if (this.copyRows && this.kept) this.rows(this.copyRows.end());
    return Object.freeze({ sql, columns: this.columns, rows: complete ? this.kept : undefined, rowCount: this.count });
  }
}

/**
 * Passes `events` through unchanged and calls `keep` with the last result set once the statement
 * has finished without error (a failed or cancelled statement keeps nothing). When the reader stops
 * early (the pager was quit), the statement is kept without its rows: \chart runs it again.
 */
export async function* keepingLastResult(sql: string, events: AsyncIterable<ResultEvent>, keep: (r: LastResult) => void): AsyncIterable<ResultEvent> {
  const keeper = new ResultKeeper();
  let failed = false;
  let finished = false;
  try {
    for await (const e of events) {
      if (e.type === 'columns') keeper.begin(e.columns);
      else if (e.type === 'rows') keeper.rows(e.rows);
      else if (e.type === 'copy-text') keeper.copyText(e.bytes, e.numeric, e.booleans);
      else if (e.type === 'text' || e.type === 'bytes') keeper.drop();
      yield e;
    }
    finished = true;
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    const r = failed ? undefined : keeper.result(sql, finished);
    if (r) keep(r);
  }
}
