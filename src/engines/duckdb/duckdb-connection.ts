/**
 * A DuckDB session: results streamed chunk by chunk (DuckDB's streaming result, about 2048 rows per
 * chunk, re-cut to the batch size), cancel by interrupt(), catalog on a second connection of the
 * same database instance.
 */
import { CancelledError, SqlError } from '../../core/errors.js';
import type { ColumnInfo, ResultEvent, Value } from '../../core/result.js';
import type { CatalogData } from '../../catalog/catalog-data.js';
import type { SqlDialect } from '../../sql/dialect.js';
import type { Connection, ConnectionInfo, ExecuteOptions, TransactionStatus } from '../engine.js';
import { convertDuckRow, DateTexts, duckdbConverter, readDuckColumn, type DuckConverter, type DuckVector } from './duckdb-values.js';
import { duckdbError, streamFailed, streamFailure } from './duckdb-errors.js';
import { gcFunction } from '../../core/young-garbage.js';
import { holdRuntimeFlag } from '../../core/runtime-flags.js';
import { introspectDuckdb } from './duckdb-introspector.js';
import { StringDecoder } from 'node:string_decoder';
import { BackslashDotQuoter, CsvPipe, csvFastPathFor, PipeReader, planCopy, type CopyFormat, type DuckPrepared } from './duckdb-copy-csv.js';
import { CacheTrim, setsMemoryLimit } from './duckdb-cache-trim.js';
import { DuckJsonWriter } from './duckdb-json-rows.js';

/** How often a long export looks at DuckDB's cached blocks (duckdb-cache-trim.ts): csv bytes, rows. */
const TRIM_EVERY_CSV_BYTES = 4 << 20;
const TRIM_EVERY_ROWS = 16_384;

/** The parts of @duckdb/node-api that sqlsh uses (typed structurally). */
export interface DuckChunk {
  readonly rowCount: number;
  getRows(): unknown[][];
  getColumnVector?(column: number): DuckVector;
}
export interface DuckResult {
  readonly returnType: number;
  readonly rowsChanged: number;
  readonly columnCount: number;
  columnName(i: number): string;
  columnType(i: number): { readonly typeId: number; readonly alias?: string; toString(): string };
  fetchChunk(): Promise<DuckChunk | null>;
}
export interface DuckConn {
  stream(sql: string): Promise<DuckResult>;
  /** For the csv fast path (duckdb-copy-csv.ts). */
  prepare?(sql: string): Promise<DuckPrepared>;
  run?(sql: string): Promise<{ readonly rowsChanged: number | bigint }>;
  interrupt(): void;
  closeSync(): void;
}
export interface DuckInstance {
  connect(): Promise<DuckConn>;
  closeSync(): void;
}

const RESULT_CHANGED_ROWS = 1;
const RESULT_QUERY = 3;

function firstWords(sql: string): string[] {
  return sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '').split(/\s+/, 3).map((w) => w.toUpperCase().replace(/[^A-Z_]/g, ''));
}

function commandTag(words: readonly string[], affected: number | undefined, rowCount: number | undefined): string {
  const verb = words[0] ?? '';
  if (rowCount !== undefined) return `${['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', ''].includes(verb) ? 'SELECT' : verb} ${rowCount}`;
  if (affected !== undefined) return `${verb} ${affected}`;
  if (['CREATE', 'DROP', 'ALTER'].includes(verb) && words[1]) {
    const obj = words[1] === 'OR' || words[1] === 'TEMP' || words[1] === 'TEMPORARY' || words[1] === 'UNIQUE' ? words[2] : words[1];
    return obj ? `${verb} ${obj}` : verb;
  }
  return verb;
}

/** A chunk's rows, read column by column (vectorised) when the API gives vectors, else row by row. */
function convertChunk(chunk: DuckChunk, converters: readonly DuckConverter[], typeIds: readonly number[], dates: DateTexts): Value[][] {
  if (typeof chunk.getColumnVector !== 'function') return chunk.getRows().map((r) => convertDuckRow(r, converters));
  const n = chunk.rowCount;
  const rows: Value[][] = new Array<Value[]>(n);
  for (let r = 0; r < n; r++) rows[r] = new Array<Value>(converters.length);
  for (let c = 0; c < converters.length; c++) readDuckColumn(rows, c, chunk.getColumnVector(c), typeIds[c]!, converters[c]!, dates);
  return rows;
}

