/**
 * The PostgreSQL engine: resolve the parameters the libpq way (postgres-target.ts), then choose the
 * server by libpq's multi-host rule (postgres-hosts.ts: host order or load_balance_hosts=random,
 * target_session_attrs), each host with the SSL attempts of its sslmode (prefer: one socket, see
 * postgres-ssl-request.ts). A host that cannot be reached passes the turn to the next; a server
 * that answers (wrong password, unknown database) ends the search, as in libpq. A reconnect after a loss chooses again by the same rule. The password comes from the target, the service file,
 * PGPASSWORD or the password file (~/.pgpass, per host); when the server asks for one and none was
 * found, opts.promptPassword is asked once, else ConnectError(needsPassword).
 */
import { ConnectError } from '../../core/errors.js';
import type { Connection, ConnectionInfo, ConnectionTarget, ConnectOptions, Engine } from '../engine.js';
import { engineById } from '../registry.js';
import type { PgSession } from './postgres-connection.js';
import { loadPgDriver, openPgClient, PasswordNeeded, sslAttempts, startPgSocket, type PgClient, type PgDriver, type PgSocket } from './postgres-driver.js';
import { toConnectError } from './postgres-errors.js';
import { chooseServer, type Chosen } from './postgres-hosts.js';
import { lookupPgpass } from './postgres-pgpass.js';
import { describeEndpoint, resolvePgParams, type PgEndpoint, type PgParams } from './postgres-target.js';

interface Opened {
  readonly client: PgClient;
  readonly endpoint: PgEndpoint;
  /** The session is TLS (a reopen asks the same, without asking the server again). */
  readonly useSsl: boolean;
  readonly password: string | undefined;
}

async function openEndpoint(d: PgDriver, p: PgParams, e: PgEndpoint, password: string | undefined, opts: ConnectOptions, early?: PgSocket): Promise<Opened> {
  let pw = password;
  let note: string | undefined;
  if (pw === undefined) {
    // Through a tunnel, the password file names the database's host, not the tunnel's loopback end (as with ssh -L and libpq's host).
    const where = p.tunnelOf ?? e;
    const found = lookupPgpass(p.passfile, { host: where.host, port: where.port, database: p.database, user: p.user });
    if (found.kind === 'found') pw = found.password;
    if (found.kind === 'ignored') note = found.reason;
  }
  let prompted = false;
  const attempts = sslAttempts(p, e);
  for (let i = 0; i < attempts.length; i++) {
    const outcome = { ssl: false };
    try {
      // The first attempt takes the socket opened while pg loaded, when it is this one's.
      const pre = i === 0 && early?.endpoint === e && early.choice === attempts[0] ? early : undefined;
      if (!pre) drop(early);
      early = undefined;
      const client = await openPgClient(d, p, e, attempts[i]!, pw, outcome, pre);
      return { client, endpoint: e, useSsl: outcome.ssl, password: pw };
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
      // prefer/allow: the other SSL choice after a refusal or a server answer (pg_hba may differ), not
      // after a network error; prefer's session that went on without SSL (the server has none) is not tried again plain.
      const other = i + 1 < attempts.length && (attempts[i + 1] === 'plain') === outcome.ssl;
      if (other && (sslRefused || serverAnswered)) continue;
      throw toConnectError(err, p, e, note);
    }
  }
  throw new ConnectError('no connection attempt was made: check sslmode');
}

/** Closes a socket opened ahead that no attempt took. */
function drop(s: PgSocket | undefined): void {
  void s?.ready.then((o) => o.stream.destroy(), () => undefined);
}

/** What the prompt and \conninfo show: the host chosen, and whether it is a primary or a standby. */
function sessionInfo(p: PgParams, chosen: Chosen<Opened>): ConnectionInfo {
  const { endpoint } = chosen.opened;
  const { url, label } = describeEndpoint(p, endpoint);
  const many = p.endpoints.length > 1;
  const role = chosen.state === undefined ? undefined : chosen.state.inRecovery ? 'standby' : 'primary';
  // One server alone is shown as before; several, or a standby, say which and what.
  const showRole = role !== undefined && (many || role !== 'primary');
  const node = [many ? `host ${chosen.index + 1} of ${p.endpoints.length}` : '', showRole ? `the ${role}` : ''].filter(Boolean).join(', ');
  // the address the host name led to (not through a tunnel: that is its loopback end), as psql names it
  const address = (chosen.opened.client.connection?.stream as { readonly remoteAddress?: string } | undefined)?.remoteAddress;
  const hostaddr = address && !p.tunnelOf && !endpoint.host.startsWith('/') && address !== endpoint.host ? address : undefined;
  return Object.freeze({
    engine: 'postgres' as const,
    label: showRole ? `${label} (${role})` : label,
    url,
    database: p.database,
    user: p.user,
    host: endpoint.host,
    ...(hostaddr ? { hostaddr } : {}),
    port: endpoint.port,
    ...(chosen.state?.serverVersion ? { serverVersion: chosen.state.serverVersion } : {}),
    ...(node ? { node } : {}),
  });
}

