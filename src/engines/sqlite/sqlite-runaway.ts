/**
 * Database worker threads that were abandoned while stuck inside one native SQLite step: only
 * when the native cancel helper (sqlite-native.ts) is missing, or a step does not stop when
 * interrupted.
 *
 * Such a step cannot be stopped from JavaScript, and Node joins every worker thread before the
 * process ends: even process.exit() waits until such a step finishes by itself (minutes, hours).
 * So while one of these threads still runs, an 'exit' listener ends the process at once with
 * SIGINT (exit status 130, the status of an interrupted program; SIGKILL if SIGINT did not end
 * it). The listener is added at the first abandon, so exit listeners added before it (such as a
 * terminal restore) still run; the intended exit code is lost only in this case.
 *
 * Threads are process-wide, so this is the one module-level set in the engine: it holds only
 * workers that were told to terminate and have not exited yet.
 */
import type { Worker } from 'node:worker_threads';

const running = new Set<Worker>();
let guarded = false;

/** Ends this process now, without waiting for worker threads. Output already written is kept. */
export function endProcessNow(): never {
  process.removeAllListeners('SIGINT'); // back to the default action: terminate
  process.kill(process.pid, 'SIGINT');
  process.kill(process.pid, 'SIGKILL'); // SIGINT did not end it
  throw new Error('unreachable: the process was killed');
}

function onExit(): void {
  if (running.size > 0) endProcessNow();
}

/** Remembers an abandoned worker until it exits. */
export function trackRunaway(worker: Worker): void {
  running.add(worker);
  worker.once('exit', () => running.delete(worker));
  if (!guarded) {
    guarded = true;
    process.on('exit', onExit);
  }
}

/**
 * How many abandoned SQLite steps are still running in this process. While it is above zero, the
 * process cannot end normally; it is ended with SIGINT on exit (see above). A shell may use this
 * to say so before quitting.
 */
export function runawaySqliteSteps(): number {
  return running.size;
}
