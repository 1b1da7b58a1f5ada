import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdbEngine, duckdbPath } from '../../src/engines/duckdb/duckdb-engine.js';
import { duckdbErrorPosition } from '../../src/engines/duckdb/duckdb-errors.js';
import { CancelledError, ConnectError, SqlError } from '../../src/core/errors.js';
import type { Connection } from '../../src/engines/engine.js';
import type { ResultEvent, Row } from '../../src/core/result.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-duckdb-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function collect(conn: Connection, sql: string, opts = {}): Promise<{ events: ResultEvent[]; rows: Row[] }> {
  const events: ResultEvent[] = [];
  for await (const ev of conn.execute(sql, opts)) events.push(ev);
  return { events, rows: events.flatMap((e) => (e.type === 'rows' ? e.rows : [])) };
}

describe('duckdb connect', () => {
  test('target paths: file, duckdb:PATH and :memory:', () => {
    assert.equal(duckdbPath({ engine: 'duckdb', path: 'a.duckdb' }), 'a.duckdb');
    assert.equal(duckdbPath({ engine: 'duckdb', url: 'duckdb::memory:' }), ':memory:');
    assert.equal(duckdbPath({ engine: 'duckdb', url: 'duckdb:///tmp/x.duckdb' }), '/tmp/x.duckdb');
    assert.equal(duckdbPath({ engine: 'duckdb', url: 'duckdb:rel/x.duckdb' }), 'rel/x.duckdb');
  });

  test('a file keeps its data; read-only mode refuses writes', async () => {
    const file = join(dir, 'keep.duckdb');
    const rw = await duckdbEngine.connect({ engine: 'duckdb', path: file });
    assert.equal(rw.info.file, file);
    assert.equal(rw.info.url, `duckdb:${file}`);
    await collect(rw, 'CREATE TABLE t AS SELECT 1 AS x');
    await rw.close();
    const ro = await duckdbEngine.connect({ engine: 'duckdb', path: file, readOnly: true });
    try {
      assert.equal(ro.info.readOnly, true);
      assert.deepEqual((await collect(ro, 'SELECT x FROM t')).rows, [[1]]);
      await assert.rejects(collect(ro, 'INSERT INTO t VALUES (2)'), (e: unknown) => e instanceof SqlError && /read-only/i.test(e.message));
    } finally {
      await ro.close();
    }
  });

  test('close lets the file go at once: no descriptor left open, another process can open it', async () => {
    // The binding's results and prepared statements hold the database until V8 collects them; before
    // close collected, the file stayed open (and locked) after close in about half of these runs.
    const file = join(dir, 'release.duckdb');
    const openHere = (): boolean =>
      existsSync('/proc/self/fd') &&
      readdirSync('/proc/self/fd').some((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === file;
        } catch {
          return false;
        }
      });
    for (let i = 0; i < 6; i++) {
      rmSync(file, { force: true });
      const c = await duckdbEngine.connect({ engine: 'duckdb', path: file });
      await collect(c, "CREATE TABLE t AS SELECT x AS id, 'name ' || x AS name FROM range(1, 1000) r(x)");
      await collect(c, 'CHECKPOINT');
      await collect(c, 'SELECT * FROM t', { csv: { nullString: '' } });
      await collect(c, 'SELECT count(*) FROM t');
      await c.close();
      assert.equal(openHere(), false, `run ${i}: the file is still open after close`);
    }
    const script = `import { DuckDBInstance } from '@duckdb/node-api';
      const db = await DuckDBInstance.create(${JSON.stringify(file)});
      const r = await (await db.connect()).runAndReadAll('select count(*)::int from t');
      console.log(r.getRows()[0][0]);`;
    assert.equal(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim(), '999');
  });

  test('memory database', async () => {
    const mem = await duckdbEngine.connect({ engine: 'duckdb', url: 'duckdb::memory:' });
    assert.equal(mem.info.label, ':memory:');
    assert.match(mem.info.serverVersion ?? '', /^v?\d+\.\d+/);
    assert.deepEqual((await collect(mem, 'SELECT 40 + 2 AS answer')).rows, [[42]]);
    await mem.close();
  });

  test('a file that is not a DuckDB database is a clear ConnectError', async () => {
    const bogus = join(dir, 'not-duck.duckdb');
    writeFileSync(bogus, 'SQLite format 3\u0000 and then some bytes that are not duckdb at all'.repeat(100));
    await assert.rejects(duckdbEngine.connect({ engine: 'duckdb', path: bogus }), (e: unknown) => e instanceof ConnectError && /not a DuckDB database file: it is a SQLite/.test(e.message));
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'just some notes, not a database\n');
    await assert.rejects(duckdbEngine.connect({ engine: 'duckdb', path: text }), (e: unknown) => e instanceof ConnectError && /not a DuckDB database file/.test(e.message));
    await assert.rejects(duckdbEngine.connect({ engine: 'duckdb', path: join(dir, 'missing.duckdb'), readOnly: true }), ConnectError);
  });
});

