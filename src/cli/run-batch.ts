/** Scripting mode: -c, -f and piped stdin run in order; results to stdout or -o; errors to stderr. */
import { SQLITE3_DEFAULT } from '../output/sqlite3-sink.js';
import { closeSync, createWriteStream, openSync, type WriteStream } from 'node:fs';
import type { Connection, ConnectionTarget } from '../engines/engine.js';
import type { Settings } from '../config/settings.js';
import type { SqlshPaths } from '../config/paths.js';
import type { SavedConnection } from '../config/load-config.js';
import type { CliOptions } from './args.js';
import { variableFlag } from '../sql/variables.js';
import { Session } from '../shell/session.js';
import { runScript, runScriptInput, type RunOptions, type RunResult } from '../shell/run-script.js';
import { streamOutput, type ByteOutput } from '../output/stream-output.js';
import { fdOutput, isTerminal } from '../output/fd-output.js';
import { isReaderGone } from '../core/reader-gone.js';
import { stderrTerminal } from '../output/terminal-writer.js';
import { capYoungGeneration } from './young-generation.js';

/** 'no such file or directory (ENOENT)' rather than a bare error code. */
function fsReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'a part of the path is not a directory',
  };
  const w = err.code ? words[err.code] : undefined;
  return w ? `${w} (${err.code})` : (err.code ?? err.message);
}

