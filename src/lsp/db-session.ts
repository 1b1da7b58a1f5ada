/**
 * The server's one database: connected on first need through the library's connect() (the shell's
 * own targets: saved connection names, files, URIs), its catalog read in the background and swapped
 * in whole. A lost connection is dropped and opened again on the next use; the server never dies of it.
 *
 * A DuckDB file can be open in one process at a time (DuckDB's own lock; read-only opens conflict with a
 * writer too), and the user's shell wants the same file. So the server holds a DuckDB file only while it
 * uses it (a catalog read, a statement, a check, a definition) and closes it DUCKDB_IDLE_CLOSE_MS after;
 * completion, hover and diagnostics work from the catalog snapshot in memory. When another process has
 * the file, the server says so once, keeps its snapshot, and (with no snapshot yet) tries again every
 * few seconds until it gets one.
 */
import { connect, ConnectionLostError, type Catalog, type Connection, type EngineId } from '../index.js';

/** How long the server keeps a DuckDB file open after its last use. */
export const DUCKDB_IDLE_CLOSE_MS = 1500;
/** With no catalog yet and the DuckDB file held by another process: how often to try again. */
export const LOCKED_RETRY_MS = 3000;

const LOCKED = /in use by another process|Could not set lock on file|Conflicting lock/i;

export interface DbSessionEvents {
  /** A new catalog snapshot is in (after the first load or a refresh). */
  readonly onCatalog: (catalog: Catalog) => void;
  /** Something to tell the user (connect failure, lost connection). */
  readonly onMessage: (level: 'error' | 'warning' | 'info', text: string) => void;
}

export class DbSession {
  private conn: Promise<Connection> | undefined;
  private current: Catalog | undefined;
  private loading: Promise<Catalog | undefined> | undefined;
  private generation = 0;
  private lastError: string | undefined;
  private users = 0;
  private transient = false; // a DuckDB file: closed when idle
  private idle: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    readonly target: string | undefined,
    private readonly cwd: string,
    private readonly events: DbSessionEvents,
  ) {}

  /** The catalog snapshot now (undefined until the first load finishes): never waits. */
  get catalog(): Catalog | undefined {
    return this.current;
  }

  /** The engine of the connection, once connected. */
  engine(): EngineId | undefined {
    return this.current?.dialect.id;
  }

  /** Connect when needed; undefined when there is no target. Throws the connect error. A DuckDB file is
   *  closed again soon after: hold it with use() for longer than a moment. */
  async connection(): Promise<Connection | undefined> {
    if (this.target === undefined) return undefined;
    if (!this.conn) {
      const opening = connect(this.target, { cwd: this.cwd });
      this.conn = opening;
      opening.then(
        (c) => {
          this.transient = c.engine === 'duckdb' && c.info.file !== undefined && c.info.file !== ':memory:';
          this.release();
        },
        () => {
          if (this.conn === opening) this.conn = undefined; // try again on the next use
        },
      );
    }
    return this.conn;
  }

  /** Run `fn` with the connection held open (a DuckDB file is not closed under it). */
  async use<T>(fn: (c: Connection | undefined) => Promise<T>): Promise<T> {
    this.users++;
    clearTimeout(this.idle);
    try {
      return await fn(await this.connection());
    } finally {
      this.users--;
      this.release();
    }
  }

  /** Whether the database is open now (a DuckDB file is closed between uses). */
  get isOpen(): boolean {
    return this.conn !== undefined;
  }

  private release(): void {
    if (!this.transient || this.users > 0) return;
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      if (this.users > 0 || !this.conn) return;
      const c = this.conn;
      this.conn = undefined;
      void c
        .then((x) => x.close())
        .catch(() => undefined); // the engine's close lets the file's lock go (duckdb-connection.ts close)
    }, DUCKDB_IDLE_CLOSE_MS);
    this.idle.unref();
  }

  /** Start (or restart) reading the catalog in the background; resolves with the new snapshot. */
  refresh(): Promise<Catalog | undefined> {
    const gen = ++this.generation;
    const run = (async () => {
      try {
        const catalog = await this.use(async (conn) => conn?.catalog());
        if (!catalog) return undefined;
        if (gen !== this.generation) return this.current; // a newer refresh started meanwhile
        this.current = catalog;
        this.lastError = undefined;
        this.events.onCatalog(catalog);
        return catalog;
      } catch (e) {
        this.noteFailure(e);
        if (!this.current && !this.closed && LOCKED.test(e instanceof Error ? e.message : String(e))) {
          clearTimeout(this.retry);
          this.retry = setTimeout(() => void this.refresh(), LOCKED_RETRY_MS);
          this.retry.unref();
        }
        return this.current;
      }
    })();
    this.loading = run;
    return run;
  }

  /** The load in progress (or the last one). */
  whenLoaded(): Promise<Catalog | undefined> {
    return this.loading ?? this.refresh();
  }

  /** After an error from the connection: forget it when it is gone, tell the user once per distinct message.
   *  Returns the message as told (with what to do about a locked DuckDB file). */
  noteFailure(e: unknown): string {
    let msg = e instanceof Error ? e.message : String(e);
    if (LOCKED.test(msg)) {
      msg += this.current
        ? '. DuckDB lets one process at a time open a file: completion and hover go on from the catalog read before; the server opens the file again on the next run, check or refresh.'
        : '. DuckDB lets one process at a time open a file: the server reads its catalog as soon as the other process closes it.';
    }
    if (e instanceof ConnectionLostError || /connection (is )?(closed|lost|terminated)|ECONNRESET|EPIPE|server has gone away|terminating connection/i.test(msg)) {
      const old = this.conn;
      this.conn = undefined;
      old?.then((c) => c.close()).catch(() => undefined);
    }
    if (msg !== this.lastError) {
      this.lastError = msg;
      this.events.onMessage('error', `sqlsh: ${msg}`);
    }
    return msg;
  }

  /** Whether `message` (as `sqlsh: ...`) is the failure last told to the user. */
  isTold(message: string): boolean {
    return this.lastError !== undefined && message === `sqlsh: ${this.lastError}`;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idle);
    clearTimeout(this.retry);
    const c = this.conn;
    this.conn = undefined;
    this.generation++;
    if (c) await c.then((x) => x.close()).catch(() => undefined);
  }
}
