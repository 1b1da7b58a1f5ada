/**
 * The aligned table to a file or pipe (ExecuteOptions.copyText) without row objects, and without
 * changing what is sent: the statement goes as it is, in one simple-query message (as psql sends
 * it; postgres-simple-query.ts), and while it runs the DataRow messages are taken off the socket
 * before pg parses them and written as COPY text (output/table-copy-text.ts reads it); every other
 * message (RowDescription, CommandComplete, errors, notices, ReadyForQuery) goes on to pg as usual.
 *
 * Each value becomes the text the ordinary path shows (postgres-values.ts + output/format-value.ts):
 * bool t/f -> true/false; float4/float8 through a JS double (formatNumber) unless the server's
 * digits are already JavaScript's; bytea as \x hex; everything else the server's text as it is.
 */
import { YoungGarbage } from '../../core/young-garbage.js';
import { RowBytes } from '../../core/row-bytes.js';
import { bytesToHex, digitsAreJs, formatNumber } from '../../output/format-value.js';
import type { PgFieldDesc } from './postgres-driver.js';
import { parseBytea, PSQL_RIGHT_ALIGNED } from './postgres-values.js';

const DATA_ROW = 0x44;
const TAB = 0x09, LF = 0x0a, BACKSLASH = 0x5c;

/** The type families whose text sqlsh writes differently from the server's (shared by the raw writers). */
export const enum Kind {
  Plain,
  Bool,
  Float,
  Bytea,
}

const NUMBER_TYPES = new Set([20, 21, 23, 26, 700, 701, 1700]);

export function kindOf(oid: number): Kind {
  switch (oid) {
    case 16:
      return Kind.Bool;
    case 17:
      return Kind.Bytea;
    case 700:
    case 701:
      return Kind.Float;
    default:
      return Kind.Plain;
  }
}

/** DataRow message bodies to COPY text lines. */
export class PgCopyTextWriter extends RowBytes {
  protected kinds: Kind[] = [];
  numeric: readonly boolean[] = [];
  /** Per column: bool (written true / false; rows made again from the text get booleans). */
  booleans: readonly boolean[] = [];
  rows = 0;

  setFields(fields: readonly PgFieldDesc[]): void {
    this.kinds = fields.map((f) => kindOf(f.dataTypeID));
    // psql right-aligns money, xid, cid and xid8 too (their text is the server's either way)
    const numeric = this.#serverFloats ? PSQL_RIGHT_ALIGNED : NUMBER_TYPES;
    this.numeric = Object.freeze(fields.map((f) => NUMBER_TYPES.has(f.dataTypeID) || numeric.has(f.dataTypeID)));
    this.booleans = Object.freeze(this.kinds.map((k) => k === Kind.Bool));
  }

  /** reuse: a piece's buffer is filled again once read (the aligned table copies COPY text at once). */
  /** How a boolean is written: true / false, or psql's t / f (ExecuteOptions.psqlValues). */
  readonly #yes: string;
  readonly #no: string;
  /** Floats and bytea as the server wrote them (psql's), not in JavaScript's digits and \x hex (ExecuteOptions.psqlValues). */
  readonly #serverFloats: boolean;

  constructor(reuse = true, psqlValues = false) {
    super(reuse);
    this.#yes = psqlValues ? 't' : 'true';
    this.#no = psqlValues ? 'f' : 'false';
    this.#serverFloats = psqlValues;
  }

  /** The bytes taken are COPY text ('copy-text' events); a subclass that writes a sink's own bytes says no. */
  writesCopyText(): boolean {
    return true;
  }

