/**
 * An SSH tunnel as pgcli's and mycli's: a listener on 127.0.0.1 (port chosen by the system) whose
 * every connection is forwarded by the bastion to the database's host:port (ssh2's forwardOut).
 * The SSH session authenticates with the user's agent (SSH_AUTH_SOCK) or key files (an encrypted
 * key's passphrase is asked, hidden), and the bastion's host key must be in known_hosts: an unknown
 * or changed key is refused with the way out, never accepted. When the SSH session drops, the
 * listener stays: the database driver's next connection opens a new SSH session (so the engine's
 * usual "the next statement reconnects" works through the tunnel too). ssh2 is loaded on first use.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ConnectError } from '../../core/errors.js';
import { checkHostKey, hostKeyRefusal, knownKeyTypes, parseKnownHosts, type KnownHostLine } from './known-hosts.js';
import { endpointLabel, type SshEndpoint } from './ssh-endpoint.js';

/** The part of ssh2's Client this file uses (typed structurally: the package loads lazily). */
interface SshClient {
  on(event: 'ready' | 'close', cb: () => void): this;
  on(event: 'error', cb: (err: Error & { level?: string }) => void): this;
  connect(config: Record<string, unknown>): void;
  forwardOut(srcIP: string, srcPort: number, dstIP: string, dstPort: number, cb: (err: Error | undefined, stream: Duplex) => void): void;
  end(): void;
}
interface Ssh2Module {
  Client: new () => SshClient;
  utils: { parseKey(data: Buffer | string, passphrase?: string): unknown };
}

export interface TunnelOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Asks for an encrypted key's passphrase; undefined: no terminal (the key is skipped, with a note). */
  readonly askPassphrase?: (prompt: string) => Promise<string>;
}

const HOST_KEY_ALGORITHMS = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];

function readKnownHosts(files: readonly string[]): { lines: readonly KnownHostLine[]; file: string } {
  const lines: KnownHostLine[] = [];
  for (const f of files) {
    try {
      lines.push(...parseKnownHosts(readFileSync(f, 'utf8')));
    } catch {
      // a missing file knows no host
    }
  }
  return { lines, file: files[0]! };
}

/** Known key types first, so the server shows the key we can check (as ssh does). */
function hostKeyOrder(known: readonly string[]): string[] {
  const first = known.flatMap((t) => (t === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [t])).filter((t) => HOST_KEY_ALGORITHMS.includes(t));
  return [...new Set([...first, ...HOST_KEY_ALGORITHMS])];
}

export class SshTunnel {
  private client: Promise<SshClient> | undefined;
  private closing = false;
  private readonly sockets = new Set<Socket>();
  /** Why the SSH session went away (or why a new one could not be opened), for the session's message. */
  dropReason: string | undefined;
  private constructor(
    private readonly ssh: Ssh2Module,
    readonly endpoint: SshEndpoint,
    readonly dest: { readonly host: string; readonly port: number },
    private readonly opts: TunnelOptions,
    private readonly server: Server,
    readonly localPort: number,
  ) {}

  static async open(endpoint: SshEndpoint, dest: { host: string; port: number }, opts: TunnelOptions): Promise<SshTunnel> {
    const mod = (await import('ssh2')) as unknown as Ssh2Module & { default?: Ssh2Module };
    const ssh = mod.default ?? mod;
    const server = createServer();
    await new Promise<void>((res, rej) => {
      server.once('error', rej);
      server.listen(0, '127.0.0.1', () => res());
    });
    const port = (server.address() as { port: number }).port;
    const tunnel = new SshTunnel(ssh, endpoint, dest, opts, server, port);
    server.on('connection', (sock) => tunnel.forward(sock));
    try {
      await tunnel.session();
    } catch (e) {
      await tunnel.close();
      throw e;
    }
    return tunnel;
  }

  /** 'alice@bastion:22' */
  get label(): string {
    return endpointLabel(this.endpoint);
  }

  private forward(sock: Socket): void {
    sock.on('error', () => undefined);
    this.sockets.add(sock);
    sock.on('close', () => this.sockets.delete(sock));
    sock.pause();
    this.session().then(
      (client) =>
        client.forwardOut('127.0.0.1', sock.remotePort ?? 0, this.dest.host, this.dest.port, (err, stream) => {
          if (err) {
            this.dropReason = `the bastion ${this.label} could not reach ${this.dest.host}:${this.dest.port}: ${err.message}`;
            sock.destroy();
            return;
          }
          stream.on('error', () => sock.destroy());
          stream.on('close', () => sock.destroy());
          sock.on('close', () => stream.destroy());
          sock.pipe(stream).pipe(sock);
          sock.resume();
        }),
      () => sock.destroy(),
    );
  }

  /** The SSH session, opened on first use and again after it dropped. */
  private session(): Promise<SshClient> {
    if (this.closing) return Promise.reject(new ConnectError('the SSH tunnel is closed'));
    if (!this.client) {
      const opening = this.connectEndpoint(this.endpoint);
      this.client = opening;
      opening.then(
        () => (this.dropReason = undefined),
        (e: Error) => {
          this.dropReason = e.message;
          if (this.client === opening) this.client = undefined;
        },
      );
    }
    return this.client;
  }

