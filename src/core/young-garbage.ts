/**
 * Frees the buffers a fast export has finished with, soon. An export that makes no row objects
 * allocates almost nothing on V8's heap but reads and writes megabytes of Buffers (socket chunks,
 * output chunks) whose memory lives outside it: V8 collects them only when its heap asks for a
 * collection, so tens of megabytes of dead buffers pile up first. A young-generation collection
 * (a scavenge, well under a millisecond when nothing much lives) every `every` bytes frees them
 * (2 MB by default: 8 MB left 5 MB more of dead buffers at the peak of a 100k-row MariaDB csv export;
 * PostgreSQL's DataRow tap keeps 8 MB, where 2 MB cost 10% of a 1M-row expanded export).
 * Uses V8's gc(), exposed at run time (gcFunction(), also used by lsp/db-session.ts); where that fails it does nothing.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { setRuntimeFlag } from './runtime-flags.js';
import { runInNewContext } from 'node:vm';

type Gc = (options?: { type?: 'minor' | 'major'; execution?: 'sync' | 'async' }) => void;
let gc: Gc | null | undefined;

/** V8's gc(), exposed at run time on first use; null where that fails (then V8 collects by itself). */
export function gcFunction(): Gc | null {
  if (gc === undefined) {
    try {
      setRuntimeFlag('--expose-gc', '--no-expose-gc');
      gc = runInNewContext('gc') as Gc;
    } catch {
      gc = null;
    }
  }
  return gc;
}

export class YoungGarbage {
  private bytes = 0;

  constructor(private readonly every = 2 << 20) {}

  /** Count bytes handled; collect once `every` have gone by. */
  handled(n: number): void {
    this.bytes += n;
    if (this.bytes < this.every) return;
    this.bytes = 0;
    gcFunction()?.({ type: 'minor' });
  }
}

/**
 * The young generation's size where an export stops its growth (cli/young-generation.ts stops it there
 * too, but from a PerformanceObserver, which runs only when the event loop turns: an export that makes
 * rows had doubled it twice more by then, to 32 MB, a fifth of its peak memory). V8 reads the growth
 * factor each time it grows the new space, so setting it to 1 from here, as the output goes by, holds it.
 */
export const NEW_SPACE_CAP = 8 << 20;
let newSpaceCapped = false;

/**
 * Stops the young generation's growth once it is NEW_SPACE_CAP, or now (an export that holds rows a
 * while). True once it is stopped.
 */
export function capNewSpace(now = false): boolean {
  if (newSpaceCapped) return true;
  for (const s of getHeapSpaceStatistics()) {
    if (s.space_name !== 'new_space') continue;
    if (s.space_size < NEW_SPACE_CAP && !now) return false;
    newSpaceCapped = true;
    setRuntimeFlag('--semi-space-growth-factor=1', '--semi-space-growth-factor=2');
  }
  return newSpaceCapped;
}

const oldSpaceUsed = (): number => {
  for (const s of getHeapSpaceStatistics()) if (s.space_name === 'old_space') return s.space_used_size;
  return 0;
};

/**
 * Collects V8's old generation once it has grown by `slack` bytes since it was last seen collected.
 * A long export keeps few objects alive, but a few of its short-lived ones (a batch of rows waiting
 * in a queue, a chunk's text) live through two young collections now and then and are moved to
 * the old generation, where V8 leaves them until its own limit, 30-40 MB later: that garbage was a
 * third of the peak memory of an expanded or markdown export. Checked every `every` bytes of output
 * (output/stream-output.ts), at a cost of a few microseconds; a collection of the small live heap
 * takes a few milliseconds, and an export that promotes nothing (the byte-level paths) never pays it.
 */
export class OldGarbage {
  private bytes = 0;
  private base = -1;

  constructor(
    /** Also stop the young generation's growth at `NEW_SPACE_CAP` (an export to a file or pipe). */
    private readonly capNewSpace = false,
    private readonly every = 1 << 18,
    private readonly slack = 6 << 20,
  ) {}

  /** Count bytes handled; look at the heap once `every` have gone by. */
  handled(n: number): void {
    this.bytes += n;
    if (this.bytes < this.every) return;
    this.bytes = 0;
    if (this.capNewSpace && !newSpaceCapped) capNewSpace();
    const used = oldSpaceUsed();
    if (this.base < 0 || used < this.base) {
      this.base = used;
      return;
    }
    if (used - this.base < this.slack) return;
    const gc = gcFunction();
    if (!gc) return;
    gc(); // a full collection: Node 20's gc({ type: 'major' }) runs a young one
    this.base = oldSpaceUsed();
  }
}
