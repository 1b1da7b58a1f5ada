/**
 * What kind of server a MySQL/MariaDB session reached, for \conninfo and the reconnect notice:
 * read-only (@@read_only, and MySQL's @@super_read_only where it exists: a replica is usually set so)
 * and Galera (wsrep_on, with the wsrep_ready and wsrep_cluster_status status values, where the server
 * has them). Read with SHOW statements that every MySQL-protocol server answers, so a server without
 * a variable (MariaDB has no super_read_only; TiDB, Vitess have no wsrep) simply has nothing to say.
 */
import type { MysqlCore } from './mysql-connection.js';
import type { MysqlHost } from './mysql-target.js';

export interface MysqlNodeState {
  readonly readOnly: boolean;
  readonly galera?: { readonly ready: boolean; readonly clusterStatus?: string; readonly clusterSize?: string; readonly state?: string };
}

function pairs(core: MysqlCore, sql: string): Promise<Map<string, string>> {
  return new Promise((resolve) => {
    const out = new Map<string, string>();
    const q = core.query({ sql, rowsAsArray: true });
    q.on('result', (row: unknown) => {
      if (Array.isArray(row) && row.length >= 2) out.set(String(row[0]).toLowerCase(), String(row[1]));
    });
    q.on('error', () => resolve(out)); // a server without these statements has nothing to say
    q.on('end', () => resolve(out));
  });
}

export async function probeMysqlNode(core: MysqlCore): Promise<MysqlNodeState> {
  const vars = await pairs(core, "SHOW VARIABLES WHERE Variable_name IN ('read_only', 'super_read_only', 'wsrep_on')");
  const on = (v: string | undefined) => v !== undefined && /^(on|1|yes)$/i.test(v);
  const readOnly = on(vars.get('read_only')) || on(vars.get('super_read_only'));
  if (!on(vars.get('wsrep_on'))) return Object.freeze({ readOnly });
  const status = await pairs(core, "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_cluster_status', 'wsrep_cluster_size', 'wsrep_local_state_comment')");
  return Object.freeze({
    readOnly,
    galera: Object.freeze({
      ready: on(status.get('wsrep_ready')),
      ...(status.has('wsrep_cluster_status') ? { clusterStatus: status.get('wsrep_cluster_status')! } : {}),
      ...(status.has('wsrep_cluster_size') ? { clusterSize: status.get('wsrep_cluster_size')! } : {}),
      ...(status.has('wsrep_local_state_comment') ? { state: status.get('wsrep_local_state_comment')! } : {}),
    }),
  });
}

/**
 * In words: 'node 2 of 2 (b:3307), read-only (a replica?)', 'a Galera node (cluster Primary, 3 nodes,
 * Synced, ready)'. undefined for a lone writable server without Galera (nothing worth saying).
 */
export function describeMysqlNode(state: MysqlNodeState, chosen: number, hosts: readonly MysqlHost[] | undefined): string | undefined {
  const parts: string[] = [];
  if (hosts && hosts.length > 1) {
    const h = hosts[chosen]!;
    parts.push(`node ${chosen + 1} of ${hosts.length} (${h.host.includes(':') ? `[${h.host}]` : h.host}:${h.port})`);
  }
  const g = state.galera;
  if (g) {
    const detail = [g.clusterStatus ? `cluster ${g.clusterStatus}` : undefined, g.clusterSize ? `${g.clusterSize} node${g.clusterSize === '1' ? '' : 's'}` : undefined, g.state, g.ready ? 'ready' : 'NOT ready (wsrep_ready is OFF: it refuses queries)']
      .filter((x) => x !== undefined)
      .join(', ');
    parts.push(`a Galera node (${detail})`);
  }
  if (state.readOnly) parts.push('read-only (@@read_only is on: a replica, or a server kept read-only)');
  else if (parts.length) parts.push('read-write');
  return parts.length ? parts.join(', ') : undefined;
}
