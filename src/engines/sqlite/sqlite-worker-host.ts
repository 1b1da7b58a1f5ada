/**
 * Main-thread handle on one database worker: starts it, routes its messages to the request in
 * progress, keeps it referenced only while a request runs (an idle worker never keeps the process
 * alive), and stops it cleanly or abandons it.
 */
import { Worker } from 'node:worker_threads';
import { ConnectError } from '../../core/errors.js';
import { findSqliteNative, loadSqliteNative, type SqliteNative } from './sqlite-native.js';
import { trackRunaway } from './sqlite-runaway.js';
import { FLAG_ACKS, FLAG_CANCEL, FLAG_COUNT, FLAG_INTERRUPTS, type FromWorker, type ToWorker, type WorkerStartData } from './sqlite-protocol.js';
import type { SqliteHost } from './sqlite-host.js';

/** How often an interrupt is repeated while a cancelled request has not ended. */
const REINTERRUPT_MS = 50;
/** The worker's young generation, MB (see new Worker below). */
const WORKER_YOUNG_MB = 8;

export interface HostStarted {
  readonly host: SqliteWorkerHost;
  readonly version: string;
}

export class SqliteWorkerHost implements SqliteHost {
  private readonly flags: Int32Array;
  private listener: ((m: FromWorker) => void) | undefined;
  private lostListener: ((reason: string) => void) | undefined;
  private exited = false;
  private readonly exitPromise: Promise<void>;
  /** Set once the worker has opened the database: how to interrupt its statements from here. */
  private interrupter: { readonly native: SqliteNative; readonly id: number } | undefined;
  /** Repeats the interrupt until the request ends (see requestCancel). */
  private reinterrupt: NodeJS.Timeout | undefined;

  private constructor(private readonly worker: Worker, flags: SharedArrayBuffer) {
    this.flags = new Int32Array(flags, 0, FLAG_COUNT);
    let lastError = '';
    this.worker.on('message', (m: FromWorker) => this.listener?.(m));
    this.worker.on('error', (e) => {
      lastError = e instanceof Error ? e.message : String(e);
    });
    this.exitPromise = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        this.exited = true;
        this.stopReinterrupt();
        const lost = this.lostListener;
        this.lostListener = undefined;
        lost?.(lastError || `the database worker exited with code ${code}`);
        resolve();
      });
    });
  }

  /** Starts a worker on `path` and waits until the database is open. Throws ConnectError. */
  static async start(path: string, readOnly: boolean): Promise<HostStarted> {
    const flags = new SharedArrayBuffer(FLAG_COUNT * Int32Array.BYTES_PER_ELEMENT);
    const nativePath = findSqliteNative();
    const data: WorkerStartData = { path, readOnly, flags, ...(nativePath ? { nativePath } : {}) };
    // execArgv: [] — the worker needs none of the process's Node flags, and some (--input-type, ...) make it fail.
    // A small young generation: the worker's objects live for one batch at most, and V8's default
    // (growing to 3 x 16 MB) was a third of an export's peak RSS. The old generation is not limited
    // (a big value must not crash the worker).
    const worker = new Worker(new URL('./sqlite-worker.js', import.meta.url), {
      workerData: data,
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    const host = new SqliteWorkerHost(worker, flags);
    const version = await new Promise<string>((resolve, reject) => {
      host.listener = (m) => {
        if (m.type === 'opened') {
          const native = m.interruptId ? loadSqliteNative(nativePath) : undefined;
          if (native) host.interrupter = { native, id: m.interruptId };
          resolve(m.version);
        }
        else if (m.type === 'open-error') reject(new ConnectError(`cannot open '${path}': ${m.error.message}`));
      };
      host.lostListener = (reason) => reject(new ConnectError(`cannot open '${path}': ${reason}`));
    }).finally(() => {
      host.listener = undefined;
      host.lostListener = undefined;
    });
    worker.unref();
    return { host, version };
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** True when a statement can be stopped inside a step (sqlite3_interrupt), not only between rows. */
  get interruptible(): boolean {
    return this.interrupter !== undefined;
  }

  /** Sends a request; messages go to onMessage until done() is called. onLost: the worker died. */
  begin(msg: ToWorker, onMessage: (m: FromWorker) => void, onLost: (reason: string) => void): void {
    this.listener = onMessage;
    this.lostListener = onLost;
    this.worker.ref();
    this.worker.postMessage(msg);
  }

  /** The request is over: stop routing messages and let the process exit while idle. */
  done(): void {
    this.stopReinterrupt();
    this.listener = undefined;
    this.lostListener = undefined;
    if (!this.exited) this.worker.unref();
  }

  /** The consumer took one batch of rows. */
  ack(): void {
    Atomics.add(this.flags, FLAG_ACKS, 1);
    Atomics.notify(this.flags, FLAG_ACKS);
  }

  /**
   * Ask the worker to stop request `id`: at its next row, and, with the native helper, inside the
   * SQLite step it is in (sqlite3_interrupt, which rolls the statement back as the sqlite3 shell's
   * Ctrl-C does). The flag is set first, so the worker knows the interrupt was a cancel. An
   * interrupt that comes just before a statement starts is forgotten by SQLite, so it is repeated
   * every REINTERRUPT_MS until the request ends; a late one is cleared by the worker.
   */
  requestCancel(id: number): void {
    Atomics.store(this.flags, FLAG_CANCEL, id);
    Atomics.notify(this.flags, FLAG_ACKS);
    if (!this.interrupter || this.exited) return;
    this.interrupt();
    clearInterval(this.reinterrupt);
    this.reinterrupt = setInterval(() => this.interrupt(), REINTERRUPT_MS);
    this.reinterrupt.unref();
  }

  private interrupt(): void {
    if (!this.interrupter || this.exited) return this.stopReinterrupt();
    this.interrupter.native.interrupt(this.interrupter.id);
    Atomics.add(this.flags, FLAG_INTERRUPTS, 1);
  }

  private stopReinterrupt(): void {
    clearInterval(this.reinterrupt);
    this.reinterrupt = undefined;
  }

  /**
   * Stop the worker without waiting for it. A worker stuck inside one long SQLite step keeps
   * running until the step ends; it is tracked so the process can still exit (sqlite-runaway.ts).
   */
  abandon(): void {
    this.stopReinterrupt();
    this.listener = undefined;
    this.lostListener = undefined;
    if (this.exited) return;
    trackRunaway(this.worker);
    void this.worker.terminate().catch(() => undefined);
    this.worker.unref(); // after terminate(), which refs the worker again
  }

  /** Closes the database and waits for the worker to exit (at most timeoutMs, then terminates it). */
  async close(timeoutMs = 2000): Promise<void> {
    this.listener = undefined;
    this.lostListener = undefined;
    if (this.exited) return;
    this.worker.ref(); // keep the process alive until the database is closed
    this.worker.postMessage({ type: 'close' } satisfies ToWorker);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), timeoutMs);
      timer.unref();
    });
    const late = await Promise.race([this.exitPromise.then(() => false), timedOut]);
    clearTimeout(timer);
    if (late) this.abandon();
  }
}
