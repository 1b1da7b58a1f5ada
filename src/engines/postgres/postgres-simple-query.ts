/**
 * One simple-query message (the protocol's Query), as psql sends every request: the text may hold
 * several statements (psql's `a \; b;`). The server runs them as one implicit transaction unless they
 * control transactions themselves; an error ends the request (the server skips the rest). Each
 * statement's result streams as its own 'columns' / 'rows' / 'done' (psql 15 shows every result);
 * a part without SQL (`;`, a comment) answers EmptyQueryResponse and shows nothing.
 *
 * Memory: the server pushes rows without being asked, so when more than HIGH_WATER rows wait for the
 * caller the socket is paused (TCP flow control holds the server) and resumed once they are taken.
 * Notices come in protocol order between the results (the host lends its notice stream).
 */
import { StringDecoder } from 'node:string_decoder';
import type { ColumnInfo, NoticeExtra, ResultEvent, Row } from '../../core/result.js';
import type { ExecuteOptions } from '../engine.js';
import { pgResultClass, type PgClient, type PgFieldDesc } from './postgres-driver.js';
import { DataRowTap, PgCopyTextWriter } from './postgres-raw-rows.js';
import { PgJsonWriter } from './postgres-raw-json.js';
import { PgDelimitedWriter, PgMarkdownWriter, PgUnalignedWriter } from './postgres-raw-delimited.js';
import { psqlTypes } from './postgres-values.js';

/** pg's row parser for one result (rowMode 'array'); the client gives it the session's type parsers. */
interface PgResult {
  _types: unknown;
  fields: PgFieldDesc[];
  addFields(fields: readonly PgFieldDesc[]): void;
  parseRow(data: unknown[]): unknown[];
}
type ResultCtor = new (rowMode: 'array', types?: unknown) => PgResult;
let ResultClass: ResultCtor | undefined;
const resultClass = (): ResultCtor => (ResultClass ??= pgResultClass() as ResultCtor);

export interface SimpleQueryHost {
  readonly client: PgClient;
  columnType(f: PgFieldDesc): string;
  cancel(): Promise<void>;
  translate(err: unknown, opts: ExecuteOptions): Error;
  isDead(): boolean;
  /** While set, the host hands server notices to `sink` (in protocol order) instead of keeping them. */
  lendNotices(sink: ((message: string, severity?: string, position?: number, extra?: NoticeExtra) => void) | undefined): void;
  /** While set, the host calls `wake` when the session dies. */
  onDeath(wake: (() => void) | undefined): void;
  /** The done event for a statement's command tag (postgres-connection.ts). */
  done(tag: string | undefined, rowCount: number, returnedRows: boolean): ResultEvent;
}

/** Rows taken off the socket: for an aligned table ('table'), json, jsonl, csv, tsv, unaligned or markdown; false: row objects. */
export type RawRows = false | 'table' | 'json' | 'jsonl' | 'csv' | 'tsv' | 'unaligned' | 'markdown';

const HIGH_WATER = 4000;
const BATCH = 1000;
/** A 'copy-text' chunk (about 64 KB) counts as this many rows against HIGH_WATER: two may wait. */
const RAW_WEIGHT = 1500;

type Item =
  | Exclude<ResultEvent, { type: 'columns' } | { type: 'done' }>
  | { readonly type: 'done'; readonly copyStatus?: string }
  | { readonly type: 'fields'; readonly fields: readonly PgFieldDesc[] }
  | { readonly type: 'complete'; readonly tag: string; readonly rowCount: number; readonly returnedRows: boolean }
  | { readonly type: 'error'; readonly error: unknown }
  | { readonly type: 'end' };

/**
 * Rows taken off the socket: as COPY text (postgres-raw-rows.ts) for an aligned table to a file or
 * pipe, as the json/jsonl sink's objects (postgres-raw-json.ts), or as the csv, tsv, unaligned or
 * markdown sink's lines (postgres-raw-delimited.ts).
 */
type RawWriter = PgCopyTextWriter | PgJsonWriter | PgDelimitedWriter | PgUnalignedWriter | PgMarkdownWriter;
interface RawTable {
  readonly writer: RawWriter;
  readonly tap: DataRowTap;
  ready: boolean;
}

