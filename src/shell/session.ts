/**
 * The session: the current connection, the settings the user changed with \x, \T, \pset..., where
 * results go (\o), and the latest catalog snapshot, rebuilt in the background and swapped in whole.
 * Mutable state lives here, at the edge; everything it hands out (settings, catalog) is immutable.
 */
import { assignVariable, withSpecialDefaults } from '../sql/special-variables.js';
import type { Sqlite3Output } from '../output/sqlite3-sink.js';
import type { Connection, ConnectionTarget, ConnectOptions } from '../engines/engine.js';
import { engineById } from '../engines/registry.js';
import { effectiveNullString, type Settings } from '../config/settings.js';
import type { SavedConnection } from '../config/load-config.js';
import type { SqlshPaths } from '../config/paths.js';
import { isDocumentFormat, type TextOutput, type RenderOptions } from '../output/sink.js';
import type { SqlErrorLike } from '../output/error-format.js';
import type { Catalog } from '../catalog/catalog.js';
import type { LexOptions } from '../sql/dialect.js';
import { afterFailure, NO_VARIABLES, withConnectionVariables, type Variables } from '../sql/variables.js';
import { SqlError } from '../core/errors.js';
import { SQLITE_KEYWORDS } from '../sql/dialects/sqlite.js';
import type { ConditionalStack } from '../meta/conditional-stack.js';
import type { Sqlite3Trace } from '../meta/sqlite3-trace.js';

export interface SessionIO {
  /** Where results go by default (stdout). */
  readonly stdout: TextOutput;
  /** Messages: notices, status, timing. stdout when interactive, stderr in scripts. */
  message(text: string): void;
  /** Errors: always stderr. */
  error(text: string): void;
  /** Ask a yes/no question (interactive only); undefined in scripts without a terminal. */
  readonly confirm?: (question: string) => Promise<boolean>;
  /** Ask a question and return the answer as typed ('' on Ctrl-C): the preview's [y/N/e(dit)]. */
  readonly ask?: (question: string) => Promise<string>;
  /**
   * Lines typed (or pasted) at `prompt`, up to one `end` takes (not kept) or the end of the input (Ctrl-D);
   * undefined on Ctrl-C. One reader for all of them, so lines pasted at once are all kept (\\copy ... FROM STDIN).
   */
  readonly askLines?: (prompt: string, end: (line: string) => boolean) => Promise<readonly string[] | undefined>;
  readonly promptPassword?: (prompt: string) => Promise<string>;
}

