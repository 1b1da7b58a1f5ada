/**
 * A throw-away MariaDB server for tests: mariadb-install-db into a temporary directory, mariadbd on
 * 127.0.0.1 with a free port and a socket in that directory, and a user with a real password
 * (grant tables are on, so a wrong password is really refused).
 *
 * sharedMariadb() uses SQLSH_TEST_MYSQL_URL when set (an existing server; restart() is then
 * unsupported), else starts one server per test process and stops it when the process exits.
 * Tests use it through server-test.ts: `const db = await withServer(t, sharedMariadb); if (!db) return;`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface MariadbServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** mysql://user:password@host:port/database (contains the password: test use only). */
  readonly url: string;
  /** Unix socket path ('' for an external server). */
  readonly socket: string;
  readonly dataDir: string;
  /** False for an external server given by SQLSH_TEST_MYSQL_URL. */
  readonly canRestart: boolean;
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stop the server but keep its data and port (start it again with resume()); a dead node of a cluster. */
  pause(): Promise<void>;
  resume(): Promise<void>;
}

export interface StartMariadbOptions {
  readonly user?: string;
  readonly password?: string;
  readonly database?: string;
  /** Milliseconds to wait for the server to accept connections. */
  readonly timeoutMs?: number;
  /** More mariadbd options (e.g. a one-node Galera cluster's wsrep settings). */
  readonly extraArgs?: readonly string[];
}

function findBinary(names: readonly string[]): string | undefined {
  for (const name of names) {
    for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', '/usr/local/mysql/bin']) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
  }
  return undefined;
}


