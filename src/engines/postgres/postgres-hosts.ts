/**
 * libpq's multi-host rule: which server of `host=a,b,c` the session reaches.
 *
 * - The hosts are tried in order, or in a random order with load_balance_hosts=random.
 * - A host that cannot be reached passes the turn to the next; a server that answers with an error
 *   (wrong password, unknown database) ends the search, as in libpq.
 * - A server that accepts is then checked against target_session_attrs, with libpq's meaning:
 *   read-write = `transaction_read_only` is off; read-only = it is on; primary = not
 *   pg_is_in_recovery(); standby = in recovery; prefer-standby = a standby first, then any server;
 *   any = the first that accepts. A server that does not fit is closed and the next host tried.
 *   PostgreSQL 14 and later report what this needs at start-up: no query (probeServer).
 * - When no host fits, the error lists every attempt, one line each, like libpq's.
 * The same rule serves the first connection and every reconnect after a loss (failover).
 */
import { ConnectError } from '../../core/errors.js';
import { reportedSettings, type PgClient } from './postgres-driver.js';
import { isNetworkFailure } from './postgres-errors.js';
import type { PgEndpoint, PgParams, TargetSessionAttrs } from './postgres-target.js';

/** What the chosen server is. */
export interface ServerState {
  /** SHOW transaction_read_only is on (a standby, or default_transaction_read_only). */
  readonly readOnly: boolean;
  /** pg_is_in_recovery(): a standby. */
  readonly inRecovery: boolean;
  readonly serverVersion?: string;
}

export interface Chosen<T> {
  readonly opened: T;
  readonly state: ServerState | undefined;
  /** Position of the chosen host in the list as written (0-based). */
  readonly index: number;
}

/**
 * What the server is. PostgreSQL 14 and later say it at start-up (ParameterStatus in_hot_standby,
 * default_transaction_read_only, server_version), as libpq reads them: no query. Older servers: one
 * round trip; servers without pg_is_in_recovery() (some distributed SQL) count as primaries.
 */
export async function probeServer(client: PgClient): Promise<ServerState | undefined> {
  const reported = reportedSettings(client);
  const hotStandby = reported.get('in_hot_standby');
  const defaultReadOnly = reported.get('default_transaction_read_only');
  if (hotStandby !== undefined && defaultReadOnly !== undefined) {
    const inRecovery = hotStandby === 'on';
    const version = reported.get('server_version');
    return { readOnly: inRecovery || defaultReadOnly === 'on', inRecovery, ...(version !== undefined ? { serverVersion: version } : {}) };
  }
  try {
    const r = await client.query({
      text: "select current_setting('transaction_read_only'), pg_is_in_recovery(), current_setting('server_version')",
      rowMode: 'array',
    });
    const row = r.rows[0] ?? [];
    return { readOnly: String(row[0]) === 'on', inRecovery: row[1] === true || row[1] === 't', serverVersion: String(row[2] ?? '') };
  } catch {
    try {
      const r = await client.query({ text: "select current_setting('transaction_read_only'), current_setting('server_version')", rowMode: 'array' });
      const row = r.rows[0] ?? [];
      return { readOnly: String(row[0]) === 'on', inRecovery: false, serverVersion: String(row[1] ?? '') };
    } catch {
      return undefined;
    }
  }
}

/** Why a server does not fit, in libpq's words; undefined when it fits. */
export function misfit(attrs: TargetSessionAttrs, state: ServerState | undefined): string | undefined {
  if (attrs === 'any') return undefined;
  if (state === undefined) return 'could not tell whether the server is a primary or a standby';
  switch (attrs) {
    case 'read-write':
      return state.readOnly ? 'session is read-only' : undefined;
    case 'read-only':
      return state.readOnly ? undefined : 'session is not read-only';
    case 'primary':
      return state.inRecovery ? 'server is in hot standby mode' : undefined;
    default: // standby, and the first pass of prefer-standby
      return state.inRecovery ? undefined : 'server is not in hot standby mode';
  }
}

/** The hosts' positions in the order to try them: as written, or shuffled (Fisher-Yates) for load_balance_hosts=random. */
export function hostOrder(count: number, loadBalance: boolean, random: () => number = Math.random): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  if (!loadBalance) return order;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function where(e: PgEndpoint): string {
  return e.host.startsWith('/') ? `on socket "${e.host}"` : `at "${e.host}", port ${e.port}`;
}

/**
 * Opens the first server that fits p.targetSessionAttrs. open() connects one endpoint (throwing
 * ConnectError); close() ends a session that does not fit.
 */
export async function chooseServer<T extends { readonly client: PgClient }>(
  p: PgParams,
  open: (e: PgEndpoint) => Promise<T>,
  random: () => number = Math.random,
): Promise<Chosen<T>> {
  const passes: TargetSessionAttrs[] = p.targetSessionAttrs === 'prefer-standby' ? ['standby', 'any'] : [p.targetSessionAttrs];
  const order = hostOrder(p.endpoints.length, p.loadBalance, random);
  const unreachable = new Set<number>();
  const failures: string[] = [];
  let lastNetworkError: ConnectError | undefined;
  for (const attrs of passes) {
    for (const i of order) {
      if (unreachable.has(i)) continue;
      const e = p.endpoints[i]!;
      let opened: T;
      try {
        opened = await open(e);
      } catch (err) {
        const cause = (err as { cause?: unknown }).cause;
        if (err instanceof ConnectError && !err.needsPassword && cause !== undefined && isNetworkFailure(cause)) {
          unreachable.add(i);
          failures.push(err.message);
          lastNetworkError = err;
          continue;
        }
        throw err;
      }
      const state = await probeServer(opened.client);
      const reason = misfit(attrs, state);
      if (reason === undefined) return { opened, state, index: i };
      failures.push(`connection to server ${where(e)} failed: ${reason}`);
      await opened.client.end().catch(() => undefined);
    }
  }
  if (failures.length === 0) throw new ConnectError('no host to connect to: give one with -h or in the URI');
  if (failures.length === 1 && lastNetworkError) throw lastNetworkError;
  const head = p.targetSessionAttrs === 'any' ? '' : `no server fits target_session_attrs=${p.targetSessionAttrs}:\n`;
  throw new ConnectError(`${head}${failures.join('\n')}`, lastNetworkError ? { cause: lastNetworkError.cause } : {});
}
