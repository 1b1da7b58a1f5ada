/**
 * The plain data that flows from an engine to a renderer. Every layer speaks it,
 * so it lives here, apart from both engines/ and output/.
 *
 * Values keep their precision: integers beyond 2^53 are bigint, decimals and other
 * non-text types arrive as the exact text their engine's own client would show.
 */

/** Exact text of a value whose type is not plain text, tagged so renderers can align and type it. */
export interface TypedText {
  /** decimal: exact numeric text (right-aligned; a JSON number when finite). json: valid JSON text.
   *  temporal: ISO-8601-like date/time/interval text. other: anything else shown as text (uuid, inet, arrays...). */
  readonly kind: 'decimal' | 'json' | 'temporal' | 'other';
  readonly text: string;
}

export type Value =
  | null
  | boolean
  | number // a double, or an integer exactly representable in JS
  | bigint // 64-bit (or wider) integers
  | string // text
  | Uint8Array // binary (blob, bytea): printed as hex
  | TypedText;

export type Row = readonly Value[];

export interface ColumnInfo {
  readonly name: string;
  /** The engine's type name as declared or reported ('integer', 'varchar(20)', 'numeric'); '' when unknown. */
  readonly type: string;
  /** The column may hold NULL, when the engine says (MySQL/MariaDB: its field flags). */
  readonly nullable?: boolean;
  /** PostgreSQL, when the result was only described (ExecuteOptions.describeOnly): the type's OID and modifier. */
  readonly typeOid?: number;
  readonly typeModifier?: number;
}

export type ResultEvent =
  /** Start of a result set. A statement may produce more than one (MySQL procedures). */
  | { readonly type: 'columns'; readonly columns: readonly ColumnInfo[] }
  /** A batch of rows of the current result set; batches are bounded (a few hundred to a few thousand rows). */
  | { readonly type: 'rows'; readonly rows: readonly Row[] }
  /** Rows already formatted by the server as sqlsh would write them (ExecuteOptions.csv, .tsv): csv or tsv lines, no header. */
  | { readonly type: 'text'; readonly text: string }
  /** The same as UTF-8 bytes (written as they are to a file or pipe: output/stream-output.ts writeBytes). */
  | { readonly type: 'bytes'; readonly bytes: Uint8Array }
  /**
   * Rows as the bytes of PostgreSQL's COPY text format (ExecuteOptions.copyText): one line per row, a tab
   * between values, \N for NULL, \\ \t \n \r \b \f \v escapes, each value the text sqlsh shows for it.
   * numeric[i]: column i holds numbers (right-aligned). A chunk may end inside a row (the next one goes on with it).
   * booleans[i]: column i holds booleans, written true / false, or t / f (ExecuteOptions.psqlValues); a sink that
   * takes rows gets them as booleans again.
   * The bytes are valid until the consumer asks for the next event (an engine may fill them again): copy to keep them.
   */
  | { readonly type: 'copy-text'; readonly bytes: Uint8Array; readonly numeric: readonly boolean[]; readonly booleans?: readonly boolean[] }
  /** A server message: PostgreSQL NOTICE, MySQL warning text, SQLite/DuckDB informational message. */
  | { readonly type: 'notice'; readonly message: string; readonly severity?: string; /** 0-based, in the statement (PostgreSQL's position). */ readonly position?: number; readonly extra?: NoticeExtra }
  /** PostgreSQL's LISTEN: a NOTIFY on a channel this session listens on (after the statement it arrived during). */
  | { readonly type: 'notification'; readonly channel: string; readonly payload: string; readonly pid: number }
  /** The statement finished. command: the status tag in the engine's style ('SELECT 3', 'INSERT 0 1', 'CREATE TABLE'). */
  | {
      readonly type: 'done'; readonly command?: string; readonly affected?: number; readonly rowCount?: number; readonly warnings?: number;
      /** The server's own words on what the statement did (MySQL's `Records: 2  Duplicates: 0  Warnings: 0`). */
      readonly info?: string;
      /**
       * A COPY ... TO STDOUT's status (`COPY 1`), whose rows went where results go: not a status line
       * there, but psql writes it to the query output when `\g FILE` took the rows (RenderHooks.copyStatus).
       */
      readonly copyStatus?: string;
    };

export function isTypedText(v: Value): v is TypedText {
  return typeof v === 'object' && v !== null && !(v instanceof Uint8Array);
}

/** What psql's VERBOSITY and SHOW_CONTEXT add to a PostgreSQL notice: its SQLSTATE, CONTEXT and the server's LOCATION (`routine, file:line`). */
export interface NoticeExtra {
  readonly code?: string;
  readonly context?: string;
  readonly location?: string;
}
