/**
 * json and jsonl to a file or pipe (ExecuteOptions.json) from DuckDB without row objects: the rows
 * come as COPY text from DuckDB's csv writer (duckdb-copy-csv.ts planCopy, format 'text': a tab
 * between values, \N for NULL, a text value's \\ \t \n escaped), and each line becomes the object the
 * json or jsonl sink writes for the ordinary path's row (output/json-value.ts), byte for byte:
 *
 *   number (integers, HUGEINT, BIGNUM, DECIMAL) -> the digits; DOUBLE and FLOAT (sqlsh's text, from
 *   the plan) -> the number as JSON.stringify writes it, NaN and infinities as strings; BOOLEAN ->
 *   true/false; JSON -> embedded (on one line); NULL -> null; everything else (text, dates, times,
 *   intervals, UUID, BIT, ENUM, BLOB's \x hex) -> a JSON string.
 */
import { JsonRowBytes } from '../../output/json-row-bytes.js';
import { CopyTextLines } from '../../output/copy-text-lines.js';
import { YoungGarbage } from '../../core/young-garbage.js';
import type { DuckColumnType } from './duckdb-csv-columns.js';

/** DuckDB logical type ids read here (duckdb.h DUCKDB_TYPE_*). */
const BOOLEAN = 1, FLOAT = 10, DOUBLE = 11;
const NUMBERS: ReadonlySet<number> = new Set([2, 3, 4, 5, 6, 7, 8, 9, 16, 19, 32, 35]); // ints, HUGEINT, DECIMAL, UHUGEINT, BIGNUM

const enum Kind {
  String,
  Number,
  Float,
  Bool,
  Json,
}

function kindOf(type: DuckColumnType): Kind {
  if (type.alias) return type.alias.toUpperCase() === 'JSON' ? Kind.Json : Kind.String;
  if (NUMBERS.has(type.typeId)) return Kind.Number;
  if (type.typeId === FLOAT || type.typeId === DOUBLE) return Kind.Float;
  if (type.typeId === BOOLEAN) return Kind.Bool;
  return Kind.String;
}

const TAB = 0x09, LF = 0x0a, BACKSLASH = 0x5c;

/** COPY text from DuckDB (any cut of it) to the json/jsonl sink's objects, as UTF-8 bytes (take()). */
export class DuckJsonWriter extends JsonRowBytes {
  private readonly kinds: Kind[];
  private readonly copyLines = new CopyTextLines();
  /** A value with escapes, unescaped. */
  private scratch = Buffer.allocUnsafe(256);
  /** The objects' buffers live outside V8's heap, 1.7 times the COPY text: collected as they go (young-garbage.ts). */
  private readonly young = new YoungGarbage();

  constructor(lines: boolean, names: readonly string[], types: readonly DuckColumnType[]) {
    super(lines);
    this.setColumns(names);
    this.kinds = types.map(kindOf);
  }

  /** A piece of COPY text; the rows it completes are written. */
  push(chunk: Uint8Array): void {
    const buf = this.copyLines.push(chunk);
    const before = this.size;
    for (let p = 0; p < buf.length; ) p = this.line(buf, p);
    this.young.handled(Math.max(0, this.size - before));
  }

  /** The end of the text (a last row without its newline), then json's closing line break. */
  end(): void {
    const rest = this.copyLines.end();
    for (let p = 0; p < rest.length; ) p = this.line(rest, p);
    this.finish();
  }

  /** The row starting at buf[p] (ended by a newline); returns where the next one starts. */
  private line(buf: Buffer, p: number): number {
    const n = this.kinds.length;
    this.startRow();
    for (let i = 0; i < n; i++) {
      let e = p;
      let escaped = false;
      while (e < buf.length && buf[e] !== TAB && buf[e] !== LF) {
        if (buf[e] === BACKSLASH) {
          escaped = true;
          e++; // the escaped character (never a tab or newline: those are written \t and \n)
        }
        e++;
      }
      this.key(i);
      if (e - p === 2 && buf[p] === BACKSLASH && buf[p + 1] === 0x4e) this.ascii('null'); // \N
      else if (escaped) {
        const len = this.unescape(buf, p, e);
        this.value(i, this.scratch, 0, len);
      } else this.value(i, buf, p, e);
      p = e + 1; // past the tab, or the newline after the last value
    }
    this.endRow();
    return p;
  }

  private value(i: number, buf: Buffer, s: number, e: number): void {
    switch (this.kinds[i]) {
      case Kind.Number:
        this.decimal(buf, s, e);
        break;
      case Kind.Float:
        this.float(buf, s, e);
        break;
      case Kind.Bool:
        this.ascii(buf[s] === 0x74 ? 'true' : 'false');
        break;
      case Kind.Json:
        this.json(buf, s, e);
        break;
      default:
        this.string(buf, s, e);
    }
  }

  /** buf[s, e) with \\, \t and \n undone, into scratch; its length. */
  private unescape(buf: Buffer, s: number, e: number): number {
    if (this.scratch.length < e - s) this.scratch = Buffer.allocUnsafe(Math.max(e - s, this.scratch.length * 2));
    const out = this.scratch;
    let n = 0;
    for (let k = s; k < e; k++) {
      let c = buf[k]!;
      if (c === BACKSLASH && k + 1 < e) {
        const next = buf[++k]!;
        c = next === 0x74 ? TAB : next === 0x6e ? LF : next;
      }
      out[n++] = c;
    }
    return n;
  }
}
