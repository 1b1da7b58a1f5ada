/**
 * Rows of the text protocol straight from the packet's bytes to output bytes, with no row objects:
 * csv for ExecuteOptions.csv (the csv sink's bytes: output/csv-sink.ts) or COPY text for the aligned
 * table (ExecuteOptions.copyText: output/table-copy-text.ts reads it).
 *
 * Each value is the text sqlsh shows for it (mysql-values.ts): integers, DECIMAL, dates and times,
 * text, ENUM/SET, JSON and FLOAT/DOUBLE (1e20, 0.0000001, as the mysql client prints them) are the
 * server's text as it is; binary strings become \x hex; text that is not
 * valid UTF-8 is decoded as the driver decodes it (U+FFFD). A result set with a column of another
 * kind (YEAR, BIT, GEOMETRY, VECTOR, ZEROFILL, a text charset other than UTF-8) takes the ordinary path.
 */
import { isUtf8 } from 'node:buffer';
import { RowBytes } from '../../core/row-bytes.js';
import type { MysqlField } from './mysql-values.js';

const T_DECIMAL = 0, T_TINY = 1, T_SHORT = 2, T_LONG = 3, T_FLOAT = 4, T_DOUBLE = 5, T_NULL = 6, T_TIMESTAMP = 7;
const T_LONGLONG = 8, T_INT24 = 9, T_DATE = 10, T_TIME = 11, T_DATETIME = 12, T_NEWDATE = 14, T_VARCHAR = 15;
const T_TIMESTAMP2 = 17, T_DATETIME2 = 18, T_TIME2 = 19, T_JSON = 245, T_NEWDECIMAL = 246, T_ENUM = 247, T_SET = 248;
const T_TINY_BLOB = 249, T_MEDIUM_BLOB = 250, T_LONG_BLOB = 251, T_BLOB = 252, T_VAR_STRING = 253, T_STRING = 254;
const BINARY_CHARSET = 63;
const ZEROFILL_FLAG = 64;

/** How one column's bytes become text. */
export const enum Kind {
  /** The server's text as it is (numbers, dates, ASCII by nature). */
  Plain,
  /** UTF-8 text, checked. */
  Text,
  /** Bytes as \x hex. */
  Binary,
}

export interface Column {
  readonly kind: Kind;
  readonly numeric: boolean;
  /** What the json sink writes for it (mysql-raw-json.ts): integer digits, DECIMAL text, JSON text, or a string. */
  readonly json?: 'digits' | 'decimal' | 'json';
}

function columnOf(f: MysqlField): Column | undefined {
  if (f.extendedFormat === 'json' || f.columnType === T_JSON) return { kind: Kind.Text, numeric: false, json: 'json' };
  if (f.extendedTypeName || f.extendedFormat) return undefined; // MariaDB's data types (uuid, inet6 ...): the ordinary path decides
  switch (f.columnType) {
    case T_TINY: case T_SHORT: case T_LONG: case T_INT24: case T_LONGLONG:
      return f.flags & ZEROFILL_FLAG ? undefined : { kind: Kind.Plain, numeric: true, json: 'digits' };
    case T_DECIMAL: case T_NEWDECIMAL: case T_FLOAT: case T_DOUBLE:
      return { kind: Kind.Plain, numeric: true, json: 'decimal' };
    case T_NULL: case T_TIMESTAMP: case T_TIMESTAMP2: case T_DATE: case T_NEWDATE: case T_TIME: case T_TIME2: case T_DATETIME: case T_DATETIME2:
      return { kind: Kind.Plain, numeric: false };
    case T_VARCHAR: case T_VAR_STRING: case T_STRING: case T_ENUM: case T_SET:
    case T_TINY_BLOB: case T_MEDIUM_BLOB: case T_LONG_BLOB: case T_BLOB: {
      if (f.characterSet === BINARY_CHARSET) return { kind: Kind.Binary, numeric: false };
      const encoding = (f as { encoding?: string }).encoding;
      return encoding === undefined || encoding === 'utf8' ? { kind: Kind.Text, numeric: false } : undefined;
    }
    default:
      return undefined;
  }
}

/** The columns of a result set when all of them can be read raw, else undefined. */
export function rawColumns(fields: readonly MysqlField[]): readonly Column[] | undefined {
  const out: Column[] = [];
  for (const f of fields) {
    const c = columnOf(f);
    if (!c) return undefined;
    out.push(c);
  }
  return out.length > 0 ? out : undefined;
}

/** Where the value whose length valueLength() last read starts. */
export let valueStart = 0;

/** A text-protocol row value's length-encoded length at buf[p] (-1: NULL); its bytes start at valueStart. */
export function valueLength(buf: Buffer, p: number): number {
  const first = buf[p]!;
  if (first < 0xfb) {
    valueStart = p + 1;
    return first;
  }
  if (first === 0xfb) {
    valueStart = p + 1;
    return -1;
  }
  if (first === 0xfc) {
    valueStart = p + 3;
    return buf.readUInt16LE(p + 1);
  }
  if (first === 0xfd) {
    valueStart = p + 4;
    return buf.readUIntLE(p + 1, 3);
  }
  valueStart = p + 9;
  return Number(buf.readBigUInt64LE(p + 1));
}

/** The part of mysql2's packet the reader uses: the payload is buffer[offset, end). */
export interface RawPacket {
  readonly buffer: Buffer;
  readonly offset: number;
  readonly end: number;
}

const COMMA = 0x2c, QUOTE = 0x22, CR = 0x0d, LF = 0x0a, TAB = 0x09, BACKSLASH = 0x5c;

export class MysqlRawRows extends RowBytes {
  private readonly nullBytes: Buffer;
  /** Per column: numbers (right-aligned in a table). */
  readonly numeric: readonly boolean[];

