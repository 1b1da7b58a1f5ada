/**
 * Reads config.toml. Never fatal: a bad value is reported with its key and line and the default is
 * used; an unknown key is reported once; a file that is not valid TOML is reported and ignored.
 */
// Synchronous: a config file is a few KB, and node:fs/promises costs a start-up several milliseconds to load.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileErrorReason } from '../core/file-reason.js';
import { makeDirectory } from '../core/make-directory.js';
import { DEFAULT_SETTINGS, SETTINGS, settingSpec, type Settings } from './settings.js';

export interface SavedConnection {
  readonly name: string;
  /** A target as the command line takes it: a URI or a file path. */
  readonly url: string;
  /** ssh = "user@bastion:port": reach the server through an SSH tunnel; ssh_key = "~/.ssh/key". */
  readonly ssh?: string;
  readonly sshKey?: string;
}

export interface LoadedConfig {
  readonly settings: Settings;
  readonly connections: ReadonlyMap<string, SavedConnection>;
  /** Problems to show the user: 'config.toml:4: key "theme": expected one of ..., using "dark"'. */
  readonly warnings: readonly string[];
  readonly path: string;
  readonly exists: boolean;
}

function lineOf(text: string, key: string, table?: string): number | undefined {
  const lines = text.split('\n');
  let inTable = table === undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(l);
    if (header) {
      inTable = table !== undefined && header[1] === table;
      continue;
    }
    if (inTable && new RegExp(`^["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*=`).test(l)) return i + 1;
  }
  return undefined;
}

/** Parse config text (exported for tests). */
export async function parseConfig(text: string, path: string): Promise<Omit<LoadedConfig, 'exists'>> {
  // The default file is all comments: nothing to parse, and no TOML parser to load at start-up.
  if (text.split('\n').every((line) => /^\s*(#.*)?$/.test(line))) {
    return { settings: DEFAULT_SETTINGS, connections: new Map(), warnings: [], path };
  }
  tomlParse ??= (await import('smol-toml')).parse as (s: string) => Record<string, unknown>;
  return parseConfigWith(text, path);
}

let tomlParse: ((s: string) => Record<string, unknown>) | undefined;

function parseConfigWith(text: string, path: string): Omit<LoadedConfig, 'exists'> {
  const warnings: string[] = [];
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const connections = new Map<string, SavedConnection>();
  let data: Record<string, unknown>;
  try {
    data = tomlParse!(text);
  } catch (e) {
    // smol-toml says where (line and column, 1-based), as bad values are reported: config.toml:3:7: ...
    const err = e as Error & { line?: number; column?: number };
    const msg = (err.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/i, '');
    const at = typeof err.line === 'number' ? `:${err.line}${typeof err.column === 'number' ? `:${err.column}` : ''}` : '';
    warnings.push(`${path}${at}: not valid TOML: ${msg}; using the defaults. Fix the file or delete it to get a fresh one.`);
    return { settings: Object.freeze(settings) as unknown as Settings, connections, warnings, path };
  }
  const where = (key: string, table?: string) => {
    const line = lineOf(text, key, table);
    return line ? `${path}:${line}` : path;
  };
  for (const [key, raw] of Object.entries(data)) {
    if (key === 'connections') {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        warnings.push(`${where(key)}: "connections" must be a table of [connections.NAME] sections`);
        continue;
      }
      for (const [name, conn] of Object.entries(raw as Record<string, unknown>)) {
        const url = (conn as Record<string, unknown> | null)?.url;
        if (typeof url !== 'string' || url === '') {
          warnings.push(`${where('url', `connections.${name}`)}: connection "${name}" needs url = "..." (a URI or a file path); ignored`);
          continue;
        }
        const ssh = (conn as Record<string, unknown>).ssh;
        const sshKey = (conn as Record<string, unknown>).ssh_key;
        connections.set(name, Object.freeze({ name, url, ...(typeof ssh === 'string' && ssh ? { ssh } : {}), ...(typeof sshKey === 'string' && sshKey ? { sshKey } : {}) }));
      }
      continue;
    }
    const spec = settingSpec(key);
    if (!spec) {
      const known = SETTINGS.map((s) => s.key).join(', ');
      warnings.push(`${where(key)}: unknown key "${key}" ignored (known keys: ${known}, [connections.NAME])`);
      continue;
    }
    const r = spec.parse(raw);
    if (r.ok) settings[key] = r.value;
    else warnings.push(`${where(key)}: key "${key}": ${r.error}; using the default ${JSON.stringify(spec.default)}`);
  }
  return { settings: Object.freeze(settings) as unknown as Settings, connections, warnings, path };
}

export async function loadConfig(path: string, opts: { writeDefault?: boolean } = {}): Promise<LoadedConfig> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (opts.writeDefault) writeDefaultConfig(path);
      return { settings: DEFAULT_SETTINGS, connections: new Map(), warnings: [], path, exists: false };
    }
    return {
      settings: DEFAULT_SETTINGS,
      connections: new Map(),
      warnings: [`cannot read the config file ${JSON.stringify(path)}: ${fileErrorReason(e)}; using the defaults`],
      path,
      exists: false,
    };
  }
  return { ...(await parseConfig(text, path)), exists: true };
}

/** The commented default file written on first interactive run: every key, commented out, with its doc. */
export function defaultConfigText(): string {
  const lines = [
    '# sqlsh configuration. Every key is optional; uncomment to change a default.',
    '# A bad value is reported with its line and the default is used.',
    '',
  ];
  for (const s of SETTINGS) {
    lines.push(`# ${s.doc}${s.values ? ` (${s.values.join(' | ')})` : ''}`);
    lines.push(`# ${s.key} = ${s.default === null ? '"NULL"' : JSON.stringify(s.default)}`);
    lines.push('');
  }
  lines.push('# Saved connections: sqlsh NAME or \\c NAME', '# [connections.prod]', '# url = "postgres://app@db.internal:5432/app"', '');
  return lines.join('\n');
}

function writeDefaultConfig(path: string): void {
  try {
    makeDirectory(dirname(path));
    writeFileSync(path, defaultConfigText(), { flag: 'wx', mode: 0o600 });
  } catch {
    // not writable: the defaults still apply
  }
}
