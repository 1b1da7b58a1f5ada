/**
 * Worker side of a RowBatch (sqlite-protocol.ts): packs the raw rows of better-sqlite3 (raw mode,
 * safe integers) into a few flat pieces. Copying one Float64Array, one tag array and one joined
 * string between threads costs several times less than a small array per row with a number or a
 * string per cell; the main thread rebuilds the rows (sqlite-batch-reader.ts).
 *
 * A batch is full at its row target (the caller's batch size, fewer for results of very many
 * columns), or earlier when its text and blobs pass BYTE_BUDGET: a batch of wide rows stays small.
 */
import { TAG_NUMBER, TAG_OTHER, TAG_TEXT, type RowBatch } from './sqlite-protocol.js';

/** Characters of text plus bytes of blobs after which a batch is sent, whatever its row count. */
export const BYTE_BUDGET = 1024 * 1024;
/** Values (rows * columns) of a batch at most. */
export const MAX_BATCH_VALUES = 65_536;

export class BatchEncoder {
  private numbers!: Float64Array;
  private tags!: Uint8Array;
  private buffer!: ArrayBuffer;
  private texts: string[] = [];
  private others: unknown[] = [];
  private bytes = 0;
  private rows = 0;
  private position = 0;
  private readonly targetRows: number;

  /**
   * Batches of at most batchSize rows of columnCount values each. exactText(column): the current
   * row's TEXT value there when it is not valid UTF-8 (bytes escaped, core/surrogate-escape.ts);
   * asked only for text holding U+FFFD, which is what the driver makes of such bytes.
   */
  constructor(
    private readonly columnCount: number,
    batchSize: number,
    private readonly exactText?: (column: number) => string | undefined,
    /** INTEGER as bigint, so that a REAL (a number) is told apart (ExecuteOptions.sqlite3Values). */
    private readonly sqlite3Values = false,
  ) {
    this.targetRows = Math.max(1, Math.min(batchSize, Math.floor(MAX_BATCH_VALUES / Math.max(1, columnCount))));
    this.start();
  }

  /** Starts an empty batch (the previous one was taken). */
  private start(): void {
    const capacity = this.targetRows * this.columnCount;
    this.buffer = new ArrayBuffer(capacity * 9);
    this.numbers = new Float64Array(this.buffer, 0, capacity);
    this.tags = new Uint8Array(this.buffer, capacity * 8, capacity);
    this.texts = [];
    this.others = [];
    this.bytes = 0;
    this.rows = 0;
    this.position = 0;
  }

  get rowCount(): number {
    return this.rows;
  }

  get full(): boolean {
    return this.rows >= this.targetRows || this.bytes >= BYTE_BUDGET;
  }

  /** Adds one raw row of columnCount values (the caller sends the batch once it is full). */
  add(raw: readonly unknown[]): void {
    const numbers = this.numbers;
    const tags = this.tags;
    let p = this.position;
    const n = this.columnCount;
    for (let i = 0; i < n; i++, p++) {
      const v = raw[i];
      switch (typeof v) {
        case 'bigint': {
          // Number(v) is exact iff v is within ±(2^53-1); beyond, it is not a safe integer.
          // (the sqlite3 shell's values keep INTEGER as bigint: a REAL then stays a number, told apart)
          const asNumber = Number(v);
          if (Number.isSafeInteger(asNumber) && !this.sqlite3Values) {
            numbers[p] = asNumber;
            tags[p] = TAG_NUMBER;
          } else {
            this.others.push(v);
            tags[p] = TAG_OTHER;
          }
          break;
        }
        case 'string': {
          // A one-byte string cannot hold U+FFFD: V8 answers this without scanning it.
          const text = v.indexOf('\ufffd') !== -1 ? (this.exactText?.(i) ?? v) : v;
          this.texts.push(text);
          numbers[p] = text.length;
          this.bytes += text.length;
          tags[p] = TAG_TEXT;
          break;
        }
        case 'number':
          numbers[p] = v;
          tags[p] = TAG_NUMBER;
          break;
        default:
          if (v !== null && v !== undefined) {
            // A Buffer may be a view on a shared pool: copy it into its own exact-size array.
            const bytes = v instanceof Uint8Array ? new Uint8Array(v) : v;
            this.bytes += bytes instanceof Uint8Array ? bytes.byteLength : 0;
            this.others.push(bytes);
            tags[p] = TAG_OTHER;
          } // else NULL: the tag is already TAG_NULL (0)
      }
    }
    this.position = p;
    this.rows++;
  }

  /** The batch so far, and its buffer to transfer (no longer usable here); the encoder starts a new batch. */
  take(): { readonly batch: RowBatch; readonly transfer: ArrayBuffer } {
    const batch: RowBatch = {
      rowCount: this.rows,
      columnCount: this.columnCount,
      buffer: this.buffer,
      text: this.texts.join(''),
      others: this.others,
    };
    this.start();
    return { batch, transfer: batch.buffer };
  }
}
