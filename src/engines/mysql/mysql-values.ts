/**
 * MySQL/MariaDB wire values to sqlsh Values, decided once per column from the field metadata.
 * The driver is configured to hand over exact text (supportBigNumbers: BIGINT as a number when safe, else its digits; dateStrings,
 * jsonStrings, decimals as strings) and Buffers for binary data; this module only tags and converts:
 *   BIGINT -> bigint (number when safe) · YEAR -> temporal text of 4 digits (0000) · ZEROFILL
 *   integers -> decimal text padded to the display width (00042) · DECIMAL -> decimal text · FLOAT/DOUBLE -> a number when
 *   JavaScript writes it as the server did, else the server's text as decimal text (1e300, 0.0000001, 1e15: exactParseFloat)
 *   · DATE/TIME/DATETIME/TIMESTAMP -> temporal
 *   text as the server sent it (zero dates kept) · JSON -> json text · BIT -> b'101' (the bits, without
 *   leading zeros, as BIN() shows them) · BLOB/BINARY/VARBINARY/GEOMETRY -> bytes · everything else text.
 */
import type { ColumnInfo, Value } from '../../core/result.js';
import { bytesText } from '../../core/surrogate-escape.js';
import { digitsAreJs } from '../../output/format-value.js';

/** The part of mysql2's column definition this module reads. */
export interface MysqlField {
  readonly name: string;
  readonly columnType: number;
  readonly characterSet: number;
  readonly flags: number;
  readonly columnLength?: number;
  readonly decimals?: number;
  readonly extendedTypeName?: string;
  readonly extendedFormat?: string;
}

// Protocol column types (stable since MySQL 4.1).
const T = {
  DECIMAL: 0, TINY: 1, SHORT: 2, LONG: 3, FLOAT: 4, DOUBLE: 5, NULL: 6, TIMESTAMP: 7, LONGLONG: 8, INT24: 9,
  DATE: 10, TIME: 11, DATETIME: 12, YEAR: 13, NEWDATE: 14, VARCHAR: 15, BIT: 16, TIMESTAMP2: 17, DATETIME2: 18,
  TIME2: 19, VECTOR: 242, JSON: 245, NEWDECIMAL: 246, ENUM: 247, SET: 248, TINY_BLOB: 249, MEDIUM_BLOB: 250,
  LONG_BLOB: 251, BLOB: 252, VAR_STRING: 253, STRING: 254, GEOMETRY: 255,
} as const;
const BINARY_CHARSET = 63;
const UNSIGNED_FLAG = 32;
const ZEROFILL_FLAG = 64;
const NOT_NULL_FLAG = 1;
const ENUM_FLAG = 256;
const SET_FLAG = 2048;

const isBinary = (f: MysqlField): boolean => f.characterSet === BINARY_CHARSET;

/** The column's type name, lower case as MySQL writes it in DDL ('bigint unsigned', 'varchar', 'blob'). */
export function mysqlTypeName(f: MysqlField): string {
  if (f.extendedTypeName) return f.extendedTypeName.toLowerCase();
  if (f.extendedFormat === 'json') return 'json';
  const uns = f.flags & UNSIGNED_FLAG ? ' unsigned' : '';
  switch (f.columnType) {
    case T.DECIMAL: case T.NEWDECIMAL: return `decimal${uns}`;
    case T.TINY: return `tinyint${uns}`;
    case T.SHORT: return `smallint${uns}`;
    case T.LONG: return `int${uns}`;
    case T.INT24: return `mediumint${uns}`;
    case T.LONGLONG: return `bigint${uns}`;
    case T.FLOAT: return `float${uns}`;
    case T.DOUBLE: return `double${uns}`;
    case T.NULL: return 'null';
    case T.TIMESTAMP: case T.TIMESTAMP2: return 'timestamp';
    case T.DATE: case T.NEWDATE: return 'date';
    case T.TIME: case T.TIME2: return 'time';
    case T.DATETIME: case T.DATETIME2: return 'datetime';
    case T.YEAR: return 'year';
    case T.BIT: return 'bit';
    case T.JSON: return 'json';
    case T.VECTOR: return 'vector';
    case T.GEOMETRY: return 'geometry';
    case T.ENUM: return 'enum';
    case T.SET: return 'set';
    case T.TINY_BLOB: case T.MEDIUM_BLOB: case T.LONG_BLOB: case T.BLOB: return isBinary(f) ? 'blob' : 'text';
    case T.VARCHAR: case T.VAR_STRING:
      if (f.flags & ENUM_FLAG) return 'enum';
      if (f.flags & SET_FLAG) return 'set';
      return isBinary(f) ? 'varbinary' : 'varchar';
    case T.STRING:
      if (f.flags & ENUM_FLAG) return 'enum';
      if (f.flags & SET_FLAG) return 'set';
      return isBinary(f) ? 'binary' : 'char';
    default: return '';
  }
}

