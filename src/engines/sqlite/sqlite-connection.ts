/**
 * The main-thread side of an SQLite session. The database lives in a worker thread
 * (sqlite-worker.ts), so a long statement never blocks the shell's keystroke loop. Requests run
 * one at a time; rows stream in bounded batches. cancel() stops a statement as the sqlite3 shell's
 * Ctrl-C does: sqlite3_interrupt() from this thread (sqlite-native.ts) stops it even inside one
 * long step and rolls it back, keeping the connection and its data (also for :memory:). Only when
 * that cannot work (the native helper is missing, or a step that does not stop, such as a wait on
 * another process's lock) is the worker abandoned after a while and the database reopened.
 */
import type { CatalogData } from '../../catalog/catalog-data.js';
import { CancelledError, ConnectionLostError, SqlError } from '../../core/errors.js';
import type { ResultEvent } from '../../core/result.js';
import type { SqlDialect } from '../../sql/dialect.js';
import type { BackupRequest, BackupResult, Connection, ConnectionInfo, ExecuteOptions, ManyResult, TransactionStatus } from '../engine.js';
import { BatchReader } from './sqlite-batch-reader.js';
import { sqliteCommandTag } from './sqlite-command-tag.js';
import type { HostStarted, SqliteHost } from './sqlite-host.js';
import type { FromWorker, ToWorker, WorkerError } from './sqlite-protocol.js';

/** How long cancel() waits for a statement to stop before abandoning the worker, without the native helper. */
const ABANDON_AFTER_MS = 1000;
/**
 * The same with sqlite3_interrupt(), which stops a statement within milliseconds: only a step that
 * does not check for interrupts (waiting on another process's lock, up to the 5 s busy timeout) is
 * still running then.
 */
const ABANDON_INTERRUPTIBLE_AFTER_MS = 6000;
const DEFAULT_BATCH = 1000;

type Terminal = Extract<FromWorker, { type: 'done' | 'catalog' | 'ran' | 'backed-up' | 'loaded' | 'error' | 'cancelled' }>;

/** Messages of one request, in arrival order, read by one awaiting consumer. */
class Inbox {
  private readonly items: FromWorker[] = [];
  private waiter: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;

  push(m: FromWorker): void {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      w.resolve(m);
    } else this.items.push(m);
  }

  fail(e: Error): void {
    this.failure ??= e;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      w.reject(e);
    }
  }

  next(): Promise<FromWorker> {
    const m = this.items.shift();
    if (m) return Promise.resolve(m);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }
}

interface Request {
  readonly id: number;
  readonly inbox: Inbox;
  finished: boolean;
  cancelRequested: boolean;
  /** A transaction was open when the request started. */
  readonly inTransaction: boolean;
  abandonTimer?: NodeJS.Timeout;
  /** Lets the next request start. */
  readonly unlock: () => void;
}

/** SQLite's primary result codes by name (the number the sqlite3 shell prints after an error). */
const SQLITE_CODES: Readonly<Record<string, number>> = Object.freeze({
  SQLITE_ERROR: 1, SQLITE_INTERNAL: 2, SQLITE_PERM: 3, SQLITE_ABORT: 4, SQLITE_BUSY: 5, SQLITE_LOCKED: 6, SQLITE_NOMEM: 7,
  SQLITE_READONLY: 8, SQLITE_INTERRUPT: 9, SQLITE_IOERR: 10, SQLITE_CORRUPT: 11, SQLITE_NOTFOUND: 12, SQLITE_FULL: 13,
  SQLITE_CANTOPEN: 14, SQLITE_PROTOCOL: 15, SQLITE_EMPTY: 16, SQLITE_SCHEMA: 17, SQLITE_TOOBIG: 18, SQLITE_CONSTRAINT: 19,
  SQLITE_MISMATCH: 20, SQLITE_MISUSE: 21, SQLITE_NOLFS: 22, SQLITE_AUTH: 23, SQLITE_FORMAT: 24, SQLITE_RANGE: 25, SQLITE_NOTADB: 26,
});

/** SQLITE_CONSTRAINT_UNIQUE: 19 (its primary code's number). */
function primaryCode(name: string | undefined): number | undefined {
  return name === undefined ? undefined : SQLITE_CODES[name.replace(/^(SQLITE_[A-Z]+?)(_[A-Z_]+)?$/, '$1')];
}

