/**
 * Where to connect for MySQL/MariaDB, resolved from (highest first): the target's flags (-h -P -u -D,
 * password), the URI (mysql:// or mariadb://, with ?socket=), the [client] (and [mysql]) sections of
 * ~/.my.cnf, the MYSQL_HOST / MYSQL_TCP_PORT / MYSQL_PWD / MYSQL_UNIX_PORT environment, then defaults.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ConnectError } from '../../core/errors.js';
import type { ConnectionTarget, MysqlOptionFiles } from '../engine.js';

export interface MysqlParams {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password?: string;
  readonly database?: string;
  /** The session's character set when not utf8mb4 (--default-character-set=utf8). */
  readonly charset?: 'utf8mb3';
  /** SQL run on each new session first (--init-command), its results unread. */
  readonly initCommand?: string;
  /** Unix socket path; when set, host/port are only shown, not used. */
  readonly socketPath?: string;
  /**
   * Several servers (mysql://u@a:3306,b:3307/db, or -h a,b), tried in this order; host/port are the
   * first. Absent for a single server.
   */
  readonly hosts?: readonly MysqlHost[];
  /** ?connect_timeout=SECONDS (or [client] connect-timeout): the wait for each host, not for the whole list. */
  readonly connectTimeoutMs?: number;
}

export interface MysqlHost {
  readonly host: string;
  readonly port: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Options from an option file's [client], [mysql] and [mariadb-client] sections ('-' and '_' are the same). */
export function parseMyCnf(text: string): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  let inClient = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';') || line.startsWith('!')) continue;
    const section = /^\[([^\]]+)\]/.exec(line);
    if (section) {
      inClient = ['client', 'mysql', 'mariadb-client', 'client-mariadb', 'client-server'].includes(section[1]!.trim().toLowerCase());
      continue;
    }
    if (!inClient) continue;
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim().toLowerCase().replace(/_/g, '-');
    let value = eq < 0 ? '' : line.slice(eq + 1).trim();
    const q = value[0];
    if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) {
      value = value.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', b: '\b', s: ' ' })[c] ?? c);
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    out[key] = value;
  }
  return out;
}

/**
 * ~/.my.cnf's options for the mysql client ({} when there is no such file), or the option files the
 * client's --no-defaults (none), --defaults-file=FILE (that one only) or --defaults-extra-file=FILE
 * (that one, then ~/.my.cnf over it) name. A named file that cannot be read is a ConnectError, as the
 * client stops there.
 */
export function readMyCnf(env: Env, files: MysqlOptionFiles = {}): Readonly<Record<string, string>> {
  if (files.none) return {};
  const named = (file: string): Readonly<Record<string, string>> => {
    try {
      return parseMyCnf(readFileSync(file, 'utf8'));
    } catch {
      throw new ConnectError(`could not open the option file ${file} (--defaults-${files.only !== undefined ? '' : 'extra-'}file)`);
    }
  };
  if (files.only !== undefined) return named(files.only);
  const extra = files.extra !== undefined ? named(files.extra) : {};
  const home = env['HOME'] ?? homedir();
  const file = join(home, '.my.cnf');
  try {
    return { ...extra, ...parseMyCnf(readFileSync(file, 'utf8')) };
  } catch {
    return extra;
  }
}

function parsePort(text: string, where: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new ConnectError(`invalid port '${text}' in ${where}: give a number from 1 to 65535`);
  return n;
}

interface Parts {
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  socketPath?: string;
  /** 'a:3306,b' as written (ports optional). */
  hostList?: string;
  connectTimeoutMs?: number;
}

function parseTimeout(text: string, where: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new ConnectError(`invalid connect_timeout '${text}' in ${where}: give a number of seconds`);
  return Math.round(n * 1000);
}

/** One host of a list: 'a', 'a:3307', '[::1]:3307'. */
function splitHostPort(text: string, where: string): { host: string; port?: number } {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(text.trim());
  if (!m || m[1] === '') throw new ConnectError(`invalid host ${JSON.stringify(text)} in ${where}: expected host or host:port`);
  return { host: decodeURIComponent(m[1]!.replace(/^\[(.*)\]$/, '$1')), ...(m[2] ? { port: parsePort(m[2], where) } : {}) };
}

