/**
 * A PostgreSQL session: every statement runs through a pg-cursor portal (extended protocol, text
 * format, rowMode 'array') and is read batchSize rows at a time, so memory stays bounded by one batch;
 * one that returns no rows (INSERT without RETURNING, DDL, SET) goes as one simple-query message, one round trip (#oneShot).
 *
 * - Transaction status comes from the protocol's ReadyForQuery status byte ('I', 'T', 'E'), which pg
 *   keeps per client (getTransactionStatus(), or _txStatus on older pg).
 * - cancel() sends a protocol CancelRequest on a new socket; the statement then throws CancelledError.
 *   A server that does not answer (a frozen backend, a dead network): see unanswered-cancel.ts; a
 *   dropped connection makes the statement throw ConnectionLostError and the next execute reconnect.
 * - When the socket dies, the running statement throws ConnectionLostError. The next execute
 *   reconnects with the same parameters and announces it with a first 'notice' event
 *   ("connection to the server was lost; reconnected to ..."). If the session died while idle and
 *   outside a transaction, that next execute simply reconnects and runs; if a transaction was open,
 *   it throws ConnectionLostError(wasInTransaction) once, and the one after reconnects.
 * - A reconnect chooses the server again by libpq's multi-host rule (postgres-hosts.ts): after a
 *   failover it reaches the new primary, and the notice says which host and what it is now.
 *   `info` follows the session (host, port, primary or standby).
 */
import { CancelledError, ConnectionLostError, SqlError } from '../../core/errors.js';
import type { ColumnInfo, NoticeExtra, ResultEvent, Row } from '../../core/result.js';
import type { CatalogData } from '../../catalog/catalog-data.js';
import type { SqlDialect } from '../../sql/dialect.js';
import type { Connection, ConnectionInfo, ExecuteOptions, ManyOptions, ManyResult, TransactionStatus } from '../engine.js';
import { UnansweredCancel } from '../unanswered-cancel.js';
import { copyStdioDirection } from '../../sql/copy-statement.js';
import { afterLeadingComments, lexSignificant } from '../../sql/lexer.js';
import { sendCancelRequest } from './postgres-cancel.js';
import { pgResultClass, readyForQuery, reportedSettings, type PgClient, type PgCursor, type PgDriver, type PgFieldDesc } from './postgres-driver.js';
import { errorMessage, isConnectionLoss, toSqlError } from './postgres-errors.js';
import { introspectPostgres, type SessionPath } from './postgres-introspector.js';
import { plainQuery } from './postgres-plain-query.js';
import { copyStdio, type CopyHost } from './postgres-copy-stdio.js';
import { noticeExtra, noticeText, type NoticeParts } from './postgres-copy-out.js';
import { simpleQuery, type SimpleQueryHost } from './postgres-simple-query.js';
import { runPipelined } from './postgres-pipeline.js';
import type { PgEndpoint } from './postgres-target.js';
import { PgTypeNames } from './postgres-type-names.js';
import { psqlTypes } from './postgres-values.js';

export interface PgSession {
  readonly client: PgClient;
  readonly endpoint: PgEndpoint;
  /** What the prompt and \conninfo show for this session (which host, primary or standby). */
  readonly info: ConnectionInfo;
  /** The server was a standby when the session began. */
  readonly standby?: boolean;
}

export interface PostgresConnectionInit {
  readonly driver: PgDriver;
  readonly dialect: SqlDialect;
  readonly session: PgSession;
  /** Opens another session to the same server as `like` (same parameters and password); used to introspect. */
  readonly reopen: (like: PgSession) => Promise<PgSession>;
  /** Opens a session by the multi-host rule again (target_session_attrs); used to reconnect after a loss. */
  readonly reconnect: () => Promise<PgSession>;
}

interface Notice {
  readonly message: string;
  readonly severity?: string;
  /** 0-based, in the statement. */
  readonly position?: number;
  readonly extra?: NoticeExtra;
}

const DEFAULT_BATCH = 1000;
/**
 * Largest portal read when the caller did not ask for a batch size. Reads of 4,000 rows (with the
 * read-ahead, 8,000 row objects alive at once) kept V8's young generation full of live rows: 1M rows
 * as json or an ordinary table peaked near 110 MB; with 1,000 about 100 MB, at the same CPU time.
 * (Big csv, tsv and table exports go through COPY and make no row objects.)
 */
