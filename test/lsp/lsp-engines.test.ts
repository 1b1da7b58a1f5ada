/**
 * One `sqlsh lsp` server taken through the four real databases of the completion tests (the fixtures of
 * test/complete/real: a SQLite file, a DuckDB file, the harness's PostgreSQL and MariaDB), switched by
 * workspace/didChangeConfiguration as an editor does. On each: every case of the shared context table
 * (test/complete/real-cases) completes over LSP exactly as the library's complete() on the same database's
 * catalog (texts, order, kinds, replace ranges); hover, run, the engine's own parse errors with positions;
 * PostgreSQL: signature help and a connection killed under the server.
 */
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { complete, connect, type Catalog, type EngineId } from '../../src/index.js';
import { LSP_COMPLETE_OPTIONS } from '../../src/lsp/completion-provider.js';
import type { Case } from '../complete/case-runner.js';
import { openRealDatabase, type RealDatabase } from '../complete/real/real-databases.js';
import { serverTestMode, startFailureReason } from '../harness/server-test.js';
import { LspClient } from './lsp-client.js';

const casesDir = new URL('../complete/real-cases/', import.meta.url);
const allCases: Case[] = [];
for (const f of readdirSync(casesDir).filter((f) => f.endsWith('.js')).sort()) {
  const mod = (await import(new URL(f, casesDir).href)) as Record<string, unknown>;
  allCases.push(...(Object.values(mod).filter(Array.isArray).flat() as Case[]));
}

let client: LspClient;
const uri = 'file:///lsp-engines/q.sql';

before(async () => {
  client = await LspClient.start();
  client.open(uri, '');
});
after(async () => {
  await client?.stop();
});

