/**
 * An export's memory does not grow with its row count: `sqlsh :memory: -c QUERY > pipe` (csv
 * formatted in the SQLite worker; the aligned table spilled to its temp file and read back) peaks
 * at about the same RSS for 100k and 1M rows, and the table still has one header. The rows come
 * from a recursive CTE (no file to build). Peak RSS is the kernel's VmHWM of the sqlsh process,
 * read from /proc while it runs (Linux).
 *
 * DuckDB's aligned table is the path where rows are JavaScript objects (the others hand the table
 * bytes): its rows, promoted to V8's old generation now and then, must be collected while they go
 * to the spill file. They were not: V8's heap reached 41-45 MB at 1M rows (28-30 MB now), and the
 * peak RSS 142-150 MB (125-137 MB now). The heap is what is checked: the RSS at 100k rows varies by
 * 10 MB from run to run, more than the difference.
 *
 * PostgreSQL's csv, unaligned and markdown are written from the DataRows as they come: flat too (a
 * writer that held its output to the end peaked at 160 MB at 1M rows, and this test failed).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, sandboxEnv } from '../helpers/run-cli.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';

const duckRowsQuery = (n: number): string =>
  `select x as id, 'name ' || x as name, x * 1.25::double as amount, x * 1000000007 as big, ` +
  `case when x % 7 = 0 then null else concat('note, "quoted" ', x) end as note from range(1, ${n + 1}) r(x)`;

/** V8's heap for DuckDB's 1M-row table: 28-30 MB, 41-45 MB without the spill's collection. */
const DUCK_HEAP_MB = 36;

const rowsQuery = (n: number): string =>
  `with recursive c(x) as (select 1 union all select x + 1 from c where x < ${n}) ` +
  `select x as id, 'name ' || x as name, x * 1.25 as amount, x * 1000000007 as big, ` +
  `case when x % 7 = 0 then null else 'note, "quoted" ' || x end as note from c`;

/** Allowed growth of the peak RSS from 100k to 1M rows, MB (a row held per row would be ~100 MB). */
const MARGIN_MB = 35;

interface Run {
  readonly peakMb: number;
  readonly lines: number;
  readonly headers: number;
  readonly last: string;
  readonly stderr: string;
}

function peakKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // exited between two reads
  }
}

const pgRowsQuery = (n: number): string =>
  `select x as id, 'name ' || x as name, x * 1.25::float8 as amount, x * 1000000007::bigint as big, ` +
  `case when x % 7 = 0 then null else 'note, "quoted" ' || x end as note from generate_series(1, ${n}) x`;

function run(n: number, format: 'csv' | 'table' | 'unaligned' | 'markdown', target = ':memory:', query = rowsQuery, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, target, '-c', query(n), '--format', format], { env: sandboxEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, peakKb(child.pid!))), 10);
    let lines = 0;
    let headers = 0;
    let tail = '';
    let last = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      // status is read once more just before the pipe can let the process finish
      peak = Math.max(peak, peakKb(child.pid!));
      const text = tail + chunk;
      const parts = text.split('\n');
      tail = parts.pop()!;
      for (const line of parts) {
        lines++;
        if (format === 'csv' ? line.startsWith('id,name,') : /^ *id *\| *name *\|/.test(line)) headers++;
      }
      if (parts.length > 0) last = parts[parts.length - 1]!;
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`sqlsh exited ${code}: ${stderr}`));
      else resolve({ peakMb: peak / 1024, lines, headers, last, stderr });
    });
  });
}

describe('export memory is flat in the row count', { skip: process.platform !== 'linux' ? 'reads /proc' : false }, () => {
  for (const format of ['csv', 'table'] as const) {
    test(`${format}: 1M rows peak within ${MARGIN_MB} MB of 100k rows`, async () => {
      const small = await run(100_000, format);
      const big = await run(1_000_000, format);
      assert.ok(small.peakMb > 0 && big.peakMb > 0, 'peak RSS was read');
      if (format === 'csv') {
        assert.equal(big.lines, 1_000_001);
        assert.equal(big.last, '1000000,name 1000000,1250000,1000000007000000,"note, ""quoted"" 1000000"');
      } else {
        assert.equal(big.lines, 1_000_004); // header, rule, rows, footer, psql's blank line
        assert.equal(big.last, '');
      }
      assert.equal(big.headers, 1);
      assert.ok(
        big.peakMb - small.peakMb <= MARGIN_MB,
        `peak RSS ${small.peakMb.toFixed(1)} MB at 100k rows, ${big.peakMb.toFixed(1)} MB at 1M rows`,
      );
    });
  }

  test(`DuckDB table (rows as objects): V8's heap stays under ${DUCK_HEAP_MB} MB for 1M rows`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlsh-heap-'));
    try {
      const preload = join(dir, 'heap.cjs');
      writeFileSync(
        preload,
        "const v8 = require('v8'); let peak = 0; const s = () => { peak = Math.max(peak, v8.getHeapStatistics().total_heap_size); };\n" +
          "setInterval(s, 2).unref(); process.on('exit', () => { s(); require('fs').writeSync(2, `\\nheap_peak=${peak}\\n`); });\n",
      );
      const big = await run(1_000_000, 'table', 'duckdb::memory:', duckRowsQuery, { NODE_OPTIONS: `--require ${preload}` });
      assert.equal(big.lines, 1_000_004);
      assert.equal(big.headers, 1);
      assert.equal(big.last, '');
      const m = /heap_peak=(\d+)/.exec(big.stderr);
      assert.ok(m, `the preload reported: ${big.stderr}`);
      const mb = Number(m[1]) / 2 ** 20;
      assert.ok(mb < DUCK_HEAP_MB, `V8's heap peaked at ${mb.toFixed(1)} MB`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // PostgreSQL's csv, unaligned and markdown are written from the DataRows (postgres-raw-delimited.ts)
  for (const format of ['csv', 'unaligned', 'markdown'] as const) {
    test(`PostgreSQL ${format} (from the DataRows): 1M rows peak within ${MARGIN_MB} MB of 100k rows`, async (t) => {
      const server = await withServer(t, sharedPostgres);
      if (!server) return;
      const small = await run(100_000, format, server.url, pgRowsQuery);
      const big = await run(1_000_000, format, server.url, pgRowsQuery);
      assert.ok(small.peakMb > 0 && big.peakMb > 0, 'peak RSS was read');
      if (format === 'csv') assert.equal(big.last, '1000000,name 1000000,1250000,1000000007000000,"note, ""quoted"" 1000000"');
      else if (format === 'unaligned') assert.equal(big.last, '(1000000 rows)');
      else assert.equal(big.last, '| 1000000 | name 1000000 | 1250000 | 1000000007000000 | note, "quoted" 1000000 |');
      assert.ok(
        big.peakMb - small.peakMb <= MARGIN_MB,
        `peak RSS ${small.peakMb.toFixed(1)} MB at 100k rows, ${big.peakMb.toFixed(1)} MB at 1M rows`,
      );
    });
  }
});
