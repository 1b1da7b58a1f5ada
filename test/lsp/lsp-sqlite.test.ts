/**
 * `sqlsh lsp` against a real SQLite file, over stdio as an editor talks to it: one server for the file.
 * Completion equals the library's complete() (ranges included, in UTF-16 offsets after an emoji), incremental
 * edits, hover, diagnostics, symbols, definition, running a statement (and the catalog refresh after DDL),
 * cancelling a running statement, invalid requests, and a client that exits without shutdown.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { complete, connect, type Catalog } from '../../src/index.js';
import { LSP_COMPLETE_OPTIONS } from '../../src/lsp/completion-provider.js';
import { CancellationTokenSource, LspClient, type Diagnostic } from './lsp-client.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-lsp-'));
const dbPath = join(dir, 'shop.db');
let client: LspClient;
let catalog: Catalog;
const uri = `file://${dir}/q.sql`;

before(async () => {
  const db = new Database(dbPath);
  db.exec(`
    CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT DEFAULT 'none');
    CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(customer_id), total REAL);
    CREATE TABLE "Order Notes" (order_id INTEGER REFERENCES orders(order_id), note TEXT);
    CREATE INDEX orders_customer ON orders(customer_id);
    INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com'), (2, 'Bo', NULL);
    INSERT INTO orders VALUES (10, 1, 9.5), (11, 2, 20);`);
  db.close();
  writeFileSync(join(dir, '.sqlsh.toml'), `connection = "shop.db"\n`);
  const lib = await connect(dbPath);
  catalog = await lib.catalog();
  await lib.close();
  client = await LspClient.start({ root: dir });
  client.open(uri, '');
  // the catalog is in once an unknown relation is flagged
  client.edit(uri, 0, 0, 'SELECT * FROM nosuch;');
  await client.until(() => client.diagnostics.get(uri)?.some((d) => d.code === 'unknown-relation'), 'the catalog to load');
  client.edit(uri, 0, client.text(uri).length, '');
});

after(async () => {
  await client?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Put `q` (with a | cursor) in the document by an incremental edit and complete at the cursor. */
async function completeAt(q: string) {
  const cursor = q.indexOf('|');
  const text = q.replace('|', '');
  client.edit(uri, 0, client.text(uri).length, text);
  return { got: await client.complete(uri, cursor), want: complete(text, cursor, catalog, LSP_COMPLETE_OPTIONS), cursor, text };
}

test('completion over LSP is the library complete(): texts, order, kinds and replace ranges', async () => {
  for (const q of ['SELECT * FROM or|', 'SELECT * FROM orders o JOIN |', 'SELECT o.| FROM orders o', 'SELECT * FROM "Ord|', 'sel|', 'SELECT * FROM orders WHERE cust|omer_id = 1']) {
    const { got, want } = await completeAt(q);
    assert.ok(want.length > 0, `the library offers something for ${q}`);
    assert.deepEqual(got, want.map((c) => ({ text: c.text, start: c.replace.start, end: c.replace.end, kind: c.kind })), q);
  }
  const joins = (await completeAt('SELECT * FROM orders o JOIN |')).got.map((c) => c.text);
  assert.ok(joins.includes('customers c ON c.customer_id = o.customer_id'), `FK join offered: ${joins.slice(0, 5)}`);
});

test("file names complete inside a string that names a file (ATTACH '...'), as in the shell", async () => {
  const files = mkdtempSync(join(tmpdir(), 'sqlsh-lsp-files-'));
  writeFileSync(join(files, 'other.db'), '');
  writeFileSync(join(files, '.hidden.db'), '');
  const text = `ATTACH '${files}/' AS other`;
  const cursor = text.indexOf("/' AS") + 1;
  client.edit(uri, 0, client.text(uri).length, text);
  const got = (await client.complete(uri, cursor)).map((c) => c.text);
  assert.deepEqual(got, [`${files}/other.db`]);
  rmSync(files, { recursive: true, force: true });
});

test('a trigger character opens completion where the shell opens its menu by itself (after FROM, not after an operand)', async () => {
  const typed = async (text: string) => {
    client.edit(uri, 0, client.text(uri).length, text);
    const r = await client.request<{ items: unknown[] }>('textDocument/completion', uri, text.length, { context: { triggerKind: 2, triggerCharacter: ' ' } });
    return r.items.length;
  };
  assert.ok((await typed('SELECT * FROM ')) > 0);
  assert.equal(await typed('SELECT name '), 0);
  assert.ok((await typed('SELECT name, ')) > 0);
});

