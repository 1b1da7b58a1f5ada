/**
 * Every shared feature, looped over every engine (the kysely way). The engine table, with each
 * engine's SQL and its genuine differences, is in all-engines-fixtures.ts. Server engines run on
 * the harness's throw-away servers: skipped outside CI when they cannot start, failing under CI=true.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CancelledError, SqlError } from '../../src/core/errors.js';
import type { Connection } from '../../src/engines/engine.js';
import type { ColumnInfo, Row, Value } from '../../src/core/result.js';
import { CATALOG_DDL, ENGINE_SETUPS, disposeFixtures } from './all-engines-fixtures.js';

after(disposeFixtures);

interface Collected {
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly Row[];
  readonly batches: readonly number[];
}

async function collect(conn: Connection, sql: string, opts?: { signal?: AbortSignal }): Promise<Collected> {
  let columns: readonly ColumnInfo[] = [];
  const rows: Row[] = [];
  const batches: number[] = [];
  for await (const e of conn.execute(sql, opts)) {
    if (e.type === 'columns') columns = e.columns;
    if (e.type === 'rows') {
      batches.push(e.rows.length);
      rows.push(...e.rows);
    }
  }
  return { columns, rows, batches };
}

async function scalar(conn: Connection, sql: string): Promise<Value | undefined> {
  return (await collect(conn, sql)).rows[0]?.[0];
}

/** The error a statement throws (fails the test when it succeeds). */
async function failure(conn: Connection, sql: string, opts?: { signal?: AbortSignal }): Promise<unknown> {
  try {
    await collect(conn, sql, opts);
  } catch (e) {
    return e;
  }
  assert.fail(`expected ${JSON.stringify(sql)} to fail, but it succeeded`);
}

const CANCEL_BOUND_MS = 20_000;

