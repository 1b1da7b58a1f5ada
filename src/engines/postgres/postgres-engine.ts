/**
 * The PostgreSQL engine: resolve the parameters the libpq way (postgres-target.ts), then try each
 * host in order (pg itself takes one host), each with the SSL attempts of its sslmode. A host that
 * cannot be reached passes the turn to the next; a server that answers (wrong password, unknown
 * database) ends the search, as in libpq. The password comes from the target, the service file,
 * PGPASSWORD or the password file (~/.pgpass, per host); when the server asks for one and none was
 * found, opts.promptPassword is asked once, else ConnectError(needsPassword).
 */
import { ConnectError } from '../../core/errors.js';
import type { Connection, ConnectionTarget, ConnectOptions, Engine } from '../engine.js';
import { engineById } from '../registry.js';
import { PostgresConnection, type PgSession } from './postgres-connection.js';
import { loadPgDriver, openPgClient, PasswordNeeded, sslAttempts, type PgDriver } from './postgres-driver.js';
import { isNetworkFailure, toConnectError } from './postgres-errors.js';
import { lookupPgpass } from './postgres-pgpass.js';
import { describeEndpoint, resolvePgParams, type PgEndpoint, type PgParams } from './postgres-target.js';

interface Opened {
  readonly session: PgSession;
  readonly useSsl: boolean;
  readonly password: string | undefined;
}

async function openEndpoint(d: PgDriver, p: PgParams, e: PgEndpoint, password: string | undefined, opts: ConnectOptions): Promise<Opened> {
  let pw = password;
  let note: string | undefined;
  if (pw === undefined) {
    const found = lookupPgpass(p.passfile, { host: e.host, port: e.port, database: p.database, user: p.user });
    if (found.kind === 'found') pw = found.password;
    if (found.kind === 'ignored') note = found.reason;
  }
  let prompted = false;
  const attempts = sslAttempts(p, e);
  for (let i = 0; i < attempts.length; i++) {
    const useSsl = attempts[i]!;
    try {
      const client = await openPgClient(d, p, e, useSsl, pw);
      return { session: { client, endpoint: e }, useSsl, password: pw };
    } catch (err) {
      if (err instanceof PasswordNeeded) {
        if (opts.promptPassword && !prompted) {
          prompted = true;
          pw = await opts.promptPassword(`Password for user ${p.user}: `);
          i--; // the same attempt again, with the password
          continue;
        }
        const where = e.host.startsWith('/') ? `on socket "${e.host}"` : `at "${e.host}", port ${e.port}`;
        throw new ConnectError(
          `connection to server ${where} failed: the server asks for a password for user "${p.user}" and none was given\n` +
            `\tGive it in the URI, PGPASSWORD or ~/.pgpass, or run sqlsh in a terminal to be prompted.${note ? `\n\t(${note})` : ''}`,
          { needsPassword: true },
        );
      }
      const sslRefused = /does not support SSL/i.test((err as Error).message ?? '');
      const serverAnswered = typeof (err as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((err as { code: string }).code);
      // prefer/allow: the other SSL choice after a refusal or a server answer (pg_hba may differ), not after a network error
      if (i + 1 < attempts.length && (sslRefused || serverAnswered)) continue;
      throw toConnectError(err, p, e, note);
    }
  }
  throw new ConnectError('no connection attempt was made: check sslmode');
}

export const postgresEngine: Engine = Object.freeze({
  id: 'postgres' as const,

  async connect(target: ConnectionTarget, opts: ConnectOptions = {}): Promise<Connection> {
    const params = resolvePgParams(target, opts.env ?? process.env);
    const [driver, dialect] = await Promise.all([loadPgDriver(), engineById('postgres').dialect()]);
    let opened: Opened | undefined;
    let lastError: ConnectError | undefined;
    for (const e of params.endpoints) {
      try {
        opened = await openEndpoint(driver, params, e, params.password, opts);
        break;
      } catch (err) {
        const cause = (err as { cause?: unknown }).cause;
        if (err instanceof ConnectError && !err.needsPassword && cause !== undefined && isNetworkFailure(cause)) {
          lastError = err;
          continue;
        }
        throw err;
      }
    }
    if (!opened) throw lastError ?? new ConnectError('no host to connect to: give one with -h or in the URI');

    const { session, useSsl, password } = opened;
    const endpoint = session.endpoint;
    const reopen = async (): Promise<PgSession> => {
      try {
        const client = await openPgClient(driver, params, endpoint, useSsl, password);
        return { client, endpoint };
      } catch (err) {
        throw toConnectError(err, params, endpoint);
      }
    };
    let serverVersion: string | undefined;
    try {
      const r = await session.client.query({ text: "select current_setting('server_version')", rowMode: 'array' });
      serverVersion = String(r.rows[0]?.[0] ?? '');
    } catch {
      // not essential
    }
    const { url, label } = describeEndpoint(params, endpoint);
    const info = Object.freeze({
      engine: 'postgres' as const,
      label,
      url,
      database: params.database,
      user: params.user,
      host: endpoint.host,
      port: endpoint.port,
      ...(serverVersion ? { serverVersion } : {}),
    });
    const conn = new PostgresConnection({ driver, dialect, info, session, reopen });
    await conn.loadTypes();
    return conn;
  },
});
