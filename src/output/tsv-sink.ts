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

/** The tsv text of rows, synchronously (the sink's formatter, also used where rows are read: the SQLite engine). */
export class TsvFormat {
  constructor(private readonly nullString: string) {}

  private value(v: Value): string {
    return v === null ? this.nullString : escapeTsvField(formatValue(v, ''));
  }

  /** The header line for these column names. */
  header(names: readonly string[]): string {
    return names.map((n) => escapeTsvField(n)).join('\t') + '\n';
  }

  /** Lines for the rows, each ending in '\n'. */
  rows(batch: readonly Row[]): string {
    let text = '';
    for (const row of batch) {
      let line = '';
      for (let i = 0; i < row.length; i++) {
        if (i > 0) line += '\t';
        line += this.value(row[i]!);
      }
      text += line + '\n';
    }
    return text;
  }
}

export class TsvSink implements ResultSink {
  private readonly format: TsvFormat;

  constructor(
    private readonly out: TextOutput,
    private readonly options: { readonly nullString: string; readonly header: boolean },
  ) {
    this.format = new TsvFormat(options.nullString);
  }

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    if (!this.options.header || columns.length === 0) return;
    await this.out.write(this.format.header(columns.map((c) => c.name)));
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    await this.out.write(this.format.rows(batch));
  }

  end(_summary: ResultSummary): void {}
}
