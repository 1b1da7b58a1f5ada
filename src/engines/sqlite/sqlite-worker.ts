/**
 * Worker thread entry: hosts one better-sqlite3 database so a long statement never blocks the
 * main thread. Handles one request at a time, synchronously; while streaming it waits on the
 * shared flags for the consumer to take batches (at most MAX_BATCHES_IN_FLIGHT ahead) and stops
 * as soon as the main thread flags the request as cancelled.
 */
import { isUtf8 } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { decodeUtf8Escaped } from '../../core/surrogate-escape.js';
import { BatchEncoder } from './sqlite-batch-encoder.js';
import { CsvBatches } from './sqlite-csv-batches.js';
import { introspectSqlite } from './sqlite-introspector.js';
import { secondStatementStart, sqliteErrorPosition } from './sqlite-error-position.js';
import { loadSqliteNative, NATIVE_ENTRY_POINT, type SqliteNative } from './sqlite-native.js';
import {
  FLAG_ACKS,
  FLAG_CANCEL,
  FLAG_COUNT,
  FLAG_INTERRUPTS,
  MAX_BATCHES_IN_FLIGHT,
  type FromWorker,
  type ToWorker,
  type WorkerError,
  type WorkerStartData,
} from './sqlite-protocol.js';

type Database = BetterSqlite3.Database;

class Cancelled extends Error {}

/**
 * The statement stopped because the main thread called sqlite3_interrupt() for a cancel: in a step
 * (SQLITE_INTERRUPT), or while waiting for another connection's lock (the helper's busy handler
 * then gives up: SQLITE_BUSY).
 */
function isInterrupt(e: unknown): boolean {
  const code = e instanceof Error ? ((e as Error & { code?: string }).code ?? '') : '';
  return code === 'SQLITE_INTERRUPT' || code.startsWith('SQLITE_BUSY');
}

/** Registers the connection with the native helper so the main thread can interrupt it; 0 if it cannot. */
function registerInterrupt(db: Database, native: SqliteNative | undefined, path: string | undefined): number {
  if (!native || !path) return 0;
  try {
    // better-sqlite3 takes the entry point as a second argument; its typings do not say so.
    (db as unknown as { loadExtension(file: string, entryPoint: string): void }).loadExtension(path, NATIVE_ENTRY_POINT);
    return native.claim();
  } catch {
    return 0;
  }
}

function post(m: FromWorker): void {
  parentPort!.postMessage(m);
}

function describeError(db: Database, e: unknown, sql: string, SqliteError: new () => Error): WorkerError {
  if (e instanceof SqliteError) {
    const err = e as Error & { code?: string };
    const probe = (prefix: string): string | undefined => {
      try {
        db.prepare(prefix);
        return undefined;
      } catch (p) {
        return p instanceof Error ? p.message : String(p);
      }
    };
    const position = sqliteErrorPosition(sql, err.message, probe);
    return { kind: 'sqlite', message: err.message, ...(err.code ? { code: err.code } : {}), ...(position !== undefined ? { position } : {}) };
  }
  if (e instanceof RangeError && /more than one statement/.test(e.message)) {
    const position = secondStatementStart(sql, (prefix) => {
      try {
        db.prepare(prefix);
        return true;
      } catch (p) {
        return !(p instanceof Error && p.message === 'incomplete input');
      }
    });
    const message = 'more than one statement given: run one statement at a time (split the text on its semicolons)';
    return { kind: 'usage', message, ...(position !== undefined ? { position } : {}) };
  }
  if (e instanceof RangeError || e instanceof TypeError) return { kind: 'usage', message: e.message };
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e) };
}

