/**
 * A loopback TCP proxy in front of a PostgreSQL server that records what crosses it, to count the
 * network round trips a client makes: each connection's flights (a run of bytes in one direction
 * before the other side speaks) and, for the client's first message, what it was (SSLRequest,
 * StartupMessage, CancelRequest). After TLS starts the bytes are opaque; flights still count.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface ProxiedConnection {
  /** 'C' client to server, 'S' server to client, one entry per flight. */
  readonly flights: ('C' | 'S')[];
  /** The client's first message: 'ssl-request', 'startup', 'cancel' or 'other'. */
  first: string | undefined;
  /** The second client flight starts with a StartupMessage (protocol 3.0): the session went on without TLS. */
  plainAfterSslRequest: boolean;
}

export interface WireProxy {
  readonly port: number;
  readonly connections: ProxiedConnection[];
  /** Client flights over every connection (each waits for the server's answer: one round trip). */
  clientFlights(): number;
  reset(): void;
  close(): Promise<void>;
}

const kind = (b: Buffer): string => {
  if (b.length < 8) return 'other';
  const code = b.readInt32BE(4);
  return code === 80877103 ? 'ssl-request' : code === 196608 ? 'startup' : code === 80877102 ? 'cancel' : 'other';
};

export async function startWireProxy(host: string, port: number): Promise<WireProxy> {
  const connections: ProxiedConnection[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const c: ProxiedConnection = { flights: [], first: undefined, plainAfterSslRequest: false };
    connections.push(c);
    const upstream = connect(port, host);
    sockets.add(client).add(upstream);
    const note = (dir: 'C' | 'S', b: Buffer): void => {
      if (dir === 'C') {
        const clientFlights = c.flights.filter((f) => f === 'C').length;
        if (c.first === undefined) c.first = kind(b);
        else if (clientFlights === 1 && c.first === 'ssl-request' && c.flights.at(-1) === 'S' && kind(b) === 'startup') c.plainAfterSslRequest = true;
      }
      if (c.flights.at(-1) !== dir) c.flights.push(dir);
    };
    client.on('data', (b: Buffer) => {
      note('C', b);
      upstream.write(b);
    });
    upstream.on('data', (b: Buffer) => {
      note('S', b);
      client.write(b);
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP port');
  return {
    port: address.port,
    connections,
    clientFlights: () => connections.reduce((n, c) => n + c.flights.filter((f) => f === 'C').length, 0),
    reset: () => void connections.splice(0),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
