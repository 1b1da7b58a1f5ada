/**
 * Connection parameters resolved the libpq way. Precedence, highest first:
 *   1. the target's flags (-h -p -U -d, password) over the target's URI / conninfo string
 *      (a -d value that is itself a URI or `key=value` string is expanded like libpq's dbname)
 *   2. the service named by `service=` or PGSERVICE (pg_service.conf), for keywords still unset
 *   3. the environment: PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGPASSFILE PGSSLMODE
 *      PGSSLROOTCERT PGSSLCERT PGSSLKEY PGAPPNAME PGCONNECT_TIMEOUT PGOPTIONS
 *      (and, from the environment only, as libpq: PGDATESTYLE, PGTZ and PGGEQO, sent as the session's
 *      datestyle, timezone and geqo in the startup message)
 *   4. defaults: the Unix socket in /var/run/postgresql or /tmp when one exists, else localhost;
 *      port 5432; user = the OS user; database = the user; sslmode=prefer.
 * The password file (~/.pgpass) is consulted per host at connect time (see postgres-engine.ts).
 */
import { existsSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ConnectError } from '../../core/errors.js';
import type { ConnectionTarget } from '../engine.js';
import { isPostgresUri, parseConninfo } from './postgres-conninfo.js';
import { readServiceParams } from './postgres-service-file.js';

/** libpq's target_session_attrs: which server of several the session must reach. */
export type TargetSessionAttrs = 'any' | 'read-write' | 'read-only' | 'primary' | 'standby' | 'prefer-standby';
const TARGET_SESSION_ATTRS: readonly TargetSessionAttrs[] = ['any', 'read-write', 'read-only', 'primary', 'standby', 'prefer-standby'];

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/** One place to try. host starting with '/' is a Unix socket directory. */
export interface PgEndpoint {
  readonly host: string;
  readonly port: number;
}

export interface PgParams {
  /** Tried in order (shuffled when loadBalance) until one accepts and matches targetSessionAttrs (libpq's multi-host rule). */
  readonly endpoints: readonly PgEndpoint[];
  readonly targetSessionAttrs: TargetSessionAttrs;
  /** load_balance_hosts=random: try the hosts in a random order (a new one each connection). */
  readonly loadBalance: boolean;
  readonly user: string;
  readonly database: string;
  /** From the URI, a flag, the service file or PGPASSWORD. Never print it. */
  readonly password?: string;
  readonly passfile: string;
  readonly sslmode: SslMode;
  readonly sslrootcert?: string;
  readonly sslcert?: string;
  readonly sslkey?: string;
  readonly applicationName: string;
  /** undefined: wait as long as the OS does. */
  readonly connectTimeoutMs?: number;
  /** Command-line options sent at connection start (`-c search_path=x`). */
  readonly options?: string;
  /** Settings sent in the startup message, as libpq sends PGDATESTYLE, PGTZ and PGGEQO (name: value). */
  readonly startupSettings?: Readonly<Record<string, string>>;
  /** TCP keepalive (libpq keepalives, default on) and its idle time before the first probe (keepalives_idle; undefined: the OS default). */
  readonly keepalives: boolean;
  readonly keepalivesIdleMs?: number;
  /** Through an SSH tunnel: the database's real host and port (for ~/.pgpass and verify-full), the endpoint being the tunnel's end. */
  readonly tunnelOf?: { readonly host: string; readonly port: number };
}

export interface ResolveDeps {
  readonly home: string;
  readonly osUser: string;
  readonly exists: (path: string) => boolean;
}

const ENV_KEYWORDS: ReadonlyArray<readonly [string, string]> = [
  ['host', 'PGHOST'], ['hostaddr', 'PGHOSTADDR'], ['port', 'PGPORT'], ['user', 'PGUSER'], ['dbname', 'PGDATABASE'],
  ['password', 'PGPASSWORD'], ['passfile', 'PGPASSFILE'], ['sslmode', 'PGSSLMODE'], ['sslrootcert', 'PGSSLROOTCERT'],
  ['sslcert', 'PGSSLCERT'], ['sslkey', 'PGSSLKEY'], ['application_name', 'PGAPPNAME'],
  ['connect_timeout', 'PGCONNECT_TIMEOUT'], ['options', 'PGOPTIONS'],
  ['target_session_attrs', 'PGTARGETSESSIONATTRS'], ['load_balance_hosts', 'PGLOADBALANCEHOSTS'],
];

/** libpq's environment-only settings: sent at connection start unless empty or 'default'. */
const ENV_SETTINGS: ReadonlyArray<readonly [string, string]> = [['datestyle', 'PGDATESTYLE'], ['timezone', 'PGTZ'], ['geqo', 'PGGEQO']];

function startupSettingsOf(env: Readonly<Record<string, string | undefined>>): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [name, envName] of ENV_SETTINGS) {
    const v = env[envName];
    if (v !== undefined && v.toLowerCase() !== 'default') out[name] = v;
  }
  return Object.keys(out).length > 0 ? Object.freeze(out) : undefined;
}

function defaultDeps(env: Readonly<Record<string, string | undefined>>): ResolveDeps {
  let osUser = 'postgres';
  try {
    osUser = userInfo().username;
  } catch {
    // no passwd entry: keep the fallback
  }
  return { home: env['HOME'] || homedir(), osUser, exists: existsSync };
}

function defaultHost(port: number, deps: ResolveDeps): string {
  for (const dir of ['/var/run/postgresql', '/tmp']) {
    if (deps.exists(join(dir, `.s.PGSQL.${port}`))) return dir;
  }
  return 'localhost';
}

function parsePort(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 65535) throw new ConnectError(`invalid port number: "${text}"`);
  return n;
}