/** Point the server at a database and wait until its catalog (of that engine) is in. */
async function useDatabase(target: string, engine: EngineId): Promise<void> {
  await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { sqlsh: { connection: target } } });
  const end = Date.now() + 30_000;
  for (;;) {
    const r = await client.command<{ engine?: string; relations: number }>('sqlsh.refreshCatalog', []);
    if (r.engine === engine && r.relations > 0) return;
    if (Date.now() > end) throw new Error(`the server did not load the ${engine} catalog: ${JSON.stringify(r)}; ${client.messages.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function setText(text: string): void {
  client.edit(uri, 0, client.text(uri).length, text);
}

type Hover = { contents: { value: string } } | null;

const ENGINES: readonly EngineId[] = ['sqlite', 'duckdb', 'postgres', 'mysql'];
const BAD_SQL: Record<EngineId, RegExp> = {
  sqlite: /syntax error/,
  duckdb: /syntax error/i,
  postgres: /syntax error/,
  mysql: /syntax/,
};

for (const engine of ENGINES) {
  describe(`${engine}`, () => {
    let real: RealDatabase | undefined;
    let catalog: Catalog;
    let skipped: string | undefined;
    let copyDir: string | undefined;
    before(async () => {
      try {
        real = await openRealDatabase(engine);
      } catch (e) {
        if (serverTestMode() === 'required') throw e;
        skipped = startFailureReason(e);
        return;
      }
      const t = real.target;
      let target = 'url' in t && typeof t.url === 'string' ? t.url : (t as { path: string }).path;
      const lib = await connect(t);
      catalog = await lib.catalog();
      await lib.close();
      if (engine === 'duckdb') {
        // a DuckDB file is locked by the one process that has it open (this one): the server gets a copy, same name
        copyDir = mkdtempSync(join(tmpdir(), 'sqlsh-lsp-duck-'));
        await real.connection.close();
        copyFileSync(target, join(copyDir, basename(target)));
        target = join(copyDir, basename(target));
      }
      await useDatabase(target, engine);
    });
    after(async () => {
      await real?.close();
      if (copyDir) rmSync(copyDir, { recursive: true, force: true });
    });
    const skip = (t: TestContext): boolean => {
      if (skipped) t.skip(`server unavailable: ${skipped}`);
      return skipped !== undefined;
    };

    test('every context-table case completes over LSP as complete() does on the same catalog', async (t) => {
      if (skip(t)) return;
      const cases = allCases.filter((c) => (c.engines ?? ENGINES).includes(engine) && !c.opts);
      assert.ok(cases.length > 20, `only ${cases.length} cases for ${engine}`);
      let compared = 0;
      for (const c of cases) {
        const q = c.q.replace(/\{([^{}|]+)\}/g, (_, n: string) => catalog.dialect.quoteIdent(n));
        const cursor = q.indexOf('|');
        const text = q.slice(0, cursor) + q.slice(cursor + 1);
        setText(text);
        const got = await client.complete(uri, cursor);
        const want = complete(text, cursor, catalog, LSP_COMPLETE_OPTIONS).map((x) => ({ text: x.text, start: x.replace.start, end: x.replace.end, kind: x.kind }));
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          const diff = got.map((g, i) => [g, want[i]]).filter(([g, w]) => JSON.stringify(g) !== JSON.stringify(w)).slice(0, 3);
          assert.fail(`${engine}: ${JSON.stringify(c.q)}: ${got.length} vs ${want.length} candidates; first differences (got, want): ${JSON.stringify(diff)}`);
        }
        compared++;
      }
      t.diagnostic(`${compared} cases compared on ${engine}`);
    });

    test('hover, run and the engine\'s own parse errors', async (t) => {
      if (skip(t)) return;
      const orders = engine === 'duckdb' ? 'shop.orders' : 'orders'; // DuckDB's search path is main only
      setText(`SELECT o.order_id FROM ${orders} o;`);
      const h = await client.request<Hover>('textDocument/hover', uri, client.text(uri).indexOf('orders') + 1);
      assert.match(h!.contents.value, /orders/);
      assert.match(h!.contents.value, /order_id/);
      const col = await client.request<Hover>('textDocument/hover', uri, client.text(uri).indexOf('order_id') + 1);
      assert.match(col!.contents.value, /\*\*column\*\*/);
      const loc = await client.request<{ uri: string }>('textDocument/definition', uri, client.text(uri).indexOf('orders') + 1);
      const ddl = readFileSync(fileURLToPath(loc.uri), 'utf8');
      assert.match(ddl, /CREATE TABLE [^\n]*orders/i);
      assert.match(ddl, engine === 'postgres' ? /generated from the catalog/ : /definition from the database/);
      assert.match(ddl, /order_id/);
      setText(`SELECT count(*) AS n FROM ${orders};`);
      const res = await client.command<{ text: string; rowCount: number }>('sqlsh.runStatement', [uri, { line: 0, character: 2 }]);
      assert.equal(res.rowCount, 1);
      assert.match(res.text, /^\s*n\s*\n-+\n\s*\d+\n\(1 row\)\n/);
      setText(`SELECT 1;\nSELECT order_id FROM ${orders} WHERE WHERE order_id = 1;\n`);
      const before = client.diagnostics.get(uri);
      await client.command('sqlsh.checkDocument', [uri]);
      const diags = await client.until(() => {
        const d = client.diagnostics.get(uri);
        return d !== before && d?.some((x) => x.code !== 'unknown-relation') ? d : undefined;
      }, 'engine diagnostics');
      const e = diags.find((x) => x.code !== 'unknown-relation')!;
      assert.match(e.message, BAD_SQL[engine]);
      assert.equal(e.range.start.line, 1, JSON.stringify(e));
      const col0 = `SELECT order_id FROM ${orders} WHERE `.length;
      assert.ok(e.range.start.character >= col0 - 6 && e.range.start.character <= col0 + 6, `the error is near the second WHERE: ${JSON.stringify(e)}`);
    });

    if (engine === 'postgres') {
      test('signature help inside a user function call; a killed backend is reconnected on the next use', async (t) => {
        if (skip(t)) return;
        setText('SELECT * FROM shop.recent_orders(');
        const sig = await client.request<{ signatures: { label: string }[]; activeParameter: number }>('textDocument/signatureHelp', uri, client.text(uri).length);
        assert.match(sig.signatures[0]!.label, /^recent_orders\(/);
        assert.equal(sig.activeParameter, 0);
        const fh = await client.request<Hover>('textDocument/hover', uri, client.text(uri).indexOf('recent_orders') + 2);
        assert.match(fh!.contents.value, /recent_orders\(/);
        setText("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid();\nSELECT pg_backend_pid();");
        const me = await client.command<{ text: string }>('sqlsh.runStatement', [uri, { line: 1, character: 2 }]);
        const pid = /\n\s*(\d+)\n/.exec(me.text)![1];
        // kill the server's own session from another one
        const other = await connect(real!.target);
        await other.query(`SELECT pg_terminate_backend(${pid})`);
        await other.close();
        // the statement right after may fail (the server learns the session is gone) or reconnect at once
        await client.command('sqlsh.runStatement', [uri, { line: 1, character: 2 }]).catch(() => undefined);
        const again = await client.command<{ text: string }>('sqlsh.runStatement', [uri, { line: 1, character: 2 }]);
        assert.match(again.text, /\(1 row\)/);
        assert.doesNotMatch(again.text, new RegExp(`\\b${pid}\\b`));
      });
    }
  });
}