for (const setup of ENGINE_SETUPS) {
  describe(`all engines: ${setup.id}`, () => {
    test('connects; ConnectionInfo names the engine and never holds the password', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      assert.equal(conn.info.engine, setup.id);
      assert.equal(conn.dialect.id, setup.id);
      assert.ok(conn.info.label.length > 0, 'empty label');
      assert.match(conn.info.url, /^[a-z]+:/, `url ${conn.info.url} has no scheme`);
      const printed = JSON.stringify(conn.info);
      for (const secret of setup.secretsOf(conn)) assert.ok(!printed.includes(secret), `ConnectionInfo shows the password: ${printed}`);
      assert.equal(conn.transactionStatus(), 'idle');
    });

    test('select of integer, text, NULL and float', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      const r = await collect(conn, setup.scalars);
      assert.deepEqual(r.columns.map((c) => c.name), ['i', 't', 'n', 'f']);
      assert.equal(r.rows.length, 1);
      const [i, text, n, f] = r.rows[0]!;
      assert.equal(Number(i), 42); // int4 is a number, 64-bit engines may give bigint: both exact
      assert.equal(text, 'text');
      assert.equal(n, null);
      assert.equal(f, 1.5);
    });

    test('a 64-bit integer arrives exact, as a bigint', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      assert.equal(await scalar(conn, setup.maxBigint), 9223372036854775807n);
    });

    test('a 30-digit decimal arrives exact', async (t) => {
      const sql = setup.decimal30;
      if (typeof sql !== 'string') return t.skip(sql.skip);
      const conn = await setup.open(t);
      if (!conn) return;
      assert.deepEqual(await scalar(conn, sql), { kind: 'decimal', text: '123456789012345678901.123456789' });
    });

    test('a blob/bytea arrives as a Uint8Array', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      const v = await scalar(conn, setup.blob);
      assert.ok(v instanceof Uint8Array, `expected a Uint8Array, got ${typeof v}: ${String(v)}`);
      assert.deepEqual([...v], [0x00, 0xff, 0x10]);
    });

    test('100k generated rows stream in several bounded batches, in order', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      const n = 100_000;
      const r = await collect(conn, setup.rowsUpTo(n));
      assert.equal(r.rows.length, n);
      assert.ok(r.batches.length >= 20, `only ${r.batches.length} batches: the result was not streamed`);
      const biggest = Math.max(...r.batches);
      assert.ok(biggest <= 5000, `a batch of ${biggest} rows: batches must stay bounded`);
      assert.ok(r.batches.every((b) => b > 0), 'an empty rows event');
      assert.equal(Number(r.rows[0]![0]), 1);
      assert.equal(Number(r.rows[n - 1]![0]), n);
      let sum = 0;
      for (const row of r.rows) sum += Number(row[0]);
      assert.equal(sum, (n * (n + 1)) / 2, 'rows were lost or repeated');
    });

    test('a syntax error is an SqlError whose position points at the bad token', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      const sql = 'select 1 as one,\n  2 as two\nfrom where x = 1';
      const e = await failure(conn, sql);
      assert.ok(e instanceof SqlError, `expected SqlError, got ${String(e)}`);
      assert.equal(e.position, sql.indexOf('where'), `position ${e.position} points at ${JSON.stringify(sql.slice(e.position ?? 0))}`);
      assert.equal(await scalar(conn, 'select 7'), 7);
    });

    test('the error position is the bad token even when its text appears earlier', { todo: setup.todo.repeatedTokenPosition }, async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      // "frm" is taken as a column alias, so the error is at the final 't', whose letter is also in "select".
      const sql = 'select 1 frm t';
      const e = await failure(conn, sql);
      assert.ok(e instanceof SqlError, `expected SqlError, got ${String(e)}`);
      assert.equal(e.position, sql.lastIndexOf('t'), `position ${e.position} points at ${JSON.stringify(sql.slice(e.position ?? 0))}`);
    });

    test('transaction status: idle, in-transaction after begin, idle after commit and rollback', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      assert.equal(conn.transactionStatus(), 'idle');
      await collect(conn, 'begin');
      assert.equal(conn.transactionStatus(), 'in-transaction');
      assert.equal(Number(await scalar(conn, 'select 1')), 1);
      assert.equal(conn.transactionStatus(), 'in-transaction');
      await collect(conn, 'commit');
      assert.equal(conn.transactionStatus(), 'idle');
      await collect(conn, 'begin');
      assert.equal(conn.transactionStatus(), 'in-transaction');
      await collect(conn, 'rollback');
      assert.equal(conn.transactionStatus(), 'idle');
    });

    test('an AbortSignal cancels a long statement with CancelledError; the connection goes on', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      const ac = new AbortController();
      const timer = setTimeout(() => ac.abort(), 300);
      const started = Date.now();
      const e = await failure(conn, setup.longStatement, { signal: ac.signal });
      clearTimeout(timer);
      const took = Date.now() - started;
      assert.ok(e instanceof CancelledError, `expected CancelledError, got ${String(e)}`);
      assert.ok(took < CANCEL_BOUND_MS, `cancel took ${took} ms (bound ${CANCEL_BOUND_MS} ms)`);
      assert.equal(Number(await scalar(conn, 'select 1')), 1);
      assert.equal(conn.transactionStatus(), 'idle');
    });

    test('introspection sees two tables, the foreign key between them and the view', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      for (const ddl of CATALOG_DDL) await collect(conn, ddl);
      const schema = setup.schemaOf(conn);
      const cat = await conn.introspect();
      const find = (name: string) => cat.relations.find((r) => r.schema === schema && r.name === name);
      const artist = find('artist');
      const album = find('album');
      const view = find('album_titles');
      const seen = cat.relations.map((r) => `${r.schema}.${r.name}`).join(', ');
      assert.equal(artist?.kind, 'table', `no table ${schema}.artist in: ${seen}`);
      assert.equal(album?.kind, 'table', `no table ${schema}.album in: ${seen}`);
      assert.equal(view?.kind, 'view', `no view ${schema}.album_titles in: ${seen}`);
      assert.deepEqual(album.columns.map((c) => c.name), ['id', 'artist_id', 'title']);
      assert.deepEqual(album.primaryKey, ['id']);
      assert.deepEqual(view.columns.map((c) => c.name), ['title', 'name']);
      const fks = cat.foreignKeys.filter((f) => f.schema === schema && f.table === 'album');
      assert.equal(fks.length, 1, `foreign keys of album: ${JSON.stringify(cat.foreignKeys)}`);
      assert.deepEqual(
        { columns: fks[0]!.columns, refSchema: fks[0]!.refSchema, refTable: fks[0]!.refTable, refColumns: fks[0]!.refColumns },
        { columns: ['artist_id'], refSchema: schema, refTable: 'artist', refColumns: ['id'] },
      );
    });
  });
}
