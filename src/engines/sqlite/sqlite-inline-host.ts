/**
 * The database on the main thread, for a script (`sqlsh FILE.db -c ...`, `-f`, a pipe): no worker
 * thread to boot (about a third of the start-up of `sqlsh FILE.db -c "select 1"`) and no second
 * JavaScript heap (10 MB and more of an export's peak memory). Nothing else needs the main thread
 * while a script runs, so it may step the statement itself.
 *
 * A statement runs in slices: each turn of the event loop reads one batch of rows (sqlite-server.ts
 * yields before each), so the output is written and Ctrl-C's JavaScript listener runs between
 * batches; at most MAX_BATCHES_IN_FLIGHT batches wait for the consumer. Inside a slice JavaScript
 * cannot run, so the native helper's SIGINT handler is armed for its time (sqlite-native.ts): Ctrl-C
 * interrupts even one long step (a big sort, a count over a join) and rolls it back, as the sqlite3
 * shell's does, then reaches the process's own SIGINT listeners as usual.
 *
 * Used only where the helper has that handler (it is built at install time, not on Windows);
 * otherwise the script's database opens in a worker as the shell's does.
 */
import { ConnectError } from '../../core/errors.js';
import type { HostStarted, SqliteHost } from './sqlite-host.js';
import { findSqliteNative, loadSqliteNative, type SqliteNative } from './sqlite-native.js';
import { FLAG_COUNT, MAX_BATCHES_IN_FLIGHT, type FromWorker, type ToWorker } from './sqlite-protocol.js';
import { SqliteServer } from './sqlite-server.js';

type Armable = SqliteNative & Required<Pick<SqliteNative, 'sigintArm' | 'sigintDisarm' | 'sigintCount'>>;

/** The native helper with the SIGINT handler, or undefined (then use a worker). */
function armableNative(): { readonly native: Armable; readonly path: string } | undefined {
  if (process.platform === 'win32') return undefined;
  const path = findSqliteNative();
  const native = loadSqliteNative(path);
  if (!path || !native?.sigintArm || !native.sigintDisarm || !native.sigintCount) return undefined;
  return { native: native as Armable, path };
}

/** True when a script's database can run on the main thread (the helper can interrupt it on Ctrl-C). */
export function canRunInline(): boolean {
  return armableNative() !== undefined;
}

export class SqliteInlineHost implements SqliteHost {
  private server: SqliteServer | undefined;
  private listener: ((m: FromWorker) => void) | undefined;
  private steps: Generator<number, void, void> | undefined;
  private stepsId = 0;
  /** Batches posted by the statement in progress (as its last yield said) and taken by the consumer. */
  private posted = 0;
  private acks = 0;
  private cancelId = 0;
  /** SIGINTs seen when the request began: one more means Ctrl-C stopped it. */
  private sigintsAtBegin = 0;
  private scheduled: NodeJS.Immediate | undefined;
  private parked = false;

  private constructor(private readonly native: Armable) {}

  /** Opens the database on this thread. Throws ConnectError; undefined when the helper cannot arm Ctrl-C. */
  static async start(path: string, readOnly: boolean): Promise<HostStarted | undefined> {
    const found = armableNative();
    if (!found) return undefined;
    const Database = (await import('better-sqlite3')).default;
    const host = new SqliteInlineHost(found.native);
    let first: FromWorker | undefined;
    host.listener = (m) => (first = m);
    const server = SqliteServer.open(
      Database,
      { path, readOnly, flags: new SharedArrayBuffer(FLAG_COUNT * Int32Array.BYTES_PER_ELEMENT), nativePath: found.path },
      { post: (m) => host.listener?.(m), cancelled: (id) => host.isCancelled(id), sameThread: true },
    );
    host.listener = undefined;
    if (!server) {
      const message = first?.type === 'open-error' ? first.error.message : 'the database could not be opened';
      throw new ConnectError(`cannot open '${path}': ${message}`);
    }
    if (!server.interruptId) {
      server.close(); // the helper did not load into this connection: Ctrl-C could not stop a step
      return undefined;
    }
    host.server = server;
    return { host, version: first?.type === 'opened' ? first.version : '' };
  }

  get alive(): boolean {
    return this.server !== undefined;
  }

  get interruptible(): boolean {
    return true;
  }

  begin(msg: ToWorker, onMessage: (m: FromWorker) => void, _onLost: (reason: string) => void): void {
    const server = this.server;
    if (!server) throw new Error('the database is closed');
    this.listener = onMessage;
    this.sigintsAtBegin = this.native.sigintCount();
    server.clearLateInterrupt(this.sigintsAtBegin); // a Ctrl-C that came after its statement ended
    if (msg.type === 'execute') {
      this.posted = 0;
      this.acks = 0;
      this.stepsId = msg.id;
      this.steps = server.execute(msg.id, msg.sql, msg.batchSize, msg.text, msg.sqlite3Values === true, msg.nullParameters === true);
    } else if (msg.type === 'introspect' || msg.type === 'run-many' || msg.type === 'backup' || msg.type === 'load-extension') {
      const m = msg;
      this.stepsId = m.id;
      this.steps = (function* (): Generator<number, void, void> {
        if (m.type === 'introspect') server.introspect(m.id);
        else if (m.type === 'backup') server.backup(m.id, m.schema, m.file, m.restore, m.fast);
        else if (m.type === 'load-extension') server.loadExtension(m.id, m.file, m.entryPoint);
        else server.runMany(m.id, m.statements);
      })();
    } else {
      void this.close();
      return;
    }
    this.schedule();
  }

  done(): void {
    this.listener = undefined;
    this.stopSteps();
  }

  ack(): void {
    this.acks++;
    if (this.parked && this.posted - this.acks < MAX_BATCHES_IN_FLIGHT) this.schedule();
  }

  requestCancel(id: number): void {
    this.cancelId = id;
    if (this.steps && this.stepsId === id) this.schedule(); // a parked statement comes back to stop
  }

  abandon(): void {
    this.listener = undefined;
    this.stopSteps();
    this.server?.close();
    this.server = undefined;
  }

  async close(): Promise<void> {
    this.listener = undefined;
    this.stopSteps();
    this.server?.close();
    this.server = undefined;
  }

  private isCancelled(id: number): boolean {
    return this.cancelId === id || this.native.sigintCount() !== this.sigintsAtBegin;
  }

  private schedule(): void {
    this.parked = false;
    this.scheduled ??= setImmediate(() => {
      this.scheduled = undefined;
      this.slice();
    });
  }

  /** Runs the request up to its next batch, with Ctrl-C armed to interrupt the step in progress. */
  private slice(): void {
    const steps = this.steps;
    if (!steps || !this.server) return;
    const armed = this.native.sigintArm(this.server.interruptId);
    let r: IteratorResult<number, void>;
    try {
      r = steps.next();
    } finally {
      if (armed) this.native.sigintDisarm();
    }
    if (r.done) {
      if (this.steps === steps) this.steps = undefined;
      return;
    }
    this.posted = r.value;
    if (this.posted - this.acks < MAX_BATCHES_IN_FLIGHT || this.isCancelled(this.stepsId)) this.schedule();
    else this.parked = true;
  }

  private stopSteps(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.parked = false;
    const steps = this.steps;
    this.steps = undefined;
    steps?.return(); // a statement left early is reset
  }
}
