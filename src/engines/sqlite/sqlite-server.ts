/**
 * One better-sqlite3 database and the requests run on it (execute, introspect, close), answering
 * with the messages of sqlite-protocol.ts. It runs in the database worker (sqlite-worker.ts) or,
 * for a script, on the main thread (sqlite-inline-host.ts); the two drive it the same way.
 *
 * Everything here is synchronous. execute() is a generator: it yields, with the number of batches
 * it has posted so far, each time it is about to post one more, so its driver can wait until the
 * consumer has room (the worker blocks on the shared flags; the main thread comes back on a later
 * turn of its event loop). After each yield the request may have been cancelled: it then stops.
 */
import { isUtf8 } from 'node:buffer';
import type BetterSqlite3 from 'better-sqlite3';
import { decodeUtf8Escaped } from '../../core/surrogate-escape.js';
import { BatchEncoder } from './sqlite-batch-encoder.js';
import { sqliteNullBindings } from './sqlite-null-bindings.js';
import { SQLITE3_PARAMETERS_DDL } from '../../sql/sqlite3-parameters.js';
import { CsvBatches, type FormatRequest, type TextRequest } from './sqlite-csv-batches.js';
import { uniqueJsonKeys } from '../../output/json-value.js';
import { introspectSqlite } from './sqlite-introspector.js';
import { secondStatementStart, sqliteErrorPosition } from './sqlite-error-position.js';
import { betterSqliteBinding, loadSqliteNative, NATIVE_ENTRY_POINT, type NativeExport, type SqliteNative } from './sqlite-native.js';
import { MAX_BATCHES_IN_FLIGHT, type FromWorker, type WorkerError, type WorkerStartData } from './sqlite-protocol.js';

type Database = BetterSqlite3.Database;
export type DatabaseClass = typeof BetterSqlite3;

class Cancelled extends Error {}

/**
 * Bytes of csv/tsv per chunk from the native helper (at most MAX_BATCHES_IN_FLIGHT wait for the
 * writer). Its strings stay in V8's young generation (below 128 KB), collected at each scavenge.
 */
const NATIVE_CHUNK_BYTES = 64 * 1024;

/**
 * Buffers of COPY text used in turn on the main thread. The driver runs the statement on only while
 * fewer than MAX_BATCHES_IN_FLIGHT chunks wait for the consumer (or to stop it, when cancelled: then
 * nothing more is formatted), and a chunk counts as taken once the consumer asks for the next event,
 * done with it (output/table-copy-text.ts copies what it keeps): so chunk n may use the buffer of
 * chunk n - MAX_BATCHES_IN_FLIGHT - 1 and before.
 */
const POOL = MAX_BATCHES_IN_FLIGHT + 2;

/**
 * How long one runMany request runs statements before it answers (the rest come in the next one): on
 * the main thread, the output of those that ran is written and Ctrl-C's JavaScript listener runs between.
 */
const RUN_MANY_MS = 25;

/** How the server talks to its driver. */
export interface ServerIO {
  /** Sends a message to the main thread's connection; `transfer`: buffers it may take over. */
  post(m: FromWorker, transfer?: readonly ArrayBuffer[]): void;
  /** True once request `id` was cancelled (or stopped by Ctrl-C). */
  cancelled(id: number): boolean;
  /** The consumer runs on this thread (sqlite-inline-host.ts): posted buffers are not transferred. */
  readonly sameThread?: boolean;
}

/**
 * The statement stopped because sqlite3_interrupt() was called for a cancel: in a step
 * (SQLITE_INTERRUPT), or while waiting for another connection's lock (the helper's busy handler
 * then gives up: SQLITE_BUSY).
 */
function isInterrupt(e: unknown): boolean {
  const code = e instanceof Error ? ((e as Error & { code?: string }).code ?? '') : '';
  return code === 'SQLITE_INTERRUPT' || code.startsWith('SQLITE_BUSY');
}

/** Registers the connection with the native helper so it can be interrupted; 0 if it cannot. */
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
    // a statement that compiles now failed while it ran (the sqlite3 shell's "Runtime error", else "Parse error")
    const phase = probe(sql) === undefined ? 'step' : 'prepare';
    return { kind: 'sqlite', message: err.message, phase, ...(err.code ? { code: err.code } : {}), ...(position !== undefined ? { position } : {}) };
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

