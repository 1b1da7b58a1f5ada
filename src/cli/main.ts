/**
 * argv → settings → connect → either run scripts (batch) or start the interactive shell.
 * Exit codes: 0 success, 1 a statement failed, 2 usage error / unreachable database.
 */
import { readFileSync } from 'node:fs';
import { ConnectError, UsageError } from '../core/errors.js';
import { parseArgs, type CliOptions } from './args.js';
import { sqlshPaths } from '../config/paths.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import type { Settings } from '../config/settings.js';
import { parseTarget, redactUrl } from '../engines/target.js';
import type { ConnectionTarget } from '../engines/engine.js';
import { engineById } from '../engines/registry.js';

function version(): string {
  try {
    return JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version as string;
  } catch {
    return 'unknown';
  }
}

function applyCli(settings: Settings, o: CliOptions): Settings {
  const s: { -readonly [K in keyof Settings]: Settings[K] } = { ...settings };
  if (o.format) s.format = o.format;
  if (o.header === false) s.header = false;
  if (o.nullString !== undefined) s.null_string = o.nullString;
  if (o.continueOnError) s.continue_on_error = true;
  if (o.confirmDestructive) s.confirm_destructive = true;
  return Object.freeze(s);
}

export async function main(argv: readonly string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`sqlsh: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    const { helpText } = await import('./help.js');
    process.stdout.write(helpText(version()));
    return 0;
  }
  if (opts.version) {
    process.stdout.write(`sqlsh ${version()}\n`);
    return 0;
  }
  const paths = sqlshPaths();
  const stdinIsTTY = Boolean(process.stdin.isTTY);
  const batch = opts.scripts.length > 0 || !stdinIsTTY;
  const interactive = !batch;
  const config: LoadedConfig = await loadConfig(paths.configFile, { writeDefault: interactive });
  for (const w of config.warnings) process.stderr.write(`sqlsh: ${w}\n`);
  const settings = applyCli(config.settings, opts);

  let target: ConnectionTarget;
  let demoCreated = false;
  try {
    if (opts.demo) {
      const { ensureDemoDatabase } = await import('../engines/sqlite/demo-database.js');
      const r = await ensureDemoDatabase(paths.demoDatabase);
      demoCreated = r.created;
      target = { engine: 'sqlite', path: r.path, readOnly: opts.readOnly };
    } else {
      target = parseTarget(opts.target, {
        connections: config.connections,
        flags: { host: opts.host, port: opts.port, user: opts.user, database: opts.database, flagEngine: opts.flagEngine, readOnly: opts.readOnly },
      });
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConnectError) {
      process.stderr.write(`sqlsh: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const { promptHidden } = await import('./prompt-hidden.js');
  const canPrompt = stdinIsTTY && Boolean(process.stderr.isTTY);
  let connection;
  try {
    const engine = await engineById(target.engine).load();
    connection = await engine.connect(target, canPrompt ? { promptPassword: (p) => promptHidden(p) } : {});
  } catch (e) {
    if (e instanceof ConnectError || e instanceof UsageError) {
      process.stderr.write(`sqlsh: ${redactUrl(e.message)}\n`);
      return 2;
    }
    throw e;
  }

  if (batch) {
    const { runBatch } = await import('./run-batch.js');
    return runBatch({ connection, target, settings, opts, paths, connections: config.connections });
  }
  const { runRepl } = await import('../shell/repl.js');
  return runRepl({ connection, target, settings, paths, connections: config.connections, demoCreated, configWarnings: config.warnings });
}
