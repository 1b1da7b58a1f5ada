/** Completion against a catalog introspected from a real PostgreSQL database (public + `sales` schemas, a mixed-case table). */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildCatalog, type Catalog } from '../../src/catalog/catalog.js';
import { complete } from '../../src/complete/complete.js';
import type { Connection } from '../../src/engines/engine.js';
import { engineById } from '../../src/engines/registry.js';
import { sharedPostgres, type PgServer } from '../harness/postgres-server.js';
import { cleanEnv } from '../harness/postgres-helpers.js';
import { serverTestMode, startFailureReason } from '../harness/server-test.js';

const DB = 'sqlsh_complete_music';
const SCHEMA = [
  'CREATE TABLE artists (artist_id integer PRIMARY KEY, name text NOT NULL)',
  'CREATE TABLE albums (album_id integer PRIMARY KEY, title text, artist_id integer REFERENCES artists (artist_id))',
  'CREATE TABLE genres (genre_id integer PRIMARY KEY, name text)',
  `CREATE TABLE tracks (track_id integer PRIMARY KEY, name text, album_id integer REFERENCES albums (album_id),
     genre_id integer REFERENCES genres (genre_id), milliseconds integer, unit_price numeric(10, 2))`,
  'CREATE TABLE customers (customer_id integer PRIMARY KEY, first_name text, last_name text, email text)',
  'CREATE TABLE invoices (invoice_id integer PRIMARY KEY, customer_id integer REFERENCES customers (customer_id), total numeric(10, 2))',
  `CREATE TABLE invoice_items (invoice_item_id integer PRIMARY KEY, invoice_id integer REFERENCES invoices (invoice_id),
     track_id integer REFERENCES tracks (track_id), quantity integer)`,
  'CREATE TABLE "TrackPlays" ("PlayId" integer PRIMARY KEY, "TrackId" integer REFERENCES tracks (track_id), "Played At" timestamptz)',
  'CREATE VIEW album_lengths AS SELECT album_id, sum(milliseconds) AS total_ms FROM tracks GROUP BY album_id',
  'CREATE SCHEMA sales',
  'CREATE TABLE sales.regions (region_id integer PRIMARY KEY, region_name text)',
  'CREATE TABLE sales.orders (order_id integer PRIMARY KEY, customer_id integer REFERENCES public.customers (customer_id), region_id integer REFERENCES sales.regions (region_id), amount numeric(10, 2))',
];

let server: PgServer | undefined;
let conn: Connection | undefined;
let catalog: Catalog;
let unavailable: string | undefined;

async function run(c: Connection, sql: string): Promise<void> {
  for await (const e of c.execute(sql)) void e;
}

before(async () => {
  try {
    server = await sharedPostgres();
  } catch (err) {
    if (serverTestMode() === 'required') throw err;
    unavailable = startFailureReason(err);
    return;
  }
  const engine = await engineById('postgres').load();
  // a database of its own, so tests sharing the server cannot collide with these names
  const admin = await engine.connect({ engine: 'postgres', url: server.url }, { env: cleanEnv() });
  try {
    await run(admin, `DROP DATABASE IF EXISTS ${DB}`);
    await run(admin, `CREATE DATABASE ${DB}`);
  } finally {
    await admin.close();
  }
  conn = await engine.connect({ engine: 'postgres', url: server.url, database: DB }, { env: cleanEnv() });
  for (const sql of SCHEMA) await run(conn, sql);
  catalog = buildCatalog(await conn.introspect(), conn.dialect);
});
after(async () => {
  await conn?.close();
  if (!server) return;
  const engine = await engineById('postgres').load();
  const admin = await engine.connect({ engine: 'postgres', url: server.url }, { env: cleanEnv() }).catch(() => undefined);
  if (admin) {
    await run(admin, `DROP DATABASE IF EXISTS ${DB}`).catch(() => undefined);
    await admin.close();
  }
});

/** Candidate texts at the `|` marker. */
function at(q: string): string[] {
  const cursor = q.indexOf('|');
  return complete(q.slice(0, cursor) + q.slice(cursor + 1), cursor, catalog, { maxResults: 400 }).map((c) => c.text);
}

/** Skips (or, under CI, fails) when the server could not start. */
function ready(t: { skip(msg: string): void }): boolean {
  if (unavailable !== undefined) t.skip(`server unavailable: ${unavailable}`);
  return unavailable === undefined;
}

test('postgres: tables and views after FROM, the prefix match first', (t) => {
  if (!ready(t)) return;
  const got = at('SELECT * FROM |');
  for (const n of ['artists', 'albums', 'tracks', 'genres', 'invoice_items', 'album_lengths', 'sales']) assert.ok(got.includes(n), `expected ${n}; got ${JSON.stringify(got)}`);
  assert.equal(at('SELECT * FROM inv|')[0], 'invoices');
  assert.ok(!got.includes('orders'), 'sales.orders is not on the search path: it is not offered bare');
});

test('postgres: columns after alias. are exactly that table\'s', (t) => {
  if (!ready(t)) return;
  assert.deepEqual([...at('SELECT t.| FROM tracks t')].sort(), ['album_id', 'genre_id', 'milliseconds', 'name', 'track_id', 'unit_price']);
  assert.ok(at('SELECT l.| FROM album_lengths l').includes('total_ms'));
});

test('postgres: JOIN offers joins from the introspected foreign keys', (t) => {
  if (!ready(t)) return;
  const got = at('SELECT * FROM albums a JOIN |');
  assert.ok(got.includes('tracks t ON t.album_id = a.album_id'), JSON.stringify(got.slice(0, 10)));
  assert.ok(got.includes('artists a2 ON a2.artist_id = a.artist_id'), JSON.stringify(got.slice(0, 10)));
  const fromSales = at('SELECT * FROM customers c JOIN |');
  assert.ok(fromSales.includes('sales.orders o ON o.customer_id = c.customer_id'), JSON.stringify(fromSales.slice(0, 10)));
});

test('postgres: ON offers the foreign-key condition first', (t) => {
  if (!ready(t)) return;
  assert.equal(at('SELECT * FROM tracks t JOIN genres g ON |')[0], 'g.genre_id = t.genre_id');
});

test('postgres: a mixed-case table and its columns complete quoted', (t) => {
  if (!ready(t)) return;
  assert.equal(at('SELECT * FROM TrackP|')[0], '"TrackPlays"');
  assert.ok(at('SELECT * FROM Track|').includes('"TrackPlays"'));
  const cols = at('SELECT p.| FROM "TrackPlays" p');
  assert.deepEqual([...cols].sort(), ['"PlayId"', '"Played At"', '"TrackId"']);
  const join = at('SELECT * FROM tracks t JOIN |');
  assert.ok(join.includes('"TrackPlays" tp ON tp."TrackId" = t.track_id'), JSON.stringify(join.slice(0, 10)));
});

test('postgres: the sales schema completes its tables after sales.', (t) => {
  if (!ready(t)) return;
  assert.deepEqual([...at('SELECT * FROM sales.|')].sort(), ['orders', 'regions']);
  assert.ok(at('SELECT o.| FROM sales.orders o').includes('amount'));
});