function fromUrl(url: string): Parts {
  let u: URL;
  // Several hosts (a:3306,b:3307) are not a URL authority: parse the URL with the first one.
  const authority = /^([a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?)([^/?#]*)(.*)$/i.exec(url);
  let hostList: string | undefined;
  if (authority && authority[2]!.includes(',')) {
    hostList = authority[2]!;
    url = `${authority[1]}${hostList.split(',')[0]}${authority[3]}`;
  }
  try {
    u = new URL(url);
  } catch {
    throw new ConnectError(`invalid MySQL URI: expected mysql://user@host:port/database`);
  }
  if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') throw new ConnectError(`not a MySQL URI (scheme '${u.protocol}'): expected mysql:// or mariadb://`);
  const p: Parts = hostList ? { hostList } : {};
  const dec = (s: string): string => decodeURIComponent(s);
  if (u.hostname) p.host = dec(u.hostname).replace(/^\[(.*)\]$/, '$1');
  if (u.port) p.port = parsePort(u.port, 'the URI');
  if (u.username) p.user = dec(u.username);
  if (u.password) p.password = dec(u.password);
  if (hostList) {
    // The list holds each host's own port; the first host's is not the others' default.
    delete p.host;
    delete p.port;
  }
  const db = dec(u.pathname.replace(/^\/+/, ''));
  if (db) p.database = db;
  const sock = u.searchParams.get('socket') ?? u.searchParams.get('socketPath');
  if (sock) p.socketPath = sock;
  for (const [k, v] of u.searchParams) {
    if (k === 'user' && !p.user) p.user = v;
    if (k === 'password' && !p.password) p.password = v;
    if ((k === 'database' || k === 'db') && !p.database) p.database = v;
    if (k === 'port' && !p.port) p.port = parsePort(v, 'the URI');
    if (k === 'host' && !p.host) p.host = v;
    if (k === 'connect_timeout' || k === 'connectTimeout') p.connectTimeoutMs = parseTimeout(v, 'the URI');
  }
  return p;
}

const DEFAULT_SOCKETS = ['/run/mysqld/mysqld.sock', '/var/run/mysqld/mysqld.sock', '/tmp/mysql.sock'];

function defaultUser(env: Env): string {
  if (env['USER']) return env['USER'];
  try {
    return userInfo().username;
  } catch {
    return 'root';
  }
}

export function resolveMysqlTarget(target: ConnectionTarget, env: Env = process.env, cnf: Readonly<Record<string, string>> = readMyCnf(env, target.optionFiles)): MysqlParams {
  const url = target.url ? fromUrl(target.url) : {};
  const envParts: Parts = {};
  if (env['MYSQL_HOST']) envParts.host = env['MYSQL_HOST'];
  if (env['MYSQL_TCP_PORT']) envParts.port = parsePort(env['MYSQL_TCP_PORT'], 'MYSQL_TCP_PORT');
  if (env['MYSQL_PWD'] !== undefined) envParts.password = env['MYSQL_PWD'];
  if (env['MYSQL_UNIX_PORT']) envParts.socketPath = env['MYSQL_UNIX_PORT'];
  const cnfParts: Parts = {};
  if (cnf['host']) cnfParts.host = cnf['host'];
  if (cnf['port']) cnfParts.port = parsePort(cnf['port'], '~/.my.cnf');
  if (cnf['user']) cnfParts.user = cnf['user'];
  if (cnf['password'] !== undefined) cnfParts.password = cnf['password'];
  if (cnf['database']) cnfParts.database = cnf['database'];
  if (cnf['socket']) cnfParts.socketPath = cnf['socket'];
  if (cnf['connect-timeout']) cnfParts.connectTimeoutMs = parseTimeout(cnf['connect-timeout'], '~/.my.cnf');
  const flags: Parts = {};
  if (target.host?.includes(',')) flags.hostList = target.host;
  else if (target.host) flags.host = target.host;
  // -S PATH: the socket, unless -h names another host than localhost (then the client goes by TCP)
  if (target.socket && (target.host === undefined || target.host === 'localhost')) flags.socketPath = target.socket;
  if (target.port) flags.port = target.port;
  if (target.user) flags.user = target.user;
  if (target.password !== undefined) flags.password = target.password;
  if (target.database) flags.database = target.database;
  if (target.connectTimeout !== undefined) flags.connectTimeoutMs = Math.round(target.connectTimeout * 1000);

  const layers = [flags, url, cnfParts, envParts];
  const pick = <K extends keyof Parts>(k: K): Parts[K] => layers.find((l) => l[k] !== undefined)?.[k];
  const host = pick('host');
  const port = pick('port');
  let socketPath = pick('socketPath');
  // An explicit TCP host or port given above the socket's layer wins over that socket.
  const socketLayer = layers.findIndex((l) => l.socketPath !== undefined);
  const tcpLayer = layers.findIndex((l) => (l.host !== undefined && l.host !== 'localhost') || l.port !== undefined);
  if (socketPath !== undefined && tcpLayer >= 0 && tcpLayer < socketLayer) socketPath = undefined;
  // --protocol=tcp: no socket, localhost too
  if (target.tcp) socketPath = undefined;
  // Like the mysql client: 'localhost' (or nothing) without a port means the local socket, when there is one.
  else if (socketPath === undefined && (host === undefined || host === 'localhost') && port === undefined) {
    socketPath = DEFAULT_SOCKETS.find((s) => existsSync(s));
  }
  const password = pick('password');
  const database = pick('database');
  const timeout = pick('connectTimeoutMs');
  const timeoutPart = {
    ...(timeout !== undefined ? { connectTimeoutMs: timeout } : {}),
    ...(target.charset ? { charset: target.charset } : {}),
    ...(target.initCommand !== undefined ? { initCommand: target.initCommand } : {}),
  };
  // A host list wins over the single hosts of lower layers, as a single host of a higher layer wins over it.
  const listLayer = layers.findIndex((l) => l.hostList !== undefined);
  const hostLayer = layers.findIndex((l) => l.host !== undefined);
  if (listLayer >= 0 && (hostLayer < 0 || listLayer <= hostLayer)) {
    const hosts = layers[listLayer]!.hostList!.split(',').filter((h) => h.trim() !== '').map((h) => {
      const hp = splitHostPort(h, 'the host list');
      return { host: hp.host, port: hp.port ?? port ?? 3306 };
    });
    return {
      host: hosts[0]!.host,
      port: hosts[0]!.port,
      user: pick('user') ?? defaultUser(env),
      ...(password !== undefined ? { password } : {}),
      ...(database !== undefined ? { database } : {}),
      ...(hosts.length > 1 ? { hosts } : {}),
      ...timeoutPart,
    };
  }
  return {
    host: host ?? 'localhost',
    port: port ?? 3306,
    user: pick('user') ?? defaultUser(env),
    ...(password !== undefined ? { password } : {}),
    ...(database !== undefined ? { database } : {}),
    ...(socketPath !== undefined ? { socketPath } : {}),
    ...timeoutPart,
  };
}

/** Printable URI, never with the password. */
export function mysqlDisplayUrl(p: MysqlParams): string {
  const user = encodeURIComponent(p.user);
  const db = p.database ? `/${encodeURIComponent(p.database)}` : '';
  if (p.socketPath) return `mysql://${user}@localhost${db}?socket=${encodeURIComponent(p.socketPath)}`;
  const host = p.host.includes(':') ? `[${p.host}]` : p.host;
  return `mysql://${user}@${host}:${p.port}${db}`;
}

/** Where, in words, for error messages: '127.0.0.1:3306' or 'socket /run/mysqld/mysqld.sock'. */
export function mysqlWhere(p: MysqlParams): string {
  return p.socketPath ? `socket ${p.socketPath}` : `${p.host}:${p.port}`;
}
