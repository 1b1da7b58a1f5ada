/**
 * RFC 4180 CSV, streamed batch by batch. Lines end with '\n' (like psql's csv format).
 * A field is quoted when it contains a comma, a double quote, CR or LF, or when it could be
 * mistaken for NULL: with the default null string '' an empty string is written as "" and NULL
 * as nothing; with another null string, a text equal to it is quoted. Data is written exactly
 * (no terminal escaping); blobs as \x hex, booleans true/false.
 */
import type { ColumnInfo, Row, Value } from '../core/result.js';
import { formatValue } from './format-value.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';

export interface CsvOptions {
  readonly nullString: string;
  readonly header: boolean;
  readonly delimiter?: string;
}

export class CsvSink implements ResultSink {
  private readonly delimiter: string;
  private readonly needsQuote: RegExp;

  constructor(
    private readonly out: TextOutput,
    private readonly options: CsvOptions,
  ) {
    this.delimiter = options.delimiter ?? ',';
    const d = this.delimiter.replace(/[\\\]^-]/g, '\\$&');
    this.needsQuote = new RegExp(`[${d}"\\r\\n]`);
  }

  private field(text: string): string {
    if (text === this.options.nullString || this.needsQuote.test(text)) {
      return '"' + text.replace(/"/g, '""') + '"';
    }
    return text;
  }

  private value(v: Value): string {
    if (v === null) return this.options.nullString;
    return this.field(formatValue(v, this.options.nullString));
  }

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    if (!this.options.header || columns.length === 0) return;
    await this.out.write(columns.map((c) => this.field(c.name)).join(this.delimiter) + '\n');
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    const lines: string[] = [];
    for (const row of batch) {
      let line = '';
      for (let i = 0; i < row.length; i++) {
        if (i > 0) line += this.delimiter;
        line += this.value(row[i]!);
      }
      lines.push(line);
    }
    await this.out.write(lines.join('\n') + '\n');
  }

  end(_summary: ResultSummary): void {}
}