function toError(e: WorkerError): Error {
  if (e.kind === 'internal') return new Error(e.message);
  return new SqlError(e.message, {
    ...(e.code ? { code: e.code } : {}),
    ...(e.position !== undefined ? { position: e.position } : {}),
    ...(e.phase ? { phase: e.phase } : {}),
    ...(primaryCode(e.code) !== undefined ? { vendorCode: primaryCode(e.code) } : {}),
  });
}

/** A request stopped by a cancel. An interrupted write inside a transaction rolls the whole transaction back (as in sqlite3). */
function cancelled(req: Request, m: { readonly inTransaction: boolean }): CancelledError {
  return req.inTransaction && !m.inTransaction
    ? new CancelledError('canceling statement due to user request; the open transaction was rolled back')
    : new CancelledError();
}

export class SqliteConnection implements Connection {
  private host: SqliteHost | undefined;
  private current: Request | undefined;
  private inTransaction = false;
  private closed = false;
  private nextId = 1;
  private tail: Promise<void> = Promise.resolve();
  /** The native helper cannot run many statements in one request (executeMany): execute() each. */
  private manyUnsupported = false;

  constructor(
    readonly info: ConnectionInfo,
    readonly dialect: SqlDialect,
    host: SqliteHost,
    /** Opens the database again (after a worker was lost or abandoned), where the first one was. */
    private readonly reopen: () => Promise<HostStarted>,
  ) {
    this.host = host;
  }

  transactionStatus(): TransactionStatus {
    return this.inTransaction ? 'in-transaction' : 'idle';
  }

