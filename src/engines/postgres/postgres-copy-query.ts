/**
 * When PostgreSQL can format a result as csv itself (COPY (query) TO STDOUT), and the COPY text
 * that gives exactly the bytes sqlsh's own csv sink writes.
 *
 * Eligible: one plain query statement, SELECT / VALUES / TABLE / WITH, with no data-modifying
 * WITH, no SELECT ... INTO, no locking clause (FOR UPDATE/SHARE) and nothing after it but a ';'.
 *
 * Same bytes: COPY prints the server's text for every type, and sqlsh's csv prints that same text
 * for all but three type families (postgres-values.ts parses them into JS values):
 * - bool: COPY writes t/f, sqlsh true/false -> CASE ... 'true' / 'false';
 * - float4/float8: both write the shortest round-trip digits, but PostgreSQL uses an exponent
 *   from 1e15 up (float4: 1e7) and below 1e-4 ('1e+15', '1.5e-05', '1e-07') where JavaScript
 *   writes '1000000000000000', '0.000015', '1e-7' (and exponents only from 2^53 up, through
 *   toExponential) -> the exponent forms are rewritten in SQL. This holds for shortest output
 *   (extra_float_digits >= 1, the default); with less, the ordinary path re-reads rounded text
 *   through a JS double, so postgres-copy-csv.ts leaves float results to it;
 * - bytea: COPY follows bytea_output (escape or hex), sqlsh always writes hex -> encode(..., 'hex').
 * Quoting, NULL and the null string are COPY csv's rules, which the csv sink follows (csv-sink.ts).
 */
import { lex } from '../../sql/lexer.js';
import type { LexOptions } from '../../sql/dialect.js';
import type { Token } from '../../sql/token.js';

const STARTS = new Set(['select', 'values', 'table', 'with']);
const DATA_MODIFYING = new Set(['insert', 'update', 'delete', 'merge']);
const LOCKING = new Set(['update', 'share', 'no', 'key']);

/** The query text to put inside COPY ( ... ), or undefined when the statement is not eligible. */
export function copyableQuery(sql: string, lexOptions: LexOptions): string | undefined {
  const tokens = lex(sql, lexOptions);
  const code = tokens.filter((t) => t.type !== 'space' && t.type !== 'line-comment' && t.type !== 'block-comment');
  if (code.length === 0 || code.some((t) => t.unterminated || t.type === 'backslash' || t.type === 'param')) return undefined;
  const first = word(code[0]!);
  if (!STARTS.has(first)) return undefined;
  let end = code.length;
  while (end > 0 && code[end - 1]!.text === ';') end--;
  if (end === 0) return undefined;
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const t = code[i]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (t.text === ';') return undefined; // more than one statement
    const w = word(t);
    if (w === '' ) continue;
    if (first === 'with' && DATA_MODIFYING.has(w)) return undefined;
    if (w === 'into' && depth === 0) return undefined;
    if (w === 'for' && LOCKING.has(word(code[i + 1]))) return undefined;
  }
  if (depth !== 0) return undefined;
  // Up to the last code token: a trailing '--' comment cannot swallow the closing parenthesis.
  return sql.slice(0, code[end - 1]!.end);
}

function word(t: Token | undefined): string {
  return t && t.type === 'word' ? t.text.toLowerCase() : '';
}

/** The type OIDs whose text sqlsh writes differently from the server. */
const BOOL = 16;
const BYTEA = 17;
const FLOAT4 = 700;
const FLOAT8 = 701;

export const isFloatType = (oid: number): boolean => oid === FLOAT4 || oid === FLOAT8;

/**
 * SQL that is true for a float PostgreSQL writes without an exponent (extra_float_digits >= 1):
 * float8 below 1e15, float4 below 1e6, from 1e-4 up, or 0; told from the number, not its text.
 */
export function noExponentTest(ref: string, oid: number): string {
  const below = oid === FLOAT4 ? `'1e6'::float8` : `'1e15'::float8`;
  return `abs(${ref}) < ${below} AND (abs(${ref}) >= '1e-4'::float8 OR ${ref} = 0)`;
}

/** One column as csv text equal to sqlsh's, from its server text; undefined: the server's text is already it. */
function conversion(ref: string, oid: number): string | undefined {
  switch (oid) {
    case BOOL:
      return `CASE WHEN ${ref} THEN 'true' WHEN NOT ${ref} THEN 'false' END`;
    case BYTEA:
      return `E'\\\\x' || encode(${ref}, 'hex')`;
    case FLOAT4:
    case FLOAT8: {
      const t = `${ref}::text`;
      // Most values have no exponent (noExponentTest): their text is made once; the rest is told
      // from the text (NaN, Infinity, exponents). At 1M rows that is 0.4 s less of the server's time.
      return (
        `CASE WHEN ${noExponentTest(ref, oid)} THEN ${t}` +
        ` WHEN ${t} NOT LIKE '%e%' THEN ${t}` +
        ` WHEN ${t} ~ 'e-0[56]$' OR (${t} ~ 'e\\+' AND abs(${t}::float8) < 9007199254740992) THEN ${t}::numeric::text` +
        ` ELSE replace(${t}, 'e-0', 'e-') END`
      );
    }
    default:
      return undefined;
  }
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * COPY ... TO STDOUT in csv without a header (sqlsh writes the header from the column names); with
 * format 'text', COPY's text format, which sqlsh's tsv is but for \b, \f and \v (see postgres-copy-csv.ts).
 */
export function copyCsvStatement(query: string, typeOids: readonly number[], nullString: string, format: 'csv' | 'text' = 'csv'): string {
  const options = format === 'text' ? `FORMAT text, NULL ${sqlString(nullString)}` : `FORMAT csv${nullString === '' ? '' : `, NULL ${sqlString(nullString)}`}`;
  const converted = typeOids.map((oid, i) => conversion(`sqlsh_q.c${i + 1}`, oid));
  if (converted.every((c) => c === undefined)) return `COPY (${query}\n) TO STDOUT WITH (${options})`;
  const names = typeOids.map((_, i) => `c${i + 1}`).join(', ');
  const list = converted.map((c, i) => c ?? `sqlsh_q.c${i + 1}`).join(', ');
  return `COPY (SELECT ${list} FROM (${query}\n) AS sqlsh_q(${names})) TO STDOUT WITH (${options})`;
}

/** A query that describes the result without producing a row. */
export function describeQuery(query: string): string {
  return `SELECT * FROM (${query}\n) AS sqlsh_q LIMIT 0`;
}
