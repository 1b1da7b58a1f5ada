/**
 * Rendering throughput: 1M rows of 5 mixed columns into a discarding TextOutput, in csv, json
 * and table formats. Run: node dist/bench/render.bench.js [rows]
 */
import { pathToFileURL } from 'node:url';
import type { ColumnInfo, Row } from '../src/core/result.js';
import { createSink } from '../src/output/create-sink.js';
import type { OutputFormat, TextOutput } from '../src/output/sink.js';

const COLUMNS: readonly ColumnInfo[] = [
  { name: 'id', type: 'integer' },
  { name: 'name', type: 'text' },
  { name: 'price', type: 'numeric' },
  { name: 'big', type: 'bigint' },
  { name: 'note', type: 'text' },
];

function batch(start: number, size: number): Row[] {
  const rows: Row[] = [];
  for (let i = start; i < start + size; i++) {
    rows.push([i, `customer ${i % 997}`, i * 0.25, BigInt(i) * 1_000_003n, i % 10 === 0 ? null : i % 3 === 0 ? '日本語 text' : 'plain, "quoted"']);
  }
  return rows;
}

export interface BenchResult {
  readonly format: OutputFormat;
  readonly rows: number;
  readonly ms: number;
  readonly rowsPerSecond: number;
  readonly megabytes: number;
}

export async function benchFormat(format: OutputFormat, total: number, batchSize = 1000): Promise<BenchResult> {
  let chars = 0;
  const out: TextOutput = { write: (t) => void (chars += t.length) };
  const sink = createSink(out, { format, tableStyle: 'psql', nullString: '', header: true, footer: true, color: false });
  // Rows are generated outside the timed part, one batch reused per position, to time only rendering.
  const batches = Array.from({ length: 10 }, (_, k) => batch(k * batchSize, batchSize));
  const t0 = performance.now();
  await sink.begin(COLUMNS);
  for (let n = 0, k = 0; n < total; n += batchSize, k++) await sink.rows(batches[k % batches.length]!);
  await sink.end({ rowCount: total });
  const ms = performance.now() - t0;
  return { format, rows: total, ms, rowsPerSecond: Math.round((total / ms) * 1000), megabytes: chars / 1e6 };
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<readonly BenchResult[]> {
  const total = Number(argv[0] ?? 1_000_000);
  const results: BenchResult[] = [];
  for (const format of ['csv', 'json', 'table'] as const) results.push(await benchFormat(format, total));
  console.log(`render.bench: ${total.toLocaleString('en-US')} rows x ${COLUMNS.length} columns`);
  console.log('format | rows/s     | ms     | MB out');
  console.log('-------+------------+--------+-------');
  for (const r of results) {
    console.log(`${r.format.padEnd(6)} | ${String(r.rowsPerSecond).padStart(10)} | ${r.ms.toFixed(0).padStart(6)} | ${r.megabytes.toFixed(1).padStart(6)}`);
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
