/**
 * sqlite3's `.trace stdout|stderr|FILE|off`: each statement's SQL, as it runs, to that place. sqlite3 traces what
 * its connection prepares; sqlsh does the same one level up: every statement the session's connection is asked
 * to run is written before it runs (a script's statements, and the queries sqlsh makes for a dot-command, which
 * are not sqlite3's own: `.tables` and `.parameter` trace different SQL in each; the shell's own queries for
 * `.eqp` and `.changes` are not traced, as sqlite3's are not). `.open` ends it, as in sqlite3.
 *
 * A script's statement is written as written (ExecuteOptions.asWritten: from where sqlite3's text of it begins to its
 * `;`, sql/sqlite3-statement-text.ts), and only once it runs (SQLite traces none that does not compile).
 * Differences: a trigger's statements are not traced (sqlite3: `-- TRIGGER tr`), nor the shell's lookups of each
 * parameter's value; --expanded writes it as written (sqlite3 puts the parameters' values in);
 * sqlite3 3.40 opens its first word as the file (`.trace --stmt stdout` writes a file named --stmt), sqlsh
 * the first word that is not an option.
 */
import type { Connection, ExecuteOptions } from '../engines/engine.js';
import type { TextOutput } from '../output/sink.js';
import { SqlError } from '../core/errors.js';

/** Where the trace goes: a writer, and how it is closed (a file); what is written (sqlite3's --stmt, --profile, --close). */
export interface Sqlite3Trace {
  write(text: string): Promise<void>;
  close(): Promise<void>;
  readonly stmt: boolean;
  readonly profile: boolean;
  readonly close_: boolean;
}

const TRACED = Symbol('sqlite3-trace');

/** The connection under a traced one (or the connection itself). */
export function untraced(conn: Connection): Connection {
  return (conn as { [TRACED]?: Connection })[TRACED] ?? conn;
}

/** `conn` with each statement's SQL written to `trace` before it runs: the text as sent, ended by `;` as sqlite3 shows it. */
export function traced(conn: Connection, trace: () => Sqlite3Trace | undefined): Connection {
  const inner = untraced(conn);
  return new Proxy(inner, {
    get(target, key) {
      if (key === TRACED) return inner;
      // while a trace is on, every statement goes through execute(), each written (no script lane: Connection.executeMany)
      if (key === 'executeMany' && trace()) return undefined;
      if (key === 'execute') {
        return (sql: string, opts?: ExecuteOptions) => tracedRun(target, sql, opts, trace());
      }
      if (key === 'close') {
        return async () => {
          const t = trace();
          if (t?.close_) await t.write('-- closing database connection\n');
          return target.close();
        };
      }
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

async function* tracedRun(conn: Connection, sql: string, opts: ExecuteOptions | undefined, trace: Sqlite3Trace | undefined) {
  // the statement as written in the script, else as sent
  const text = opts?.asWritten ?? traceText(sql);
  let said = !trace?.stmt;
  const say = async (): Promise<void> => {
    if (said) return;
    said = true;
    await trace!.write(`${text}\n`);
  };
  const started = process.hrtime.bigint();
  try {
    for await (const ev of conn.execute(sql, opts)) {
      await say();
      yield ev;
    }
  } catch (e) {
    // SQLite traces a statement as it starts to run: one that does not compile is not traced
    if (!(e instanceof SqlError && e.phase === 'prepare')) await say();
    throw e;
  }
  // --profile: the statement again once it has run, with the time it took in nanoseconds, counted in whole
  // milliseconds as SQLite's clock counts them (a quick statement is `-- 0 ns`)
  if (trace?.profile) await trace.write(`${text} -- ${((process.hrtime.bigint() - started) / 1_000_000n) * 1_000_000n} ns\n`);
}

/** A statement as sqlite3's trace shows it: its text from its first character, with its `;`. */
export function traceText(sql: string): string {
  const text = sql.replace(/^\s+/, '').replace(/\s+$/, '');
  return `${text}${text.endsWith(';') ? '' : ';'}`;
}

export interface TraceWhat {
  readonly stmt: boolean;
  readonly profile: boolean;
  readonly close_: boolean;
}

/** `.trace` on a writer the session has (stdout, stderr) or on a file (kept open until the trace ends). */
export async function openTrace(where: string, what: TraceWhat, stdout: TextOutput, stderr: (text: string) => void): Promise<Sqlite3Trace> {
  if (where === 'stdout' || where === '-') return { ...what, write: async (t) => void (await stdout.write(t)), close: async () => undefined };
  if (where === 'stderr') return { ...what, write: async (t) => stderr(t), close: async () => undefined };
  const { open } = await import('node:fs/promises');
  const file = await open(where, 'w');
  return {
    ...what,
    write: async (t) => void (await file.write(t)),
    close: () => file.close(),
  };
}

/**
 * `.trace`'s words as sqlite3 3.40 reads them: FILE (the last one; none: the trace ends), --stmt, --profile,
 * --close (what is written), --plain and --expanded (how: sqlsh writes the statement as written either way),
 * and no option at all is --stmt. --row (each row) is not done by sqlsh.
 */
export function traceWords(args: readonly string[]): { readonly file?: string; readonly what: TraceWhat } | { readonly error: string } {
  let file: string | undefined;
  let options = false;
  const what = { stmt: false, profile: false, close_: false };
  for (const a of args) {
    if (!a.startsWith('-')) {
      file = a;
      continue;
    }
    options = true;
    const o = a.replace(/^--?/, '');
    if (o === 'stmt') what.stmt = true;
    else if (o === 'profile') what.profile = true;
    else if (o === 'close') what.close_ = true;
    else if (o === 'row') return { error: '.trace --row: sqlsh does not trace each row (--stmt, --profile and --close it does)' };
    else if (o !== 'plain' && o !== 'expanded') return { error: `Unknown option "${a}" on ".trace"` };
  }
  if (!options) what.stmt = true;
  return { ...(file !== undefined ? { file } : {}), what };
}