async function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = netConnect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startMariadb(opts: StartMariadbOptions = {}): Promise<MariadbServer> {
  const mariadbd = findBinary(['mariadbd', 'mysqld']);
  const installDb = findBinary(['mariadb-install-db', 'mysql_install_db']);
  if (!mariadbd || !installDb) throw new Error('MariaDB is not installed (no mariadbd/mariadb-install-db); install the mariadb-server package');
  const user = opts.user ?? 'sqlsh';
  const password = opts.password ?? 'sqlsh-test-secret';
  const database = opts.database ?? 'sqlsh_test';
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-mariadb-'));
  const dataDir = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  // Its own temporary directory: servers set up side by side in the shared /tmp lost each other's
  // temporary tables (mariadb-install-db: "Error on delete of '/tmp/#sql-temptable-...'")
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const asRoot = process.getuid?.() === 0;
  const userArgs = asRoot ? ['--user=root'] : [];
  const install = spawnSync(installDb, ['--no-defaults', `--datadir=${dataDir}`, `--tmpdir=${tmp}`, ...userArgs, '--auth-root-authentication-method=normal', '--skip-test-db'], { encoding: 'utf8' });
  if (install.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed (exit ${install.status}): ${(install.stderr || install.stdout).slice(-2000)}`);
  }
  const port = await freePort();
  const logFile = join(dir, 'error.log');
  let child: ChildProcess | undefined;
  const logTail = (): string => {
    try {
      return readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join(' | ');
    } catch {
      return '(no error log)';
    }
  };

  const launch = async (): Promise<void> => {
    const c = spawn(mariadbd, ['--no-defaults', `--datadir=${dataDir}`, `--tmpdir=${tmp}`, ...userArgs, `--port=${port}`, '--bind-address=127.0.0.1',
      `--socket=${socket}`, `--pid-file=${join(dir, 'mysqld.pid')}`, `--log-error=${logFile}`, '--skip-log-bin', '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci',
      '--innodb-buffer-pool-size=32M', '--max-connections=200', '--skip-name-resolve', ...(opts.extraArgs ?? [])], { stdio: 'ignore' });
    c.unref(); // the test process may exit; its 'exit' hook kills the server
    child = c;
    let exited = false;
    c.once('exit', (code, signal) => {
      exited = true;
      // not stopped by halt() (which lets go of it first): say why, while the log is still there
      if (child === c) process.stderr.write(`mariadbd (port ${port}) exited on its own (${signal ?? `exit code ${code}`}): ${logTail()}\n`);
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`mariadbd exited during start-up: ${logTail()}`);
      if (existsSync(socket) && (await canConnect(port))) return;
      await sleep(100);
    }
    c.kill('SIGKILL');
    throw new Error(`mariadbd did not accept connections within ${timeoutMs} ms; see ${logFile}`);
  };

  const halt = async (): Promise<void> => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const done = new Promise<void>((r) => c.once('exit', () => r()));
    c.kill('SIGTERM');
    const timer = setTimeout(() => c.kill('SIGKILL'), 15_000);
    await done;
    clearTimeout(timer);
  };

  try {
    await launch();
    // Set up the test user as root over the socket (root has no password in a fresh data directory).
    const mysql = await import('mysql2/promise');
    const root = await mysql.createConnection({ socketPath: socket, user: 'root' });
    try {
      // A Galera node accepts connections before it is ready for statements (ER_UNKNOWN_COM_ERROR,
      // "WSREP has not yet prepared node for application use"): wait for wsrep_ready.
      if ((opts.extraArgs ?? []).some((a) => a.startsWith('--wsrep-on'))) {
        const until = Date.now() + timeoutMs;
        for (;;) {
          const [rows] = await root.query("SHOW STATUS LIKE 'wsrep_ready'");
          if ((rows as { Value?: string }[])[0]?.Value === 'ON') break;
          if (Date.now() > until) throw new Error(`the Galera node did not become ready within ${timeoutMs} ms; see ${logFile}`);
          await sleep(100);
        }
      }
      const q = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
      await root.query(`CREATE DATABASE \`${database}\``);
      for (const host of ['%', 'localhost']) {
        await root.query(`CREATE USER ${q(user)}@${q(host)} IDENTIFIED BY ${q(password)}`);
        await root.query(`GRANT ALL PRIVILEGES ON *.* TO ${q(user)}@${q(host)} WITH GRANT OPTION`);
      }
      await root.query('FLUSH PRIVILEGES');
    } finally {
      await root.end();
    }
  } catch (err) {
    await halt();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  const killSync = (): void => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killSync);
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    database,
    url: `mysql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    socket,
    dataDir,
    canRestart: true,
    async stop() {
      await halt();
      process.removeListener('exit', killSync);
      rmSync(dir, { recursive: true, force: true });
    },
    async restart() {
      await halt();
      await launch();
    },
    pause: () => halt(),
    resume: () => launch(),
  };
}

function externalServer(url: string): MariadbServer {
  const u = new URL(url);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
    url,
    socket: u.searchParams.get('socket') ?? '',
    dataDir: '',
    canRestart: false,
    async stop() {},
    async restart() {
      throw new Error('cannot restart an external server (SQLSH_TEST_MYSQL_URL)');
    },
    async pause() {
      throw new Error('cannot stop an external server (SQLSH_TEST_MYSQL_URL)');
    },
    async resume() {},
  };
}

let shared: Promise<MariadbServer> | undefined;

/** One server per test process (or SQLSH_TEST_MYSQL_URL), stopped when the process exits. */
export function sharedMariadb(): Promise<MariadbServer> {
  const url = process.env['SQLSH_TEST_MYSQL_URL'];
  if (url) return Promise.resolve(externalServer(url));
  // One retry: the free port we picked can be taken by someone else before mariadbd binds it.
  shared ??= startMariadb().catch(() => startMariadb());
  return shared;
}

/** Writes a file in a fresh temporary directory (for ~/.my.cnf tests); returns the directory. */
export function tempHomeWith(name: string, content: string): string {
  const home = mkdtempSync(join(tmpdir(), 'sqlsh-home-'));
  writeFileSync(join(home, name), content, { mode: 0o600 });
  process.once('exit', () => rmSync(home, { recursive: true, force: true }));
  return home;
}
