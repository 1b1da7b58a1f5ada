/**
 * The protocol's CancelRequest, sent on a new socket: length 16, code 80877102, backend pid, secret key.
 * The server answers by closing the socket; the cancelled statement then fails with SQLSTATE 57014.
 * Sent unencrypted even for SSL sessions (servers accept that, as libpq does for plain cancels).
 */
import { connect } from 'node:net';
import { join } from 'node:path';
import type { PgEndpoint } from './postgres-target.js';

const CANCEL_REQUEST_CODE = 80877102;

/** Resolves once the server closed the socket (or after timeoutMs); never rejects. */
export function sendCancelRequest(e: PgEndpoint, pid: number, secretKey: number, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    const socket = e.host.startsWith('/') ? connect(join(e.host, `.s.PGSQL.${e.port}`)) : connect(e.port, e.host);
    const finish = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    timer.unref();
    socket.once('connect', () => {
      const buf = Buffer.alloc(16);
      buf.writeInt32BE(16, 0);
      buf.writeInt32BE(CANCEL_REQUEST_CODE, 4);
      buf.writeInt32BE(pid, 8);
      buf.writeInt32BE(secretKey | 0, 12);
      socket.end(buf);
    });
    socket.once('close', finish);
    socket.once('error', finish);
    socket.resume();
  });
}
