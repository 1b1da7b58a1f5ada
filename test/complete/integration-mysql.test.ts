/** Completion against a catalog introspected from a real MariaDB database (backtick quoting for reserved and spaced names). */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildCatalog, type Catalog } from '../../src/catalog/catalog.js';
import { complete } from '../../src/complete/complete.js';
import type { Connection } from '../../src/engines/engine.js';
import { engineById } from '../../src/engines/registry.js';
import { sharedMariadb, type MariadbServer } from '../harness/mariadb-server.js';
import { serverTestMode, startFailureReason } from '../harness/server-test.js';

const DB = 'sqlsh_complete_music';
const SCHEMA = [
  'CREATE TABLE artists (artist_id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)',
  'CREATE TABLE albums (album_id INT PRIMARY KEY, title VARCHAR(100), artist_id INT, FOREIGN KEY (artist_id) REFERENCES artists (artist_id))',
  'CREATE TABLE genres (genre_id INT PRIMARY KEY, name VARCHAR(100))',
  `CREATE TABLE tracks (track_id INT PRIMARY KEY, name VARCHAR(200), album_id INT, genre_id INT, milliseconds INT, unit_price DECIMAL(10, 2),
     FOREIGN KEY (album_id) REFERENCES albums (album_id), FOREIGN KEY (genre_id) REFERENCES genres (genre_id))`,
  'CREATE TABLE customers (customer_id INT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50), email VARCHAR(100))',
  'CREATE TABLE invoices (invoice_id INT PRIMARY KEY, customer_id INT, total DECIMAL(10, 2), FOREIGN KEY (customer_id) REFERENCES customers (customer_id))',
  `CREATE TABLE invoice_items (invoice_item_id INT PRIMARY KEY, invoice_id INT, track_id INT, quantity INT,
     FOREIGN KEY (invoice_id) REFERENCES invoices (invoice_id), FOREIGN KEY (track_id) REFERENCES tracks (track_id))`,
  'CREATE TABLE `order` (order_id INT PRIMARY KEY, `status` VARCHAR(20), `ship to` VARCHAR(200), customer_id INT, FOREIGN KEY (customer_id) REFERENCES customers (customer_id))',
  'CREATE VIEW album_lengths AS SELECT album_id, sum(milliseconds) AS total_ms FROM tracks GROUP BY album_id',
];

let server: MariadbServer | undefined;
let conn: Connection | undefined;
let catalog: Catalog;
let unavailable: string | undefined;

async function run(c: Connection, sql: string): Promise<void> {
  for await (const e of c.execute(sql)) void e;
}

/** The server's URL pointing at another database. */
function urlFor(base: string, db: string): string {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
}

before(async () => {
  try {
    server = await sharedMariadb();
  } catch (err) {
    if (serverTestMode() === 'required') throw err;
    unavailable = startFailureReason(err);
    return;
  }
  const engine = await engineById('mysql').load();
  const env = { HOME: '/nonexistent' };
  const admin = await engine.connect({ engine: 'mysql', url: server.url }, { env });
  try {
    await run(admin, `DROP DATABASE IF EXISTS ${DB}`);
    await run(admin, `CREATE DATABASE ${DB}`);
  } finally {
    await admin.close();
  }
  conn = await engine.connect({ engine: 'mysql', url: urlFor(server.url, DB) }, { env });
  for (const sql of SCHEMA) await run(conn, sql);
  catalog = buildCatalog(await conn.introspect(), conn.dialect);
});
after(async () => {
  if (conn) await run(conn, `DROP DATABASE IF EXISTS ${DB}`).catch(() => undefined);
  await conn?.close();
});

/** Candidate texts at the `|` marker. */
function at(q: string): string[] {
  const cursor = q.indexOf('|');
  return complete(q.slice(0, cursor) + q.slice(cursor + 1), cursor, catalog, { maxResults: 400 }).map((c) => c.text);
}

/** Skips (or, under CI, fails in `before`) when the server could not start. */
function ready(t: { skip(msg: string): void }): boolean {
  if (unavailable !== undefined) t.skip(`server unavailable: ${unavailable}`);
  return unavailable === undefined;
}

test('mysql: tables and views after FROM, the prefix match first', (t) => {
  if (!ready(t)) return;
  const got = at('SELECT * FROM |');
  for (const n of ['artists', 'albums', 'tracks', 'genres', 'invoice_items', 'album_lengths']) assert.ok(got.includes(n), `expected ${n}; got ${JSON.stringify(got)}`);
  assert.equal(at('SELECT * FROM inv|')[0], 'invoices');
});

test('mysql: columns after alias. are exactly that table\'s', (t) => {
  if (!ready(t)) return;
  assert.deepEqual([...at('SELECT t.| FROM tracks t')].sort(), ['album_id', 'genre_id', 'milliseconds', 'name', 'track_id', 'unit_price']);
  assert.ok(at('SELECT l.| FROM album_lengths l').includes('total_ms'));
});

test('mysql: JOIN offers joins from the introspected foreign keys', (t) => {
  if (!ready(t)) return;
  const got = at('SELECT * FROM albums a JOIN |');
  assert.ok(got.includes('tracks t ON t.album_id = a.album_id'), JSON.stringify(got.slice(0, 10)));
  assert.ok(got.includes('artists a2 ON a2.artist_id = a.artist_id'), JSON.stringify(got.slice(0, 10)));
});

test('mysql: ON offers the foreign-key condition first', (t) => {
  if (!ready(t)) return;
  assert.equal(at('SELECT * FROM tracks t JOIN genres g ON |')[0], 'g.genre_id = t.genre_id');
});

test('mysql: a reserved table name and a spaced column complete in backticks', (t) => {
  if (!ready(t)) return;
  assert.equal(at('SELECT * FROM ord|')[0], '`order`');
  const cols = at('SELECT o.| FROM `order` o');
  assert.ok(cols.includes('`ship to`') && cols.includes('order_id'), JSON.stringify(cols));
  const join = at('SELECT * FROM customers c JOIN |');
  assert.ok(join.includes('`order` o ON o.customer_id = c.customer_id'), JSON.stringify(join.slice(0, 10)));
});
