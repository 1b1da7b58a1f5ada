/**
 * A live MySQL/MariaDB session: streams results with backpressure (the socket is paused while two
 * batches wait for the consumer), cancels with KILL QUERY from a second short-lived connection
 * (a server that does not answer it: unanswered-cancel.ts),
 * tracks the transaction flag from the server status, and reconnects after a lost connection.
 */
import { readUtf8mb3AsUtf8 } from './mysql-utf8-queries.js';
import { CancelledError, ConnectionLostError, SqlError } from '../../core/errors.js';
import type { ColumnInfo, ResultEvent, Row } from '../../core/result.js';
import type { CatalogData } from '../../catalog/catalog-data.js';
import type { SqlDialect } from '../../sql/dialect.js';
import type { Connection, ConnectionInfo, ExecuteOptions, TransactionStatus } from '../engine.js';
import { UnansweredCancel } from '../unanswered-cancel.js';
import { localFileFailure, localInfileStream } from './mysql-local-infile.js';
import { convertRowInPlace, exactFloatsFor, geometryAsBytes, mysqlColumnInfo, mysqlConverter, type Converter, type MysqlField } from './mysql-values.js';
import { introspectMysql } from './mysql-introspector.js';
import { MysqlRawRows, rawColumns, type RawPacket } from './mysql-raw-rows.js';
import { MysqlJsonRows } from './mysql-raw-json.js';
import { YoungGarbage } from '../../core/young-garbage.js';
import { mysqlErrorPosition } from './mysql-error-position.js';

/** The parts of mysql2's callback-style connection that sqlsh uses (typed structurally). */
export interface MysqlCore {
  threadId: number | null;
  query(opts: { sql: string; rowsAsArray?: boolean; infileStreamFactory?: (name: string) => NodeJS.ReadableStream }): QueryEmitter;
  pause(): void;
  resume(): void;
  destroy(): void;
  end(cb?: (err?: unknown) => void): void;
  on(event: 'error' | 'end', fn: (err?: unknown) => void): unknown;
  handlePacket?: (packet: unknown) => void;
}
export interface QueryEmitter {
  on(event: 'fields', fn: (fields: MysqlField[] | undefined) => void): this;
  on(event: 'result', fn: (row: unknown) => void): this;
  on(event: 'end', fn: () => void): this;
  on(event: 'error', fn: (err: MysqlDriverError) => void): this;
}
export interface MysqlDriverError extends Error {
  code?: string;
  errno?: number;
  sqlState?: string;
  sqlMessage?: string;
  fatal?: boolean;
}
/** What the row fast path reads of mysql2's connection (internals, each checked before use). */
interface MysqlCoreState {
  _paused?: boolean;
  _fatalError?: unknown;
  _command?: unknown;
  sequenceId?: number;
  _bumpSequenceId?: (n: number) => void;
}
/** mysql2's packet as the row fast path sees it. */
interface RowPacket extends RawPacket {
  sequenceId: number;
  numPackets: number;
  isEOF(): boolean;
  isError(): boolean;
}
/** A result set read raw: its rows go to `reader` from handlePacket, past mysql2's command machinery. */
interface RawRowsTarget {
  readonly query: { next?: unknown; row?: unknown };
  readonly reader: { next(packet: RawPacket): unknown };
  readonly row: () => void;
}
interface OkHeader {
  affectedRows?: number | string;
  info?: string;
  warningStatus?: number;
  serverStatus?: number;
  stateChanges?: { schema?: string | null } | null;
}

export interface MysqlSessionOptions {
  /** What the session shows; a function when it changes on reconnect (several hosts: another node). */
  readonly info: ConnectionInfo | (() => ConnectionInfo);
  readonly dialect: SqlDialect;
  /**
   * Opens a new session as the same user, in the given database: on the node the session is on when
   * `pinned` (KILL QUERY, the catalog), else by the connection rules (several hosts: the first that answers).
   */
  readonly open: (database: string | undefined, pinned?: boolean) => Promise<MysqlCore>;
  readonly database: string | undefined;
}

