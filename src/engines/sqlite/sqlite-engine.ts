/**
 * SQLite engine: checks the target path on the main thread (clear errors for a missing directory,
 * a directory, a file that is not a database), then opens it in a worker (sqlite-worker-host.ts).
 * A missing file is created, like the sqlite3 shell does, when its directory exists.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ConnectError } from '../../core/errors.js';
import { sqliteDialect } from '../../sql/dialects/sqlite.js';
import type { ConnectOptions, Connection, ConnectionInfo, ConnectionTarget, Engine } from '../engine.js';
import { SqliteConnection } from './sqlite-connection.js';
import type { HostStarted } from './sqlite-host.js';
import { SqliteWorkerHost } from './sqlite-worker-host.js';

const HEADER = 'SQLite format 3\u0000';
const MEMORY = ':memory:';

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? '';
}

function readHeader(path: string, shown: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(HEADER.length);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('latin1');
  } catch (e) {
    const why = code(e) === 'EACCES' ? 'permission denied; check the file\'s permissions' : (e as Error).message;
    throw new ConnectError(`cannot read '${shown}': ${why}`, { cause: e });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Validates a file target; returns true when the file will be created by opening it. */
function checkFile(abs: string, shown: string, readOnly: boolean): boolean {
  let size: number;
  try {
    const st = statSync(abs);
    if (st.isDirectory()) throw new ConnectError(`'${shown}' is a directory, not a SQLite database file; give the path of a file inside it`);
    size = st.size;
  } catch (e) {
    if (e instanceof ConnectError) throw e;
    if (code(e) === 'ENOTDIR') throw new ConnectError(`cannot open '${shown}': a part of the path is a file, not a directory; check the path`, { cause: e });
    if (code(e) === 'EACCES') throw new ConnectError(`cannot open '${shown}': permission denied; check the permissions of its directory`, { cause: e });
    if (code(e) !== 'ENOENT') throw new ConnectError(`cannot open '${shown}': ${(e as Error).message}`, { cause: e });
    if (readOnly) throw new ConnectError(`'${shown}' does not exist, and a read-only connection cannot create it; check the path`);
    const dir = dirname(abs);
    let dirOk = false;
    try {
      dirOk = statSync(dir).isDirectory();
    } catch {
      dirOk = false;
    }
    if (!dirOk) {
      throw new ConnectError(
        `cannot create the database '${shown}': the directory '${dir}' does not exist; create it first (mkdir -p '${dir}') or check the path`,
      );
    }
    return true;
  }
  // An empty file is a valid, empty database (the sqlite3 shell treats it so).
  if (size > 0 && readHeader(abs, shown) !== HEADER) {
    throw new ConnectError(
      `'${shown}' is not a SQLite database (it does not start with the SQLite file header); check the path, or name its engine with a URL such as duckdb:${shown}`,
    );
  }
  return false;
}

/**
 * Opens the database in a worker thread, or for a script (ConnectOptions.inThread) on this thread
 * when the native helper can stop a statement there on Ctrl-C (sqlite-inline-host.ts).
 */
async function openHost(path: string, readOnly: boolean, inThread: boolean): Promise<HostStarted> {
  if (inThread) {
    const { SqliteInlineHost } = await import('./sqlite-inline-host.js');
    const started = await SqliteInlineHost.start(path, readOnly);
    if (started) return started;
  }
  return SqliteWorkerHost.start(path, readOnly);
}

export const sqliteEngine: Engine = Object.freeze({
  id: 'sqlite' as const,
  async connect(target: ConnectionTarget, options: ConnectOptions = {}): Promise<Connection> {
    const given = target.path === undefined || target.path === '' ? MEMORY : target.path;
    const readOnly = target.readOnly ?? false;
    const memory = given === MEMORY;
    const abs = memory ? MEMORY : resolve(given);
    if (!memory) checkFile(abs, given, readOnly);
    if (options.startAfter) await options.startAfter;
    const inThread = options.inThread ?? false;
    const { host, version } = await openHost(abs, readOnly, inThread);
    const info: ConnectionInfo = Object.freeze({
      engine: 'sqlite',
      label: memory ? MEMORY : basename(abs),
      url: `sqlite:${abs}`,
      file: abs,
      serverVersion: version,
      readOnly,
    });
    return new SqliteConnection(info, sqliteDialect, host, () => openHost(abs, readOnly, inThread));
  },
});
