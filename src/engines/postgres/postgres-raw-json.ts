/**
 * json and jsonl to a file or pipe (ExecuteOptions.json) without row objects: the DataRow messages
 * taken off the socket (DataRowTap, postgres-raw-rows.ts) become the objects the json and jsonl sinks
 * write (output/json-sink.ts, jsonl-sink.ts), byte for byte: each value is what jsonValue
 * (output/json-value.ts) writes for what pgTextParser (postgres-values.ts) makes of the server's text.
 *
 *   NULL -> null; bool -> true/false; int2/int4/int8/oid -> the digits; float4/float8 -> the server's
 *   digits when they are JavaScript's, else JSON.stringify(Number(text)) (NaN/Infinity as strings, -0);
 *   numeric -> the digits (NaN/Infinity as strings); json/jsonb -> the text (compacted when it has a
 *   line break); bytea -> "\\x..." hex; everything else (text, dates, uuid, arrays, money ...) -> a
 *   JSON string, escaped as JSON.stringify escapes it. Text that is not valid UTF-8 (a SQL_ASCII
 *   database) goes through the decoder as pg would decode it.
 */
import { isUtf8 } from 'node:buffer';
import { RowBytes } from '../../core/row-bytes.js';
import { bytesToHex, digitsAreJs } from '../../output/format-value.js';
import type { ColumnInfo } from '../../core/result.js';
import { jsonValue, uniqueJsonKeys } from '../../output/json-value.js';
import type { PgFieldDesc } from './postgres-driver.js';
import { parseBytea } from './postgres-values.js';

const QUOTE = 0x22, BACKSLASH = 0x5c, LF = 0x0a, CR = 0x0d;

const enum Kind {
  String,
  Bool,
  Int,
  Float,
  Numeric,
  Json,
  Bytea,
}

function kindOf(oid: number): Kind {
  switch (oid) {
    case 16:
      return Kind.Bool;
    case 17:
      return Kind.Bytea;
    case 20:
    case 21:
    case 23:
    case 26:
      return Kind.Int;
    case 700:
    case 701:
      return Kind.Float;
    case 1700:
      return Kind.Numeric;
    case 114:
    case 3802:
      return Kind.Json;
    default:
      return Kind.String;
  }
}

/** JSON.stringify's escape for each byte below 0x20 ('' for bytes written as they are). */
const ESCAPE: readonly string[] = Array.from({ length: 256 }, (_, c) => {
  if (c === QUOTE) return '\\"';
  if (c === BACKSLASH) return '\\\\';
  if (c >= 0x20) return '';
  const short: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };
  return short[c] ?? `\\u${c.toString(16).padStart(4, '0')}`;
});

/** A digit at buf[k], inside [.., e): numeric's text is then a JSON number (it has no exponent). */
const digitAt = (buf: Buffer, k: number, e: number): boolean => k < e && buf[k]! >= 0x30 && buf[k]! <= 0x39;

function oneLine(buf: Buffer, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (buf[k] === LF || buf[k] === CR) return false;
  return true;
}

/** DataRow message bodies to the json sink's or the jsonl sink's objects, as UTF-8 bytes. */
export class PgJsonWriter extends RowBytes {
  private kinds: Kind[] = [];
  /** '{"key":' then ',"key":' for the rest, as latin1-safe bytes (keys are UTF-8). */
  private keys: Buffer[] = [];
  rows = 0;

  /** Each piece taken is a buffer of its own (the output stream may keep it a while). */
  constructor(private readonly lines: boolean) {
    super(false);
  }

  setFields(fields: readonly PgFieldDesc[]): void {
    this.kinds = fields.map((f) => kindOf(f.dataTypeID));
    const columns: ColumnInfo[] = fields.map((f) => ({ name: f.name, type: '' }));
    this.keys = uniqueJsonKeys(columns).map((k, i) => Buffer.from((i === 0 ? '{' : ',') + k + ':', 'utf8'));
    this.rows = 0;
  }

  /** The end of a result: json's array has a line break after its last object (the sink writes ']'). */
  finish(): void {
    if (!this.lines && this.rows > 0) {
      this.reserve(1);
      this.out[this.pos++] = LF;
    }
  }

  /** One DataRow's body, buf[s, e): int16 count, then per value int32 length (-1: NULL) and the bytes. */
  row(buf: Buffer, s: number, e: number): void {
    const n = buf.readInt16BE(s);
    let p = s + 2;
    if (n === 0) return; // no columns: no objects (the ordinary path shows nothing)
    if (!this.lines) this.ascii(this.rows === 0 ? '\n' : ',\n');
    for (let i = 0; i < n; i++) {
      const key = this.keys[i]!;
      this.reserve(key.length);
      this.pos += key.copy(this.out, this.pos);
      const len = buf.readInt32BE(p);
      p += 4;
      if (len < 0) {
        this.ascii('null');
        continue;
      }
      const vs = p;
      p += len;
      switch (this.kinds[i]) {
        case Kind.Bool:
          this.ascii(buf[vs] === 0x74 ? 'true' : 'false');
          break;
        case Kind.Int:
          this.bytes(buf, vs, p);
          break;
        case Kind.Float:
          if (digitsAreJs(buf, vs, p)) this.bytes(buf, vs, p);
          else this.ascii(jsonValue(Number(buf.toString('latin1', vs, p))));
          break;
        case Kind.Numeric:
          if (digitAt(buf, buf[vs] === 0x2d ? vs + 1 : vs, p)) this.bytes(buf, vs, p);
          else this.ascii(JSON.stringify(buf.toString('latin1', vs, p))); // NaN, Infinity, -Infinity
          break;
        case Kind.Json:
          if (len > 0 && oneLine(buf, vs, p)) this.bytes(buf, vs, p); // compactJson keeps it as it is
          else this.text(jsonValue({ kind: 'json', text: buf.toString('utf8', vs, p) }));
          break;
        case Kind.Bytea: {
          const text = buf.toString('latin1', vs, p);
          this.ascii(JSON.stringify(text.startsWith('\\x') ? text : bytesToHex(parseBytea(text))));
          break;
        }
        default:
          this.string(buf, vs, p);
      }
    }
    this.ascii(this.lines ? '}\n' : '}');
    this.rows++;
  }

  private text(text: string): void {
    this.reserve(text.length * 3);
    this.pos += this.out.write(text, this.pos, 'utf8');
  }

  /** A JSON string of the value's UTF-8 bytes, escaped as JSON.stringify escapes it. */
  private string(buf: Buffer, s: number, e: number): void {
    this.reserve((e - s) * 6 + 2);
    const out = this.out;
    const start = this.pos;
    let pos = start;
    let high = false;
    out[pos++] = QUOTE;
    for (let k = s; k < e; k++) {
      const c = buf[k]!;
      if (c >= 0x80) high = true;
      else if (c < 0x20 || c === QUOTE || c === BACKSLASH) {
        const esc = ESCAPE[c]!;
        pos += out.write(esc, pos, 'latin1');
        continue;
      }
      out[pos++] = c;
    }
    out[pos++] = QUOTE;
    this.pos = pos;
    if (high && !isUtf8(buf.subarray(s, e))) {
      this.pos = start;
      this.text(JSON.stringify(buf.toString('utf8', s, e)));
    }
  }
}
