/**
 * The part of `pg` and `pg-cursor` we use, typed structurally, and the one place that loads them
 * (lazily, on connect) and opens a client for one endpoint (its SSL question: postgres-ssl-request.ts).
 */
import type { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { checkServerIdentity } from 'node:tls';
import { isIP, type Socket } from 'node:net';
import { pgTypes } from './postgres-values.js';
import type { PgEndpoint, PgParams } from './postgres-target.js';
import { openPgSocket, type Negotiated, type SslChoice } from './postgres-ssl-request.js';

export interface PgFieldDesc {
  readonly name: string;
  readonly dataTypeID: number;
  readonly dataTypeModifier: number;
}

export interface PgQueryResult {
  readonly rows: unknown[][];
}

export interface PgClient extends EventEmitter {
  connect(): Promise<void>;
  query(config: { text: string; values?: unknown[]; rowMode: 'array' }): Promise<PgQueryResult>;
  query<C extends PgCursor>(cursor: C): C;
  end(): Promise<void>;
  readonly processID: number | null;
  readonly secretKey: number | null;
  /** pg >= 8.16: the status byte of the last ReadyForQuery message ('I', 'T' or 'E'). */
  getTransactionStatus?(): string | null;
  /** Older pg keeps the same byte here. */
  readonly _txStatus?: string | null;
  /** false between sending a statement and the server's ReadyForQuery. */
  readonly readyForQuery?: boolean;
  /** The protocol connection: emits 'readyForQuery' and 'end'; its socket. */
  readonly connection?: EventEmitter & { readonly stream?: { cork?(): void; uncork?(): void } };
}

export interface PgCursor {
  read(rows: number): Promise<unknown[][]>;
  close(): Promise<void>;
  /** 'initialized' | 'submitted' | 'idle' | 'busy' | 'done' | 'error' */
  readonly state: string;
  readonly _result: { readonly fields: readonly PgFieldDesc[] };
  handleCommandComplete(msg: { text: string }): void;
}

export interface PgDriver {
  readonly Client: new (config: object) => PgClient;
  readonly Cursor: new (text: string, values: undefined, config: object) => PgCursor;
}

let driver: Promise<PgDriver> | undefined;

/** pg's Result class (its row parser), once the driver is loaded: the same copy of pg the client is. */
let pgResult: unknown;
export function pgResultClass(): unknown {
  if (pgResult === undefined) throw new Error('the PostgreSQL driver is not loaded');
  return pgResult;
}

export function loadPgDriver(): Promise<PgDriver> {
  driver ??= (async () => {
    // pg asks at load whether it runs in a Cloudflare Worker: without a global `navigator` (Node 20;
    // Node 21 has one) it builds a fetch Response to find out, which loads Node's whole fetch
    // implementation (undici): about 30 ms of every PostgreSQL start. A navigator that says Node
    // answers the question; it is there only while pg loads.
    const g = globalThis as { navigator?: unknown };
    const shim = g.navigator === undefined;
    if (shim) Object.defineProperty(globalThis, 'navigator', { value: Object.freeze({ userAgent: 'Node.js' }), configurable: true, writable: true });
    let pg: typeof import('pg');
    try {
      pg = await import('pg');
    } finally {
      if (shim) delete g.navigator;
    }
    const cursor = await import('pg-cursor');
    pgResult = (pg.default as unknown as { Result: unknown }).Result;
    return {
      Client: pg.default.Client as unknown as PgDriver['Client'],
      Cursor: cursor.default as unknown as PgDriver['Cursor'],
    };
  })();
  return driver;
}

const reported = new WeakMap<PgClient, Map<string, string>>();

/** The settings the server reported by itself (ParameterStatus: standard_conforming_strings, TimeZone, ...). */
/** After an error pg forgets the statement; wait for its ReadyForQuery so the status byte is current. */
export function readyForQuery(client: PgClient): Promise<void> {
  const con = client.connection;
  if (client.readyForQuery !== false || !con) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      con.removeListener('readyForQuery', done);
      con.removeListener('end', done);
      resolve();
    };
    const timer = setTimeout(done, 5000);
    con.once('readyForQuery', done);
    con.once('end', done);
  });
}

export function reportedSettings(client: PgClient): ReadonlyMap<string, string> {
  return reported.get(client) ?? new Map();
}

/** Thrown from the password callback when the server asks for a password we do not have. */
export class PasswordNeeded extends Error {
  override readonly name = 'PasswordNeeded';
}

function readOptional(path: string | undefined): string | undefined {
  return path ? readFileSync(path, 'utf8') : undefined;
}

/** pg's `ssl` option for one attempt. */
export function sslConfig(p: PgParams, useSsl: boolean): false | object {
  if (!useSsl) return false;
  const files = {
    ...(p.sslrootcert ? { ca: readOptional(p.sslrootcert) } : {}),
    ...(p.sslcert ? { cert: readOptional(p.sslcert) } : {}),
    ...(p.sslkey ? { key: readOptional(p.sslkey) } : {}),
  };
  // Through an SSH tunnel the socket is the loopback end: the server name (SNI, which some hosted
  // services route by) and the certificate check name the database's host.
  const host = p.tunnelOf?.host;
  const sni = host && !isIP(host) ? { servername: host } : {};
  if (p.sslmode === 'verify-full' && host) {
    return { ...files, ...sni, rejectUnauthorized: true, checkServerIdentity: (_: string, cert: Parameters<typeof checkServerIdentity>[1]) => checkServerIdentity(host, cert) };
  }
  if (p.sslmode === 'verify-full') return { ...files, rejectUnauthorized: true };
  if (p.sslmode === 'verify-ca') return { ...files, ...sni, rejectUnauthorized: true, checkServerIdentity: () => undefined };
  return { ...files, ...sni, rejectUnauthorized: false };
}