function toSession(p: PgParams, chosen: Chosen<Opened>): PgSession {
  return { client: chosen.opened.client, endpoint: chosen.opened.endpoint, info: sessionInfo(p, chosen), standby: chosen.state?.inRecovery === true };
}

export const postgresEngine: Engine = Object.freeze({
  id: 'postgres' as const,

  provisionalInfo(target: ConnectionTarget, env: NodeJS.ProcessEnv): ConnectionInfo | undefined {
    let p: PgParams;
    try {
      p = resolvePgParams(target, env);
    } catch {
      return undefined; // connect() says what is wrong, before any prompt
    }
    // One server, whatever it is: several (or a required role) are chosen by connecting
    if (p.endpoints.length !== 1 || p.targetSessionAttrs !== 'any' || p.tunnelOf) return undefined;
    const e = p.endpoints[0]!;
    // The password is known, so nothing is asked once the prompt is on the screen
    if (p.password === undefined && lookupPgpass(p.passfile, { host: e.host, port: e.port, database: p.database, user: p.user }).kind !== 'found') return undefined;
    const { url, label } = describeEndpoint(p, e);
    return Object.freeze({ engine: 'postgres' as const, label, url, database: p.database, user: p.user, host: e.host, port: e.port });
  },

  async connect(target: ConnectionTarget, opts: ConnectOptions = {}): Promise<Connection> {
    const params = resolvePgParams(target, opts.env ?? process.env);
    // The first host tried (the first written, unless load_balance_hosts=random), over TCP: its
    // socket opens (DNS, TCP handshake, the SSL question) while pg loads, and while the interactive
    // shell paints its prompt (opts.startAfter: provisionalInfo answered); TLS, which costs this
    // thread milliseconds, starts after that paint.
    const firstHost = params.endpoints.length === 1 || !params.loadBalance ? params.endpoints[0] : undefined;
    let early = firstHost && !firstHost.host.startsWith('/') ? startPgSocket(params, firstHost, sslAttempts(params, firstHost)[0]!, opts.startAfter) : undefined;
    // The prompt first: then pg's modules and the connection's code
    if (opts.startAfter) {
      try {
        await opts.startAfter;
      } catch (err) {
        drop(early);
        throw err;
      }
    }
    // Node starts a connect (or the DNS lookup) on the next tick: let it go before pg's modules load.
    else if (early) await new Promise<void>((resolve) => process.nextTick(resolve));
    // The connection's code (and pg's) is in a file of its own, read now: not before the first paint
    const loading = Promise.all([loadPgDriver(), engineById('postgres').dialect(), import('./postgres-connection.js')]);
    loading.catch(() => drop(early));
    const [driver, dialect, { PostgresConnection }] = await loading;
    // A password typed at the prompt is kept for reconnects (which never prompt); else each host's own (~/.pgpass).
    let typed: string | undefined;
    const ask = opts.promptPassword;
    const firstOpts: ConnectOptions = ask ? { ...opts, promptPassword: async (q) => (typed = await ask(q)) } : opts;
    const used = new WeakMap<PgClient, Opened>();
    const open = async (e: PgEndpoint, o: ConnectOptions): Promise<Opened> => {
      const pre = early;
      early = undefined;
      const opened = await openEndpoint(driver, params, e, typed ?? params.password, o, pre);
      used.set(opened.client, opened);
      return opened;
    };
    let first: Chosen<Opened>;
    try {
      first = await chooseServer(params, (e) => open(e, firstOpts));
    } finally {
      drop(early); // not taken: an error came first
    }
    const reconnect = async (): Promise<PgSession> => toSession(params, await chooseServer(params, (e) => open(e, {})));
    const reopen = async (like: PgSession): Promise<PgSession> => {
      try {
        const how = used.get(like.client);
        const client = await openPgClient(driver, params, like.endpoint, how?.useSsl ? 'ssl' : 'plain', how ? how.password : (typed ?? params.password));
        return { ...like, client };
      } catch (err) {
        throw toConnectError(err, params, like.endpoint);
      }
    };
    return new PostgresConnection({ driver, dialect, session: toSession(params, first), reopen, reconnect });
  },
});
