/** JSON Lines: one JSON object per row per line, streamed. Value rules in json-value.ts. */
import type { ColumnInfo, Row } from '../core/result.js';
import { jsonObject, uniqueJsonKeys } from './json-value.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';

export class JsonlSink implements ResultSink {
  private keys: string[] = [];

  constructor(private readonly out: TextOutput) {}

  begin(columns: readonly ColumnInfo[]): void {
    this.keys = uniqueJsonKeys(columns);
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    let text = '';
    for (const row of batch) text += jsonObject(this.keys, row) + '\n';
    await this.out.write(text);
  }

  end(_summary: ResultSummary): void {}
}