export class SqliteServer {
  private interruptsSeen = 0;
  /** The native COPY-text chunks' buffers on this thread (nativeExport), made on first use. */
  private copyPool: Buffer[] | undefined;
  /** The current row's TEXT in a column when its bytes are not valid UTF-8 (see open()). */
  private readonly exactText: ((column: number) => string | undefined) | undefined;

  private constructor(
    private readonly db: Database,
    private readonly io: ServerIO,
    private readonly SqliteError: new () => Error,
    private readonly clearInterrupt: BetterSqlite3.Statement,
    /** The connection's id for SqliteNative.interrupt() (0: none). */
    readonly interruptId: number,
    /** The native helper as loaded on this thread, when interruptId is set. */
    readonly native: SqliteNative | undefined,
  ) {
    // better-sqlite3 shows invalid UTF-8 as U+FFFD: read such a value again through the native
    // helper, each invalid byte escaped (surrogate-escape.ts).
    this.exactText =
      native && interruptId
        ? (column: number): string | undefined => {
            const bytes = native.textBytes(interruptId, column);
            return bytes && !isUtf8(bytes) ? decodeUtf8Escaped(bytes) : undefined;
          }
        : undefined;
  }

  /** Opens the database and posts 'opened' (or 'open-error', returning undefined). */
  static open(Database: DatabaseClass, start: WorkerStartData, io: ServerIO): SqliteServer | undefined {
    const SqliteError = Database.SqliteError as unknown as new () => Error;
    const native = loadSqliteNative(start.nativePath);
    try {
      const nativeBinding = betterSqliteBinding();
      const db = new Database(start.path, { readonly: start.readOnly, fileMustExist: start.readOnly, ...(nativeBinding ? { nativeBinding } : {}) });
      db.pragma('foreign_keys = ON');
      // SQLite's own default page cache (2 MB, as in the sqlite3 shell), not better-sqlite3's 16 MB:
      // an export reads each page once (the OS caches the file), and 14 MB is a tenth of its memory.
      db.pragma('cache_size = -2000');
      addGenerateSeries(db);
      // Fail now, not at the first statement, when the file is not a database.
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      const version = db.prepare('SELECT sqlite_version()').pluck().get() as string;
      const clearInterrupt = db.prepare('SELECT 0').pluck();
      const interruptId = registerInterrupt(db, native, start.nativePath);
      io.post({ type: 'opened', version, inTransaction: db.inTransaction, interruptId });
      return new SqliteServer(db, io, SqliteError, clearInterrupt, interruptId, interruptId ? native : undefined);
    } catch (e) {
      const err = e as Error & { code?: string };
      io.post({ type: 'open-error', error: { kind: 'sqlite', message: err.message, ...(err.code ? { code: err.code } : {}) } });
      return undefined;
    }
  }

  /** The values of the sqlite3 shell's `.parameter` table by name, when it exists (src/sql/sqlite3-parameters.ts). */
  private parameterValues(): ((name: string) => unknown) | undefined {
    const { db } = this;
    if (db.prepare("SELECT 1 FROM temp.sqlite_master WHERE name = 'sqlite_parameters'").pluck().get() === undefined) return undefined;
    const read = db.prepare('SELECT value FROM temp.sqlite_parameters WHERE key = ?').pluck().safeIntegers(true);
    return (name) => read.get(name);
  }

