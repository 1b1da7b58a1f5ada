/**
 * Which DuckDB result columns DuckDB's own csv writer (COPY ... TO (FORMAT csv)) prints exactly as
 * sqlsh's csv prints them from the ordinary path, and a SQL expression that gives sqlsh's text for
 * the few that differ. Checked against the ordinary path, value by value, in
 * test/engines/duckdb-fast-path.test.ts.
 *
 *   same text:   BOOLEAN, all integers (HUGEINT, UHUGEINT, BIGNUM too), DECIMAL, VARCHAR, ENUM,
 *                JSON, UUID, BIT, DATE (with the ordinary path's infinity fixed in duckdb-values.ts),
 *                TIME, TIME_NS, TIME WITH TIME ZONE, TIMESTAMP (_S, _MS, _NS), INTERVAL, NULL
 *   rewritten:   DOUBLE and FLOAT (DuckDB writes 5.0, 1e-07, inf, nan; sqlsh 5, 1e-7, Infinity, NaN,
 *                and a FLOAT as the double it is), BLOB (DuckDB \xAA\x00abc; sqlsh \xaa0061...),
 *                TIMESTAMP WITH TIME ZONE (DuckDB uses its TimeZone setting per value; the ordinary
 *                path one fixed UTC offset, the Node binding's)
 *   not taken:   LIST, STRUCT, MAP, ARRAY, UNION and anything else: DuckDB's text of nested values
 *                ([a, 'd\'e'], {k=v}, 5.0 inside) differs from the binding's ([... 'd''e'], {'k': 'v'}, 5),
 *                so those results take the ordinary path.
 */

/** DuckDB logical type ids (duckdb.h DUCKDB_TYPE_*). */
const T = {
  BOOLEAN: 1, TINYINT: 2, SMALLINT: 3, INTEGER: 4, BIGINT: 5, UTINYINT: 6, USMALLINT: 7, UINTEGER: 8, UBIGINT: 9,
  FLOAT: 10, DOUBLE: 11, TIMESTAMP: 12, DATE: 13, TIME: 14, INTERVAL: 15, HUGEINT: 16, VARCHAR: 17, BLOB: 18,
  DECIMAL: 19, TIMESTAMP_S: 20, TIMESTAMP_MS: 21, TIMESTAMP_NS: 22, ENUM: 23, UUID: 27, BIT: 29, TIME_TZ: 30,
  TIMESTAMP_TZ: 31, UHUGEINT: 32, BIGNUM: 35, SQLNULL: 36, TIME_NS: 39,
} as const;

const SAME: ReadonlySet<number> = new Set([
  T.BOOLEAN, T.TINYINT, T.SMALLINT, T.INTEGER, T.BIGINT, T.UTINYINT, T.USMALLINT, T.UINTEGER, T.UBIGINT,
  T.HUGEINT, T.UHUGEINT, T.BIGNUM, T.DECIMAL, T.VARCHAR, T.ENUM, T.UUID, T.BIT, T.DATE, T.TIME, T.TIME_NS,
  T.TIME_TZ, T.TIMESTAMP, T.TIMESTAMP_S, T.TIMESTAMP_MS, T.TIMESTAMP_NS, T.INTERVAL, T.SQLNULL,
]);

/** Types whose text could be exactly `\.` (the csv sink quotes that value in a one-column result: duckdb-copy-csv.ts). */
const TEXTUAL: ReadonlySet<number> = new Set([T.VARCHAR, T.ENUM]);

/**
 * Types whose values the ordinary path makes numbers, bigints or decimals: right-aligned in a table, as
 * COPY text's numeric columns are (table-copy-text.ts; CopyTextRows makes them decimals of the same text).
 */
const NUMERIC: ReadonlySet<number> = new Set([
  T.TINYINT, T.SMALLINT, T.INTEGER, T.BIGINT, T.UTINYINT, T.USMALLINT, T.UINTEGER, T.UBIGINT,
  T.HUGEINT, T.UHUGEINT, T.BIGNUM, T.DECIMAL, T.FLOAT, T.DOUBLE,
]);

