/**
 * Spilled rows back to table lines, working on the spill file's bytes: each cell's text was
 * escaped and measured once, on the way in (table-sink.ts); here it is only copied and padded.
 * No strings are made for the rows of a big result (the hot path of `sqlsh -c ... > file`).
 *
 * A record (table-spill.ts): cells separated by US, ended by RS; each cell is a flag byte ('t'
 * text, 'n' number, 'z' NULL), its width in decimal, ':', then its UTF-8 text. A row whose
 * cells are all one line that fits is rendered here, byte for byte as simpleRow() in
 * table-layout.ts renders it; any other row (a value with a newline) goes through renderRow().
 * Output leaves in pieces of about 128 KB (copy-text-lines.ts's ByteChunks, shared with the expanded,
 * unaligned and markdown byte writers).
 */
import { ByteChunks } from './copy-text-lines.js';
import type { TextOutput } from './sink.js';
import { renderRow, textCell, type Cell, type RowLayout } from './table-layout.js';

const US = 0x1f;
const RS = 0x1e;
const NL = 0x0a;
const SP = 0x20;
const COLON = 0x3a;
const FLAG_NUMBER = 0x6e; // n
const FLAG_NULL = 0x7a; // z
const DIM = Buffer.from('\x1b[2m');
const UNDIM = Buffer.from('\x1b[22m');

export class TableReplay {
  private readonly w: ByteChunks;
  private readonly left: Buffer;
  private readonly mid: Buffer;
  private readonly right: Buffer;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly cellWidths: Int32Array;
  private readonly flags: Uint8Array;
  /** Bytes a row can take besides its cells' text. */
  private readonly overhead: number;

  constructor(
    private readonly layout: RowLayout,
    /** NULL is right-aligned in column i (a column of numbers, as psql aligns by column). */
    private readonly nullRight: readonly boolean[],
    out: TextOutput,
  ) {
    this.w = new ByteChunks(out);
    const { style, widths } = layout;
    this.left = Buffer.from(style.left);
    this.mid = Buffer.from(style.mid);
    this.right = Buffer.from(style.right);
    const n = widths.length;
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.cellWidths = new Int32Array(n);
    this.flags = new Uint8Array(n);
    let total = 0;
    for (const w of widths) total += w;
    this.overhead = total + n * (2 + this.mid.length + DIM.length + UNDIM.length) + this.left.length + this.right.length + 1;
  }

  /** Text that goes out before the rows that follow (the header). */
  async text(s: string): Promise<void> {
    this.w.text(s);
    await this.w.flush();
  }

  /** Every record of chunk (whole records only), rendered. */
  async records(chunk: Buffer): Promise<void> {
    const n = this.layout.widths.length;
    const { starts, ends, cellWidths, flags } = this;
    let p = 0;
    while (p < chunk.length) {
      const rowStart = p;
      let multi = false;
      for (let i = 0; i < n; i++) {
        let c = chunk[p]!;
        if (c === RS) {
          // fewer cells than columns: the rest are empty
          flags[i] = 0x74;
          cellWidths[i] = 0;
          starts[i] = ends[i] = p;
          continue;
        }
        flags[i] = c;
        p++;
        let w = 0;
        while ((c = chunk[p++]!) !== COLON) w = w * 10 + c - 48;
        cellWidths[i] = w;
        starts[i] = p;
        for (;;) {
          c = chunk[p]!;
          if (c > US) {
            p++; // not a control character (most bytes): one comparison
            continue;
          }
          if (c === US || c === RS) break;
          if (c === NL) multi = true;
          p++;
        }
        ends[i] = p;
        if (c === US) p++;
      }
      while (chunk[p] !== RS) p++;
      p++;
      if (multi || !this.fits()) await this.complexRow(chunk);
      else {
        this.w.reserve(p - rowStart + this.overhead);
        this.simpleRow(chunk);
        const flushed = this.w.flush();
        if (flushed) await flushed;
      }
    }
  }

  /** What is left, out. */
  async finish(): Promise<void> {
    await this.w.flush(true);
  }

  private fits(): boolean {
    const widths = this.layout.widths;
    for (let i = 0; i < widths.length; i++) if (this.cellWidths[i]! > widths[i]!) return false;
    return true;
  }

  private pad(count: number): void {
    if (count <= 0) return;
    const w = this.w;
    if (count > 32) {
      w.buf.fill(SP, w.pos, w.pos + count);
      w.pos += count;
      return;
    }
    // a few spaces (most pads): a loop, cheaper than Buffer#fill's call
    const buf = w.buf;
    let pos = w.pos;
    for (let k = 0; k < count; k++) buf[pos++] = SP;
    w.pos = pos;
  }

  private cellText(chunk: Buffer, i: number, isNull: boolean): void {
    const dim = isNull && this.layout.color && this.ends[i]! > this.starts[i]!;
    if (dim) this.w.copy(DIM, 0, DIM.length);
    this.w.copy(chunk, this.starts[i]!, this.ends[i]!);
    if (dim) this.w.copy(UNDIM, 0, UNDIM.length);
  }

  /** As simpleRow() in table-layout.ts. */
  private simpleRow(chunk: Buffer): void {
    const { style, widths } = this.layout;
    const open = style.trimRight;
    const lead = style.border !== 0; // a space before each value (not with border 0)
    const last = widths.length - 1;
    const w = this.w; // room reserved by records()
    w.copy(this.left, 0, this.left.length);
    for (let i = 0; i <= last; i++) {
      const flag = this.flags[i]!;
      const isNull = flag === FLAG_NULL;
      const numeric = flag === FLAG_NUMBER || ((isNull || this.cellWidths[i] === 0) && this.nullRight[i]!);
      if (i > 0) w.copy(this.mid, 0, this.mid.length);
      const pad = widths[i]! - this.cellWidths[i]!;
      if (lead) w.buf[w.pos++] = SP;
      if (open && i === last) {
        if (numeric) this.pad(pad);
        this.cellText(chunk, i, isNull);
        break;
      }
      if (numeric) {
        this.pad(pad);
        this.cellText(chunk, i, isNull);
      } else {
        this.cellText(chunk, i, isNull);
        this.pad(pad);
      }
      w.buf[w.pos++] = SP;
    }
    w.copy(this.right, 0, this.right.length);
    w.buf[w.pos++] = NL;
  }

  private async complexRow(chunk: Buffer): Promise<void> {
    const n = this.layout.widths.length;
    const cells: Cell[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const flag = this.flags[i]!;
      const isNull = flag === FLAG_NULL;
      const numeric = flag === FLAG_NUMBER || ((isNull || this.cellWidths[i] === 0) && this.nullRight[i]!);
      const text = chunk.toString('utf8', this.starts[i]!, this.ends[i]!);
      cells[i] = text.indexOf('\n') < 0 ? { lines: [text], width: this.cellWidths[i]!, numeric, isNull } : textCell(text, numeric, isNull);
    }
    await this.text(renderRow(cells, this.layout));
  }
}