  /** Runs one statement; yields the batches posted so far before posting each next one (see the top). */
  *execute(id: number, sql: string, batchSize: number, text?: FormatRequest, sqlite3Values = false, nullParameters = false): Generator<number, void, void> {
    const { db, io, SqliteError } = this;
    if (sql === SQLITE3_PARAMETERS_DDL) {
      // the sqlite3 shell's table of parameters: a name SQLite keeps for itself, made as the shell makes it
      try {
        db.unsafeMode(true);
        db.pragma('writable_schema = ON');
        db.exec(sql);
      } catch (e) {
        io.post({ type: 'error', id, error: describeError(db, e, sql, SqliteError), inTransaction: db.inTransaction });
        return;
      } finally {
        db.pragma('writable_schema = OFF');
        db.unsafeMode(false);
      }
      io.post({ type: 'done', id, reader: false, empty: false, rowCount: 0, changes: 0, inTransaction: db.inTransaction });
      return;
    }
    let stmt: BetterSqlite3.Statement;
    try {
      stmt = db.prepare(sql);
    } catch (e) {
      if (e instanceof RangeError && /contains no statements/.test(e.message)) {
        io.post({ type: 'done', id, reader: false, empty: true, rowCount: 0, changes: 0, inTransaction: db.inTransaction });
      } else if (isInterrupt(e) && io.cancelled(id)) {
        io.post({ type: 'cancelled', id, inTransaction: db.inTransaction });
      } else {
        io.post({ type: 'error', id, error: describeError(db, e, sql, SqliteError), inTransaction: db.inTransaction });
      }
      return;
    }
    try {
      if (io.cancelled(id)) throw new Cancelled(); // cancelled before it started: an interrupt now would be lost
      // (the sqlite3 shell's NULL for each parameter, sqlite-null-bindings.ts)
      const args = nullParameters ? sqliteNullBindings(sql, () => this.parameterValues()) : [];
      if (!stmt.reader) {
        const r = stmt.run(...args);
        io.post({ type: 'done', id, reader: false, empty: false, rowCount: 0, changes: r.changes, inTransaction: db.inTransaction });
        return;
      }
      stmt.raw(true).safeIntegers(true);
      const columns = stmt.columns();
      io.post({ type: 'columns', id, columns: columns.map((c) => ({ name: c.name, type: c.type ?? '' })) });
      if (text) {
        const native = this.nativeExport(sql, text, columns.map((c) => c.name));
        if (native) {
          yield* native(id);
          return;
        }
      }
      const encoder = text && (text.format === 'csv' || text.format === 'tsv')
        ? new CsvBatches(columns.length, text as TextRequest, batchSize, this.exactText)
        : new BatchEncoder(columns.length, batchSize, this.exactText, sqlite3Values);
      let sent = 0;
      let rowCount = 0;
      // Leaving the loop (a cancel, an error, or this generator closed early) resets the statement.
      for (const raw of stmt.iterate(...args) as IterableIterator<unknown[]>) {
        if (io.cancelled(id)) throw new Cancelled();
        encoder.add(raw);
        rowCount++;
        if (encoder.full) {
          yield sent;
          if (io.cancelled(id)) throw new Cancelled();
          this.send(id, encoder);
          sent++;
        }
      }
      if (encoder.rowCount > 0) {
        yield sent;
        if (io.cancelled(id)) throw new Cancelled();
        this.send(id, encoder);
      }
      io.post({ type: 'done', id, reader: true, empty: false, rowCount, changes: rowCount, inTransaction: db.inTransaction });
    } catch (e) {
      if (e instanceof Cancelled || (isInterrupt(e) && io.cancelled(id))) io.post({ type: 'cancelled', id, inTransaction: db.inTransaction });
      else io.post({ type: 'error', id, error: describeError(db, e, sql, SqliteError), inTransaction: db.inTransaction });
    }
  }

