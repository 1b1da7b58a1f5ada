import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ensureDemoDatabase } from '../../src/engines/sqlite/demo-database.js';
import { sqliteEngine } from '../../src/engines/sqlite/sqlite-engine.js';
import { collect, tempDir } from './sqlite-test-helpers.js';

describe('sqlite introspection', () => {
  test('the demo database: tables, view, columns, keys, indexes, functions', async (t) => {
    const { path } = await ensureDemoDatabase(join(tempDir(t), 'demo.db'));
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path, readOnly: true });
    try {
      const cat = await conn.introspect();
      assert.deepEqual(cat.schemas, ['main']);
      assert.deepEqual(cat.searchPath, ['main']);
      const rel = (name: string) => cat.relations.find((r) => r.schema === 'main' && r.name === name);
      for (const name of ['artists', 'albums', 'tracks', 'genres', 'invoices', 'invoice_items', 'customers', 'employees', 'playlist_tracks']) {
        assert.equal(rel(name)?.kind, 'table', name);
      }
      assert.equal(rel('album_sales')?.kind, 'view');
      assert.deepEqual(rel('album_sales')?.columns.map((c) => c.name), ['album_id', 'title', 'artist', 'items_sold', 'revenue']);
      const tracks = rel('tracks')!;
      assert.deepEqual(tracks.primaryKey, ['track_id']);
      const price = tracks.columns.find((c) => c.name === 'unit_price')!;
      assert.equal(price.type, 'NUMERIC');
      assert.equal(price.default, '0.99');
      assert.equal(price.nullable, false);
      assert.equal(tracks.columns.find((c) => c.name === 'composer')?.nullable, true);
      assert.ok((tracks.estimatedRows ?? 0) > 1000, 'estimatedRows from sqlite_stat1');
      assert.deepEqual(rel('playlist_tracks')?.primaryKey, ['playlist_id', 'track_id']);

      const fk = cat.foreignKeys.find((f) => f.table === 'tracks' && f.refTable === 'albums');
      assert.deepEqual(fk && { columns: fk.columns, refColumns: fk.refColumns, schema: fk.schema }, {
        columns: ['album_id'],
        refColumns: ['album_id'],
        schema: 'main',
      });
      const self = cat.foreignKeys.find((f) => f.table === 'employees');
      assert.deepEqual(self && [self.refTable, self.columns, self.refColumns], ['employees', ['reports_to'], ['employee_id']]);
      assert.equal(cat.foreignKeys.find((f) => f.table === 'invoice_items' && f.refTable === 'invoices')?.onDelete, 'CASCADE');

      const idx = cat.indexes.find((i) => i.name === 'tracks_album_id_idx');
      assert.deepEqual(idx && [idx.table, idx.columns, idx.unique, idx.primary], ['tracks', ['album_id'], false, false]);
      assert.match(idx?.definition ?? '', /^CREATE INDEX tracks_album_id_idx/);
      assert.equal(cat.indexes.find((i) => i.name === 'customers_email_key')?.unique, true);
      assert.ok(cat.indexes.some((i) => i.table === 'playlist_tracks' && i.primary && i.unique));

      const fn = (name: string) => cat.functions.filter((f) => f.name === name).map((f) => f.kind);
      assert.deepEqual(fn('abs'), ['function']);
      assert.ok(fn('sum').includes('aggregate'));
      assert.deepEqual(fn('row_number'), ['window']);
    } finally {
      await conn.close();
    }
  });

  test('attached databases and temp objects are schemas, searched temp, main, then attached', async (t) => {
    const dir = tempDir(t);
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: join(dir, 'main.db') });
    try {
      await collect(conn, 'create table m (a integer primary key, b text)');
      assert.deepEqual((await conn.introspect()).schemas, ['main']);
      await collect(conn, `attach database '${join(dir, 'other.db').replace(/'/g, "''")}' as other`);
      await collect(conn, 'create table other."odd ""name""" (x references m)');
      await collect(conn, 'create temp table scratch (y not null default 5)');
      const cat = await conn.introspect();
      assert.deepEqual(cat.schemas, ['main', 'temp', 'other']);
      assert.deepEqual(cat.searchPath, ['temp', 'main', 'other']);
      const odd = cat.relations.find((r) => r.schema === 'other' && r.name === 'odd "name"');
      assert.deepEqual(odd?.columns, [{ name: 'x', type: '', nullable: true }]);
      const scratch = cat.relations.find((r) => r.schema === 'temp' && r.name === 'scratch');
      assert.deepEqual(scratch?.columns, [{ name: 'y', type: '', nullable: false, default: '5' }]);
    } finally {
      await conn.close();
    }
  });

  test('a broken view does not stop introspection of the rest', async () => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: ':memory:' });
    try {
      await collect(conn, 'create table base (a)');
      await collect(conn, 'create table other (z)');
      await collect(conn, 'create view v as select a from base');
      await collect(conn, 'pragma legacy_alter_table = on');
      await collect(conn, 'drop table base');
      const cat = await conn.introspect();
      assert.deepEqual(cat.relations.find((r) => r.name === 'other')?.columns.map((c) => c.name), ['z']);
      assert.equal(cat.relations.find((r) => r.name === 'v')?.kind, 'view');
    } finally {
      await conn.close();
    }
  });

  test('2,000 tables with keys and indexes are read in full', async (t) => {
    const path = join(tempDir(t), 'many.db');
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path });
    try {
      await collect(conn, 'begin');
      for (let i = 0; i < 2000; i++) {
        await collect(conn, `create table t${i} (id integer primary key, parent integer references t${i === 0 ? 0 : i - 1} (id), name text not null, note text)`);
        await collect(conn, `create index t${i}_name on t${i} (name)`);
      }
      await collect(conn, 'commit');
      const cat = await conn.introspect();
      assert.equal(cat.relations.filter((r) => r.kind === 'table').length, 2000);
      assert.equal(cat.foreignKeys.length, 2000);
      assert.equal(cat.indexes.length, 2000);
      assert.deepEqual(cat.relations.find((r) => r.name === 't1999')?.columns.map((c) => c.name), ['id', 'parent', 'name', 'note']);
      assert.deepEqual(cat.foreignKeys.find((f) => f.table === 't1999')?.refTable, 't1998');
    } finally {
      await conn.close();
    }
  });

  test('introspection honours an aborted signal', async () => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: ':memory:' });
    try {
      const ac = new AbortController();
      ac.abort();
      await assert.rejects(conn.introspect(ac.signal), { name: 'CancelledError' });
      assert.deepEqual((await conn.introspect()).schemas, ['main']);
    } finally {
      await conn.close();
    }
  });
});
