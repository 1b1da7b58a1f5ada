/**
 * The csv and tsv fast path of the SQLite engine (ExecuteOptions.csv, .tsv): rows are formatted
 * where they are read, and the consumer gets text to write instead of values to decode and format.
 *
 * The bytes are the ordinary path's: each raw row is turned into the values the main thread would
 * have decoded (sqlite-batch-encoder.ts/sqlite-batch-reader.ts: INTEGER within ±(2^53-1) as a
 * number, beyond as a bigint; blobs as bytes; TEXT that is not valid UTF-8 with its bytes escaped)
 * and written by the sink's own formatter (output/csv-sink.ts CsvFormat, output/tsv-sink.ts
 * TsvFormat), with no header (the main thread's sink wrote it). A batch is sent after batchSize rows or about BYTE_BUDGET characters.
 * Everything here is synchronous: the worker's loop never yields, so nothing may wait on a promise.
 */
import type { Value } from '../../core/result.js';
import { CsvFormat } from '../../output/csv-sink.js';
import { TsvFormat } from '../../output/tsv-sink.js';
import { BYTE_BUDGET } from './sqlite-batch-encoder.js';

const FORMAT_ROWS = 64;

/** Rows as text instead of values: csv or tsv with this null string (sqlite-protocol.ts). */
export interface TextRequest {
  readonly format: 'csv' | 'tsv';
  readonly nullString: string;
}

/** The same, or COPY text for the aligned table, or json/jsonl objects, which only the native helper writes (sqlite-server.ts). */
export interface FormatRequest {
  readonly format: 'csv' | 'tsv' | 'copy' | 'copy-raw' | 'json' | 'jsonl';
  readonly nullString: string;
}

export class CsvBatches {
  private readonly format: CsvFormat | TsvFormat;
  private rows: Value[][] = [];
  /** Text of the rows formatted so far (rows are formatted every FORMAT_ROWS: few stay alive long). */
  private parts: string[] = [];
  private count = 0;
  private chars = 0;

  constructor(
    columnCount: number,
    text: TextRequest,
    private readonly batchSize: number,
    private readonly exactText?: (column: number) => string | undefined,
  ) {
    this.format = text.format === 'tsv' ? new TsvFormat(text.nullString) : new CsvFormat({ nullString: text.nullString }, columnCount === 1);
  }

  get full(): boolean {
    return this.count >= this.batchSize || this.chars >= BYTE_BUDGET;
  }

  get rowCount(): number {
    return this.count;
  }

  /** Adds one raw row from the driver (raw mode, safe integers); the array is reused as the row. */
  add(raw: unknown[]): void {
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i];
      switch (typeof v) {
        case 'bigint': {
          const asNumber = Number(v);
          if (Number.isSafeInteger(asNumber)) raw[i] = asNumber;
          break;
        }
        case 'string':
          if (v.indexOf('\ufffd') !== -1) raw[i] = this.exactText?.(i) ?? v;
          this.chars += v.length;
          break;
        case 'object':
          if (v instanceof Uint8Array) this.chars += v.byteLength * 2;
          break;
        default:
          if (v === undefined) raw[i] = null;
      }
    }
    this.rows.push(raw as Value[]);
    this.count++;
    if (this.rows.length >= FORMAT_ROWS) {
      this.parts.push(this.format.rows(this.rows));
      this.rows = [];
    }
  }

  /** The text of the rows added since the last take. */
  take(): string {
    if (this.rows.length > 0) this.parts.push(this.format.rows(this.rows));
    const text = this.parts.join('');
    this.rows = [];
    this.parts = [];
    this.count = 0;
    this.chars = 0;
    return text;
  }
}
