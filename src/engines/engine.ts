/**
 * The engine-neutral interfaces. One folder per engine implements them with the same file names:
 * <e>-engine.ts (connect), <e>-connection.ts (execute/cancel/close), <e>-introspector.ts (CatalogData),
 * and the dialect data in src/sql/dialects/<e>.ts. Driver packages are imported only inside the
 * engine's folder, lazily, on connect.
 */
import type { EngineId, SqlDialect } from '../sql/dialect.js';
import type { ColumnInfo, NoticeExtra, ResultEvent, Row } from '../core/result.js';
import type { CatalogData } from '../catalog/catalog-data.js';

/** The mysql client's option files: --no-defaults (none), --defaults-file=FILE (only it), --defaults-extra-file=FILE (it, then ~/.my.cnf). */
export interface MysqlOptionFiles {
  readonly none?: boolean;
  readonly only?: string;
  readonly extra?: string;
}

/** Where to connect, as parsed from the command line, a URI, a saved connection or \c. */
export interface ConnectionTarget {
  readonly engine: EngineId;
  /** SQLite and DuckDB: a file path or ':memory:'. */
  readonly path?: string;
  /** Server engines: the URI as given. May contain a password: never print it (use ConnectionInfo.url). */
  readonly url?: string;
  /** Flag-style parts (psql -h -p -U -d, mysql -h -P -u -D); they override the URI's. */
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly database?: string;
  readonly password?: string;
  /** MySQL/MariaDB: the Unix socket to connect through (the mysql client's -S / --socket). */
  readonly socket?: string;
  /** MySQL/MariaDB: TCP even to localhost, no socket (the mysql client's --protocol=tcp). */
  readonly tcp?: boolean;
  /** MySQL/MariaDB: SQL run on each new session before anything else (the mysql client's --init-command). */
  readonly initCommand?: string;
  /** MySQL/MariaDB: seconds to wait for each host (the mysql client's --connect-timeout). */
  readonly connectTimeout?: number;
  /** MySQL/MariaDB: which option files are read (~/.my.cnf when absent). */
  readonly optionFiles?: MysqlOptionFiles;
  /** MySQL/MariaDB: the session's character set when not utf8mb4 (the mysql client's --default-character-set=utf8). */
  readonly charset?: 'utf8mb3';
  /** Open read-only (DuckDB/SQLite files; a read-only transaction mode elsewhere where cheap). */
  readonly readOnly?: boolean;
  /** Reach the server through an SSH tunnel: 'user@bastion:port' or a Host of ~/.ssh/config (src/engines/ssh/). */
  readonly ssh?: string;
  /** A private key file for the tunnel (else the SSH agent, ~/.ssh/config's IdentityFile, ~/.ssh/id_*). */
  readonly sshKey?: string;
  /**
   * Set by the SSH tunnel when host and port are its loopback end: the database's own host and port.
   * What names the server uses it (the password file's host:port, the TLS server name that
   * sslmode=verify-full checks), never the loopback address.
   */
  readonly tunnelOf?: { readonly host: string; readonly port: number };
}

export interface ConnectOptions {
  /** Asked when the server wants a password and none was given; undefined means "no terminal: fail". */
  readonly promptPassword?: (prompt: string) => Promise<string>;
  /** Environment to read PG and MySQL variables from (defaults to process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * A file database may run on the calling thread instead of a worker (SQLite, for a script: faster
   * start, less memory); it then blocks that thread for one batch of rows at a time. Ignored by
   * server engines.
   */
  readonly inThread?: boolean;
  /**
   * A file database checks its file at once (a missing directory, not a database: rejected before
   * this settles) but starts opening it (SQLite's worker, DuckDB's library) only once this settles:
   * the interactive shell passes its first paint, so its prompt does not wait for either. A server
   * engine is given it only when its provisionalInfo() answered: it then loads its driver and
   * connects once this settles.
   */
  readonly startAfter?: Promise<unknown>;
}

