/**
 * DuckDB values (from @duckdb/node-api's DuckDBValue) to sqlsh Values, one converter per column chosen
 * from the column's type id. Composite and temporal values use the API's toString(), which writes
 * DuckDB's own text form ([1, 2, 3], {'a': 1}, 1 year 2 months, 2024-01-02 03:04:05.123456).
 *   integers -> number, or bigint beyond 2^53 (HUGEINT/UHUGEINT/BIGINT/UBIGINT) · DECIMAL -> decimal text
 *   DATE, TIME, TIMESTAMP (all kinds), INTERVAL -> temporal text · LIST/STRUCT/MAP/ARRAY/UNION/UUID/BIT -> other text
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

const int: DuckConverter = (v) => {
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  if (typeof v === 'number') return v;
  const s = String(v);
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : BigInt(s);
};
const same: DuckConverter = (v) => v as Value;
const bool: DuckConverter = (v) => Boolean(v);
const text: DuckConverter = (v) => (typeof v === 'string' ? v : String(v));
const decimal: DuckConverter = (v) => ({ kind: 'decimal', text: String(v) });
const temporal: DuckConverter = (v) => ({ kind: 'temporal', text: String(v) });
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
    case T.TIMESTAMP: case T.DATE: case T.TIME: case T.INTERVAL: case T.TIMESTAMP_S: case T.TIMESTAMP_MS:
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
