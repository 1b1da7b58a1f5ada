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

/** A kept piece of COPY text, with the flags its rows are read back with. */
interface CopyPart {
  readonly bytes: Uint8Array;
  readonly numeric: readonly boolean[];
  readonly booleans: readonly boolean[] | undefined;
}

/**
 * Keeps a copy of one result set's rows while it streams by, up to the limits; then only the count.
 * Rows that arrive as COPY text (the aligned table, expanded, markdown or unaligned output to a file
 * or pipe) are kept as their bytes and read back into rows only when asked (\chart): a script's
 * export makes no row objects for a copy nobody may look at (10,000 of them were ~4 MB of its peak).
 */
export class ResultKeeper {
  private columns: readonly ColumnInfo[] | undefined;
  /** In arrival order: rows, or COPY text still to be read back. */
  private kept: (readonly Row[] | CopyPart)[] | undefined;
  private count = 0;
  private bytes = 0;

  begin(columns: readonly ColumnInfo[]): void {
    this.columns = columns;
    this.kept = [];
    this.count = 0;
    this.bytes = 0;
  }

  /** Still within the limits after `rows` more rows and `bytes` more bytes? Else nothing is kept. */
  private fits(rows: number, bytes: number): boolean {
    this.count += rows;
    if (!this.kept) return false;
    this.bytes += bytes;
    if (this.count > KEEP_ROWS || this.count * Math.max(1, this.columns?.length ?? 1) > KEEP_VALUES || this.bytes > KEEP_BYTES) {
      this.kept = undefined;
      return false;
    }
    return true;
  }

  rows(batch: readonly Row[]): void {
    let bytes = 0;
    if (this.kept) for (const row of batch) for (const v of row) bytes += typeof v === 'string' ? v.length * 2 : v instanceof Uint8Array ? v.byteLength : v !== null && typeof v === 'object' ? v.text.length * 2 : 8;
    if (this.fits(batch.length, bytes)) this.kept!.push(batch);
  }

  /** Rows as COPY text: kept as a copy of the bytes (the producer may reuse its buffer) while small enough; else only counted. */
  copyText(bytes: Uint8Array, numeric: readonly boolean[], booleans?: readonly boolean[]): void {
    let lines = 0;
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lines++;
    // a value's text as a string is about twice its UTF-8 bytes
    if (this.fits(lines, bytes.byteLength * 2)) this.kept!.push({ bytes: new Uint8Array(bytes), numeric, booleans }); // a copy (Buffer#slice would be a view)
  }

  /** Rows arrived in a form that is not kept (server-formatted csv): only the statement is. */
  drop(): void {
    this.kept = undefined;
  }

  /** The result, when one with columns was seen; `complete` false: its rows were not all read. */
  result(sql: string, complete: boolean): LastResult | undefined {
    if (!this.columns || this.columns.length === 0) return undefined;
    const parts = complete ? this.kept : undefined;
    let rows: readonly Row[] | undefined;
    return Object.freeze({
      sql,
      columns: this.columns,
      get rows(): readonly Row[] | undefined {
        if (parts && !rows) rows = readBack(parts);
        return rows;
      },
      rowCount: this.count,
    });
  }
}

/** The kept parts as rows, COPY text read back on the way. */
function readBack(parts: readonly (readonly Row[] | CopyPart)[]): readonly Row[] {
  const rows: Row[] = [];
  let reader: CopyTextRows | undefined;
  for (const part of parts) {
    if (!('bytes' in part)) {
      if (reader) rows.push(...reader.end());
      reader = undefined;
      rows.push(...part);
      continue;
    }
    reader ??= new CopyTextRows(part.numeric, part.booleans);
    rows.push(...reader.push(part.bytes, part.numeric, part.booleans));
  }
  if (reader) rows.push(...reader.end());
  return rows;
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