export class Session {
  connection: Connection;
  /** What the current connection was made from (may hold a password: never print it). \c NAME reuses it. */
  target: ConnectionTarget | undefined;
  settings: Settings;
  readonly interactive: boolean;
  readonly io: SessionIO;
  readonly paths: SqlshPaths;
  readonly connections: ReadonlyMap<string, SavedConnection>;
  /** \o redirection; undefined = io.stdout. */
  output: (TextOutput & { close?(): Promise<void>; readonly description?: string }) | undefined;
  /** While `\g FILE` or `\g |COMMAND` takes a statement's results: where they would have gone (psql writes a COPY ... TO STDOUT's `COPY n` there). */
  queryOutput: TextOutput | undefined;
  /** The last SQL statement run, for \g, \watch and \e. */
  lastSql: string | undefined;
  /** The last result that returned rows (a copy when small), for \chart without a query. */
  lastResult: import('../core/last-result.js').LastResult | undefined;
  /**
   * expanded is auto because \\x auto (or \\pset expanded auto) asked for it, not as sqlsh's default:
   * psql's toggle then turns it off, where the default's toggles what is shown.
   */
  expandedAutoAsked = false;
  /** psql's table title (\C, \pset title): over the tables that follow until unset. */
  title: string | undefined;
  /** The last statement error, for \errverbose. */
  lastError: (SqlErrorLike & { readonly statement?: string }) | undefined;
  /** Text a meta-command (\e) wants in the editor's buffer at the next prompt. */
  pendingEdit: string | undefined;
  /** The command history at the prompt, oldest first (\\s); undefined in scripts, which have none (psql). */
  historyTexts: (() => readonly string[]) | undefined;
  /** psql variables (\set, -v, \gset): immutable, replaced whole; interpolation gets them as data. */
  variables: Variables = NO_VARIABLES;
  /** The \if / \elif / \else / \endif stack (immutable, replaced whole). */
  conditionals: ConditionalStack = [];
  /** Lexer flags the server's settings changed (standard_conforming_strings, sql_mode); see `lex`. */
  lexChanges: Partial<LexOptions> | undefined;
  /** mysql -E: the expanded format is the mysql client's vertical records (`*** 1. row ***`). */
  verticalRecords = false;
  /** The mysql client's -s: its tab-separated output without the column names (RenderOptions.mysqlSilent). */
  mysqlSilent = false;
  /** mysql -H / -X: results in the mysql client's html or xml (output/mysql-markup-sinks.ts). */
  mysqlMarkup: 'html' | 'xml' | undefined;
  /** The statement terminator the mysql client's DELIMITER set (MySQL/MariaDB), for the rest of the session; undefined: ';'. */
  delimiter: string | undefined;
  /** The sqlite3 shell's output state, once a sqlite3 script set `.mode`, `.headers`, `.separator` or `.nullvalue`. */
  sqlite3Output: Sqlite3Output | undefined;
  /**
   * A script run on the mysql client's command line (its flags, MySQL target): errors are the client's
   * `ERROR 1062 (23000) at line 3: ...` after the failing statement, and warnings are not shown, as
   * the client shows none in batch mode.
   */
  mysqlClient = false;
  /**
   * The mysql client's sandbox mode (`\\-`, the first line of a mariadb-dump file): from then on the
   * commands that reach the file system, a shell or the environment are refused (src/meta/sandbox.ts).
   */
  sandbox = false;
  /**
   * psql's `\\restrict KEY` (pg_dump writes it first since PostgreSQL 17.6, 16.10, 15.14, 14.19 and 13.22):
   * until `\\unrestrict KEY`, every other backslash command is refused (run-meta.ts), so data in a dump
   * cannot run one. Undefined: not restricted.
   */
  restrictKey: string | undefined;
  /** The mysql client's -vv: each statement's row count or `Query OK` line after it, `Bye` at the end. */
  mysqlVerbose = 0;
  /** The mysql client's \\W (warnings after each statement) is on; \\w turns it off. */
  mysqlShowWarnings = false;
  /** The mysql client's \\r failed: the client has no connection, and its next statement ends the script. */
  mysqlDisconnected = false;
  /** sqlite3's `.eqp on` (full, trigger): each statement's query plan before it (src/shell/sqlite3-eqp.ts). */
  sqlite3Eqp: false | 'on' | 'full' | 'trigger' = false;
  /** sqlite3's `.trace`: where each statement's SQL goes as it runs (src/meta/sqlite3-trace.ts); the connection is traced until `.open`. */
  sqlite3Trace: Sqlite3Trace | undefined;
  /** sqlite3's `.stats` setting, as `.show` says it (sqlsh shows no counters: README). */
  sqlite3Stats: 'off' | 'on' | 'stmt' | 'vmstep' = 'off';
  /** sqlite3's `.parameter` was used: statements bind their parameters from its table (src/meta/sqlite3-parameter.ts). */
  sqlite3Parameters = false;
  /** sqlite3's `.exit N`: the status the shell leaves with. */
  exitStatus: number | undefined;
  /** sqlite3's `.once FILE`: the output goes back to the screen after the next statement. */
  outputOnce = false;
  /** sqlite3's `.show` width list: the most columns a columnar result had since the last `.width`. */
  sqlite3WidthCount = 0;
  /** The SQL a backslash command ended (`select ... \gset`), for \p, \r, \gset, \gexec; they may take it (undefined). */
  queryBuffer: string | undefined;
  private catalogSnapshot: Catalog | undefined;
  private catalogLoading: Promise<void> | undefined;
  private catalogAbort: AbortController | undefined;
  private catalogGeneration = 0;
  /** Called when a new catalog snapshot is swapped in (the editor may redraw its menu). */
  onCatalog: ((c: Catalog) => void) | undefined;

