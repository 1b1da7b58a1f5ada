/** Where sqlsh keeps its files, following the XDG base directory conventions. */
import { homedir } from 'node:os';
import { join } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

function base(env: Env, variable: string, fallback: string): string {
  const v = env[variable];
  // The spec says relative paths are invalid and must be ignored.
  return v && v.startsWith('/') ? v : join(env.HOME || homedir(), fallback);
}

export interface SqlshPaths {
  /** $XDG_CONFIG_HOME/sqlsh: config.toml, named queries. */
  readonly configDir: string;
  readonly configFile: string;
  /** $XDG_DATA_HOME/sqlsh: the demo database. */
  readonly dataDir: string;
  /** $XDG_STATE_HOME/sqlsh: history. */
  readonly stateDir: string;
  readonly historyFile: string;
  readonly namedQueriesFile: string;
  readonly demoDatabase: string;
}

export function sqlshPaths(env: Env = process.env): SqlshPaths {
  const configDir = join(base(env, 'XDG_CONFIG_HOME', '.config'), 'sqlsh');
  const dataDir = join(base(env, 'XDG_DATA_HOME', join('.local', 'share')), 'sqlsh');
  const stateDir = join(base(env, 'XDG_STATE_HOME', join('.local', 'state')), 'sqlsh');
  return Object.freeze({
    configDir,
    configFile: join(configDir, 'config.toml'),
    dataDir,
    stateDir,
    historyFile: join(stateDir, 'history'),
    namedQueriesFile: join(configDir, 'named-queries.toml'),
    demoDatabase: join(dataDir, 'demo.db'),
  });
}