export function mysqlColumnInfo(f: MysqlField): ColumnInfo {
  return { name: f.name, type: mysqlTypeName(f), nullable: (f.flags & NOT_NULL_FLAG) === 0 };
}

/** b'101' from a BIT value's big-endian bytes. */
export function bitText(bytes: Uint8Array): string {
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  bits = bits.replace(/^0+(?=.)/, '');
  return `b'${bits || '0'}'`;
}

export type Converter = (raw: unknown) => Value;

/** Bytes as text that keeps every byte (binary data that is not UTF-8 is written back as its bytes). */
const asText = (raw: unknown): string => (typeof raw === 'string' ? raw : raw instanceof Uint8Array ? bytesText(raw) : String(raw));
const bytes = (raw: unknown): Uint8Array => (raw instanceof Uint8Array ? new Uint8Array(raw) : new Uint8Array(Buffer.from(String(raw), 'utf8')));

function integer(raw: unknown): Value {
  if (typeof raw === 'number' || typeof raw === 'bigint') return raw;
  const s = String(raw);
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : BigInt(s);
}

const same: Converter = (raw) => raw as Value;
/** FLOAT/DOUBLE: exactParseFloat's number, or the server's text where JavaScript would write other digits. */
const float: Converter = (raw) => (typeof raw === 'string' ? { kind: 'decimal', text: raw } : (raw as Value));
const decimal: Converter = (raw) => ({ kind: 'decimal', text: asText(raw) });
const temporal: Converter = (raw) => ({ kind: 'temporal', text: asText(raw) });
const json: Converter = (raw) => ({ kind: 'json', text: typeof raw === 'string' ? raw : raw instanceof Uint8Array ? asText(raw) : JSON.stringify(raw) });
const bit: Converter = (raw) => ({ kind: 'other', text: raw instanceof Uint8Array ? bitText(raw) : String(raw) });
const binary: Converter = (raw) => bytes(raw);
const text: Converter = (raw) => (typeof raw === 'string' ? raw : asText(raw));
/** YEAR is a date type the server always writes with 4 digits (0000, 2024); the driver hands over a number. */
const year: Converter = (raw) => ({ kind: 'temporal', text: String(raw).padStart(4, '0') });
/** A ZEROFILL column is written padded to its display width (00042), as the mysql client shows it. */
const zerofill = (width: number): Converter => (raw) => ({ kind: 'decimal', text: String(raw).padStart(width, '0') });
const other: Converter = (raw) => ({ kind: 'other', text: typeof raw === 'string' ? raw : JSON.stringify(raw) });