  /**
   * csv or tsv stepped and formatted by the native helper (native/sqlsh-export.cc), or undefined
   * when it is missing or the statement does not fit it (the ordinary path then runs). The
   * generator posts 'bytes' chunks and 'done', yielding before each chunk as execute() does; a
   * failed step throws an SqliteError as better-sqlite3's would (execute() reports it).
   */
  private nativeExport(sql: string, text: FormatRequest, names: readonly string[]): ((id: number) => Generator<number, void, void>) | undefined {
    const native = this.native;
    if (!native?.exportStart || !native.exportNext || !native.exportRows || !native.exportFinish || !this.interruptId) return undefined;
    if (process.env['SQLSH_SQLITE_NATIVE_EXPORT'] === '0') return undefined; // the JavaScript path, to compare
    if (text.format === 'copy-raw' && native.exportCopyRaw !== true) return undefined; // a helper built before it: rows
    const json = text.format === 'json' || text.format === 'jsonl';
    // json keys as the sinks make them (unique, quoted), each ended by a zero byte
    const keys = json ? Buffer.from(uniqueJsonKeys(names.map((name) => ({ name, type: '' }))).map((k) => k + '\0').join(''), 'utf8') : undefined;
    const handle = native.exportStart(this.interruptId, sql, text.format, Buffer.from(text.nullString, 'utf8'), names.length === 1, keys);
    if (!handle) return undefined;
    const { io, db, SqliteError } = this;
    const next = native.exportNext.bind(native);
    const finish = native.exportFinish.bind(native);
    const rows = native.exportRows.bind(native);
    const numeric = (h: NativeExport): boolean[] => native.exportNumeric?.(h) ?? [];
    // COPY text on this thread goes into a few buffers used in turn (a chunk's buffer is used again
    // only after the consumer took it, see POOL), instead of a new one each time: buffers outside
    // V8's heap wait for a full collection, and tens of MB of them piled up at an export's peak.
    // The pool is made once per connection (statements run one after another, and a chunk is
    // consumed before the next statement starts): a script of many small queries allocates nothing.
    const copy = text.format === 'copy' || text.format === 'copy-raw';
    const pool = io.sameThread && copy ? (this.copyPool ??= Array.from({ length: POOL }, () => Buffer.allocUnsafeSlow(NATIVE_CHUNK_BYTES * 2))) : undefined;
    return function* (id: number): Generator<number, void, void> {
      let sent = 0;
      try {
        for (;;) {
          if (io.cancelled(id)) throw new Cancelled();
          let chunk: string | Buffer | null;
          try {
            const into = pool?.[sent % POOL];
            const got = next(handle, NATIVE_CHUNK_BYTES, into);
            chunk = typeof got === 'number' ? into!.subarray(0, got) : got;
          } catch (e) {
            const err = e as Error & { code?: string };
            throw new (SqliteError as unknown as new (message: string, code: string) => Error)(err.message, err.code ?? 'SQLITE_ERROR');
          }
          if (chunk === null) break;
          yield sent;
          if (io.cancelled(id)) throw new Cancelled();
          if (copy) {
            const bytes = chunk as Buffer;
            const own = !pool && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
            io.post({ type: 'copy-text', id, bytes, numeric: numeric(handle) }, own ? [bytes.buffer as ArrayBuffer] : undefined);
          } else if (typeof chunk === 'string') io.post({ type: 'text', id, text: chunk });
          else {
            // A buffer of its own (not a view on a pool) moves to the main thread instead of being copied.
            const own = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
            io.post({ type: 'bytes', id, bytes: chunk }, own ? [chunk.buffer as ArrayBuffer] : undefined);
          }
          sent++;
        }
        const rowCount = rows(handle);
        // json: the line end after the last object; the sink then writes ']' (output/json-sink.ts)
        if (text.format === 'json' && rowCount > 0) io.post({ type: 'text', id, text: '\n' });
        io.post({ type: 'done', id, reader: true, empty: false, rowCount, changes: rowCount, inTransaction: db.inTransaction });
      } finally {
        finish(handle);
      }
    };
  }

  private send(id: number, encoder: CsvBatches | BatchEncoder): void {
    if (encoder instanceof CsvBatches) this.io.post({ type: 'text', id, text: encoder.take() });
    else {
      const { batch, transfer } = encoder.take();
      this.io.post({ type: 'rows', id, batch }, [transfer]);
    }
  }

  /**
   * Statements that return no rows, one after another in the native helper (a script's INSERTs, without
   * a prepare, a message and a turn of the event loop each): posts 'ran' (see sqlite-protocol.ts).
   */
  runMany(id: number, statements: readonly string[]): void {
    const { db, io, native, SqliteError } = this;
    if (!native?.runMany || !this.interruptId) {
      io.post({ type: 'ran', id, changes: [], stop: 'unsupported', inTransaction: db.inTransaction });
      return;
    }
    // the sqlite3 shell's table of parameters is made by execute() (a name SQLite keeps for itself)
    const ddl = statements.indexOf(SQLITE3_PARAMETERS_DDL);
    const list = ddl < 0 ? statements : statements.slice(0, ddl);
    const r = io.cancelled(id) ? { changes: [], stop: 'interrupted' as const } : native.runMany(this.interruptId, list, RUN_MANY_MS);
    if (!r) {
      io.post({ type: 'ran', id, changes: [], stop: 'unsupported', inTransaction: db.inTransaction });
      return;
    }
    const { changes } = r;
    const inTransaction = db.inTransaction;
    if (r.stop === 'error') {
      const e = new (SqliteError as unknown as new (message: string, code: string) => Error)(r.message ?? '', r.code ?? 'SQLITE_ERROR');
      if (isInterrupt(e) && io.cancelled(id)) io.post({ type: 'ran', id, changes, stop: 'cancelled', inTransaction });
      else io.post({ type: 'ran', id, changes, stop: 'error', error: describeError(db, e, list[changes.length]!, SqliteError), inTransaction });
    } else if (r.stop === 'interrupted' || io.cancelled(id)) {
      io.post({ type: 'ran', id, changes, stop: 'cancelled', inTransaction });
    } else {
      const other = r.stop === 'other' || (changes.length === list.length && list.length < statements.length);
      io.post({ type: 'ran', id, changes, ...(other ? { stop: 'other' as const } : {}), inTransaction });
    }
  }

