/**
 * An export's memory does not grow with its row count: `sqlsh :memory: -c QUERY > pipe` (csv
 * formatted in the SQLite worker; the aligned table spilled to its temp file and read back) peaks
 * at about the same RSS for 100k and 1M rows, and the table still has one header. The rows come
 * from a recursive CTE (no file to build). Peak RSS is the kernel's VmHWM of the sqlsh process,
 * read from /proc while it runs (Linux).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BIN, sandboxEnv } from '../helpers/run-cli.js';

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
}

function peakKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // exited between two reads
  }
}

function run(n: number, format: 'csv' | 'table'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ':memory:', '-c', rowsQuery(n), '--format', format], { env: sandboxEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
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
      else resolve({ peakMb: peak / 1024, lines, headers, last });
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
        assert.equal(big.lines, 1_000_003); // header, rule, rows, footer
        assert.equal(big.last, '(1000000 rows)');
      }
      assert.equal(big.headers, 1);
      assert.ok(
        big.peakMb - small.peakMb <= MARGIN_MB,
        `peak RSS ${small.peakMb.toFixed(1)} MB at 100k rows, ${big.peakMb.toFixed(1)} MB at 1M rows`,
      );
    });
  }
});
