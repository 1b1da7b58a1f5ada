/**
 * A throw-away PostgreSQL server for tests: initdb + pg_ctl from the newest
 * /usr/lib/postgresql/<version>/bin, in a fresh temporary directory, on 127.0.0.1 with a free
 * port and a Unix socket inside the temporary directory. TCP uses scram-sha-256 password auth
 * (so wrong-password tests are real); the Unix socket trusts everyone.
 * PostgreSQL refuses to run as root: when we are root, the server runs as the `postgres` OS user.
 */
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface PgServer {
  readonly host: string;
  readonly port: number;
  /** Superuser name. */
  readonly user: string;
  readonly password?: string;
  /** postgres://user:password@host:port/postgres */
  readonly url: string;
  /** '' when the server was given by SQLSH_TEST_PG_URL. */
  readonly dataDir: string;
  /** Directory of the Unix socket ('' when unknown). */
  readonly socketDir: string;
  stop(): Promise<void>;
  /** The server's certificate (PEM) when started with ssl. */
  readonly certFile?: string;
  /** Fast restart: every open connection is terminated. Not available for a server given by URL. */
  restart(): Promise<void>;
}

const DEFAULT_PASSWORD = 'sqlsh-test-Secret1';

/** The newest installed server binaries, or SQLSH_PG_BIN. */
export function postgresBinDir(): string {
  const fromEnv = process.env['SQLSH_PG_BIN'];
  if (fromEnv) {
    if (!existsSync(join(fromEnv, 'initdb'))) throw new Error(`PostgreSQL server binaries not found: no initdb in SQLSH_PG_BIN=${fromEnv}`);
    return fromEnv;
  }
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) throw new Error(`PostgreSQL server binaries not found: ${base} does not exist (install the 'postgresql' package)`);
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  if (versions.length === 0) throw new Error(`PostgreSQL server binaries not found under ${base}`);
  return join(base, versions[0]!, 'bin');
}


const asRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** Command + args, run as the postgres OS user when we are root. */
function asServerUser(cmd: string, args: readonly string[]): [string, string[]] {
  return asRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, [...args]];
}

function run(cmd: string, args: readonly string[], timeoutMs = 60_000): Promise<string> {
  const [c, a] = asServerUser(cmd, args);
  return new Promise((resolve, reject) => {
    execFile(c, a, { timeout: timeoutMs, cwd: tmpdir() }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

function chownTree(path: string): void {
  if (!asRoot()) return;
  const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gr = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (pw.status !== 0) throw new Error('running as root but there is no `postgres` OS user to run the server as');
  chownSync(path, Number(pw.stdout.trim()), Number(gr.stdout.trim()));
}

/**
 * opts.ssl: the server also speaks TLS, with a self-signed certificate for localhost and 127.0.0.1
 * (made by the openssl command); its file is PgServer.certFile, to give as sslrootcert.
 */
export async function startPostgres(opts: { password?: string; ssl?: boolean } = {}): Promise<PgServer> {
  const bin = postgresBinDir();
  const password = opts.password ?? DEFAULT_PASSWORD;
  const user = asRoot() ? 'postgres' : userInfo().username;
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-pg-'));
  chmodSync(dir, 0o755);
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'sock');
  const pwFile = join(dir, 'pwfile');
  const logFile = join(dir, 'server.log');
  mkdirSync(socketDir);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  writeFileSync(logFile, '');
  const certFile = join(dir, 'server.crt');
  const keyFile = join(dir, 'server.key');
  if (opts.ssl) {
    const made = spawnSync('openssl', [
      'req', '-new', '-x509', '-days', '2', '-nodes', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', keyFile, '-out', certFile,
    ], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.error?.message ?? made.stderr}`);
    chmodSync(keyFile, 0o600);
  }
  for (const p of [dir, socketDir, pwFile, logFile, ...(opts.ssl ? [certFile, keyFile] : [])]) chownTree(p);
  const pgCtl = join(bin, 'pg_ctl');
  let stopped = false;
  try {
    await run(join(bin, 'initdb'), [
      '-D', dataDir, '-U', user, `--pwfile=${pwFile}`, '--auth-local=trust', '--auth-host=scram-sha-256',
      '-E', 'UTF8', '--no-locale', '--no-sync',
    ]);
    const port = await freePort();
    const serverOpts = [
      `-p ${port}`, '-h 127.0.0.1', `-k ${socketDir}`, '-c fsync=off', '-c synchronous_commit=off',
      '-c full_page_writes=off', '-c TimeZone=UTC', '-c max_connections=60', '-c shared_buffers=32MB',
      ...(opts.ssl ? ['-c ssl=on', `-c ssl_cert_file=${certFile}`, `-c ssl_key_file=${keyFile}`] : []),
    ].join(' ');
    const start = (): Promise<string> => run(pgCtl, ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOpts, 'start']);
    try {
      await start();
    } catch (err) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(`${(err as Error).message}\nserver log:\n${log}`);
    }
    const stopSync = (): void => {
      if (stopped) return;
      stopped = true;
      const [c, a] = asServerUser(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      spawnSync(c, a, { stdio: 'ignore', cwd: tmpdir() });
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', stopSync);
    const server: PgServer = {
      host: '127.0.0.1',
      port,
      user,
      password,
      url: `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
      dataDir,
      socketDir,
      ...(opts.ssl ? { certFile } : {}),
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', stopSync);
        await run(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
      async restart() {
        await run(pgCtl, ['-D', dataDir, '-l', logFile, '-m', 'fast', '-w', '-t', '60', '-o', serverOpts, 'restart']);
      },
    };
    return server;
  } catch (err) {
    if (!stopped) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

function serverFromUrl(url: string): PgServer {
  const u = new URL(url);
  const socketDir = process.env['SQLSH_TEST_PG_SOCKET'] ?? '';
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    url,
    dataDir: '',
    socketDir,
    async stop() {},
    async restart() {
      throw new Error('cannot restart a server given by SQLSH_TEST_PG_URL: use startPostgres() for a private one');
    },
  };
}

let shared: Promise<PgServer> | undefined;

/**
 * One server per test process: SQLSH_TEST_PG_URL when set (a server started by the test runner),
 * otherwise one started here and stopped when the process exits.
 */
export function sharedPostgres(): Promise<PgServer> {
  if (!shared) {
    const url = process.env['SQLSH_TEST_PG_URL'];
    shared = url ? Promise.resolve(serverFromUrl(url)) : startPostgres();
  }
  return shared;
}