export class DuckdbConnection implements Connection {
  readonly info: ConnectionInfo;
  readonly dialect: SqlDialect;
  private readonly instance: DuckInstance;
  private readonly conn: DuckConn;
  private running = false;
  private cancelRequested = false;
  private txStatus: TransactionStatus = 'idle';
  private closed = false;
  private readonly pipe = new CsvPipe();
  /** The user's DuckDB threads setting while csv exports run with one (lowerThreads). */
  private threadsToRestore: string | undefined;
  /** Drops the blocks a long export has read from DuckDB's cache (duckdb-cache-trim.ts), made on first use. */
  private cacheTrims: { readonly csv: CacheTrim; readonly rows: CacheTrim } | undefined;
  /** Their connection. */
  private trimConn: Promise<DuckConn | undefined> | undefined;
  /** The session set memory_limit: its limit is its own, and no trim may reset it. */
  private memoryLimitSet = false;
  /** The UTC offset the binding writes TIMESTAMPTZ values with (its own, read at load). */
  private readonly tzOffsetMinutes: number;

  constructor(instance: DuckInstance, conn: DuckConn, info: ConnectionInfo, dialect: SqlDialect, tzOffsetMinutes?: number) {
    this.instance = instance;
    this.conn = conn;
    this.info = info;
    this.dialect = dialect;
    this.tzOffsetMinutes = tzOffsetMinutes ?? -new Date().getTimezoneOffset();
  }

  transactionStatus(): TransactionStatus {
    return this.txStatus;
  }