test('ranges are UTF-16 positions: an emoji and CJK text before the cursor on the same line', async () => {
  const q = "SELECT '😀漢字', * FROM ord|";
  const { got, cursor, text } = await completeAt(q);
  const first = got.find((c) => c.text === 'orders');
  assert.ok(first, `orders offered: ${got.map((c) => c.text)}`);
  assert.equal(first.end, cursor);
  assert.equal(text.slice(first.start, first.end), 'ord');
  const raw = await client.request<{ items: { textEdit: { range: { start: { character: number } } } }[] }>('textDocument/completion', uri, cursor);
  assert.equal(raw.items[0]!.textEdit.range.start.character, "SELECT '😀漢字', * FROM ".length); // UTF-16 units: the emoji counts 2
});

test('incremental didChange edits in the middle of a document are applied before completing', async () => {
  client.edit(uri, 0, client.text(uri).length, 'SELECT 1;\nSELECT  FROM customers;\nSELECT 2;');
  const at = client.text(uri).indexOf('SELECT  FROM') + 7;
  client.edit(uri, at, at, 'na');
  const got = await client.complete(uri, at + 2);
  assert.equal(got[0]?.text, 'name');
});

test('hover: a table with columns, keys and foreign keys; a column with type, nullability and default; an alias', async () => {
  client.edit(uri, 0, client.text(uri).length, 'SELECT o.total, c.email FROM orders o JOIN customers c ON c.customer_id = o.customer_id');
  const text = client.text(uri);
  type H = { contents: { value: string } } | null;
  const table = await client.request<H>('textDocument/hover', uri, text.indexOf('orders') + 2);
  assert.match(table!.contents.value, /\*\*table\*\* `main\.orders`/);
  assert.match(table!.contents.value, /\(customer_id\) → customers\(customer_id\)/);
  const col = await client.request<H>('textDocument/hover', uri, text.indexOf('email') + 1);
  assert.match(col!.contents.value, /customers\.email/);
  assert.match(col!.contents.value, /TEXT DEFAULT 'none'/);
  const nn = await client.request<H>('textDocument/hover', uri, text.indexOf('customer_id') + 1);
  assert.match(nn!.contents.value, /INTEGER/);
  const alias = await client.request<H>('textDocument/hover', uri, text.indexOf(' o ') + 1);
  assert.match(alias!.contents.value, /main\.orders/);
  assert.equal(await client.request('textDocument/hover', uri, text.indexOf('SELECT') + 1), null);
});

test('diagnostics: unterminated string and comment, unknown relation; CTEs, aliases and created tables are not flagged', async () => {
  const version = (d: Diagnostic[] | undefined) => d;
  client.edit(uri, 0, client.text(uri).length, [
    'WITH recent AS (SELECT * FROM orders) SELECT * FROM recent r JOIN customers c ON c.customer_id = r.customer_id;',
    'CREATE TABLE made_here (x int);',
    'SELECT * FROM made_here, orders;',
    'SELECT extract(year FROM total), a IS DISTINCT FROM b FROM orders;',
    'SELECT * FROM missing_table m JOIN main.also_missing USING (x);',
    "SELECT 'never closed",
  ].join('\n'));
  const diags = await client.until(() => {
    const d = version(client.diagnostics.get(uri));
    return d && d.some((x) => x.code === 'unterminated') ? d : undefined;
  }, 'diagnostics');
  const text = client.text(uri);
  const flagged = diags.map((d) => `${d.code}:${text.slice(client.offset(uri, d.range.start), client.offset(uri, d.range.end))}`);
  assert.deepEqual(flagged.sort(), ["unknown-relation:main.also_missing", 'unknown-relation:missing_table', "unterminated:'never closed"].sort());
  client.edit(uri, 0, client.text(uri).length, 'SELECT 1 /* open comment');
  const d2 = await client.until(() => client.diagnostics.get(uri)?.find((x) => x.message.includes('comment')), 'comment diagnostic');
  assert.equal(d2.severity, 1);
});

test('document symbols are the statements; definition opens the table DDL from the database', async () => {
  client.edit(uri, 0, client.text(uri).length, 'SELECT 1;\n\nCREATE VIEW v AS SELECT * FROM orders;\nDELETE FROM orders WHERE order_id = 0;\n');
  const symbols = await client.rpc.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as { name: string; range: Diagnostic['range'] }[];
  assert.deepEqual(symbols.map((s) => s.name), ['SELECT 1', 'CREATE VIEW v AS SELECT * FROM orders', 'DELETE FROM orders WHERE order_id = 0']);
  assert.deepEqual(symbols.map((s) => s.range.start.line), [0, 2, 3]);
  const text = client.text(uri);
  const loc = await client.request<{ uri: string }>('textDocument/definition', uri, text.indexOf('orders;') + 1);
  const ddl = readFileSync(fileURLToPath(loc.uri), 'utf8');
  assert.match(ddl, /CREATE TABLE orders \(order_id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers\(customer_id\), total REAL\)/);
  assert.match(ddl, /CREATE INDEX orders_customer/);
});