/** What the prompt, \conninfo and the banner show. Never holds a password. */
export interface ConnectionInfo {
  readonly engine: EngineId;
  /** Short label for the prompt: 'demo.db', 'alice@localhost/shop', ':memory:'. */
  readonly label: string;
  /** Printable URI without password: 'postgres://alice@localhost:5432/shop', 'sqlite:/home/a/demo.db'. */
  readonly url: string;
  readonly database?: string;
  readonly user?: string;
  readonly host?: string;
  /** PostgreSQL: the address a host name led to, when it is not the host as given (psql's `on host "h" (address "a")`). */
  readonly hostaddr?: string;
  readonly port?: number;
  /** SQLite/DuckDB: the file's absolute path, or ':memory:'. */
  readonly file?: string;
  readonly serverVersion?: string;
  readonly readOnly?: boolean;
  /** Which server of several, in words: 'node 2 of 2 (b:3307), a read-only replica'. */
  readonly node?: string;
  /** The SSH tunnel the connection goes through, in words: 'through SSH tunnel via alice@bastion:22'. */
  readonly via?: string;
}

export type TransactionStatus = 'idle' | 'in-transaction' | 'failed';

export interface ExecuteOptions {
  /** Aborting cancels the statement (like cancel()) and makes the iterator throw CancelledError. */
  readonly signal?: AbortSignal;
  /** Rows per 'rows' event; engines pick a sensible default (about 1000). */
  readonly batchSize?: number;
  /**
   * The caller writes this result as csv with these options to a file or pipe. An engine that can
   * produce the same bytes without row objects (PostgreSQL from its DataRows, DuckDB's COPY, SQLite's
   * native helper) may then send 'text' or 'bytes' events (csv rows, no header) after 'columns'
   * instead of 'rows'; others ignore it.
   */
  readonly csv?: {
    readonly nullString: string;
    /**
     * psql's csv format (output/csv-sink.ts): an empty string is nothing, \. is quoted in any column,
     * NULL is the null string quoted as text is; with psqlValues, booleans t/f and the server's floats.
     * Only PostgreSQL is asked for it (the others would write COPY's csv).
     */
    readonly psql?: boolean;
  };
  /** The same for tsv (sqlsh's tsv: COPY text escaping, the null string as it is). */
  readonly tsv?: { readonly nullString: string };
  /**
   * The same for json (lines: false) and jsonl (output/json-sink.ts, jsonl-sink.ts): 'text' events
   * with the rows' objects as those sinks write them (json: each object after '\n' or ',\n', and one
   * '\n' after the last, before the sink's ']'). SQLite's native helper does it; others ignore it.
   */
  readonly json?: { readonly lines: boolean };
  /**
   * The same for psql's unaligned format (output/unaligned-sink.ts): 'bytes' events with the rows'
   * records, each after the record separator unless it is the first record (header false). The sink
   * writes the header and the footer. PostgreSQL does it; others ignore it (and may take copyText).
   */
  readonly unaligned?: { readonly nullString: string; readonly fieldSeparator: string; readonly recordSeparator: string; readonly header: boolean };
  /**
   * The same for the markdown sink (output/markdown-sink.ts): the first FIRST_ROWS rows as 'copy-text'
   * (the sink judges its numeric columns from them), then 'bytes' events with the table's rows.
   * PostgreSQL does it; others ignore it (and may take copyText).
   */
  readonly markdown?: { readonly nullString: string };
  /**
   * The caller writes this result as an aligned table to a file or pipe (output/table-sink.ts): an
   * engine that can have the rows as text without making row objects (PostgreSQL COPY, MariaDB's
   * text protocol) may send 'copy-text' events after 'columns' instead of 'rows'; others ignore it.
   * 'rows': the same for a sink that takes rows (expanded, markdown, unaligned): the COPY text is
   * made into rows as it comes, and a result of no columns shows as on the ordinary path.
   */
  readonly copyText?: boolean | 'rows';
  /**
   * Values as psql shows them in its tables (PostgreSQL output laid out as psql's, RenderOptions.psqlBooleans):
   * booleans t / f (in COPY text too), and float4 / float8 as the server's text (`1e-05`, not JavaScript's
   * `0.00001`). Other engines ignore it.
   */
  readonly psqlValues?: boolean;
  /**
   * SQLite: values typed as the sqlite3 shell needs them (output/sqlite3-sink.ts): INTEGER as bigint, so a
   * REAL (a number) is told apart and written as sqlite3 writes it (`2.0`, `1.0e+20`); rows, none of the
   * fast paths. Other engines ignore it.
   */
  readonly sqlite3Values?: boolean;
  /**
   * The statement as written in the script, with its terminator, where the text run is cut from it: what a
   * trace of the statements shows (the sqlite3 shell's `.trace`, meta/sqlite3-trace.ts). Engines ignore it.
   */
  readonly asWritten?: string;
  /**
   * SQLite: a parameter is bound to the value the sqlite3 shell's `.parameter set` gave its name (`:foo`, `@bar`,
   * `$baz`, `?1`), and one without a value (`?` too) to NULL, as in the sqlite3 shell, instead of an error. Other
   * engines ignore it.
   */
  readonly nullParameters?: boolean;
  /**
   * MySQL/MariaDB: binary values (BLOB, BINARY, VARBINARY) as text, their bytes read as UTF-8, as the mysql
   * client prints them (not hex); rows come as rows (none of the raw paths). Other engines ignore it.
   */
  readonly binaryAsText?: boolean;
  /**
   * PostgreSQL: send the text as one simple-query message, as psql sends each request: it may hold
   * several statements (psql's `a \\; b;`), run by the server as one implicit transaction, each
   * result streamed as its own 'columns' / 'rows' / 'done'; a text without SQL (`;`, a comment) shows
   * nothing. Other engines ignore it (their callers run one statement per execute).
   */
  readonly simpleQuery?: boolean;
  /**
   * PostgreSQL only (other engines would run the statement: callers check the engine): describe the
   * statement's result without running it, as psql's \\gdesc (Parse and Describe, no Execute): a 'columns'
   * event with each column's typeOid and typeModifier, then 'done'; no 'columns' when it returns no rows.
   */
  readonly describeOnly?: boolean;
  /**
   * The data of a COPY ... FROM STDIN (a script's inline lines up to `\\.`, each ending in a newline); as
   * pieces when the script is read as it runs: they are read only once the server takes the data (onCopyIn),
   * and all of them (the engine reads on past a failure, as psql reads to `\\.`).
   */
  readonly copyData?: string | AsyncIterable<string>;
  /**
   * Called when the server takes copyData (PostgreSQL's CopyInResponse). A COPY that fails before it
   * (no such table, a syntax error) read none of it: psql then reads those lines as SQL.
   */
  readonly onCopyIn?: () => void;
}