  constructor(init: {
    connection: Connection;
    target?: ConnectionTarget;
    settings: Settings;
    interactive: boolean;
    io: SessionIO;
    paths: SqlshPaths;
    connections: ReadonlyMap<string, SavedConnection>;
  }) {
    this.connection = init.connection;
    this.variables = withConnectionVariables(withSpecialDefaults(NO_VARIABLES), init.connection.info);
    this.target = init.target;
    this.settings = init.settings;
    this.interactive = init.interactive;
    this.io = init.io;
    this.paths = init.paths;
    this.connections = init.connections;
  }

  get dialect() {
    return this.connection.dialect;
  }

  /** How this session's text is read: the dialect's flags, as the server's settings changed them. */
  get lex(): LexOptions {
    return this.lexChanges ? { ...this.connection.dialect.lex, ...this.lexChanges } : this.connection.dialect.lex;
  }

  get catalog(): Catalog | undefined {
    return this.catalogSnapshot;
  }

  /** Where results are written now. */
  get out(): TextOutput {
    return this.output ?? this.io.stdout;
  }

  set<K extends keyof Settings>(key: K, value: Settings[K]): void {
    this.settings = Object.freeze({ ...this.settings, [key]: value });
  }

  /** A statement failed: psql's special variables (ERROR, SQLSTATE, LAST_ERROR_...), and the error \errverbose shows (with its statement). */
  /**
   * Sets (undefined: unsets) a psql variable by psql's rules for its special ones: the error in psql's
   * words when the value is not one it takes (the variable keeps its value), else undefined.
   */
  setVariable(name: string, value: string | undefined): string | undefined {
    const r = assignVariable(this.variables, name, value);
    if ('error' in r) return r.error;
    this.variables = r.vars;
    return undefined;
  }

  noteFailure(e: Error, statement?: string): void {
    const sql = e instanceof SqlError ? e : undefined;
    this.variables = afterFailure(this.variables, e.message, sql?.code);
    this.lastError = Object.freeze({
      message: e.message,
      ...(sql?.code ? { code: sql.code } : {}),
      ...(sql?.position !== undefined ? { position: sql.position } : {}),
      ...(sql?.detail ? { detail: sql.detail } : {}),
      ...(sql?.hint ? { hint: sql.hint } : {}),
      ...(sql?.context ? { context: sql.context } : {}),
      ...(sql?.location ? { location: sql.location } : {}),
      ...(sql?.internalQuery !== undefined ? { internalQuery: sql.internalQuery } : {}),
      ...(sql?.internalPosition !== undefined ? { internalPosition: sql.internalPosition } : {}),
      ...(statement !== undefined ? { statement } : {}),
    });
  }

