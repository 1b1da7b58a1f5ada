/**
 * COPY ... TO STDOUT read off pg's socket: a pg submittable (client.query(new CopyOut(sql))) and a
 * Readable of the rows' bytes, as pg-copy-streams' `to()` is, but made for exports of millions of
 * rows. Each socket chunk is walked once: the CopyData payloads in it (one per row) are copied into
 * one buffer and pushed as one piece, with no buffer made per message (pg-copy-streams makes one per
 * row, and Node checks each `new Buffer()` for its deprecation warning). NoticeResponse messages sent
 * during COPY (RAISE NOTICE in a function the query calls) go to `onNotice` (pg-copy-streams drops them).
 *
 * While COPY runs this reads the connection's socket itself (pg's 'data' listener is taken off);
 * after CopyDone, or at an ErrorResponse, pg gets its listener back with the bytes not read yet, and
 * reads CommandComplete (the row count, handleCommandComplete), ReadyForQuery or the error
 * (handleError: the stream's 'error') as for any query.
 */
import { Readable } from 'node:stream';
import type { Socket } from 'node:net';
import type { NoticeExtra } from '../../core/result.js';

const COPY_DATA = 0x64; // d
const COPY_DONE = 0x63; // c
const ERROR_RESPONSE = 0x45; // E
const NOTICE_RESPONSE = 0x4e; // N

interface PgConnectionLike {
  readonly stream: Socket;
  query(text: string): void;
}

export class CopyOut extends Readable {
  rowCount = 0;
  private settle: () => void = () => undefined;
  /** Resolves when pg has read the statement's end (ReadyForQuery): the row count is in. */
  readonly completed = new Promise<void>((resolve) => (this.settle = resolve));
  private connection: PgConnectionLike | undefined;
  private pgData: ((chunk: Buffer) => void) | undefined;
  /** A message header cut by a chunk's end (up to 4 bytes). */
  private header: Buffer | undefined;
  /** The message being read: its type and the bytes of its body still to come. */
  private code = 0;
  private left = 0;
  /** A notice's body, gathered over chunks. */
  private notice: Buffer[] = [];
  private wanted = false;
  private reading = false;
  private finished = false;
  private readonly onReadable = (): void => this.forward();

  constructor(
    private readonly text: string,
    private readonly onNotice?: (message: string, severity?: string, position?: number, extra?: NoticeExtra) => void,
  ) {
    super({ highWaterMark: 256 * 1024 });
  }

  /** pg: this query's turn on the connection. */
  submit(connection: PgConnectionLike): void {
    this.connection = connection;
    const stream = connection.stream;
    const listeners = stream.listeners('data') as ((chunk: Buffer) => void)[];
    if (listeners.length !== 1) throw new Error(`COPY: expected pg's one data listener on the socket, found ${listeners.length}`);
    this.pgData = listeners[0]!;
    stream.removeListener('data', this.pgData);
    stream.pause();
    stream.on('readable', this.onReadable);
    connection.query(this.text);
  }

  override _read(): void {
    this.wanted = true;
    this.forward();
  }

  private forward(): void {
    if (this.reading || !this.wanted || !this.connection || this.finished) return;
    this.reading = true;
    const stream = this.connection.stream;
    let chunk: Buffer | null;
    while (this.wanted && !this.finished && (chunk = stream.read() as Buffer | null) !== null) this.wanted = this.parse(chunk);
    this.reading = false;
  }

  /** One socket chunk: its row bytes pushed as one piece; false when the reader wants no more now. */
  private parse(input: Buffer): boolean {
    let chunk = input;
    if (this.header) {
      chunk = Buffer.concat([this.header, input]);
      this.header = undefined;
    }
    const rows: Buffer[] = [];
    let size = 0;
    let p = 0;
    const n = chunk.length;
    while (p < n) {
      if (this.left === 0) {
        // a message starts: type byte and Int32 length (itself included)
        if (n - p < 5) {
          this.header = Buffer.from(chunk.subarray(p));
          break;
        }
        const code = chunk[p]!;
        if (code === ERROR_RESPONSE) return this.handBack(chunk.subarray(p), false, rows, size);
        this.code = code;
        this.left = chunk.readUInt32BE(p + 1) - 4;
        p += 5;
        if (this.left === 0) {
          if (code === COPY_DONE) return this.handBack(chunk.subarray(p), true, rows, size);
          continue;
        }
      }
      const take = Math.min(this.left, n - p);
      if (this.code === COPY_DATA) {
        rows.push(chunk.subarray(p, p + take));
        size += take;
      } else if (this.code === NOTICE_RESPONSE) {
        this.notice.push(Buffer.from(chunk.subarray(p, p + take)));
        if (take === this.left) this.noticeDone();
      }
      this.left -= take;
      p += take;
      if (this.left === 0 && this.code === COPY_DONE) return this.handBack(chunk.subarray(p), true, rows, size);
    }
    return size > 0 ? this.push(Buffer.concat(rows, size)) : true;
  }

