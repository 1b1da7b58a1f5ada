/**
 * Completion against catalogs introspected from real databases, one loop over every engine
 * (SQLite and DuckDB files; PostgreSQL and MariaDB servers, skipped outside CI when they cannot
 * start). The setups and each engine's extra expectations are in integration-fixtures.ts.
 */
import { test, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { buildCatalog, type Catalog } from '../../src/catalog/catalog.js';
import { complete } from '../../src/complete/complete.js';
import { withServer } from '../harness/server-test.js';
import { ENGINE_SETUPS, type EngineSetup, type Expectation, type OpenedEngine } from './integration-fixtures.js';

/** Candidate texts at the `|` marker. */
type At = (q: string) => string[];

const opened: Promise<OpenedEngine>[] = [];
after(async () => {
  for (const p of opened) await (await p.catch(() => undefined))?.close();
});

/** The engine's catalog, opened on first use; undefined when the test was skipped (server unavailable outside CI). */
function catalogOf(setup: EngineSetup): (t: TestContext) => Promise<At | undefined> {
  let ready: Promise<Catalog> | undefined;
  return async (t) => {
    let url: string | undefined;
    if (setup.start) {
      const server = await withServer(t, setup.start);
      if (!server) return undefined;
      url = server.url;
    }
    if (!ready) {
      const open = setup.open(url);
      opened.push(open);
      ready = open.then(({ conn }) => conn.introspect().then((data) => buildCatalog(data, conn.dialect)));
    }
    const catalog = await ready;
    return (q) => {
      const cursor = q.indexOf('|');
      return complete(q.slice(0, cursor) + q.slice(cursor + 1), cursor, catalog, { maxResults: 400 }).map((c) => c.text);
    };
  };
}

/** Checks every field of `e` that is set. */
function check(at: At, e: Expectation): void {
  const got = at(e.at);
  const where = `at ${JSON.stringify(e.at)}${e.why ? ` (${e.why})` : ''}`;
  if (e.first !== undefined) assert.equal(got[0], e.first, `${where}: first`);
  for (const n of e.includes ?? []) assert.ok(got.includes(n), `${where}: expected ${n}; got ${JSON.stringify(got.slice(0, 10))}`);
  for (const n of e.excludes ?? []) assert.ok(!got.includes(n), `${where}: ${n} is not offered; got ${JSON.stringify(got)}`);
  if (e.exactly) assert.deepEqual([...got].sort(), [...e.exactly].sort(), where);
}

const MUSIC_RELATIONS = ['artists', 'albums', 'tracks', 'genres', 'invoice_items', 'album_lengths'];

for (const setup of ENGINE_SETUPS) {
  const id = setup.id;
  const open = catalogOf(setup);

  test(`${id}: tables and views after FROM, the prefix match first`, async (t) => {
    const at = await open(t);
    if (!at) return;
    check(at, { at: 'SELECT * FROM |', includes: MUSIC_RELATIONS });
    check(at, { at: 'SELECT * FROM inv|', first: 'invoices' });
    for (const e of setup.from ?? []) check(at, e);
  });

  test(`${id}: columns after alias. are exactly that table's`, async (t) => {
    const at = await open(t);
    if (!at) return;
    check(at, { at: 'SELECT t.| FROM tracks t', exactly: ['album_id', 'genre_id', 'milliseconds', 'name', 'track_id', 'unit_price'] });
    check(at, { at: 'SELECT l.| FROM album_lengths l', includes: ['total_ms'] });
  });

  test(`${id}: JOIN offers joins from the introspected foreign keys`, async (t) => {
    const at = await open(t);
    if (!at) return;
    check(at, { at: 'SELECT * FROM albums a JOIN |', includes: ['tracks t ON t.album_id = a.album_id', 'artists a2 ON a2.artist_id = a.artist_id'] });
    for (const e of setup.joins ?? []) check(at, e);
  });

  test(`${id}: ON offers the foreign-key condition first`, async (t) => {
    const at = await open(t);
    if (!at) return;
    check(at, { at: 'SELECT * FROM tracks t JOIN genres g ON |', first: 'g.genre_id = t.genre_id' });
  });

  const schema = setup.schema;
  if (schema) {
    test(`${id}: ${schema.title}`, async (t) => {
      const at = await open(t);
      if (!at) return;
      const tables = ['orders', 'regions'];
      check(at, { at: `SELECT * FROM ${schema.name}.|`, includes: tables, excludes: ['artists', 'tracks'], why: `the main tables are not in ${schema.name}`, ...(schema.onlyItsTables ? { exactly: tables } : {}) });
      check(at, { at: `SELECT o.| FROM ${schema.name}.orders o`, includes: ['amount'] });
      check(at, { at: 'SELECT * FROM |', includes: [schema.name], why: 'schemas are offered after FROM' });
    });
  }

  const quoting = setup.quoting;
  if (quoting) {
    test(`${id}: ${quoting.title}`, async (t) => {
      const at = await open(t);
      if (!at) return;
      for (const e of quoting.checks) check(at, e);
    });
  }
}
