/**
 * Keeps V8's young generation small for a script's run: a long export allocates fast, and V8 then
 * doubles the new space up to its maximum (16 MB per semi-space on 64-bit Node 20, 32 MB committed
 * with both halves), a third of an export's peak memory. `--max-semi-space-size` would bound it, but
 * only on Node's command line (bin/sqlsh.js is started as `sqlsh` or `node bin/sqlsh.js`, and a
 * re-exec would cost a second Node start-up). The growth factor, however, is read each time the
 * new space grows, so once it has reached NEW_SPACE_CAP the factor is set to 1: it grows no more
 * (capNewSpace, which an export's output also calls as it goes by: core/young-garbage.ts).
 *
 * Where V8 does not take the flag (a future Node), this does nothing.
 *
 * The watch starts `AFTER_MS` after the call: node:perf_hooks and its dozen internal modules are
 * not loaded by a short script (`sqlsh FILE.db -c "select 1"`, 2-3 ms of its start-up). The new
 * space grows only after scavenges that keep most of it, by doubling from 1 MB: it cannot pass
 * NEW_SPACE_CAP in that time, and the first scavenge after the watch starts still caps it.
 */
const AFTER_MS = 50;

import { capNewSpace } from '../core/young-garbage.js';
import { PerformanceObserver } from 'node:perf_hooks';

export function capYoungGeneration(): void {
  setTimeout(watch, AFTER_MS).unref();
}

function watch(): void {
  if (capNewSpace()) return;
  const observer = new PerformanceObserver(() => {
    if (capNewSpace()) observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}
