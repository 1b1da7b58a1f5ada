/**
 * The server's one database: connected on first need through the library's connect() (the shell's
 * own targets: saved connection names, files, URIs), its catalog read in the background and swapped
 * in whole. A lost connection is dropped and opened again on the next use; the server never dies of it.
 */
import { connect, ConnectionLostError, type Catalog, type Connection, type EngineId } from '../index.js';

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

  /** Connect when needed; undefined when there is no target. Throws the connect error. */
  async connection(): Promise<Connection | undefined> {
    if (this.target === undefined) return undefined;
    if (!this.conn) {
      const opening = connect(this.target, { cwd: this.cwd });
      this.conn = opening;
      opening.catch(() => {
        if (this.conn === opening) this.conn = undefined; // try again on the next use
      });
    }
    return this.conn;
  }

  /** Start (or restart) reading the catalog in the background; resolves with the new snapshot. */
  refresh(): Promise<Catalog | undefined> {
    const gen = ++this.generation;
    const run = (async () => {
      try {
        const conn = await this.connection();
        if (!conn) return undefined;
        const catalog = await conn.catalog();
        if (gen !== this.generation) return this.current; // a newer refresh started meanwhile
        this.current = catalog;
        this.lastError = undefined;
        this.events.onCatalog(catalog);
        return catalog;
      } catch (e) {
        this.noteFailure(e);
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

  /** After an error from the connection: forget it when it is gone, tell the user once per distinct message. */
  noteFailure(e: unknown): void {
    const msg = e instanceof Error ? e.message : String(e);
    if (e instanceof ConnectionLostError || /connection (is )?(closed|lost|terminated)|ECONNRESET|EPIPE|server has gone away|terminating connection/i.test(msg)) {
      const old = this.conn;
      this.conn = undefined;
      old?.then((c) => c.close()).catch(() => undefined);
    }
    if (msg !== this.lastError) {
      this.lastError = msg;
      this.events.onMessage('error', `sqlsh: ${msg}`);
    }
  }

  async close(): Promise<void> {
    const c = this.conn;
    this.conn = undefined;
    this.generation++;
    if (c) await c.then((x) => x.close()).catch(() => undefined);
  }
}
