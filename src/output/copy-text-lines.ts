/**
 * Two pieces the byte-level writers of COPY text share (table-copy-text.ts, and the expanded,
 * unaligned and markdown sinks' copyText()):
 *
 * - CopyTextLines: the whole lines of COPY text that arrives in chunks ending anywhere; the
 *   unfinished row waits for the next chunk, joined to it in a buffer kept from chunk to chunk.
 * - ByteChunks: output built in one buffer and handed on in pieces of about OUT_CHUNK bytes, the
 *   buffer filled again when the output did not keep it (stdout written synchronously).
 */
import type { TextOutput } from './sink.js';
import { bytesReusable, writeBytes } from './stream-output.js';
import { encodeUtf8Escaped, hasEscapedBytes } from '../core/surrogate-escape.js';

const NL = 0x0a;

export class CopyTextLines {
  /** Bytes of an unfinished row from the previous chunk. */
  private carry: Buffer | undefined;
  private carryBuf = Buffer.allocUnsafe(0);
  private joined = Buffer.allocUnsafe(0);

  /** The rows of chunk that end in it (with the start carried from before), a view valid until the next call. */
  push(chunk: Uint8Array): Buffer {
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.carry) {
      const need = this.carry.length + buf.length;
      if (this.joined.length < need) this.joined = Buffer.allocUnsafe(Math.max(need, this.joined.length * 2));
      this.carry.copy(this.joined, 0);
      buf.copy(this.joined, this.carry.length);
      buf = this.joined.subarray(0, need);
      this.carry = undefined;
    }
    const end = buf.lastIndexOf(NL) + 1;
    if (end < buf.length) {
      const rest = buf.length - end;
      if (this.carryBuf.length < rest) this.carryBuf = Buffer.allocUnsafe(Math.max(rest, this.carryBuf.length * 2));
      buf.copy(this.carryBuf, 0, end);
      this.carry = this.carryBuf.subarray(0, rest);
    }
    return buf.subarray(0, end);
  }

  /** The last row, newline added, when the text did not end with one (else empty). */
  end(): Buffer {
    const rest = this.carry;
    this.carry = undefined;
    return rest && rest.length > 0 ? Buffer.concat([rest, Buffer.from([NL])]) : Buffer.alloc(0);
  }
}

const OUT_CHUNK = 1 << 17;

export class ByteChunks {
  /** Starts small (most results are a few rows) and grows to what a chunk needs. */
  buf = Buffer.allocUnsafe(OUT_CHUNK >> 4);
  pos = 0;

  constructor(private readonly out: TextOutput) {}

  /** Room for bytes more. */
  reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes, OUT_CHUNK));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** buf[s, e) appended (room reserved). */
  copy(src: Buffer, s: number, e: number): void {
    if (e - s > 32) this.pos += src.copy(this.buf, this.pos, s, e);
    else {
      const out = this.buf;
      let pos = this.pos;
      for (let k = s; k < e; k++) out[pos++] = src[k]!;
      this.pos = pos;
    }
  }

  /** text appended as UTF-8 (an escaped byte, core/surrogate-escape.ts, as the byte it stands for). */
  text(text: string): void {
    if (hasEscapedBytes(text)) {
      const bytes = encodeUtf8Escaped(text);
      this.reserve(bytes.length);
      this.pos += bytes.copy(this.buf, this.pos);
      return;
    }
    this.reserve(text.length * 3);
    this.pos += this.buf.write(text, this.pos, 'utf8');
  }

  /** A piece is handed on once OUT_CHUNK bytes are in (or always with force). */
  flush(force = false): void | Promise<void> {
    if (this.pos === 0 || (!force && this.pos < OUT_CHUNK)) return;
    const bytes = this.buf.subarray(0, this.pos);
    this.pos = 0;
    const done = writeBytes(this.out, bytes);
    const renew = (): void => {
      if (!bytesReusable(this.out)) this.buf = Buffer.allocUnsafe(this.buf.length);
    };
    if (done instanceof Promise) return done.then(renew);
    renew();
  }
}

const TAB = 0x09;
const BACKSLASH = 0x5c;

/** A value's kind in scanRow(): printable ASCII without a backslash (its bytes are its text), \N, or any other (escaped or not ASCII). */
export const PLAIN = 0;
export const NULL = 1;
export const OTHER = 2;

/**
 * Reads COPY text row by row: after row(lines, p), value i of the row is lines[starts[i], ends[i])
 * of kind kinds[i], and `whole` says the row had exactly the columns' count of values (any other
 * row is for the rows' way).
 */
export class RowScanner {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly kinds: Uint8Array;
  whole = false;

  constructor(readonly columns: number) {
    this.starts = new Int32Array(columns);
    this.ends = new Int32Array(columns);
    this.kinds = new Uint8Array(columns);
  }

  /** The row that starts at lines[p] (it ends with a newline); returns where the next row starts. */
  row(lines: Buffer, p: number): number {
    const { starts, ends, kinds, columns: n } = this;
    let i = 0;
    for (;;) {
      const s = p;
      let plain = true;
      let c = 0;
      while ((c = lines[p]!) !== TAB && c !== NL) {
        if (c < 0x20 || c > 0x7e || c === BACKSLASH) plain = false;
        p++;
      }
      if (i < n) {
        starts[i] = s;
        ends[i] = p;
        kinds[i] = plain ? PLAIN : p - s === 2 && lines[s] === BACKSLASH && lines[s + 1] === 0x4e ? NULL : OTHER;
      }
      p++;
      i++;
      if (c === NL) break;
    }
    this.whole = i === n;
    return p;
  }
}
