/**
 * Value -> display text, shared by every format.
 *
 * - null        -> the null string given by the caller
 * - boolean     -> 'true' / 'false' (engine-neutral and the same as JSON); psql's 't' / 'f' when asked
 *                  (PostgreSQL output laid out as psql's: RenderOptions.psqlBooleans)
 * - number      -> shortest round-trip text; integers never use an exponent (1e21 -> '1000000000000000000000');
 *                  'Infinity', '-Infinity', 'NaN' as PostgreSQL and DuckDB print them
 * - bigint      -> exact decimal digits
 * - Uint8Array  -> '\x' + lowercase hex (psql's bytea style)
 * - TypedText   -> its text; string -> itself
 */
import { isTypedText, type Value } from '../core/result.js';

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** '\x' followed by the lowercase hex of the bytes. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '\\x';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

/**
 * Text of a JS number (a double): shortest round-trip digits. Integers that a double holds exactly
 * (below 2^53) print without exponent; larger magnitudes print in exponent form as psql shows float8,
 * because their trailing digits are not real (2^62 → 4.611686018427388e+18, not 4611686018427388000).
 */
export function formatNumber(n: number): string {
  if ((n | 0) === n) return n === 0 && 1 / n < 0 ? '-0' : '' + n; // 32-bit integers: V8's fast path
  if (Number.isInteger(n)) {
    const a = n < 0 ? -n : n;
    // Wider safe integers in two 32-bit halves: V8 prints those much faster than one double.
    if (a < 9007199254740992) {
      const lo = a % 1e8;
      const hi = (a - lo) / 1e8;
      const low = '' + lo;
      return (n < 0 ? '-' : '') + hi + ZEROS[8 - low.length]! + low;
    }
    return n.toExponential(); // shortest digits that round-trip, with an exponent
  }
  return String(n); // Infinity, NaN, fractions (every double of 2^53 or more is an integer)
}

/**
 * A server's text of a double, bytes buf[s, e), is what formatNumber(Number(text)) writes: both
 * write the shortest digits that read back as the same double, so they agree whenever the server
 * used no exponent, the value has at most 15 significant digits (JS prints integers from 2^53 with
 * an exponent), is not below 1e-6 (JS writes an exponent there) and does not end in a zero after
 * the point. Lets the byte-level row writers copy the server's digits instead of converting them.
 */
export function digitsAreJs(buf: Uint8Array, s: number, e: number): boolean {
  let digits = 0;
  let zeros = 0;
  let point = false;
  let leading = true;
  let k = s;
  if (buf[k] === 0x2d) k++;
  for (; k < e; k++) {
    const c = buf[k]!;
    if (c === 0x2e) {
      if (point) return false;
      point = true;
      continue;
    }
    if (c < 0x30 || c > 0x39) return false;
    if (leading && c === 0x30) {
      if (point && ++zeros >= 6) return false; // below 1e-6 JS writes an exponent
      continue;
    }
    leading = false;
    digits++;
  }
  if (digits > 15 || k === s) return false;
  return !point || buf[e - 1] !== 0x30;
}

const ZEROS: readonly string[] = ['', '0', '00', '000', '0000', '00000', '000000', '0000000'];

export function formatValue(v: Value, nullString: string, psqlBooleans = false): string {
  if (v === null) return nullString;
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return formatNumber(v);
    case 'bigint':
      return v.toString();
    case 'boolean':
      return psqlBooleans ? (v ? 't' : 'f') : v ? 'true' : 'false';
    default:
      if (v instanceof Uint8Array) return bytesToHex(v);
      return isTypedText(v) ? v.text : String(v);
  }
}

/** Column types psql right-aligns (and the like in the other engines): their NULLs are right-aligned too. Not arrays of them (`integer[]`). */
export const NUMERIC_TYPE = /^(smallint|integer|bigint|real|double precision|double|float[48]?|numeric|decimal|oid|money|int[248]?|tinyint|mediumint|hugeint|uhugeint|ubigint|uinteger|usmallint|utinyint)\b(?![^[]*\[)/i;

/** Numbers are right-aligned in tables: number, bigint and decimal TypedText. */
export function isNumericValue(v: Value): boolean {
  const t = typeof v;
  if (t === 'number' || t === 'bigint') return true;
  return t === 'object' && v !== null && !(v instanceof Uint8Array) && (v as { kind: string }).kind === 'decimal';
}