const MAX_READ = 1000;
/**
 * Statements that may change which schemas this session sees unqualified: SET search_path (or
 * SCHEMA, set_config, RESET, DISCARD), a first temporary object (the session's pg_temp_N), a new
 * schema named in the path, SET ROLE ("$user"). After one, the path is read again (one round trip).
 */
const MAY_MOVE_PATH = /search_path|\btemp(?:orary)?\b|\bschema\b|\brole\b|\bdiscard\b|\breset\b|\bauthorization\b/i;
const ENDS_TRANSACTION = /^\s*(?:commit|rollback|abort|end)\b/i;

export class PostgresConnection implements Connection {
  readonly dialect: SqlDialect;
  readonly #driver: PgDriver;
  readonly #reopen: (like: PgSession) => Promise<PgSession>;
  readonly #reconnect: () => Promise<PgSession>;
  #session: PgSession;
  #types = new PgTypeNames();
  #dead = false;
  /** Transaction status at the moment the session died. */
  #lostIn: TransactionStatus = 'idle';
  /** The loss was already reported by a ConnectionLostError. */
  #lossReported = false;
  #closed = false;
  #running = false;
  #cancelRequested = false;
  /** The cancel request being sent (postgres-cancel.ts): the next statement waits for it. */
  #cancelInFlight: Promise<void> | undefined;
  readonly #unanswered = new UnansweredCancel((message) => {
    if (!this.#running || this.#dead) return;
    this.#notices.push({ severity: 'WARNING', message });
    this.#wake?.();
  });
  /** Set when the connection was dropped on purpose: why, for the running statement's error. */
  #dropped: string | undefined;
  #notices: Notice[] = [];
  /** NOTIFYs on channels this session listens on, given after the next statement (as psql shows them). */
  #notifications: { channel: string; payload: string; pid: number }[] = [];
  #wake: (() => void) | undefined;
  /** A simple-query request in progress takes the notices in protocol order (postgres-simple-query.ts). */
  #noticeSink: ((message: string, severity?: string, position?: number, extra?: NoticeExtra) => void) | undefined;
  #deathWake: (() => void) | undefined;
  /**
   * This session's search_path setting and its schemas (current_schemas(true): its pg_temp_N first
   * once it has one), read after a statement that may move them; the catalog's sessions copy them.
   */
  #path: SessionPath | undefined;
  /** The path was read inside a transaction: read it again when the transaction ends (SET is undone by ROLLBACK). */
  #pathInTransaction = false;
  #pathStale = false;
  /** The path being read on this session: a statement waits for it. */
  #pathRead: Promise<void> | undefined;

  constructor(init: PostgresConnectionInit) {
    this.dialect = init.dialect;
    this.#driver = init.driver;
    this.#reopen = init.reopen;
    this.#reconnect = init.reconnect;
    this.#session = init.session;
    this.#attach(init.session.client);
  }

  /** The current session's: after a failover, the new host. */
  get info(): ConnectionInfo {
    return this.#session.info;
  }

  #attach(client: PgClient): void {
    client.on('error', () => this.#markDead(client));
    client.on('end', () => this.#markDead(client));
    client.on('notice', (msg: { message?: string; severity?: string; detail?: string; hint?: string; position?: string } & NoticeParts) => {
      const message = noticeText(msg);
      const position = Number(msg.position) > 0 ? Number(msg.position) - 1 : undefined;
      const extra = noticeExtra(msg);
      if (this.#noticeSink && client === this.#session.client) return this.#noticeSink(message, msg.severity, position, extra);
      this.#notices.push({ message, ...(msg.severity ? { severity: msg.severity } : {}), ...(position !== undefined ? { position } : {}), ...(extra ? { extra } : {}) });
      this.#wake?.();
    });
    client.on('notification', (msg: { channel: string; payload?: string; processId: number }) => {
      if (client === this.#session.client) this.#notifications.push({ channel: msg.channel, payload: msg.payload ?? '', pid: msg.processId });
    });
  }

  #markDead(client: PgClient): void {
    if (client !== this.#session.client || this.#dead || this.#closed) return;
    this.#lostIn = this.transactionStatus();
    this.#dead = true;
    this.#lossReported = false;
    this.#wake?.();
    this.#deathWake?.();
  }

  /** A setting as the server last reported it (ParameterStatus), without a query. */
  serverSetting(name: string): string | undefined {
    return this.#dead ? undefined : reportedSettings(this.#session.client).get(name);
  }

  transactionStatus(): TransactionStatus {
    if (this.#dead) return 'idle';
    const c = this.#session.client;
    const s = typeof c.getTransactionStatus === 'function' ? c.getTransactionStatus() : c._txStatus;
    return s === 'T' ? 'in-transaction' : s === 'E' ? 'failed' : 'idle';
  }

  async cancel(): Promise<void> {
    const { client, endpoint } = this.#session;
    if (!this.#running || this.#dead || client.processID === null || client.secretKey === null) return;
    if (this.#unanswered.next() === 'drop') return this.#drop(UnansweredCancel.dropReason);
    this.#cancelRequested = true;
    const sent = sendCancelRequest(endpoint, client.processID, client.secretKey);
    this.#cancelInFlight = sent;
    await sent;
    if (this.#cancelInFlight === sent) this.#cancelInFlight = undefined;
  }

  /** Closes the socket under the running statement, which then fails with ConnectionLostError(reason). */
  #drop(reason: string): void {
    const client = this.#session.client;
    this.#dropped = reason;
    this.#markDead(client);
    const stream = (client.connection as { stream?: { destroy(): void } } | undefined)?.stream;
    stream?.destroy();
  }

  execute(sql: string, opts: ExecuteOptions = {}): AsyncIterable<ResultEvent> {
    return this.#run(sql, opts);
  }

  async *#run(sql: string, opts: ExecuteOptions): AsyncGenerator<ResultEvent> {
    await this.#start(opts.signal);
    try {
      if (this.#dead) {
        const reconnected = await this.#recover();
        yield { type: 'notice', message: reconnected, severity: 'NOTICE' };
      }
      yield* this.#stream(sql, opts);
      while (this.#notifications.length > 0) yield { type: 'notification', ...this.#notifications.shift()! };
    } finally {
      this.#notePath(sql);
      this.#running = false;
      this.#unanswered.stop();
    }
  }

  /** A statement starts: what must go first has gone, and it is the one running. */
  async #start(signal: AbortSignal | undefined): Promise<void> {
    if (this.#closed) throw new ConnectionLostError('the connection is closed: reconnect with \\c');
    if (this.#running) throw new Error('a statement is already running on this connection');
    if (signal?.aborted) throw new CancelledError();
    if (this.#pathRead) await this.#pathRead; // the catalog's one query on this session goes first
    // A cancel request still on its way would stop this statement instead of the one it was sent for:
    // the server has signalled the backend once it closed the request's socket (an idle backend ignores it).
    if (this.#cancelInFlight) await this.#cancelInFlight;
    if (this.#running) throw new Error('a statement is already running on this connection');
    this.#running = true;
    this.#cancelRequested = false;
    this.#unanswered.reset();
    this.#dropped = undefined;
    this.#notices = [];
  }

  /**
   * Statements that return no rows, each its own simple-query message as execute() sends it, several on
   * the wire at once (postgres-pipeline.ts). After the loss of the session none runs here: the first goes
   * through execute(), which reconnects and says so.
   */
  async executeMany(statements: readonly string[], opts: ManyOptions = {}): Promise<ManyResult | undefined> {
    if (this.#dead && !this.#closed) return { done: [], stop: 'other' };
    await this.#start(opts.signal);
    try {
      const r = await runPipelined(
        {
          client: this.#session.client,
          cancel: () => this.cancel(),
          translate: (err, txBefore) => this.#translate(err, txBefore, opts),
          isDead: () => this.#dead,
          transactionStatus: () => this.transactionStatus(),
          lendNotices: (sink) => void (this.#noticeSink = sink),
          onDeath: (wake) => void (this.#deathWake = wake),
          status: (tag, rowCount) => {
            const ev = doneEvent(tag, rowCount, rowCount > 0);
            return ev.type === 'done' ? { ...(ev.command !== undefined ? { command: ev.command } : {}), ...(ev.affected !== undefined ? { affected: ev.affected } : {}) } : {};
          },
          columnType: (f) => this.#types.nameOf(f),
          fits: (sql) => returnsNoRows(sql, this.dialect.lex),
        },
        statements,
        opts,
      );
      const ran = r.done.length + (r.stop instanceof Error ? 1 + (r.after?.length ?? 0) : 0);
      for (let i = 0; i < ran; i++) this.#notePath(statements[i]!);
      return r;
    } finally {
      this.#running = false;
      this.#unanswered.stop();
    }
  }

  /** After a statement that may have moved the search path (or ended a transaction that did): it is read again when the catalog is. */
  #notePath(sql: string): void {
    if (MAY_MOVE_PATH.test(sql)) {
      this.#pathStale = true;
      this.#pathInTransaction = this.transactionStatus() !== 'idle';
    } else if (this.#pathInTransaction && ENDS_TRANSACTION.test(sql)) {
      this.#pathStale = true;
      this.#pathInTransaction = false;
    }
  }

  /** This session's path, read on it (one round trip) when a statement may have moved it; never while a statement runs. */
  async #currentPath(): Promise<SessionPath | undefined> {
    if (!this.#pathStale || this.#running || this.#dead || this.transactionStatus() === 'failed') return this.#path;
    this.#pathStale = false;
    const read = (async () => {
      try {
        const r = await this.#session.client.query({
          text: "select pg_catalog.current_setting('search_path'), pg_catalog.array_to_json(pg_catalog.current_schemas(true))::text",
          rowMode: 'array',
        });
        const [setting, schemas] = (r.rows as unknown[][])[0] ?? [];
        this.#path = Object.freeze({ setting: String(setting), schemas: Object.freeze(JSON.parse(String(schemas)) as string[]) });
      } catch {
        // a server without these functions: the catalog keeps its own session's path
      }
    })();
    this.#pathRead = read;
    await read;
    if (this.#pathRead === read) this.#pathRead = undefined;
    return this.#path;
  }

  /** Reconnect after a loss; throws ConnectionLostError once first when a transaction was lost. */
  async #recover(): Promise<string> {
    if (this.#lostIn !== 'idle' && !this.#lossReported) {
      this.#lossReported = true;
      throw new ConnectionLostError(
        'the connection to the server was lost and the open transaction was rolled back. The next statement reconnects.',
        { wasInTransaction: true },
      );
    }
    let session: PgSession;
    const before = this.#session.info;
    try {
      session = await this.#reconnect();
    } catch (err) {
      this.#lossReported = true;
      throw new ConnectionLostError(`the connection to the server was lost and reconnecting failed (${errorMessage(err)}). The next statement tries again.`, { cause: err });
    }
    this.#session = session;
    this.#attach(session.client);
    this.#dead = false;
    this.#lostIn = 'idle';
    this.#types = new PgTypeNames();
    this.#path = undefined; // a new session: its own temp schema, the path it starts with
    this.#pathInTransaction = false;
    this.#pathStale = false;
    await this.#types.loadUserTypes(session.client);
    // The loss was reported already (by the statement that met it): now only say that it is over.
    const reported = this.#lossReported;
    this.#lossReported = false;
    const moved = session.info.url !== before.url ? ` (was ${before.host}:${before.port})` : '';
    const what = session.info.node ? `, ${session.info.node}` : '';
    const to = `reconnected to ${this.info.url}${what}${moved}`;
    return reported ? to : `the connection to the server was lost; ${to}`;
  }

  /** One simple-query request (postgres-simple-query.ts); raw: its rows taken off the socket as bytes. */
  async *#simple(sql: string, opts: ExecuteOptions, txBefore: ReturnType<PostgresConnection['transactionStatus']>, raw?: Parameters<typeof simpleQuery>[3]): AsyncGenerator<ResultEvent> {
    const client = this.#session.client;
    try {
      yield* simpleQuery(this.#simpleHost(txBefore), sql, opts, raw);
    } catch (err) {
      if (!this.#dead) await readyForQuery(client);
      throw err;
    } finally {
      if (!this.#dead && this.#types.hasMissing) await this.#types.lookUpMissing(client);
    }
  }

  async *#stream(sql: string, opts: ExecuteOptions): AsyncGenerator<ResultEvent> {
    const client = this.#session.client;
    const txBefore = this.transactionStatus();
    const batch = Math.max(1, opts.batchSize ?? DEFAULT_BATCH);
    if (opts.simpleQuery && opts.copyData === undefined) {
      yield* this.#simple(sql, opts, txBefore);
      return;
    }
    if (opts.describeOnly) {
      yield* this.#describe(sql, opts, txBefore);
      return;
    }
    const copy = copyStdioDirection(sql, this.dialect.lex);
    if (copy === 'out') {
      yield* copyStdio(this.#copyHost(), sql, copy, opts); // the COPY protocol (postgres-copy-stdio.ts; it reads its notices itself)
      return;
    }
    if (copy === 'in') {
      // what the server said while it took the data (a trigger's RAISE NOTICE for each row), before the status, as psql shows it
      try {
        for await (const ev of copyStdio(this.#copyHost(), sql, copy, opts)) {
          yield* this.#drainNotices();
          yield ev;
        }
      } catch (err) {
        yield* this.#drainNotices();
        throw err;
      }
      return;
    }
    const raw =
      opts.csv ? 'csv'
      : opts.tsv ? 'tsv'
      : opts.unaligned ? 'unaligned'
      : opts.markdown ? 'markdown'
      : opts.copyText ? 'table'
      : opts.json ? (opts.json.lines ? 'jsonl' : 'json')
      : false;
    if (raw && plainQuery(sql, this.dialect.lex) !== undefined) {
      // an aligned table, json, jsonl, csv, tsv, unaligned or markdown to a file or pipe: the statement as it is,
      // its rows taken off the socket as COPY text, or as the sink's objects or lines
      yield* this.#simple(sql, opts, txBefore, raw);
      return;
    }
    if (opts.batchSize === undefined && returnsNoRows(sql, this.dialect.lex)) {
      yield* this.#oneShot(sql, opts, txBefore);
      return;
    }
    const cursor: PgCursor = new this.#driver.Cursor(sql, undefined, { rowMode: 'array', ...(opts.psqlValues ? { types: psqlTypes } : {}) });
    // Safety net for COPY forms the check above misses: refuse input, drop output, never crash pg.
    Object.assign(cursor, {
      handleCopyInResponse: (con: { sendCopyFail(msg: string): void }) => con.sendCopyFail('COPY FROM STDIN is not supported by sqlsh'),
      handleCopyData: () => undefined,
    });
    // An error after the portal closed (its implicit COMMIT failed: a deferred constraint) reaches pg's client,
    // which then leaves this request for good: the read waiting for ReadyForQuery would wait forever. It fails
    // the read instead (pg-cursor's own handler ignores an error once its portal is closed).
    const cursorState = cursor as unknown as { state: string; _error?: unknown; _cb?: ((err: unknown) => void) | null; handleError(msg: unknown): void };
    const onCursorError = cursorState.handleError.bind(cursor);
    cursorState.handleError = (msg: unknown): void => {
      if (cursorState.state !== 'done') return onCursorError(msg);
      cursorState.state = 'error';
      cursorState._error = msg;
      const cb = cursorState._cb;
      cursorState._cb = null;
      cb?.(msg);
    };
    // a statement that returns rows describes them, even with no columns (`select;`: psql's table of no columns)
    let described = false;
    const onDescription = (cursor as unknown as { handleRowDescription(msg: unknown): void }).handleRowDescription.bind(cursor);
    (cursor as unknown as { handleRowDescription(msg: unknown): void }).handleRowDescription = (msg: unknown): void => {
      described = true;
      onDescription(msg);
    };
    // pg-cursor writes each protocol message on its own (Parse, Bind, Describe, Flush, then Execute, Flush;
    // Close and Sync at the end): corked, each group leaves in one write, as pg's own queries do (a script
    // of many small statements spent more time in write calls than the server spent running them)
    const socket = client.connection?.stream;
    let tag: string | undefined;
    const onComplete = cursor.handleCommandComplete.bind(cursor);
    cursor.handleCommandComplete = (msg: { text: string }): void => {
      tag = msg.text;
      socket?.cork?.();
      try {
        onComplete(msg);
      } finally {
        socket?.uncork?.();
      }
    };
    const onAbort = (): void => void this.cancel();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    let first = true;
    let rowCount = 0;
    let failed = false;
    // Without an explicit batchSize, portal reads grow from DEFAULT_BATCH to MAX_READ rows (fewer round
    // trips on big exports) and are handed over in events of at most DEFAULT_BATCH rows.
    let readSize = batch;
    const grow = opts.batchSize === undefined;
    const startRead = (): Promise<unknown[][]> => {
      const p = cursor.read(readSize);
      p.catch(() => undefined); // a read-ahead may be abandoned; its error is seen when awaited
      if (grow && readSize < MAX_READ) readSize = Math.min(MAX_READ, readSize * 2);
      return p;
    };
    try {
      socket?.cork?.();
      // uncorked once the first read's Execute is written too (in this tick, before the loop's first await)
      if (socket?.uncork) process.nextTick(() => socket.uncork!());
      client.query(cursor);
      parseRowsInPlace(cursor);
      let read: Promise<unknown[][]> | undefined;
      while (true) {
        read ??= startRead();
        const next = await this.#rowsOrNotice(read);
        yield* this.#drainNotices();
        if (next === undefined) continue;
        read = undefined;
        if (first) {
          first = false;
          const fields = cursor._result.fields;
          if (fields.length > 0 || described) {
            const columns: ColumnInfo[] = fields.map((f) => Object.freeze({ name: f.name, type: this.#types.nameOf(f) }));
            yield { type: 'columns', columns: Object.freeze(columns) };
          }
        }
        const more = next.length > 0 && cursor.state === 'idle';
        // Read ahead: the server produces the next batch while this one is rendered (memory: two batches).
        if (more) read = startRead();
        rowCount += next.length;
        const rows = next as unknown as Row[];
        if (rows.length <= batch) {
          if (rows.length > 0) yield { type: 'rows', rows };
        } else {
          for (let i = 0; i < rows.length; i += batch) yield { type: 'rows', rows: rows.slice(i, i + batch) };
        }
        if (!more) break;
      }
      yield* this.#drainNotices();
      yield doneEvent(tag, rowCount, !first && cursor._result.fields.length > 0);
    } catch (err) {
      failed = true;
      yield* this.#drainNotices(); // what the server said before the error comes first, as psql shows it
      throw this.#translate(err, txBefore, opts);
    } finally {
      if (failed && !this.#dead) await readyForQuery(client);
      opts.signal?.removeEventListener('abort', onAbort);
      if (!this.#dead && cursor.state !== 'done' && cursor.state !== 'error') {
        await cursor.close().catch(() => undefined);
      }
      if (!this.#dead && this.#types.hasMissing) await this.#types.lookUpMissing(client);
    }
  }

  /**
   * A statement that returns no rows (INSERT, UPDATE, DELETE without RETURNING, DDL, SET, DO): one
   * simple-query message, as psql sends it (the server logs it as psql's), answered in one round trip,
   * where a portal read in batches (pg-cursor: Execute, then Close and Sync once it completes) waits twice
   * on the server, and Parse, Bind, Describe, Execute and Sync cost the server and the client more (3,362
   * INSERTs: 1.96 s that way, 1.25 s this way; psql 0.36 s). Rows, should a rule return some, are still
   * read (all at once).
   */
  async *#oneShot(sql: string, opts: ExecuteOptions, txBefore: TransactionStatus): AsyncGenerator<ResultEvent> {
    const client = this.#session.client;
    const ResultClass = pgResultClass() as new (rowMode: string, types?: unknown) => { fields: readonly PgFieldDesc[]; addFields(f: unknown): void; parseRow(r: unknown): unknown[] };
    const result = new ResultClass('array', opts.psqlValues ? psqlTypes : undefined);
    const rows: unknown[][] = [];
    let tag: string | undefined;
    const onAbort = (): void => void this.cancel();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await new Promise<void>((resolve, reject) => {
        // pg's "submittable": the client hands it the protocol messages of its request (its _result gets the client's types)
        const request = {
          _result: result,
          submit(con: { query(text: string): void }): null {
            con.query(sql);
            return null;
          },
          handleRowDescription: (msg: { fields: unknown }) => result.addFields(msg.fields),
          handleDataRow: (msg: { fields: unknown }) => void rows.push(result.parseRow(msg.fields)),
          handleCommandComplete: (msg: { text: string }) => void (tag = msg.text),
          handleEmptyQuery: () => undefined,
          handlePortalSuspended: () => undefined,
          handleCopyInResponse: (con: { sendCopyFail(msg: string): void }) => con.sendCopyFail('COPY FROM STDIN is not supported by sqlsh'),
          handleCopyData: () => undefined,
          // pg forgets the request at an error: its ReadyForQuery is awaited below
          handleError: (err: unknown) => reject(err),
          handleReadyForQuery: () => resolve(),
        };
        (client as unknown as { query(q: unknown): void }).query(request);
      });
    } catch (err) {
      if (!this.#dead) await readyForQuery(client);
      yield* this.#drainNotices(); // what the server said before the error comes first, as psql shows it
      throw this.#translate(err, txBefore, opts);
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      if (!this.#dead && this.#types.hasMissing) await this.#types.lookUpMissing(client);
    }
    yield* this.#drainNotices();
    const fields = result.fields;
    if (fields.length > 0) {
      yield { type: 'columns', columns: Object.freeze(fields.map((f) => Object.freeze({ name: f.name, type: this.#types.nameOf(f) }))) };
      if (rows.length > 0) yield { type: 'rows', rows: rows as unknown as Row[] };
    }
    yield doneEvent(tag, rows.length, fields.length > 0);
  }

  /** The statement's result columns from Parse and Describe, not run (ExecuteOptions.describeOnly, psql's \\gdesc). */
  async *#describe(sql: string, opts: ExecuteOptions, txBefore: TransactionStatus): AsyncGenerator<ResultEvent> {
    const client = this.#session.client;
    const fields = await new Promise<readonly PgFieldDesc[] | undefined>((resolve, reject) => {
      let described: readonly PgFieldDesc[] | undefined;
      // pg's "submittable": the client hands it the protocol messages of its request
      const request = {
        submit(con: { parse(q: { text: string; name: string }): void; describe(m: { type: string; name: string }): void; sync(): void }): null {
          con.parse({ text: sql, name: '' });
          con.describe({ type: 'S', name: '' });
          con.sync();
          return null;
        },
        handleRowDescription: (msg: { fields: readonly PgFieldDesc[] }) => void (described = msg.fields),
        handleDataRow: () => undefined,
        handleCommandComplete: () => undefined,
        handleEmptyQuery: () => undefined,
        handlePortalSuspended: () => undefined,
        handleError: (err: unknown) => reject(err),
        handleReadyForQuery: () => resolve(described),
      };
      (client as unknown as { query(q: unknown): void }).query(request);
    }).catch((err: unknown) => {
      throw this.#translate(err, txBefore, opts);
    });
    if (fields && fields.length > 0) {
      yield { type: 'columns', columns: fields.map((f) => ({ name: f.name, type: this.#types.nameOf(f), typeOid: f.dataTypeID, typeModifier: f.dataTypeModifier })) };
    }
    yield { type: 'done' };
  }

  /** What COPY ... FROM STDIN / TO STDOUT (postgres-copy-stdio.ts) needs from this connection. */
  #copyHost(): CopyHost {
    return {
      client: this.#session.client,
      cancel: () => this.cancel(),
      translate: (err, opts) => this.#translate(err, 'idle', opts),
    };
  }

  /** What one simple-query request (postgres-simple-query.ts) needs from this connection. */
  #simpleHost(txBefore: TransactionStatus): SimpleQueryHost {
    return {
      client: this.#session.client,
      columnType: (f) => this.#types.nameOf(f),
      cancel: () => this.cancel(),
      translate: (err, opts) => this.#translate(err, txBefore, opts),
      isDead: () => this.#dead,
      lendNotices: (sink) => void (this.#noticeSink = sink),
      onDeath: (wake) => void (this.#deathWake = wake),
      done: doneEvent,
    };
  }

  /** The next batch, or undefined when notices (or the loss of the socket) arrived first. */
  async #rowsOrNotice(read: Promise<unknown[][]>): Promise<unknown[][] | undefined> {
    if (this.#notices.length > 0) {
      read.catch(() => undefined); // handled when awaited again
      return undefined;
    }
    const woken = new Promise<undefined>((resolve) => (this.#wake = () => resolve(undefined)));
    try {
      return await Promise.race([read, woken]);
    } finally {
      this.#wake = undefined;
    }
  }

  *#drainNotices(): Generator<ResultEvent> {
    while (this.#notices.length > 0) {
      const n = this.#notices.shift()!;
      yield { type: 'notice', message: n.message, ...(n.severity ? { severity: n.severity } : {}), ...(n.position !== undefined ? { position: n.position } : {}), ...(n.extra ? { extra: n.extra } : {}) };
    }
  }

  #translate(err: unknown, txBefore: TransactionStatus, opts: ExecuteOptions): Error {
    const code = (err as { code?: string } | null)?.code;
    if (code === '57014' && (this.#cancelRequested || opts.signal?.aborted)) return new CancelledError();
    if (this.#dead || isConnectionLoss(err)) {
      if (!this.#dead) this.#markDead(this.#session.client);
      this.#lossReported = true;
      const inTx = txBefore !== 'idle';
      if (this.#dropped) {
        return new ConnectionLostError(
          `${this.#dropped}${inTx ? '; the open transaction was rolled back' : ''}. The next statement reconnects.`,
          { wasInTransaction: inTx, cause: err },
        );
      }
      return new ConnectionLostError(
        inTx
          ? `the connection to the server was lost (${errorMessage(err)}); the open transaction was rolled back. The next statement reconnects.`
          : `the connection to the server was lost (${errorMessage(err)}). The next statement reconnects.`,
        { wasInTransaction: inTx, cause: err },
      );
    }
    const sqlError = toSqlError(err);
    // 25006 read_only_sql_transaction: on a standby, say why in words and the way out.
    if (sqlError.code === '25006' && this.#session.standby) {
      return new SqlError(sqlError.message, {
        code: '25006',
        ...(sqlError.position !== undefined ? { position: sqlError.position } : {}),
        ...(sqlError.detail !== undefined ? { detail: sqlError.detail } : {}),
        hint: 'this server is a standby (read-only); connect with target_session_attrs=read-write',
        cause: err,
      });
    }
    return sqlError;
  }

  /**
   * The catalog, on sessions of its own. Its first session also reads the names of the types that
   * are not built in (enums, domains, extensions' types) for result columns: connecting asks nothing.
   * They take this session's search path, and see its temporary schema, once a statement may have
   * changed them (the path is then read here first).
   */
  async introspect(signal?: AbortSignal): Promise<CatalogData> {
    const like = this.#session;
    const types = this.#types;
    const path = await this.#currentPath();
    let first = true;
    return introspectPostgres(async () => {
      const session = await this.#reopen(like);
      if (first) {
        first = false;
        void types.loadUserTypes(session.client); // queued first on that session; never throws
      }
      return session;
    }, signal, path);
  }

  /**
   * Says Terminate and closes the socket, as libpq does: the server's own close of its end (its
   * backend exiting, milliseconds) is not waited for, so `-c` and \q end sooner.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const client = this.#session.client;
    const stream = (client.connection as { stream?: { once(e: 'finish', f: () => void): unknown; destroy(): void } } | undefined)?.stream;
    const ended = client.end();
    stream?.once('finish', () => stream.destroy());
    await ended.catch(() => undefined);
  }
}

/**
 * pg parses each DataRow into a fresh array of texts and then copies it into a new row; parse the
 * values in place instead (one array per row instead of two). Falls back to pg's own when the shape differs.
 */
function parseRowsInPlace(cursor: PgCursor): void {
  const result = cursor._result as unknown as { parseRow?: unknown; _parsers?: ((text: string) => unknown)[] };
  if (typeof result.parseRow !== 'function') return;
  result.parseRow = (data: unknown[]): unknown[] => {
    const parsers = result._parsers!;
    for (let i = 0; i < data.length; i++) {
      const raw = data[i];
      if (raw !== null) data[i] = parsers[i]!(raw as string);
    }
    return data;
  };
}

/** The statements that return no rows whatever they touch (without a top-level RETURNING). */
const NO_ROWS = new Set(['insert', 'update', 'delete', 'create', 'alter', 'drop', 'comment', 'grant', 'revoke', 'truncate', 'set', 'do']);

/** `sql` is one statement of a kind that returns no rows (#oneShot runs it). */
function returnsNoRows(sql: string, lexOptions: SqlDialect['lex']): boolean {
  const tokens = lexSignificant(sql, lexOptions);
  let depth = 0;
  let first = true;
  let ended = false;
  for (const t of tokens) {
    if (t.type === 'space' || t.type === 'line-comment' || t.type === 'block-comment') continue;
    if (t.unterminated || t.type === 'backslash' || t.type === 'param' || (ended && t.text !== ';')) return false;
    const w = t.type === 'word' ? t.text.toLowerCase() : '';
    if (first) {
      if (!NO_ROWS.has(w)) return false;
      first = false;
      continue;
    }
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (t.text === ';') ended = true; // the text psql sends ends with it; more after it is another statement
    else if (w === 'returning' && depth === 0) return false;
  }
  return !first;
}

/**
 * The final event. A portal read in batches ends with the count of the last batch only
 * ('SELECT 0'), so for statements that returned rows the tag carries the streamed total.
 */
function doneEvent(tag: string | undefined, rowCount: number, returnedRows: boolean): ResultEvent {
  if (tag === undefined) return { type: 'done' };
  if (returnedRows && /^(SELECT|FETCH) \d+$/.test(tag)) tag = tag.replace(/\d+$/, String(rowCount));
  const m = /^(?:INSERT \d+|[A-Z ]+?) (\d+)$/.exec(tag);
  const n = m ? Number(m[1]) : undefined;
  const isQuery = /^(SELECT|FETCH|SHOW|EXPLAIN|VALUES|TABLE)\b/.test(tag);
  return {
    type: 'done',
    command: tag,
    ...(n !== undefined && !isQuery ? { affected: n } : {}),
    ...(isQuery || rowCount > 0 ? { rowCount: n ?? rowCount } : {}),
  };
}
