/**
 * Keeps a long DuckDB export's memory flat: DuckDB's buffer pool keeps every block of a database file
 * that a scan has read, up to its memory_limit (80% of RAM by default), so exporting a 150 MB table
 * took 150 MB more memory than a small one (246 MB of peak RSS at 10M rows), and a 2 GB table 2.2 GB.
 *
 * DuckDB has no statement that drops cached blocks, but asking for a memory limit it cannot reach does
 * it: `SET memory_limit` first evicts every block no one holds (a scan holds only the blocks it is
 * reading), and then, finding that still above the new limit, refuses and keeps the old limit. So
 * a trim, from a second connection of the same database, while the export's rows go by:
 * - looks at duckdb_memory(): it trims only when blocks of database files (BASE_TABLE, METADATA,
 *   OVERFLOW_STRINGS) hold TRIM_AT or more and the buffers an eviction would write to disk (a sort's
 *   runs, a hash table, the tables of an in-memory database) hold under TEMP_AT, because DuckDB would
 *   evict those too, to its temp directory;
 * - asks for a limit of 1 byte, which only succeeds when nothing at all is in use (no scan running);
 * - then sets the default limit back (RESET): a refused SET still leaves the setting reading 1 byte,
 *   though the buffer pool kept its limit.
 * The limit is never lowered for longer than the two statements, so unlike a cap (tried and reverted:
 * a 16 MB cap failed exports of 20 KB rows) it cannot make an export fail for lack of memory; the one
 * window is a limit that was granted (nothing in use) and an allocation in the ~0.1 ms before RESET.
 *
 * Only while the session's memory_limit is DuckDB's default: a session that sets memory_limit or
 * max_memory (SET, PRAGMA, RESET) is never trimmed, so its own setting is never changed. One trim runs
 * at a time, beside the export (the export never waits for it); finish() waits for the last one.
 */
import type { DuckConn } from './duckdb-connection.js';

/** Blocks of database files cached before a trim, bytes. */
export const TRIM_AT = 4 << 20;
/** Other buffer-managed memory above which no trim is made (it would be spilled to disk), bytes. */
const TEMP_AT = 8 << 20;
const PERSISTENT_TAGS = new Set(['BASE_TABLE', 'METADATA', 'OVERFLOW_STRINGS']);
/**
 * Memory DuckDB only counts (operators' allocations, a chunk's strings among them), which no eviction
 * touches: 50 MB of it while 2048 rows of 20 KB go by. Any other tag (IN_MEMORY_TABLE, ORDER_BY,
 * HASH_TABLE, ...) is buffers an eviction would write to the temp directory.
 */
const UNEVICTABLE_TAGS = new Set(['ALLOCATOR', 'EXTENSION', 'TRANSACTION']);

/** Sets memory_limit (or its alias: SET, SET GLOBAL, RESET, PRAGMA): the session's own limit, which a trim would reset. */
export const setsMemoryLimit = (sql: string): boolean => /\b(?:set|reset|pragma)\s+(?:(?:global|session|local)\s+)?(?:memory_limit|max_memory)\b/i.test(sql);

export class CacheTrim {
  #running: Promise<void> | undefined;
  #since = 0;

  constructor(
    /** The second connection (made once, shared, closed by its owner); undefined where it cannot be made. */
    private readonly connection: () => Promise<DuckConn | undefined>,
    /** Units (bytes of csv, rows) between two looks at DuckDB's memory. */
    private readonly every: number,
  ) {}

  /** Count units of output; start a trim once `every` have gone by and none is running. */
  handled(n: number): void {
    this.#since += n;
    if (this.#since < this.every || this.#running) return;
    this.#since = 0;
    this.#running = this.trim().finally(() => (this.#running = undefined));
  }

  /** Waits for a trim still running (before the export's connection runs anything else). */
  async finish(): Promise<void> {
    this.#since = 0;
    await this.#running;
  }

  private async trim(): Promise<void> {
    const conn = await this.connection();
    if (!conn?.run) return;
    try {
      const result = await conn.stream('SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0');
      let persistent = 0;
      let other = 0;
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        for (const [tag, bytes] of chunk.getRows()) {
          if (PERSISTENT_TAGS.has(String(tag))) persistent += Number(bytes);
          else if (!UNEVICTABLE_TAGS.has(String(tag))) other += Number(bytes);
        }
      }
      if (persistent < TRIM_AT || other >= TEMP_AT) return;
      await conn.run("SET memory_limit = '1B'").catch(() => undefined);
      await conn.run('RESET memory_limit');
    } catch {
      /* no trim: the export goes on as it would without */
    }
  }
}
