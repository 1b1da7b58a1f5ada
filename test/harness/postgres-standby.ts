/**
 * A PostgreSQL primary and a streaming standby on loopback, for the multi-host and failover tests.
 * The primary is an ordinary harness server (postgres-server.ts: wal_level=replica is PostgreSQL's
 * default, and initdb's pg_hba.conf lets the local socket replicate); the standby is made from it
 * with `pg_basebackup -R` (which writes standby.signal and primary_conninfo) and started on its own
 * port. Both run as the `postgres` OS user when we are root. promote() runs `pg_ctl promote`.
 */
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { postgresBinDir, startPostgres, type PgServer } from './postgres-server.js';

export interface PgPair {
  readonly primary: PgServer;
  readonly standby: { readonly host: string; readonly port: number; readonly dataDir: string };
  readonly user: string;
  readonly password: string;
  /** `pg_ctl promote -w`: the standby leaves recovery and accepts writes. */
  promote(): Promise<void>;
  /** Stops both (the primary may be stopped already). */
  stop(): Promise<void>;
}

const asRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

function run(cmd: string, args: readonly string[], timeoutMs = 120_000): Promise<string> {
  const [c, a] = asRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, [...args]];
  return new Promise((resolve, reject) => {
    execFile(c, a, { timeout: timeoutMs, cwd: tmpdir() }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

function chownToServer(path: string): void {
  if (!asRoot()) return;
  const u = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  chownSync(path, Number(u.stdout.trim()), Number(g.stdout.trim()));
}

export async function startPostgresPair(): Promise<PgPair> {
  const bin = postgresBinDir();
  const primary = await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-pg-standby-'));
  chmodSync(dir, 0o755);
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'sock');
  const logFile = join(dir, 'server.log');
  mkdirSync(socketDir);
  writeFileSync(logFile, '');
  for (const p of [dir, socketDir, logFile]) chownToServer(p);
  const pgCtl = join(bin, 'pg_ctl');
  let stopped = false;
  const stopSync = (): void => {
    if (stopped) return;
    stopped = true;
    const [c, a] = asRoot() ? ['runuser', ['-u', 'postgres', '--', pgCtl, '-D', dataDir, '-m', 'immediate', '-w', 'stop']] : [pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']];
    spawnSync(c, a as string[], { stdio: 'ignore', cwd: tmpdir() });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Over the primary's Unix socket, which trusts local replication (initdb's default pg_hba.conf).
    await run(join(bin, 'pg_basebackup'), ['-h', primary.socketDir, '-p', String(primary.port), '-U', primary.user, '-D', dataDir, '-R', '-X', 'stream', '--no-sync']);
    const port = await freePort();
    const serverOpts = [`-p ${port}`, '-h 127.0.0.1', `-k ${socketDir}`, '-c hot_standby=on'].join(' ');
    try {
      await run(pgCtl, ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOpts, 'start']);
    } catch (err) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(`${(err as Error).message}\nstandby log:\n${log}`);
    }
    process.once('exit', stopSync);
    return {
      primary,
      standby: { host: '127.0.0.1', port, dataDir },
      user: primary.user,
      password: primary.password ?? '',
      async promote() {
        await run(pgCtl, ['-D', dataDir, '-w', '-t', '60', 'promote']);
      },
      async stop() {
        await primary.stop();
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', stopSync);
        await run(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    stopSync();
    await primary.stop();
    throw err;
  }
}
