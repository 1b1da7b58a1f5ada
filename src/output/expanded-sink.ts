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
import { escapeCell, escapeForTerminal } from './escape.js';
import { footerLines, type ResultSegment, type ResultSink, type ResultSummary, type TextOutput } from './sink.js';
import { CopyTextInput } from './table-copy-text.js';
import { cellLines, valueCell } from './table-layout.js';
import type { BorderStyle, RuleChars } from './table-style.js';

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
  /** psql's own footer lines after the records (RenderOptions.footers): after a blank line, or under border 2's bottom rule. */
  readonly footers?: readonly string[];
  /**
   * false: tuples only (psql's \t): no `-[ RECORD n ]` labels; records after the first start with
   * a rule (`------+----`), as psql draws them. Default true.
   */
  readonly header?: boolean;
  /** Visual lines kept per value when fitting a terminal. */
  readonly maxLines?: number;
  /**
   * psql's wrapped format (RenderOptions.wrapped): the width records fit. When a record is wider, its
   * values are cut by characters, with psql's wrap marks, to what is left beside the names (at least
   * 3, and enough for the `-[ RECORD n ]` label); the record rule is as wide as the cut values.
   */
  readonly wrapColumns?: number;
  /** A part of a result printed in parts (psql's FETCH_COUNT): RenderOptions.segment. */
  readonly segment?: ResultSegment;
}

export class ExpandedSink implements ResultSink {
  private names: string[] = [];
  private nameWidths: number[] = [];
  /** Each column name's lines (a name can hold a newline) and whether any has more than one. */
  private nameLines: { readonly text: string; readonly width: number }[][] = [];
  private namesMultiline = false;
  private nameWidth = 0;
  private count = 0;
  private results = 0;
  /** The value width every record header of this result is drawn for (set by the first rows). */
  private headerValueWidth: number | undefined;
  /** The first rows, held until FIRST_ROWS are in (or the result ends). */
  private first: Row[] = [];
  /** psql's wrapped format: the width values are cut to (set with the first rows' header width). */
  private wrapWidth: number | undefined;

