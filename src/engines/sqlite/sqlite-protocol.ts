/**
 * The messages between the main thread (sqlite-connection.ts) and the worker that hosts the
 * database (sqlite-worker.ts). Plain structured-clonable data only.
 *
 * Shared flags (an Int32Array over a SharedArrayBuffer, see FLAG_*): the main thread writes the id
 * of the request to cancel and counts the row batches it has consumed; the worker reads both
 * between rows, so a streaming query stops at once and never runs more than two batches ahead.
 */
import type { ColumnInfo, Row } from '../../core/result.js';
import type { CatalogData } from '../../catalog/catalog-data.js';

/** flags[FLAG_CANCEL]: id of the request the main thread wants cancelled. */
export const FLAG_CANCEL = 0;
/** flags[FLAG_ACKS]: row batches of the current request the consumer has taken. */
export const FLAG_ACKS = 1;
export const FLAG_COUNT = 2;
/** Batches the worker may post ahead of the consumer. */
export const MAX_BATCHES_IN_FLIGHT = 2;

export interface WorkerStartData {
  readonly path: string;
  readonly readOnly: boolean;
  readonly flags: SharedArrayBuffer;
}

export type ToWorker =
  | { readonly type: 'execute'; readonly id: number; readonly sql: string; readonly batchSize: number }
  | { readonly type: 'introspect'; readonly id: number }
  | { readonly type: 'close' };

export interface WorkerError {
  /** 'sqlite': an SqliteError from the engine; 'usage': a RangeError/TypeError from the driver (two statements...). */
  readonly kind: 'sqlite' | 'usage' | 'internal';
  readonly message: string;
  readonly code?: string;
  readonly position?: number;
}

export type FromWorker =
  | { readonly type: 'opened'; readonly version: string; readonly inTransaction: boolean }
  | { readonly type: 'open-error'; readonly error: WorkerError }
  | { readonly type: 'columns'; readonly id: number; readonly columns: readonly ColumnInfo[] }
  | { readonly type: 'rows'; readonly id: number; readonly rows: readonly Row[] }
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
  | { readonly type: 'error'; readonly id: number; readonly error: WorkerError; readonly inTransaction: boolean }
  | { readonly type: 'cancelled'; readonly id: number; readonly inTransaction: boolean }
  | { readonly type: 'closed' };
