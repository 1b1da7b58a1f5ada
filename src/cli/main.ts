/**
 * argv → settings → connect → either run scripts (batch) or start the interactive shell.
 * Exit codes: 0 success, 1 a statement failed, 2 usage error / unreachable database.
 */
import { CancelledError, ConnectError, UsageError, UserError } from '../core/errors.js';
import { hideSecretArguments } from './process-title.js';
import { describeFailure } from './describe-failure.js';
import { parseArgs, type CliOptions } from './args.js';
import { applyPrintFlags, myCnfPrintFlags } from './print-flags.js';
import { sqlshPaths } from '../config/paths.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import type { Settings } from '../config/settings.js';
import { parseTarget, redactUrl } from '../engines/target.js';
import type { ConnectionTarget } from '../engines/engine.js';
import { engineById } from '../engines/registry.js';
import { stderrTerminal, stdoutTerminal } from '../output/terminal-writer.js';
import { isTerminal } from '../output/fd-output.js';
import { safeLines, term } from '../output/terminal-text.js';
import { sqlshVersion as version } from '../core/version.js';

function applyCli(settings: Settings, o: CliOptions, engine: ConnectionTarget['engine']): Settings {
  const s: { -readonly [K in keyof Settings]: Settings[K] } = { ...settings };
  if (o.format) s.format = o.format;
  if (o.header === false) s.header = false;
  if (o.nullString !== undefined) s.null_string = o.nullString;
  if (o.continueOnError) s.continue_on_error = true;
  if (o.confirmDestructive) s.confirm_destructive = true;
  return applyPrintFlags(Object.freeze(s), o, engine, isTerminal(1), isTerminal(0)); // -A, -t, -F, -P ... (psql), -t, --raw (mysql)
}

/**
 * The one top-level catch. Expected failures are typed (UserError and its UsageError, ConnectError,
 * CancelledError) and print one sentence; anything else is a bug: one line and a hint, the stack
 * only with SQLSH_DEBUG=1. Exit codes: 0 ok, 1 a statement failed, 2 usage / environment / cannot
 * connect, 70 internal error (a bug) (see --help and the README).
 */
export async function main(argv: readonly string[]): Promise<number> {
  await hideSecretArguments(argv);
  process.on('uncaughtException', (e) => {
    const { text } = describeFailure(e);
    stderrTerminal().line(text);
    process.exit(70);
  });
  try {
    return await runMain(argv);
  } catch (e) {
    const { text, code } = describeFailure(e);
    stderrTerminal().line(text);
    return code;
  }
}

