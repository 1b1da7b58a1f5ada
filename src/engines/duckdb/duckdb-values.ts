/**
 * DuckDB values (from @duckdb/node-api's DuckDBValue) to sqlsh Values, one converter per column chosen
 * from the column's type id. Composite and temporal values use the API's toString(), which writes
 * DuckDB's own text form ([1, 2, 3], {'a': 1}, 1 year 2 months, 2024-01-02 03:04:05.123456).
 *   integers -> number, or bigint beyond 2^53 (HUGEINT/UHUGEINT/BIGINT/UBIGINT) · DECIMAL -> decimal text
 *   DATE, TIME, TIMESTAMP (all kinds), INTERVAL -> temporal text (DATE 'infinity' as DuckDB writes it) · LIST/STRUCT/MAP/ARRAY/UNION/UUID/BIT -> other text
 *   JSON -> json text · BLOB -> bytes · BOOLEAN -> boolean · FLOAT/DOUBLE -> number · VARCHAR/ENUM -> text
 * TIMESTAMP WITH TIME ZONE is written with the process's UTC offset at start-up (the API's default).
 */
import type { Value } from '../../core/result.js';

/** DuckDB logical type ids (duckdb.h DUCKDB_TYPE_*), stable across versions. */
const T = {
  BOOLEAN: 1, TINYINT: 2, SMALLINT: 3, INTEGER: 4, BIGINT: 5, UTINYINT: 6, USMALLINT: 7, UINTEGER: 8, UBIGINT: 9,
  FLOAT: 10, DOUBLE: 11, TIMESTAMP: 12, DATE: 13, TIME: 14, INTERVAL: 15, HUGEINT: 16, VARCHAR: 17, BLOB: 18,
  DECIMAL: 19, TIMESTAMP_S: 20, TIMESTAMP_MS: 21, TIMESTAMP_NS: 22, ENUM: 23, LIST: 24, STRUCT: 25, MAP: 26,
  UUID: 27, UNION: 28, BIT: 29, TIME_TZ: 30, TIMESTAMP_TZ: 31, UHUGEINT: 32, ARRAY: 33, BIGNUM: 35, SQLNULL: 36, TIME_NS: 39,
} as const;

export type DuckConverter = (v: unknown) => Value;

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const int: DuckConverter = (v) => {
  if (typeof v === 'bigint') return v >= MIN_SAFE && v <= MAX_SAFE ? Number(v) : v;
  if (typeof v === 'number') return v;
  const s = String(v);
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : BigInt(s);
};
const same: DuckConverter = (v) => v as Value;
const bool: DuckConverter = (v) => Boolean(v);
const text: DuckConverter = (v) => (typeof v === 'string' ? v : String(v));
const decimal: DuckConverter = (v) => ({ kind: 'decimal', text: String(v) });
/** DATE 'infinity' and '-infinity' are stored as these day numbers; the binding's toString() makes a date of them. */
const DATE_INFINITY = 2147483647;
const dateText = (days: number, fallback: () => string): string =>
  days === DATE_INFINITY ? 'infinity' : days === -DATE_INFINITY ? '-infinity' : fallback();
const temporal: DuckConverter = (v) => ({ kind: 'temporal', text: String(v) });
const date: DuckConverter = (v) => {
  const days = (v as { days?: unknown }).days;
  return { kind: 'temporal', text: typeof days === 'number' ? dateText(days, () => String(v)) : String(v) };
};
const json: DuckConverter = (v) => ({ kind: 'json', text: String(v) });
const other: DuckConverter = (v) => ({ kind: 'other', text: String(v) });
const blob: DuckConverter = (v) => {
  const bytes = (v as { bytes?: Uint8Array }).bytes;
  return bytes instanceof Uint8Array ? new Uint8Array(bytes) : new Uint8Array(Buffer.from(String(v), 'utf8'));
};