  async *execute(sql: string, opts: ExecuteOptions = {}): AsyncGenerator<ResultEvent> {
    if (this.closed) throw new SqlError('the DuckDB connection is closed');
    if (this.running) throw new SqlError('another statement is still running on this connection');
    if (opts.signal?.aborted) throw new CancelledError();
    const batchSize = Math.max(1, opts.batchSize ?? 1000);
    const words = firstWords(sql);
    if (!this.memoryLimitSet && setsMemoryLimit(sql)) this.memoryLimitSet = true;
    const trims = this.trims();
    this.running = true;
    this.cancelRequested = false;
    const onAbort = (): void => void this.cancel();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // csv, or COPY text for the aligned table and the other sinks, from DuckDB's csv writer
      const copy: CopyFormat | undefined =
        this.txStatus === 'failed' ? undefined
        : opts.csv ? (csvFastPathFor(opts.csv.nullString) ? { format: 'csv', nullString: opts.csv.nullString } : undefined)
        : opts.copyText ? { format: 'text' }
        : opts.json ? { format: 'json', lines: opts.json.lines }
        : undefined;
      if (copy) {
        if (yield* this.copyOut(sql, words, copy, trims?.csv)) return;
        if (this.cancelRequested) throw new CancelledError();
      }
      await this.restoreThreads();
      let result: DuckResult;
      try {
        result = await this.conn.stream(sql);
      } catch (err) {
        throw this.failed(err, sql);
      }
      let rowCount: number | undefined;
      let affected: number | undefined;
      if (result.returnType === RESULT_QUERY) {
        const columns: ColumnInfo[] = [];
        const converters: DuckConverter[] = [];
        const typeIds: number[] = [];
        const dates = new DateTexts();
        for (let i = 0; i < result.columnCount; i++) {
          const t = result.columnType(i);
          columns.push({ name: result.columnName(i), type: t.alias ?? t.toString() });
          converters.push(duckdbConverter(t.typeId, t.alias));
          // An aliased type (JSON) keeps its own converter.
          typeIds.push(t.alias ? -1 : t.typeId);
        }
        yield { type: 'columns', columns };
        rowCount = 0;
        for (;;) {
          if (this.cancelRequested) throw new CancelledError();
          let chunk: DuckChunk | null;
          try {
            chunk = await result.fetchChunk();
          } catch (err) {
            throw this.failed(err, sql);
          }
          if (!chunk || chunk.rowCount === 0) {
            // the binding ends a failed stream like a finished one (duckdb-errors.ts)
            if (streamFailed(result) && !this.cancelRequested) throw this.failed(streamFailure(rowCount), sql);
            break;
          }
          trims?.rows.handled(chunk.rowCount);
          const all = convertChunk(chunk, converters, typeIds, dates);
          for (let start = 0; start < all.length; start += batchSize) {
            const rows = all.length <= batchSize ? all : all.slice(start, start + batchSize);
            rowCount += rows.length;
            yield { type: 'rows', rows };
          }
        }
      } else if (result.returnType === RESULT_CHANGED_ROWS) {
        affected = Number(result.rowsChanged);
      }
      if (this.cancelRequested) throw new CancelledError();
      this.trackTransaction(words);
      yield {
        type: 'done',
        command: commandTag(words, affected, rowCount),
        ...(affected !== undefined ? { affected } : {}),
        ...(rowCount !== undefined ? { rowCount } : {}),
      };
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      if (trims) await Promise.all([trims.csv.finish(), trims.rows.finish()]);
      this.running = false;
    }
  }

  /** The session's cache trims, unless it has set its own memory limit. */
  private trims(): { readonly csv: CacheTrim; readonly rows: CacheTrim } | undefined {
    if (this.memoryLimitSet || this.closed) return undefined;
    const connection = (): Promise<DuckConn | undefined> =>
      (this.trimConn ??= this.instance.connect().then(
        (c) => {
          if (!this.closed) return c;
          c.closeSync(); // the session closed while it was being made
          return undefined;
        },
        () => undefined,
      ));
    this.cacheTrims ??= { csv: new CacheTrim(connection, TRIM_EVERY_CSV_BYTES), rows: new CacheTrim(connection, TRIM_EVERY_ROWS) };
    return this.cacheTrims;
  }

  /**
   * The csv fast path (duckdb-copy-csv.ts): 'columns', the csv text from DuckDB's COPY ('bytes'), 'done';
   * or, for ExecuteOptions.copyText, the rows as COPY text ('copy-text'). False, having yielded
   * nothing, when it does not apply: the caller takes the ordinary path.
   */
  private async *copyOut(sql: string, words: readonly string[], format: CopyFormat, trim: CacheTrim | undefined): AsyncGenerator<ResultEvent, boolean> {
    const conn = this.conn;
    if (!conn.prepare || !conn.run) return false;
    const run = conn.run.bind(conn);
    const pipe = this.pipe.path();
    let prepared: DuckPrepared;
    try {
      prepared = await conn.prepare(sql);
    } catch {
      return false; // several statements, a syntax error...: the ordinary path says what is wrong
    }
    const path = await pipe;
    if (!path) {
      prepared.destroySync?.();
      return false;
    }
    let plan: ReturnType<typeof planCopy>;
    try {
      plan = planCopy(prepared, sql, path, this.tzOffsetMinutes, format);
    } finally {
      prepared.destroySync?.();
    }
    if (!plan || this.cancelRequested) return false;
    // A query that reads the settings sees the user's, not the export's
    if (/threads|setting/i.test(sql)) await this.restoreThreads();
    else await this.lowerThreads();
    let reader: PipeReader;
    try {
      reader = new PipeReader(path);
    } catch {
      return false;
    }
    // A csv export is DuckDB's one thread's work: sqlsh only passes its pieces on (its main thread is
    // idle for 80% of a 1M-row export). V8's optimizing compiler would still compile the dozen
    // functions a piece goes through, paging in its own code and working memory: 10 MB of the peak.
    const undoTier = format.format === 'csv' ? holdRuntimeFlag('--no-turbofan', '--turbofan') : undefined;
    let settled = false;
    let failure: unknown;
    let rowsChanged = 0;
    const copying = run(plan.copy).then(
      (r) => void (rowsChanged = Number(r.rowsChanged)),
      (err: unknown) => void (failure = err ?? new Error('COPY failed')),
    ).finally(() => {
      settled = true;
      reader.release();
    });
    try {
      let bytes = await reader.next();
      if (bytes === undefined && failure !== undefined && reader.bytes === 0) {
        await copying;
        if (this.cancelRequested) throw new CancelledError();
        return false; // COPY failed before its first byte: the ordinary path runs it and reports
      }
      yield { type: 'columns', columns: plan.columns };
      // one text column whose value may be `\.`: read as text to quote it; else DuckDB's bytes as they are
      // (StringDecoder, not TextDecoder: six times faster on a streamed 64 KiB piece)
      const quoter = plan.quoteBackslashDot ? { quote: new BackslashDotQuoter(), decoder: new StringDecoder('utf8') } : undefined;
      const json = format.format === 'json' ? new DuckJsonWriter(format.lines, plan.columns.map((c) => c.name), plan.types) : undefined;
      while (bytes !== undefined) {
        if (this.cancelRequested) throw new CancelledError();
        trim?.handled(bytes.length);
        if (json) {
          json.push(bytes);
          const objects = json.take();
          if (objects) yield { type: 'bytes', bytes: objects };
        } else if (format.format === 'text') yield { type: 'copy-text', bytes, numeric: plan.numeric, booleans: plan.booleans };
        else if (!quoter) yield { type: 'bytes', bytes };
        else {
          const out = quoter.quote.push(quoter.decoder.write(bytes));
          if (out !== '') yield { type: 'text', text: out };
        }
        bytes = await reader.next();
      }
      const rest = quoter ? quoter.quote.push(quoter.decoder.end()) + quoter.quote.end() : '';
      if (rest) yield { type: 'text', text: rest };
      if (json) {
        json.end();
        const objects = json.take(true);
        if (objects) yield { type: 'bytes', bytes: objects };
      }
      await copying;
      if (this.cancelRequested) throw new CancelledError();
      if (failure !== undefined) throw this.failed(failure, sql);
      this.trackTransaction(words);
      yield { type: 'done', command: `SELECT ${rowsChanged}`, rowCount: rowsChanged };
      return true;
    } finally {
      if (!settled) {
        // Stopped early (Ctrl-C, an error while writing): stop DuckDB, and read the pipe to its end
        // so its writer is never left blocked.
        try {
          conn.interrupt();
        } catch {
          /* already finished */
        }
        try {
          while ((await reader.next()) !== undefined);
        } catch {
          /* the pipe is gone */
        }
      }
      try {
        await copying;
        reader.close();
      } finally {
        undoTier?.();
      }
    }
  }

  /**
   * One thread for COPY: DuckDB's ordered csv writer otherwise keeps every thread's finished chunks
   * (190 MB of peak RSS at 1M rows instead of 110). The user's setting is put back before the next
   * statement that is not such an export (changing it costs about 0.6 ms, so a script of many csv
   * statements changes it once).
   */
  private async lowerThreads(): Promise<void> {
    if (this.threadsToRestore !== undefined || !this.conn.run) return;
    try {
      const r = await this.conn.stream("SELECT current_setting('threads')");
      const threads = String((await r.fetchChunk())?.getRows()[0]?.[0] ?? '');
      if (!/^\d+$/.test(threads) || threads === '1') return;
      await this.conn.run('SET threads = 1');
      this.threadsToRestore = threads;
    } catch {
      /* the export runs with the threads it has */
    }
  }

  private async restoreThreads(): Promise<void> {
    const threads = this.threadsToRestore;
    if (threads === undefined || !this.conn.run) return;
    this.threadsToRestore = undefined;
    await this.conn.run(`SET threads = ${threads}`).catch(() => undefined);
  }

  private trackTransaction(words: readonly string[]): void {
    const verb = words[0];
    if (verb === 'BEGIN' || (verb === 'START' && words[1] === 'TRANSACTION')) this.txStatus = 'in-transaction';
    else if (verb === 'COMMIT' || verb === 'ROLLBACK' || verb === 'END' || verb === 'ABORT') this.txStatus = 'idle';
  }

  private failed(err: unknown, sql: string): Error {
    const e = duckdbError(err, sql, this.cancelRequested);
    // In DuckDB an error while executing (not while parsing or binding) aborts an explicit transaction until ROLLBACK.
    const early = e instanceof SqlError && ['PARSER', 'CATALOG', 'BINDER'].includes(e.code ?? '');
    if (this.txStatus === 'in-transaction' && !early) this.txStatus = 'failed';
    if (this.txStatus === 'failed' && /^(ROLLBACK|ABORT)$/.test(firstWords(sql)[0] ?? '')) this.txStatus = 'idle';
    return e;
  }

  async cancel(): Promise<void> {
    if (!this.running || this.closed) return;
    this.cancelRequested = true;
    try {
      this.conn.interrupt();
    } catch {
      /* cancel never throws */
    }
  }

  introspect(signal?: AbortSignal): Promise<CatalogData> {
    return introspectDuckdb(() => this.instance.connect(), signal);
  }

  /**
   * DuckDB's close is a reference count: results and prepared statements live on in V8 objects whose
   * finalizers hold the database, and with it the file and its lock, until a garbage collection. So
   * close collects, twice (the finalizers queued by the first collection run on the next turn), and
   * when it resolves another process (or a new instance here) can open the file.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.pipe.remove();
    const trimConn = this.trimConn;
    this.trimConn = undefined;
    try {
      (await trimConn)?.closeSync();
      this.conn.closeSync();
    } finally {
      this.instance.closeSync();
    }
    const gc = gcFunction();
    if (!gc) return;
    gc();
    await new Promise<void>((resolve) => setImmediate(resolve));
    gc();
  }
}
