/**
 * What SqliteConnection needs from the place its database runs: a worker thread
 * (sqlite-worker-host.ts, the shell's) or the main thread itself (sqlite-inline-host.ts, a script's).
 */
import type { FromWorker, ToWorker } from './sqlite-protocol.js';

export interface SqliteHost {
  /** False once the database is gone (the worker exited, the host was closed or abandoned). */
  readonly alive: boolean;
  /** True when a statement can be stopped inside a step (sqlite3_interrupt), not only between rows. */
  readonly interruptible: boolean;
  /** Sends a request; messages go to onMessage until done() is called. onLost: the database went away. */
  begin(msg: ToWorker, onMessage: (m: FromWorker) => void, onLost: (reason: string) => void): void;
  /** The request is over. */
  done(): void;
  /** The consumer took one batch of rows. */
  ack(): void;
  /** Ask for request `id` to stop (it ends with a 'cancelled' message). */
  requestCancel(id: number): void;
  /** Give up on a request that does not stop: the database is dropped; a new host reopens it. */
  abandon(): void;
  /** Closes the database (waiting at most timeoutMs where that can take time). */
  close(timeoutMs?: number): Promise<void>;
}

export interface HostStarted {
  readonly host: SqliteHost;
  readonly version: string;
}