const SERVER_STATUS_IN_TRANS = 1;
/** The row parser of a raw result set whose consumer has stopped. */
const DISCARD_ROWS = Object.freeze({ next: (): null => null });
const CALL = /^(?:\s|--[^\n]*\n|#[^\n]*\n|\/\*[\s\S]*?\*\/)*(?:call|execute)\b/i;
const GEOMETRY_TYPE = 255;
const ER_QUERY_INTERRUPTED = 1317;
const LOST_CODES = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_SERVER_SHUTDOWN', 'ER_CONNECTION_KILLED', 'ERR_STREAM_WRITE_AFTER_END']);

function commandTag(sql: string, affected: number | undefined, rowCount: number | undefined): string {
  const words = sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/|#[^\n]*\n)+/, '').split(/\s+/, 2).map((w) => w.toUpperCase().replace(/[^A-Z_]/g, ''));
  const verb = words[0] ?? '';
  if (rowCount !== undefined) return `${verb || 'SELECT'} ${rowCount}`;
  if (['INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'LOAD'].includes(verb)) return `${verb} ${affected ?? 0}`;
  if (['CREATE', 'DROP', 'ALTER', 'TRUNCATE', 'RENAME'].includes(verb) && words[1]) return `${verb} ${words[1]}`;
  return verb;
}

export class MysqlConnection implements Connection {
  private readonly infoOf: () => ConnectionInfo;
  readonly dialect: SqlDialect;
  private core: MysqlCore | undefined;
  private readonly open: MysqlSessionOptions['open'];
  private database: string | undefined;
  private serverStatus = 0;
  private eofWarnings = 0;
  private running = false;
  private cancelRequested = false;
  private lost = false;
  private lostInTransaction = false;
  /** The user was already told of the current loss: the reconnect notice then only says it reconnected. */
  private lossReported = false;
  private closed = false;
  /** Ends the running statement when the socket dies: mysql2 tells only the connection, not a query without a callback. */
  private failRunning: ((err: MysqlDriverError) => void) | undefined;
  /** Hands a notice to the running statement's consumer. */
  private noticeRunning: ((message: string) => void) | undefined;
  private readonly unanswered = new UnansweredCancel((message) => this.noticeRunning?.(message));
  /** Why the connection was dropped on purpose, for the running statement's error. */
  private dropped: string | undefined;
  /** The result set being read raw, while its rows arrive (execute()). */
  private rawRows: RawRowsTarget | undefined;

  constructor(core: MysqlCore, opts: MysqlSessionOptions) {
    const info = opts.info;
    this.infoOf = typeof info === 'function' ? info : () => info;
    this.dialect = opts.dialect;
    this.open = opts.open;
    this.database = opts.database;
    this.attach(core);
  }

  get info(): ConnectionInfo {
    return this.infoOf();
  }

  private attach(core: MysqlCore): void {
    this.core = core;
    this.lost = false;
    this.serverStatus = 0;
    core.on('error', (err) => this.markLost(core, err));
    core.on('end', () => this.markLost(core));
    // mysql2 does not expose the EOF packet that ends a result set; it carries the server status
    // (transaction flag) and the warning count, so read them as the packets go by.
    const handle = core.handlePacket;
    if (typeof handle === 'function') {
      const state = core as MysqlCoreState;
      const bump = typeof state._bumpSequenceId === 'function' ? state._bumpSequenceId : undefined;
      let floatsExact = false;
      core.handlePacket = (packet: unknown): void => {
        // mysql2's packets read FLOAT and DOUBLE exactly (mysql-values.ts): set up on the first packet
        if (!floatsExact) floatsExact = exactFloatsFor(packet);
        // A row of a result set read raw goes straight to its reader: what mysql2's handlePacket,
        // Command.execute and Query.row would do for it (sequence id, then the row parser; no
        // 'result' event). Any other packet, or a state this does not expect, takes mysql2's way.
        const raw = this.rawRows;
        if (raw !== undefined && bump !== undefined && packet) {
          const rp = packet as RowPacket;
          const query = raw.query;
          if (
            !state._paused &&
            !state._fatalError &&
            state._command === query &&
            query.next === query.row &&
            state.sequenceId === rp.sequenceId &&
            !rp.isError() &&
            !rp.isEOF()
          ) {
            try {
              raw.reader.next(rp);
            } catch {
              return handle.call(core, packet); // mysql2 reports it, as for its own parser
            }
            bump.call(core, rp.numPackets);
            raw.row();
            return;
          }
        }
        const p = packet as { isEOF?: () => boolean; eofStatusFlags?: () => number; eofWarningCount?: () => number } | null;
        if (this.running && p && typeof p.isEOF === 'function' && p.isEOF()) {
          this.serverStatus = p.eofStatusFlags!();
          this.eofWarnings = p.eofWarningCount!();
        }
        handle.call(core, packet);
      };
    }
  }

  private markLost(core: MysqlCore, err?: unknown): void {
    if (core !== this.core) return;
    if (this.failRunning) {
      const lost = (err ?? Object.assign(new Error('the server closed the connection'), { code: 'PROTOCOL_CONNECTION_LOST' })) as MysqlDriverError;
      this.failRunning(Object.assign(lost, { fatal: true }));
    }
    if (this.closed || this.lost) return;
    this.lost = true;
    this.lossReported = false;
    this.lostInTransaction = (this.serverStatus & SERVER_STATUS_IN_TRANS) !== 0;
  }

  transactionStatus(): TransactionStatus {
    return this.serverStatus & SERVER_STATUS_IN_TRANS ? 'in-transaction' : 'idle';
  }

  /** The live session; reconnects after a loss (returning a notice), unless a transaction was lost. */
  private async ensureCore(): Promise<{ core: MysqlCore; notice?: string }> {
    if (this.closed) throw new ConnectionLostError('the connection is closed');
    if (this.core && !this.lost) return { core: this.core };
    if (this.lostInTransaction) {
      this.lostInTransaction = false;
      this.lossReported = true;
      this.serverStatus = 0;
      throw new ConnectionLostError('the connection to the server was lost and the open transaction was rolled back. The next statement reconnects.', { wasInTransaction: true });
    }
    try {
      this.core?.destroy();
    } catch {
      /* already gone */
    }
    try {
      const core = await this.open(this.database);
      this.attach(core);
      const where = `${this.info.url}${this.info.node ? ` (${this.info.node})` : ''}`;
      const notice = this.lossReported ? `reconnected to ${where}` : `the connection to the server was lost; reconnected to ${where}`;
      this.lossReported = false;
      return { core, notice };
    } catch (err) {
      this.core = undefined;
      this.lost = true;
      this.lossReported = true;
      throw new ConnectionLostError(`the connection to the server was lost and reconnecting failed (${(err as Error).message}). The next statement tries again.`, { cause: err });
    }
  }

  async *execute(sql: string, opts: ExecuteOptions = {}): AsyncGenerator<ResultEvent> {
    if (this.running) throw new SqlError('another statement is still running on this connection');
    if (opts.signal?.aborted) throw new CancelledError();
    const { core, notice } = await this.ensureCore();
    if (notice) yield { type: 'notice', message: notice };
    const batchSize = Math.max(1, opts.batchSize ?? 1000);
    this.running = true;
    this.cancelRequested = false;
    this.unanswered.reset();
    this.dropped = undefined;
    this.eofWarnings = 0;
    const onAbort = (): void => void this.cancel();
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    const pending: ResultEvent[] = [];
    let queuedBatches = 0;
    let batch: Row[] = [];
    let converters: readonly Converter[] = [];
    let inResultSet = false;
    let rowCount: number | undefined;
    let affected: number | undefined;
    let okWarnings = 0;
    let okInfo: string | undefined;
    let finished = false;
    let failure: MysqlDriverError | undefined;
    let paused = false;
    let discard = false;
    // csv or a table to a file or pipe: rows go from the packets to bytes (mysql-raw-rows.ts)
    // (not for CALL: several result sets, each with its own row count, which the table's footer needs)
    // json and jsonl too, as the sinks' objects (mysql-raw-json.ts)
    const rawFormat = CALL.test(sql) || opts.binaryAsText ? undefined : opts.csv ? ('csv' as const) : opts.copyText ? ('copy-text' as const) : opts.json ? ('json' as const) : undefined;
    let raw: MysqlRawRows | MysqlJsonRows | undefined;
    const garbage = new YoungGarbage();
    const flushRaw = (force: boolean): void => {
      const bytes = raw?.take(force);
      if (!bytes) return;
      garbage.handled(bytes.length * 2); // about as much came in from the socket
      pending.push(raw instanceof MysqlRawRows && rawFormat === 'copy-text' ? { type: 'copy-text', bytes, numeric: raw.numeric } : { type: 'bytes', bytes });
      queuedBatches++;
      if (queuedBatches >= 2 && !paused) {
        paused = true;
        core.pause();
      }
      poke();
    };
    let wake: (() => void) | undefined;
    const poke = (): void => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    const flush = (): void => {
      flushRaw(true);
      if (batch.length === 0) return;
      pending.push({ type: 'rows', rows: batch });
      queuedBatches++;
      batch = [];
      if (queuedBatches >= 2 && !paused) {
        paused = true;
        core.pause();
      }
      poke();
    };

    // LOAD DATA LOCAL INFILE: the file, read from the current directory (mysql-local-infile.ts)
    const q = core.query({ sql, rowsAsArray: true, infileStreamFactory: (name: string) => localInfileStream(name, sql) });
    const rawRow = (): void => {
      if (discard) return;
      rowCount = (rowCount ?? 0) + 1;
      flushRaw(false);
    };
    // the end of a result set: json's array has a line break after its last object
    const endJson = (): void => {
      if (raw instanceof MysqlJsonRows) raw.finish();
    };
    q.on('fields', (fields) => {
      this.rawRows = undefined;
      if (discard) return;
      endJson();
      flush();
      if (!fields) {
        inResultSet = false;
        return;
      }
      inResultSet = true;
      rowCount = 0;
      readUtf8mb3AsUtf8(fields); // (SET NAMES utf8: mysql-utf8-queries.ts)
      // GEOMETRY as raw bytes needs a typeCast; set it only when needed (mysql2 compiles the row
      // parser from the query's options right after this event), as it costs a closure per value.
      const options = (q as { options?: { typeCast?: unknown } }).options;
      if (options && fields.some((f) => f.columnType === GEOMETRY_TYPE)) options.typeCast = geometryAsBytes;
      converters = fields.map((f) => mysqlConverter(f, opts.binaryAsText === true));
      const columns: ColumnInfo[] = fields.map(mysqlColumnInfo);
      pending.push({ type: 'columns', columns });
      raw = undefined;
      delete (q as { _rowParser?: unknown })._rowParser;
      const rawCols = rawFormat && typeof options?.typeCast !== 'function' ? rawColumns(fields) : undefined;
      if (rawCols) {
        // mysql2 makes its row parser right after this event: this one takes its place for the result set
        const reader = (raw =
          rawFormat === 'json'
            ? new MysqlJsonRows(rawCols, columns.map((c) => c.name), opts.json!.lines)
            : new MysqlRawRows(rawCols, rawFormat!, opts.csv?.nullString ?? ''));
        // (once the consumer has stopped, the rows still arriving are dropped unread)
        Object.defineProperty(q, '_rowParser', { configurable: true, get: () => (discard ? DISCARD_ROWS : reader), set: () => undefined });
        this.rawRows = { query: q as RawRowsTarget['query'], reader, row: rawRow };
      }
      poke();
    });
    q.on('result', (row) => {
      if (discard) return;
      if (inResultSet) {
        if (raw) return rawRow();
        rowCount = (rowCount ?? 0) + 1;
        batch.push(convertRowInPlace(row as unknown[], converters));
        if (batch.length >= batchSize) flush();
        return;
      }
      const ok = row as OkHeader;
      if (ok.serverStatus !== undefined) this.serverStatus = ok.serverStatus;
      okWarnings += ok.warningStatus ?? 0;
      if (ok.info) okInfo = ok.info;
      affected = (affected ?? 0) + Number(ok.affectedRows ?? 0);
      if (ok.stateChanges?.schema) this.database = ok.stateChanges.schema;
    });
    q.on('error', (err) => {
      this.rawRows = undefined;
      failure = err;
      finished = true;
      poke();
    });
    this.noticeRunning = (message) => {
      pending.push({ type: 'notice', message, severity: 'WARNING' });
      poke();
    };
    this.failRunning = (err) => {
      if (finished) return;
      failure = err;
      finished = true;
      poke();
    };
    q.on('end', () => {
      this.rawRows = undefined;
      endJson();
      finished = true;
      poke();
    });

    let completed = false;
    let partialTimer: NodeJS.Timeout | undefined;
    try {
      for (;;) {
        const ev = pending.shift();
        if (ev) {
          if (ev.type === 'rows' || ev.type === 'bytes' || ev.type === 'copy-text') queuedBatches--;
          if (paused && queuedBatches < 2) {
            paused = false;
            core.resume();
          }
          yield ev;
          // the table sink copies COPY text as it reads it (output/table-copy-text.ts): its buffer is free again
          if (ev.type === 'copy-text') raw?.release();
          continue;
        }
        if (finished) {
          if (batch.length > 0 || (raw?.size ?? 0) > 0) {
            flush();
            continue;
          }
          break;
        }
        // A partial batch is handed over if the rows trickle in, so slow statements still show rows.
        if ((batch.length > 0 || (raw?.size ?? 0) > 0) && !partialTimer) partialTimer = setTimeout(() => ((partialTimer = undefined), flush()), 50);
        await new Promise<void>((r) => (wake = r));
      }
      if (failure) throw this.translate(failure, sql);
      if (this.cancelRequested) throw new CancelledError();
      const useDb = /^\s*use\s+(`?)([^`;\s]+|[^`]+)\1\s*;?\s*$/i.exec(sql);
      if (useDb) this.database = useDb[2];
      const warnings = okWarnings + (rowCount !== undefined ? this.eofWarnings : 0);
      if (warnings > 0) yield* this.warningNotices(core, warnings);
      completed = true;
      yield {
        type: 'done',
        command: commandTag(sql, affected, rowCount),
        ...(affected !== undefined && rowCount === undefined ? { affected } : {}),
        ...(rowCount !== undefined ? { rowCount } : {}),
        ...(warnings > 0 ? { warnings } : {}),
        ...(okInfo ? { info: okInfo } : {}),
      };
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      if (partialTimer) clearTimeout(partialTimer);
      if (!finished) {
        // The consumer stopped early: stop the server, drop what still arrives, wait for the end.
        discard = true;
        this.rawRows = undefined;
        pending.length = 0;
        if (!completed) void this.killQuery(core.threadId);
        core.resume();
        while (!finished) await new Promise<void>((r) => (wake = r));
      }
      this.running = false;
      this.rawRows = undefined;
      this.failRunning = undefined;
      this.noticeRunning = undefined;
      this.unanswered.stop();
    }
  }

  private async *warningNotices(core: MysqlCore, count: number): AsyncGenerator<ResultEvent> {
    // Severities in the shape PostgreSQL uses for its notices ('WARNING', 'NOTE'), so both print alike.
    yield { type: 'notice', message: `${count} warning${count === 1 ? '' : 's'}`, severity: 'WARNING' };
    const rows: unknown[][] = [];
    await new Promise<void>((resolve) => {
      this.failRunning = () => resolve(); // a connection lost meanwhile ends this read too
      const q = core.query({ sql: 'SHOW WARNINGS LIMIT 20', rowsAsArray: true });
      q.on('result', (r) => void (Array.isArray(r) && rows.push(r)));
      q.on('error', () => resolve());
      q.on('end', () => resolve());
    });
    for (const [level, code, message] of rows) {
      yield { type: 'notice', message: `${String(level)} ${String(code)}: ${String(message)}`, severity: String(level).toUpperCase() };
    }
  }

  private translate(err: MysqlDriverError, sql: string): Error {
    if (!this.dropped && (err.errno === ER_QUERY_INTERRUPTED || this.cancelRequested)) return new CancelledError();
    if (this.dropped || err.fatal || (err.code !== undefined && LOST_CODES.has(err.code))) {
      const wasInTransaction = (this.serverStatus & SERVER_STATUS_IN_TRANS) !== 0;
      this.lost = true;
      this.lossReported = true;
      this.lostInTransaction = false;
      this.serverStatus = 0;
      const what = wasInTransaction ? '; the open transaction was rolled back' : '';
      const reason = (err.sqlMessage ?? err.message ?? err.code ?? 'error').replace(/^Connection lost: /, '');
      const lost = this.dropped ?? `the connection to the server was lost (${reason})`;
      return new ConnectionLostError(`${lost}${what}. The next statement reconnects.`, { wasInTransaction, cause: err });
    }
    const local = localFileFailure(err);
    // the client library's errors for a file LOAD DATA LOCAL could not, or may not, send
    if (local) return new SqlError(local.message, { code: 'HY000', vendorCode: local.vendorCode, detail: `MySQL client error ${local.vendorCode}: ${err.message}`, cause: err });
    const message = err.sqlMessage ?? err.message;
    const position = mysqlErrorPosition(sql, message);
    return new SqlError(message, {
      ...(err.sqlState ? { code: err.sqlState } : {}),
      ...(position !== undefined ? { position } : {}),
      detail: `MySQL error ${err.errno ?? '?'}${err.code ? ` (${err.code})` : ''}`,
      ...(typeof err.errno === 'number' ? { vendorCode: err.errno } : {}),
      cause: err,
    });
  }

  private async killQuery(threadId: number | null): Promise<void> {
    if (threadId === null) return;
    let killer: MysqlCore | undefined;
    try {
      killer = await this.open(undefined, true);
      await new Promise<void>((resolve) => {
        const q = killer!.query({ sql: `KILL QUERY ${Number(threadId)}` });
        q.on('error', () => resolve());
        q.on('end', () => resolve());
      });
    } catch {
      /* cancel never throws */
    } finally {
      killer?.on('error', () => {});
      killer?.end(() => {});
    }
  }

  async cancel(): Promise<void> {
    const core = this.core;
    if (!this.running || !core) return;
    if (this.unanswered.next() === 'drop') {
      this.dropped = UnansweredCancel.dropReason;
      core.destroy();
      this.markLost(core, Object.assign(new Error(this.dropped), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true }));
      return;
    }
    this.cancelRequested = true;
    await this.killQuery(core.threadId);
  }

  async introspect(signal?: AbortSignal): Promise<CatalogData> {
    return introspectMysql(() => this.open(this.database, true), signal);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const core = this.core;
    this.core = undefined;
    if (!core || this.lost) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        core.destroy();
        resolve();
      }, 2000);
      core.end(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
