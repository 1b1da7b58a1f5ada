/** Renderers are streaming sinks: they write rows as they arrive and keep memory bounded. */
import type { ColumnInfo, Row } from '../core/result.js';
import type { Sqlite3Output } from './sqlite3-sink.js';
import type { PsqlLines } from './table-style.js';

/** Where rendered text goes. write() resolves when the destination can take more (backpressure). */
export interface TextOutput {
  write(text: string): void | Promise<void>;
  /** Terminal width in cells when writing to a terminal; undefined for files and pipes. */
  readonly columns?: number;
  /** True when the destination is a terminal (escape control characters, colours allowed). */
  readonly isTTY?: boolean;
}

export interface ResultSummary {
  readonly rowCount: number;
  /** Status tag from the engine ('SELECT 3', 'INSERT 0 1'). */
  readonly command?: string;
  readonly affected?: number;
  readonly elapsedMs?: number;
}

export interface ResultSink {
  begin(columns: readonly ColumnInfo[]): void | Promise<void>;
  rows(batch: readonly Row[]): void | Promise<void>;
  end(summary: ResultSummary): void | Promise<void>;
  /**
   * Rows the engine wrote as this sink's own bytes ('bytes' events): a sink that keeps state across
   * rows takes them here (the unaligned sink: a record was written); others have them written as they are.
   */
  bytes?(bytes: Uint8Array): void | Promise<void>;
}

export type OutputFormat = 'table' | 'expanded' | 'csv' | 'tsv' | 'json' | 'jsonl' | 'markdown' | 'unaligned' | 'html' | 'asciidoc' | 'latex' | 'latex-longtable' | 'troff-ms';
export const OUTPUT_FORMATS: readonly OutputFormat[] = Object.freeze(['table', 'expanded', 'csv', 'tsv', 'json', 'jsonl', 'markdown', 'unaligned', 'html', 'asciidoc', 'latex', 'latex-longtable', 'troff-ms']);

/**
 * The lines under a result in psql's formats: the table's own footers (RenderOptions.footers) unless
 * tuples only (header off), else the `(N rows)` default when the footer is on and `withDefault`.
 */
export function footerLines(o: { readonly header?: boolean; readonly footer: boolean; readonly footers?: readonly string[] }, rowCount: number, withDefault = true): readonly string[] {
  if (o.footers) return o.header === false ? [] : o.footers;
  return o.footer && withDefault ? [`(${rowCount} ${rowCount === 1 ? 'row' : 'rows'})`] : [];
}

/** psql's document formats (output/psql-document-sinks.ts). */
export const isDocumentFormat = (format: OutputFormat): format is 'asciidoc' | 'latex' | 'latex-longtable' | 'troff-ms' =>
  format === 'asciidoc' || format === 'latex' || format === 'latex-longtable' || format === 'troff-ms';

/** Formats written for programs (no table around the values): exact in files, NULL empty by default. */
export const isMachineFormat = (format: OutputFormat): boolean =>
  format === 'csv' || format === 'tsv' || format === 'json' || format === 'jsonl' || format === 'unaligned' || format === 'html' || isDocumentFormat(format);

/** Table border styles for the 'table' format (\T). */
export type TableStyle = 'psql' | 'unicode' | 'ascii' | 'markdown';
export const TABLE_STYLES: readonly TableStyle[] = Object.freeze(['psql', 'unicode', 'ascii', 'markdown']);

export interface RenderOptions {
  readonly format: OutputFormat;
  readonly tableStyle: TableStyle;
  /** How NULL is shown in table/expanded/csv/tsv/markdown (json always uses null). Default '' for csv/tsv, 'NULL' styled for tables. */
  readonly nullString: string;
  /** Print the header row (csv, tsv, table, markdown). */
  readonly header: boolean;
  /** Print the '(N rows)' footer in table/expanded formats. */
  readonly footer: boolean;
  /** Colour/attributes allowed (dim NULLs, bold headers). */
  readonly color: boolean;
  /**
   * End with psql's blank line ("the carriage return at the end of a table"), after the footer:
   * output for scripts, pipes and files, so that it is psql's byte for byte (the shell's own screen
   * leaves it out).
   */
  readonly blankLineAfter?: boolean;
  /** psql's table title (`\\C TITLE`): centred over an aligned table, the first record of unaligned output. */
  readonly title?: string;
  /**
   * psql's own footer lines of a table (a describe's `Owned by: ...`, `Indexes:`), written in each
   * format's form in place of the `(N rows)` footer, and not with tuples only (header off): footerLines().
   */
  readonly footers?: readonly string[];
  /** Booleans as psql shows them in tables and records, `t` / `f` (PostgreSQL output laid out as psql's); else `true` / `false`. */
  readonly psqlBooleans?: boolean;
  /** psql's unaligned format: between values (default '|') and between records (default '\n'). */
  readonly fieldSeparator?: string;
  readonly recordSeparator?: string;
  /** psql's border and line style (\\pset border, linestyle, unicode_*_linestyle) for the psql table style. */
  readonly psqlLines?: PsqlLines;
  /** csv: between values (psql's csv_fieldsep; default ','). */
  readonly csvFieldSeparator?: string;
  /** csv quoted as psql's csv format quotes it (an empty string is nothing), not as COPY's (output/csv-sink.ts). */
  readonly psqlCsv?: boolean;
  /** html: the <table> tag's attributes (psql's tableattr). */
  readonly tableAttr?: string;
  /** psql's numericlocale: numbers with their digits grouped (output/numeric-locale.ts; rows only, no fast path). */
  readonly numericLocale?: boolean;
  /** The sqlite3 shell's output (a sqlite3 script set `.mode`, `.headers` ...): its sink, whatever the format. */
  readonly sqlite3?: Sqlite3Output;
  /** The mysql client's batch output (its command line, tsv to a file or pipe): output/mysql-batch-sink.ts. */
  readonly mysqlBatch?: boolean;
  /** The mysql client's -s: its batch output (and --raw's) without the column names (its tables and `\\G` records keep theirs). */
  readonly mysqlSilent?: boolean;
  /** A result without rows shows nothing, not even its header (the mysql client's command line). */
  readonly hideEmptyResults?: boolean;
  /** Tables are the mysql client's (its command line: `-t`): output/mysql-table-sink.ts. */
  readonly mysqlTables?: boolean;
  /** The mysql client's `-H` html or `-X` xml (output/mysql-markup-sinks.ts); xml names the statement. */
  readonly mysqlMarkup?: 'html' | 'xml';
  readonly statement?: string;
  /** psql's wrapped format: wide columns wrap, psql's way, to `wrapColumns` (psql's \\pset columns) or else the screen's width. */
  readonly wrapped?: boolean;
  readonly wrapColumns?: number;
  /**
   * psql's `\\x auto` with `\\pset columns N` where there is no screen (a script, a file): a result of more than one
   * column wider than N is shown as records, as psql decides it (on the first block of rows: table-sink.ts).
   */
  readonly autoExpandColumns?: number;
  /** One part of a result psql prints in parts (its FETCH_COUNT): aligned tables and records (ResultSegment). */
  readonly segment?: ResultSegment;
}

/**
 * psql's FETCH_COUNT prints a result a fetch at a time, each part laid out on its own (its widths):
 * a part after the first has no title and no header (`continued`), one before the last no bottom rule,
 * footer nor blank line (`open`); records and the row count go on from the rows before (`priorRows`).
 */
export interface ResultSegment {
  readonly continued: boolean;
  readonly open: boolean;
  readonly priorRows: number;
}