export async function runBatch(init: {
  connection: Connection;
  target?: ConnectionTarget;
  settings: Settings;
  opts: CliOptions;
  paths: SqlshPaths;
  connections: ReadonlyMap<string, SavedConnection>;
}): Promise<number> {
  // V8's new space stops growing at 8 MB for a script (young-generation.ts): about 15 MB less at the peak of an export
  capYoungGeneration();
  const abort = new AbortController();
  const brokenPipe = (): void => {
    abort.abort();
    process.exit(0); // the reader went away (| head): stop quietly, like other shells
  };
  let stdoutWatched = false;
  const stdoutStream = (): NodeJS.WriteStream => { // made on first use only (fd-output.ts)
    if (!stdoutWatched) {
      stdoutWatched = true;
      process.stdout.on('error', (e: NodeJS.ErrnoException) => {
        if (isReaderGone(e)) brokenPipe();
      });
    }
    return process.stdout;
  };
  // Results to a terminal pass the stream's last guard; to a file, a pipe or -o FILE they are written
  // to the descriptor (fd-output.ts: the same writes, without loading Node's streams for them).
  let stdout: ByteOutput;
  let file: number | undefined;
  let fileStream: WriteStream | undefined; // only if the file would not take a write at once (fd-output.ts)
  if (init.opts.output !== undefined) {
    try {
      file = openSync(init.opts.output, 'w');
    } catch (e) {
      stderrTerminal().line(`sqlsh: cannot write to ${JSON.stringify(init.opts.output)}: ${fsReason(e)}`);
      await init.connection.close();
      return 2;
    }
    const fd = file;
    stdout = fdOutput(brokenPipe, fd, () => (fileStream = createWriteStream('', { fd, autoClose: false })));
  } else {
    stdout = isTerminal(1) ? streamOutput(stdoutStream()) : fdOutput(brokenPipe, 1, stdoutStream);
  }
  process.on('SIGINT', () => abort.abort());
  const session = new Session({
    connection: init.connection,
    target: init.target,
    settings: init.settings,
    interactive: false,
    paths: init.paths,
    connections: init.connections,
    io: {
      stdout,
      message: (t) => stderrTerminal().line(t), // the one writer: text from outside is escaped
      error: (t) => stderrTerminal().line(t),
    },
  });
  if (init.opts.vertical && init.connection.dialect.id === 'mysql') session.verticalRecords = true; // mysql -E
  if (init.opts.mysqlMarkup && init.connection.dialect.id === 'mysql') session.mysqlMarkup = init.opts.mysqlMarkup; // mysql -H, -X
  if (init.opts.mysqlClient && init.connection.dialect.id === 'mysql') session.mysqlClient = true;
  if (init.opts.mysqlVerbose && session.mysqlClient) session.mysqlVerbose = init.opts.mysqlVerbose; // mysql -vv
  if (init.opts.mysqlSilent && session.mysqlClient) session.mysqlSilent = true; // mysql -s
  if (init.opts.mysqlShowWarnings && session.mysqlClient) session.mysqlShowWarnings = true; // mysql --show-warnings: \W from the start
  for (const v of init.opts.variables ?? []) session.setVariable(v.name, v.value);
  // sqlite3's command line: its output from the start, its options' dot-commands first
  const prelude = init.opts.sqlite3Prelude;
  if (prelude && init.connection.dialect.id === 'sqlite') session.sqlite3Output = SQLITE3_DEFAULT;
  const scripts = prelude && prelude.length > 0 ? [{ type: 'command' as const, sql: prelude.join('\n'), prelude: true }, ...init.opts.scripts] : init.opts.scripts;
  const sources = init.opts.scripts.length > 0 ? scripts : [...scripts, { type: 'file' as const, path: '-' }];
  let ok = true;
  let stopped = false;
  let stoppedInScript = false;
  const forced = init.opts.mysqlForce === true && session.mysqlClient;
  // psql -1: BEGIN before the scripts, COMMIT after them (ROLLBACK when they stopped on an error).
  const quietly = async (sql: string): Promise<void> => {
    for await (const ev of session.connection.execute(sql)) void ev;
  };
  try {
    if (init.opts.singleTransaction) await quietly('BEGIN');
    for (const src of sources) {
      // a file or stdin is read as it runs, a piece at a time (runScriptInput): a file of any size, in bounded memory
      let input: AsyncIterable<Uint8Array> & { destroy?: () => void } | undefined;
      if (src.type !== 'command') {
        try {
          // (fs/promises only for a file: -c starts without it)
          input = src.path === '-' ? process.stdin : await (await import('../core/open-script.js')).openScript(src.path);
        } catch (e) {
          stderrTerminal().line(`sqlsh: cannot read ${JSON.stringify(src.path)}: ${fsReason(e)}`);
          return 2;
        }
      }
      const label = src.type === 'command' ? undefined : src.path === '-' ? '<stdin>' : src.path;
      // the mysql client's -f goes on in a script, not in -e; ON_ERROR_STOP (\\set, -v) overrides this in runScript
      const stopOnError = !session.settings.continue_on_error || (forced && src.type === 'command');
      const runOptions: RunOptions = {
        source: label,
        signal: abort.signal,
        stopOnError,
        confirmDestructive: Boolean(init.opts.confirmDestructive),
        ...(init.opts.dryRun ? { dryRun: true } : {}),
        ...(src.type === 'command' && !('prelude' in src) ? { wholeRequest: true } : {}), // psql -c "a; b": one request
        // (sqlite3's command line: its arguments are not echoed by -echo or .echo on)
        ...(src.type === 'command' && prelude && session.dialect.id === 'sqlite' ? { unechoed: true } : {}),
      };
      let r: RunResult;
      if (src.type === 'command') r = await runScript(session, src.sql, runOptions);
      else {
        try {
          r = await runScriptInput(session, input!, runOptions);
        } catch (e) {
          // (a directory opens, then fails to read)
          if (!(e instanceof Error && 'syscall' in e)) throw e;
          stderrTerminal().line(`sqlsh: cannot read ${JSON.stringify(src.path)}: ${fsReason(e)}`);
          return 2;
        } finally {
          if (input !== process.stdin) input!.destroy?.();
        }
      }
      // a script that ended without a connection (psql's failed \\connect, status 2): psql's next actions still run
      // (unconnected), unless ON_ERROR_STOP
      const ended = r.quit && session.unconnected;
      // (the mysql client's -f: a script's failed statements were said; it exits 0, as the client does)
      if ((!r.ok || ended) && !(forced && src.type !== 'command')) ok = false;
      if ((r.quit && !ended) || ((!r.ok || ended) && (variableFlag(session.variables, 'ON_ERROR_STOP') ?? stopOnError))) {
        // (a script ended by a failed \\connect, status 2 or 3, did not finish: -1 rolls it back)
        stopped = !r.ok || (session.exitStatus ?? 0) >= 2;
        // psql's 3 is a script's (-f, stdin) stopped by ON_ERROR_STOP; a -c action that failed is 1
        stoppedInScript = src.type !== 'command';
        break;
      }
    }
    // the mysql client's -vv says goodbye, after an error too
    if (session.mysqlVerbose >= 2) await session.io.stdout.write('Bye\n');
    // --dry-run: everything the script changed is rolled back, before -1 could commit it.
    if (init.opts.dryRun) await (await import('../preview/dry-run.js')).endDryRun(session.connection);
    // (psql -1 sends its COMMIT without a connection too: its words)
    if (init.opts.singleTransaction && session.unconnected) stderrTerminal().line('You are currently not connected to a database.');
    else if (init.opts.singleTransaction && session.connection.transactionStatus() !== 'idle') {
      await quietly(stopped ? 'ROLLBACK' : 'COMMIT').catch((e: Error) => {
        stderrTerminal().line(`sqlsh: ${e.message}`);
        ok = false;
      });
    }
    // A script that ends (or quits) inside a transaction loses it: closing the connection rolls it
    // back. psql does that silently and exits 0; a forgotten COMMIT should not pass unnoticed.
    if (session.connection.transactionStatus() !== 'idle') {
      stderrTerminal().line('sqlsh: transaction still open at the end of the script: rolled back (end it with COMMIT or ROLLBACK)');
      ok = false;
    }
  } finally {
    await session.close();
    if (fileStream) await new Promise<void>((res) => fileStream!.end(() => res()));
    if (file !== undefined) closeSync(file);
  }
  // sqlite3's .exit N
  if (session.exitStatus !== undefined) return session.exitStatus;
  // psql's 3: a script stopped at an error because ON_ERROR_STOP was set (sqlsh's own stop at the first error is 1;
  // a sqlite3 script's .bail on stops with sqlite3's 1)
  if (!ok && stopped && stoppedInScript && variableFlag(session.variables, 'ON_ERROR_STOP') === true && session.sqlite3Output === undefined) return 3;
  return ok ? 0 : 1;
}
