/**
 * GitHub-flavoured Markdown table, streamed. The header is written once the first 1000 rows are in
 * (or at the end) so numeric columns (judged from their first non-NULL value in those rows) get a
 * right-aligned '---:' rule. In cells, control characters are escaped visibly, '|' becomes
 * '\|' and newlines '<br>'. Cells are not padded (Markdown renderers align them).
 */
import type { ColumnInfo, Row, Value } from '../core/result.js';
import { escapeForTerminal } from './escape.js';
import { formatValue, isNumericValue } from './format-value.js';
import { FIRST_ROWS } from './expanded-sink.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';

export function escapeMarkdownCell(text: string): string {
  return escapeForTerminal(text, true).replace(/\|/g, '\\|').replace(/\n/g, '<br>');
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

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    if (this.headerDone) return this.write('', batch);
    // the numeric rule reads the first FIRST_ROWS rows, however they were cut into batches
    for (const row of batch) this.first.push(row);
    if (this.first.length >= FIRST_ROWS) await this.writeFirst();
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
        text += '| ' + row.map((v) => this.cell(v)).join(' | ') + ' |\n';
        if (text.length > 16384) {
          await this.out.write(text);
          text = '';
        }
      }
    }
    if (text !== '') await this.out.write(text);
  }

  async end(_summary: ResultSummary): Promise<void> {
    if (!this.headerDone) await this.writeFirst();
  }
}
