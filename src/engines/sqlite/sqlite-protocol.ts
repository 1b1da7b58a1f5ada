/**
 * The messages between the main thread (sqlite-connection.ts) and the worker that hosts the
 * database (sqlite-worker.ts). Plain structured-clonable data only.
 *
 * Shared flags (an Int32Array over a SharedArrayBuffer, see FLAG_*): the main thread writes the id
 * of the request to cancel and counts the row batches it has consumed; the worker reads both
 * between rows, so a streaming query stops at once and never runs more than MAX_BATCHES_IN_FLIGHT
 * batches ahead.
 *
 * Rows travel as a RowBatch (sqlite-batch-encoder.ts, sqlite-batch-reader.ts): a few flat pieces
 * instead of one small array per row, which costs several times less to copy between threads.
 */
import type { ColumnInfo } from '../../core/result.js';
import type { CatalogData } from '../../catalog/catalog-data.js';

/** flags[FLAG_CANCEL]: id of the request the main thread wants cancelled. */
export const FLAG_CANCEL = 0;
/** flags[FLAG_ACKS]: row batches of the current request the consumer has taken. */
export const FLAG_ACKS = 1;
/** flags[FLAG_INTERRUPTS]: sqlite3_interrupt() calls made so far; the worker clears a late one before its next request. */
export const FLAG_INTERRUPTS = 2;
export const FLAG_COUNT = 3;
/** Batches the worker may post ahead of the consumer. */
export const MAX_BATCHES_IN_FLIGHT = 4;

/** Value tags of a RowBatch. A fresh buffer is all zeros: NULL needs no write. */
export const TAG_NULL = 0;
/** A number (REAL, or an INTEGER within ±(2^53-1)): its value is in `numbers`. */
export const TAG_NUMBER = 1;
/** TEXT: its length (UTF-16 units) is in `numbers`, its characters next in `text`. */
export const TAG_TEXT = 2;
/** Anything else (a bigint beyond 2^53, a blob as an exact-size Uint8Array): the next of `others`. */
export const TAG_OTHER = 3;

/**
 * `rowCount` rows of `columnCount` values, row after row. `buffer` holds the numbers (a Float64Array
 * of rowCount * columnCount) followed by the tags (a Uint8Array of the same length); it is
 * transferred, not copied.
 */
export interface RowBatch {
  readonly rowCount: number;
  readonly columnCount: number;
  readonly buffer: ArrayBuffer;
  /** Every TEXT value of the batch, in order, joined. */
  readonly text: string;
  readonly others: readonly unknown[];
}

export interface WorkerStartData {
  readonly path: string;
  readonly readOnly: boolean;
  readonly flags: SharedArrayBuffer;
  /** The native helper (sqlite-native.ts) to load into the connection, when it was built. */
  readonly nativePath?: string;
}

export type ToWorker =
  | {
      readonly type: 'execute';
      readonly id: number;
      readonly sql: string;
      readonly batchSize: number;
      /**
       * Send the rows as csv or tsv text ('text' messages, no header) instead of 'rows' (ExecuteOptions.csv, .tsv);
       * 'copy': as COPY text for the aligned table ('copy-text' messages, ExecuteOptions.copyText);
       * 'copy-raw': the same for the sinks that take rows (copyText 'rows'), invalid UTF-8 left raw; only
       * where the native helper formats it (else 'rows'; nullString unused); 'json', 'jsonl': the
       * rows' objects as 'text' (ExecuteOptions.json), also only from the native helper.
       */
      readonly text?: { readonly format: 'csv' | 'tsv' | 'copy' | 'copy-raw' | 'json' | 'jsonl'; readonly nullString: string };
      /** INTEGER values as bigint, REALs told apart (ExecuteOptions.sqlite3Values); never with `text`. */
      readonly sqlite3Values?: boolean;
      /** Parameters bound to their `.parameter` values, else NULL (ExecuteOptions.nullParameters). */
      readonly nullParameters?: boolean;
    }
  | { readonly type: 'introspect'; readonly id: number }
  /** Statements that return no rows, one after another (Connection.executeMany): answered by 'ran'. */
  | { readonly type: 'run-many'; readonly id: number; readonly statements: readonly string[] }
  /** SQLite's online backup between the database `schema` and FILE (Connection.backup): answered by 'backed-up'. */
  | { readonly type: 'backup'; readonly id: number; readonly schema: string; readonly file: string; readonly restore: boolean; readonly fast: boolean }
  /** An SQLite extension loaded into the connection (Connection.loadExtension): answered by 'loaded'. */
  | { readonly type: 'load-extension'; readonly id: number; readonly file: string; readonly entryPoint?: string }
  | { readonly type: 'close' };

