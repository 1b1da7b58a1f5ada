/**
 * The json and jsonl sinks' objects (json-sink.ts, jsonl-sink.ts) written from a server's row bytes,
 * with no row objects: the framing (json: each object after '\n' or ',\n', one '\n' after the last,
 * before the sink's ']'; jsonl: one object a line), the keys (json-value.ts uniqueJsonKeys) and the
 * values that are bytes already: JSON strings escaped as JSON.stringify escapes them, numbers whose
 * digits are JSON's, embedded JSON text. Shared by the PostgreSQL and MariaDB/MySQL writers
 * (engines/postgres/postgres-raw-json.ts, engines/mysql/mysql-raw-json.ts), which decide per value.
 */
import { isUtf8 } from 'node:buffer';
import type { ColumnInfo } from '../core/result.js';
import { RowBytes } from '../core/row-bytes.js';
import { digitsAreJs } from './format-value.js';
import { jsonValue, uniqueJsonKeys } from './json-value.js';

const QUOTE = 0x22, BACKSLASH = 0x5c, LF = 0x0a, CR = 0x0d;

/** JSON.stringify's escape for each byte below 0x20 ('' for bytes written as they are). */
const ESCAPE: readonly string[] = Array.from({ length: 256 }, (_, c) => {
  if (c === QUOTE) return '\\"';
  if (c === BACKSLASH) return '\\\\';
  if (c >= 0x20) return '';
  const short: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };
  return short[c] ?? `\\u${c.toString(16).padStart(4, '0')}`;
});

/** A digit at buf[k], inside [.., e). */
const digitAt = (buf: Uint8Array, k: number, e: number): boolean => k < e && buf[k]! >= 0x30 && buf[k]! <= 0x39;

export class JsonRowBytes extends RowBytes {
  /** '{"key":' then ',"key":' for the rest, as UTF-8 bytes. */
  private keys: Buffer[] = [];
  rows = 0;

  /** Each piece taken is a buffer of its own (the output stream may keep it a while). */
  constructor(private readonly lines: boolean) {
    super(false);
  }

  /** A new result's columns. */
  protected setColumns(names: readonly string[]): void {
    const columns: ColumnInfo[] = names.map((name) => ({ name, type: '' }));
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

  protected startRow(): void {
    if (!this.lines) this.ascii(this.rows === 0 ? '\n' : ',\n');
  }

  protected key(i: number): void {
    const key = this.keys[i]!;
    this.bytes(key, 0, key.length); // a short key is copied by a loop (Buffer#copy costs more per call)
  }

  protected endRow(): void {
    this.ascii(this.lines ? '}\n' : '}');
    this.rows++;
  }

  protected text(text: string): void {
    this.reserve(text.length * 3);
    this.pos += this.out.write(text, this.pos, 'utf8');
  }

  /** A double's text, buf[s, e): the digits when they are JavaScript's, else as jsonValue writes the number. */
  protected float(buf: Buffer, s: number, e: number): void {
    if (digitsAreJs(buf, s, e)) this.bytes(buf, s, e);
    else this.ascii(jsonValue(Number(buf.toString('latin1', s, e))));
  }

  /** Exact decimal text without exponent (PostgreSQL numeric, MySQL DECIMAL): a number when it is one, else a string (NaN). */
  protected decimal(buf: Buffer, s: number, e: number): void {
    if (digitAt(buf, buf[s] === 0x2d ? s + 1 : s, e)) this.bytes(buf, s, e);
    else this.ascii(JSON.stringify(buf.toString('latin1', s, e)));
  }

  /** JSON text, kept as it is when on one line (json-value.ts compactJson), 'null' when blank. */
  protected json(buf: Buffer, s: number, e: number): void {
    let oneLine = e > s;
    for (let k = s; oneLine && k < e; k++) if (buf[k] === LF || buf[k] === CR) oneLine = false;
    if (oneLine) this.bytes(buf, s, e);
    else this.text(jsonValue({ kind: 'json', text: buf.toString('utf8', s, e) }));
  }

  /** A JSON string of the value's UTF-8 bytes, escaped as JSON.stringify escapes it (text that is not UTF-8: as decoded). */
  protected string(buf: Buffer, s: number, e: number): void {
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
        const esc = ESCAPE[c]!; // 2 to 6 characters: a loop, cheaper than Buffer#write's call
        for (let i = 0; i < esc.length; i++) out[pos++] = esc.charCodeAt(i);
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