/** The protocol handlers pg's client calls for the active query (the "submittable" interface). */
class SimpleRequest {
  readonly _result: PgResult;
  readonly #text: string;
  readonly #push: (item: Item) => void;
  #rows: unknown[][] = [];
  #rowCount = 0;
  #copyOut: StringDecoder | undefined;
  #raw: RawTable | undefined;

  constructor(text: string, push: (item: Item) => void, rawRows: RawRows = false, opts: ExecuteOptions = {}) {
    this.#text = text;
    this.#push = push;
    this._result = opts.psqlValues ? new (resultClass())('array', psqlTypes) : new (resultClass())('array');
    if (rawRows) {
      const writer =
        rawRows === 'table' ? new PgCopyTextWriter(true, opts.psqlValues === true)
        : rawRows === 'csv' || rawRows === 'tsv' ? new PgDelimitedWriter(rawRows, (opts.csv ?? opts.tsv)?.nullString ?? '', opts.csv?.psql === true)
        : rawRows === 'unaligned' && opts.unaligned ? new PgUnalignedWriter(opts.unaligned)
        : rawRows === 'markdown' && opts.markdown ? new PgMarkdownWriter(opts.markdown.nullString)
        : new PgJsonWriter(rawRows === 'jsonl');
      const raw: RawTable = {
        writer,
        ready: false,
        tap: new DataRowTap(
          (buf, start, end) => {
            if (writer instanceof PgMarkdownWriter && writer.switching) {
              this.#flushRaw(true); // the first rows as COPY text, before the first markdown row
              writer.switched = true;
            }
            writer.row(buf, start, end);
            this.#rowCount++;
            this.#flushRaw(false);
          },
          () => raw.ready,
        ),
      };
      this.#raw = raw;
    }
  }

  /** The raw table's writer (to hand its buffers back), when the rows are taken off the socket. */
  get rawWriter(): RawWriter | undefined {
    return this.#raw?.writer;
  }