  private noticeDone(): void {
    const body = Buffer.concat(this.notice);
    this.notice = [];
    const fields = noticeFields(body);
    if (fields.message !== undefined) this.onNotice?.(fields.message, fields.severity, fields.position, fields.extra);
  }

  /** pg reads the rest (CommandComplete and ReadyForQuery, or the error) as for any query. */
  private handBack(rest: Buffer, done: boolean, rows: Buffer[] = [], size = 0): boolean {
    this.finished = true;
    if (size > 0) this.push(Buffer.concat(rows, size));
    const stream = this.connection!.stream;
    stream.removeListener('readable', this.onReadable);
    stream.on('data', this.pgData!);
    if (rest.length > 0) this.pgData!(Buffer.from(rest));
    process.nextTick(() => stream.resume());
    if (done) this.push(null);
    return false;
  }

  /** pg: the statement failed (its ErrorResponse, read by pg after handBack). */
  handleError(err: Error): void {
    this.destroy(err);
  }

  /** pg: CommandComplete, "COPY n". */
  handleCommandComplete(msg: { text?: string } | undefined): void {
    const m = /COPY (\d+)/.exec(msg?.text ?? '');
    if (m) this.rowCount = Number(m[1]);
  }

  handleReadyForQuery(): void {
    this.settle();
  }
}

/** A NoticeResponse's fields: (type byte, text, NUL)* then NUL. */
/** A notice as psql prints it: the message, then its DETAIL: and HINT: lines. */
export function noticeText(n: { message?: string; detail?: string; hint?: string }): string {
  return `${n.message ?? ''}${n.detail ? `\nDETAIL:  ${n.detail}` : ''}${n.hint ? `\nHINT:  ${n.hint}` : ''}`;
}

/** The notice fields psql's VERBOSITY and SHOW_CONTEXT show (pg's names): SQLSTATE, CONTEXT, the server's routine, file and line. */
export interface NoticeParts {
  readonly code?: string;
  readonly where?: string;
  readonly routine?: string;
  readonly file?: string;
  readonly line?: string;
}

/** A notice's SQLSTATE, CONTEXT and LOCATION (libpq's `routine, file:line`), as psql shows them; undefined when it has none. */
export function noticeExtra(n: NoticeParts): NoticeExtra | undefined {
  const location = n.file === undefined ? undefined : `${n.routine !== undefined ? `${n.routine}, ` : ''}${n.file}:${n.line ?? ''}`;
  const extra = { ...(n.code ? { code: n.code } : {}), ...(n.where ? { context: n.where } : {}), ...(location !== undefined ? { location } : {}) };
  return Object.keys(extra).length > 0 ? extra : undefined;
}

export function noticeFields(body: Buffer): { message?: string; severity?: string; position?: number; extra?: NoticeExtra } {
  const out: { message?: string; severity?: string; detail?: string; hint?: string; position?: number } & { -readonly [K in keyof NoticeParts]?: string } = {};
  let p = 0;
  while (p < body.length && body[p] !== 0) {
    const type = body[p++]!;
    const end = body.indexOf(0, p);
    if (end < 0) break;
    const text = body.toString('utf8', p, end);
    if (type === 0x4d) out.message = text; // M
    else if (type === 0x53) out.severity = text; // S
    else if (type === 0x44) out.detail = text; // D
    else if (type === 0x48) out.hint = text; // H
    else if (type === 0x50 && Number(text) > 0) out.position = Number(text) - 1; // P, 1-based
    else if (type === 0x43) out.code = text; // C
    else if (type === 0x57) out.where = text; // W
    else if (type === 0x46) out.file = text; // F
    else if (type === 0x4c) out.line = text; // L
    else if (type === 0x52) out.routine = text; // R
    p = end + 1;
  }
  const extra = noticeExtra(out);
  const fields = { ...(out.severity !== undefined ? { severity: out.severity } : {}), ...(out.position !== undefined ? { position: out.position } : {}), ...(extra ? { extra } : {}) };
  return out.message === undefined ? fields : { ...fields, message: noticeText(out) };
}
