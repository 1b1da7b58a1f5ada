/**
 * The mysql client's batch output (`mysql -B`, or any `mysql ... < script.sql` to a file or pipe), as the
 * MariaDB client writes it: the column names (as they are, unescaped), then one line per row, values joined by tabs, NULL as the
 * null string (`NULL`); in values a zero byte, tab, newline and backslash are written `\0`, `\t`, `\n`,
 * `\\`; binary values are their bytes (read as UTF-8), not hex. (A result without rows shows nothing
 * on the client's command line: RenderOptions.hideEmptyResults, for every format.)
 */
import type { ColumnInfo, Row, Value } from '../core/result.js';
import { formatValue } from './format-value.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';
import { bytesText } from '../core/surrogate-escape.js';

const SPECIAL = /[\0\t\n\\]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\0': '\\0', '\t': '\\t', '\n': '\\n', '\\': '\\\\' };

/** The client's escaping of one value (its safe_put_field in batch mode). */
export function mysqlBatchField(text: string): string {
  return text.replace(SPECIAL, (c) => ESCAPES[c]!);
}

export class MysqlBatchSink implements ResultSink {
  private names: readonly string[] = [];

  constructor(
    private readonly out: TextOutput,
    private readonly o: { readonly nullString: string; readonly header: boolean },
  ) {}

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    this.names = columns.map((c) => c.name);
    // the names as they are: the client escapes values only (`select 1 as 'a\\b'` heads its column a\b)
    if (this.o.header && columns.length > 0) await this.out.write(`${this.names.join('\t')}\n`);
  }

  private value(v: Value | undefined): string {
    if (v === null || v === undefined) return this.o.nullString;
    if (v instanceof Uint8Array) return mysqlBatchField(bytesText(v));
    return mysqlBatchField(formatValue(v, ''));
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    let text = '';
    for (const row of batch) text += `${this.names.map((_, i) => this.value(row[i])).join('\t')}\n`;
    await this.out.write(text);
  }

  end(_summary: ResultSummary): void {}
}
