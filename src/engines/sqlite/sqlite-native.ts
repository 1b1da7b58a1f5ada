/**
 * The small native helper of the SQLite engine (native/sqlsh-interrupt.c, built by node-gyp at
 * install time as build/Release/sqlsh_interrupt.node): interrupt(id) stops the statement running
 * on a connection from another thread (sqlite3_interrupt), and textBytes(id, column) reads the
 * exact bytes of a TEXT value of the current row. The worker loads the same file into its
 * better-sqlite3 connection as an SQLite extension, which registers the connection under an id.
 *
 * When the helper is missing (not built), cancel falls back to abandoning the worker.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SqliteNative {
  /** sqlite3_interrupt() on connection `id`; false when that connection is not open. */
  interrupt(id: number): boolean;
  /** The id of the connection this thread loaded the extension into last (0: none). */
  claim(): number;
  /** The bytes of TEXT column `column` of the current row of the one running statement on `id`. */
  textBytes(id: number, column: number): Uint8Array | undefined;
  /**
   * Until sigintDisarm(), a SIGINT calls sqlite3_interrupt() on connection `id` (one opened on this
   * thread), then goes on to the handler it replaced; false when it cannot (Windows). Missing in a
   * helper built before it existed.
   */
  sigintArm?(id: number): boolean;
  sigintDisarm?(): void;
  /** SIGINTs the armed handler has seen in this process. */
  sigintCount?(): number;
  /**
   * The csv/tsv export in C (native/sqlsh-export.cc), missing in a helper built before it existed.
   * exportStart prepares `sql` again on connection `id` (this thread's own) and returns a handle, or
   * undefined when the statement does not fit (not one statement, parameters, no columns, writes):
   * the caller runs the ordinary path. `nullString` is the null string's UTF-8; `single`: a
   * one-column result (a lone \. is quoted in csv).
   */
  exportStart?(id: number, sql: string, format: 'csv' | 'tsv' | 'copy' | 'copy-raw' | 'json' | 'jsonl', nullString: Uint8Array, single: boolean, keys?: Uint8Array): NativeExport | undefined;
  /**
   * The next whole rows, about `bytes` of them (more for one long row): a string, or a Buffer when
   * they hold TEXT that is not valid UTF-8 (and always for 'copy'); null once done. Bytes that fit
   * in `into` are copied there and their count comes back. Throws Error with .code on a failed step.
   */
  exportNext?(handle: NativeExport, bytes: number, into?: Buffer): string | Buffer | number | null;
  /** exportStart() takes 'copy-raw'; missing in a helper built before it (which would write csv). */
  readonly exportCopyRaw?: boolean;
  /** 'copy' (COPY text, for the aligned table): per column, true when the last chunk's values there are numbers. */
  exportNumeric?(handle: NativeExport): boolean[];
  /** Rows formatted so far. */
  exportRows?(handle: NativeExport): number;
  /** Finalizes the statement; call it always (also after an error or a cancel). */
  exportFinish?(handle: NativeExport): void;
  /**
   * Runs statements that return no rows one after another on connection `id` (native/sqlsh-run-many.cc),
   * for at most about limitMs: changes per statement that ran (-1: no statement in its text), and why it
   * stopped before the end ('other': that statement needs the ordinary path; 'error' with code and message;
   * 'interrupted': a SIGINT between two statements). Missing in a helper built before it.
   */
  runMany?(id: number, statements: readonly string[], limitMs: number): { changes: number[]; stop?: 'other' | 'error' | 'interrupted'; code?: string; message?: string } | undefined;
  /**
   * SQLite's online backup on connection `id` (native/sqlsh-backup.cc): the database `schema` copied into FILE
   * (restore false; `fast`: FILE written with synchronous and journal_mode off), or FILE's main database copied
   * over `schema` (restore true). `error`: what failed; undefined when the connection is not open. Missing in a
   * helper built before it.
   */
  backup?(id: number, schema: string, file: string, restore: boolean, fast: boolean): { error?: string } | undefined;
  /** The export's text of a double (output/format-value.ts formatNumber; toString: JavaScript's String(value)), for tests. */
  formatDouble?(value: number, toString?: boolean): string;
}

/** An export in progress in the native helper (opaque). */
export type NativeExport = { readonly __nativeExport: never };

/** The SQLite extension entry point of the helper. */
export const NATIVE_ENTRY_POINT = 'sqlite3_sqlshinterrupt_init';

const RELATIVE = join('build', 'Release', 'sqlsh_interrupt.node');

/** The helper's path: build/Release under the package root (this file is 3 to 4 levels below it). */
export function findSqliteNative(from: string = fileURLToPath(import.meta.url)): string | undefined {
  let dir = dirname(from);
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** Loads the helper as a Node-API addon (once per thread, by Node's module cache); undefined if it cannot. */
export function loadSqliteNative(path: string | undefined): SqliteNative | undefined {
  if (!path) return undefined;
  try {
    return createRequire(import.meta.url)(path) as SqliteNative;
  } catch {
    return undefined;
  }
}

/**
 * The path of better-sqlite3's own addon (build/Release or build/Debug/better_sqlite3.node beside its
 * lib/), for its `nativeBinding` option: every `new Database` here passes it. Without it better-sqlite3
 * finds the addon through the `bindings` package, which loads two more packages and tries a dozen
 * paths (about 4 ms of every start), and which looks beside the caller's file: the bundle, which holds
 * better-sqlite3's JavaScript (scripts/bundle.mjs), is not beside the addon. Undefined when neither is
 * there (then better-sqlite3's own search says what it tried).
 */
export function betterSqliteBinding(): string | undefined {
  try {
    const lib = createRequire(import.meta.url).resolve('better-sqlite3');
    for (const build of ['Release', 'Debug']) {
      const addon = join(dirname(lib), '..', 'build', build, 'better_sqlite3.node');
      if (existsSync(addon)) return addon;
    }
  } catch {
    // not installed: the import of better-sqlite3 says so
  }
  return undefined;
}
