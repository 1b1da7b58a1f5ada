/**
 * Per-table counts of the rows a statement inserts, updates and deletes, cascades and triggers
 * included, where the engine can tell: PostgreSQL's own transaction counters
 * (pg_stat_xact_user_tables), and on SQLite temporary triggers (TEMP triggers may watch main's
 * tables; SQLite's foreign-key actions and the user's triggers fire them) that count into a TEMP
 * table. Both live only inside the preview's transaction or savepoint: the SQLite ones are dropped
 * before the preview answers, and a rollback removes them too. Elsewhere: undefined (the caller counts
 * rows before and after).
 */
import type { Connection } from '../engines/engine.js';
import type { Value } from '../core/result.js';
import { xactCounters, type RowCounters, type WatchedTable } from './watched-tables.js';

export interface ChangeCounters {
  /** The counts so far, by table name as WatchedTable.name. */
  snapshot(): Promise<Map<string, RowCounters>>;
  /** Removes what was installed (SQLite's triggers and table); the counters are not read after. */
  close(): Promise<void>;
}

async function drain(conn: Connection, sql: string, signal?: AbortSignal): Promise<(readonly Value[])[]> {
  const rows: (readonly Value[])[] = [];
  for await (const e of conn.execute(sql, signal ? { signal } : {})) if (e.type === 'rows') rows.push(...e.rows);
  return rows;
}

const COUNTS = 'temp.sqlsh_preview_counts';
const OPS = [
  ['ins', 'INSERT'],
  ['upd', 'UPDATE'],
  ['del', 'DELETE'],
] as const;

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

async function sqliteCounters(conn: Connection, tables: readonly WatchedTable[], signal?: AbortSignal): Promise<ChangeCounters | undefined> {
  const triggers: string[] = [];
  const close = async () => {
    for (const t of triggers) await drain(conn, `drop trigger if exists temp.${t}`);
    await drain(conn, `drop table if exists ${COUNTS}`);
  };
  try {
    await drain(conn, `create temp table sqlsh_preview_counts (k integer primary key, ins integer not null default 0, upd integer not null default 0, del integer not null default 0)`, signal);
    for (let i = 0; i < tables.length; i++) {
      await drain(conn, `insert into ${COUNTS} (k) values (${i})`, signal);
      for (const [col, op] of OPS) {
        const name = `sqlsh_preview_${i}_${col}`;
        triggers.push(name);
        await drain(conn, `create temp trigger ${name} after ${op} on main.${tables[i]!.ref} begin update ${COUNTS} set ${col} = ${col} + 1 where k = ${i}; end`, signal);
      }
    }
  } catch {
    // A table that takes no trigger (a virtual table): counted the other way, by count(*).
    await close().catch(() => undefined);
    return undefined;
  }
  return {
    async snapshot() {
      const counts = new Map<string, RowCounters>();
      for (const r of await drain(conn, `select k, ins, upd, del from ${COUNTS} order by k`, signal)) {
        const t = tables[Number(r[0])];
        if (t) counts.set(t.name, { ins: Number(r[1]), upd: Number(r[2]), del: Number(r[3]) });
      }
      return counts;
    },
    close,
  };
}

/** Counters for a data change on this engine, or undefined where it cannot tell (count rows instead). */
export async function openChangeCounters(conn: Connection, tables: readonly WatchedTable[], signal?: AbortSignal): Promise<ChangeCounters | undefined> {
  if (conn.dialect.id === 'postgres') {
    const first = await xactCounters(conn, signal);
    if (!first) return undefined;
    let pending: Map<string, RowCounters> | undefined = first;
    return {
      async snapshot() {
        const now = pending ?? (await xactCounters(conn, signal)) ?? new Map();
        pending = undefined;
        return now;
      },
      async close() {},
    };
  }
  if (conn.dialect.id === 'sqlite' && tables.length > 0) return sqliteCounters(conn, tables, signal);
  return undefined;
}