export function resolvePgParams(
  target: ConnectionTarget,
  env: Readonly<Record<string, string | undefined>> = process.env,
  deps: ResolveDeps = defaultDeps(env),
): PgParams {
  const kw: Record<string, string> = target.url ? parseConninfo(target.url) : {};
  if (target.database !== undefined && (isPostgresUri(target.database) || target.database.includes('='))) {
    Object.assign(kw, parseConninfo(target.database));
  } else if (target.database !== undefined) {
    kw['dbname'] = target.database;
  }
  if (target.host !== undefined) kw['host'] = target.host;
  if (target.port !== undefined) kw['port'] = String(target.port);
  if (target.user !== undefined) kw['user'] = target.user;
  if (target.password !== undefined) kw['password'] = target.password;

  const fill = (from: Record<string, string>): void => {
    for (const [k, v] of Object.entries(from)) if (kw[k] === undefined || kw[k] === '') kw[k] = v;
  };
  const service = kw['service'] ?? env['PGSERVICE'];
  if (service) fill(readServiceParams(service, env, deps.home));
  for (const [k, name] of ENV_KEYWORDS) {
    const v = env[name];
    if (v !== undefined && v !== '' && (kw[k] === undefined || kw[k] === '')) kw[k] = v;
  }

  const hostText = kw['host'] || kw['hostaddr'] || '';
  const hosts = hostText.split(',').map((h) => h.trim());
  const ports = (kw['port'] ?? '').split(',').map((p) => p.trim());
  if (ports.length > 1 && ports.length !== hosts.length) {
    throw new ConnectError(`could not match ${ports.length} port numbers to ${hosts.length} hosts`);
  }
  const endpoints = hosts.map((h, i) => {
    const portText = ports.length === 1 ? ports[0]! : ports[i]!;
    const port = portText === '' ? 5432 : parsePort(portText);
    return { host: h === '' ? defaultHost(port, deps) : h, port };
  });

  const user = kw['user'] || deps.osUser;
  const sslmode = (kw['sslmode'] || 'prefer') as SslMode;
  if (!SSL_MODES.includes(sslmode)) {
    throw new ConnectError(`invalid sslmode value: "${kw['sslmode']}" (use one of ${SSL_MODES.join(', ')})`);
  }
  let connectTimeoutMs: number | undefined;
  if (kw['connect_timeout']) {
    const s = Number(kw['connect_timeout']);
    if (!Number.isFinite(s)) throw new ConnectError(`invalid connect_timeout value: "${kw['connect_timeout']}" (seconds)`);
    if (s > 0) connectTimeoutMs = Math.max(2, Math.floor(s)) * 1000;
  }
  const targetSessionAttrs = (kw['target_session_attrs'] || 'any') as TargetSessionAttrs;
  if (!TARGET_SESSION_ATTRS.includes(targetSessionAttrs)) {
    throw new ConnectError(`invalid target_session_attrs value: "${kw['target_session_attrs']}" (use one of ${TARGET_SESSION_ATTRS.join(', ')})`);
  }
  const balance = kw['load_balance_hosts'] || 'disable';
  if (balance !== 'disable' && balance !== 'random') {
    throw new ConnectError(`invalid load_balance_hosts value: "${balance}" (use disable or random)`);
  }
  const keepalives = kw['keepalives'] === undefined || kw['keepalives'] === '' || Number(kw['keepalives']) !== 0;
  let keepalivesIdleMs: number | undefined;
  if (kw['keepalives_idle']) {
    const s = Number(kw['keepalives_idle']);
    if (!Number.isInteger(s) || s < 0) throw new ConnectError(`invalid keepalives_idle value: "${kw['keepalives_idle']}" (seconds)`);
    if (s > 0) keepalivesIdleMs = s * 1000;
  }
  const settings = startupSettingsOf(env);
  return Object.freeze({
    endpoints: Object.freeze(endpoints),
    targetSessionAttrs,
    loadBalance: balance === 'random',
    keepalives,
    ...(keepalivesIdleMs !== undefined ? { keepalivesIdleMs } : {}),
    user,
    database: kw['dbname'] || user,
    ...(kw['password'] !== undefined ? { password: kw['password'] } : {}),
    passfile: kw['passfile'] || join(deps.home, '.pgpass'),
    ...(target.tunnelOf ? { tunnelOf: target.tunnelOf } : {}),
    sslmode,
    ...(kw['sslrootcert'] ? { sslrootcert: kw['sslrootcert'] } : {}),
    ...(kw['sslcert'] ? { sslcert: kw['sslcert'] } : {}),
    ...(kw['sslkey'] ? { sslkey: kw['sslkey'] } : {}),
    applicationName: kw['application_name'] || kw['fallback_application_name'] || 'sqlsh',
    ...(connectTimeoutMs !== undefined ? { connectTimeoutMs } : {}),
    ...(kw['options'] ? { options: kw['options'] } : {}),
    ...(settings ? { startupSettings: settings } : {}),
  });
}

/** Printable URI without the password: postgres://alice@db:5432/shop, postgres://alice@/shop?host=/run/pg */
export function describeEndpoint(p: PgParams, e: PgEndpoint): { url: string; label: string } {
  const user = encodeURIComponent(p.user);
  const db = encodeURIComponent(p.database);
  if (e.host.startsWith('/')) {
    const port = e.port === 5432 ? '' : `&port=${e.port}`;
    return { url: `postgres://${user}@/${db}?host=${encodeURIComponent(e.host)}${port}`, label: `${p.user}@${db}` };
  }
  const host = e.host.includes(':') ? `[${e.host}]` : e.host;
  return { url: `postgres://${user}@${host}:${e.port}/${db}`, label: `${p.user}@${host}/${p.database}` };
}
