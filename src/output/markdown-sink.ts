/**
 * GitHub-flavoured Markdown table, streamed. The header is written with the first batch (or at
 * end for zero rows) so numeric columns (judged from their first non-NULL value in that batch)
 * get a right-aligned '---:' rule. In cells, control characters are escaped visibly, '|' becomes
 * '\|' and newlines '<br>'. Cells are not padded (Markdown renderers align them).
 */
import type { ColumnInfo, Row, Value } from '../core/result.js';
import { escapeForTerminal } from './escape.js';
import { formatValue, isNumericValue } from './format-value.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';

export function escapeMarkdownCell(text: string): string {
  return escapeForTerminal(text, true).replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

export class MarkdownSink implements ResultSink {
  private columns: readonly ColumnInfo[] = [];
  private headerDone = false;
  private results = 0;

  constructor(
    private readonly out: TextOutput,
    private readonly options: { readonly nullString: string; readonly header: boolean },
  ) {}

  begin(columns: readonly ColumnInfo[]): void {
    this.columns = columns;
    this.headerDone = false;
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
    let text = this.headerDone ? '' : this.header(batch);
    if (this.columns.length === 0) return text === '' ? undefined : this.out.write(text);
    for (const row of batch) {
      text += '| ' + row.map((v) => this.cell(v)).join(' | ') + ' |\n';
    }
    await this.out.write(text);
  }

  async end(_summary: ResultSummary): Promise<void> {
    if (!this.headerDone) {
      const text = this.header([]);
      if (text !== '') await this.out.write(text);
    }
  }
}
