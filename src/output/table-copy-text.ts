/**
 * Rows given as COPY text (PostgreSQL's COPY ... TO STDOUT text format: one line per row, a tab
 * between values, \N for NULL, \\ \t \n \r \b \f \v escapes) straight to the aligned table's spill
 * records (table-spill.ts), on bytes: a value of printable ASCII without a backslash (numbers, dates,
 * most text) is copied with its width, no string is made for it; any other value is decoded,
 * unescaped, escaped for the terminal and measured as table-sink.ts does for a row's value, so the
 * table is byte for byte the one the rows would give.
 *
 * numeric[i] says column i holds numbers: its values are right-aligned (flag 'n'), as a number's
 * are. Each chunk brings its own flags (SQLite's values carry their own types, so a column may hold
 * numbers in one chunk and text in the next; a producer whose flags change ends its chunks with a
 * whole row). Input chunks may otherwise end anywhere; the unfinished row waits for the next chunk
 * and is read with that chunk's flags.
 */
import { CopyTextRows, unescapeCopyText } from '../core/copy-text-rows.js';
import { capNewSpace } from '../core/young-garbage.js';
import { ByteChunks, CopyTextLines } from './copy-text-lines.js';
import type { TextOutput } from './sink.js';
import type { Row } from '../core/result.js';
import { displayWidth } from './display-width.js';
import { escapeCell } from './escape.js';
import { textCell } from './table-layout.js';

const TAB = 0x09;
const NL = 0x0a;
const BACKSLASH = 0x5c;
const US = 0x1f;
const RS = 0x1e;
const COLON = 0x3a;
const FLAG_TEXT = 0x74; // t
const FLAG_NUMBER = 0x6e; // n

export { CopyTextRows, unescapeCopyText };

export class CopyTextRecords {
  private readonly lines = new CopyTextLines();
  /** Grows to what a chunk needs (reserve()): a small result allocates little. */
  private out = Buffer.allocUnsafe(0);
  private pos = 0;
  private readonly nullRecord: Buffer;
  private readonly nullWidth: number;
  /** Rows converted so far. */
  rows = 0;

  /** The flags of the chunk being read (push()). */
  private numeric: readonly boolean[];

  constructor(
    numeric: readonly boolean[],
    nullString: string,
    /** Widest cell per column so far (updated in place; starts at the header's widths). */
    private readonly natural: number[],
    /** Widest number per column so far (updated in place). */
    private readonly numericWidths: number[],
  ) {
    this.numeric = numeric;
    const nullText = escapeCell(nullString);
    this.nullWidth = displayWidth(nullText);
    this.nullRecord = Buffer.from('z' + this.nullWidth + ':' + nullText);
  }

  /** The records of every row that ends in chunk (RS-terminated, as TableSpill stores them). A view, valid until the next call. */
  push(chunk: Uint8Array, numeric: readonly boolean[] = this.numeric): Buffer {
    this.numeric = numeric;
    const buf = this.lines.push(chunk);
    this.pos = 0;
    this.reserve(buf.length + (buf.length >> 2) + 64);
    this.convert(buf, 0, buf.length);
    return this.out.subarray(0, this.pos);
  }

  /** The last row when the text did not end with a newline. */
  end(): Buffer {
    const line = this.lines.end();
    this.pos = 0;
    this.reserve(line.length * 2 + 64);
    this.convert(line, 0, line.length);
    return this.out.subarray(0, this.pos);
  }

  private reserve(bytes: number): void {
    if (this.pos + bytes <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.pos + bytes));
    this.out.copy(bigger, 0, 0, this.pos);
    this.out = bigger;
  }

  /** Whole lines buf[start, end) to records. */
  private convert(buf: Buffer, start: number, end: number): void {
    const natural = this.natural;
    const numeric = this.numeric;
    const last = numeric.length - 1;
    let p = start;
    while (p < end) {
      let i = 0;
      // one row: cells up to the newline
      for (;;) {
        const s = p;
        let simple = true;
        let c = 0;
        for (;;) {
          c = buf[p]!;
          // printable ASCII but '\\' (most bytes): three comparisons
          if (c >= 0x20 && c <= 0x7e && c !== BACKSLASH) {
            p++;
            continue;
          }
          if (c === TAB || c === NL) break;
          simple = false;
          p++;
        }
        const len = p - s;
        this.reserve(len * 2 + 32);
        if (i > 0) this.out[this.pos++] = US;
        if (simple) this.plainCell(buf, s, p, i);
        else if (len === 2 && buf[s] === BACKSLASH && buf[s + 1] === 0x4e) {
          this.pos += this.nullRecord.copy(this.out, this.pos);
          if (i <= last && this.nullWidth > natural[i]!) natural[i] = this.nullWidth;
        } else this.textCell(buf.toString('utf8', s, p), i);
        p++;
        if (c === NL) break;
        i++;
      }
      this.reserve(1);
      this.out[this.pos++] = RS;
      this.rows++;
    }
  }

  private header(flag: number, width: number): void {
    const out = this.out;
    out[this.pos++] = flag;
    if (width < 10) out[this.pos++] = 48 + width;
    else if (width < 100) {
      out[this.pos++] = 48 + ((width / 10) | 0);
      out[this.pos++] = 48 + (width % 10);
    } else this.pos += out.write(String(width), this.pos, 'latin1');
    out[this.pos++] = COLON;
  }

  private plainCell(buf: Buffer, s: number, e: number, i: number): void {
    const width = e - s;
    const isNumber = this.numeric[i] === true;
    this.header(isNumber ? FLAG_NUMBER : FLAG_TEXT, width);
    if (width > (this.natural[i] ?? Infinity)) this.natural[i] = width;
    if (isNumber && width > this.numericWidths[i]!) this.numericWidths[i] = width;
    if (width > 32) this.pos += buf.copy(this.out, this.pos, s, e);
    else {
      const out = this.out;
      let pos = this.pos;
      for (let k = s; k < e; k++) out[pos++] = buf[k]!;
      this.pos = pos;
    }
  }

  private textCell(copyText: string, i: number): void {
    let text = unescapeCopyText(copyText);
    let width = printableAsciiWidth(text);
    if (width < 0) {
      text = escapeCell(text);
      width = text.indexOf('\n') < 0 ? displayWidth(text) : textCell(text).width;
    }
    const isNumber = this.numeric[i] === true;
    const bytes = Buffer.byteLength(text);
    this.reserve(bytes + 16);
    this.header(isNumber ? FLAG_NUMBER : FLAG_TEXT, width);
    this.pos += this.out.write(text, this.pos, 'utf8');
    if (width > (this.natural[i] ?? Infinity)) this.natural[i] = width;
    if (isNumber && width > this.numericWidths[i]!) this.numericWidths[i] = width;
  }
}