/** One statement's status in a ManyResult, as execute()'s 'done' event has it. */
export interface ManyStatus {
  readonly command?: string;
  readonly affected?: number;
  /**
   * Rows it returned after all, though it was of a kind that returns none (PostgreSQL: a rule's SELECT on
   * an INSERT): shown as execute() would show them.
   */
  readonly result?: { readonly columns: readonly ColumnInfo[]; readonly rows: readonly Row[] };
}

/** What Connection.executeMany did. */
export interface ManyResult {
  /**
   * Per statement that ran, in order (statements[0 .. done.length)), its status as execute()'s 'done'
   * event has it (`{}` for a text without a statement: nothing ran, nothing is shown).
   */
  readonly done: readonly ManyStatus[];
  /**
   * Why statements[done.length] was not run, when not all were: 'other': it needs execute() (it returns
   * rows, takes parameters ...); an Error: it failed with it (SqlError, CancelledError, ConnectionLostError).
   * None: the request ran as many as it could in its time; send the rest again.
   */
  readonly stop?: 'other' | Error;
  /**
   * When stop is an Error: the statements after the failed one that had gone to the server before it
   * failed (PostgreSQL sends several ahead), each one's status or Error, in order. With stopAtError they
   * changed nothing (they failed, or ran in a transaction that had failed).
   */
  readonly after?: readonly (ManyStatus | Error)[];
  /** What the server said while they ran, each with the index of its statement (said before its status or error). */
  readonly notices?: readonly ManyNotice[];
}

/** A server notice during executeMany. */
export interface ManyNotice {
  readonly index: number;
  readonly message: string;
  readonly severity?: string;
  /** 0-based, in its statement. */
  readonly position?: number;
  /** PostgreSQL: its SQLSTATE, CONTEXT and LOCATION (psql's VERBOSITY, SHOW_CONTEXT). */
  readonly extra?: NoticeExtra;
}