export const isNumericType = (type: DuckColumnType): boolean => !type.alias && NUMERIC.has(type.typeId);
export const isBooleanType = (type: DuckColumnType): boolean => !type.alias && type.typeId === T.BOOLEAN;

/** Types whose text may hold a backslash, tab or line break (BLOB: its `\x` hex), escaped for COPY text. */
export function mayNeedCopyEscapes(type: DuckColumnType): boolean {
  return TEXTUAL.has(type.typeId) || type.typeId === T.BLOB || type.alias?.toUpperCase() === 'JSON';
}

const sqlLiteral = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * sqlsh's csv quoting in SQL, for COPY with QUOTE '' (DuckDB's writer then quotes nothing; with its
 * quoting on, it also quotes every value holding a '#', which sqlsh's csv does not): a text value
 * (VARCHAR, ENUM, JSON) is quoted, its quotes doubled, when it holds a comma, a quote, CR or LF, or
 * equals the null string (so with '' an empty string is ""); any other value only when its text
 * equals a non-empty null string (numbers too, as the csv sink does). NULL stays NULL (NULLSTR).
 */
export function csvQuoted(type: DuckColumnType, x: string, nullString: string): string | undefined {
  // the text as DuckDB's writer would write it (an ENUM compared with '' would be cast to the ENUM)
  const t = `CAST(${x} AS VARCHAR)`;
  if (mayBeBackslashDot(type)) {
    // a quote first: such a value needs quoting anyway, and the other tests are skipped
    const special = `${t} = ${sqlLiteral(nullString)} OR contains(${t}, ',') OR contains(${t}, chr(10)) OR contains(${t}, chr(13))`;
    return `CASE WHEN contains(${t}, '"') THEN '"' || replace(${t}, '"', '""') || '"' WHEN ${special} THEN '"' || ${t} || '"' ELSE ${t} END`;
  }
  if (nullString === '') return undefined;
  return `CASE WHEN ${t} = ${sqlLiteral(nullString)} THEN ${sqlLiteral(`"${nullString}"`)} ELSE ${t} END`;
}

/**
 * COPY text's escapes of an expression's text: \\, \t, \n (a carriage return stays, as in PostgreSQL's
 * rows here). Most values have none of the three: the replace() chain, which copies the string three
 * times, runs only for a value that has one (0.26 s of a 1M-row table with two text columns, 0.04 s so).
 */
export function copyTextEscaped(x: string): string {
  // text in both branches: contains() of an ENUM reads its pattern as one of the ENUM's values, and a
  // JSON in the ELSE would make the CASE a JSON, parsing the escaped text of the other branch
  const t = `CAST(${x} AS VARCHAR)`;
  return `CASE WHEN contains(${t}, '\\') OR contains(${t}, chr(9)) OR contains(${t}, chr(10)) THEN replace(replace(replace(${t}, '\\', '\\\\'), chr(9), '\\t'), chr(10), '\\n') ELSE ${t} END`;
}

export interface DuckColumnType {
  readonly typeId: number;
  readonly alias?: string;
}

/** How a column goes through COPY: as it is, through an expression of the column, or not at all. */
export type ColumnPlan = { readonly kind: 'same' } | { readonly kind: 'expr'; readonly sql: string } | { readonly kind: 'no' };

/**
 * A double's text as sqlsh's formatNumber() writes it, from DuckDB's own shortest text
 * (Python-repr style: 5.0, 1e-07, 1.5e-05, 9007199254740994.0, 1e+16):
 *  - nan, inf, -inf spelled as JavaScript does (NaN, Infinity, -Infinity);
 *  - integers below 2^53 without DuckDB's '.0' (-0.0 -> -0);
 *  - fractions of 1e-4 and more: the same digits in both;
 *  - exponent form: the exponent without DuckDB's zero padding (1e-07 -> 1e-7; it pads to two digits);
 *  - fractions in [1e-6, 1e-4): JavaScript writes them out (0.000015) where DuckDB uses an exponent;
 *  - integers in [2^53, 1e16) (16 digits): JavaScript uses an exponent (9.007199254740994e+15) where
 *    DuckDB writes the digits and '.0'.
 */
