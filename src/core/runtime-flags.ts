/**
 * The V8 flags sqlsh changes while it runs (v8.setFlagsFromString): `--expose-gc` to reach gc()
 * (core/young-garbage.ts), `--semi-space-growth-factor=1` to stop the young generation's growth
 * (core/young-garbage.ts, cli/young-generation.ts), `--no-turbofan` while DuckDB writes a csv export
 * that sqlsh only passes on (engines/duckdb/duckdb-connection.ts).
 *
 * V8 stamps a code cache with a hash of its flags as they are when the cache is made, and refuses a
 * cache whose stamp is not its own at the next start. A cache made after such a change was refused by
 * every later run, which compiled everything again and wrote the cache again, under the changed flags:
 * the MariaDB bundle's 4.8 MB cache was rewritten at the end of every export. So each change goes
 * through here, with the flag's value at start, and cli/code-cache.ts makes its caches under the start
 * values (underStartFlags). A function V8 gave while `--expose-gc` was on (gc()) keeps working after.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * flag name → [its value at start, its value now], as setFlagsFromString takes them. One map for the
 * process: bin/sqlsh.js loads code-cache.js, a bundle file of its own with its own copy of this
 * module (scripts/bundle.mjs), before main.js, whose modules change the flags.
 */
type Changed = Map<string, readonly [start: string, now: string]>;
const KEY = Symbol.for('sqlsh.runtime-flags');
const changed: Changed = ((globalThis as { [KEY]?: Changed })[KEY] ??= new Map());

const flagName = (flag: string): string => flag.replace(/^--(no-)?/, '').replace(/=.*$/, '');

/** The flag as Node's command line or NODE_OPTIONS gave it (the last one wins), if it did. */
function givenAtStart(name: string): string | undefined {
  const args = [...(process.env.NODE_OPTIONS ?? '').split(/\s+/), ...process.execArgv];
  let given: string | undefined;
  for (const arg of args) if (arg.startsWith('--') && flagName(arg.replace(/_/g, '-')) === name) given = arg;
  return given;
}

/**
 * Sets a V8 flag (`--expose-gc`, `--semi-space-growth-factor=1`). `byDefault` is its value when
 * Node's command line does not set it (`--no-expose-gc`, V8's default). Returns a function that
 * puts back the value the flag had before (for a flag set for the time of one export).
 */
export function setRuntimeFlag(flag: string, byDefault: string): () => void {
  const name = flagName(flag);
  const before = changed.get(name);
  const start = before?.[0] ?? givenAtStart(name) ?? byDefault;
  setFlagsFromString(flag);
  changed.set(name, [start, flag]);
  let undone = false;
  return () => {
    if (undone) return;
    undone = true;
    setFlagsFromString(before?.[1] ?? start);
    if (before) changed.set(name, before);
    else changed.delete(name);
  };
}

/** Flags held for a while (holdRuntimeFlag): how many hold each, and how to put it back. */
type Holds = Map<string, { count: number; readonly undo: () => void }>;
const HOLDS = Symbol.for('sqlsh.runtime-flags.holds');
const holds: Holds = ((globalThis as { [HOLDS]?: Holds })[HOLDS] ??= new Map());

/**
 * Sets a V8 flag for as long as one holder at least keeps it (an export, while it runs): returns the
 * release. Two exports of two sessions in one process may overlap and end in any order; the flag is
 * put back when the last one ends.
 */
export function holdRuntimeFlag(flag: string, byDefault: string): () => void {
  const name = flagName(flag);
  let hold = holds.get(name);
  if (!hold) {
    hold = { count: 0, undo: setRuntimeFlag(flag, byDefault) };
    holds.set(name, hold);
  }
  hold.count++;
  const held = hold;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--held.count > 0) return;
    holds.delete(name);
    held.undo();
  };
}

/** The flags changed here, name → [value at start, value now] (for tests). */
export function runtimeFlagsNow(): ReadonlyMap<string, readonly [string, string]> {
  return new Map(changed);
}

/** Runs `fn` with every flag changed here back at its start value, then sets them again. */
export function underStartFlags<T>(fn: () => T): T {
  if (changed.size === 0) return fn();
  for (const [start] of changed.values()) setFlagsFromString(start);
  try {
    return fn();
  } finally {
    for (const [, now] of changed.values()) setFlagsFromString(now);
  }
}
