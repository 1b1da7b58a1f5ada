/**
 * Aligned table (psql, unicode and ascii styles), with bounded memory.
 *
 * Rows are buffered in blocks (blockRows rows or about blockBytes of text, whichever comes first).
 * A result that fits in the first block is printed from memory.
 *
 * Files and pipes (out.columns undefined) get one table, as psql prints it: the header once, with
 * widths that cover the whole result. Once the first block is full, rendered cells go to a spill
 * file in the temp directory (table-spill.ts: unlinked at once, so nothing is left behind on
 * Ctrl-C or an error) while the widths are measured; at the end the header is written and the rows
 * are read back. Memory stays one block whatever the row count; the disk holds the result's text.
 *
 * On a terminal (the pager included) the first screen must show at once, so blocks are printed as
 * they come: the first block sets the column widths; when a later block has a wider value that
 * would change the layout, the table is closed (bottom border in boxed styles) and the header is
 * printed again with the wider widths, so the new section is readable on its own.
 *
 * On a terminal (out.columns known), the widest columns are capped so the table fits the width;
 * their values wrap onto several lines (marked with the style's wrap mark) and a value taking more
 * than maxLines lines is cut with '…'. A column is never cut narrower than its header (nor than 10
 * cells): a table that cannot fit so is printed with whole rows, as psql does, and the pager
 * (less -S) scrolls it sideways. Values with newlines show one line per line, marked with
 * the newline mark ('+' in psql style). NULL shows the null string (dimmed with colour); with the
 * null string '' it shows as nothing, like psql.
 *
 * autoExpand (\x auto): when the first block's natural width exceeds the terminal width, the
 * result set is shown as expanded records instead.
 */
import type { ColumnInfo, Row, Value } from '../core/result.js';
import { escapeCell, escapeForTerminal } from './escape.js';
import { ExpandedSink } from './expanded-sink.js';
import { footerLines, type ResultSegment, type ResultSink, type ResultSummary, type TextOutput } from './sink.js';
import { displayWidth } from './display-width.js';
import { formatNumber, formatValue, isNumericValue, NUMERIC_TYPE } from './format-value.js';
import { fitWidths, psqlWrappedWidths, renderRow, renderRule, textCell, valueCell, type Cell, type RowLayout } from './table-layout.js';
import { TableReplay } from './table-replay.js';
import { CopyTextRecords, CopyTextRows } from './table-copy-text.js';
import { CELL_SEP, ROW_END, TableSpill } from './table-spill.js';
import { borderOverhead, type BorderStyle } from './table-style.js';

export interface TableOptions {
  readonly style: BorderStyle;
  readonly nullString: string;
  readonly header: boolean;
  readonly footer: boolean;
  readonly color: boolean;
  /** psql's blank line at the end (RenderOptions.blankLineAfter). */
  readonly blankLineAfter?: boolean;
  /** Booleans as t / f (RenderOptions.psqlBooleans). */
  readonly psqlBooleans?: boolean;
  /** psql's title, centred over the table (RenderOptions.title); not with tuples only. */
  readonly title?: string;
  /** psql's own footer lines, in place of `(N rows)` (RenderOptions.footers). */
  readonly footers?: readonly string[];
  readonly autoExpand?: boolean;
  /** Without a screen: the width \\x auto measures against (RenderOptions.autoExpandColumns). */
  readonly autoExpandColumns?: number;
  /** Rows per block (default 1000). */
  readonly blockRows?: number;
  /** Approximate characters per block (default 1 MB). */
  readonly blockBytes?: number;
  /** Lines kept per cell when fitting a terminal (default 20). */
  readonly maxLines?: number;
  /** psql's wrapped format: wide columns shrink psql's way (psqlWrappedWidths) to wrapColumns, else the terminal's width. */
  readonly wrapped?: boolean;
  readonly wrapColumns?: number;
  /** A part of a result printed in parts (psql's FETCH_COUNT): RenderOptions.segment. */
  readonly segment?: ResultSegment;
}


/** The narrowest piece a wrapped value is cut into (unless the whole value is narrower). */
const READABLE_WIDTH = 10;

