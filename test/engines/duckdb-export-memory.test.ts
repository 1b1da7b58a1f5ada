/**
 * DuckDB's memory during a csv export (src/engines/duckdb/duckdb-export-memory.ts): a streaming plan
 * over a database file runs under a small memory_limit, so the blocks the scan read do not stay in the
 * buffer pool; DuckDB's default limit is back after; a limit the user set, in-memory data and plans
 * that hold data (ORDER BY) keep the user's limit; rows too big for the small limit run again with the
 * user's, still on the fast path, with the same bytes.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { exportMemoryLimit, exportPlan, memoryLimitRestore } from '../../src/engines/duckdb/duckdb-export-memory.js';
import type { Connection } from '../../src/engines/engine.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-duckmem-test-'));
const file = join(dir, 'big.duckdb');
const ROWS = 5_000_000; // one column of random BIGINTs: about 40 MB of blocks, more than EXPORT_LIMIT_WORTH and the export's limit
let conn: Connection;
let savedTmp: string | undefined;

/** Runs the statement through the csv fast path, counting bytes; whether the fast path ran. */
async function exportCsv(c: Connection, sql: string): Promise<{ fast: boolean; text: string; bytes: number }> {
  let fast = false;
  let bytes = 0;
  const parts: string[] = [];
  for await (const e of c.execute(sql, { csv: { nullString: '' } })) {
    if (e.type === 'bytes') {
      fast = true;
      bytes += e.bytes.length;
      if (bytes < 1_000_000) parts.push(e.bytes.toString());
    } else if (e.type === 'text') {
      fast = true;
      bytes += e.text.length;
      if (bytes < 1_000_000) parts.push(e.text);
    }
  }
  return { fast, text: parts.join(''), bytes };
}

async function one(c: Connection, sql: string): Promise<unknown> {
  for await (const e of c.execute(sql)) if (e.type === 'rows') return e.rows[0]?.[0];
  return undefined;
}

const cached = (c: Connection): Promise<unknown> =>
  one(c, "select coalesce(sum(memory_usage_bytes), 0)::bigint from duckdb_memory() where tag = 'BASE_TABLE'");
const spilled = (c: Connection): Promise<unknown> => one(c, 'select coalesce(sum(temporary_storage_bytes), 0)::bigint from duckdb_memory()');

before(async () => {
  savedTmp = process.env.TMPDIR;
  const pipes = join(dir, 'tmp');
  mkdirSync(pipes);
  process.env.TMPDIR = pipes;
  const setup = await duckdbEngine.connect({ engine: 'duckdb', path: file });
  for (const stmt of [
    `create table big as select (random() * 9e18)::bigint as x from range(${ROWS})`,
    // rows of 20 KB: 2,048 of them (one chunk) are more than the export's small limit
    `create table wide_rows as select i, repeat(chr(97 + (i % 26)::int), 20000) || i as s from range(5000) t(i)`,
    'checkpoint',
  ]) for await (const _ of setup.execute(stmt));
  await setup.close();
});

after(async () => {
  await conn?.close();
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(dir, { recursive: true, force: true });
});