async function runMain(argv: readonly string[]): Promise<number> {
  // `sqlsh lsp`: the language server (stdio), loaded only for that subcommand
  if (argv[0] === 'lsp') return (await import('../lsp/server.js')).runLanguageServer(argv.slice(1));
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      stderrTerminal().line(`sqlsh: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    const { helpText } = await import('./help.js');
    stdoutTerminal().write(safeLines(helpText(version())));
    return 0;
  }
  if (opts.version) {
    stdoutTerminal().line(`sqlsh ${version()}`);
    return 0;
  }
  const paths = sqlshPaths();
  // process.stdin is made only when its answer matters: making it loads Node's stream modules for a
  // file or /dev/null (a script's usual stdin), several milliseconds of a `-c` start-up.
  let stdinTTY: boolean | undefined;
  const stdinIsTTY = (): boolean => (stdinTTY ??= Boolean(process.stdin.isTTY));
  const batch = opts.scripts.length > 0 || !stdinIsTTY();
  const interactive = !batch;
  // Read the config while connecting: only a saved connection's name needs it to find the target.
  const configLoad = loadConfig(paths.configFile, { writeDefault: interactive });
  const flags = { host: opts.host, port: opts.port, user: opts.user, database: opts.database, socket: opts.socket, tcp: opts.tcp, flagEngine: opts.flagEngine, readOnly: opts.readOnly, ssh: opts.ssh, sshKey: opts.sshKey };

  let target: ConnectionTarget;
  let demoCreated = false;
  try {
    if (opts.demo) {
      const { ensureDemoDatabase } = await import('../engines/sqlite/demo-database.js');
      const r = await ensureDemoDatabase(paths.demoDatabase);
      demoCreated = r.created;
      target = { engine: 'sqlite', path: r.path, readOnly: opts.readOnly };
    } else if (opts.target === undefined || /[/:]|\.(db|sqlite3?|db3|duckdb|ddb)$/i.test(opts.target)) {
      target = parseTarget(opts.target, { flags }); // a path or a URI: never a saved connection's name
    } else {
      target = parseTarget(opts.target, { connections: (await configLoad).connections, flags, env: process.env });
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConnectError) {
      // The config's own complaints first: "connection "x" needs url = ..." explains "no saved connection named x".
      for (const w of (await configLoad).warnings) stderrTerminal().line(`sqlsh: ${w}`);
      stderrTerminal().line(`sqlsh: ${e.message}`);
      return 2;
    }
    throw e;
  }

  if (target.engine === 'mysql') {
    // the mysql client's --default-character-set=utf8, --init-command, --connect-timeout, option files
    if (opts.charset) target = { ...target, charset: opts.charset };
    if (opts.initCommand !== undefined) target = { ...target, initCommand: opts.initCommand };
    if (opts.connectTimeout !== undefined) target = { ...target, connectTimeout: opts.connectTimeout };
    if (opts.optionFiles) target = { ...target, optionFiles: opts.optionFiles };
  }
  // The mysql client's -pSECRET, and -p alone: asked now, before connecting, as the client asks
  if ((opts.password !== undefined || opts.askPassword) && (target.engine === 'sqlite' || target.engine === 'duckdb')) {
    stderrTerminal().line(`sqlsh: -p/--password gives a server's password (mysql -u USER -pSECRET DB); a ${target.engine === 'sqlite' ? 'SQLite' : 'DuckDB'} database has none`);
    return 2;
  }
  if (opts.password !== undefined) target = { ...target, password: opts.password };
  else if (opts.askPassword) {
    try {
      const { askPasswordFirst } = await import('./prompt-hidden.js');
      target = { ...target, password: await askPasswordFirst('Enter password: ') };
    } catch (e) {
      if (e instanceof CancelledError) {
        stderrTerminal().line(`sqlsh: not connected: ${e.message}`);
        return 2;
      }
      throw e;
    }
  }

  if (batch && target.engine === 'mysql') {
    // A script on MySQL/MariaDB: ~/.my.cnf's printing options (batch, skip-column-names, raw, table,
    // vertical) as if given first on the command line, as the mysql client reads them
    // (or the files --defaults-file, --defaults-extra-file name; none with --no-defaults)
    const { readMyCnf } = await import('../engines/mysql/mysql-target.js');
    try {
      const cnfFlags = myCnfPrintFlags(readMyCnf(process.env, opts.optionFiles));
      if (cnfFlags.length > 0) opts = parseArgs([...cnfFlags, ...argv], { mysql: true });
    } catch (e) {
      if (e instanceof ConnectError) {
        stderrTerminal().line(`sqlsh: ${e.message}`);
        return 2;
      }
      if (!(e instanceof UsageError)) throw e;
      stderrTerminal().line(`sqlsh: ${opts.optionFiles?.only ?? '~/.my.cnf'}: ${e.message}`);
      return 2;
    }
  }

  // Load the shell (or the batch runner) and read the config while the engine connects: start-up is
  // the slowest of the three, not their sum. The engine's modules are asked for first, so a file
  // database's worker starts while the runner's modules still load (it boots on the other core).
  const fileEngine = target.engine === 'sqlite' || target.engine === 'duckdb';
  // A password can be asked for on a terminal; a file database never asks.
  const canPrompt = !fileEngine && stdinIsTTY() && Boolean(process.stderr.isTTY);
  // The interactive shell's prompt comes first: a file database starts opening once it is on the
  // screen (the worker's start, or DuckDB's library, would otherwise come first on this thread), and
  // so does a server connection that needs nothing asked (the engine's provisionalInfo: the password
  // is known, one server, no SSH tunnel): typing never waits for a connection.
  let firstPaint: (() => void) | undefined;
  const painted = interactive ? new Promise<void>((r) => (firstPaint = r)) : undefined;
  const connecting = (async () => {
    const engine = await engineById(target.engine).load();
    const early = !painted ? undefined : fileEngine ? 'file' : engine.provisionalInfo?.(target, process.env);
    // A typed password is kept with the target (never printed): \c OTHERDB reuses it, as psql does.
    const promptPassword = async (p: string) => {
      const typed = await (await import('./prompt-hidden.js')).promptHidden(p);
      target = { ...target, password: typed };
      return typed;
    };
    // A script's SQLite database runs on the main thread: no worker to boot (see ConnectOptions.inThread).
    // Once the prompt is drawn nothing may ask on the terminal: a server's password is known then.
    const opening = engine.connect(target, {
      ...(canPrompt && !early ? { promptPassword } : {}),
      ...(batch ? { inThread: true } : {}),
      ...(early && painted ? { startAfter: painted } : {}),
    });
    if (!early) return opening;
    // A file database opens in a worker (tens of milliseconds) after the first paint: the shell need
    // not wait for it. Its usual errors (no such directory, not a database) are found before that.
    if (early === 'file') {
      const settled = await Promise.race([opening.then(() => true, () => true), new Promise<false>((r) => setImmediate(() => r(false)))]);
      if (settled) return opening;
    }
    const { PendingConnection, provisionalFileInfo } = await import('../shell/pending-connection.js');
    const pending = new PendingConnection(opening, await engineById(target.engine).dialect(), early === 'file' ? provisionalFileInfo(target) : early);
    pending.ready.catch(async (e: Error) => {
      stderrTerminal().write(term`\r\n`); // the editor may have the terminal in raw mode
      const failed = await connectFailure(e, opts, target);
      stderrTerminal().line(failed.text);
      process.exit(failed.code);
    });
    return pending;
  })();
  connecting.catch(() => undefined);
  const runner = batch ? import('./run-batch.js') : import('../shell/repl.js');
  runner.catch(() => undefined);
  const config: LoadedConfig = await configLoad;
  for (const w of config.warnings) stderrTerminal().line(`sqlsh: ${w}`);
  const settings = applyCli(config.settings, opts, target.engine);
  let connection;
  try {
    connection = await connecting;
  } catch (e) {
    if (e instanceof CancelledError) {
      stderrTerminal().line(`sqlsh: not connected: ${e.message}`); // Ctrl-C at the password prompt
      return 2;
    }
    if (e instanceof ConnectError || e instanceof UsageError) {
      const failed = await connectFailure(e, opts, target);
      stderrTerminal().line(failed.text);
      return failed.code;
    }
    throw e;
  }

  if (batch) {
    const { runBatch } = (await runner) as typeof import('./run-batch.js');
    return runBatch({ connection, target, settings, opts, paths, connections: config.connections });
  }
  const { runRepl } = (await runner) as typeof import('../shell/repl.js');
  const code = await runRepl({
    connection,
    target,
    settings,
    paths,
    connections: config.connections,
    demoCreated,
    configWarnings: config.warnings,
    ...(opts.variables ? { variables: opts.variables } : {}),
    ...(opts.sqlite3Prelude ? { sqlite3Prelude: opts.sqlite3Prelude } : {}),
    ...(firstPaint ? { afterFirstPaint: firstPaint } : {}),
  });
  // Quit while the server connection was still opening (the prompt came first): nothing to wait for
  if ((connection as { opening?: boolean }).opening) process.exit(code);
  return code;
}

/**
 * What a failed connection prints, and the exit code: sqlsh's sentence and 2; under the mysql client's command line
 * (CliOptions.mysqlClient) the client's own `ERROR n (state): ...` line where it has one, and 1, as the client exits.
 */
async function connectFailure(e: Error, opts: CliOptions, target: ConnectionTarget): Promise<{ readonly text: string; readonly code: number }> {
  if (opts.mysqlClient && e instanceof ConnectError && target.engine === 'mysql') {
    const { mysqlClientConnectLine } = await import('../meta/mysql-client-error.js');
    return { text: mysqlClientConnectLine(e, target) ?? `sqlsh: ${redactUrl(e.message)}`, code: 1 };
  }
  return { text: `sqlsh: ${redactUrl(e.message)}`, code: 2 };
}