function estimateSize(row: Row): number {
  let n = 16;
  for (const v of row) n += typeof v === 'string' ? v.length + 8 : v instanceof Uint8Array ? v.length * 2 + 8 : 16;
  return n;
}

/** The width of text made of printable ASCII only (nothing to escape, one cell each), else -1. */
function printableAsciiWidth(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return -1;
  }
  return text.length;
}

export class TableSink implements ResultSink {
  private columns: readonly ColumnInfo[] = [];
  private headerCells: Cell[] = [];
  private buffer: Row[] = [];
  private bufferedBytes = 0;
  /** Established natural widths (undefined until the first block is printed) and displayed widths. */
  private natural: number[] | undefined;
  private widths: number[] = [];
  /** Widest numeric value per column seen so far. */
  private numericWidths: number[] = [];
  /** Columns whose declared type is a number. */
  private numericType: boolean[] = [];
  /** Sum of the values' widths per column, and the rows counted (psql's wrapped format shrinks by the average). */
  private widthSums: number[] = [];
  private measuredRows = 0;
  private results = 0;
  private delegate: ExpandedSink | undefined;
  /** Rows spilled to disk while the widths are measured (files and pipes only). */
  private spill: TableSpill | undefined;
  /** Rows arriving as COPY text (copyText()): to spill records, or to rows on a terminal. */
  private copyRecords: CopyTextRecords | undefined;
  private copyRows: CopyTextRows | undefined;
  /** Test hook: rows written to the spill file for the current result set. */
  spilled = 0;
  /** Test hook: the most rows ever held at once. */
  peakBufferedRows = 0;
  /** Test hook: how many times the header was printed for the current result set. */
  headerCount = 0;

  constructor(
    private readonly out: TextOutput,
    private readonly options: TableOptions,
  ) {}

  private get blockRows(): number {
    return this.options.blockRows ?? 1000;
  }

