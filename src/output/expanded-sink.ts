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
 *
 * To a file or pipe, rows given as COPY text (copyText()) are written on bytes once the first rows
 * have set the header width: a record whose values are all printable ASCII without a backslash
 * (or NULL) is its names and those bytes, no string made; any other record is laid out as a row.
 */
import type { ColumnInfo, Row } from '../core/result.js';
import { NULL, PLAIN, RowScanner } from './copy-text-lines.js';
import { displayWidth, padEndToWidth } from './display-width.js';
import { escapeForTerminal } from './escape.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';
import { CopyTextInput } from './table-copy-text.js';
import { cellLines, valueCell } from './table-layout.js';
import type { BorderStyle } from './table-style.js';

/** The rows whose widest value sets the record headers' width: an engine's first batch (1000 rows). */
export const FIRST_ROWS = 1000;

const NL = 0x0a;

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
  /** psql's blank line at the end (RenderOptions.blankLineAfter). */
  readonly blankLineAfter?: boolean;
  /** Booleans as t / f (RenderOptions.psqlBooleans). */
  readonly psqlBooleans?: boolean;
  /** psql's title (\\C): its own line before the records; not with tuples only. */
  readonly title?: string;
  /**
   * false: tuples only (psql's \t): no `-[ RECORD n ]` labels; records after the first start with
   * a rule (`------+----`), as psql draws them. Default true.
   */
  readonly header?: boolean;
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
    this.copy = undefined;
    this.prefixes = [];
    if (this.results++ > 0) await this.out.write('\n');
    if (this.options.title !== undefined && this.options.header !== false) await this.out.write(`${escapeForTerminal(this.options.title)}\n`);
  }

  private layout(row: Row): Laid {
    const { style, nullString } = this.options;
    const cols = this.out.columns;
    const cap = cols !== undefined && cols > 0 ? Math.max(10, cols - this.nameWidth - 3) : Number.MAX_SAFE_INTEGER;
    const maxLines = cols !== undefined && cols > 0 ? (this.options.maxLines ?? 50) : Number.MAX_SAFE_INTEGER;
    const values = row.map((v) => {
      const cell = valueCell(v, nullString, this.options.psqlBooleans);
      return { cell, lines: cellLines(cell, Math.min(cap, Math.max(cell.width, 1)), style, maxLines) };
    });
    let width = 0;
    for (const v of values) for (const l of v.lines) width = Math.max(width, l.width);
    return { values, width };
  }

  /** The record header after its number: ` ]`, the rule, the newline (label: the header up to ` ]`). */
  private labelEnd(digits: number, valueWidth: number): string {
    const { style } = this.options;
    const labelWidth = style.recordFill.length + '[ RECORD  ]'.length + digits;
    if (this.names.length === 0) return ' ]\n';
    if (labelWidth <= this.nameWidth + 1) {
      return ' ]' + style.recordFill.repeat(this.nameWidth + 1 - labelWidth) + style.recordJunction + style.recordFill.repeat(valueWidth + 1) + '\n';
    }
    return ' ]' + style.recordFill.repeat(Math.max(0, this.nameWidth + valueWidth + 3 - labelWidth)) + '\n';
  }

  /** Tuples only: the rule between two records (none before the first), as psql's. */
  private tupleRule(first: boolean, valueWidth: number): string {
    if (first || this.names.length === 0) return '';
    const { style } = this.options;
    return style.recordFill.repeat(this.nameWidth + 1) + style.recordJunction + style.recordFill.repeat(valueWidth + 1) + '\n';
  }

  private record(laid: Laid): string {
    const { style, color } = this.options;
    const { values } = laid;
    const valueWidth = this.headerValueWidth ?? laid.width;
    const n = String(++this.count);
    let out = this.options.header === false ? this.tupleRule(n === '1', valueWidth) : `${style.recordFill}[ RECORD ${n}` + this.labelEnd(n.length, valueWidth);
    const blankName = ' '.repeat(this.nameWidth);
    for (let i = 0; i < this.names.length; i++) {
      const v = values[i];
      const lines = v?.lines ?? [];
      if (lines.length === 0) {
        out += padEndToWidth(this.names[i]!, this.nameWidth, this.nameWidths[i]) + ' ' + style.recordSep + ' \n';
        continue;
      }
      for (let j = 0; j < lines.length; j++) {
        const l = lines[j]!;
        const name = j === 0 ? padEndToWidth(this.names[i]!, this.nameWidth, this.nameWidths[i]) : blankName;
        let text = l.text;
        if (v!.cell.isNull && color && text !== '') text = '\x1b[2m' + text + '\x1b[22m';
        const body = l.mark === ' ' ? text : padEndToWidth(text, valueWidth, l.width) + l.mark;
        const line = name + ' ' + style.recordSep + ' ' + body;
        out += line + '\n'; // as psql: the space after the separator and a value's own trailing spaces stay
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
    const take = Math.min(batch.length, FIRST_ROWS - this.first.length);
    for (let i = 0; i < take; i++) this.first.push(batch[i]!);
    if (this.first.length < FIRST_ROWS) return;
    await this.writeFirst();
    if (take < batch.length) await this.write(batch.slice(take));
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

  /**
   * Rows as COPY text (ResultEvent 'copy-text', sent for a file or pipe). Until the first rows have
   * set the header width, and whenever the records are fitted to a terminal or coloured, they
   * become rows; after that they are written on bytes (copyLines()).
   */
  async copyText(bytes: Uint8Array, numeric: readonly boolean[], booleans?: readonly boolean[]): Promise<void> {
    await (this.copy ??= new CopyTextInput((lines, n, b) => this.copyLinesOut(lines, n, b))).push(bytes, numeric, booleans);
  }

  private copy: CopyTextInput | undefined;
  /** The byte path's pieces: per column its name padded, the separator and a space; the NULL value; record headers by digit count. */
  private prefixes: Buffer[] = [];
  private nullBytes: Buffer | undefined;
  private labelStart = Buffer.alloc(0);
  private labelEnds: Buffer[] = [];
  private scan = new RowScanner(0);

  private copyLinesOut(lines: Buffer, numeric: readonly boolean[], booleans: readonly boolean[] | undefined): Promise<void> {
    const cols = this.out.columns;
    const n = this.names.length;
    if (this.headerValueWidth === undefined || (cols !== undefined && cols > 0) || this.options.color || n === 0 || numeric.length !== n) {
      return this.copy!.asRows(this, lines, numeric, booleans);
    }
    if (this.prefixes.length === 0) this.startBytes();
    return this.writeLines(lines, numeric, booleans);
  }

  private startBytes(): void {
    const { style, nullString } = this.options;
    this.prefixes = this.names.map((name, i) => Buffer.from(padEndToWidth(name, this.nameWidth, this.nameWidths[i]) + ' ' + style.recordSep + ' '));
    const nullLines = cellLines(valueCell(null, nullString), Number.MAX_SAFE_INTEGER, style, Number.MAX_SAFE_INTEGER);
    this.nullBytes = nullLines.length === 0 ? Buffer.alloc(0) : nullLines.length === 1 ? Buffer.from(nullLines[0]!.text) : undefined;
    this.labelStart = Buffer.from(`${style.recordFill}[ RECORD `);
    this.labelEnds = [];
    this.scan = new RowScanner(this.names.length);
  }

  private async writeLines(lines: Buffer, numeric: readonly boolean[], booleans: readonly boolean[] | undefined): Promise<void> {
    const w = this.copy!.bytes(this.out);
    const { scan, prefixes } = this;
    const { starts, ends, kinds } = scan;
    const nullBytes = this.nullBytes;
    const n = prefixes.length;
    const valueWidth = this.headerValueWidth!;
    for (let p = 0; p < lines.length; ) {
      const lineStart = p;
      p = scan.row(lines, p);
      let fast = scan.whole;
      for (let k = 0; k < n && fast; k++) fast = kinds[k] === PLAIN || (kinds[k] === NULL && nullBytes !== undefined);
      if (!fast) {
        const row = this.copy!.rows(lines.subarray(lineStart, p), numeric, booleans)[0] ?? [];
        w.text(this.record(this.layout(row)));
      } else {
        const count = String(++this.count);
        if (this.options.header === false) w.text(this.tupleRule(count === '1', valueWidth));
        else {
          const digits = count.length;
          const labelEnd = (this.labelEnds[digits] ??= Buffer.from(this.labelEnd(digits, valueWidth)));
          w.reserve(this.labelStart.length + digits + labelEnd.length);
          w.copy(this.labelStart, 0, this.labelStart.length);
          w.pos += w.buf.write(count, w.pos, 'latin1');
          w.copy(labelEnd, 0, labelEnd.length);
        }
        for (let k = 0; k < n; k++) {
          const prefix = prefixes[k]!;
          const isNull = kinds[k] === NULL;
          const value = isNull ? nullBytes! : lines;
          const vs = isNull ? 0 : starts[k]!;
          const ve = isNull ? nullBytes!.length : ends[k]!;
          w.reserve(prefix.length + (ve - vs) + 1);
          w.copy(prefix, 0, prefix.length);
          w.copy(value, vs, ve);
          w.buf[w.pos++] = NL;
        }
      }
      const flushed = w.flush();
      if (flushed) await flushed;
    }
    await w.flush(true);
  }

  async end(summary: ResultSummary): Promise<void> {
    await this.copy?.end();
    if (this.headerValueWidth === undefined && this.first.length > 0) await this.writeFirst();
    // psql's footer in expanded mode: only for an empty result, where there is no record to show
    const text = (this.options.footer && summary.rowCount === 0 ? '(0 rows)\n' : '') + (this.options.blankLineAfter ? '\n' : '');
    if (text !== '') await this.out.write(text);
  }
}