/** One converter per column; each is called only for non-null values. `binaryAsText`: binary data as text (ExecuteOptions.binaryAsText). */
export function mysqlConverter(f: MysqlField, binaryAsText = false): Converter {
  if (f.extendedFormat === 'json') return json;
  if (f.columnType === T.YEAR) return year;
  const integerType = f.columnType === T.TINY || f.columnType === T.SHORT || f.columnType === T.LONG || f.columnType === T.INT24 || f.columnType === T.LONGLONG;
  if (integerType && f.flags & ZEROFILL_FLAG && (f.columnLength ?? 0) > 1) return zerofill(f.columnLength!);
  switch (f.columnType) {
    case T.TINY: case T.SHORT: case T.LONG: case T.INT24:
      return same;
    case T.FLOAT: case T.DOUBLE: return float;
    case T.LONGLONG: return integer;
    case T.DECIMAL: case T.NEWDECIMAL: return decimal;
    case T.TIMESTAMP: case T.TIMESTAMP2: case T.DATE: case T.NEWDATE: case T.TIME: case T.TIME2:
    case T.DATETIME: case T.DATETIME2:
      return temporal;
    case T.JSON: return json;
    // the mysql client's command line writes a BIT's and a geometry's bytes as they are (binaryAsText)
    case T.BIT: return binaryAsText ? text : bit;
    case T.GEOMETRY: return binaryAsText ? text : binary;
    case T.VECTOR: return other;
    default: return isBinary(f) ? (binaryAsText ? text : binary) : text;
  }
}

/** Converts a row in place-free fashion: a new frozen-shape array with nulls kept. */
export function convertRow(raw: readonly unknown[], converters: readonly Converter[]): Value[] {
  const out = new Array<Value>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    out[i] = v === null || v === undefined ? null : converters[i]!(v);
  }
  return out;
}

/** Converts a row the driver just made (and nobody else holds) in place: no second array per row. */
export function convertRowInPlace(raw: unknown[], converters: readonly Converter[]): Value[] {
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    raw[i] = v === null || v === undefined ? null : converters[i]!(v);
  }
  return raw as Value[];
}

type CastField = { type: string; buffer(): Buffer | null; string(): string | null };

/** mysql2 typeCast: GEOMETRY as its raw bytes (WKB with SRID, as the server sends it); all else default. */
export function geometryAsBytes(field: CastField, next: () => unknown): unknown {
  return field.type === 'GEOMETRY' ? field.buffer() : next();
}

/**
 * mysql2's Packet#parseFloat(len), which reads FLOAT and DOUBLE text (DECIMAL is read as a string),
 * made to keep the server's digits: a value JavaScript writes as the server wrote it (digitsAreJs:
 * no exponent, at most 15 significant digits, not below 1e-6, no trailing zero after the point) is
 * read as a number, any other (1e300, 1.2345678901234568e17, 1e15, 0.0000001) is handed over as the
 * server's text, which the float converter makes decimal text: printed as the mysql client prints
 * it, a JSON number in json. The number is exact: mysql2 sums the digits in a double and divides by
 * the power of ten, and up to 15 digits both operands are exact doubles and one division rounds once.
 */
export function exactParseFloat(this: { buffer: Buffer; offset: number }, len: number | null): number | string | null {
  if (len === null) return null;
  if (len === 0) return 0;
  const buf = this.buffer;
  const start = this.offset;
  const end = start + len;
  this.offset = end;
  if (!digitsAreJs(buf, start, end)) return buf.toString('latin1', start, end);
  let k = start;
  const negative = buf[k] === 0x2d;
  if (negative) k++;
  let result = 0;
  let scale = 1;
  let pastDot = false;
  for (; k < end; k++) {
    const c = buf[k]!;
    if (c === 0x2e) {
      pastDot = true;
      continue;
    }
    result = result * 10 + (c - 0x30);
    if (pastDot) scale *= 10;
  }
  const value = result / scale;
  return negative ? -value : value;
}

const patched = new WeakSet<object>();

/**
 * Installs exactParseFloat on the class of a packet mysql2 made (bundled or not: the one it uses).
 * True once that class reads exactly (the caller need not look at its other packets).
 */
export function exactFloatsFor(packet: unknown): boolean {
  const proto = packet !== null && typeof packet === 'object' ? (Object.getPrototypeOf(packet) as { parseFloat?: unknown } | null) : null;
  if (!proto || typeof proto.parseFloat !== 'function') return false;
  if (!patched.has(proto)) {
    patched.add(proto);
    proto.parseFloat = exactParseFloat;
  }
  return true;
}
