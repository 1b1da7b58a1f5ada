/**
 * The session's TCP socket, opened by sqlsh (so it can be opened while pg still loads), and the SSL
 * question of the PostgreSQL protocol asked on it as libpq asks it: SSLRequest, one byte back. 'S': TLS on that socket. 'N': with sslmode=prefer the same socket goes
 * on without TLS (no second connection, no second TCP handshake); with require/verify-* it fails
 * with pg's own words ("The server does not support SSL connections").
 *
 * pg cannot do the 'N' case (it closes the socket), so this file opens the socket, asks, starts TLS
 * with the options pg would give tls.connect, and hands pg a connected stream with ssl off. pg calls
 * stream.connect(port, host) itself: the handed stream answers it with an immediate 'connect'.
 */
import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { PgEndpoint } from './postgres-target.js';

/** What the session got: the connected stream, and whether it is TLS. */
export interface Negotiated {
  readonly stream: Socket;
  readonly ssl: boolean;
}

/**
 * How one attempt treats SSL: plain, ssl (require/verify-*: refused means failed), or ssl-or-plain
 * (prefer: a server that answers 'N' gets the startup on the same socket, as libpq does).
 */
export type SslChoice = 'plain' | 'ssl' | 'ssl-or-plain';

export interface SslRequestOptions {
  readonly choice: SslChoice;
  /** pg's `ssl` object for this endpoint (postgres-driver.ts sslConfig); unused for plain. */
  readonly tls: object;
  readonly keepAlive: boolean;
  readonly keepAliveInitialDelayMillis?: number;
  /** Until the socket is ready (0: none); the error says "timeout expired", as pg's. */
  readonly timeoutMs: number;
  /**
   * TLS starts only once this settles: the socket and the SSL question go out at once, but the TLS
   * handshake (node:tls loading, the key exchange: milliseconds of this thread) waits, e.g. for the
   * interactive shell's first paint. Until then the socket does not keep the process alive.
   */
  readonly tlsAfter?: Promise<unknown>;
}

// Int32 length 8, Int32 code 80877103 (1234 << 16 | 5679).
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 4, 210, 22, 47]);

/** The connected socket for one attempt (plain: as soon as TCP connects; else after the SSL question). */
export function openPgSocket(e: PgEndpoint, o: SslRequestOptions): Promise<Negotiated> {
  return new Promise<Negotiated>((resolve, reject) => {
    const raw = tcpConnect({ port: e.port, host: e.host, noDelay: true, keepAlive: o.keepAlive, keepAliveInitialDelay: o.keepAliveInitialDelayMillis ?? 0 });
    let current: Socket = raw;
    let settled = false;
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      current.destroy();
      raw.destroy();
      reject(err);
    };
    const done = (stream: Socket, ssl: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stream.removeListener('error', fail);
      raw.removeListener('error', fail);
      raw.removeListener('close', closed);
      resolve({ stream: handOver(stream), ssl });
    };
    const closed = (): void => fail(new Error('Connection terminated unexpectedly'));
    const timer = o.timeoutMs > 0 ? setTimeout(() => fail(new Error('timeout expired')), o.timeoutMs) : undefined;
    timer?.unref();
    raw.on('error', fail);
    raw.once('close', closed);
    if (o.tlsAfter) {
      // Until then the socket keeps nothing alive: a shell that ends before its first paint exits
      raw.unref();
      void o.tlsAfter.then(() => raw.ref(), () => raw.ref());
    }
    if (o.choice === 'plain') {
      raw.once('connect', () => done(raw, false));
      return;
    }
    raw.once('connect', () => raw.write(SSL_REQUEST));
    raw.once('data', (answer: Buffer) => {
      const code = answer.length === 1 ? String.fromCharCode(answer[0]!) : '';
      if (code === 'N' && o.choice === 'ssl-or-plain') return done(raw, false);
      if (code === 'N') return fail(new Error('The server does not support SSL connections'));
      if (code !== 'S') return fail(new Error('There was an error establishing an SSL connection'));
      if (o.tlsAfter) void o.tlsAfter.then(upgrade, upgrade);
      else upgrade();
    });
    function upgrade(): void {
      if (settled) return; // failed meanwhile (closed, timed out)
      // As pg's upgradeToSSL: the connection's host, the ssl options over it, SNI only for a name.
      const options: Record<string, unknown> = { socket: raw, host: e.host, ...o.tls };
      if (isIP(e.host) === 0) options['servername'] = e.host;
      let secure: Socket;
      try {
        secure = tlsConnect(options);
      } catch (err) {
        return fail(err as Error);
      }
      current = secure;
      secure.on('error', fail);
      secure.once('secureConnect', () => done(secure, true));
    }
  });
}

/** A connected stream that pg may "connect": it answers with 'connect' at once and opens nothing. */
function handOver(stream: Socket): Socket {
  const connected = (): Socket => {
    process.nextTick(() => stream.emit('connect'));
    return stream;
  };
  Object.defineProperty(stream, 'connect', { value: connected, configurable: true, writable: true });
  return stream;
}