function printableAsciiWidth(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return -1;
  }
  return text.length;
}

const rowReaders = new WeakMap<object, CopyTextRows>();

/**
 * COPY text into a sink: the table sink reads it itself; any other sink gets rows, made a few dozen
 * at a time and handed over at once, so they die young (V8 frees them in its cheap young-generation
 * collections instead of promoting batches of rows that wait in a queue).
 */
let copyTextSeen = 0;
const CAP_AFTER = 1 << 16;

export function copyTextInto(
  sink: {
    rows(batch: readonly Row[]): void | Promise<void>;
    copyText?: (bytes: Uint8Array, numeric: readonly boolean[], booleans?: readonly boolean[]) => void | Promise<void>;
  },
  bytes: Uint8Array,
  numeric: readonly boolean[],
  booleans?: readonly boolean[],
): void | Promise<void> {
  // rows are held before any output (the table's spill, the first rows of expanded and markdown):
  // V8 would double its young generation past 8 MB meanwhile. Not for the first 64 KB, so a small
  // result loads no node:v8 (rowsInto() looks again every few dozen rows: a 64 KB chunk of rows held
  // as objects is enough to double it).
  if ((copyTextSeen += bytes.length) > CAP_AFTER) capNewSpace();
  if (sink.copyText) return sink.copyText(bytes, numeric, booleans);
  let reader = rowReaders.get(sink);
  if (!reader) rowReaders.set(sink, (reader = new CopyTextRows(numeric, booleans)));
  return copyTextRows(sink, reader, bytes, numeric, booleans);
}

/** COPY text to sink.rows() through reader (which keeps an unfinished row for the next chunk), a few dozen rows at a time. */
export function copyTextRows(
  sink: { rows(batch: readonly Row[]): void | Promise<void> },
  reader: CopyTextRows,
  bytes: Uint8Array,
  numeric: readonly boolean[],
  booleans?: readonly boolean[],
): Promise<void> {
  reader.start(bytes, numeric, booleans);
  return rowsInto(sink, reader);
}

/** The chunk's rows a few dozen at a time: each group dies before the next is made. */
async function rowsInto(sink: { rows(batch: readonly Row[]): void | Promise<void> }, reader: CopyTextRows): Promise<void> {
  for (let rows; (rows = reader.next(ROWS_AT_ONCE)); ) {
    await sink.rows(rows);
    if (copyTextSeen > CAP_AFTER) capNewSpace();
  }
}

const ROWS_AT_ONCE = 50;

/**
 * What a sink that writes COPY text on bytes keeps (expanded, unaligned, markdown): whole lines
 * across chunks (given to `write`), the last chunk's flags (for a last row without its newline, at
 * end()), the reader for lines taken the rows' way, and the output's byte chunks.
 */
export class CopyTextInput {
  private readonly lines = new CopyTextLines();
  private numeric: readonly boolean[] = [];
  private booleans: readonly boolean[] | undefined;
  private reader: CopyTextRows | undefined;
  private chunks: ByteChunks | undefined;

  constructor(private readonly write: (lines: Buffer, numeric: readonly boolean[], booleans: readonly boolean[] | undefined) => Promise<void>) {}

  /** A chunk: the rows that end in it, to write(). */
  async push(bytes: Uint8Array, numeric: readonly boolean[], booleans?: readonly boolean[]): Promise<void> {
    this.numeric = numeric;
    this.booleans = booleans;
    const lines = this.lines.push(bytes);
    if (lines.length > 0) await this.write(lines, numeric, booleans);
  }

  /** The last row, when the text did not end with a newline. */
  async end(): Promise<void> {
    const rest = this.lines.end();
    if (rest.length > 0) await this.write(rest, this.numeric, this.booleans);
  }

  /** Lines into sink.rows(), a few dozen rows at a time. */
  asRows(sink: { rows(batch: readonly Row[]): void | Promise<void> }, lines: Buffer, numeric: readonly boolean[], booleans: readonly boolean[] | undefined): Promise<void> {
    return copyTextRows(sink, this.rowReader(numeric, booleans), lines, numeric, booleans);
  }

  /** The rows of whole lines. */
  rows(lines: Buffer, numeric: readonly boolean[], booleans: readonly boolean[] | undefined): Row[] {
    return this.rowReader(numeric, booleans).push(lines, numeric, booleans);
  }

  /** Where bytes for out are put together. */
  bytes(out: TextOutput): ByteChunks {
    return (this.chunks ??= new ByteChunks(out));
  }

  private rowReader(numeric: readonly boolean[], booleans: readonly boolean[] | undefined): CopyTextRows {
    return (this.reader ??= new CopyTextRows(numeric, booleans));
  }
}
