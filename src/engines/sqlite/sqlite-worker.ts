/**
 * Worker thread entry: hosts one database (sqlite-server.ts) so a long statement never blocks the
 * main thread. Handles one request at a time, synchronously; while streaming it waits on the
 * shared flags for the consumer to take batches (at most MAX_BATCHES_IN_FLIGHT ahead) and stops
 * as soon as the main thread flags the request as cancelled.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteServer } from './sqlite-server.js';
import { FLAG_ACKS, FLAG_CANCEL, FLAG_COUNT, FLAG_INTERRUPTS, MAX_BATCHES_IN_FLIGHT, type ToWorker, type WorkerStartData } from './sqlite-protocol.js';

async function main(): Promise<void> {
  const start = workerData as WorkerStartData;
  const flags = new Int32Array(start.flags, 0, FLAG_COUNT);
  const cancelled = (id: number): boolean => Atomics.load(flags, FLAG_CANCEL) === id;
  const Database = (await import('better-sqlite3')).default;
  const server = SqliteServer.open(Database, start, {
    post: (m, transfer) => parentPort!.postMessage(m, transfer ? [...transfer] : undefined),
    cancelled,
  });
  if (!server) {
    parentPort!.close();
    return;
  }

  /** Blocks until the consumer is at most MAX_BATCHES_IN_FLIGHT-1 batches behind, or the request is cancelled. */
  function waitForRoom(id: number, sent: number): void {
    for (;;) {
      if (cancelled(id)) return;
      const acks = Atomics.load(flags, FLAG_ACKS);
      if (sent - acks < MAX_BATCHES_IN_FLIGHT) return;
      Atomics.wait(flags, FLAG_ACKS, acks, 1000);
    }
  }

  parentPort!.on('message', (m: ToWorker) => {
    if (m.type !== 'close') server.clearLateInterrupt(Atomics.load(flags, FLAG_INTERRUPTS));
    switch (m.type) {
      case 'execute': {
        Atomics.store(flags, FLAG_ACKS, 0);
        const steps = server.execute(m.id, m.sql, m.batchSize, m.text, m.sqlite3Values === true, m.nullParameters === true);
        for (let r = steps.next(); !r.done; r = steps.next()) waitForRoom(m.id, r.value);
        break;
      }
      case 'introspect':
        server.introspect(m.id);
        break;
      case 'run-many':
        server.runMany(m.id, m.statements);
        break;
      case 'backup':
        server.backup(m.id, m.schema, m.file, m.restore, m.fast);
        break;
      case 'load-extension':
        server.loadExtension(m.id, m.file, m.entryPoint);
        break;
      case 'close':
        try {
          server.close();
        } finally {
          parentPort!.postMessage({ type: 'closed' });
          parentPort!.close();
        }
        break;
    }
  });
}

void main();
