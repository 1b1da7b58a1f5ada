/**
 * Which database a workspace talks to: `.sqlsh.toml` at the workspace root, or the client's
 * initializationOptions / workspace settings. `.sqlsh.toml`:
 *
 *   connection = "prod"                    # a connection saved in ~/.config/sqlsh/config.toml, a file or a URI
 *   dialect = "postgres"                   # optional: the dialect when there is no connection
 *
 * A relative file path is relative to the workspace root. Never throws: problems come back as warnings.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENGINE_IDS, type EngineId } from '../index.js';

export interface WorkspaceConfig {
  /** A saved connection's name, a database file or a URI. */
  readonly connection?: string;
  /** The dialect of files when there is no connection (else each file's `-- sqlsh: dialect=` line, else SQLite). */
  readonly dialect?: EngineId;
  /** Base directory of a relative database path. */
  readonly root: string;
  readonly warnings: readonly string[];
}

/** Options a client may pass in initialize (initializationOptions) or workspace/didChangeConfiguration ({ sqlsh: {...} }). */
export interface ClientOptions {
  readonly connection?: unknown;
  readonly dialect?: unknown;
}

export function isEngineId(v: unknown): v is EngineId {
  return typeof v === 'string' && (ENGINE_IDS as readonly string[]).includes(v);
}

/** Read `.sqlsh.toml` under `root`; the client's options win over the file. */
export async function loadWorkspaceConfig(root: string, client: ClientOptions | undefined): Promise<WorkspaceConfig> {
  const warnings: string[] = [];
  let file: Record<string, unknown> = {};
  const path = join(root, '.sqlsh.toml');
  let text: string | undefined;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    text = undefined; // no file: fine
  }
  if (text !== undefined) {
    try {
      const { parse } = await import('smol-toml');
      file = parse(text) as Record<string, unknown>;
    } catch (e) {
      warnings.push(`${path}: not valid TOML: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const pick = (key: 'connection' | 'dialect'): unknown => (client?.[key] !== undefined && client[key] !== '' ? client[key] : file[key]);
  const connection = pick('connection');
  const dialect = pick('dialect');
  if (connection !== undefined && typeof connection !== 'string') warnings.push(`"connection" must be a string (a saved connection name, a file or a URI)`);
  if (dialect !== undefined && !isEngineId(dialect)) warnings.push(`"dialect" must be one of ${ENGINE_IDS.join(', ')}, got ${JSON.stringify(dialect)}`);
  return Object.freeze({
    ...(typeof connection === 'string' && connection !== '' ? { connection } : {}),
    ...(isEngineId(dialect) ? { dialect } : {}),
    root,
    warnings,
  });
}

/** `-- sqlsh: dialect=mysql` on one of the first lines of a file. */
export function fileDialect(text: string): EngineId | undefined {
  const head = text.slice(0, 2000);
  const m = /^[ \t]*(?:--|#)[ \t]*sqlsh:[ \t]*dialect[ \t]*=[ \t]*([a-z]+)/im.exec(head);
  if (!m) return undefined;
  const id = m[1]!.toLowerCase();
  const alias: Record<string, EngineId> = { postgresql: 'postgres', pg: 'postgres', mariadb: 'mysql', sqlite3: 'sqlite' };
  const e = alias[id] ?? id;
  return isEngineId(e) ? e : undefined;
}