  constructor(
    private readonly columns: readonly Column[],
    private readonly format: 'csv' | 'copy-text',
    nullString: string,
  ) {
    // COPY text's buffers are filled again once the table has copied them; csv's go to the output stream
    super(format === 'copy-text');
    this.nullBytes = format === 'csv' ? Buffer.from(nullString, 'utf8') : Buffer.from('\\N');
    this.numeric = Object.freeze(columns.map((c) => c.numeric));
  }

  /** One row packet (mysql2's row parser interface); returns nothing. */
  next(packet: RawPacket): null {
    const buf = packet.buffer;
    let p = packet.offset;
    const end = packet.end;
    const cols = this.columns;
    const n = cols.length;
    const csv = this.format === 'csv';
    const nullBytes = this.nullBytes;
    // room for the row as the fast paths below write it: a value's bytes at most doubled (COPY text
    // escapes), the null string for a NULL, a separator; the other paths reserve their own
    this.reserve(2 * (end - p) + n * (nullBytes.length + 1) + 16);
    let out = this.out;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      if (i > 0) out[pos++] = csv ? COMMA : TAB;
      const len = valueLength(buf, p);
      p = valueStart;
      if (len < 0) {
        for (let k = 0; k < nullBytes.length; k++) out[pos++] = nullBytes[k]!;
        continue;
      }
      const s = p;
      p += len;
      const kind = cols[i]!.kind;
      if (kind === Kind.Text) {
        // one pass: copied (escaped, for COPY text) while checking for what needs the slower way
        let high = 0;
        let k = s;
        if (csv) {
          for (; k < p; k++) {
            const c = buf[k]!;
            if (c === COMMA || c === QUOTE || c === CR || c === LF) break;
            out[pos + k - s] = c;
            high |= c;
          }
          if (k === p && (high < 0x80 || isUtf8(buf.subarray(s, p))) && !this.quotedAnyway(buf, s, p, n === 1)) {
            pos += len;
            continue;
          }
        } else {
          const from = pos;
          for (; k < p; k++) {
            const c = buf[k]!;
            if (c === TAB || c === LF || c === BACKSLASH) {
              out[pos++] = BACKSLASH;
              out[pos++] = c === TAB ? 0x74 : c === LF ? 0x6e : BACKSLASH;
            } else {
              out[pos++] = c;
              high |= c;
            }
          }
          if (high < 0x80 || isUtf8(buf.subarray(s, p))) continue;
          pos = from;
        }
        this.pos = pos;
        this.text(buf, s, p, csv, n === 1);
        // the rest of the row's room again (that way may write more than the bytes it read)
        this.reserve(2 * (end - p) + (n - i) * (nullBytes.length + 1) + 16);
        out = this.out;
        pos = this.pos;
        continue;
      }
      if (kind === Kind.Plain) {
        // numbers, dates and times: nothing to quote or escape, only the null string to tell apart
        if (!csv || nullBytes.length === 0) {
          for (let k = s; k < p; k++) out[pos++] = buf[k]!;
          continue;
        }
        this.pos = pos;
        this.value(buf, s, p, csv, false);
      } else {
        this.pos = pos;
        this.string('\\x' + buf.toString('hex', s, p), csv, false);
      }
      this.reserve(2 * (end - p) + (n - i) * (nullBytes.length + 1) + 16);
      out = this.out;
      pos = this.pos;
    }
    this.pos = pos;
    this.reserve(1);
    this.out[this.pos++] = LF;
    return null;
  }

  /** A text value's bytes the general way: checked as UTF-8 (else decoded as the driver decodes it), then quoted or escaped. */
  private text(buf: Buffer, s: number, e: number, csv: boolean, single: boolean): void {
    let ascii = true;
    for (let k = s; k < e; k++) {
      if (buf[k]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii || isUtf8(buf.subarray(s, e))) this.value(buf, s, e, csv, single);
    else this.string(buf.toString('utf8', s, e), csv, single);
  }

  /** csv: a value without a comma, quote or line break that is quoted all the same (the null string; a lone \. alone in its row). */
  private quotedAnyway(buf: Buffer, s: number, e: number, single: boolean): boolean {
    const n = this.nullBytes;
    if (e - s === n.length && buf.compare(n, 0, n.length, s, e) === 0) return true;
    return single && e - s === 2 && buf[s] === BACKSLASH && buf[s + 1] === 0x2e;
  }

  private string(text: string, csv: boolean, single: boolean): void {
    const b = Buffer.from(text, 'utf8');
    this.value(b, 0, b.length, csv, single);
  }

  /** A non-NULL value's UTF-8 bytes, quoted (csv) or escaped (COPY text) as needed. */
  private value(buf: Buffer, s: number, e: number, csv: boolean, single: boolean): void {
    if (csv) {
      let quote = false;
      for (let k = s; k < e; k++) {
        const c = buf[k]!;
        if (c === COMMA || c === QUOTE || c === CR || c === LF) {
          quote = true;
          break;
        }
      }
      // the null string, and a lone \. in a one-column result, as COPY does (csv-sink.ts)
      if (!quote && this.quotedAnyway(buf, s, e, single)) quote = true;
      if (!quote) return this.bytes(buf, s, e);
      this.reserve((e - s) * 2 + 2);
      const out = this.out;
      out[this.pos++] = QUOTE;
      for (let k = s; k < e; k++) {
        const c = buf[k]!;
        if (c === QUOTE) out[this.pos++] = QUOTE;
        out[this.pos++] = c;
      }
      out[this.pos++] = QUOTE;
      return;
    }
    this.copyEscaped(buf, s, e);
  }
}
