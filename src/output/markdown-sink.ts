/**
 * GitHub-flavoured Markdown table, streamed. The header is written once the first 1000 rows are in
 * (or at the end) so numeric columns (judged from their first non-NULL value in those rows) get a
 * right-aligned '---:' rule. In cells, control characters are escaped visibly, '|' becomes
 * '\|' and newlines '<br>'. Cells are not padded (Markdown renderers align them).
 * Rows given as COPY text (copyText(), to a file or pipe) are written on bytes once the header is
 * out: a value of printable ASCII without a backslash is its own bytes ('|' escaped), no string made.
 * Rows the engine wrote as table rows (ExecuteOptions.markdown: PostgreSQL) come to bytes().
 */
import type { ColumnInfo, Row, Value } from '../core/result.js';
import { copyTextValue } from '../core/copy-text-rows.js';
import { NULL, PLAIN, RowScanner } from './copy-text-lines.js';
import { CopyTextInput } from './table-copy-text.js';
import { escapeCell } from './escape.js';
import { formatValue, isNumericValue } from './format-value.js';
import { FIRST_ROWS } from './expanded-sink.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';
import { writeBytes } from './stream-output.js';

const NL = 0x0a;
const SP = 0x20;
const PIPE = 0x7c;
const BACKSLASH = 0x5c;

export function escapeMarkdownCell(text: string): string {
  return escapeCell(text).replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

export class MarkdownSink implements ResultSink {
  private columns: readonly ColumnInfo[] = [];
  private headerDone = false;
  private results = 0;
  /** The first rows, held until FIRST_ROWS are in (or the result ends). */
  private first: Row[] = [];

  constructor(
    private readonly out: TextOutput,
    private readonly options: { readonly nullString: string; readonly header: boolean },
  ) {}

  begin(columns: readonly ColumnInfo[]): void {
    this.columns = columns;
    this.headerDone = false;
    this.first = [];
    this.copy = undefined;
  }

  private header(first: readonly Row[]): string {
    this.headerDone = true;
    const sep = this.results++ > 0 ? '\n' : '';
    if (this.columns.length === 0) return sep;
    const names = this.columns.map((c) => (this.options.header ? escapeMarkdownCell(c.name) : ' '));
    const rules = this.columns.map((_, i) => {
      const v = first.find((r) => r[i] !== null && r[i] !== undefined)?.[i];
      return v !== undefined && isNumericValue(v) ? '---:' : '---';
    });
    return sep + '| ' + names.join(' | ') + ' |\n| ' + rules.join(' | ') + ' |\n';
  }

  private cell(v: Value): string {
    return escapeMarkdownCell(formatValue(v, this.options.nullString));
  }

  private rowText(row: Row): string {
    return '| ' + row.map((v) => this.cell(v)).join(' | ') + ' |\n';
  }

  private rowsText(rows: readonly Row[]): string {
    let text = '';
    for (const row of rows) text += this.rowText(row);
    return text;
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    if (this.headerDone) return this.write('', batch);
    // the numeric rule reads the first FIRST_ROWS rows, however they were cut into batches
    const take = Math.min(batch.length, FIRST_ROWS - this.first.length);
    for (let i = 0; i < take; i++) this.first.push(batch[i]!);
    if (this.first.length < FIRST_ROWS) return;
    await this.writeFirst();
    if (take < batch.length) await this.write('', batch.slice(take));
  }

  private writeFirst(): void | Promise<void> {
    const first = this.first;
    this.first = [];
    return this.write(this.header(first), first);
  }

  /** text, then the rows, in pieces of about 64 KB. */
  private async write(text: string, rows: readonly Row[]): Promise<void> {
    if (this.columns.length > 0) {
      for (const row of rows) {
        text += this.rowText(row);
        if (text.length > 16384) {
          await this.out.write(text);
          text = '';
        }
      }
    }
    if (text !== '') await this.out.write(text);
  }

  /** Table rows the engine wrote (ExecuteOptions.markdown), after the first rows, which came as COPY text. */
  async bytes(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    if (!this.headerDone) await this.writeFirst(); // the COPY text before held whole rows: all are in
    await writeBytes(this.out, bytes);
  }

  private copy: CopyTextInput | undefined;

  /** Rows as COPY text (ResultEvent 'copy-text', sent for a file or pipe): rows until the header is out, then bytes. */
  async copyText(bytes: Uint8Array, numeric: readonly boolean[], booleans?: readonly boolean[]): Promise<void> {
    await (this.copy ??= new CopyTextInput((lines, n, b) => this.copyLinesOut(lines, n, b))).push(bytes, numeric, booleans);
  }

  private async copyLinesOut(lines: Buffer, numeric: readonly boolean[], booleans: readonly boolean[] | undefined): Promise<void> {
    const n = this.columns.length;
    if (!this.headerDone || n === 0 || numeric.length !== n || this.out.isTTY) {
      return this.copy!.asRows(this, lines, numeric, booleans);
    }
    const w = this.copy!.bytes(this.out);
    const nullBytes = Buffer.from(this.cell(null));
    const scan = new RowScanner(n);
    const { starts, ends, kinds } = scan;
    for (let p = 0; p < lines.length; ) {
      const lineStart = p;
      p = scan.row(lines, p);
      if (!scan.whole) {
        w.text(this.rowsText(this.copy!.rows(lines.subarray(lineStart, p), numeric, booleans)));
        continue;
      }
      // '| ' + values joined by ' | ' + ' |\n'; a '|' in a value doubles at most its bytes
      w.reserve(3 * n + 4);
      w.buf[w.pos++] = PIPE;
      for (let i = 0; i < n; i++) {
        w.buf[w.pos++] = SP;
        const kind = kinds[i];
        if (kind === PLAIN) {
          w.reserve(2 * (ends[i]! - starts[i]!) + 3 * (n - i) + 2);
          const buf = w.buf;
          let pos = w.pos;
          for (let k = starts[i]!, e = ends[i]!; k < e; k++) {
            const c = lines[k]!;
            if (c === PIPE) buf[pos++] = BACKSLASH;
            buf[pos++] = c;
          }
          w.pos = pos;
        } else if (kind === NULL) {
          w.reserve(nullBytes.length + 3 * (n - i) + 2);
          w.copy(nullBytes, 0, nullBytes.length);
        } else w.text(this.cell(copyTextValue(lines, starts[i]!, ends[i]!)));
        w.reserve(3 * (n - i) + 2);
        w.buf[w.pos++] = SP;
        w.buf[w.pos++] = PIPE;
      }
      w.buf[w.pos++] = NL;
      const flushed = w.flush();
      if (flushed) await flushed;
    }
    await w.flush(true);
  }

  async end(_summary: ResultSummary): Promise<void> {
    await this.copy?.end();
    if (!this.headerDone) await this.writeFirst();
  }
}
