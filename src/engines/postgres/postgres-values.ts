/**
 * Text-format type parsers that keep every value exact (see core/result.ts):
 *   int2/int4/oid/float4/float8 -> number (NaN and ±Infinity kept); int8 -> number when safe, else bigint;
 *   numeric -> decimal text; money -> other (its text has a currency symbol); bool -> boolean;
 *   json/jsonb -> json text; date/time/timetz/timestamp/timestamptz/interval -> temporal text exactly as
 *   the server prints it (never through a JS Date); bytea -> Uint8Array; text-like -> string;
 *   everything else (uuid, inet, geometric types, enums, arrays, ranges...) -> other, the server's text.
 */
import type { TypedText, Value } from '../../core/result.js';

export type TextParser = (text: string) => Value;

const typed = (kind: TypedText['kind']) => (text: string): Value => Object.freeze({ kind, text });

const toNumber = (text: string): Value => Number(text);

const toInt8 = (text: string): Value => {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
};

const toBool = (text: string): Value => text === 't' || text === 'true';

const identity = (text: string): Value => text;

/** bytea in 'hex' output (\x0a1b) or the old 'escape' output (a\000b\\). */
export function parseBytea(text: string): Uint8Array {
  if (text.startsWith('\\x')) return Uint8Array.from(Buffer.from(text.slice(2), 'hex'));
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      if (text[i + 1] === '\\') {
        out.push(0x5c);
        i++;
      } else {
        out.push(Number.parseInt(text.slice(i + 1, i + 4), 8));
        i += 3;
      }
    } else {
      out.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return Uint8Array.from(out);
}

const PARSERS: ReadonlyMap<number, TextParser> = new Map<number, TextParser>([
  [16, toBool],
  [17, parseBytea],
  [18, identity], // "char"
  [19, identity], // name
  [20, toInt8],
  [21, toNumber],
  [23, toNumber],
  [25, identity],
  [26, toNumber], // oid
  [114, typed('json')],
  [142, identity], // xml
  [700, toNumber],
  [701, toNumber],
  [705, identity], // unknown (an untyped literal)
  [790, typed('other')], // money: '$1,234.50'
  [1042, identity], // character(n)
  [1043, identity], // character varying
  [1082, typed('temporal')],
  [1083, typed('temporal')],
  [1114, typed('temporal')],
  [1184, typed('temporal')],
  [1186, typed('temporal')],
  [1266, typed('temporal')],
  [1700, typed('decimal')],
  [2275, identity], // cstring
  [3802, typed('json')],
]);

const OTHER = typed('other');

/** The parser for one column type (text format). Unknown types keep the server's text, tagged 'other'. */
export function pgTextParser(oid: number): TextParser {
  return PARSERS.get(oid) ?? OTHER;
}

/** For pg's `types` option: `{ getTypeParser }`. Binary format is never requested. */
export const pgTypes = Object.freeze({
  getTypeParser: (oid: number): TextParser => pgTextParser(oid),
});

const serverNumber = typed('decimal');

/**
 * The types psql right-aligns (print.c's column_type_alignment) that pgTypes does not read as numbers:
 * float4, float8, xid, cid, xid8 and money keep the server's text, right-aligned.
 */
export const PSQL_RIGHT_ALIGNED: ReadonlySet<number> = new Set([700, 701, 28, 29, 5069, 790]);

/**
 * As pgTypes, but as psql shows values (ExecuteOptions.psqlValues): the types of PSQL_RIGHT_ALIGNED keep the
 * server's text, right-aligned, and bytea its text in the server's bytea_output (hex or escape).
 */
export const psqlTypes = Object.freeze({
  getTypeParser: (oid: number): TextParser => (PSQL_RIGHT_ALIGNED.has(oid) ? serverNumber : oid === 17 ? OTHER : pgTextParser(oid)),
});

/** A type name with its modifier, as format_type() would show it, for the common modifiers. */
export function formatTypeName(base: string, typmod: number): string {
  if (typmod < 0 || base === '') return base;
  const isArray = base.endsWith('[]');
  const elem = isArray ? base.slice(0, -2) : base;
  let withMod = elem;
  switch (elem) {
    case 'character varying':
    case 'character':
      withMod = `${elem}(${typmod - 4})`;
      break;
    case 'numeric': {
      const m = typmod - 4;
      withMod = `numeric(${(m >> 16) & 0xffff},${m & 0xffff})`;
      break;
    }
    case 'bit':
    case 'bit varying':
      withMod = `${elem}(${typmod})`;
      break;
    case 'timestamp without time zone':
    case 'timestamp with time zone':
    case 'time without time zone':
    case 'time with time zone': {
      const [head, ...tail] = elem.split(' ');
      withMod = `${head}(${typmod}) ${tail.join(' ')}`;
      break;
    }
    default:
      return base;
  }
  return isArray ? `${withMod}[]` : withMod;
}
