/**
 * Expanded records (psql's \x): one block per row, streamed record by record:
 *
 *   -[ RECORD 1 ]-----
 *   id   | 1
 *   name | two+
 *        | lines
 *
 * The value column is wrapped to the terminal width when one is known; control characters are
 * escaped visibly; NULL shows the null string (dimmed with colour).
 */
import type { ColumnInfo, Row } from '../core/result.js';
import { displayWidth, padEndToWidth } from './display-width.js';
import { escapeForTerminal } from './escape.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';
import { cellLines, valueCell } from './table-layout.js';
import type { BorderStyle } from './table-style.js';

/** The rows whose widest value sets the record headers' width: an engine's first batch (1000 rows). */
export const FIRST_ROWS = 1000;

/** One row laid out: each value's cell and its lines, and the widest line. */
interface Laid {
  readonly values: readonly { readonly cell: ReturnType<typeof valueCell>; readonly lines: ReturnType<typeof cellLines> }[];
  readonly width: number;
}

export interface ExpandedOptions {
  readonly style: BorderStyle;
  readonly nullString: string;
  readonly footer: boolean;
  readonly color: boolean;
  /** Visual lines kept per value when fitting a terminal. */
  readonly maxLines?: number;
}

export class ExpandedSink implements ResultSink {
  private names: string[] = [];
  private nameWidths: number[] = [];
  private nameWidth = 0;
  private count = 0;
  private results = 0;
  /** The value width every record header of this result is drawn for (set by the first rows). */
  private headerValueWidth: number | undefined;
  /** The first rows, held until FIRST_ROWS are in (or the result ends). */
  private first: Row[] = [];

  constructor(
    private readonly out: TextOutput,
    private readonly options: ExpandedOptions,
  ) {}

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    this.names = columns.map((c) => escapeForTerminal(c.name));
    this.nameWidths = this.names.map((n) => displayWidth(n));
    this.nameWidth = Math.max(0, ...this.nameWidths);
    this.count = 0;
    this.headerValueWidth = undefined;
    this.first = [];
    if (this.results++ > 0) await this.out.write('\n');
  }

  private layout(row: Row): Laid {
    const { style, nullString } = this.options;
    const cols = this.out.columns;
    const cap = cols !== undefined && cols > 0 ? Math.max(10, cols - this.nameWidth - 3) : Number.MAX_SAFE_INTEGER;
    const maxLines = cols !== undefined && cols > 0 ? (this.options.maxLines ?? 50) : Number.MAX_SAFE_INTEGER;
    const values = row.map((v) => {
      const cell = valueCell(v, nullString);
      return { cell, lines: cellLines(cell, Math.min(cap, Math.max(cell.width, 1)), style, maxLines) };
    });
    let width = 0;
    for (const v of values) for (const l of v.lines) width = Math.max(width, l.width);
    return { values, width };
  }

  private record(laid: Laid): string {
    const { style, color } = this.options;
    const { values } = laid;
    const valueWidth = this.headerValueWidth ?? laid.width;
    const label = `${style.recordFill}[ RECORD ${++this.count} ]`;
    const labelWidth = label.length;
    let out: string;
    if (this.names.length === 0) out = label + '\n';
    else if (labelWidth <= this.nameWidth + 1) {
      out = label + style.recordFill.repeat(this.nameWidth + 1 - labelWidth) + style.recordJunction + style.recordFill.repeat(valueWidth + 1) + '\n';
    } else {
      out = label + style.recordFill.repeat(Math.max(0, this.nameWidth + valueWidth + 3 - labelWidth)) + '\n';
    }
    const blankName = ' '.repeat(this.nameWidth);
    for (let i = 0; i < this.names.length; i++) {
      const v = values[i];
      const lines = v?.lines ?? [];
      if (lines.length === 0) {
        out += padEndToWidth(this.names[i]!, this.nameWidth, this.nameWidths[i]) + ' ' + style.recordSep + '\n';
        continue;
      }
      for (let j = 0; j < lines.length; j++) {
        const l = lines[j]!;
        const name = j === 0 ? padEndToWidth(this.names[i]!, this.nameWidth, this.nameWidths[i]) : blankName;
        let text = l.text;
        if (v!.cell.isNull && color && text !== '') text = '\x1b[2m' + text + '\x1b[22m';
        const body = l.mark === ' ' ? text : padEndToWidth(text, valueWidth, l.width) + l.mark;
        const line = name + ' ' + style.recordSep + ' ' + body;
        out += (line.charCodeAt(line.length - 1) === 0x20 ? line.replace(/ +$/, '') : line) + '\n';
      }
    }
    return out;
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    if (this.headerValueWidth !== undefined) return this.write(batch);
    // psql draws every record header of one result with the same width (the widest value); the
    // rows stream, so the first FIRST_ROWS rows set it (however they were cut into batches) and
    // later records keep it.
    for (const row of batch) this.first.push(row);
    if (this.first.length >= FIRST_ROWS) await this.writeFirst();
  }

  /**
   * The held first rows, with the header width they set: measured first, then laid out again one by
   * one (a thousand layouts alive at once made V8 double its young generation, three times over).
   */
  private writeFirst(): Promise<void> {
    const first = this.first;
    this.first = [];
    let width = 0;
    for (const row of first) width = Math.max(width, this.layout(row).width);
    this.headerValueWidth = width;
    return this.write(first);
  }

  /**
   * Records in pieces of about 64 KB. Later rows are laid out one at a time: each layout dies before
   * the next is made, so nothing lives long enough to leave V8's young generation.
   */
  private async write(rows: readonly Row[]): Promise<void> {
    let text = '';
    for (const row of rows) {
      text += this.record(this.layout(row));
      if (text.length > 16384) {
        await this.out.write(text);
        text = '';
      }
    }
    if (text !== '') await this.out.write(text);
  }

  async end(summary: ResultSummary): Promise<void> {
    if (this.headerValueWidth === undefined && this.first.length > 0) await this.writeFirst();
    if (!this.options.footer) return;
    const n = summary.rowCount;
    await this.out.write(`(${n} ${n === 1 ? 'row' : 'rows'})\n`);
  }
}