test('sqlsh.runStatement runs the statement under the cursor and returns the table text; DDL refreshes the catalog', async () => {
  client.edit(uri, 0, client.text(uri).length, 'SELECT 1;\nSELECT customer_id, name, email FROM customers ORDER BY 1;\nSELECT 3;');
  const res = await client.command<{ text: string; rowCount: number }>('sqlsh.runStatement', [uri, client.pos(uri, client.text(uri).indexOf('customers') + 2)]);
  assert.equal(res.text, [' customer_id | name |      email      ', '-------------+------+-----------------', '           1 | Ada  | ada@example.com', '           2 | Bo   | NULL', '(2 rows)', ''].join('\n'));
  client.edit(uri, 0, client.text(uri).length, 'CREATE TABLE shipments (shipment_id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders(order_id));\nSELECT * FROM ship');
  const ddl = await client.command<{ refreshed: boolean }>('sqlsh.runStatement', [uri, { line: 0, character: 3 }]);
  assert.equal(ddl.refreshed, true);
  const got = await client.complete(uri, client.text(uri).length);
  assert.equal(got[0]?.text, 'shipments');
  const err = await client.command<{ error: { message: string } }>('sqlsh.runStatement', [{ uri, position: { line: 1, character: 2 } }]);
  assert.match(err.error.message, /no such table: ship/);
});

test('a running statement is cancelled by $/cancelRequest and the server keeps serving', async () => {
  client.edit(uri, 0, client.text(uri).length, 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r;');
  const cts = new CancellationTokenSource();
  const started = Date.now();
  const running = client.command('sqlsh.runStatement', [uri, { line: 0, character: 1 }], cts);
  await new Promise((r) => setTimeout(r, 300));
  // still answering while the statement runs
  const during = await client.complete(uri, client.text(uri).indexOf('FROM r') + 5);
  assert.ok(during.length > 0);
  cts.cancel();
  await assert.rejects(running, (e: { code?: number }) => e.code === -32800);
  assert.ok(Date.now() - started < 5000, 'cancelled promptly');
  client.edit(uri, 0, client.text(uri).length, 'SELECT count(*) AS n FROM orders;');
  const after = await client.command<{ text: string }>('sqlsh.runStatement', [uri, { line: 0, character: 1 }]);
  assert.match(after.text, /\b2\b/);
});

test('invalid requests get errors, not a dead server', async () => {
  await assert.rejects(client.rpc.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///not/open.sql' }, position: { line: 0, character: 0 } }), /no open document/);
  await assert.rejects(client.rpc.sendRequest('textDocument/hover', { nonsense: true }));
  await assert.rejects(client.rpc.sendRequest('no/such/method', {}), (e: { code?: number }) => e.code === -32601);
  await assert.rejects(client.command('sqlsh.noSuchCommand', []), /unknown command/);
  const got = await completeAt('SELECT * FROM cus|');
  assert.equal(got.got[0]?.text, 'customers');
});

test('without a database: keywords complete, the dialect comes from the file\'s first line, commands say what is missing; exit without shutdown', async () => {
  const bare = mkdtempSync(join(tmpdir(), 'sqlsh-lsp-bare-'));
  const other = await LspClient.start({ root: bare });
  // `#` starts a comment in MySQL only: the quote inside it opens a string elsewhere
  other.open('file:///my.sql', "-- sqlsh: dialect=mysql\nSELECT 1 # it's a comment\n");
  other.open('file:///pg.sql', "-- sqlsh: dialect=postgres\nSELECT 1 # it's a comment\n");
  await other.until(() => other.diagnostics.has('file:///my.sql') && other.diagnostics.has('file:///pg.sql'), 'diagnostics of both files');
  assert.deepEqual(other.diagnostics.get('file:///my.sql'), []);
  assert.deepEqual(other.diagnostics.get('file:///pg.sql')!.map((d) => d.code), ['unterminated']);
  other.edit('file:///my.sql', other.text('file:///my.sql').length, other.text('file:///my.sql').length, 'SEL');
  const kw = await other.complete('file:///my.sql', other.text('file:///my.sql').length);
  assert.equal(kw[0]?.text, 'SELECT');
  await assert.rejects(other.command('sqlsh.runStatement', ['file:///my.sql', { line: 1, character: 1 }]), /no database/);
  await other.rpc.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///my.sql' } });
  const exited = new Promise<number | null>((r) => other.proc.once('exit', (code) => r(code)));
  other.proc.stdin!.end();
  const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5000))]);
  assert.notEqual(code, 'hung');
  other.rpc.dispose();
  rmSync(bare, { recursive: true, force: true });
});