/** How executeMany runs its statements. */
export interface ManyOptions {
  readonly signal?: AbortSignal;
  /**
   * The caller stops at the first failure (psql's ON_ERROR_STOP): a statement after one that fails must
   * change nothing. Without it, every statement runs whatever failed before it, as the caller would run them.
   */
  readonly stopAtError?: boolean;
}

export interface Connection {
  readonly info: ConnectionInfo;
  readonly dialect: SqlDialect;
  /**
   * Runs statements that return no rows (a script's INSERTs) one after another in one request, with
   * the same effects and statuses as execute() on each, without a round of messages each; undefined
   * when this connection cannot (then use execute()). Where an engine has it.
   */
  executeMany?(statements: readonly string[], opts?: ManyOptions): Promise<ManyResult | undefined>;
  /**
   * Run one statement and stream its results: 'columns', then 'rows' batches, 'notice's at any time,
   * and a final 'done'. Memory stays bounded by one batch. Throws SqlError (statement failed),
   * CancelledError (cancelled) or ConnectionLostError (the connection died; the next execute reconnects).
   */
  execute(sql: string, opts?: ExecuteOptions): AsyncIterable<ResultEvent>;
  /** Cancel the running statement on the server, if any. Resolves quickly; never throws. */
  cancel(): Promise<void>;
  transactionStatus(): TransactionStatus;
  /** A setting the server reports by itself, read without a query (PostgreSQL's ParameterStatus: standard_conforming_strings, ...). */
  serverSetting?(name: string): string | undefined;
  /** Read the whole catalog in a few queries (on a separate connection where the engine has them). */
  introspect(signal?: AbortSignal): Promise<CatalogData>;
  /**
   * SQLite: a page-by-page copy of a database into a file, or back from one (the sqlite3 shell's .backup and
   * .restore), inside an open transaction too. Where an engine has it.
   */
  backup?(request: BackupRequest): Promise<BackupResult>;
  /**
   * SQLite: loads an extension (a shared library) into the connection, the sqlite3 shell's `.load FILE ?ENTRY?`;
   * `error`: SQLite's words for why it could not. It stays until the connection closes (a reopened worker does
   * not load it again). Where an engine has it.
   */
  loadExtension?(file: string, entryPoint?: string): Promise<{ readonly error?: string }>;
  close(): Promise<void>;
}

/** What Connection.backup copies. */
export interface BackupRequest {
  /** The database of the session (`main`, `temp`, an attached name). */
  readonly schema: string;
  readonly file: string;
  /** True: FILE's main database replaces `schema` (.restore); else `schema` is copied into FILE, replacing it. */
  readonly restore?: boolean;
  /** FILE written without syncing or a journal (sqlite3's .backup --async). */
  readonly fast?: boolean;
}

/** What Connection.backup did: `error`, the engine's words for why it failed; `unsupported`: this build cannot. */
export type BackupResult = { readonly error?: string; readonly unsupported?: boolean };

export interface Engine {
  readonly id: EngineId;
  /** Throws ConnectError with a clear message (exit code 2 in scripts). */
  connect(target: ConnectionTarget, opts?: ConnectOptions): Promise<Connection>;
  /**
   * A server engine: what the connection will show once open (its ConnectionInfo, without the
   * server's version), when it can be opened without asking the user anything (the password is
   * known, no SSH tunnel) and without a choice among servers; else undefined. The interactive
   * shell then shows its prompt first and connects after it (ConnectOptions.startAfter).
   */
  provisionalInfo?(target: ConnectionTarget, env: NodeJS.ProcessEnv): ConnectionInfo | undefined;
}

/** One row of the engine registry: enough to parse targets and pick a dialect without loading a driver. */
export interface EngineDescriptor {
  readonly id: EngineId;
  readonly name: string;
  /** URI schemes, without ':'. */
  readonly schemes: readonly string[];
  /** usql's short schemes (`pgsql:`, `my:`, `sq:`, `dk:`): read as the first of `schemes`. */
  readonly shortSchemes?: readonly string[];
  /** File extensions (with the dot) that select this engine for a bare path. */
  readonly fileExtensions: readonly string[];
  /** Loads the engine module (and so its driver) on first use. */
  load(): Promise<Engine>;
  /** Loads the dialect data. */
  dialect(): Promise<SqlDialect>;
}