describe('duckdb csv export memory', () => {
  test('the plans that stream, with the columns their scans read; the others not', async () => {
    conn = await duckdbEngine.connect({ engine: 'duckdb', path: file, readOnly: true });
    const plan = async (sql: string): Promise<ReturnType<typeof exportPlan>> => {
      for await (const e of conn.execute(`EXPLAIN (FORMAT json) ${sql}`)) if (e.type === 'rows') return exportPlan(String(e.rows[0]![1]));
      throw new Error('no plan');
    };
    assert.deepEqual(await plan('select * from big'), { columns: 1 });
    assert.deepEqual(await plan('select i, s || i as t from wide_rows where i > 5 limit 10 offset 0'), undefined); // LIMIT holds rows
    assert.deepEqual(await plan('select i, s from wide_rows where i > 5'), { columns: 3 }); // the filter's column counted again
    assert.deepEqual(await plan('select x * 2 as y from big limit 5'), { columns: 1 });
    assert.deepEqual(await plan('select x, row_number() over () as n from big'), { columns: 1 });
    assert.equal(await plan('select * from big order by x'), undefined);
    assert.equal(await plan('select x, count(*) from big group by x'), undefined);
    assert.equal(await plan('select * from big a join big b using (x)'), undefined);
    assert.equal(await plan('select * from range(10)'), undefined);
    assert.equal(exportPlan('not json'), undefined);
    assert.equal(exportMemoryLimit(6), `${16 * 1024 + 6 * 512}KiB`);
    assert.equal(memoryLimitRestore('18.8 GiB'), "SET memory_limit = '18.85 GiB'");
    assert.equal(memoryLimitRestore('512 bytes'), "SET memory_limit = '512 bytes'");
    assert.equal(memoryLimitRestore('unlimited'), undefined);
  });

  test('a scan of a big table leaves no more than the small limit in the pool, and the default limit is back', async () => {
    const limit = await one(conn, "select current_setting('memory_limit')");
    const out = await exportCsv(conn, 'select * from big');
    assert.equal(out.fast, true);
    assert.ok(out.bytes > ROWS * 10);
    const held = Number(await cached(conn));
    assert.ok(held <= 17 * 1024 * 1024, `blocks left in the pool after the export: ${held}`);
    assert.equal(await one(conn, "select current_setting('memory_limit')"), limit);
    assert.equal(Number(await spilled(conn)), 0);
  });

  test('ORDER BY keeps the user limit: nothing spilled, no temp directory next to the file', async () => {
    const out = await exportCsv(conn, 'select * from big order by x');
    assert.equal(out.fast, true);
    assert.equal(Number(await spilled(conn)), 0);
    assert.equal(existsSync(`${file}.tmp`), false);
  });

  test('an export failing in a transaction: after ROLLBACK the default limit is back (SET fails until then)', async () => {
    for await (const _ of conn.execute('BEGIN'));
    await assert.rejects(exportCsv(conn, `select x, case when rowid = ${ROWS - 10} then error('boom at the end') else 1 end as e from big`), /boom at the end/);
    assert.equal(conn.transactionStatus(), 'failed');
    for await (const _ of conn.execute('ROLLBACK'));
    const out = await exportCsv(conn, 'select * from big order by x');
    assert.equal(out.fast, true);
    assert.equal(Number(await spilled(conn)), 0);
    assert.equal(existsSync(`${file}.tmp`), false);
  });

  test('a memory_limit the user set is kept, and is the one the export runs with', async () => {
    await conn.close();
    conn = await duckdbEngine.connect({ engine: 'duckdb', path: file, readOnly: true });
    for await (const _ of conn.execute("SET memory_limit = '1GB'"));
    const limit = await one(conn, "select current_setting('memory_limit')");
    await exportCsv(conn, 'select * from big');
    assert.equal(await one(conn, "select current_setting('memory_limit')"), limit);
    assert.ok(Number(await cached(conn)) > 20 * 1024 * 1024, 'the blocks stay cached under the user limit');
  });

  test('in-memory data (a temp table) keeps the user limit: nothing of it is spilled', async () => {
    await conn.close();
    conn = await duckdbEngine.connect({ engine: 'duckdb', path: file });
    for await (const _ of conn.execute('create temp table keep as select * from big'));
    await exportCsv(conn, 'select * from big');
    assert.equal(Number(await spilled(conn)), 0);
    for await (const _ of conn.execute('drop table keep'));
  });

  test('a small database file: no EXPLAIN, no smaller limit (nothing much to evict)', async () => {
    const small = join(dir, 'small.duckdb');
    const setup = await duckdbEngine.connect({ engine: 'duckdb', path: small });
    for await (const _ of setup.execute('create table s as select range as x from range(100000)'));
    await setup.close();
    const c = await duckdbEngine.connect({ engine: 'duckdb', path: small, readOnly: true });
    try {
      const statements: string[] = [];
      const inner = (c as unknown as { conn: { stream(sql: string): Promise<unknown> } }).conn;
      const stream = inner.stream.bind(inner);
      inner.stream = (sql: string) => (statements.push(sql), stream(sql));
      assert.equal((await exportCsv(c, 'select * from s')).fast, true);
      assert.equal(statements.filter((s) => /^EXPLAIN/.test(s)).length, 0, statements.join('\n'));
    } finally {
      await c.close();
    }
  });

  test('rows too big for the small limit: COPY runs again with the user limit, on the fast path, the same bytes', async () => {
    await conn.close();
    conn = await duckdbEngine.connect({ engine: 'duckdb', path: file, readOnly: true });
    const sql = 'select i, s from wide_rows';
    const fast = await exportCsv(conn, sql);
    assert.equal(fast.fast, true, 'the fast path ran');
    assert.ok(fast.bytes > 5000 * 20000);
    const plain = (await exportCsv(conn, `${sql} order by i`)).text; // ORDER BY: no small limit
    assert.equal(fast.text.slice(0, 500_000), plain.slice(0, 500_000));
    assert.equal(Number(await spilled(conn)), 0);
  });
});
