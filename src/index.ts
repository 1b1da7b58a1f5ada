/**
 * sqlsh as a library: `import { connect, complete } from 'sqlsh'`.
 *
 *   const db = await connect('shop.db');           // a file, or sqlite:, duckdb:, postgres://, mysql:// URIs
 *   const catalog = await db.catalog();             // the shell's own introspection, as a frozen Catalog
 *   complete('SELECT * FROM or', 16, catalog);      // the shell's own completion: [{ text: 'orders', ... }]
 *   await db.close();
 *
 * The shell completes through this same module (src/shell/completer.ts imports `complete` from here).
 * Drivers load on first connect to their engine only.
 */
import { buildCatalog, type Catalog } from './catalog/catalog.js';
import type { CatalogData } from './catalog/catalog-data.js';
import type { Row, ColumnInfo, ResultEvent } from './core/result.js';
import type {
  Connection as EngineConnection,
  ConnectionInfo,
  ConnectionTarget,
  ExecuteOptions,
  TransactionStatus,
} from './engines/engine.js';
import { engineById } from './engines/registry.js';
import { parseTarget } from './engines/target.js';
import type { EngineId, SqlDialect } from './sql/dialect.js';

export { complete } from './complete/complete.js';
export { suggest } from './complete/suggest.js';
export { buildCatalog, emptyCatalog } from './catalog/catalog.js';
export { CancelledError, ConnectError, ConnectionLostError, SqlError, UsageError } from './core/errors.js';
export { ENGINE_IDS } from './sql/dialect.js';
export type { Catalog, IndexedRelation } from './catalog/catalog.js';
export type {
  CatalogData,
  ColumnDef,
  ForeignKeyDef,
  FunctionDef,
  IndexDef,
  RelationDef,
  RelationKind,
  TypeDef,
} from './catalog/catalog-data.js';
export type { CompleteOptions, MetaCommandName } from './complete/complete-options.js';
export type { Completion, CompletionKind } from './complete/completion.js';
export type { Suggestion, TableRef } from './complete/suggest.js';
export type { ColumnInfo, ResultEvent, Row, TypedText, Value } from './core/result.js';
export type { ConnectionInfo, ConnectionTarget, ExecuteOptions, TransactionStatus } from './engines/engine.js';
export type { EngineId, SqlDialect } from './sql/dialect.js';

export interface ConnectOptions {
  /** Password for a server engine (else the URI's, then PGPASSWORD / ~/.pgpass / MYSQL_PWD as the shell reads them). */
  readonly password?: string;
  /** Open read-only (SQLite and DuckDB files; a read-only session elsewhere where cheap). */
  readonly readOnly?: boolean;
  /** Asked when the server wants a password and none was given; without it such a connect fails. */
  readonly promptPassword?: (prompt: string) => Promise<string>;
  /** Environment to read PG* and MYSQL* variables from (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Base directory of a relative file path (default: process.cwd()). */
  readonly cwd?: string;
  /** Look a bare name up in the saved connections of sqlsh's config file, as `sqlsh NAME` does (default true). */
  readonly savedConnections?: boolean;
}

/** A statement's whole result, for small queries: the last result set and the engine's status. */
export interface QueryResult {
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly Row[];
  /** The status tag in the engine's style: 'SELECT 3', 'INSERT 0 1', 'CREATE TABLE'. */
  readonly command?: string;
  readonly affected?: number;
}

export interface Connection {
  readonly engine: EngineId;
  /** What the shell's prompt and \conninfo show; never holds a password. */
  readonly info: ConnectionInfo;
  readonly dialect: SqlDialect;
  /** Read the database's catalog (one fresh read per call, in a few queries) for complete(). */
  catalog(options?: { readonly signal?: AbortSignal }): Promise<Catalog>;
  /** The catalog as plain data (what catalog() indexes): serialisable, e.g. to keep a snapshot. */
  catalogData(options?: { readonly signal?: AbortSignal }): Promise<CatalogData>;
  /** Run one statement and stream its results ('columns', 'rows' batches, 'notice', 'done'). Throws SqlError. */
  execute(sql: string, options?: ExecuteOptions): AsyncIterable<ResultEvent>;
  /** Run one statement and collect its rows (bounded by memory: use execute() for big results). */
  query(sql: string, options?: ExecuteOptions): Promise<QueryResult>;
  /** Cancel the running statement, if any. */
  cancel(): Promise<void>;
  transactionStatus(): TransactionStatus;
  close(): Promise<void>;
}

/** The SQL dialect of an engine (keywords, built-in functions and types, quoting), for buildCatalog(). */
export function dialectOf(engine: EngineId): Promise<SqlDialect> {
  return engineById(engine).dialect();
}

/** A target that is not a path or a URI may be a saved connection's name (the shell's rule). */
const PATH_OR_URI = /[/:]|\.(db|sqlite3?|db3|duckdb|ddb)$/i;

async function resolveTarget(target: string, options: ConnectOptions): Promise<ConnectionTarget> {
  const cwd = options.cwd ?? process.cwd();
  if (options.savedConnections === false || PATH_OR_URI.test(target)) return parseTarget(target, { cwd });
  const [{ loadConfig }, { sqlshPaths }] = await Promise.all([import('./config/load-config.js'), import('./config/paths.js')]);
  const config = await loadConfig(sqlshPaths(options.env ?? process.env).configFile);
  return parseTarget(target, { cwd, connections: config.connections });
}

/**
 * Connect as the shell does: `target` is a database file, a URI (sqlite:, duckdb:, postgres://, mysql://,
 * mariadb://), ':memory:', or the name of a connection saved in sqlsh's config file. Throws ConnectError
 * when the database cannot be opened, UsageError when the target names nothing.
 */
export async function connect(target: string | ConnectionTarget, options: ConnectOptions = {}): Promise<Connection> {
  const parsed = typeof target === 'string' ? await resolveTarget(target, options) : target;
  const full: ConnectionTarget = {
    ...parsed,
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.readOnly !== undefined ? { readOnly: options.readOnly } : {}),
  };
  const engine = await engineById(full.engine).load();
  const conn = await engine.connect(full, {
    ...(options.promptPassword ? { promptPassword: options.promptPassword } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  return wrap(conn, full.engine);
}

function wrap(conn: EngineConnection, engine: EngineId): Connection {
  const catalogData = (options?: { readonly signal?: AbortSignal }): Promise<CatalogData> => conn.introspect(options?.signal);
  return Object.freeze({
    engine,
    info: conn.info,
    dialect: conn.dialect,
    catalogData,
    async catalog(options?: { readonly signal?: AbortSignal }): Promise<Catalog> {
      return buildCatalog(await catalogData(options), conn.dialect);
    },
    execute: (sql: string, options?: ExecuteOptions) => conn.execute(sql, options),
    async query(sql: string, options?: ExecuteOptions): Promise<QueryResult> {
      let columns: readonly ColumnInfo[] = [];
      let rows: Row[] = [];
      let done: Extract<ResultEvent, { type: 'done' }> | undefined;
      for await (const ev of conn.execute(sql, options)) {
        if (ev.type === 'columns') {
          columns = ev.columns;
          rows = [];
        } else if (ev.type === 'rows') for (const r of ev.rows) rows.push(r);
        else if (ev.type === 'done') done = ev;
      }
      return {
        columns,
        rows,
        ...(done?.command !== undefined ? { command: done.command } : {}),
        ...(done?.affected !== undefined ? { affected: done.affected } : {}),
      };
    },
    cancel: () => conn.cancel(),
    transactionStatus: () => conn.transactionStatus(),
    close: () => conn.close(),
  });
}
