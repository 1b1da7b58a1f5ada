/**
 * Connect an engine through an SSH tunnel: find the database's host and port as the engine would
 * (flags, then the URI, then PGHOST/PGPORT or MYSQL_HOST/MYSQL_TCP_PORT, then localhost and the
 * default port; the name is resolved by the bastion, so 'localhost' is the bastion itself), open the
 * tunnel, and let the engine connect to its loopback end. The connection it returns shows the real
 * host and the tunnel, says in words when the tunnel dropped, and closes the tunnel with itself.
 */
import { ConnectError, ConnectionLostError } from '../../core/errors.js';
import type { ResultEvent } from '../../core/result.js';
import type { CatalogData } from '../../catalog/catalog-data.js';
import type { Connection, ConnectionInfo, ConnectionTarget, ConnectOptions, Engine, ExecuteOptions, TransactionStatus } from '../engine.js';
import { resolveSshEndpoint } from './ssh-endpoint.js';
import { SshTunnel } from './ssh-tunnel.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The database's host:port as seen from the bastion. */
export function tunnelDestination(target: ConnectionTarget, env: Env): { host: string; port: number } {
  const pg = target.engine === 'postgres';
  let urlHost: string | undefined;
  let urlPort: number | undefined;
  if (target.url) {
    const authority = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?]*@)?([^/?#]*)/i.exec(target.url)?.[1] ?? '';
    const hosts = authority.split(',').filter((h) => h !== '');
    const q = /[?&]host=([^&]*)/.exec(target.url)?.[1];
    if (hosts.length > 1 || (q && decodeURIComponent(q).includes(','))) {
      throw new ConnectError('--ssh tunnels to one database host; this target names several (connect to one of them, or run sqlsh on the bastion)');
    }
    const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(hosts[0] ?? '');
    if (m?.[1]) urlHost = decodeURIComponent(m[1].replace(/^\[(.*)\]$/, '$1'));
    if (m?.[2]) urlPort = Number(m[2]);
    if (q && !urlHost) urlHost = decodeURIComponent(q);
    const qp = /[?&]port=(\d+)/.exec(target.url)?.[1];
    if (qp && !urlPort) urlPort = Number(qp);
  }
  const envHost = pg ? env['PGHOST'] : env['MYSQL_HOST'];
  const envPort = pg ? env['PGPORT'] : env['MYSQL_TCP_PORT'];
  const host = target.host ?? urlHost ?? envHost ?? 'localhost';
  if (host.startsWith('/')) throw new ConnectError(`--ssh forwards TCP; the database host is a Unix socket (${host}): give its TCP host and port as the bastion sees them`);
  if (host.includes(',')) throw new ConnectError('--ssh tunnels to one database host; this target names several');
  const port = target.port ?? urlPort ?? (envPort && /^\d+$/.test(envPort) ? Number(envPort) : undefined) ?? (pg ? 5432 : 3306);
  return { host, port };
}

export async function connectThroughSsh(engine: Engine, target: ConnectionTarget, opts: ConnectOptions): Promise<Connection> {
  const env = opts.env ?? process.env;
  const dest = tunnelDestination(target, env);
  const endpoint = resolveSshEndpoint(target.ssh!, env, target.sshKey);
  const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  const tunnel = await SshTunnel.open(endpoint, dest, {
    env,
    ...(interactive ? { askPassphrase: async (p: string) => (await import('../../cli/prompt-hidden.js')).promptHidden(p) } : {}),
  });
  const local: ConnectionTarget = { ...target, host: '127.0.0.1', port: tunnel.localPort, ssh: undefined, sshKey: undefined, tunnelOf: dest };
  try {
    const inner = await engine.connect(local, opts);
    return new TunnelledConnection(inner, tunnel);
  } catch (e) {
    const reason = tunnel.dropReason;
    await tunnel.close();
    if (reason && e instanceof Error) throw new ConnectError(`${reason} (through the SSH tunnel via ${tunnel.label})`);
    if (e instanceof ConnectError) throw new ConnectError(`${e.message.replaceAll(`127.0.0.1:${tunnel.localPort}`, `${dest.host}:${dest.port}`)} (through the SSH tunnel via ${tunnel.label})`, { needsPassword: e.needsPassword });
    throw e;
  }
}

/** The engine's connection, shown with the database's real address and the tunnel. */
class TunnelledConnection implements Connection {
  constructor(
    private readonly inner: Connection,
    private readonly tunnel: SshTunnel,
  ) {}

  get info(): ConnectionInfo {
    const i = this.inner.info;
    const local = `127.0.0.1:${this.tunnel.localPort}`;
    const real = `${this.tunnel.dest.host}:${this.tunnel.dest.port}`;
    return Object.freeze({
      ...i,
      label: i.label.replace('127.0.0.1', this.tunnel.dest.host),
      url: i.url.replace(local, real),
      host: this.tunnel.dest.host,
      port: this.tunnel.dest.port,
      via: `through the SSH tunnel via ${this.tunnel.label}`,
    });
  }

  get dialect() {
    return this.inner.dialect;
  }

  async *execute(sql: string, opts?: ExecuteOptions): AsyncIterable<ResultEvent> {
    const local = `127.0.0.1:${this.tunnel.localPort}`;
    const real = `${this.tunnel.dest.host}:${this.tunnel.dest.port}`;
    try {
      for await (const ev of this.inner.execute(sql, opts)) {
        // The engine's notices ("reconnected to ...") name the tunnel's end: name the database instead.
        yield ev.type === 'notice' && ev.message.includes(local) ? { ...ev, message: ev.message.replaceAll(local, real) } : ev;
      }
    } catch (e) {
      throw this.explain(e);
    }
  }

  /** A lost connection whose cause is the tunnel says so, and that the next statement opens it again. */
  private explain(e: unknown): unknown {
    const reason = this.tunnel.dropReason;
    if (!reason) return e;
    if (e instanceof ConnectionLostError) {
      const tx = e.wasInTransaction ? ' and the open transaction was rolled back' : '';
      return new ConnectionLostError(`the SSH tunnel via ${this.tunnel.label} is down (${reason}); the connection to the database through it was lost${tx}. The next statement reconnects, opening the tunnel again`, {
        wasInTransaction: e.wasInTransaction,
        cause: e,
      });
    }
    if (e instanceof ConnectError) return new ConnectError(`the SSH tunnel via ${this.tunnel.label} is down (${reason}); the next statement tries again`);
    return e;
  }

  cancel(): Promise<void> {
    return this.inner.cancel();
  }

  transactionStatus(): TransactionStatus {
    return this.inner.transactionStatus();
  }

  async introspect(signal?: AbortSignal): Promise<CatalogData> {
    try {
      return await this.inner.introspect(signal);
    } catch (e) {
      throw this.explain(e);
    }
  }

  async close(): Promise<void> {
    try {
      await this.inner.close();
    } finally {
      await this.tunnel.close();
    }
  }
}
