import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDemoDatabase, DEMO_SCHEMA_VERSION } from '../../src/engines/sqlite/demo-database.js';
import { sqliteEngine } from '../../src/engines/sqlite/sqlite-engine.js';
import type { Connection } from '../../src/engines/engine.js';

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-demo-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function rows(conn: Connection, sql: string): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const e of conn.execute(sql)) if (e.type === 'rows') out.push(...e.rows.map((r) => [...r]));
  return out;
}

/** A hash of every row of every table and view, in primary-key order, plus the schema text. */
async function contentHash(path: string): Promise<{ hash: string; counts: Record<string, number> }> {
  const conn = await sqliteEngine.connect({ engine: 'sqlite', path, readOnly: true });
  try {
    const h = createHash('sha256');
    const counts: Record<string, number> = {};
    const objects = await rows(conn, "select name, type, sql from sqlite_schema where name not like 'sqlite_%' order by name");
    for (const [name, type, sql] of objects) {
      h.update(`${type} ${name} ${sql}\n`);
      if (type !== 'table' && type !== 'view') continue;
      const all = await rows(conn, `select * from "${String(name)}" order by 1, 2`);
      counts[String(name)] = all.length;
      for (const r of all) h.update(JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)) + '\n');
    }
    return { hash: h.digest('hex'), counts };
  } finally {
    await conn.close();
  }
}

describe('demo database', () => {
  test('is created in a new 0700 directory, with 10k+ rows, valid foreign keys and its version', async (t) => {
    const dir = join(tempDir(t), 'data', 'sqlsh');
    const path = join(dir, 'demo.db');
    const result = await ensureDemoDatabase(path);
    assert.deepEqual(result, { path, created: true });
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.deepEqual(readdirSync(dir), ['demo.db'], 'no temporary file is left behind');
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path, readOnly: true });
    try {
      assert.deepEqual(await rows(conn, 'pragma user_version'), [[DEMO_SCHEMA_VERSION]]);
      assert.deepEqual(await rows(conn, 'pragma foreign_key_check'), []);
      const tables = (await rows(conn, "select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'")).map((r) => r[0]);
      assert.ok(tables.length >= 10 && tables.length <= 12, `table count ${tables.length}`);
      let total = 0;
      for (const name of tables) total += Number((await rows(conn, `select count(*) from "${String(name)}"`))[0]![0]);
      assert.ok(total >= 10000, `only ${total} rows`);
      assert.ok((await rows(conn, "select 1 from playlists where name like '%🚗%'")).length === 1, 'an emoji playlist');
      assert.ok((await rows(conn, "select 1 from artists where name = '星野ひかり'")).length === 1, 'a Japanese name');
      assert.ok(Number((await rows(conn, 'select count(*) from tracks where composer is null'))[0]![0]) > 0, 'some NULLs');
      const views = await rows(conn, "select name from sqlite_schema where type = 'view' order by name");
      assert.deepEqual(views, [['album_sales'], ['track_details']]);
      assert.ok((await rows(conn, 'select * from album_sales limit 5')).length === 5);
      assert.equal(Number((await rows(conn, 'select count(*) from employees where reports_to is null'))[0]![0]), 1);
    } finally {
      await conn.close();
    }
  });

  test('two builds have identical contents', async (t) => {
    const dir = tempDir(t);
    await ensureDemoDatabase(join(dir, 'a.db'));
    await ensureDemoDatabase(join(dir, 'b.db'));
    const a = await contentHash(join(dir, 'a.db'));
    const b = await contentHash(join(dir, 'b.db'));
    assert.equal(a.hash, b.hash);
    assert.deepEqual(a.counts, b.counts);
    assert.ok((a.counts['invoice_items'] ?? 0) > 5000);
  });

  test('an existing file is never overwritten', async (t) => {
    const dir = tempDir(t);
    const path = join(dir, 'demo.db');
    writeFileSync(path, 'my own precious file');
    assert.deepEqual(await ensureDemoDatabase(path), { path, created: false });
    assert.equal(readFileSync(path, 'utf8'), 'my own precious file');
    const again = join(dir, 'again.db');
    await ensureDemoDatabase(again);
    const before = readFileSync(again);
    assert.deepEqual(await ensureDemoDatabase(again), { path: again, created: false });
    assert.deepEqual(readFileSync(again), before);
  });
});
