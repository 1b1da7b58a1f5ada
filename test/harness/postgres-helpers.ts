/** Small helpers shared by the PostgreSQL engine tests. */
import type { Connection, ConnectionTarget, ConnectOptions, ExecuteOptions } from '../../src/engines/engine.js';
import type { ResultEvent, Row } from '../../src/core/result.js';
import { postgresEngine } from '../../src/engines/postgres/postgres-engine.js';
import { after, before } from 'node:test';
import { sharedPostgres, type PgServer } from './postgres-server.js';
import { serverTestMode } from './server-test.js';

/** An environment with no PG* variables and no password file, so tests do not see the machine's. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { HOME: '/nonexistent-home', PGPASSFILE: '/nonexistent-pgpass', PGSERVICEFILE: '/nonexistent-service', PGSYSCONFDIR: '/nonexistent', ...extra };
}

export function connectTo(server: PgServer, extra: Partial<ConnectionTarget> = {}, opts: ConnectOptions = {}): Promise<Connection> {
  return postgresEngine.connect({ engine: 'postgres', url: server.url, ...extra }, { env: cleanEnv(), ...opts });
}

/** Every event of one statement. */
export async function events(conn: Connection, sql: string, opts?: ExecuteOptions): Promise<ResultEvent[]> {
  const out: ResultEvent[] = [];
  for await (const e of conn.execute(sql, opts)) out.push(e);
  return out;
}

/** All rows of one statement. */
export async function rows(conn: Connection, sql: string): Promise<Row[]> {
  const out: Row[] = [];
  for (const e of await events(conn, sql)) if (e.type === 'rows') out.push(...e.rows);
  return out;
}

/** The single value of a one-row, one-column query. */
export async function scalar(conn: Connection, sql: string): Promise<unknown> {
  const r = await rows(conn, sql);
  return r[0]?.[0];
}

/**
 * One connection to the shared test server for a whole test file: opened before its tests, closed
 * after. The returned need(t) gives it to a test, or skips the test when no server could start;
 * under CI=true (serverTestMode 'required') a start failure is thrown instead, so nothing skips.
 */
export function connectionForFile(): (t: { skip(msg: string): void }) => Connection | undefined {
  let conn: Connection | undefined;
  let startError: unknown;
  before(async () => {
    try {
      conn = await connectTo(await sharedPostgres());
    } catch (err) {
      if (serverTestMode() === 'required') throw err;
      startError = err;
    }
  });
  after(async () => conn?.close());
  return (t) => {
    if (!conn) t.skip(`server unavailable: ${String(startError)}`);
    return conn;
  };
}