  /** The widths before any row: the header's, even with tuples only (psql measures the names all the same). */
  private baseWidths(): number[] {
    return this.headerCells.map((c) => c.width);
  }

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    this.columns = columns;
    this.headerCells = columns.map((c) => textCell(escapeCell(c.name))); // a name with a newline takes two lines, as in psql
    this.buffer = [];
    this.bufferedBytes = 0;
    this.natural = undefined;
    this.widths = [];
    this.numericWidths = columns.map(() => 0);
    this.widthSums = columns.map(() => 0);
    this.measuredRows = 0;
    this.numericType = columns.map((c) => NUMERIC_TYPE.test(c.type ?? ''));
    this.delegate = undefined;
    this.headerCount = 0;
    this.spill?.close();
    this.spill = undefined;
    this.copyRecords = undefined;
    this.copyRows = undefined;
    this.spilled = 0;
    if (this.results++ > 0 && !this.options.blankLineAfter) await this.out.write('\n'); // (else the last one ended with it)
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (this.delegate) return this.delegate.rows(batch);
    if (this.spill && this.buffer.length === 0) {
      // Spilling already: the batch goes to the file as it comes, nothing is held.
      this.spillRows(batch);
      return;
    }
    const limit = this.blockRows;
    const byteLimit = this.options.blockBytes ?? 1 << 20;
    for (let k = 0; k < batch.length; k++) {
      const row = batch[k]!;
      this.buffer.push(row);
      this.bufferedBytes += estimateSize(row);
      if (this.buffer.length > this.peakBufferedRows) this.peakBufferedRows = this.buffer.length;
      if (this.buffer.length >= limit || this.bufferedBytes >= byteLimit) {
        await this.flush();
        const expanded = this.delegate as ExpandedSink | undefined; // set by flush() in auto mode
        if (expanded) return expanded.rows(batch.slice(k + 1));
      }
    }
  }

  /**
   * Rows as COPY text bytes (ResultEvent 'copy-text'). To a file or pipe they go to the spill file
   * without row objects (table-copy-text.ts); elsewhere they become rows.
   */
  async copyText(bytes: Uint8Array, numeric: readonly boolean[]): Promise<void> {
    if (this.columns.length === 0) return;
    if (this.copyRows || this.delegate || this.terminalWidth() !== undefined || this.options.wrapped || this.options.autoExpandColumns !== undefined || (this.buffer.length > 0 && !this.copyRecords)) {
      this.copyRows ??= new CopyTextRows(numeric);
      return this.rows(this.copyRows.push(bytes, numeric));
    }
    if (!this.copyRecords) {
      this.natural ??= this.baseWidths();
      this.copyRecords = new CopyTextRecords(numeric, this.options.nullString, this.natural, this.numericWidths);
      this.spill ??= new TableSpill();
    }
    this.appendRecords(this.copyRecords.push(bytes, numeric));
  }

  private appendRecords(records: Buffer): void {
    const before = this.copyRecords!.rows;
    this.spill!.appendBytes(records);
    this.spilled = before;
  }

  async end(summary: ResultSummary): Promise<void> {
    if (this.copyRecords) this.appendRecords(this.copyRecords.end());
    else if (this.copyRows) await this.rows(this.copyRows.end());
    if (!this.delegate) await this.flush(true);
    if (this.spill) await this.replay();
    const expanded = this.delegate as ExpandedSink | undefined;
    if (expanded) return expanded.end(summary);
    const segment = this.options.segment;
    if (segment?.open) return; // (more parts follow: the table goes on)
    let text = '';
    if (this.columns.length === 0 && this.options.blankLineAfter) text += this.noColumnsText();
    if (this.columns.length > 0 && this.options.style.bottom) text += renderRule(this.options.style.bottom, this.widths);
    for (const line of footerLines(this.options, (segment?.priorRows ?? 0) + summary.rowCount)) text += `${escapeForTerminal(line)}\n`;
    if (this.options.blankLineAfter) text += '\n';
    if (text !== '') await this.out.write(text);
  }

  /** psql's wrapped format, when a table turns into records (\\x auto): they fit the same width. */
  private expandedWrap(): { wrapColumns?: number } {
    const target = this.options.wrapped ? (this.options.wrapColumns ?? this.terminalWidth()) : undefined;
    return target !== undefined ? { wrapColumns: target } : {};
  }

  private terminalWidth(): number | undefined {
    const c = this.out.columns;
    return c !== undefined && c > 0 ? c : undefined;
  }

  private fit(natural: readonly number[]): number[] {
    if (this.options.wrapped) {
      // psql's wrapped format: to \\pset columns, else the screen; aligned when neither is known
      const target = this.options.wrapColumns ?? this.terminalWidth();
      if (target === undefined) return [...natural];
      const rows = this.measuredRows;
      const averages = this.widthSums.map((sum) => (rows > 0 ? Math.trunc(sum / rows) : 0));
      const headers = this.headerCells.map((c) => c.width);
      return psqlWrappedWidths(natural, headers, averages, borderOverhead(this.options.style, natural.length), target);
    }
    const cols = this.terminalWidth();
    if (cols === undefined) return [...natural];
    const budget = cols - borderOverhead(this.options.style, natural.length);
    // A value wraps only into pieces still readable: never narrower than its column's header nor
    // than READABLE_WIDTH cells, and numbers keep their width (up to half the budget). When the
    // table cannot fit that way, rows are printed whole (the pager scrolls sideways: less -S).
    const mins = this.numericWidths.map((w, i) =>
      Math.max(Math.min(w, Math.floor(budget / 2)), this.headerCells[i]?.width ?? 0),
    );
    return fitWidths(natural, budget, mins, READABLE_WIDTH);
  }

  /**
   * psql's table of no columns (`select;`): the title, the rules its borders draw (`--` under the empty
   * header with border 1, `+--+` lines with border 2, an empty line with border 0), no data lines.
   */
  private noColumnsText(): string {
    const { style, title } = this.options;
    const rule = (r: { left: string; fill: string; right: string; pad: number }): string => `${r.left}${r.fill.repeat(2 * r.pad)}${r.right}\n`;
    let text = '';
    if (this.options.header) {
      if (title !== undefined) text += `${escapeForTerminal(title)}\n`;
      if (style.top) text += rule(style.top);
      text += rule(style.headerRule);
    }
    if (style.bottom) text += rule(style.bottom);
    return text;
  }

  private headerText(): string {
    const { style, title } = this.options;
    let text = '';
    if (this.options.segment?.continued) {
      // a later part of a result printed in parts: its rows only, laid out on their own
      this.headerCount++;
      return text;
    }
    if (title !== undefined && this.headerCount === 0 && this.options.header) {
      // centred over the whole width, borders included, as psql (a longer title starts at the left edge)
      const total = this.widths.reduce((a, b) => a + b, 0) + borderOverhead(style, this.widths.length);
      const shown = escapeForTerminal(title);
      text += `${' '.repeat(Math.max(0, Math.floor((total - displayWidth(shown)) / 2)))}${shown}\n`;
    }
    if (style.top && (this.options.header || style.topWithoutHeader)) text += renderRule(style.top, this.widths);
    if (this.options.header) {
      text += renderRow(this.headerCells, this.layout(), true) + renderRule(style.headerRule, this.widths);
    }
    this.headerCount++;
    return text;
  }

  private layout(): RowLayout {
    const wrapped = this.options.wrapped === true;
    const maxLines = this.terminalWidth() === undefined || wrapped ? Number.MAX_SAFE_INTEGER : (this.options.maxLines ?? 20);
    return { style: this.options.style, widths: this.widths, maxLines, color: this.options.color, ...(wrapped ? { charWrap: true } : {}) };
  }

  private async flush(final = false): Promise<void> {
    const rows = this.buffer;
    this.buffer = [];
    this.bufferedBytes = 0;
    if (this.columns.length === 0) return;
    if (rows.length === 0 && !(final && this.natural === undefined)) return;
    const cols = this.terminalWidth();
    if (!this.spill && cols === undefined && !final && this.natural === undefined && this.options.autoExpand && this.options.autoExpandColumns !== undefined && this.columns.length > 1) {
      // \\x auto without a screen, a result of more than a block: the first block decides (psql measures the whole result)
      const widths = this.baseWidths();
      for (const r of rows) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, valueCell((r[i] ?? null) as Value, this.options.nullString, this.options.psqlBooleans).width);
      if (widths.reduce((a, b) => a + b, 0) + borderOverhead(this.options.style, widths.length) > this.options.autoExpandColumns) return this.switchToExpanded(rows);
    }
    if (this.spill || (cols === undefined && !final && this.natural === undefined)) {
      this.spillRows(rows);
      return;
    }
    const n = this.columns.length;
    const cells: Cell[][] = rows.map((r) => {
      const cs: Cell[] = new Array(n);
      for (let i = 0; i < n; i++) cs[i] = valueCell((r[i] ?? null) as Value, this.options.nullString, this.options.psqlBooleans);
      return cs;
    });
    const blockNatural = this.baseWidths();
    const numeric = this.numericWidths;
    const sums = this.widthSums;
    for (const cs of cells) {
      for (let i = 0; i < n; i++) {
        const c = cs[i]!;
        if (c.width > blockNatural[i]!) blockNatural[i] = c.width;
        if (c.numeric && c.width > numeric[i]!) numeric[i] = c.width;
        sums[i]! += c.width;
      }
    }
    this.measuredRows += cells.length;
    // NULL and an empty value (a crosstab's cell without data) take their column's alignment (psql
    // aligns by column): right in a column of numbers, padded to its width.
    for (const cs of cells) {
      for (let i = 0; i < n; i++) {
        const c = cs[i]!;
        if ((c.isNull || c.width === 0) && !c.numeric && (numeric[i]! > 0 || this.numericType[i])) cs[i] = { ...c, numeric: true };
      }
    }

    let text = '';
    if (this.natural === undefined) {
      // (psql's wrapped format switches only when even the wrapped table is wider)
      const total = (this.options.wrapped ? this.fit(blockNatural) : blockNatural).reduce((a, b) => a + b, 0) + borderOverhead(this.options.style, n);
      const autoColumns = cols ?? (n > 1 ? this.options.autoExpandColumns : undefined);
      if (this.options.autoExpand && autoColumns !== undefined && total > autoColumns) {
        await this.switchToExpanded(rows);
        return;
      }
      this.natural = blockNatural;
      this.widths = this.fit(blockNatural);
      text = this.headerText();
    } else if (blockNatural.some((w, i) => w > this.natural![i]!)) {
      const natural = this.natural.map((w, i) => Math.max(w, blockNatural[i]!));
      const widths = this.fit(natural);
      this.natural = natural;
      if (widths.some((w, i) => w !== this.widths[i])) {
        const { bottom } = this.options.style;
        if (bottom) text += renderRule(bottom, this.widths);
        this.widths = widths;
        text += this.headerText();
      }
    }
    const layout = this.layout();
    for (const cs of cells) {
      text += renderRow(cs, layout);
      if (text.length > 65536) {
        await this.out.write(text);
        text = '';
      }
    }
    if (text !== '') await this.out.write(text);
  }

  /**
   * Files and pipes: the block goes to the spill file, each value escaped and measured once
   * (record format in table-spill.ts); the widths grow to cover it.
   */
  private spillRows(rows: readonly Row[]): void {
    this.spill ??= new TableSpill();
    const n = this.columns.length;
    const { nullString, header } = this.options;
    const natural = this.natural ?? this.baseWidths();
    const numeric = this.numericWidths;
    const nullText = escapeCell(nullString);
    const nullWidth = displayWidth(nullText);
    const nullCell = 'z' + nullWidth + ':' + nullText;
    const sums = this.widthSums;
    let text = '';
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      for (let i = 0; i < n; i++) {
        const v = (row[i] ?? null) as Value;
        if (i > 0) text += CELL_SEP;
        if (v === null) {
          text += nullCell;
          if (nullWidth > natural[i]!) natural[i] = nullWidth;
          sums[i]! += nullWidth;
          continue;
        }
        if (typeof v === 'number') {
          const s = formatNumber(v); // plain ASCII: one cell per character
          sums[i]! += s.length;
          if (s.length > natural[i]!) natural[i] = s.length;
          if (s.length > numeric[i]!) numeric[i] = s.length;
          text += 'n' + s.length + ':' + s;
          continue;
        }
        const isText = typeof v === 'string';
        let escaped = isText ? v : formatValue(v, nullString, this.options.psqlBooleans);
        let width = printableAsciiWidth(escaped);
        if (width < 0) {
          escaped = escapeCell(escaped);
          width = escaped.indexOf('\n') < 0 ? displayWidth(escaped) : textCell(escaped).width;
        }
        if (width > natural[i]!) natural[i] = width;
        sums[i]! += width;
        if (!isText && isNumericValue(v)) {
          if (width > numeric[i]!) numeric[i] = width;
          text += 'n' + width + ':' + escaped;
        } else text += 't' + width + ':' + escaped;
      }
      text += ROW_END;
      if (text.length > 65536) {
        this.spill.append(text);
        text = '';
      }
    }
    this.spill.append(text);
    this.natural = natural;
    this.spilled += rows.length;
    this.measuredRows += rows.length;
  }

  /** The whole result is measured: header once, then the spilled rows read back (table-replay.ts). */
  private async replay(): Promise<void> {
    const spill = this.spill!;
    try {
      this.widths = this.options.wrapped ? this.fit(this.natural!) : [...this.natural!];
      const nullRight = this.columns.map((_, i) => this.numericWidths[i]! > 0 || this.numericType[i]!);
      const replay = new TableReplay(this.layout(), nullRight, this.out);
      await replay.text(this.headerText());
      for (const chunk of spill.chunks()) await replay.records(chunk);
      await replay.finish();
    } finally {
      spill.close();
      this.spill = undefined;
    }
  }

  private async switchToExpanded(rows: readonly Row[]): Promise<void> {
    const { style, nullString, header, footer, color, blankLineAfter, psqlBooleans, title, footers } = this.options;
    const sink = new ExpandedSink(this.out, { style, nullString, header, footer, color, blankLineAfter, psqlBooleans, ...(title !== undefined ? { title } : {}), ...(footers ? { footers } : {}), ...this.expandedWrap() });
    this.delegate = sink;
    await sink.begin(this.columns);
    await sink.rows(rows);
  }
}