  /**
   * A value whose text sqlsh writes differently from the server's, as the sinks show it: a boolean as
   * `yes` / `no`, a float in JavaScript's digits, bytea as \x hex (with psqlValues: the server's float
   * and bytea text, as psql). False (nothing written) for any other.
   */
  protected shownValue(kind: Kind | undefined, buf: Buffer, s: number, e: number, yes: string, no: string): boolean {
    switch (kind) {
      case Kind.Bool:
        this.ascii(buf[s] === 0x74 ? yes : no);
        return true;
      case Kind.Float:
        if (this.#serverFloats || digitsAreJs(buf, s, e)) this.bytes(buf, s, e);
        else this.ascii(formatNumber(Number(buf.toString('latin1', s, e))));
        return true;
      case Kind.Bytea:
        if (this.#serverFloats) this.bytes(buf, s, e);
        else this.ascii(byteaHex(buf, s, e));
        return true;
      default:
        return false;
    }
  }

  /** One DataRow's body, buf[s, e): int16 count, then per value int32 length (-1: NULL) and the bytes. */
  row(buf: Buffer, s: number, e: number): void {
    const n = buf.readInt16BE(s);
    let p = s + 2;
    this.reserve(e - s + 16);
    for (let i = 0; i < n; i++) {
      if (i > 0) this.out[this.pos++] = TAB;
      const len = buf.readInt32BE(p);
      p += 4;
      if (len < 0) {
        this.reserve(2);
        this.out[this.pos++] = BACKSLASH;
        this.out[this.pos++] = 0x4e; // \N
        continue;
      }
      const vs = p;
      p += len;
      switch (this.kinds[i]) {
        case Kind.Bool:
          this.ascii(buf[vs] === 0x74 ? this.#yes : this.#no);
          break;
        case Kind.Float:
          if (this.#serverFloats || digitsAreJs(buf, vs, p)) this.copyEscaped(buf, vs, p);
          else this.ascii(formatNumber(Number(buf.toString('latin1', vs, p))));
          break;
        case Kind.Bytea:
          if (this.#serverFloats) this.copyEscaped(buf, vs, p); // psql's: the server's text, in its bytea_output
          else this.ascii('\\' + byteaHex(buf, vs, p)); // the backslash of \x, escaped for COPY text
          break;
        default:
          this.copyEscaped(buf, vs, p);
      }
    }
    this.reserve(1);
    this.out[this.pos++] = LF;
    this.rows++;
  }
}

/** A bytea value's text as sqlsh writes it: \x hex, whatever bytea_output the server uses. */
export function byteaHex(buf: Buffer, s: number, e: number): string {
  const text = buf.toString('latin1', s, e);
  return text.startsWith('\\x') ? text : bytesToHex(parseBytea(text));
}

interface DataStream {
  listeners(event: 'data'): ((chunk: Buffer) => void)[];
  removeListener(event: 'data', fn: (chunk: Buffer) => void): void;
  on(event: 'data', fn: (chunk: Buffer) => void): void;
}

/**
 * Stands between the socket and pg's parser for one request: DataRow messages go to onRow, all
 * others to pg, in order. uninstall() gives pg its socket back (with any bytes not yet passed on).
 */
export class DataRowTap {
  private carry: Buffer | undefined;
  private carryBuf = Buffer.allocUnsafe(1 << 12);
  private joined = Buffer.allocUnsafe(0);
  private pgData: ((chunk: Buffer) => void) | undefined;
  private stream: DataStream | undefined;
  private removed = false;
  // every 8 MB here: PostgreSQL exports stay within 64-78 MB, and 2 MB (the default, for MariaDB's and
  // DuckDB's lower peaks) made 1M expanded records 10% slower
  private readonly garbage = new YoungGarbage(8 << 20);
  private readonly listener = (chunk: Buffer): void => this.data(chunk);

  constructor(
    private readonly onRow: (buf: Buffer, start: number, end: number) => void,
    /** DataRows are taken only once this says so (after the RowDescription has reached pg). */
    private readonly ready: () => boolean,
  ) {}

  /** False when the socket is not shaped as expected (then pg parses everything itself). */
  install(stream: DataStream | undefined): boolean {
    const listeners = stream?.listeners('data') ?? [];
    if (!stream || listeners.length !== 1) return false;
    this.stream = stream;
    this.pgData = listeners[0]!;
    stream.removeListener('data', this.pgData);
    stream.on('data', this.listener);
    return true;
  }

  uninstall(): void {
    if (!this.stream || this.removed) return;
    this.removed = true;
    this.stream.removeListener('data', this.listener);
    this.stream.on('data', this.pgData!);
    const rest = this.carry;
    this.carry = undefined;
    if (rest && rest.length > 0) this.pgData!(rest);
  }

  private data(chunk: Buffer): void {
    if (this.removed) return this.pgData!(chunk);
    let buf = chunk;
    if (this.carry) {
      // the unfinished message and the chunk, joined in a buffer kept from chunk to chunk
      const need = this.carry.length + chunk.length;
      if (this.joined.length < need) this.joined = Buffer.allocUnsafe(Math.max(need, this.joined.length * 2));
      this.carry.copy(this.joined, 0);
      chunk.copy(this.joined, this.carry.length);
      buf = this.joined.subarray(0, need);
      this.carry = undefined;
    }
    this.garbage.handled(buf.length * 2);
    let p = 0;
    let from = 0; // start of the bytes not yet passed on
    while (p + 5 <= buf.length) {
      const end = p + 1 + buf.readUInt32BE(p + 1);
      if (end > buf.length) break;
      if (buf[p] === DATA_ROW) {
        // what came before (the RowDescription) reaches pg first: it makes the request ready
        if (p > from) {
          this.forward(buf.subarray(from, p));
          from = p;
          if (this.removed) break;
        }
        if (this.ready()) {
          this.onRow(buf, p + 5, end);
          from = end;
        }
      }
      p = end;
    }
    if (!this.removed && p > from) {
      this.forward(buf.subarray(from, p));
      from = p;
    }
    if (this.removed) {
      // the request ended inside what was passed on: the rest is pg's
      if (from < buf.length) this.pgData!(buf.subarray(from));
      return;
    }
    if (from < buf.length) {
      // kept in a buffer of its own: the joined one is filled again with the next chunk
      const rest = buf.length - from;
      if (this.carryBuf.length < rest) this.carryBuf = Buffer.allocUnsafe(Math.max(rest, this.carryBuf.length * 2));
      buf.copy(this.carryBuf, 0, from);
      this.carry = this.carryBuf.subarray(0, rest);
    }
  }

  private forward(bytes: Buffer): void {
    this.pgData!(bytes);
  }
}
