/**
 * Rows given as COPY text (ResultEvent 'copy-text': PostgreSQL's COPY ... TO STDOUT text format, one
 * line per row, a tab between values, \N for NULL, \\ \t \n \r \b \f \v escapes) back to rows:
 * for a sink that takes only rows, and for the kept copy of the last result (last-result.ts).
 */
import { isUtf8 } from 'node:buffer';
import type { Row, Value } from './result.js';
import { decodeUtf8Escaped } from './surrogate-escape.js';

/**
 * Whole lines of COPY text as a string. SQLite's TEXT may hold bytes that are not valid UTF-8 (its
 * 'copy-raw' COPY text leaves them as they are): each becomes an escaped byte of the string
 * (core/surrogate-escape.ts), as the rows' own path holds it, not U+FFFD.
 */
const linesText = (b: Buffer): string => (isUtf8(b) ? b.toString('utf8') : decodeUtf8Escaped(b));

const UNESCAPE: Readonly<Record<string, string>> = Object.freeze({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' });

/** The text of the value at lines[s, e) of COPY text: decoded (linesText), then unescaped. */
export function copyTextValue(lines: Buffer, s: number, e: number): string {
  return unescapeCopyText(linesText(lines.subarray(s, e)));
}

/** One value's COPY text (escapes included) to the value's text. */
export function unescapeCopyText(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  return s.replace(/\\(.)/gs, (_, c: string) => UNESCAPE[c] ?? c);
}

/**
 * COPY text to rows, for a sink that takes only rows: each value its text (a number column's as
 * decimal text, so it stays right-aligned; a boolean column's true / false as booleans), NULL as
 * null; a result of no columns has rows of no values. Keeps the unfinished row between chunks.
 */
export class CopyTextRows {
  /** The bytes of an unfinished last line (copies). */
  private carry: Buffer[] = [];

  constructor(
    private numeric: readonly boolean[],
    private booleans: readonly boolean[] = [],
  ) {}

  push(chunk: Uint8Array, numeric: readonly boolean[] = this.numeric, booleans: readonly boolean[] = this.booleans): Row[] {
    this.numeric = numeric;
    this.booleans = booleans;
    return this.lines(this.wholeLines(chunk));
  }

  /**
   * The chunk's whole lines as text, after what the last chunk left unfinished. The cut is made on
   * bytes, at the last newline: a chunk may end inside a UTF-8 character, which decoding each chunk
   * on its own would turn into U+FFFD. The rest is kept as a copy (the producer may reuse its buffer).
   */
  private wholeLines(chunk: Uint8Array): string {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const end = bytes.lastIndexOf(0x0a) + 1;
    if (end === 0) {
      this.carry.push(Buffer.from(bytes)); // one long line over many chunks: joined once, when it ends
      return '';
    }
    const text = linesText(this.carry.length === 0 ? bytes.subarray(0, end) : Buffer.concat([...this.carry, bytes.subarray(0, end)]));
    this.carry = end < bytes.length ? [Buffer.from(bytes.subarray(end))] : [];
    return text;
  }

  /** The whole lines of chunk, made into rows by next(), a few at a time. */
  private text = '';
  private at = 0;

  start(chunk: Uint8Array, numeric: readonly boolean[] = this.numeric, booleans: readonly boolean[] = this.booleans): void {
    this.numeric = numeric;
    this.booleans = booleans;
    this.text = this.wholeLines(chunk);
    this.at = 0;
  }

  /** Up to max more rows of the chunk given to start(); undefined once they are all made. */
  next(max: number): Row[] | undefined {
    if (this.at >= this.text.length) return undefined;
    let end = this.at;
    for (let n = 0; n < max; n++) {
      const nl = this.text.indexOf('\n', end);
      if (nl < 0) break;
      end = nl + 1;
    }
    const rows = this.lines(this.text.slice(this.at, end));
    this.at = end;
    if (this.at >= this.text.length) this.text = '';
    return rows;
  }

  end(): Row[] {
    const rest = this.carry;
    this.carry = [];
    return rest.length > 0 ? this.lines(linesText(Buffer.concat(rest)) + '\n') : [];
  }

  private lines(text: string): Row[] {
    const rows: Row[] = [];
    const none = this.numeric.length === 0;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; start = nl + 1, nl = text.indexOf('\n', start)) {
      if (none) {
        rows.push([]);
        continue;
      }
      rows.push(
        text.slice(start, nl).split('\t').map((v, i): Value => {
          if (v === '\\N') return null;
          if (this.booleans[i]) return v === 'true' || v === 't';
          const s = unescapeCopyText(v);
          return this.numeric[i] ? Object.freeze({ kind: 'decimal' as const, text: s }) : s;
        }),
      );
    }
    return rows;
  }
}
