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
 * Rows given as COPY text (copyText(), to a file or pipe) are written on bytes: a value of printable
 * ASCII without a backslash is its own bytes, no string made. Rows the engine wrote as these records
 * (ExecuteOptions.unaligned: PostgreSQL) come to bytes().
 */
import type { ColumnInfo, Row } from '../core/result.js';
import { copyTextValue } from '../core/copy-text-rows.js';
import { NULL, PLAIN, RowScanner } from './copy-text-lines.js';
import { formatValue } from './format-value.js';
import { CopyTextInput } from './table-copy-text.js';
import { footerLines, type ResultSink, type ResultSummary, type TextOutput } from './sink.js';
import { writeBytes } from './stream-output.js';

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
  /** psql's title (\\C): a record of its own before the header; not with tuples only. */
  readonly title?: string;
  /** psql's own footer lines, each a record, in place of `(N rows)` (RenderOptions.footers). */
  readonly footers?: readonly string[];
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

  private width = 0;

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    this.width = columns.length;
    this.copy = undefined;
    if (!this.options.header) return;
    // psql ends the header record even when it is empty (a result without columns).
    this.open = true;
    const title = this.options.title !== undefined ? this.options.title + this.rs : '';
    if (columns.length > 0 || title) await this.out.write(title + columns.map((c) => c.name).join(this.fs));
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    await this.out.write(this.rowsText(batch));
  }

  private rowsText(batch: readonly Row[]): string {
    const { fs, rs } = this;
    const nullString = this.options.nullString;
    let text = '';
    for (const row of batch) {
      if (row.length === 0) continue; // psql prints cells: a row without columns prints nothing
      if (this.open) text += rs;
      for (let i = 0; i < row.length; i++) {
        if (i > 0) text += fs;
        const v = row[i]!;
        text += formatValue(v, nullString, true); // psql's t and f
      }
      this.open = true;
    }
    return text;
  }

  /** Records the engine wrote (ExecuteOptions.unaligned), each after the record separator unless it is the first. */
  async bytes(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    this.open = true;
    await writeBytes(this.out, bytes);
  }

  private copy: CopyTextInput | undefined;

  /** Rows as COPY text (ResultEvent 'copy-text', sent for a file or pipe): written on bytes. */
  async copyText(bytes: Uint8Array, numeric: readonly boolean[], booleans?: readonly boolean[]): Promise<void> {
    await (this.copy ??= new CopyTextInput((lines, n, b) => this.copyLinesOut(lines, n, b))).push(bytes, numeric, booleans);
  }

  private async copyLinesOut(lines: Buffer, numeric: readonly boolean[], booleans: readonly boolean[] | undefined): Promise<void> {
    const n = this.width;
    if (n === 0 || numeric.length !== n || this.out.isTTY) {
      return this.copy!.asRows(this, lines, numeric, booleans);
    }
    const w = this.copy!.bytes(this.out);
    const fs = Buffer.from(this.fs);
    const rs = Buffer.from(this.rs);
    const nullBytes = Buffer.from(this.options.nullString);
    const scan = new RowScanner(n);
    const { starts, ends, kinds } = scan;
    for (let p = 0; p < lines.length; ) {
      const lineStart = p;
      p = scan.row(lines, p);
      if (!scan.whole) {
        // not the row the columns say: as the rows would be written
        w.text(this.rowsText(this.copy!.rows(lines.subarray(lineStart, p), numeric, booleans)));
        continue;
      }
      w.reserve(rs.length);
      if (this.open) w.copy(rs, 0, rs.length);
      for (let i = 0; i < n; i++) {
        const kind = kinds[i];
        w.reserve(fs.length + (kind === NULL ? nullBytes.length : ends[i]! - starts[i]!));
        if (i > 0) w.copy(fs, 0, fs.length);
        if (kind === NULL) w.copy(nullBytes, 0, nullBytes.length);
        else if (booleans?.[i]) w.buf[w.pos++] = lines[starts[i]!] === 0x74 /* true */ ? 0x74 : 0x66;
        else if (kind === PLAIN) w.copy(lines, starts[i]!, ends[i]!);
        else w.text(copyTextValue(lines, starts[i]!, ends[i]!));
      }
      this.open = true;
      const flushed = w.flush();
      if (flushed) await flushed;
    }
    await w.flush(true);
  }

  async end(summary: ResultSummary): Promise<void> {
    await this.copy?.end();
    let text = '';
    for (const line of footerLines(this.options, summary.rowCount)) {
      if (this.open) text += this.rs;
      text += line;
      this.open = true;
    }
    if (this.open) text += this.rs === '\0' ? '\0' : '\n';
    this.open = false;
    if (text !== '') await this.out.write(text);
  }
}

/**
 * psql's unaligned format in expanded mode (`-A -x`, `\a` with `\x`, `\gx (format=unaligned)`): each value
 * on a record of its own, `name|value`, one record separator between a row's values and two between rows;
 * no header and no row count; a newline after the last record (nothing at all for no rows).
 */
export class UnalignedRecordsSink implements ResultSink {
  private readonly fs: string;
  private readonly rs: string;
  private names: readonly string[] = [];
  private open = false;

  constructor(
    private readonly out: TextOutput,
    private readonly options: Pick<UnalignedOptions, 'nullString' | 'fieldSeparator' | 'recordSeparator' | 'title' | 'footers'>,
  ) {
    this.fs = options.fieldSeparator ?? '|';
    this.rs = options.recordSeparator ?? '\n';
  }

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    this.names = columns.map((c) => c.name);
    // psql's title (not with tuples only) is a record of its own: two record separators follow it
    if (this.options.title !== undefined) {
      await this.out.write(this.options.title);
      this.open = true;
    }
  }

  async rows(batch: readonly Row[]): Promise<void> {
    const { fs, rs, names } = this;
    const nullString = this.options.nullString;
    let text = '';
    for (const row of batch) {
      for (let i = 0; i < row.length; i++) {
        if (this.open) text += i === 0 ? rs + rs : rs;
        const v = row[i]!;
        text += `${names[i] ?? ''}${fs}${formatValue(v, nullString, true)}`;
        this.open = true;
      }
    }
    if (text !== '') await this.out.write(text);
  }

  async end(): Promise<void> {
    // psql's own footers (a describe's): a record after the last row's, two record separators before it
    let text = '';
    (this.options.footers ?? []).forEach((line, i) => {
      text += (this.open ? (i === 0 ? this.rs + this.rs : this.rs) : '') + line;
      this.open = true;
    });
    if (this.open) text += this.rs === '\0' ? '\0' : '\n';
    if (text !== '') await this.out.write(text);
    this.open = false;
  }
}