export function doubleText(x: string): string {
  // Few branches and no regular expression: DuckDB binds a bigger CASE in milliseconds, per statement.
  const s = `CAST(${x} AS VARCHAR)`;
  const a = `abs(${x})`;
  const sign = `CASE WHEN ${x} < 0 THEN '-' ELSE '' END`;
  const digits = `replace(split_part(ltrim(${s}, '-'), 'e', 1), '.', '')`;
  const whole = `rtrim(split_part(ltrim(${s}, '-'), '.', 1), '0')`;
  // The common values first, by the cheapest tests: the replace() chain below costs about 0.3 s per
  // million values, these two branches no more than DuckDB's own text.
  return `CASE WHEN ${x} <> 0 AND ${a} < 9007199254740992 AND ${x} = trunc(${x}) THEN CAST(CAST(${x} AS BIGINT) AS VARCHAR)
 WHEN ${a} >= 0.0001 AND ${a} < 9007199254740992 THEN ${s}
 ELSE CASE WHEN ${a} >= 0.000001 AND ${a} < 0.0001 THEN ${sign} || CASE WHEN ${a} < 0.00001 THEN '0.00000' ELSE '0.0000' END || ${digits}
 WHEN ${a} >= 9007199254740992 AND ${a} < 1e16 THEN ${sign} || left(${whole}, 1) || CASE WHEN length(${whole}) > 1 THEN '.' || substr(${whole}, 2) ELSE '' END || 'e+15'
 ELSE replace(replace(replace(replace(replace(replace(${s} || '#', '.0#', ''), '#', ''), 'e-0', 'e-'), 'e+0', 'e+'), 'nan', 'NaN'), 'inf', 'Infinity') END END`;
}

/** The binding's UTC offset text (+HH or +HH:MM) for an offset in minutes. */
function offsetText(minutes: number): string {
  const a = Math.abs(minutes);
  const m = a % 60;
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** The plan for column `c` (an SQL reference); tzOffsetMinutes: the offset the ordinary path writes TIMESTAMPTZ with. */
export function columnPlan(type: DuckColumnType, c: string, tzOffsetMinutes: number): ColumnPlan {
  if (type.alias && type.alias.toUpperCase() !== 'JSON') return { kind: 'no' };
  if (SAME.has(type.typeId)) return { kind: 'same' };
  switch (type.typeId) {
    case T.DOUBLE:
      return { kind: 'expr', sql: doubleText(c) };
    case T.FLOAT:
      return { kind: 'expr', sql: doubleText(`CAST(${c} AS DOUBLE)`) };
    case T.BLOB:
      return { kind: 'expr', sql: `'\\x' || lower(hex(${c}))` };
    case T.TIMESTAMP_TZ: {
      const us = tzOffsetMinutes * 60_000_000;
      return {
        kind: 'expr',
        sql: `CASE WHEN ${c} IS NULL THEN NULL WHEN NOT isfinite(${c}) THEN CAST(${c} AS VARCHAR)
 ELSE CAST(make_timestamp(epoch_us(${c}) + (${us})) AS VARCHAR) || '${offsetText(tzOffsetMinutes)}' END`,
      };
    }
    default:
      return { kind: 'no' };
  }
}

/** True when a one-column result of this type may hold the text `\.` (csv quotes it; COPY would not). */
export function mayBeBackslashDot(type: DuckColumnType): boolean {
  return TEXTUAL.has(type.typeId) || type.alias?.toUpperCase() === 'JSON';
}