export interface WorkerError {
  /** 'sqlite': an SqliteError from the engine; 'usage': a RangeError/TypeError from the driver (two statements...). */
  readonly kind: 'sqlite' | 'usage' | 'internal';
  readonly message: string;
  readonly code?: string;
  readonly position?: number;
  /** The statement did not compile (prepare), or failed while it ran (step). */
  readonly phase?: 'prepare' | 'step';
}

export type FromWorker =
  | {
      readonly type: 'opened';
      readonly version: string;
      readonly inTransaction: boolean;
      /** The connection's id for SqliteNative.interrupt(); 0 when the helper could not be loaded. */
      readonly interruptId: number;
    }
  | { readonly type: 'open-error'; readonly error: WorkerError }
  | { readonly type: 'columns'; readonly id: number; readonly columns: readonly ColumnInfo[] }
  | { readonly type: 'rows'; readonly id: number; readonly batch: RowBatch }
  | { readonly type: 'text'; readonly id: number; readonly text: string }
  /** Rows as COPY text (ExecuteOptions.copyText); numeric[i]: column i's values in this chunk are numbers. */
  | { readonly type: 'copy-text'; readonly id: number; readonly bytes: Uint8Array; readonly numeric: readonly boolean[] }
  /** The same as UTF-8 bytes: a chunk of the native helper's (sqlsh-export.cc) holding TEXT that is not valid UTF-8. */
  | { readonly type: 'bytes'; readonly id: number; readonly bytes: Uint8Array }
  | {
      readonly type: 'done';
      readonly id: number;
      /** True when the statement returned rows (SELECT, PRAGMA with results, ... RETURNING). */
      readonly reader: boolean;
      /** Empty input (only comments or spaces): nothing ran. */
      readonly empty: boolean;
      readonly rowCount: number;
      /** sqlite3_changes() after run(); meaningful for INSERT/UPDATE/DELETE only. */
      readonly changes: number;
      readonly inTransaction: boolean;
    }
  | { readonly type: 'catalog'; readonly id: number; readonly data: CatalogData; readonly inTransaction: boolean }
  | {
      readonly type: 'ran';
      readonly id: number;
      /** Per statement that ran (statements[0 .. changes.length)): sqlite3_changes() after it; -1: it held no statement. */
      readonly changes: readonly number[];
      /**
       * Why statements[changes.length] did not run or failed, when the request did not run them all (none:
       * the time of one request ran out; send the rest again): 'other' needs execute() (rows, parameters,
       * two statements); 'unsupported': the native helper is missing, run every statement with execute().
       */
      readonly stop?: 'other' | 'unsupported' | 'cancelled' | 'error';
      readonly error?: WorkerError;
      readonly inTransaction: boolean;
    }
  /** The backup was made, or `error` says why not; `unsupported`: the native helper is missing. */
  /** The extension was loaded, or `error` says why not (SQLite's words). */
  | { readonly type: 'loaded'; readonly id: number; readonly error?: string; readonly inTransaction: boolean }
  | { readonly type: 'backed-up'; readonly id: number; readonly error?: string; readonly unsupported?: boolean; readonly inTransaction: boolean }
  | { readonly type: 'error'; readonly id: number; readonly error: WorkerError; readonly inTransaction: boolean }
  | { readonly type: 'cancelled'; readonly id: number; readonly inTransaction: boolean }
  | { readonly type: 'closed' };
