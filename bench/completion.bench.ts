/**
 * Completion benchmark: per-call time of complete() on generated catalogs (2,000 and 20,000 tables x 20 columns),
 * over fixed realistic inputs; and the same for pgcli's completer when the Debian package is installed.
 * Run: npx tsc -p . && node dist/bench/completion.bench.js
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildCatalog } from '../src/catalog/catalog.js';
import { complete } from '../src/complete/complete.js';
import { postgresDialect } from '../src/sql/dialects/postgres.js';
import { benchInputs, generateCatalog } from './generate-catalog.js';

const SIZES = [2000, 20000];

/** Collect the garbage of the previous phase (catalog generation and build) before measuring. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
const RUNS = 200;

function stats(times: number[]): { median: number; p99: number } {
  const s = [...times].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p99: s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)]! };
}

/** Split a `|` cursor marker out of an input (no marker: the cursor is at the end). */
export function withCursor(marked: string): { text: string; cursor: number } {
  const at = marked.indexOf('|');
  return at < 0 ? { text: marked, cursor: marked.length } : { text: marked.slice(0, at) + marked.slice(at + 1), cursor: at };
}

interface Row { size: number; label: string; median: number; p99: number; count: number; full: { median: number; p99: number; count: number } }

/** Median and p99 of RUNS calls (after a warm-up), and the candidate count. */
function measure(text: string, cursor: number, catalog: ReturnType<typeof buildCatalog>, maxResults: number): { median: number; p99: number; count: number } {
  const opts = { maxResults };
  for (let i = 0; i < 50; i++) complete(text, cursor, catalog, opts); // warm-up
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    count = complete(text, cursor, catalog, opts).length;
    times.push(performance.now() - s);
  }
  return { count, ...stats(times) };
}

/**
 * A ~2 KB buffer of several statements with the cursor in a WHERE in the middle one: the per-keystroke cost of
 * lexing and splitting the whole buffer to find the statement under the cursor (sqlsh only).
 */
function bufferInput(data: ReturnType<typeof generateCatalog>): { label: string; text: string } {
  const t = (i: number): string => data.relations[i]!.name;
  const parts: string[] = [];
  for (let i = 0; parts.join('\n').length < 1000; i++) {
    parts.push(`SELECT a.id, a.name_${i % 5}, count(*) AS n FROM ${t(i + 10)} a JOIN ${t(i + 11)} b ON b.id = a.id WHERE a.status_1 = 'open' -- note ${i}\nGROUP BY 1, 2;`);
  }
  const head = parts.join('\n');
  const tail = parts.map((p) => p.replace('open', 'closed')).join('\n');
  return { label: '2 KB buffer, WHERE mid-way', text: `${head}\nSELECT * FROM ${t(5)} x WHERE x.na|;\n${tail}` };
}

/** Where nothing is typed yet (the menu opens by itself there): every relation, or every column and function, is a candidate. */
function emptyPrefixInputs(data: ReturnType<typeof generateCatalog>): { label: string; text: string }[] {
  const t = data.relations[7]!.name;
  return [
    { label: 'nothing typed after FROM', text: 'SELECT * FROM ' },
    { label: 'nothing typed after WHERE', text: `SELECT * FROM ${t} x WHERE ` },
  ];
}

function runOurs(): { rows: Row[]; builds: Map<number, number> } {
  const rows: Row[] = [];
  const builds = new Map<number, number>();
  for (const size of SIZES) {
    const data = generateCatalog(size);
    const t0 = performance.now();
    const catalog = buildCatalog(data, postgresDialect);
    builds.set(size, performance.now() - t0);
    collectGarbage();
    for (const input of [...benchInputs(data), ...emptyPrefixInputs(data), bufferInput(data)]) {
      const { label } = input;
      const { text, cursor } = withCursor(input.text);
      // the shell's cut (100), and every candidate ranked with no cut at all (so the cut hides no cost)
      const cut = measure(text, cursor, catalog, 100);
      const full = measure(text, cursor, catalog, Number.POSITIVE_INFINITY);
      rows.push({ size, label, ...cut, full });
    }
  }
  return { rows, builds };
}

function runPgcli(): Map<string, { median: number; p99: number; count: number }> | string {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import pgcli.pgcompleter'], { encoding: 'utf8' });
  if (probe.status !== 0) return 'pgcli not installed (python3 -c "import pgcli.pgcompleter" failed)';
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-bench-'));
  const script = fileURLToPath(new URL('../../bench/pgcli_bench.py', import.meta.url));
  const out = new Map<string, { median: number; p99: number; count: number }>();
  for (const size of SIZES) {
    const data = generateCatalog(size);
    const file = join(dir, `catalog-${size}.json`);
    writeFileSync(file, JSON.stringify({ data, inputs: benchInputs(data).map((x) => ({ label: x.label, ...withCursor(x.text) })) }));
    const r = spawnSync('/usr/bin/python3', [script, file, String(size >= 20000 ? 20 : 50)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) return `pgcli run failed: ${r.stderr.slice(-500)}`;
    const res = JSON.parse(r.stdout) as { label: string; median: number; p99: number; count: number; build: number }[];
    for (const x of res) out.set(`${size}\u0000${x.label}`, x);
  }
  return out;
}

const fmt = (ms: number | undefined): string => (ms === undefined ? '-' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

function main(): void {
  const { rows, builds } = runOurs();
  const pg = process.argv.includes('--no-pgcli') ? 'skipped (--no-pgcli)' : runPgcli();
  const lines: string[] = [];
  lines.push('| tables | input | sqlsh median ms | sqlsh p99 ms | no cut: median ms | no cut: p99 ms | pgcli median ms | pgcli p99 ms | candidates sqlsh/no cut/pgcli |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const p = typeof pg === 'string' ? undefined : pg.get(`${r.size}\u0000${r.label}`);
    lines.push(`| ${r.size} | ${r.label} | ${fmt(r.median)} | ${fmt(r.p99)} | ${fmt(r.full.median)} | ${fmt(r.full.p99)} | ${fmt(p?.median)} | ${fmt(p?.p99)} | ${r.count}/${r.full.count}/${p?.count ?? '-'} |`);
  }
  console.log(lines.join('\n'));
  for (const [size, ms] of builds) console.log(`catalog build (${size} tables x 20 columns): ${ms.toFixed(1)} ms`);
  if (typeof pg === 'string') console.log(`pgcli: ${pg}`);
  const miss = (x: { median: number; p99: number }, size: number): boolean => (size <= 2000 ? x.median >= 5 || x.p99 >= 15 : x.p99 >= 20);
  const bad = rows.filter((r) => miss(r, r.size));
  const badFull = rows.filter((r) => miss(r.full, r.size));
  console.log(bad.length === 0 ? 'targets met (cut at 100): <5 ms median and <15 ms p99 at 2,000 tables; <20 ms p99 at 20,000' : `TARGETS MISSED (cut at 100): ${bad.map((b) => `${b.size}/${b.label}`).join(', ')}`);
  console.log(badFull.length === 0 ? 'targets met with no cut as well' : `targets missed with no cut: ${badFull.map((b) => `${b.size}/${b.label}`).join(', ')}`);
}

main();
