/**
 * A long DuckDB export does not keep the whole database file in DuckDB's buffer pool
 * (duckdb-cache-trim.ts), on a real 4M-row file (~60 MB): after a csv export (DuckDB's COPY) and
 * after an ordinary export (rows), the blocks DuckDB still caches are a fraction of the file
 * (without the trim, all of it: checked by the session that sets its own memory_limit, which is
 * never trimmed). Each export is whole, and the session's memory_limit reads as before.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { setsMemoryLimit, TRIM_AT } from '../../src/engines/duckdb/duckdb-cache-trim.js';
import type { Connection } from '../../src/engines/engine.js';

const ROWS = 4_000_000;
const dir = mkdtempSync(join(tmpdir(), 'sqlsh-ducktrim-test-'));
const file = join(dir, 'rows.duckdb');

async function values(c: Connection, sql: string): Promise<(readonly unknown[])[]> {
  const rows: (readonly unknown[])[] = [];
  for await (const e of c.execute(sql)) if (e.type === 'rows') rows.push(...e.rows);
  return rows;
}

/** Bytes of database-file blocks in DuckDB's buffer pool. */
async function cachedBytes(c: Connection): Promise<number> {
  const [[bytes]] = (await values(c, "select coalesce(sum(memory_usage_bytes), 0) from duckdb_memory() where tag in ('BASE_TABLE', 'METADATA', 'OVERFLOW_STRINGS')")) as [[unknown]];
  return Number(bytes);
}

async function limit(c: Connection): Promise<string> {
  const [[value]] = (await values(c, "select current_setting('memory_limit')")) as [[unknown]];
  return String(value);
}

/** Exports `select * from t` (csv through COPY, or rows) and returns what it counted. */
async function exportAll(c: Connection, csv: boolean): Promise<{ rows: number; last: string }> {
  let rows = 0;
  let last = '';
  let tail = '';
  for await (const e of c.execute('select id, name, amount, note from t', csv ? { csv: { nullString: '' } } : {})) {
    if (e.type === 'rows') {
      rows += e.rows.length;
      last = e.rows.length ? JSON.stringify(e.rows[e.rows.length - 1]) : last;
    } else if (e.type === 'bytes' || e.type === 'text') {
      const text = tail + (e.type === 'bytes' ? Buffer.from(e.bytes).toString('utf8') : e.text);
      const lines = text.split('\n');
      tail = lines.pop()!;
      rows += lines.length;
      if (lines.length) last = lines[lines.length - 1]!;
    }
  }
  return { rows, last };
}

describe('DuckDB cache trim', () => {
  before(async () => {
    const c = await duckdbEngine.connect({ engine: 'duckdb', path: file });
    try {
      await values(c, `create table t as select x as id, 'name ' || x as name, x * 1.25::double as amount,
        case when x % 7 = 0 then null else concat('note, "quoted" ', x) end as note from range(1, ${ROWS + 1}) r(x)`);
      await values(c, 'checkpoint');
    } finally {
      await c.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const csv of [true, false]) {
    test(`${csv ? 'csv (COPY)' : 'rows'}: the file's blocks do not stay cached, the export is whole`, async () => {
      const c = await duckdbEngine.connect({ engine: 'duckdb', path: file });
      try {
        const before = await limit(c);
        const out = await exportAll(c, csv);
        assert.equal(out.rows, ROWS);
        assert.equal(out.last, csv ? `${ROWS},name ${ROWS},${ROWS * 1.25},"note, ""quoted"" ${ROWS}"` : JSON.stringify([ROWS, `name ${ROWS}`, ROWS * 1.25, `note, "quoted" ${ROWS}`]));
        const cached = await cachedBytes(c);
        assert.ok(cached < TRIM_AT + (8 << 20), `DuckDB still caches ${(cached / 2 ** 20).toFixed(1)} MB of the file`);
        assert.equal(await limit(c), before, 'memory_limit reads as before');
      } finally {
        await c.close();
      }
    });
  }

  test('a session that sets its own memory_limit keeps it, and is not trimmed', async () => {
    const c = await duckdbEngine.connect({ engine: 'duckdb', path: file });
    try {
      await values(c, "set memory_limit = '8GB'");
      const before = await limit(c);
      assert.match(before, /GiB/);
      for (const csv of [true, false]) {
        const out = await exportAll(c, csv);
        assert.equal(out.rows, ROWS);
        assert.equal(await limit(c), before);
      }
      const cached = await cachedBytes(c);
      assert.ok(cached > 30 << 20, `the untrimmed cache holds the file: ${(cached / 2 ** 20).toFixed(1)} MB`);
    } finally {
      await c.close();
    }
  });
});

test('what counts as setting memory_limit', () => {
  for (const sql of ["SET memory_limit = '1GB'", "set global max_memory='2GB'", 'RESET memory_limit', "pragma memory_limit='1GB'", "  SET  SESSION  memory_limit TO '3GB'"]) {
    assert.ok(setsMemoryLimit(sql), sql);
  }
  for (const sql of ["select current_setting('memory_limit')", "select * from duckdb_settings() where name = 'memory_limit'", 'select 1']) {
    assert.ok(!setsMemoryLimit(sql), sql);
  }
});
