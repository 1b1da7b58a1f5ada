/**
 * The mysql client's vertical records (`\G` at the end of a statement, `mysql -E`), byte for byte as
 * the mariadb client writes them to a file or pipe:
 *
 *   *************************** 1. row ***************************
 *      id: 1
 *    title: two
 *   lines
 *
 * - each record starts with 27 stars, ` N. row `, 27 stars (N counts from 1 in each result);
 * - each column is `name: value`, the names right-aligned to the longest one, measured in bytes
 *   of UTF-8 as the client does;
 * - values are written as they are (no escaping, a newline stays a newline), NULL as `NULL`;
 * - with the column names left out (`-N`, skip-column-names) a record is its values, one a line;
 * - no footer, and an empty result writes nothing (the client prints `N rows in set` only at a terminal).
 *
 * On a terminal the caller escapes control characters (create-sink.ts); rows stream batch by batch.
 */
import type { ColumnInfo, Row } from '../core/result.js';
import { formatValue } from './format-value.js';
import type { ResultSink, TextOutput } from './sink.js';

const STARS = '*'.repeat(27);

export class VerticalSink implements ResultSink {
  private labels: string[] = [];
  private count = 0;

  constructor(
    private readonly out: TextOutput,
    private readonly options: { readonly nullString: string; readonly header?: boolean },
  ) {}

  begin(columns: readonly ColumnInfo[]): void {
    const bytes = columns.map((c) => Buffer.byteLength(c.name, 'utf8'));
    const width = Math.max(0, ...bytes);
    this.labels = columns.map((c, i) => (this.options.header === false ? '' : `${' '.repeat(width - bytes[i]!)}${c.name}: `));
    this.count = 0;
  }

  async rows(batch: readonly Row[]): Promise<void> {
    let text = '';
    for (const row of batch) {
      text += `${STARS} ${++this.count}. row ${STARS}\n`;
      // a zero byte is written as a space, as the client writes it
      for (let i = 0; i < this.labels.length; i++) text += `${this.labels[i]}${formatValue(row[i] ?? null, this.options.nullString).replace(/\0/g, ' ')}\n`;
    }
    if (text !== '') await this.out.write(text);
  }

  end(): void {}
}
