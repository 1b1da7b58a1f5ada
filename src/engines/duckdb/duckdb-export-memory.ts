/**
 * DuckDB's memory during a csv export (duckdb-copy-csv.ts). A scan of a database file leaves every
 * block it read in DuckDB's buffer pool, unpinned but kept until the memory limit (80% of RAM by
 * default) forces it out: the export's RSS grew with the table (+15 MB at 1M rows, +150 MB at 10M).
 * With a small memory_limit while COPY runs, the blocks already read are evicted (a block of the file
 * is dropped, not written anywhere) and RSS stays flat whatever the row count.
 *
 * Taken only when nothing else can suffer from it:
 * - the plan streams (exportPlan): scans of DuckDB tables, projections, filters, streaming limits and
 *   windows. A sort, an aggregate, a join or a LIMIT holds data in the buffer pool, which under a
 *   small limit would spill to DuckDB's temp directory (next to the database file) or fail;
 * - nothing but blocks of the file is in the pool (EXPORT_PROBE): in-memory tables, temp tables,
 *   uncommitted rows and indexes would be written to temp files to make room;
 * - the user's memory_limit is DuckDB's default (the text read when the connection opened): a limit
 *   the user chose is theirs to keep;
 * - the database files hold more than EXPORT_LIMIT_WORTH (else there is little to evict, and the
 *   plan's EXPLAIN, about a millisecond, is not spent).
 * The limit (16 MiB and 512 KiB a column read) leaves room for the blocks a scan pins (60 columns
 * need 16-24 MiB) and for the chunk of 2,048 rows being written (its text and the strings it is
 * made from: rows of about 4 KB on average fill it). Rows too big for it from the first chunk on
 * fail before the first byte, and the ordinary path runs the statement with the user's limit
 * (duckdb-connection.ts); such rows after a first chunk of small ones would fail the export.
 */

/** Operators whose memory does not grow with the rows. */
const STREAMING = new Set(['SEQ_SCAN', 'PROJECTION', 'FILTER', 'STREAMING_LIMIT', 'STREAMING_WINDOW', 'DUMMY_SCAN', 'EMPTY_RESULT']);

interface PlanNode {
  readonly name?: unknown;
  readonly children?: unknown;
  readonly extra_info?: { readonly Type?: unknown; readonly Projections?: unknown; readonly Filters?: unknown };
}

/**
 * From `EXPLAIN (FORMAT json)`'s plan text: the number of columns the plan's table scans read, or
 * undefined when the plan does not stream (or cannot be read).
 */
export function exportPlan(planJson: string): { readonly columns: number } | undefined {
  let roots: unknown;
  try {
    roots = JSON.parse(planJson);
  } catch {
    return undefined;
  }
  if (!Array.isArray(roots) || roots.length === 0) return undefined;
  let columns = 0;
  const visit = (node: unknown): boolean => {
    if (typeof node !== 'object' || node === null) return false;
    const n = node as PlanNode;
    if (typeof n.name !== 'string' || !STREAMING.has(n.name)) return false;
    if (n.name === 'SEQ_SCAN') {
      const info = n.extra_info;
      // a table of a DuckDB database (not a table function, not an index scan)
      if (info?.Type !== 'Sequential Scan') return false;
      const count = (v: unknown): number => (Array.isArray(v) ? v.length : typeof v === 'string' && v !== '' ? 1 : 0);
      columns += Math.max(1, count(info.Projections) + count(info.Filters));
    }
    const children = n.children ?? [];
    return Array.isArray(children) && children.every(visit);
  };
  return roots.every(visit) ? { columns } : undefined;
}

const KIB = 1024;

/** The export's memory_limit for a scan of `columns` columns, as DuckDB reads it. */
export function exportMemoryLimit(columns: number): string {
  return `${16 * KIB + 512 * Math.max(0, columns)}KiB`;
}

/**
 * What puts a memory_limit shown as `shown` ('18.8 GiB') back, or undefined when it cannot be. Not
 * RESET: in DuckDB 1.5 that shows the default again but leaves the buffer pool's limit where it was.
 * DuckDB shows a limit cut to one decimal: half a tenth more reads back as the same text (no drift
 * from export to export), within 0.1 of the unit of the figure DuckDB had.
 */
export function memoryLimitRestore(shown: string): string | undefined {
  const m = /^(\d+(?:\.\d+)?) ?(bytes|KiB|MiB|GiB|TiB)$/.exec(shown.trim());
  if (!m) return undefined;
  const text = m[1]!.includes('.') ? (Number(m[1]) + 0.05).toFixed(2) : m[1]!;
  return `SET memory_limit = '${text} ${m[2]}'`;
}

/**
 * One query before a run of exports: the user's threads, the memory_limit's text, and the bytes of
 * the attached database files (a smaller pool is worth it only when they exceed EXPORT_LIMIT_WORTH).
 */
export const EXPORT_PROBE =
  "SELECT current_setting('threads') AS threads, current_setting('memory_limit') AS memory_limit, " +
  '(SELECT coalesce(sum(used_blocks * block_size), 0) FROM pragma_database_size()) AS stored';

/** Below this, the files' blocks all cached cost about what the export's limit would. */
export const EXPORT_LIMIT_WORTH = 32 * 1024 * 1024;

/** The bytes DuckDB holds that are not blocks of the database files (a smaller limit would spill them). */
export const HELD_PROBE =
  "SELECT coalesce(sum(memory_usage_bytes + temporary_storage_bytes), 0) AS held FROM duckdb_memory() WHERE tag NOT IN ('BASE_TABLE', 'METADATA')";