describe('duckdb execute', () => {
  let conn: Connection;
  after(async () => conn?.close());

  test('types round-trip exactly', async () => {
    conn = await duckdbEngine.connect({ engine: 'duckdb', path: ':memory:' });
    const { events, rows } = await collect(conn, `SELECT 170141183460469231731687303715884105727::HUGEINT h, (-9223372036854775808)::BIGINT b, 7::BIGINT small,
      18446744073709551615::UBIGINT ub, 1234567890123456789012345678.0123456789::DECIMAL(38,10) d, [1, 2, 3] l, {'a': 1, 'b': 'x'} s,
      MAP {'k': 1} m, [1, 2]::INTEGER[2] arr, DATE '2024-02-29' dt, TIMESTAMP '2024-01-02 03:04:05.123456' ts, INTERVAL '1 year 2 months 3 days 04:05:06' iv,
      '\\xAA\\x00'::BLOB bl, '6a3c1a9e-8d51-4c0e-9d5c-3a0f1e2b4c5d'::UUID u, '{"a": [1, 2.5]}'::JSON j, true bo, 0.1::DOUBLE db, 'text' v, NULL n,
      union_value(num := 2)::UNION(num INTEGER, str VARCHAR) un, TIME '12:34:56' tm`);
    const cols = events.find((e) => e.type === 'columns');
    assert.ok(cols?.type === 'columns');
    assert.deepEqual(cols.columns.slice(0, 6).map((c) => c.type), ['HUGEINT', 'BIGINT', 'BIGINT', 'UBIGINT', 'DECIMAL(38,10)', 'INTEGER[]']);
    assert.equal(cols.columns[14]!.type, 'JSON');
    assert.deepEqual(rows[0], [
      170141183460469231731687303715884105727n, -9223372036854775808n, 7, 18446744073709551615n,
      { kind: 'decimal', text: '1234567890123456789012345678.0123456789' },
      { kind: 'other', text: '[1, 2, 3]' }, { kind: 'other', text: "{'a': 1, 'b': 'x'}" },
      { kind: 'other', text: "{'k': 1}" }, { kind: 'other', text: '[1, 2]' },
      { kind: 'temporal', text: '2024-02-29' }, { kind: 'temporal', text: '2024-01-02 03:04:05.123456' },
      { kind: 'temporal', text: '1 year 2 months 3 days 04:05:06' }, new Uint8Array([0xaa, 0x00]),
      { kind: 'other', text: '6a3c1a9e-8d51-4c0e-9d5c-3a0f1e2b4c5d' }, { kind: 'json', text: '{"a": [1, 2.5]}' }, true, 0.1, 'text', null,
      { kind: 'other', text: '2' }, { kind: 'temporal', text: '12:34:56' },
    ]);
  });

  test('streams 200k rows from range() in bounded batches', async () => {
    let count = 0;
    let batches = 0;
    let max = 0;
    let last: Row | undefined;
    let done: ResultEvent | undefined;
    for await (const ev of conn.execute('SELECT range AS i, range * 2 AS j FROM range(200000)', { batchSize: 1000 })) {
      if (ev.type === 'rows') {
        batches++;
        count += ev.rows.length;
        max = Math.max(max, ev.rows.length);
        last = ev.rows.at(-1);
      } else if (ev.type === 'done') done = ev;
    }
    assert.equal(count, 200_000);
    assert.ok(batches >= 200 && max <= 1000, `batches ${batches}, largest ${max}`);
    assert.deepEqual(last, [199999, 399998]);
    assert.deepEqual(done, { type: 'done', command: 'SELECT 200000', rowCount: 200000 });
  });

  test('affected rows and command tags', async () => {
    assert.deepEqual((await collect(conn, 'CREATE TABLE t (x INTEGER)')).events.at(-1), { type: 'done', command: 'CREATE TABLE' });
    assert.deepEqual((await collect(conn, 'INSERT INTO t SELECT * FROM range(5)')).events.at(-1), { type: 'done', command: 'INSERT 5', affected: 5 });
    assert.deepEqual((await collect(conn, 'DELETE FROM t WHERE x < 2')).events.at(-1), { type: 'done', command: 'DELETE 2', affected: 2 });
  });

  test('cancel of a long query by signal and by cancel(); the connection still works', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const started = Date.now();
    await assert.rejects(collect(conn, 'SELECT count(*) FROM range(100000000) a, range(100000) b', { signal: ac.signal }), CancelledError);
    assert.ok(Date.now() - started < 30_000);
    const run = collect(conn, 'SELECT count(*) FROM range(100000000) a, range(100000) b');
    setTimeout(() => void conn.cancel(), 200);
    await assert.rejects(run, CancelledError);
    await conn.cancel(); // nothing running
    assert.deepEqual((await collect(conn, 'SELECT 1')).rows, [[1]]);
  });

  test('errors carry a position', async () => {
    const sql = 'SELECT 1,\n  2 FROM nosuch_table';
    await assert.rejects(collect(conn, sql), (e: unknown) => {
      assert.ok(e instanceof SqlError);
      assert.equal(e.code, 'CATALOG');
      assert.equal(e.position, sql.indexOf('nosuch_table'));
      assert.ok(!e.message.includes('LINE 2'), 'the excerpt is replaced by the position');
      return true;
    });
    await assert.rejects(collect(conn, 'SELECT * FROM t WHERE'), (e: unknown) => e instanceof SqlError && e.code === 'PARSER');
  });

  test('transaction status', async () => {
    assert.equal(conn.transactionStatus(), 'idle');
    await collect(conn, 'BEGIN TRANSACTION');
    assert.equal(conn.transactionStatus(), 'in-transaction');
    await assert.rejects(collect(conn, 'SELECT * FROM nosuch_table'));
    assert.equal(conn.transactionStatus(), 'in-transaction', 'a binding error leaves the transaction usable');
    await assert.rejects(collect(conn, "SELECT 'a'::INTEGER"));
    assert.equal(conn.transactionStatus(), 'failed');
    await assert.rejects(collect(conn, 'SELECT 1'), /aborted/);
    await collect(conn, 'ROLLBACK');
    assert.equal(conn.transactionStatus(), 'idle');
  });
});

