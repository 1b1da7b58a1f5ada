/**
 * The DuckDB engine: a database file (created when missing, like the duckdb CLI), ':memory:', or a
 * file opened read-only (access_mode READ_ONLY). A file that is not a DuckDB database is a ConnectError.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConnectError } from '../../core/errors.js';
import type { ConnectOptions, Connection, ConnectionTarget, Engine } from '../engine.js';
import { DuckdbConnection, type DuckInstance } from './duckdb-connection.js';

interface DuckdbApi {
  DuckDBInstance: { create(path?: string, options?: Record<string, string>): Promise<DuckInstance> };
  /** The UTC offset the binding writes TIMESTAMPTZ values with. */
  DuckDBTimestampTZValue?: { readonly timezoneOffsetInMinutes?: number };
}

/** The file named by the target: its path, or the part after 'duckdb:' (duckdb::memory:, duckdb:///abs, duckdb:rel). */
export function duckdbPath(target: ConnectionTarget): string {
  if (target.path) return target.path;
  const url = target.url ?? '';
  const rest = url.replace(/^duckdb:/i, '');
  if (rest === '' || rest === ':memory:' || rest === '//:memory:') return ':memory:';
  if (rest.startsWith('//')) return decodeURIComponent(rest.slice(2).replace(/\?.*$/, ''));
  return decodeURIComponent(rest.replace(/\?.*$/, ''));
}

function openError(err: unknown, file: string, readOnly: boolean): ConnectError {
  const msg = err instanceof Error ? err.message : String(err);
  if (/not a valid DuckDB database file/i.test(msg)) {
    return new ConnectError(`'${file}' is not a DuckDB database file. SQLite files open with sqlite:PATH`, { cause: err });
  }
  if (/Cannot open file|No such file/i.test(msg)) {
    return new ConnectError(`cannot open DuckDB database '${file}'${readOnly ? ' read-only' : ''}: ${msg.replace(/^IO Error: /, '')}`, { cause: err });
  }
  if (/lock/i.test(msg)) return new ConnectError(`DuckDB database '${file}' is in use by another process: ${msg.replace(/^IO Error: /, '')}`, { cause: err });
  return new ConnectError(`cannot open DuckDB database '${file}': ${msg}`, { cause: err });
}

/** Refuses an existing non-empty file that lacks DuckDB's magic bytes, before DuckDB tries to guess
 *  (it would otherwise try to download its sqlite extension for a SQLite file). */
function checkHeader(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return; // missing: DuckDB creates it (or reports it in read-only mode)
  }
  const head = Buffer.alloc(16);
  let n = 0;
  try {
    n = readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (n === 0) return;
  if (n < 12 || head.subarray(8, 12).toString('latin1') !== 'DUCK') {
    const sqlite = head.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000';
    throw new ConnectError(`'${file}' is not a DuckDB database file${sqlite ? ': it is a SQLite database; open it with sqlite:PATH' : ''}`);
  }
}

export const duckdbEngine: Engine = Object.freeze({
  id: 'duckdb' as const,
  async connect(target: ConnectionTarget, options: ConnectOptions = {}): Promise<Connection> {
    const given = duckdbPath(target);
    const memory = given === ':memory:' || given === '';
    const file = memory ? ':memory:' : resolve(given);
    const readOnly = !memory && target.readOnly === true;
    if (!memory) checkHeader(file);
    if (options.startAfter) await options.startAfter;
    // CommonJS: its exports, or (bundled, scripts/bundle.mjs) its exports as the default
    const mod = (await import('@duckdb/node-api')) as unknown as DuckdbApi & { default?: DuckdbApi };
    const api = typeof mod.DuckDBInstance?.create === 'function' ? mod : mod.default!;
    let instance: DuckInstance;
    try {
      instance = await api.DuckDBInstance.create(file, readOnly ? { access_mode: 'READ_ONLY' } : {});
    } catch (err) {
      throw openError(err, file, readOnly);
    }
    const conn = await instance.connect();
    let version: string | undefined;
    try {
      const r = await conn.stream('SELECT version()');
      version = String((await r.fetchChunk())?.getRows()[0]?.[0] ?? '') || undefined;
    } catch {
      version = undefined;
    }
    const dialect = (await import('../../sql/dialects/duckdb.js')).duckdbDialect;
    const label = memory ? ':memory:' : (file.split('/').pop() ?? file);
    return new DuckdbConnection(instance, conn, Object.freeze({
      engine: 'duckdb' as const,
      label,
      url: memory ? 'duckdb::memory:' : `duckdb:${file}`,
      file,
      ...(version ? { serverVersion: version } : {}),
      ...(readOnly ? { readOnly: true } : {}),
    }), dialect, api.DuckDBTimestampTZValue?.timezoneOffsetInMinutes);
  },
});
