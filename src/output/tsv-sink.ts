/**
 * Tab-separated values in PostgreSQL COPY text style: backslash, tab, LF and CR inside values
 * are written as \\ \t \n \r; NULL is written as the null string unescaped (default '').
 * Streamed batch by batch; header line unless options.header is false.
 */
import type { ColumnInfo, Row, Value } from '../core/result.js';
import { formatValue } from './format-value.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_G = /[\\\t\n\r]/g;
const REPL: Readonly<Record<string, string>> = Object.freeze({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' });

/** COPY-text escaping of one field. */
export function escapeTsvField(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_G, (c) => REPL[c]!) : text;
}

export class TsvSink implements ResultSink {
  constructor(
    private readonly out: TextOutput,
    private readonly options: { readonly nullString: string; readonly header: boolean },
  ) {}

  private value(v: Value): string {
    return v === null ? this.options.nullString : escapeTsvField(formatValue(v, ''));
  }

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    if (!this.options.header || columns.length === 0) return;
    await this.out.write(columns.map((c) => escapeTsvField(c.name)).join('\t') + '\n');
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    let text = '';
    for (const row of batch) {
      let line = '';
      for (let i = 0; i < row.length; i++) {
        if (i > 0) line += '\t';
        line += this.value(row[i]!);
      }
      text += line + '\n';
    }
    await this.out.write(text);
  }

  end(_summary: ResultSummary): void {}
}