  private async connectEndpoint(e: SshEndpoint): Promise<SshClient> {
    let sock: Duplex | undefined;
    if (e.jump) {
      const hop = await this.connectEndpoint(e.jump);
      sock = await new Promise<Duplex>((res, rej) =>
        hop.forwardOut('127.0.0.1', 0, e.host, e.port, (err, s) => (err ? rej(new ConnectError(`ProxyJump ${endpointLabel(e.jump!)} could not reach ${e.host}:${e.port}: ${err.message}`)) : res(s))),
      );
    }
    const known = readKnownHosts(e.knownHostsFiles);
    let refusal: string | undefined;
    const client = new this.ssh.Client();
    const tried: string[] = [];
    const auth = this.authMethods(e, tried);
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      client.on('ready', () => {
        settled = true;
        resolve();
      });
      client.on('error', (err) => {
        if (!settled) {
          settled = true;
          reject(new ConnectError(this.describeFailure(e, err, refusal, tried)));
          return;
        }
        this.dropReason = `the SSH connection to ${endpointLabel(e)} failed: ${err.message}`;
      });
      client.on('close', () => {
        if (!settled) {
          settled = true;
          reject(new ConnectError(refusal ?? `the SSH server ${endpointLabel(e)} closed the connection during the handshake`));
          return;
        }
        if (!this.closing) this.dropReason ??= `the SSH connection to ${endpointLabel(e)} closed`;
        if (this.client) this.client = undefined;
      });
      client.connect({
        ...(sock ? { sock } : { host: e.host, port: e.port }),
        username: e.user,
        readyTimeout: 10_000,
        keepaliveInterval: 10_000,
        keepaliveCountMax: 3,
        algorithms: { serverHostKey: hostKeyOrder(knownKeyTypes(known.lines, e.host, e.port)) },
        hostVerifier: (key: Buffer) => {
          refusal = hostKeyRefusal(checkHostKey(known.lines, e.host, e.port, key), e.host, e.port, key, known.file);
          return refusal === undefined;
        },
        authHandler: (_left: unknown, _partial: unknown, cb: (m: unknown) => void) => {
          auth
            .next()
            .then((r) => {
              if (!r.done) tried.push(r.value.what);
              cb(r.done ? false : r.value.method);
            })
            .catch(() => cb(false));
        },
      });
    });
    return client;
  }

  /** The agent, then each key file; an encrypted key asks for its passphrase. */
  private async *authMethods(e: SshEndpoint, skipped: string[]): AsyncGenerator<{ what: string; method: Record<string, unknown> }> {
    const agent = this.opts.env['SSH_AUTH_SOCK'];
    if (agent && !e.identitiesOnly) yield { what: 'the SSH agent', method: { type: 'agent', username: e.user, agent } };
    for (const file of e.keyFiles) {
      let data: Buffer;
      try {
        data = readFileSync(file);
      } catch {
        continue;
      }
      let parsed = this.ssh.utils.parseKey(data);
      let passphrase: string | undefined;
      if (parsed instanceof Error && /passphrase|encrypted/i.test(parsed.message)) {
        if (!this.opts.askPassphrase) {
          skipped.push(`${file} skipped: it is encrypted and there is no terminal to ask its passphrase (load it with ssh-add)`);
          continue;
        }
        passphrase = await this.opts.askPassphrase(`Enter passphrase for key '${file}': `);
        parsed = this.ssh.utils.parseKey(data, passphrase);
      }
      if (parsed instanceof Error) {
        skipped.push(`${file} skipped: ${parsed.message}`);
        continue;
      }
      yield { what: file, method: { type: 'publickey', username: e.user, key: data, ...(passphrase !== undefined ? { passphrase } : {}) } };
    }
    if (agent && e.identitiesOnly) yield { what: 'the SSH agent', method: { type: 'agent', username: e.user, agent } };
  }

  private describeFailure(e: SshEndpoint, err: Error & { level?: string; code?: string }, refusal: string | undefined, tried: readonly string[]): string {
    const where = endpointLabel(e);
    if (refusal) return refusal;
    if (err.level === 'client-authentication') {
      return (
        `the SSH server ${where} refused every key tried (${tried.length ? tried.join(', ') : 'none: no SSH agent (SSH_AUTH_SOCK) and no key in ~/.ssh'}). ` +
        `Add your public key to ${e.user}'s ~/.ssh/authorized_keys there, load it into ssh-agent (ssh-add), or give --ssh-key FILE`
      );
    }
    if (err.code === 'ECONNREFUSED') return `could not reach the SSH server ${where}: connection refused. Is sshd running there, on that port?`;
    if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return `could not reach the SSH server: unknown host '${e.host}'`;
    if (err.level === 'client-timeout') return `could not reach the SSH server ${where}: timed out. Check the host, port and firewall`;
    return `SSH connection to ${where} failed: ${err.message}`;
  }

  async close(): Promise<void> {
    this.closing = true;
    const c = this.client;
    this.client = undefined;
    const closed = new Promise<void>((r) => this.server.close(() => r()));
    for (const s of this.sockets) s.destroy();
    await closed;
    (await c?.catch(() => undefined))?.end();
  }
}
