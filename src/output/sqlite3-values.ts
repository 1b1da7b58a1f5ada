/**
 * Values as the sqlite3 shell prints them. A REAL is SQLite's own text of it (sqlite3_column_text):
 * `%!.15g`, 15 significant digits, trailing zeros dropped but one digit kept after the point, the
 * exponent (below 1e-4 or from 1e15 on) with a sign and at least two digits: `2.0`, `0.1`,
 * `0.333333333333333`, `1.0e+20`, `-1.5e-09`. Checked against the sqlite3 shell on thousands of
 * doubles (test/output/sqlite3-values.test.ts). Near a tie at the 15th digit SQLite 3.40's rounding in
 * 80-bit long double decides (`5876922607.421875` → `5876922607.42187`): there the long-double
 * emulation of sqlite3-printf.ts runs; elsewhere JavaScript's exact rounding gives the same text, faster.
 */
import { sqlitePrintfG } from './sqlite3-printf.js';

/** `%!.15g` of a REAL, as the sqlite3 shell prints it. */
export function sqlite3Real(x: number): string {
  if (Number.isNaN(x)) return ''; // SQLite stores NaN as NULL; never reached
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0.0';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  // near a tie at the 15th digit SQLite's long-double rounding decides: do it its way (sqlite3-printf.ts)
  const all = a.toExponential(25).split('e')[0]!.replace('.', '');
  if (/^(5000|4999)/.test(all.slice(15))) return sqlitePrintfG(x, 15);
  const [m, ex] = a.toExponential(14).split('e') as [string, string];
  const digits = m.replace('.', '');
  const e = Number(ex);
  if (e < -4 || e >= 15) return `${sign}${trimZeros(`${digits[0]}.${digits.slice(1)}`)}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  const fixed = e >= 0 ? `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}` : `0.${'0'.repeat(-e - 1)}${digits}`;
  return sign + trimZeros(fixed);
}

/** `2.50000` → `2.5`, `2.00000` → `2.0`, `20.` → `20.0`. */
function trimZeros(s: string): string {
  const t = s.replace(/0+$/, '');
  return t.endsWith('.') ? `${t}0` : t;
}

/** sqlite3's quoteChar: a name that is a plain word and no keyword is written bare, else in double quotes. */
export function sqlite3Name(name: string, keywords: ReadonlySet<string>): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !keywords.has(name.toUpperCase()) ? name : `"${name.replace(/"/g, '""')}"`;
}

/**
 * A value as `.mode quote` and `.mode insert` write it: NULL, an integer as it is, a REAL as `%lld.0`
 * when whole (and within 64 bits) else `%!.20g`, text in single quotes (`''` inside; insert mode spells
 * line ends as replace(...) calls), a blob as X'hex'.
 */
export function sqlite3Quoted(v: unknown, escaped: boolean): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return v > 0 ? '1e999' : '-1e999';
    if (Number.isInteger(v) && Math.abs(v) < 2 ** 63) return `${BigInt(v)}.0`;
    return sqlitePrintfG(v, 20);
  }
  if (v instanceof Uint8Array) return `X'${Buffer.from(v).toString('hex')}'`;
  const text = typeof v === 'string' ? v : typeof v === 'object' && v !== null && 'text' in v ? String((v as { text: unknown }).text) : String(v);
  if (!escaped || !/[\r\n]/.test(text)) return `'${text.replace(/'/g, "''")}'`;
  // sqlite3's output_quoted_escaped_string: \n and \r spelled out (or \012 and \015 if the text holds those spellings)
  const nl = text.includes('\\n') ? '\\012' : '\\n';
  const cr = text.includes('\\r') ? '\\015' : '\\r';
  const hasNl = text.includes('\n');
  const hasCr = text.includes('\r');
  const body = `'${text.replace(/'/g, "''").replace(/\n/g, nl).replace(/\r/g, cr)}'`;
  let out = body;
  if (hasCr) out = `replace(${out},'${cr}',char(13))`;
  if (hasNl) out = `replace(${out},'${nl}',char(10))`;
  return out;
}