  renderOptions(): RenderOptions & { expanded: 'off' | 'on' | 'auto' | 'vertical' } {
    const s = this.settings;
    const format = s.format;
    const out = this.out;
    // Output laid out as psql's: in scripts and what \o writes (not on the shell's screen), not the mysql
    // client's tables (ascii: mysql -t, --table). On PostgreSQL, psql's values too: t / f, NULL empty.
    const psqlLayout = (!this.interactive || this.output !== undefined) && s.table_style !== 'ascii';
    const psqlCsv = format === 'csv' && s.psql_csv;
    const psqlValues = psqlLayout && this.connection.info.engine === 'postgres' && (format === 'table' || format === 'expanded' || format === 'html' || format === 'unaligned' || isDocumentFormat(format) || psqlCsv) && s.table_style !== 'markdown';
    return {
      format,
      tableStyle: format === 'markdown' ? 'markdown' : s.table_style,
      nullString: effectiveNullString(s, psqlValues),
      psqlBooleans: psqlValues,
      ...(this.title !== undefined ? { title: this.title } : {}),
      ...(this.sqlite3Output !== undefined ? { sqlite3: { ...this.sqlite3Output, keywords: SQLITE_KEYWORDS } } : {}),
      ...(this.mysqlClient && format === 'tsv' ? { mysqlBatch: true } : {}),
      ...(this.mysqlClient && this.mysqlSilent ? { mysqlSilent: true } : {}),
      // (the client's xml writes a document for a result without rows too)
      ...(this.mysqlClient ? { hideEmptyResults: this.mysqlMarkup !== 'xml', mysqlTables: true } : {}),
      ...(this.mysqlClient && this.mysqlMarkup ? { mysqlMarkup: this.mysqlMarkup } : {}),
      ...(s.wrapped && format === 'table' && s.table_style === 'psql' ? { wrapped: true, ...(s.columns > 0 ? { wrapColumns: s.columns } : {}) } : {}),
      header: s.header,
      footer: s.footer && (this.interactive || format === 'table' || format === 'expanded' || format === 'unaligned' || format === 'html' || isDocumentFormat(format)),
      // psql's blank line after a table
      blankLineAfter: psqlLayout,
      fieldSeparator: s.field_separator,
      ...(s.csv_field_separator !== ',' ? { csvFieldSeparator: s.csv_field_separator } : {}),
      ...(psqlCsv ? { psqlCsv } : {}),
      ...(s.table_attr !== '' ? { tableAttr: s.table_attr } : {}),
      // (json stays json: its numbers are not text)
      ...(s.numeric_locale && format !== 'json' && format !== 'jsonl' ? { numericLocale: true } : {}),
      recordSeparator: s.record_separator,
      psqlLines: {
        border: s.border,
        linestyle: s.linestyle,
        unicodeBorder: s.unicode_border_linestyle,
        unicodeColumn: s.unicode_column_linestyle,
        unicodeHeader: s.unicode_header_linestyle,
      },
      color: Boolean(out.isTTY) && !process.env.NO_COLOR,
      // (no screen: \\x auto measures against psql's \\pset columns, when both were asked for)
      ...(!out.columns && this.expandedAutoAsked && s.expanded === 'auto' && s.columns > 0 && format === 'table' ? { autoExpandColumns: s.columns } : {}),
      expanded: format === 'expanded' ? (this.verticalRecords ? 'vertical' : 'on') : out.columns ? s.expanded : s.expanded === 'on' ? 'on' : this.expandedAutoAsked && s.expanded === 'auto' && s.columns > 0 && format === 'table' ? 'auto' : 'off',
    };
  }

  /** psql's `\\pset pager always`: the pager for any output at the prompt, short or not (the `pager` setting has the command). */
  pagerAlways = false;
  /** psql's state after a failed \\connect in a script: no connection (no-connection.ts); a working \\connect ends it. */
  unconnected = false;

  /**
   * psql's failed \\connect outside the prompt: the old connection is closed and the session goes on without
   * one, its connection variables unset, as psql's.
   */
  async disconnect(): Promise<void> {
    const old = this.connection;
    const { noConnection } = await import('./no-connection.js');
    this.connection = noConnection(old);
    this.unconnected = true;
    const vars = new Map(this.variables);
    for (const name of ['DBNAME', 'USER', 'HOST', 'PORT', 'ENCODING', 'SERVER_VERSION_NAME', 'SERVER_VERSION_NUM']) vars.delete(name);
    this.variables = Object.freeze(vars);
    this.catalogAbort?.abort();
    this.catalogSnapshot = undefined;
    this.lexChanges = undefined;
    await old.close().catch(() => undefined);
  }