async function main(): Promise<void> {
  const start = workerData as WorkerStartData;
  const flags = new Int32Array(start.flags, 0, FLAG_COUNT);
  const isCancelled = (id: number): boolean => Atomics.load(flags, FLAG_CANCEL) === id;
  const Database = (await import('better-sqlite3')).default;
  const SqliteError = Database.SqliteError as unknown as new () => Error;
  let db: Database;
  let clearInterrupt: BetterSqlite3.Statement;
  let interruptsSeen = 0;
  const native = loadSqliteNative(start.nativePath);
  let interruptId = 0;
  try {
    db = new Database(start.path, { readonly: start.readOnly, fileMustExist: start.readOnly });
    db.pragma('foreign_keys = ON');
    // Fail now, not at the first statement, when the file is not a database.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const version = db.prepare('SELECT sqlite_version()').pluck().get() as string;
    clearInterrupt = db.prepare('SELECT 0').pluck();
    interruptId = registerInterrupt(db, native, start.nativePath);
    post({ type: 'opened', version, inTransaction: db.inTransaction, interruptId });
  } catch (e) {
    const err = e as Error & { code?: string };
    post({ type: 'open-error', error: { kind: 'sqlite', message: err.message, ...(err.code ? { code: err.code } : {}) } });
    parentPort!.close();
    return;
  }

  /**
   * The current row's TEXT in `column` when its bytes are not valid UTF-8 (better-sqlite3 would show
   * U+FFFD): read again through the native helper, each invalid byte escaped (surrogate-escape.ts).
   */
  const exactText =
    native && interruptId
      ? (column: number): string | undefined => {
          const bytes = native.textBytes(interruptId, column);
          return bytes && !isUtf8(bytes) ? decodeUtf8Escaped(bytes) : undefined;
        }
      : undefined;

  /** Blocks until the consumer is at most MAX_BATCHES_IN_FLIGHT-1 batches behind; false when cancelled. */
  function waitForRoom(id: number, sent: number): boolean {
    for (;;) {
      if (isCancelled(id)) return false;
      const acks = Atomics.load(flags, FLAG_ACKS);
      if (sent - acks < MAX_BATCHES_IN_FLIGHT) return true;
      Atomics.wait(flags, FLAG_ACKS, acks, 1000);
    }
  }

  function execute(id: number, sql: string, batchSize: number, csv?: { readonly nullString: string }): void {
    let stmt: BetterSqlite3.Statement;
    try {
      stmt = db.prepare(sql);
    } catch (e) {
      if (e instanceof RangeError && /contains no statements/.test(e.message)) {
        post({ type: 'done', id, reader: false, empty: true, rowCount: 0, changes: 0, inTransaction: db.inTransaction });
      } else if (isInterrupt(e) && isCancelled(id)) {
        post({ type: 'cancelled', id, inTransaction: db.inTransaction });
      } else {
        post({ type: 'error', id, error: describeError(db, e, sql, SqliteError), inTransaction: db.inTransaction });
      }
      return;
    }
    try {
      if (isCancelled(id)) throw new Cancelled(); // cancelled before it started: an interrupt now would be lost
      if (!stmt.reader) {
        const r = stmt.run();
        post({ type: 'done', id, reader: false, empty: false, rowCount: 0, changes: r.changes, inTransaction: db.inTransaction });
        return;
      }
      stmt.raw(true).safeIntegers(true);
      const columns = stmt.columns();
      post({ type: 'columns', id, columns: columns.map((c) => ({ name: c.name, type: c.type ?? '' })) });
      Atomics.store(flags, FLAG_ACKS, 0);
      const encoder = csv ? new CsvBatches(columns.length, csv.nullString, batchSize, exactText) : new BatchEncoder(columns.length, batchSize, exactText);
      let sent = 0;
      let rowCount = 0;
      const send = (): void => {
        if (!waitForRoom(id, sent)) throw new Cancelled();
        if (encoder instanceof CsvBatches) post({ type: 'text', id, text: encoder.take() });
        else {
          const { batch, transfer } = encoder.take();
          parentPort!.postMessage({ type: 'rows', id, batch } satisfies FromWorker, [transfer]);
        }
        sent++;
      };
      for (const raw of stmt.iterate() as IterableIterator<unknown[]>) {
        if (isCancelled(id)) throw new Cancelled(); // leaving the loop resets the statement
        encoder.add(raw);
        rowCount++;
        if (encoder.full) send();
      }
      if (encoder.rowCount > 0) send();
      post({ type: 'done', id, reader: true, empty: false, rowCount, changes: rowCount, inTransaction: db.inTransaction });
    } catch (e) {
      if (e instanceof Cancelled || (isInterrupt(e) && isCancelled(id))) post({ type: 'cancelled', id, inTransaction: db.inTransaction });
      else post({ type: 'error', id, error: describeError(db, e, sql, SqliteError), inTransaction: db.inTransaction });
    }
  }

  function introspect(id: number): void {
    try {
      const data = introspectSqlite(
        { all: (sql, params = []) => db.prepare(sql).raw(true).all(...params) as unknown[][] },
        () => {
          if (isCancelled(id)) throw new Cancelled();
        },
      );
      post({ type: 'catalog', id, data, inTransaction: db.inTransaction });
    } catch (e) {
      if (e instanceof Cancelled || (isInterrupt(e) && isCancelled(id))) post({ type: 'cancelled', id, inTransaction: db.inTransaction });
      else post({ type: 'error', id, error: describeError(db, e, '', SqliteError), inTransaction: db.inTransaction });
    }
  }

  /**
   * An interrupt that came after its statement ended stays pending until a statement starts with
   * none running; stepping one here keeps it from stopping the next request.
   */
  function clearLateInterrupt(): void {
    const made = Atomics.load(flags, FLAG_INTERRUPTS);
    if (made === interruptsSeen) return;
    interruptsSeen = made;
    try {
      clearInterrupt.get();
    } catch {
      // interrupted itself: the flag is cleared by the next statement that starts
    }
  }

  parentPort!.on('message', (m: ToWorker) => {
    if (m.type !== 'close') clearLateInterrupt();
    switch (m.type) {
      case 'execute':
        execute(m.id, m.sql, m.batchSize, m.csv);
        break;
      case 'introspect':
        introspect(m.id);
        break;
      case 'close':
        try {
          db.close();
        } finally {
          post({ type: 'closed' });
          parentPort!.close();
        }
        break;
    }
  });
}

void main();
