import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mysqlEngine } from '../../src/engines/mysql/mysql-engine.js';
import { CancelledError } from '../../src/core/errors.js';
import type { Connection } from '../../src/engines/engine.js';
import { withServer } from '../harness/server-test.js';
import { sharedMariadb } from '../harness/mariadb-server.js';

async function run(conn: Connection, sql: string): Promise<void> {
  for await (const _ of conn.execute(sql)) void _;
}

test('introspection reads tables, views, columns, keys, indexes and routines of the current database', async (t) => {
  const db = await withServer(t, sharedMariadb);
  if (!db) return;
  const conn = await mysqlEngine.connect({ engine: 'mysql', url: db.url }, { env: { HOME: '/nonexistent' } });
  try {
    await run(conn, 'CREATE DATABASE intro_db');
    await run(conn, 'USE intro_db');
    await run(conn, "CREATE TABLE artist (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL DEFAULT 'x' COMMENT 'the name')");
    await run(conn, `CREATE TABLE album (id INT, artist_id INT, lang CHAR(2), title TEXT, PRIMARY KEY (id, lang), UNIQUE KEY u_title (title(20)),
      CONSTRAINT fk_artist FOREIGN KEY (artist_id) REFERENCES artist (id) ON DELETE CASCADE)`);
    await run(conn, 'CREATE VIEW v_album AS SELECT id, title FROM album');
    await run(conn, 'CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2');
    await run(conn, 'CREATE PROCEDURE p_hello(IN who VARCHAR(10), OUT greeting VARCHAR(20)) SET greeting = CONCAT(\'hi \', who)');

    const cat = await conn.introspect();
    assert.deepEqual(cat.searchPath, ['intro_db']);
    assert.ok(cat.schemas.includes('intro_db') && cat.databases.includes(db.database));
    const artist = cat.relations.find((r) => r.name === 'artist');
    assert.ok(artist);
    assert.equal(artist.kind, 'table');
    assert.deepEqual(artist.primaryKey, ['id']);
    assert.deepEqual(artist.columns[1], { name: 'name', type: 'varchar(100)', nullable: false, default: "'x'", comment: 'the name' });
    const album = cat.relations.find((r) => r.name === 'album');
    assert.deepEqual(album?.primaryKey, ['id', 'lang']);
    assert.equal(cat.relations.find((r) => r.name === 'v_album')?.kind, 'view');
    assert.deepEqual(cat.relations.find((r) => r.name === 'v_album')?.columns.map((c) => c.name), ['id', 'title']);
    assert.deepEqual(cat.foreignKeys, [{ name: 'fk_artist', schema: 'intro_db', table: 'album', columns: ['artist_id'], refSchema: 'intro_db',
      refTable: 'artist', refColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'RESTRICT' }]);
    const uniq = cat.indexes.find((i) => i.name === 'u_title');
    assert.deepEqual(uniq && { columns: uniq.columns, unique: uniq.unique, primary: uniq.primary }, { columns: ['title(20)'], unique: true, primary: false });
    assert.ok(cat.indexes.some((i) => i.table === 'album' && i.primary));
    assert.deepEqual(cat.functions.find((f) => f.name === 'twice'), { schema: 'intro_db', name: 'twice', kind: 'function', args: 'x int(11)', returns: 'int(11)' });
    assert.deepEqual(cat.functions.find((f) => f.name === 'p_hello'), { schema: 'intro_db', name: 'p_hello', kind: 'procedure', args: 'who varchar(10), OUT greeting varchar(20)' });

    const ac = new AbortController();
    ac.abort();
    await assert.rejects(conn.introspect(ac.signal), CancelledError);
  } finally {
    await run(conn, 'DROP DATABASE IF EXISTS intro_db');
    await conn.close();
  }
});