  /** Connect to a new target; the old connection is closed only once the new one works. */
  async reconnect(target: ConnectionTarget, opts: ConnectOptions = {}): Promise<void> {
    const engine = await engineById(target.engine).load();
    const ask = opts.promptPassword ?? this.io.promptPassword;
    let typed: string | undefined;
    const promptPassword = ask ? async (p: string) => (typed = await ask(p)) : undefined;
    const conn = await engine.connect(target, { ...opts, promptPassword });
    const old = this.connection;
    // (sqlite3's .trace does not go on on the new connection: a .trace after .open starts it again)
    this.connection = conn;
    this.unconnected = false;
    this.variables = withConnectionVariables(this.variables, conn.info);
    // A password typed at the prompt is kept with the target (never printed), so \c OTHERDB on the
    // same server does not ask again, as in psql.
    this.target = typed !== undefined ? { ...target, password: typed } : target;
    this.catalogSnapshot = undefined;
    this.lexChanges = undefined; // a new server session starts from the defaults
    // (a script reads the catalog when a command needs it, catalogReady: not on the connection its statements use
    // after each \connect of a pg_dumpall file)
    if (this.interactive) this.refreshCatalog();
    await old.close().catch(() => undefined);
  }

  /**
   * Leaving the connection (Ctrl-D, \q) with a transaction open asks first: true to go on (and roll
   * it back), false to stay. Without a terminal to ask on (scripts) it goes on; the script's end
   * says that the transaction was rolled back.
   */
  async confirmLeavingTransaction(question = 'A transaction is open; quit anyway and roll it back? [y/N] '): Promise<boolean> {
    if (this.connection.transactionStatus() === 'idle' || !this.io.confirm) return true;
    return this.io.confirm(question);
  }

  private catalogNotedFor: Connection | undefined;

  /** Rebuild the catalog in the background; typing never waits for it. */
  refreshCatalog(): Promise<void> {
    this.catalogAbort?.abort();
    const abort = new AbortController();
    this.catalogAbort = abort;
    const generation = ++this.catalogGeneration;
    const conn = this.connection;
    const p = (async () => {
      try {
        const [data, { buildCatalog }] = await Promise.all([conn.introspect(abort.signal), import('../catalog/catalog.js')]);
        if (abort.signal.aborted || generation !== this.catalogGeneration || conn !== this.connection) return;
        this.catalogSnapshot = buildCatalog(data, conn.dialect);
        this.onCatalog?.(this.catalogSnapshot);
        // Said once per connection: a role that may not read some catalogs still completes what it can.
        if (data.missing?.length && this.interactive && this.catalogNotedFor !== conn) {
          this.catalogNotedFor = conn;
          this.io.message(`sqlsh: note: completion and \\d work without ${data.missing.join(', ')}: this role may not read them (or the server has no such catalog)`);
        }
      } catch (e) {
        // One line: a driver's reason may hold line breaks and tabs, which a terminal shows escaped.
        const reason = (e as Error).message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
        if (!abort.signal.aborted && this.interactive) this.io.error(`sqlsh: could not read the database catalog for completion: ${reason}`);
      }
    })();
    this.catalogLoading = p;
    return p;
  }

  /** Waits for the current catalog load (for \d and tests); never throws. */
  async catalogReady(): Promise<Catalog | undefined> {
    if (!this.catalogSnapshot && !this.catalogLoading) this.refreshCatalog();
    await this.catalogLoading;
    return this.catalogSnapshot;
  }

  /** Results go back to the screen: a file or command \\o opened is closed. */
  async closeOutput(): Promise<void> {
    const old = this.output;
    this.output = undefined;
    await old?.close?.();
  }

  async close(): Promise<void> {
    this.catalogAbort?.abort();
    await this.output?.close?.().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }
}
