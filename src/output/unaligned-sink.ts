/**
 * psql's unaligned format (`-A`, `\a`, `\pset format unaligned`), byte for byte as psql writes it:
 *
 * - the header: the column names joined by the field separator (left out with tuples only);
 * - each row: its values as they are (no escaping, no padding) joined by the field separator;
 *   NULL is the null string (psql's default: empty); booleans are psql's t and f (this is psql's
 *   format: `[ "$(sqlsh -At -c 'select exists ...')" = t ]` in a Makefile keeps working);
 * - records (header, rows, footer) are separated by the record separator, and the last record
 *   ends with a newline whatever the record separator is, or with a zero byte when the record
 *   separator is the zero byte (`-0`, for `xargs -0`);
 * - the footer `(N rows)` / `(1 row)` is a record of its own, unless footer is off (`-t` turns
 *   off both header and footer).
 *
 * A result with no columns and no footer writes nothing. Rows stream batch by batch; one write per batch.
 */
import type { ColumnInfo, Row } from '../core/result.js';
import { formatValue } from './format-value.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';

export interface UnalignedOptions {
  readonly nullString: string;
  /** Header line (off with tuples only). */
  readonly header: boolean;
  /** The `(N rows)` footer (off with tuples only or `\pset footer off`). */
  readonly footer: boolean;
  /** Between values; psql's default '|'; '\0' for -z. */
  readonly fieldSeparator?: string;
  /** Between records; psql's default '\n'; '\0' for -0. */
  readonly recordSeparator?: string;
}

export class UnalignedSink implements ResultSink {
  private readonly fs: string;
  private readonly rs: string;
  /** A record was written and wants a separator before the next one. */
  private open = false;

  constructor(
    private readonly out: TextOutput,
    private readonly options: UnalignedOptions,
  ) {
    this.fs = options.fieldSeparator ?? '|';
    this.rs = options.recordSeparator ?? '\n';
  }

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    if (!this.options.header) return;
    // psql ends the header record even when it is empty (a result without columns).
    this.open = true;
    if (columns.length > 0) await this.out.write(columns.map((c) => c.name).join(this.fs));
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    const { fs, rs } = this;
    const nullString = this.options.nullString;
    let text = '';
    for (const row of batch) {
      if (row.length === 0) continue; // psql prints cells: a row without columns prints nothing
      if (this.open) text += rs;
      for (let i = 0; i < row.length; i++) {
        if (i > 0) text += fs;
        const v = row[i]!;
        text += typeof v === 'boolean' ? (v ? 't' : 'f') : formatValue(v, nullString);
      }
      this.open = true;
    }
    await this.out.write(text);
  }

  async end(summary: ResultSummary): Promise<void> {
    let text = '';
    if (this.options.footer) {
      if (this.open) text += this.rs;
      text += `(${summary.rowCount} ${summary.rowCount === 1 ? 'row' : 'rows'})`;
      this.open = true;
    }
    if (this.open) text += this.rs === '\0' ? '\0' : '\n';
    this.open = false;
    if (text !== '') await this.out.write(text);
  }
}
