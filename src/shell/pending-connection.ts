/**
 * A connection that is still being opened. The interactive shell shows its prompt at once for file
 * databases (SQLite, DuckDB) instead of waiting for the engine's worker to start: typing never waits.
 * A statement submitted before the connection is ready waits for it; everything else answers from
 * what the target already says (the dialect, a provisional ConnectionInfo without the version).
 */
import type { CatalogData } from '../catalog/catalog-data.js';
import type { ResultEvent } from '../core/result.js';
import type { Connection, ConnectionInfo, ConnectionTarget, ExecuteOptions, TransactionStatus } from '../engines/engine.js';
import type { SqlDialect } from '../sql/dialect.js';

export class PendingConnection implements Connection {
  private conn: Connection | undefined;
  /** Resolves with the open connection; rejects with the engine's ConnectError. */
  readonly ready: Promise<Connection>;

  constructor(
    opening: Promise<Connection>,
    readonly dialect: SqlDialect,
    private readonly provisional: ConnectionInfo,
  ) {
    this.ready = opening.then((c) => (this.conn = c));
    this.ready.catch(() => undefined); // the owner handles the failure; no unhandled rejection here
  }

  get info(): ConnectionInfo {
    return this.conn?.info ?? this.provisional;
  }

  async *execute(sql: string, opts?: ExecuteOptions): AsyncIterable<ResultEvent> {
    yield* (await this.ready).execute(sql, opts);
  }

  cancel(): Promise<void> {
    return this.conn ? this.conn.cancel() : Promise.resolve();
  }

  transactionStatus(): TransactionStatus {
    return this.conn?.transactionStatus() ?? 'idle';
  }

  async introspect(signal?: AbortSignal): Promise<CatalogData> {
    return (await this.ready).introspect(signal);
  }

  async close(): Promise<void> {
    const c = await this.ready.catch(() => undefined);
    await c?.close();
  }
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
