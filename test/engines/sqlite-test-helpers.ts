/** Helpers shared by the SQLite engine tests: temp directories and collecting a result. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultEvent, Row, ColumnInfo } from '../../src/core/result.js';
import type { Connection, ExecuteOptions } from '../../src/engines/engine.js';

export function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-sqlite-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface Collected {
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly Row[];
  readonly batches: readonly number[];
  readonly done?: Extract<ResultEvent, { type: 'done' }>;
}

export async function collect(conn: Connection, sql: string, opts?: ExecuteOptions): Promise<Collected> {
  let columns: readonly ColumnInfo[] = [];
  const rows: Row[] = [];
  const batches: number[] = [];
  let done: Extract<ResultEvent, { type: 'done' }> | undefined;
  for await (const e of conn.execute(sql, opts)) {
    if (e.type === 'columns') columns = e.columns;
    else if (e.type === 'rows') {
      rows.push(...e.rows);
      batches.push(e.rows.length);
    } else if (e.type === 'done') done = e;
  }
  return done ? { columns, rows, batches, done } : { columns, rows, batches };
}
