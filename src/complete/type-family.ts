/**
 * Type families for ranking operands: where the text says what type an operand should have (`price > |`,
 * `round(|`, `upper(|`), the columns of that family rank before the others (all are still offered: SQL
 * converts, and the user may know better). Plain data from type names as each engine writes them
 * ('integer', 'character varying(20)', 'DECIMAL(10,2)', 'TIMESTAMP WITH TIME ZONE', SQLite's free text).
 */

/** 'number', 'text', 'time', 'interval', 'bool', 'json', 'binary', 'uuid', or `=TYPE` for any other type (compared whole). */
export type TypeFamily = string;

const NUMBER = /^(u?(tiny|small|medium|big|huge)?int(eger)?\d*|u?hugeint|int[1248]|(small|big)?serial\d?|dec(imal)?|numeric|number|real|double|float\d*|money|fixed|varint)\b/;
const TEXT = /^(n?(var)?char(acter)?|character varying|n?text|(tiny|medium|long)text|clob|string|citext|name|bpchar|enum\s*\(|set\s*\()|(char|text|clob)/;
const TIME = /^(date|time|datetime|timestamp|smalldatetime|year)|(date|time)/;

/** The family of a column's (or argument's) type; undefined when the type is unknown. */
export function typeFamily(type: string | undefined): TypeFamily | undefined {
  if (type === undefined) return undefined;
  const t = type.trim().toLowerCase().replace(/^"|"$/g, '');
  if (t === '' || t === 'any' || t === 'anyelement' || t === '"any"' || t === 'user-defined') return undefined;
  // arrays, lists, structs and maps are their own types (integer[] is no number)
  if (/\[\]$|^(array|list|struct|map|union)\b/.test(t)) return `=${t}`;
  if (/^interval/.test(t)) return 'interval';
  if (/^bool(ean)?\b/.test(t) || t === 'tinyint(1)') return 'bool';
  if (/^jsonb?\b/.test(t)) return 'json';
  if (/^uuid\b/.test(t)) return 'uuid';
  if (/^(bytea|blob|(tiny|medium|long)blob|(var)?binary|image|bit varying|varbit)\b/.test(t)) return 'binary';
  if (NUMBER.test(t)) return 'number';
  if (TIME.test(t)) return 'time';
  if (TEXT.test(t)) return 'text';
  // SQLite's rule: a declared type that contains INT is an integer (UNSIGNED BIG INT, INT8), REAL/FLOA/DOUB a real
  if (/int/.test(t) && !/point/.test(t)) return 'number';
  if (/real|floa|doub/.test(t)) return 'number';
  return `=${t.replace(/\s+/g, ' ')}`;
}

/** The family of an argument as a function's signature lists it ('a integer', 'VARIADIC text[]', 'numeric'). */
export function argumentFamily(arg: string): TypeFamily | undefined {
  const words = arg.trim().replace(/^(in|out|inout|variadic)\s+/i, '').trim();
  const whole = typeFamily(words);
  if (whole !== undefined && !whole.startsWith('=')) return whole;
  // a named argument: its name first ('a integer')
  const m = /^("[^"]+"|\S+)\s+(.+)$/.exec(words);
  return m ? typeFamily(m[2]) ?? whole : whole;
}

/**
 * Built-in functions whose arguments take one family, the same on every engine that has them, by position
 * (`*`: every argument). Only what is unambiguous everywhere (strftime's order differs between SQLite and
 * DuckDB, so it is not here).
 */
const ARGUMENTS: ReadonlyMap<string, readonly (TypeFamily | undefined)[] | '*number' | '*text' | '*time'> = new Map<string, readonly (TypeFamily | undefined)[] | '*number' | '*text' | '*time'>([
  ...['abs', 'ceil', 'ceiling', 'floor', 'round', 'trunc', 'truncate', 'sqrt', 'cbrt', 'exp', 'ln', 'log', 'log10', 'log2', 'power', 'pow', 'mod', 'sign',
    'sum', 'avg', 'stddev', 'stddev_pop', 'stddev_samp', 'variance', 'var_pop', 'var_samp', 'median', 'degrees', 'radians',
    'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'width_bucket', 'div', 'gcd', 'lcm', 'factorial', 'even'].map((f) => [f, '*number'] as const),
  ...['upper', 'lower', 'ucase', 'lcase', 'initcap', 'trim', 'ltrim', 'rtrim', 'btrim', 'reverse', 'lpad', 'rpad', 'left', 'right', 'repeat',
    'replace', 'substr', 'substring', 'split_part', 'strpos', 'instr', 'position', 'soundex', 'translate', 'regexp_replace', 'regexp_matches',
    'regexp_like', 'regexp_substr', 'starts_with', 'ends_with', 'char_length', 'character_length', 'ascii', 'quote_ident', 'quote_literal',
    'md5', 'sha1', 'sha256', 'string_agg', 'group_concat', 'unaccent', 'to_tsvector', 'levenshtein', 'jaro_winkler_similarity', 'like_escape'].map((f) => [f, '*text'] as const),
  ...['year', 'month', 'day', 'dayofmonth', 'dayofweek', 'dayofyear', 'dayname', 'monthname', 'quarter', 'week', 'weekday', 'weekofyear',
    'hour', 'minute', 'second', 'last_day', 'date_format', 'unix_timestamp', 'epoch', 'julianday', 'unixepoch', 'isodow', 'isoyear', 'age', 'yearweek'].map((f) => [f, '*time'] as const),
  // (text-first arguments, then the value: repeat('x', 3), lpad(s, 5, '0') keep their text first)
  ['repeat', ['text', 'number']], ['lpad', ['text', 'number', 'text']], ['rpad', ['text', 'number', 'text']], ['left', ['text', 'number']], ['right', ['text', 'number']],
  ['substr', ['text', 'number', 'number']], ['substring', ['text', 'number', 'number']], ['split_part', ['text', 'text', 'number']],
  ['round', ['number', 'number']], ['trunc', ['number', 'number']], ['truncate', ['number', 'number']],
  ['date_trunc', ['text', 'time']], ['date_part', ['text', 'time']], ['datepart', ['text', 'time']], ['time_bucket', ['interval', 'time']],
]);

/** The family an argument of a built-in function takes at `index` (0-based), when that is known. */
export function builtinArgumentFamily(fn: string, index: number): TypeFamily | undefined {
  const a = ARGUMENTS.get(fn.toLowerCase());
  if (a === undefined) return undefined;
  if (typeof a === 'string') return a.slice(1);
  return a[index];
}