/** The converter for a column, from its type id and alias ('JSON' is a VARCHAR with an alias). */
export function duckdbConverter(typeId: number, alias: string | undefined): DuckConverter {
  if (alias?.toUpperCase() === 'JSON') return json;
  switch (typeId) {
    case T.BOOLEAN: return bool;
    case T.TINYINT: case T.SMALLINT: case T.INTEGER: case T.UTINYINT: case T.USMALLINT: case T.UINTEGER:
    case T.FLOAT: case T.DOUBLE:
      return same;
    case T.BIGINT: case T.UBIGINT: case T.HUGEINT: case T.UHUGEINT: case T.BIGNUM:
      return int;
    case T.DECIMAL: return decimal;
    case T.DATE: return date;
    case T.TIMESTAMP: case T.TIME: case T.INTERVAL: case T.TIMESTAMP_S: case T.TIMESTAMP_MS:
    case T.TIMESTAMP_NS: case T.TIME_TZ: case T.TIMESTAMP_TZ: case T.TIME_NS:
      return temporal;
    case T.VARCHAR: case T.ENUM: return text;
    case T.BLOB: return blob;
    case T.SQLNULL: return () => null;
    default: return other; // LIST, STRUCT, MAP, ARRAY, UNION, UUID, BIT, GEOMETRY, VARIANT...
  }
}

export function convertDuckRow(raw: readonly unknown[], converters: readonly DuckConverter[]): Value[] {
  const out = new Array<Value>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    out[i] = v === null || v === undefined ? null : converters[i]!(v);
  }
  return out;
}

/** The part of a @duckdb/node-api vector read here: typed items and validity where the vector has them. */
export interface DuckVector {
  readonly itemCount: number;
  getItem(index: number): unknown;
  readonly items?: unknown;
  readonly validity?: { itemValid(index: number): boolean };
}

/** A DATE text cache per statement: a column repeats few distinct days; bounded, cleared when full. */
export class DateTexts {
  readonly #texts = new Map<number, Value>();
  get(days: number, vector: DuckVector, index: number): Value {
    let v = this.#texts.get(days);
    if (v === undefined) {
      const item = vector.getItem(index);
      v = item === null || item === undefined ? null : Object.freeze({ kind: 'temporal' as const, text: dateText(days, () => String(item)) });
      if (this.#texts.size >= 4096) this.#texts.clear();
      this.#texts.set(days, v);
    }
    return v;
  }
}

/**
 * Fills column `col` of `rows` from a vector, reading the typed items directly where that is exact and
 * cheaper than the API's per-item values: BIGINT through its two 32-bit halves (no bigint per value when
 * safe), DATE through a text cache. Anything else goes through getItem() and the column's converter.
 */
export function readDuckColumn(rows: Value[][], col: number, vector: DuckVector, typeId: number, convert: DuckConverter, dates: DateTexts): void {
  const n = rows.length;
  const items = vector.items;
  const validity = vector.validity;
  if (typeId === T.BIGINT && items instanceof BigInt64Array && validity) {
    const halves = new Int32Array(items.buffer, items.byteOffset, n * 2);
    for (let r = 0; r < n; r++) {
      if (!validity.itemValid(r)) rows[r]![col] = null;
      else {
        const hi = halves[2 * r + 1]!; // little-endian: high word second
        rows[r]![col] = hi > -0x200000 && hi < 0x200000 ? hi * 4294967296 + (halves[2 * r]! >>> 0) : int(items[r]!);
      }
    }
    return;
  }
  if (typeId === T.DATE && items instanceof Int32Array && validity) {
    for (let r = 0; r < n; r++) rows[r]![col] = validity.itemValid(r) ? dates.get(items[r]!, vector, r) : null;
    return;
  }
  for (let r = 0; r < n; r++) {
    const v = vector.getItem(r);
    rows[r]![col] = v === null || v === undefined ? null : convert(v);
  }
}
