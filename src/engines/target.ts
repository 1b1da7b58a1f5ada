/**
 * Turns what the user typed (a path, a URI, a saved connection's name, psql/mysql-style flags) into a
 * ConnectionTarget, without loading any driver. Used by the command line and by \c.
 */
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { EngineId } from '../sql/dialect.js';
import type { ConnectionTarget } from './engine.js';
import { ENGINES, engineByScheme } from './registry.js';

export interface TargetFlags {
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly database?: string;
  /** The mysql client's -S / --socket: the MySQL server's Unix socket. */
  readonly socket?: string;
  /** The mysql client's --protocol=tcp: TCP even to localhost. */
  readonly tcp?: boolean;
  /** Which client's flags were used: -U/-d/-p are psql's (postgres), -u/-D/-P are mysql's. */
  readonly flagEngine?: EngineId;
  readonly readOnly?: boolean;
  /** --ssh / --ssh-key: reach the server through an SSH tunnel. */
  readonly ssh?: string;
  readonly sshKey?: string;
}

export interface TargetContext {
  /** Saved connections from the config file: name → URI or path (and an SSH tunnel: ssh, ssh_key). */
  readonly connections?: ReadonlyMap<string, { readonly url: string; readonly ssh?: string; readonly sshKey?: string }>;
  readonly flags?: TargetFlags;
  /** Base directory for relative paths (default: process.cwd()). */
  readonly cwd?: string;
  /** The environment: with PGHOST, PGPORT, PGUSER, PGDATABASE or PGSERVICE set, a bare name is a PostgreSQL database (as `psql NAME`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';
const PG_ENV = ['PGHOST', 'PGPORT', 'PGUSER', 'PGDATABASE', 'PGSERVICE'] as const;

/** Sniff a file's engine from its first bytes: SQLite's header string, DuckDB's 'DUCK' magic at byte 8. */
export function sniffFileEngine(path: string): EngineId | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    if (n >= 16 && buf.toString('latin1', 0, 16) === SQLITE_HEADER) return 'sqlite';
    if (n >= 12 && buf.toString('latin1', 8, 12) === 'DUCK') return 'duckdb';
    return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function withFlags(t: ConnectionTarget, flags: TargetFlags | undefined): ConnectionTarget {
  if (!flags) return Object.freeze(t);
  const out: { -readonly [K in keyof ConnectionTarget]?: ConnectionTarget[K] } = { ...t };
  if (flags.host !== undefined) out.host = flags.host;
  if (flags.port !== undefined) out.port = flags.port;
  if (flags.user !== undefined) out.user = flags.user;
  if (flags.database !== undefined) out.database = flags.database;
  if (flags.socket !== undefined) out.socket = flags.socket;
  if (flags.tcp) out.tcp = true;
  if (flags.readOnly) out.readOnly = true;
  if (flags.ssh) out.ssh = flags.ssh;
  if (flags.sshKey) out.sshKey = flags.sshKey;
  if (out.ssh && (t.engine === 'sqlite' || t.engine === 'duckdb')) {
    throw new UsageError(`--ssh reaches a PostgreSQL or MySQL/MariaDB server through a tunnel; a ${t.engine === 'sqlite' ? 'SQLite' : 'DuckDB'} file is opened on this machine (copy it over, or run sqlsh on the remote host)`);
  }
  return Object.freeze(out as ConnectionTarget);
}

function fileTarget(engine: EngineId, path: string, cwd: string, flags?: TargetFlags): ConnectionTarget {
  const p = path === ':memory:' || path === '' ? ':memory:' : resolve(cwd, path);
  return withFlags({ engine, path: p }, flags);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function parseTarget(text: string | undefined, ctx: TargetContext = {}, seen: readonly string[] = []): ConnectionTarget {
  const cwd = ctx.cwd ?? process.cwd();
  const flags = ctx.flags;
  if (text === undefined || text === '') {
    // (a flag only the mysql client has, such as --defaults-file, is its command line: the server it names)
    if (flags?.flagEngine && (flags.host || flags.port || flags.user || flags.database || flags.socket || flags.flagEngine === 'mysql')) {
      return withFlags({ engine: flags.flagEngine }, flags);
    }
    return { engine: 'sqlite', path: ':memory:' };
  }
  // Saved connection names win over everything but an explicit URI or path.
  const saved = ctx.connections?.get(text);
  if (saved && !text.includes('/') && !text.includes(':')) {
    if (seen.includes(text)) throw new UsageError(`saved connection "${text}" refers to itself`);
    const tunnel = saved.ssh ? { ssh: saved.ssh, ...(saved.sshKey ? { sshKey: saved.sshKey } : {}) } : {};
    const flagsWithTunnel = saved.ssh && !flags?.ssh ? { ...flags, ...tunnel } : flags;
    return parseTarget(saved.url, { ...ctx, ...(flagsWithTunnel ? { flags: flagsWithTunnel } : {}) }, [...seen, text]);
  }
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(text);
  if (scheme && scheme[1]!.length > 1) {
    const desc = engineByScheme(scheme[1]!);
    if (!desc) {
      const known = ENGINES.flatMap((e) => [...e.schemes, ...(e.shortSchemes ?? [])]).join(', ');
      throw new UsageError(`unknown scheme "${scheme[1]}:" in ${JSON.stringify(redactUrl(text))}; known schemes: ${known}`);
    }
    if (desc.id === 'sqlite' || desc.id === 'duckdb') {
      let rest = text.slice(scheme[0].length);
      if (rest.startsWith('//')) rest = rest.slice(2); // sqlite:///abs/path or sqlite://rel
      if (rest === '' || rest === ':memory:' || rest === 'memory') return fileTarget(desc.id, ':memory:', cwd, flags);
      return fileTarget(desc.id, decodeURIComponent(rest.split('?')[0]!), cwd, flags);
    }
    // (usql's short scheme is the engine's own: pgsql:// is postgres://)
    const url = desc.shortSchemes?.includes(scheme[1]!.toLowerCase()) ? `${desc.schemes[0]}:${text.slice(scheme[0].length)}` : text;
    return withFlags({ engine: desc.id, url }, flags);
  }
  if (text === ':memory:') return fileTarget('sqlite', ':memory:', cwd, flags);
  const abs = resolve(cwd, text);
  const ext = extname(text).toLowerCase();
  const byExt = ENGINES.find((e) => e.fileExtensions.includes(ext));
  if (isFile(abs)) {
    const sniffed = sniffFileEngine(abs);
    if (sniffed) return fileTarget(sniffed, abs, cwd, flags);
    if (byExt) return fileTarget(byExt.id, abs, cwd, flags); // empty or foreign file: the engine will say what is wrong
    throw new UsageError(
      `${JSON.stringify(text)} is neither a SQLite nor a DuckDB database file; give a URI such as sqlite:${text} to open it anyway`,
    );
  }
  if (byExt) return fileTarget(byExt.id, abs, cwd, flags);
  // psql's and the mysql client's `-h HOST [-U USER] DBNAME`: with connection flags, a bare name is the database
  if (flags?.flagEngine && !text.includes('/')) {
    return withFlags({ engine: flags.flagEngine }, { ...flags, database: flags.database ?? text });
  }
  // `psql NAME` where the environment says which server: PostgreSQL's database NAME
  if (ctx.env && PG_ENV.some((k) => ctx.env![k]) && /^[\w$.-]+$/.test(text)) {
    return withFlags({ engine: 'postgres' }, { ...flags, database: flags?.database ?? text });
  }
  const names = ctx.connections ? [...ctx.connections.keys()] : [];
  throw new UsageError(
    `no file or saved connection named ${JSON.stringify(text)}. ` +
      `Give a database file (.db, .sqlite, .duckdb), a URI (sqlite:, duckdb:, postgres://, mysql://)` +
      (names.length ? `, one of the saved connections: ${names.join(', ')}` : ', a saved connection from the config file') +
      `, or a server database with its host: sqlsh -h HOST ${text}`,
  );
}

/** A URI with its password replaced by '***', safe to print. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)([^@/]*)@/i, '$1***@').replace(/([?&]password=)[^&]*/i, '$1***');
}
