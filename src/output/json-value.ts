/**
 * JSON encoding shared by the json and jsonl sinks. Exact: bigint and finite decimal text become
 * raw JSON numbers (never through a float), json TypedText is embedded as raw JSON (compacted to
 * one line), NaN/Infinity become strings, blobs "\\x.." strings, booleans true/false.
 */
import { isTypedText, type ColumnInfo, type Row, type Value } from '../core/result.js';
import { bytesToHex } from './format-value.js';

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Removes whitespace outside strings from valid JSON text, so it fits on one line. */
export function compactJson(text: string): string {
  if (!/[\n\r]/.test(text)) return text;
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
      out += c;
    }
  }
  return out;
}

export function jsonValue(v: Value): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      // -0 is valid JSON and what PostgreSQL's own to_json gives; JSON.stringify would drop the sign.
      if (Object.is(v, -0)) return '-0';
      return Number.isFinite(v) ? JSON.stringify(v) : JSON.stringify(String(v));
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      if (v instanceof Uint8Array) return JSON.stringify(bytesToHex(v));
      if (isTypedText(v)) {
        if (v.kind === 'decimal') return JSON_NUMBER.test(v.text) ? v.text : JSON.stringify(v.text);
        if (v.kind === 'json') return v.text.trim() === '' ? 'null' : compactJson(v.text);
        return JSON.stringify(v.text);
      }
      return JSON.stringify(String(v));
  }
}

/** Object keys for the columns, JSON-quoted, with duplicates made unique: a, a_2, a_3. */
export function uniqueJsonKeys(columns: readonly ColumnInfo[]): string[] {
  const used = new Set<string>();
  const keys: string[] = [];
  for (const c of columns) {
    let name = c.name;
    for (let n = 2; used.has(name); n++) name = `${c.name}_${n}`;
    used.add(name);
    keys.push(JSON.stringify(name));
  }
  return keys;
}

/** One row as a JSON object on one line, given the quoted keys. */
export function jsonObject(keys: readonly string[], row: Row): string {
  let s = '{';
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) s += ',';
    s += keys[i] + ':' + jsonValue(row[i] ?? null);
  }
  return s + '}';
}