test('error positions from long, windowed lines', async () => {
  const conn = await duckdbEngine.connect({ engine: 'duckdb', path: ':memory:' });
  try {
    const sql = `SELECT ${'aaaa, '.repeat(30)}zz FROM range(1) t(aaaa)`;
    await assert.rejects(collect(conn, sql), (e: unknown) => e instanceof SqlError && e.position === sql.indexOf('zz'));
  } finally {
    await conn.close();
  }
});

test('introspection with foreign keys, views, indexes, macros and enum types', async () => {
  const conn = await duckdbEngine.connect({ engine: 'duckdb', path: ':memory:' });
  try {
    for (const s of [
      "CREATE TYPE mood AS ENUM ('sad', 'ok')",
      'CREATE TABLE artist (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, m mood)',
      'CREATE TABLE album (id INTEGER, lang VARCHAR, artist_id INTEGER REFERENCES artist (id), title VARCHAR DEFAULT \'untitled\', PRIMARY KEY (id, lang), UNIQUE (title))',
      'CREATE INDEX album_artist ON album (artist_id)',
      'CREATE VIEW v AS SELECT id, title FROM album',
      'CREATE MACRO twice(x) AS x * 2',
      'CREATE SCHEMA other',
      'CREATE TABLE other.thing (k INTEGER)',
    ]) await collect(conn, s);
    const cat = await conn.introspect();
    assert.deepEqual(cat.searchPath, ['main']);
    assert.ok(cat.schemas.includes('main') && cat.schemas.includes('other'));
    assert.ok(cat.databases.includes('memory'));
    const album = cat.relations.find((r) => r.name === 'album');
    assert.deepEqual(album?.primaryKey, ['id', 'lang']);
    assert.deepEqual(album?.columns.find((c) => c.name === 'title'), { name: 'title', type: 'VARCHAR', nullable: true, default: "'untitled'" });
    assert.equal(cat.relations.find((r) => r.name === 'artist')?.columns[1]?.nullable, false);
    assert.equal(cat.relations.find((r) => r.name === 'v')?.kind, 'view');
    assert.ok(cat.relations.some((r) => r.schema === 'other' && r.name === 'thing'));
    assert.deepEqual(cat.foreignKeys.map((f) => ({ ...f, name: undefined })), [{ name: undefined, schema: 'main', table: 'album', columns: ['artist_id'], refSchema: 'main', refTable: 'artist', refColumns: ['id'] }]);
    const idx = cat.indexes.find((i) => i.name === 'album_artist');
    assert.deepEqual(idx && { table: idx.table, columns: idx.columns, unique: idx.unique }, { table: 'album', columns: ['artist_id'], unique: false });
    assert.ok(cat.indexes.some((i) => i.table === 'album' && i.primary));
    assert.ok(cat.indexes.some((i) => i.table === 'album' && i.unique && !i.primary && i.columns[0] === 'title'));
    assert.deepEqual(cat.functions.find((f) => f.name === 'twice'), { schema: 'main', name: 'twice', kind: 'function', args: 'x' });
    assert.equal(cat.functions.find((f) => f.name === 'read_csv')?.kind, 'table');
    assert.equal(cat.functions.find((f) => f.name === 'sum')?.kind, 'aggregate');
    assert.equal(cat.functions.filter((f) => f.name === 'sum').length, 1, 'built-in overloads are listed once');
    assert.ok(cat.datatypes.includes('mood'));
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(conn.introspect(ac.signal), CancelledError);
  } finally {
    await conn.close();
  }
});