export type { SslChoice };

/**
 * The SSL attempts for an endpoint, in libpq order: prefer = SSL (or plain on the same socket when
 * the server has none), then plain when the server refused the SSL session; allow = plain then SSL;
 * disable = plain; require/verify-* = SSL. Unix sockets never use SSL.
 */
export function sslAttempts(p: PgParams, e: PgEndpoint): readonly SslChoice[] {
  if (e.host.startsWith('/')) return ['plain'];
  switch (p.sslmode) {
    case 'disable':
      return ['plain'];
    case 'allow':
      return ['plain', 'ssl'];
    case 'prefer':
      return ['ssl-or-plain', 'plain'];
    default:
      return ['ssl'];
  }
}

/** A socket being opened for one attempt, and since when (connect_timeout counts from there). */
export interface PgSocket {
  readonly endpoint: PgEndpoint;
  readonly choice: SslChoice;
  readonly startedAt: number;
  readonly ready: Promise<Negotiated>;
}

/** Opens the TCP socket of one attempt and asks the SSL question: it needs no pg, so it can start while pg loads. */
export function startPgSocket(p: PgParams, e: PgEndpoint, choice: SslChoice, tlsAfter?: Promise<unknown>): PgSocket {
  const tls = choice === 'plain' ? {} : (sslConfig(p, true) as object);
  const ready = openPgSocket(e, { choice, tls, ...keepAliveOf(p), timeoutMs: p.connectTimeoutMs ?? 0, ...(tlsAfter ? { tlsAfter } : {}) });
  ready.catch(() => undefined); // the attempt that takes it reports the failure; an untaken one is dropped
  return { endpoint: e, choice, startedAt: Date.now(), ready };
}

function keepAliveOf(p: PgParams): { keepAlive: boolean; keepAliveInitialDelayMillis?: number } {
  // libpq's keepalives/keepalives_idle; keepalives_interval/_count and tcp_user_timeout have no Node 20 socket option.
  return { keepAlive: p.keepalives, ...(p.keepalivesIdleMs !== undefined ? { keepAliveInitialDelayMillis: p.keepalivesIdleMs } : {}) };
}

/**
 * A connected client for one endpoint, one SSL choice. password undefined or '': fail with
 * PasswordNeeded if asked. outcome.ssl says whether the session is TLS (set before the server's
 * answer to the startup, so a failed attempt tells it too). early: this attempt's socket, opened
 * already (startPgSocket); else TCP sockets are opened here, and Unix sockets by pg.
 */
export async function openPgClient(
  d: PgDriver,
  p: PgParams,
  e: PgEndpoint,
  choice: SslChoice,
  password: string | undefined,
  outcome: { ssl: boolean } = { ssl: false },
  early?: PgSocket,
): Promise<PgClient> {
  outcome.ssl = false;
  const socket = early ?? (e.host.startsWith('/') ? undefined : startPgSocket(p, e, choice));
  const started = socket?.startedAt ?? Date.now();
  let stream: { stream: () => Socket } | undefined;
  if (socket) {
    const opened = await socket.ready;
    outcome.ssl = opened.ssl;
    stream = { stream: () => opened.stream };
  }
  // connect_timeout covers the whole attempt: what opening the socket left of it.
  const timeout = p.connectTimeoutMs ? Math.max(1, p.connectTimeoutMs - (Date.now() - started)) : 0;
  const client = new d.Client({
    host: e.host,
    port: e.port,
    user: p.user,
    database: p.database,
    password: async (): Promise<string> => {
      // As in libpq, an empty password is no password (pg would fail with a SASL error instead).
      if (password === undefined || password === '') throw new PasswordNeeded('the server asked for a password');
      return password;
    },
    ssl: false,
    ...stream,
    application_name: p.applicationName,
    ...(p.options ? { options: p.options } : {}),
    connectionTimeoutMillis: timeout,
    ...keepAliveOf(p),
    types: pgTypes,
  });
  if (p.startupSettings) {
    // libpq's PGDATESTYLE, PGTZ, PGGEQO: more settings in the startup message (pg sends a fixed few)
    const withSettings = client as unknown as { getStartupConf(): Record<string, string> };
    const base = withSettings.getStartupConf.bind(client);
    withSettings.getStartupConf = () => ({ ...base(), ...p.startupSettings });
  }
  // The server reports some settings at start and whenever they change (psql follows them so too).
  const settings = new Map<string, string>();
  reported.set(client, settings);
  client.connection?.on('parameterStatus', (m: { parameterName: string; parameterValue: string }) => void settings.set(m.parameterName, m.parameterValue));
  // Errors after connect are handled by the connection; before that, connect() rejects.
  const swallow = (): void => undefined;
  client.on('error', swallow);
  try {
    await client.connect();
  } catch (err) {
    client.end().catch(swallow);
    throw err;
  } finally {
    client.removeListener('error', swallow);
  }
  return client;
}
