/**
 * A connection that is still being opened. The interactive shell shows its prompt at once for file
 * databases (SQLite, DuckDB) instead of waiting for the engine's worker to start, and for a server
 * that needs nothing asked (Engine.provisionalInfo) instead of waiting for the driver and the
 * connection: typing never waits. A statement submitted before the connection is ready waits for
 * it; everything else answers from what the target already says (the dialect, a provisional
 * ConnectionInfo without the version).
 */
import type { CatalogData } from '../catalog/catalog-data.js';
import { CancelledError } from '../core/errors.js';
import type { ResultEvent } from '../core/result.js';
import type { Connection, ConnectionInfo, ConnectionTarget, ExecuteOptions, TransactionStatus } from '../engines/engine.js';
import type { SqlDialect } from '../sql/dialect.js';

export class PendingConnection implements Connection {
  private conn: Connection | undefined;
  private failed = false;
  /** Resolves with the open connection; rejects with the engine's ConnectError. */
  readonly ready: Promise<Connection>;

  constructor(
    opening: Promise<Connection>,
    readonly dialect: SqlDialect,
    private readonly provisional: ConnectionInfo,
  ) {
    this.ready = opening.then(
      (c) => (this.conn = c),
      (e: unknown) => {
        this.failed = true;
        throw e;
      },
    );
    this.ready.catch(() => undefined); // the owner handles the failure; no unhandled rejection here
  }

  get info(): ConnectionInfo {
    return this.conn?.info ?? this.provisional;
  }

  /** Still opening: quitting now need not wait for it (close() does not). */
  get opening(): boolean {
    return this.conn === undefined && !this.failed;
  }

  async *execute(sql: string, opts?: ExecuteOptions): AsyncIterable<ResultEvent> {
    // Ctrl-C while the statement waits for the connection gives the prompt back, as it would while it runs
    yield* (this.conn ?? (await untilReady(this.ready, opts?.signal))).execute(sql, opts);
  }

  cancel(): Promise<void> {
    return this.conn ? this.conn.cancel() : Promise.resolve();
  }

  serverSetting(name: string): string | undefined {
    return this.conn?.serverSetting?.(name);
  }

  transactionStatus(): TransactionStatus {
    return this.conn?.transactionStatus() ?? 'idle';
  }

  async introspect(signal?: AbortSignal): Promise<CatalogData> {
    return (await this.ready).introspect(signal);
  }

  async close(): Promise<void> {
    if (this.conn) return this.conn.close();
    // Quitting before the connection is open: it is closed when it comes, nobody waits for it
    void this.ready.then((c) => c.close(), () => undefined);
  }
}

function untilReady(ready: Promise<Connection>, signal: AbortSignal | undefined): Promise<Connection> {
  if (!signal) return ready;
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise<Connection>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    ready.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** What a file target will look like once open, minus what only the engine knows (its version). */
export function provisionalFileInfo(target: ConnectionTarget): ConnectionInfo {
  const file = target.path ?? ':memory:';
  const memory = file === ':memory:';
  return Object.freeze({
    engine: target.engine,
    label: memory ? ':memory:' : (file.split('/').pop() ?? file),
    url: memory && target.engine === 'duckdb' ? 'duckdb::memory:' : `${target.engine}:${file}`,
    file,
    readOnly: target.readOnly ?? false,
  });
}
