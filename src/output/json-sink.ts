/**
 * One JSON array of objects per result set, streamed: '[' at begin, one object per line as rows
 * arrive, ']' at end. Value rules in json-value.ts.
 */
import type { ColumnInfo, Row } from '../core/result.js';
import { jsonObject, uniqueJsonKeys } from './json-value.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';

export class JsonSink implements ResultSink {
  private keys: string[] = [];
  private count = 0;

  constructor(private readonly out: TextOutput) {}

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    this.keys = uniqueJsonKeys(columns);
    this.count = 0;
    await this.out.write('[');
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    let text = '';
    for (const row of batch) {
      text += (this.count++ === 0 ? '\n' : ',\n') + jsonObject(this.keys, row);
    }
    await this.out.write(text);
  }

  async end(_summary: ResultSummary): Promise<void> {
    await this.out.write(this.count === 0 ? ']\n' : '\n]\n');
  }
}
