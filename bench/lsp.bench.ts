/**
 * Language server latency: `sqlsh lsp` over stdio (vscode-jsonrpc client, as an editor), connected to a real
 * SQLite file of 2,000 tables x 20 columns with foreign keys (the completion bench's generated catalog).
 * For each input: a keystroke as an editor sends it — an incremental didChange, then textDocument/completion —
 * timed from the request to the answer; p50 and p99 over RUNS keystrokes. Target: p99 <= 15 ms.
 * Run: npm run build && node dist/bench/lsp.bench.js [--quick]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { complete, connect } from '../src/index.js';
import { LSP_COMPLETE_OPTIONS } from '../src/lsp/completion-provider.js';
import { LspClient } from '../test/lsp/lsp-client.js';
import { benchInputs, generateCatalog } from './generate-catalog.js';

const quick = process.argv.includes('--quick');
const TABLES = quick ? 200 : 2000;
const RUNS = quick ? 30 : 300;

function stats(times: number[]): { p50: number; p99: number; max: number } {
  const s = [...times].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length / 2)]!, p99: s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)]!, max: s[s.length - 1]! };
}

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-lsp-bench-'));
const data = generateCatalog(TABLES);
const db = new Database(join(dir, 'big.db'));
db.exec('BEGIN');
for (const r of data.relations) {
  const fks = data.foreignKeys.filter((fk) => fk.table === r.name);
  const cols = r.columns.map((c) => `${c.name} ${c.type}${c.name === 'id' ? ' PRIMARY KEY' : ''}${fks.find((f) => f.columns[0] === c.name) ? ` REFERENCES ${fks.find((f) => f.columns[0] === c.name)!.refTable}(id)` : ''}`);
  db.exec(`CREATE TABLE ${r.name} (${cols.join(', ')})`);
}
db.exec('COMMIT');
db.close();
writeFileSync(join(dir, '.sqlsh.toml'), 'connection = "big.db"\n');

const client = await LspClient.start({ root: dir });
const uri = `file://${dir}/q.sql`;
client.open(uri, '');
const loadStart = performance.now();
for (;;) {
  const r = await client.command<{ relations: number }>('sqlsh.refreshCatalog', []);
  if (r.relations >= TABLES) break;
}
console.log(`catalog of ${TABLES} tables loaded through the server in ${(performance.now() - loadStart).toFixed(0)} ms`);

// the same complete() in this process on the same database's catalog: the part of the latency that is completion itself
const lib = await connect(join(dir, 'big.db'));
const catalog = await lib.catalog();
await lib.close();
console.log(`| input (${TABLES} tables) | candidates | p50 ms | p99 ms | max ms | complete() in-process p50 / p99 ms |`);
console.log('|---|---:|---:|---:|---:|---:|');
for (const input of benchInputs(data)) {
  const at = input.text.indexOf('|');
  const full = at < 0 ? input.text : input.text.replace('|', '');
  const cursor = at < 0 ? full.length : at;
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < RUNS + 20; i++) {
    // type the last character of the word at the cursor again: delete it, then insert it (two keystrokes, one timed)
    const ch = full[cursor - 1]!;
    client.edit(uri, 0, client.text(uri).length, full.slice(0, cursor - 1) + full.slice(cursor));
    client.edit(uri, cursor - 1, cursor - 1, ch);
    const s = performance.now();
    const items = await client.complete(uri, cursor);
    const t = performance.now() - s;
    count = items.length;
    if (i >= 20) times.push(t); // warm-up
  }
  const st = stats(times);
  const local: number[] = [];
  for (let i = 0; i < RUNS + 20; i++) {
    const s = performance.now();
    complete(full, cursor, catalog, LSP_COMPLETE_OPTIONS);
    if (i >= 20) local.push(performance.now() - s);
  }
  const ls = stats(local);
  console.log(`| ${input.label} | ${count} | ${st.p50.toFixed(2)} | ${st.p99.toFixed(2)} | ${st.max.toFixed(2)} | ${ls.p50.toFixed(2)} / ${ls.p99.toFixed(2)} |`);
}
await client.stop();
rmSync(dir, { recursive: true, force: true });
