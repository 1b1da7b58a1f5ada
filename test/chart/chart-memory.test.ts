/**
 * Charts stream: a histogram of a million rows takes the memory of one of 100,000. Both runs are the
 * real binary on an SQLite recursive CTE; peak RSS (getrusage, from a preload that prints it at exit)
 * of the 1M run must stay within 30 MB of the 100k run. Measured: 76 -> 81 MB; collecting the rows
 * instead (what \gset does before it complains) goes 81 -> 168 MB, which this test would catch.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, sandboxEnv } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-chart-mem-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const preload = join(dir, 'rss.cjs');
writeFileSync(preload, "process.on('exit', () => { require('fs').writeSync(2, `\\nmaxrss_kb=${process.resourceUsage().maxRSS}\\n`); });\n");

function peakKb(rows: number): { kb: number; out: string } {
  const sql = `with recursive c(i) as (select 1 union all select i + 1 from c where i < ${rows}) select (i * 7919) % 1000 + i / 1000.0 as v from c \\gchart hist`;
  const r = runCli([':memory:', '-c', sql], { env: sandboxEnv({ NODE_OPTIONS: `--require ${preload}`, LANG: 'C.UTF-8' }) });
  assert.equal(r.code, 0, r.stderr);
  const kbs = [...r.stderr.matchAll(/maxrss_kb=(\d+)/g)].map((m) => Number(m[1]));
  assert.ok(kbs.length > 0, `the preload reported: ${r.stderr}`);
  return { kb: Math.max(...kbs), out: r.stdout };
}

test('a histogram of 1M rows keeps peak RSS within 30 MB of 100k rows', () => {
  const small = peakKb(100_000);
  const big = peakKb(1_000_000);
  assert.match(small.out, /^\(100,000 values, /m);
  assert.match(big.out, /^\(1,000,000 values, min 1, max 1,998\.32?, mean 999\.5\)$/m);
  const grew = (big.kb - small.kb) / 1024;
  assert.ok(grew < 30, `peak RSS grew ${grew.toFixed(1)} MB from 100k to 1M rows (${(small.kb / 1024).toFixed(0)} -> ${(big.kb / 1024).toFixed(0)} MB)`);
});