  constructor(
    private readonly out: TextOutput,
    private readonly options: ExpandedOptions,
  ) {}

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    this.names = columns.map((c) => escapeCell(c.name));
    this.nameLines = this.names.map((n) => n.split('\n').map((text) => ({ text, width: displayWidth(text) })));
    this.nameWidths = this.nameLines.map((ls) => Math.max(...ls.map((l) => l.width)));
    this.nameWidth = Math.max(0, ...this.nameWidths);
    this.namesMultiline = this.nameLines.some((ls) => ls.length > 1);
    this.count = this.options.segment?.priorRows ?? 0; // (a later part's records go on from the rows before)
    this.headerValueWidth = undefined;
    this.wrapWidth = undefined;
    this.first = [];
    this.copy = undefined;
    this.prefixes = [];
    if (this.results++ > 0) await this.out.write('\n');
    if (this.options.title !== undefined && this.options.header !== false && !this.options.segment?.continued) await this.out.write(`${escapeForTerminal(this.options.title)}\n`);
  }

  private layout(row: Row): Laid {
    const { style, nullString } = this.options;
    const cols = this.out.columns;
    const wrapped = this.options.wrapColumns !== undefined;
    // psql's wrapped format cuts to wrapWidth, by characters; else the shell's screen is fitted
    const cap = wrapped ? (this.wrapWidth ?? Number.MAX_SAFE_INTEGER) : cols !== undefined && cols > 0 ? Math.max(10, cols - this.nameWidth - 3) : Number.MAX_SAFE_INTEGER;
    const maxLines = !wrapped && cols !== undefined && cols > 0 ? (this.options.maxLines ?? 50) : Number.MAX_SAFE_INTEGER;
    const values = row.map((v) => {
      const cell = valueCell(v, nullString, this.options.psqlBooleans);
      return { cell, lines: cellLines(cell, Math.min(cap, Math.max(cell.width, 1)), style, maxLines, wrapped) };
    });
    let width = 0;
    for (const v of values) for (const l of v.lines) width = Math.max(width, l.width);
    return { values, width };
  }

  /**
   * A record's header line (`-[ RECORD 3 ]--+----`), or with record 0 the rule between records of
   * tuples-only output, as psql draws them for each border: the label, then the rule over the names,
   * the junction over the separator, the rule over the values.
   */
  private recordLine(record: number, valueWidth: number, rule: RuleChars): string {
    const border = this.options.style.border;
    const hwidth = this.nameWidth + (this.oldAsciiNameMarks ? 1 : 0);
    const fill = (k: number): string => (k > 0 ? (border > 0 ? rule.fill : ' ').repeat(k) : '');
    let out = border === 2 ? rule.left + rule.fill : border === 1 ? rule.fill : '';
    let len = 0;
    if (record > 0) {
      const label = border === 0 ? `* Record ${record}` : `[ RECORD ${record} ]`;
      out += label;
      len = label.length;
    }
    if (border !== 2) len++;
    out += fill(hwidth - len);
    len -= hwidth;
    if (border > 0) {
      if (len-- <= 0) out += rule.fill;
      if (len-- <= 0) out += rule.mid;
      if (len-- <= 0) out += rule.fill;
    } else if (len-- <= 0) out += ' ';
    if (len < 0) len = 0;
    out += fill(Math.max(valueWidth, len) - len);
    if (border === 2) out += rule.fill + rule.right;
    return out + '\n';
  }

  /** Before a record: its header line, or in tuples-only output the rule between records (and psql's top rule with border 2). */
  private recordStart(n: number, valueWidth: number): string {
    const { style } = this.options;
    const rule = n === 1 ? style.recordTop : style.recordMiddle;
    if (this.names.length === 0) {
      // psql's records of no columns (`select;`) print as an empty result: nothing but the row count (end())
      if (this.options.blankLineAfter) return '';
      return this.options.header === false ? '' : `${style.border === 0 ? '* Record' : `${rule.fill}[ RECORD`} ${n}${style.border === 0 ? '' : ' ]'}\n`;
    }
    if (this.options.header !== false) return this.recordLine(n, valueWidth, rule);
    return n > 1 || style.border === 2 ? this.recordLine(0, valueWidth, rule) : '';
  }

  /** psql's old-ascii style with a name on several lines keeps a column for the name's marks. */
  private get oldAsciiNameMarks(): boolean {
    return this.options.style.oldAscii && this.options.style.border < 2 && this.namesMultiline;
  }

  private record(laid: Laid): string {
    const { style, color } = this.options;
    const { border } = style;
    const { values } = laid;
    const valueWidth = this.headerValueWidth ?? laid.width;
    const n = ++this.count;
    let out = this.recordStart(n, valueWidth);
    const old = style.oldAscii;
    const hmulti = this.namesMultiline;
    // psql: marks after a value's line that goes on with border 2 or (not old-ascii) when it does go on
    const rightMarks = border === 2 || !old;
    const nameMarks = border > 0 || (hmulti && !old);
    for (let i = 0; i < this.names.length; i++) {
      const v = values[i];
      const lines = v?.lines ?? [{ text: '', width: 0, mark: ' ', start: 'first' as const }];
      const nameLines = this.nameLines[i]!;
      let h = 0;
      let d = 0;
      while (h < nameLines.length || d < lines.length) {
        let line = border === 2 ? style.left : '';
        if (h < nameLines.length) {
          if (border === 2 || (hmulti && old)) line += h > 0 ? style.headerNewlineLeft : ' ';
          const nl = nameLines[h]!;
          line += nl.text + ' '.repeat(Math.max(0, this.nameWidth - nl.width));
          if (nameMarks) line += h < nameLines.length - 1 ? style.headerNewlineRight : ' ';
          h++;
        } else {
          let sw = this.nameWidth + border;
          if (border < 2 && hmulti && old) sw++;
          if (border === 0 && !old && hmulti) sw++;
          line += ' '.repeat(Math.max(1, sw));
        }
        const l = lines[d];
        if (border > 0) {
          if (l === undefined) {
            // psql's rule beside a name's later line, once the value is out: as if continuing the value's last line
            const last = lines[lines.length - 1]!;
            line += last.text !== '' ? style.midWrap : lines.some((x) => x.start === 'newline') ? style.midNewline : style.recordSep;
          } else line += l.start === 'first' ? style.recordSep : l.start === 'wrap' ? style.midWrap : style.midNewline;
        }
        if (l === undefined) {
          out += border < 2 ? line + '\n' : line + ' '.repeat(valueWidth) + '  ' + style.right + '\n';
          continue;
        }
        let text = l.text;
        if (v?.cell.isNull && color && text !== '') text = '\x1b[2m' + text + '\x1b[22m';
        line += (l.start === 'wrap' ? style.wrapLeft : ' ') + text;
        const next = lines[d + 1];
        if (next) {
          if (rightMarks) line += ' '.repeat(Math.max(0, valueWidth - l.width)) + (next.start === 'wrap' ? style.wrapMark : style.newlineMark);
        } else if (border === 2) line += ' '.repeat(Math.max(0, valueWidth - l.width)) + ' ';
        if (border === 2) line += style.right;
        out += line + '\n'; // as psql: a value's own trailing spaces stay
        d++;
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
    const columns = this.options.wrapColumns;
    if (columns !== undefined) {
      // psql: the names, the separator (border 0: a space, 1: ` | `, 2: `| ` ` | ` ` |`) and the values
      const { border } = this.options.style;
      // (as psql counts it: a name's newline mark after it with border 0 in ascii, not old-ascii's mark before it)
      const hwidth = this.nameWidth + (border === 0 && this.namesMultiline && !this.options.style.oldAscii ? 1 : 0);
      const separators = border === 0 ? 1 : border === 1 ? 3 : 7;
      if (hwidth + separators + width > columns) {
        // beside a cut value's line its wrap mark takes a column (border 2: the space before the frame)
        const taken = hwidth + separators + (border < 2 ? 1 : 0);
        const records = first.length;
        const label = this.options.header === false ? 0 : border === 0 ? `* Record ${records}`.length : `[ RECORD ${records} ]`.length + (border === 1 ? 1 : 4);
        this.wrapWidth = Math.max(3, columns - taken, label - taken);
        width = Math.min(width, this.wrapWidth);
      }
    }
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
  /** Record header lines by the digits of the record number: the text before the number and after it. */
  private labelParts: [Buffer, Buffer][] = [];
  private scan = new RowScanner(0);

  private copyLinesOut(lines: Buffer, numeric: readonly boolean[], booleans: readonly boolean[] | undefined): Promise<void> {
    const cols = this.out.columns;
    const n = this.names.length;
    const byLine = this.options.style.border === 2 || this.namesMultiline; // lines padded on the right, names on several lines
    if (this.headerValueWidth === undefined || (cols !== undefined && cols > 0) || this.wrapWidth !== undefined || this.options.color || n === 0 || numeric.length !== n || byLine) {
      return this.copy!.asRows(this, lines, numeric, booleans);
    }
    if (this.prefixes.length === 0) this.startBytes();
    return this.writeLines(lines, numeric, booleans);
  }

  private startBytes(): void {
    const { style, nullString } = this.options;
    const sep = style.border === 0 ? ' ' : ' ' + style.recordSep + ' ';
    this.prefixes = this.names.map((name, i) => Buffer.from(padEndToWidth(name, this.nameWidth, this.nameWidths[i]) + sep));
    const nullLines = cellLines(valueCell(null, nullString), Number.MAX_SAFE_INTEGER, style, Number.MAX_SAFE_INTEGER);
    this.nullBytes = nullLines.length === 0 ? Buffer.alloc(0) : nullLines.length === 1 ? Buffer.from(nullLines[0]!.text) : undefined;
    this.labelParts = [];
    this.scan = new RowScanner(this.names.length);
  }

  /** A later record's header line cut around its number (the same for every number of that many digits). */
  private labelAround(digits: number, valueWidth: number): [Buffer, Buffer] {
    const probe = 10 ** (digits - 1);
    const line = this.options.header === false ? '' : this.recordLine(probe, valueWidth, this.options.style.recordMiddle);
    const at = line.search(/(RECORD|Record) /) + 7;
    return [Buffer.from(line.slice(0, at)), Buffer.from(line.slice(at + digits))];
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
        const count = ++this.count;
        if (count === 1 || this.options.header === false) w.text(this.recordStart(count, valueWidth));
        else {
          const digits = String(count).length;
          const [before, after] = (this.labelParts[digits] ??= this.labelAround(digits, valueWidth));
          w.reserve(before.length + digits + after.length);
          w.copy(before, 0, before.length);
          w.pos += w.buf.write(String(count), w.pos, 'latin1');
          w.copy(after, 0, after.length);
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
    const segment = this.options.segment;
    if (segment?.open) return; // (more parts follow)
    summary = { ...summary, rowCount: (segment?.priorRows ?? 0) + summary.rowCount };
    // psql's footer in expanded mode: only for an empty result, where there is no record to show
    const { style } = this.options;
    const bottom = style.border === 2 && this.count > 0 && this.names.length > 0 ? this.recordLine(0, this.headerValueWidth ?? 0, style.recordBottom) : '';
    const noColumns = this.names.length === 0 && this.options.blankLineAfter === true;
    const footers = footerLines(this.options, summary.rowCount, summary.rowCount === 0 || noColumns);
    const gap = this.options.footers && footers.length > 0 && style.border !== 2 && this.count > 0 && !noColumns ? '\n' : '';
    const text = bottom + gap + footers.map((l) => `${escapeForTerminal(l)}\n`).join('') + (this.options.blankLineAfter ? '\n' : '');
    if (text !== '') await this.out.write(text);
  }
}
