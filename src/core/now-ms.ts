/**
 * A monotonic clock in milliseconds, for elapsed times. Not `performance.now()`: the first use of
 * the global `performance` loads node:perf_hooks with a dozen internal modules (about 2 ms of a
 * script's start-up). Only differences of its values mean anything.
 */
export function nowMs(): number {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}
