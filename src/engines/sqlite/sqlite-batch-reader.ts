/**
 * Main-thread side of a RowBatch (sqlite-protocol.ts, packed by sqlite-batch-encoder.ts): rebuilds
 * its rows, a slice of at most maxRows at a time, so a large batch is handed on as several events.
 */
import type { Row, Value } from '../../core/result.js';
import { TAG_NULL, TAG_NUMBER, TAG_TEXT, type RowBatch } from './sqlite-protocol.js';

export class BatchReader {
  private readonly numbers: Float64Array;
  private readonly tags: Uint8Array;
  private row = 0;
  private position = 0;
  private textAt = 0;
  private otherAt = 0;

  constructor(private readonly batch: RowBatch) {
    const values = batch.buffer.byteLength / 9;
    this.numbers = new Float64Array(batch.buffer, 0, values);
    this.tags = new Uint8Array(batch.buffer, values * 8, values);
  }

  /** The next rows (at most maxRows), or undefined when the batch is used up. */
  next(maxRows: number): Row[] | undefined {
    const { rowCount, columnCount, text, others } = this.batch;
    if (this.row >= rowCount) return undefined;
    const end = Math.min(rowCount, this.row + Math.max(1, maxRows));
    const numbers = this.numbers;
    const tags = this.tags;
    let p = this.position;
    let t = this.textAt;
    let o = this.otherAt;
    const rows: Row[] = new Array(end - this.row);
    for (let r = 0; this.row < end; this.row++, r++) {
      const row: Value[] = new Array(columnCount);
      for (let c = 0; c < columnCount; c++, p++) {
        const tag = tags[p];
        if (tag === TAG_NUMBER) row[c] = numbers[p]!;
        else if (tag === TAG_TEXT) {
          const length = numbers[p]!;
          row[c] = text.slice(t, t + length);
          t += length;
        } else if (tag === TAG_NULL) row[c] = null;
        else row[c] = others[o++] as Value;
      }
      rows[r] = row;
    }
    this.position = p;
    this.textAt = t;
    this.otherAt = o;
    return rows;
  }
}