  submit(connection: { query(text: string): void; stream?: unknown }): null {
    if (this.#raw && !this.#raw.tap.install(connection.stream as Parameters<DataRowTap['install']>[0])) this.#raw = undefined;
    connection.query(this.#text);
    return null;
  }

  #flushRaw(force: boolean): void {
    const writer = this.#raw?.writer;
    const bytes = writer?.take(force);
    if (!bytes) return;
    if (writer instanceof PgCopyTextWriter && writer.writesCopyText()) {
      this.#push({ type: 'copy-text', bytes, numeric: writer.numeric, booleans: writer.booleans });
    } else this.#push({ type: 'bytes', bytes });
  }

  handleRowDescription(msg: { fields: readonly PgFieldDesc[] }): void {
    this.#rowCount = 0;
    this._result.addFields(msg.fields);
    if (this.#raw) {
      this.#raw.writer.setFields(msg.fields);
      this.#raw.ready = true;
    }
    this.#push({ type: 'fields', fields: msg.fields });
  }

  handleDataRow(msg: { fields: unknown[] }): void {
    this.#rows.push(this._result.parseRow(msg.fields));
    this.#rowCount++;
    if (this.#rows.length >= BATCH) this.#flushRows();
  }

  #flushRows(): void {
    if (this.#rows.length === 0) return;
    this.#push({ type: 'rows', rows: this.#rows as unknown as Row[] });
    this.#rows = [];
  }

  handleCommandComplete(msg: { text: string }): void {
    this.#flushRows();
    if (this.#raw?.ready && this.#raw.writer instanceof PgJsonWriter) this.#raw.writer.finish();
    this.#flushRaw(true);
    if (this.#raw) this.#raw.ready = false;
    if (this.#copyOut) {
      const tail = this.#copyOut.end();
      if (tail !== '') this.#push({ type: 'text', text: tail });
      this.#copyOut = undefined;
      this.#push({ type: 'done', copyStatus: msg.text }); // COPY ... TO STDOUT: no status line (as psql) but for \g FILE
      return;
    }
    this.#push({ type: 'complete', tag: msg.text, rowCount: this.#rowCount, returnedRows: this._result.fields.length > 0 });
    this._result.fields = [];
    this.#rowCount = 0;
  }

  handleEmptyQuery(): void {}

  handlePortalSuspended(): void {}

  handleError(err: unknown): void {
    this.#flushRows();
    this.#flushRaw(true);
    if (this.#raw) this.#raw.ready = false;
    this.#push({ type: 'error', error: err });
  }

  handleReadyForQuery(): void {
    this.#raw?.tap.uninstall();
    this.#flushRows();
    this.#push({ type: 'end' });
  }

  handleCopyInResponse(connection: { sendCopyFail(msg: string): void }): void {
    connection.sendCopyFail('sqlsh sends COPY ... FROM STDIN data only for a COPY that is a request of its own (not joined by \\;)');
  }

  handleCopyData(msg: { chunk: Buffer }): void {
    this.#copyOut ??= new StringDecoder('utf8');
    const text = this.#copyOut.write(msg.chunk);
    if (text !== '') this.#push({ type: 'text', text });
  }
}

/**
 * raw: one statement whose rows go to an aligned table in a file or pipe (ExecuteOptions.copyText):
 * the rows come as 'copy-text' events, taken off the socket without row objects (postgres-raw-rows.ts);
 * or to json / jsonl (ExecuteOptions.json): 'bytes' events with the sink's objects (postgres-raw-json.ts);
 * or to csv / tsv / unaligned (ExecuteOptions.csv / tsv / unaligned): 'bytes' events with the sink's lines
 * (postgres-raw-delimited.ts); or to markdown (ExecuteOptions.markdown): the first rows as 'copy-text',
 * then 'bytes'.
 */
export async function* simpleQuery(host: SimpleQueryHost, sql: string, opts: ExecuteOptions, raw: RawRows = false): AsyncGenerator<ResultEvent> {
  const client = host.client;
  const queue: Item[] = [];
  let waiting = 0;
  let wake: (() => void) | undefined;
  const stream = (client.connection as { stream?: { pause(): void; resume(): void } } | undefined)?.stream;
  let paused = false;
  const push = (item: Item): void => {
    queue.push(item);
    if (item.type === 'rows' || item.type === 'copy-text' || item.type === 'bytes') {
      waiting += item.type === 'rows' ? item.rows.length : RAW_WEIGHT;
      if (waiting > HIGH_WATER && stream && !paused) {
        paused = true;
        stream.pause();
      }
    }
    wake?.();
  };
  const resume = (): void => {
    if (paused) {
      paused = false;
      stream?.resume();
    }
  };
  host.lendNotices((message, severity, position, extra) => push({ type: 'notice', message, ...(severity ? { severity } : {}), ...(position !== undefined ? { position } : {}), ...(extra ? { extra } : {}) }));
  host.onDeath(() => wake?.());
  const onAbort = (): void => {
    resume();
    void host.cancel();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const request = new SimpleRequest(sql, push, raw, opts);
    client.query(request as never);
    for (;;) {
      const item = queue.shift();
      if (item === undefined) {
        if (host.isDead()) throw host.translate(new Error('the connection ended during the request'), opts);
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      switch (item.type) {
        case 'end':
          return;
        case 'error':
          throw host.translate(item.error, opts);
        case 'fields': {
          // no columns: nothing in csv and tsv, as the ordinary path (psql's unaligned header record, its table's rules
          // and row count, in records too, and json's `{}` for each row are the sink's, even when empty)
          if ((raw === 'csv' || raw === 'tsv') && item.fields.length === 0) break;
          const columns: ColumnInfo[] = item.fields.map((f) => Object.freeze({ name: f.name, type: host.columnType(f) }));
          yield { type: 'columns', columns: Object.freeze(columns) };
          break;
        }
        case 'rows':
          waiting -= item.rows.length;
          if (waiting <= BATCH) resume();
          yield item;
          break;
        case 'copy-text':
        case 'bytes':
          waiting -= RAW_WEIGHT;
          if (waiting <= BATCH) resume();
          yield item;
          request.rawWriter?.release(); // the table sink has read (copied) them
          break;
        case 'complete':
          yield host.done(item.tag, item.rowCount, item.returnedRows);
          break;
        default:
          yield item;
      }
    }
  } finally {
    resume();
    host.lendNotices(undefined);
    host.onDeath(undefined);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
