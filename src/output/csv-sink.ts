/**
 * RFC 4180 CSV, streamed batch by batch. Lines end with '\n' (like psql's csv format).
 * Two quoting rules:
 *
 * - sqlsh's (COPY's csv): a field is quoted when it contains the separator, a double quote, CR or
 *   LF, or when it could be mistaken for NULL: with the default null string '' an empty string is
 *   written as "" and NULL as nothing; with another null string, a text equal to it is quoted. A
 *   one-column row whose value is exactly \. is quoted, as COPY does: unquoted, that line would read
 *   as COPY's end-of-data marker (DuckDB's csv fast path, COPY, quotes it too). Booleans true/false.
 * - psql's csv format (`psql: true`, `\pset format csv`): NULL is the null string written as any
 *   text is, so an empty string and NULL are both nothing; a field is quoted when it contains the
 *   separator, a double quote, CR or LF, or is \. (in any column). Booleans as psql's t/f when asked.
 *
 * With `.` or `\` as separator every field is quoted, as psql does (an unquoted \. could then
 * appear where COPY would read its end-of-data marker); NULL too in psql's rule, not in COPY's.
 *
 * Data is written exactly (no terminal escaping); blobs as \x hex.
 *
 * Each batch becomes one string and one write. Numbers skip the quoting check when the delimiter
 * and the null string can never appear in a number's text.
 */
import type { ColumnInfo, Row, Value } from '../core/result.js';
import { formatNumber, formatValue } from './format-value.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';

export interface CsvOptions {
  readonly nullString: string;
  readonly header: boolean;
  readonly delimiter?: string;
  /** psql's csv format's quoting (see above), not COPY's. */
  readonly psql?: boolean;
  /** Booleans as psql's t / f. */
  readonly psqlBooleans?: boolean;
  /** psql's expanded csv (`\\x` with csv): each value on a line of its own after its column's name, `name,value`. */
  readonly expanded?: boolean;
}

/** Characters that can occur in formatNumber()/bigint/boolean text. */
const NUMBER_CHARS = /[-+.0-9a-zA-Z]/;

/** The csv text of rows, synchronously (the sink's formatter, also used where rows are read: the SQLite worker). */
export class CsvFormat {
  private readonly delimiter: string;
  private readonly nullString: string;
  private readonly needsQuote: RegExp;
  /** Number, bigint and boolean text never needs quoting. */
  private readonly plainNumbers: boolean;
  private readonly psql: boolean;
  private readonly psqlBooleans: boolean;
  /** The separator is . or \: every field is quoted. */
  private readonly quoteAll: boolean;

  constructor(
    options: { readonly nullString: string; readonly delimiter?: string; readonly psql?: boolean; readonly psqlBooleans?: boolean },
    /** One column: a lone \. is quoted. */
    private readonly single = false,
  ) {
    this.delimiter = options.delimiter ?? ',';
    this.nullString = options.nullString;
    this.psql = options.psql === true;
    this.psqlBooleans = options.psqlBooleans === true;
    this.quoteAll = this.delimiter === '.' || this.delimiter === '\\';
    const d = this.delimiter.replace(/[\\\]^-]/g, '\\$&');
    this.needsQuote = new RegExp(`[${d}"\\r\\n]`);
    this.plainNumbers = this.nullString === '' && !this.quoteAll && !NUMBER_CHARS.test(this.delimiter);
  }

  field(text: string): string {
    if (this.quoteAll || this.needsQuote.test(text) || (this.psql ? text === '\\.' : text === this.nullString)) {
      return '"' + text.replace(/"/g, '""') + '"';
    }
    return text;
  }

  /** Expanded: `name,value` lines, one a column (psql writes the names even in tuples-only mode). */
  records(names: readonly string[], batch: readonly Row[]): string {
    let text = '';
    for (const row of batch) for (let i = 0; i < names.length; i++) text += `${this.field(names[i]!)}${this.delimiter}${this.value(row[i] ?? null)}\n`;
    return text;
  }

  private value(v: Value): string {
    // psql writes NULL as any text: its null string, quoted when it must be
    if (v === null) return this.psql ? this.field(this.nullString) : this.nullString;
    if (typeof v === 'string') return this.field(v);
    if (typeof v === 'number' && this.plainNumbers) return formatNumber(v);
    return this.field(formatValue(v, this.nullString, this.psqlBooleans));
  }

  /** The header line for these column names. */
  header(names: readonly string[]): string {
    return names.map((n) => this.field(n)).join(this.delimiter) + '\n';
  }

  /** Lines for the rows, each ending in '\n'. */
  rows(batch: readonly Row[]): string {
    const d = this.delimiter;
    let text = '';
    for (let r = 0; r < batch.length; r++) {
      const row = batch[r]!;
      const n = row.length;
      if (n === 0) {
        text += '\n';
        continue;
      }
      if (this.single && !this.psql && row[0] === '\\.') {
        text += '"\\."\n';
        continue;
      }
      text += this.value(row[0]!);
      for (let i = 1; i < n; i++) text += d + this.value(row[i]!);
      text += '\n';
    }
    return text;
  }
}

export class CsvSink implements ResultSink {
  private format: CsvFormat;
  private names: readonly string[] = [];

  constructor(
    private readonly out: TextOutput,
    private readonly options: CsvOptions,
  ) {
    this.format = new CsvFormat(options);
  }

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    this.format = new CsvFormat(this.options, columns.length === 1);
    this.names = columns.map((c) => c.name);
    if (!this.options.header || columns.length === 0 || this.options.expanded) return;
    await this.out.write(this.format.header(columns.map((c) => c.name)));
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    await this.out.write(this.options.expanded ? this.format.records(this.names, batch) : this.format.rows(batch));
  }

  end(_summary: ResultSummary): void {}
}
