/** Completion against a catalog introspected from a real SQLite file (with an attached `sales` database). */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog, type Catalog } from '../../src/catalog/catalog.js';
import { complete } from '../../src/complete/complete.js';
import type { Connection } from '../../src/engines/engine.js';
import { engineById } from '../../src/engines/registry.js';

const MUSIC = [
  'CREATE TABLE artists (artist_id INTEGER PRIMARY KEY, name TEXT NOT NULL)',
  'CREATE TABLE albums (album_id INTEGER PRIMARY KEY, title TEXT, artist_id INTEGER REFERENCES artists (artist_id))',
  'CREATE TABLE genres (genre_id INTEGER PRIMARY KEY, name TEXT)',
  `CREATE TABLE tracks (track_id INTEGER PRIMARY KEY, name TEXT, album_id INTEGER REFERENCES albums (album_id),
     genre_id INTEGER REFERENCES genres (genre_id), milliseconds INTEGER, unit_price NUMERIC)`,
  'CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT)',
  'CREATE TABLE invoices (invoice_id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (customer_id), total NUMERIC)',
  `CREATE TABLE invoice_items (invoice_item_id INTEGER PRIMARY KEY, invoice_id INTEGER REFERENCES invoices (invoice_id),
     track_id INTEGER REFERENCES tracks (track_id), quantity INTEGER)`,
  'CREATE VIEW album_lengths AS SELECT album_id, sum(milliseconds) AS total_ms FROM tracks GROUP BY album_id',
];
const SALES = ['CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER, amount NUMERIC)', 'CREATE TABLE regions (region_id INTEGER PRIMARY KEY, region_name TEXT)'];

let dir: string;
let conn: Connection;
let catalog: Catalog;

async function run(c: Connection, sql: string): Promise<void> {
  for await (const e of c.execute(sql)) void e;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sqlsh-complete-it-'));
  const engine = await engineById('sqlite').load();
  const sales = await engine.connect({ engine: 'sqlite', path: join(dir, 'sales.db') });
  for (const sql of SALES) await run(sales, sql);
  await sales.close();
  conn = await engine.connect({ engine: 'sqlite', path: join(dir, 'music.db') });
  for (const sql of MUSIC) await run(conn, sql);
  await run(conn, `ATTACH DATABASE '${join(dir, 'sales.db').replace(/'/g, "''")}' AS sales`);
  catalog = buildCatalog(await conn.introspect(), conn.dialect);
});
after(async () => {
  await conn?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Candidate texts at the `|` marker. */
function at(q: string): string[] {
  const cursor = q.indexOf('|');
  return complete(q.slice(0, cursor) + q.slice(cursor + 1), cursor, catalog, { maxResults: 400 }).map((c) => c.text);
}

test('sqlite: tables and views after FROM, the prefix match first', () => {
  const got = at('SELECT * FROM |');
  for (const t of ['artists', 'albums', 'tracks', 'genres', 'invoice_items', 'album_lengths']) assert.ok(got.includes(t), `expected ${t}; got ${JSON.stringify(got)}`);
  assert.equal(at('SELECT * FROM inv|')[0], 'invoices');
});

test('sqlite: columns after alias. are exactly that table\'s', () => {
  const got = at('SELECT t.| FROM tracks t');
  assert.deepEqual([...got].sort(), ['album_id', 'genre_id', 'milliseconds', 'name', 'track_id', 'unit_price']);
  assert.ok(at('SELECT l.| FROM album_lengths l').includes('total_ms'));
});

test('sqlite: JOIN offers joins from the introspected foreign keys', () => {
  const got = at('SELECT * FROM albums a JOIN |');
  assert.ok(got.includes('tracks t ON t.album_id = a.album_id'), JSON.stringify(got.slice(0, 10)));
  assert.ok(got.includes('artists a2 ON a2.artist_id = a.artist_id'), JSON.stringify(got.slice(0, 10)));
  assert.ok(at('SELECT * FROM invoice_items ii JOIN |').includes('tracks t ON t.track_id = ii.track_id'));
});

test('sqlite: ON offers the foreign-key condition first', () => {
  assert.equal(at('SELECT * FROM tracks t JOIN genres g ON |')[0], 'g.genre_id = t.genre_id');
});

test('sqlite: an attached database completes its tables after sales.', () => {
  const got = at('SELECT * FROM sales.|');
  assert.ok(got.includes('orders') && got.includes('regions'), JSON.stringify(got));
  assert.ok(!got.includes('artists') && !got.includes('tracks'), `main's tables are not in sales: ${JSON.stringify(got)}`);
  assert.ok(at('SELECT o.| FROM sales.orders o').includes('amount'));
});
