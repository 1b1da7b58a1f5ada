/**
 * Frees the buffers a fast export has finished with, soon. An export that makes no row objects
 * allocates almost nothing on V8's heap but reads and writes megabytes of Buffers (socket chunks,
 * output chunks) whose memory lives outside it: V8 collects them only when its heap asks for a
 * collection, so tens of megabytes of dead buffers pile up first. A young-generation collection
 * (a scavenge, well under a millisecond when nothing much lives) every `every` bytes frees them.
 * Uses V8's gc(), exposed at run time (gcFunction(), also used by lsp/db-session.ts); where that fails it does nothing.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options?: { type?: 'minor' | 'major'; execution?: 'sync' | 'async' }) => void;
let gc: Gc | null | undefined;

/** V8's gc(), exposed at run time on first use; null where that fails (then V8 collects by itself). */
export function gcFunction(): Gc | null {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as Gc;
    } catch {
      gc = null;
    }
  }
  return gc;
}

export class YoungGarbage {
  private bytes = 0;

  constructor(private readonly every = 8 << 20) {}

  /** Count bytes handled; collect once `every` have gone by. */
  handled(n: number): void {
    this.bytes += n;
    if (this.bytes < this.every) return;
    this.bytes = 0;
    gcFunction()?.({ type: 'minor' });
  }
}