  async *execute(sql: string, opts: ExecuteOptions = {}): AsyncGenerator<ResultEvent, void, undefined> {
    const batchSize = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_BATCH));
    const text = opts.sqlite3Values
      ? undefined // the sqlite3 shell's values: rows, formatted by the worker
      : opts.csv
      ? { format: 'csv' as const, nullString: opts.csv.nullString }
      : opts.tsv
        ? { format: 'tsv' as const, nullString: opts.tsv.nullString }
        : opts.json
          ? { format: opts.json.lines ? ('jsonl' as const) : ('json' as const), nullString: '' }
          : opts.copyText === true // the aligned table: the helper's COPY text has invalid UTF-8 escaped for it
            ? { format: 'copy' as const, nullString: '' }
            : opts.copyText === 'rows' // expanded, markdown, unaligned, vertical: invalid UTF-8 left raw (they write it back as it was)
              ? { format: 'copy-raw' as const, nullString: '' }
              : undefined;
    const req = await this.start(opts.signal, (id) => ({ type: 'execute', id, sql, batchSize, ...(text ? { text } : {}), ...(opts.sqlite3Values ? { sqlite3Values: true } : {}), ...(opts.nullParameters ? { nullParameters: true } : {}) }));
    const onAbort = (): void => void this.cancel();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        const m = await req.inbox.next();
        if (m.type === 'columns') yield { type: 'columns', columns: m.columns };
        else if (m.type === 'rows') {
          const reader = new BatchReader(m.batch);
          // Once cancelled, the rows still queued are dropped.
          for (let rows; !req.cancelRequested && (rows = reader.next(batchSize)); ) yield { type: 'rows', rows };
          this.host?.ack();
        } else if (m.type === 'text') {
          // csv or tsv formatted where the rows are read (ExecuteOptions.csv, .tsv): the same bytes as the sink's
          if (!req.cancelRequested) yield { type: 'text', text: m.text };
          this.host?.ack();
        } else if (m.type === 'copy-text') {
          // Rows as COPY text for the aligned table (ExecuteOptions.copyText; the native helper's).
          // A column may hold numbers in one chunk and text in the next (SQLite's values carry their
          // own types): each chunk has one kind per column and ends with a whole row, and its event
          // carries its own flags.
          if (!req.cancelRequested) yield { type: 'copy-text', bytes: m.bytes, numeric: m.numeric };
          this.host?.ack();
        } else if (m.type === 'bytes') {
          // the same as bytes (the native helper's, when they are not all valid UTF-8)
          if (!req.cancelRequested) yield { type: 'bytes', bytes: m.bytes };
          this.host?.ack();
        } else if (m.type === 'done') {
          this.finish(req, m);
          yield m.empty ? { type: 'done' } : { type: 'done', ...sqliteCommandTag(sql, m) };
          return;
        } else this.finishOrThrow(req, m);
      }
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      await this.release(req);
    }
  }

  async executeMany(statements: readonly string[], opts: { readonly signal?: AbortSignal } = {}): Promise<ManyResult | undefined> {
    if (this.manyUnsupported) return undefined;
    const req = await this.start(opts.signal, (id) => ({ type: 'run-many', id, statements }));
    const onAbort = (): void => void this.cancel();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        const m = await req.inbox.next();
        if (m.type !== 'ran') {
          this.finishOrThrow(req, m);
          continue;
        }
        this.finish(req, m);
        if (m.stop === 'unsupported') {
          this.manyUnsupported = true;
          return undefined;
        }
        const done = m.changes.map((changes, i) => (changes < 0 ? {} : sqliteCommandTag(statements[i]!, { reader: false, rowCount: 0, changes })));
        const stop = m.stop === 'other' ? 'other' as const
          : m.stop === 'cancelled' ? cancelled(req, m)
          : m.stop === 'error' && m.error ? toError(m.error)
          : undefined;
        return { done, ...(stop ? { stop } : {}) };
      }
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      await this.release(req);
    }
  }

  async introspect(signal?: AbortSignal): Promise<CatalogData> {
    const req = await this.start(signal, (id) => ({ type: 'introspect', id }));
    const onAbort = (): void => void this.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        const m = await req.inbox.next();
        if (m.type === 'catalog') {
          this.finish(req, m);
          return m.data;
        }
        this.finishOrThrow(req, m);
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      await this.release(req);
    }
  }

  async backup(o: BackupRequest): Promise<BackupResult> {
    const req = await this.start(undefined, (id) => ({ type: 'backup', id, schema: o.schema, file: o.file, restore: o.restore === true, fast: o.fast === true }));
    try {
      for (;;) {
        const m = await req.inbox.next();
        if (m.type === 'backed-up') {
          this.finish(req, m);
          return m.unsupported ? { unsupported: true } : m.error !== undefined ? { error: m.error } : {};
        }
        this.finishOrThrow(req, m);
      }
    } finally {
      await this.release(req);
    }
  }

  async loadExtension(file: string, entryPoint?: string): Promise<{ readonly error?: string }> {
    const req = await this.start(undefined, (id) => ({ type: 'load-extension', id, file, ...(entryPoint !== undefined ? { entryPoint } : {}) }));
    try {
      for (;;) {
        const m = await req.inbox.next();
        if (m.type === 'loaded') {
          this.finish(req, m);
          return m.error !== undefined ? { error: m.error } : {};
        }
        this.finishOrThrow(req, m);
      }
    } finally {
      await this.release(req);
    }
  }

  async cancel(): Promise<void> {
    const req = this.current;
    if (!req || req.finished || req.cancelRequested) return;
    req.cancelRequested = true;
    const after = this.host?.interruptible ? ABANDON_INTERRUPTIBLE_AFTER_MS : ABANDON_AFTER_MS;
    this.host?.requestCancel(req.id);
    req.abandonTimer = setTimeout(() => void this.abandon(req, after), after);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const req = this.current;
    const running = req !== undefined && !req.finished;
    if (running) {
      req.finished = true;
      clearTimeout(req.abandonTimer);
      req.inbox.fail(new CancelledError('the connection was closed'));
    }
    const host = this.host;
    this.host = undefined;
    // A request still running in the worker (a query, the background catalog read) is cancelled at
    // its next row; the worker then closes cleanly. Only a worker stuck inside one long SQLite step is
    // abandoned, after a second (one still running when the process ends makes the exit code 130).
    if (running && req) host?.requestCancel(req.id);
    await host?.close(running ? 1000 : 2000);
  }

  /** Waits for the previous request, makes sure a worker runs, and sends the request. */
  private async start(signal: AbortSignal | undefined, make: (id: number) => ToWorker): Promise<Request> {
    if (signal?.aborted) throw new CancelledError();
    const previous = this.tail;
    let unlock!: () => void;
    this.tail = new Promise((resolve) => (unlock = resolve));
    await previous;
    try {
      if (this.closed) throw new ConnectionLostError(`the connection to '${this.info.label}' is closed`);
      if (signal?.aborted) throw new CancelledError();
      const host = await this.ensureHost().catch((e: unknown) => {
        // Reopening after a lost or abandoned worker failed (the file is locked by a step still
        // running, or gone): a message for this statement, and the next one tries again.
        throw new ConnectionLostError(`the database could not be reopened (${(e as Error).message}); the next statement tries again`, { cause: e });
      });
      const req: Request = { id: this.nextId++, inbox: new Inbox(), finished: false, cancelRequested: false, inTransaction: this.inTransaction, unlock };
      this.current = req;
      host.begin(make(req.id), (m) => req.inbox.push(m), (reason) => this.lost(req, reason));
      return req;
    } catch (e) {
      unlock();
      throw e;
    }
  }

  private async ensureHost(): Promise<SqliteHost> {
    if (this.host?.alive) return this.host;
    const { host } = await this.reopen();
    this.host = host;
    this.inTransaction = false;
    return host;
  }

  private finish(req: Request, m: Terminal): void {
    req.finished = true;
    this.inTransaction = 'inTransaction' in m ? m.inTransaction : false;
  }

  private finishOrThrow(req: Request, m: FromWorker): void {
    if (m.type === 'cancelled') {
      this.finish(req, m);
      throw cancelled(req, m);
    }
    if (m.type === 'error') {
      this.finish(req, m);
      throw toError(m.error);
    }
  }

  /** End of a request: if the consumer left early, stop the statement and wait until it has. */
  private async release(req: Request): Promise<void> {
    try {
      if (!req.finished) {
        await this.cancel();
        for (;;) {
          const m = await req.inbox.next().catch(() => undefined);
          if (!m || m.type === 'done' || m.type === 'catalog' || m.type === 'ran' || m.type === 'backed-up' || m.type === 'loaded' || m.type === 'error' || m.type === 'cancelled') {
            if (m) this.finish(req, m);
            break;
          }
        }
      }
    } finally {
      req.finished = true;
      clearTimeout(req.abandonTimer);
      if (this.current === req) this.current = undefined;
      this.host?.done();
      req.unlock();
    }
  }

  /** The statement did not stop in time: stop the worker and reopen the database in a new one. */
  private async abandon(req: Request, afterMs: number): Promise<void> {
    if (req.finished || this.current !== req) return;
    const wasInTransaction = this.inTransaction;
    req.finished = true;
    this.host?.abandon();
    this.host = undefined;
    this.inTransaction = false;
    const memory = this.info.file === ':memory:';
    const lost = [
      memory ? 'the in-memory database was lost' : '',
      wasInTransaction && !memory ? 'the open transaction was rolled back' : '',
    ].filter(Boolean);
    const what = `canceling statement due to user request: it did not stop within ${afterMs / 1000} s, so the connection was reopened`;
    try {
      await this.ensureHost();
      req.inbox.fail(new CancelledError(lost.length ? `${what}; ${lost.join('; ')}` : what));
    } catch (e) {
      req.inbox.fail(
        new ConnectionLostError(`${what}, but reopening '${this.info.label}' failed: ${(e as Error).message}; the next statement tries again`, {
          wasInTransaction,
        }),
      );
    }
  }

  /** The worker died on its own (out of memory, crash). The next request starts a new one. */
  private lost(req: Request, reason: string): void {
    const wasInTransaction = this.inTransaction;
    this.host = undefined;
    this.inTransaction = false;
    if (req.finished) return;
    req.finished = true;
    clearTimeout(req.abandonTimer);
    const memory = this.info.file === ':memory:' ? '; the in-memory database was lost' : '';
    const tx = wasInTransaction ? '; the open transaction was rolled back' : '';
    req.inbox.fail(
      new ConnectionLostError(`the SQLite worker stopped (${reason})${memory}${tx}; the next statement reopens the database`, {
        wasInTransaction,
      }),
    );
  }
}