  /** SQLite's online backup between the database `schema` and FILE, in the native helper: posts 'backed-up'. */
  backup(id: number, schema: string, file: string, restore: boolean, fast: boolean): void {
    const { db, io, native } = this;
    const r = native?.backup && this.interruptId ? native.backup(this.interruptId, schema, file, restore, fast) : undefined;
    if (!r) io.post({ type: 'backed-up', id, unsupported: true, inTransaction: db.inTransaction });
    else io.post({ type: 'backed-up', id, ...(r.error !== undefined ? { error: r.error } : {}), inTransaction: db.inTransaction });
  }

  /** Loads an SQLite extension into the connection: posts 'loaded'. */
  loadExtension(id: number, file: string, entryPoint: string | undefined): void {
    const { db, io } = this;
    try {
      // better-sqlite3 takes the entry point as a second argument; its typings do not say so
      (db as unknown as { loadExtension(file: string, entryPoint?: string): void }).loadExtension(file, ...(entryPoint !== undefined ? [entryPoint] : []));
      io.post({ type: 'loaded', id, inTransaction: db.inTransaction });
    } catch (e) {
      io.post({ type: 'loaded', id, error: e instanceof Error ? e.message : String(e), inTransaction: db.inTransaction });
    }
  }

  introspect(id: number): void {
    const { db, io } = this;
    try {
      const data = introspectSqlite(
        { all: (sql, params = []) => db.prepare(sql).raw(true).all(...params) as unknown[][] },
        () => {
          if (io.cancelled(id)) throw new Cancelled();
        },
      );
      io.post({ type: 'catalog', id, data, inTransaction: db.inTransaction });
    } catch (e) {
      if (e instanceof Cancelled || (isInterrupt(e) && io.cancelled(id))) io.post({ type: 'cancelled', id, inTransaction: db.inTransaction });
      else io.post({ type: 'error', id, error: describeError(db, e, '', this.SqliteError), inTransaction: db.inTransaction });
    }
  }

  /**
   * An interrupt that came after its statement ended stays pending until a statement starts with
   * none running; stepping one here keeps it from stopping the next request. `made`: the
   * interrupts made so far.
   */
  clearLateInterrupt(made: number): void {
    if (made === this.interruptsSeen) return;
    this.interruptsSeen = made;
    try {
      this.clearInterrupt.get();
    } catch {
      // interrupted itself: the flag is cleared by the next statement that starts
    }
  }

  close(): void {
    this.db.close();
  }
}

/**
 * The sqlite3 shell's generate_series(START [, STOP [, STEP]]) table: `value` from START to STOP (4294967295 when
 * left out) by STEP (1; 0 counts as 1), and with a negative STEP the same values from the last down; START, STOP
 * and STEP are its hidden columns. The shell builds it in, so sqlite3 scripts use it.
 */
function addGenerateSeries(db: Database): void {
  if (typeof (db as { table?: unknown }).table !== 'function') return;
  db.table('generate_series', {
    columns: ['value'],
    parameters: ['start', 'stop', 'step'],
    safeIntegers: true,
    *rows(start: unknown, stop: unknown = 4294967295n, step: unknown = 1n) {
      if (start === undefined || start === null) throw new Error('first argument to "generate_series()" missing or unusable');
      const a = BigInt(start as bigint);
      const b = BigInt(stop as bigint);
      let s = BigInt(step as bigint);
      if (s === 0n) s = 1n;
      const by = s < 0n ? -s : s;
      if (a > b) return;
      if (s > 0n) {
        for (let v = a; v <= b; v += by) yield [v];
      } else {
        const last = a + ((b - a) / by) * by;
        for (let v = last; v >= a; v -= by) yield [v];
      }
    },
  } as never);
}
