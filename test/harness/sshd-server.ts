/**
 * A throw-away SSH bastion for tests: Debian's /usr/sbin/sshd on 127.0.0.1 with a free port, a fresh
 * host key and a fresh client key in a temporary directory, which also holds a HOME for the client
 * (home/.ssh/id_ed25519 and home/.ssh/known_hosts with the host key as '[127.0.0.1]:PORT').
 * Only public-key login as the current user (root is allowed by key when the tests run as root).
 * stop() and start() kill and restart sshd on the same port (a tunnel that drops mid-session).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface SshdServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** A HOME for the client with .ssh/id_ed25519 and .ssh/known_hosts (the host key, trusted). */
  readonly home: string;
  /** The known_hosts line that trusts this server's host key. */
  readonly knownHostsLine: string;
  /** 'user@127.0.0.1:port', as --ssh takes it. */
  readonly spec: string;
  readonly dir: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

const SSHD = '/usr/sbin/sshd';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function keygen(file: string): void {
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'sqlsh-test', '-f', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
}

/** Accepts a TCP connection and sends its SSH banner. */
async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = netConnect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => (s.destroy(), resolve(ok));
    s.once('data', (d) => done(d.toString('latin1').startsWith('SSH-')));
    s.once('error', () => done(false));
    setTimeout(() => done(false), 2000);
  });
}

export async function startSshd(): Promise<SshdServer> {
  if (!existsSync(SSHD)) throw new Error('sshd is not installed (no /usr/sbin/sshd); install the openssh-server package');
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-sshd-'));
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  const hostKey = join(dir, 'host_ed25519');
  keygen(hostKey);
  keygen(join(home, '.ssh', 'id_ed25519'));
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(home, '.ssh', 'id_ed25519.pub')));
  const port = await freePort();
  const [type, key] = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(/\s+/);
  const knownHostsLine = `[127.0.0.1]:${port} ${type} ${key}`;
  writeFileSync(join(home, '.ssh', 'known_hosts'), `${knownHostsLine}\n`);
  const root = process.getuid?.() === 0;
  if (root && !existsSync('/run/sshd')) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      `PermitRootLogin ${root ? 'prohibit-password' : 'no'}`,
      'AllowTcpForwarding yes',
      'ClientAliveInterval 5',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  let proc: ChildProcess | undefined;
  let log = '';
  const start = async (): Promise<void> => {
    log = '';
    proc = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    proc.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) throw new Error(`sshd exited (${proc.exitCode}): ${log.trim()}`);
      if (await answers(port)) return;
      await sleep(50);
    }
    throw new Error(`sshd did not answer on port ${port} within 10 s: ${log.trim()}`);
  };
  const stop = async (): Promise<void> => {
    const p = proc;
    proc = undefined;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    // The sessions are the listener's children: end them too (by parent id), as a crash of the bastion would.
    spawnSync('pkill', ['-KILL', '-P', String(p.pid)]);
    p.kill('SIGKILL');
    await exited;
  };
  await start();
  const server: SshdServer = {
    host: '127.0.0.1',
    port,
    user: userInfo().username,
    home,
    knownHostsLine,
    spec: `${userInfo().username}@127.0.0.1:${port}`,
    dir,
    stop,
    start,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
