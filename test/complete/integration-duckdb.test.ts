/** Completion against a catalog introspected from a real DuckDB file (with a `sales` schema). */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog, type Catalog } from '../../src/catalog/catalog.js';
import { complete } from '../../src/complete/complete.js';
import type { Connection } from '../../src/engines/engine.js';
import { engineById } from '../../src/engines/registry.js';

const SCHEMA = [
  'CREATE TABLE artists (artist_id INTEGER PRIMARY KEY, name VARCHAR NOT NULL)',
  'CREATE TABLE albums (album_id INTEGER PRIMARY KEY, title VARCHAR, artist_id INTEGER REFERENCES artists (artist_id))',
  'CREATE TABLE genres (genre_id INTEGER PRIMARY KEY, name VARCHAR)',
  `CREATE TABLE tracks (track_id INTEGER PRIMARY KEY, name VARCHAR, album_id INTEGER REFERENCES albums (album_id),
     genre_id INTEGER REFERENCES genres (genre_id), milliseconds INTEGER, unit_price DECIMAL(10, 2))`,
  'CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, first_name VARCHAR, last_name VARCHAR, email VARCHAR)',
  'CREATE TABLE invoices (invoice_id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (customer_id), total DECIMAL(10, 2))',
  `CREATE TABLE invoice_items (invoice_item_id INTEGER PRIMARY KEY, invoice_id INTEGER REFERENCES invoices (invoice_id),
     track_id INTEGER REFERENCES tracks (track_id), quantity INTEGER)`,
  'CREATE VIEW album_lengths AS SELECT album_id, sum(milliseconds) AS total_ms FROM tracks GROUP BY album_id',
  'CREATE SCHEMA sales',
  'CREATE TABLE sales.regions (region_id INTEGER PRIMARY KEY, region_name VARCHAR)',
  // DuckDB keeps foreign keys inside one schema
  'CREATE TABLE sales.orders (order_id INTEGER PRIMARY KEY, region_id INTEGER REFERENCES sales.regions (region_id), amount DECIMAL(10, 2))',
];

let dir: string;
let conn: Connection;
let catalog: Catalog;

async function run(c: Connection, sql: string): Promise<void> {
  for await (const e of c.execute(sql)) void e;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sqlsh-complete-it-'));
  const engine = await engineById('duckdb').load();
  conn = await engine.connect({ engine: 'duckdb', path: join(dir, 'music.duckdb') });
  for (const sql of SCHEMA) await run(conn, sql);
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

test('duckdb: tables and views after FROM, the prefix match first', () => {
  const got = at('SELECT * FROM |');
  for (const t of ['artists', 'albums', 'tracks', 'genres', 'invoice_items', 'album_lengths']) assert.ok(got.includes(t), `expected ${t}; got ${JSON.stringify(got)}`);
  assert.equal(at('SELECT * FROM inv|')[0], 'invoices');
});

test('duckdb: columns after alias. are exactly that table\'s', () => {
  const got = at('SELECT t.| FROM tracks t');
  assert.deepEqual([...got].sort(), ['album_id', 'genre_id', 'milliseconds', 'name', 'track_id', 'unit_price']);
  assert.ok(at('SELECT l.| FROM album_lengths l').includes('total_ms'));
});

test('duckdb: JOIN offers joins from the introspected foreign keys', () => {
  const got = at('SELECT * FROM albums a JOIN |');
  assert.ok(got.includes('tracks t ON t.album_id = a.album_id'), JSON.stringify(got.slice(0, 10)));
  assert.ok(got.includes('artists a2 ON a2.artist_id = a.artist_id'), JSON.stringify(got.slice(0, 10)));
  const inSales = at('SELECT * FROM sales.orders o JOIN |');
  assert.ok(inSales.includes('sales.regions r ON r.region_id = o.region_id'), JSON.stringify(inSales.slice(0, 10)));
});

test('duckdb: ON offers the foreign-key condition first', () => {
  assert.equal(at('SELECT * FROM tracks t JOIN genres g ON |')[0], 'g.genre_id = t.genre_id');
});

test('duckdb: the sales schema completes its tables after sales.', () => {
  const got = at('SELECT * FROM sales.|');
  assert.deepEqual([...got].sort(), ['orders', 'regions']);
  assert.ok(at('SELECT o.| FROM sales.orders o').includes('amount'));
  assert.ok(at('SELECT * FROM |').includes('sales'), 'schemas are offered after FROM');
});
