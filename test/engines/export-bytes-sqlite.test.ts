/**
 * The SQLite csv and tsv fast paths (ExecuteOptions.csv, .tsv: the engine formats the rows where it
 * reads them) write the same bytes as the ordinary path (rows, then the csv or tsv sink), on the
 * values where csv and tsv are easy to get wrong: NULL and '', quotes, commas, tabs, backslashes,
 * CR/LF, control characters, a lone \., blobs, floats, integers beyond 2^53, text that is not valid
 * UTF-8; with the default and other null strings; and the same row count in 'done'. Real database
 * file, in the worker (the shell) and on the main thread (a script).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ColumnInfo, ResultEvent, Row } from '../../src/core/result.js';
import { encodeUtf8Escaped } from '../../src/core/surrogate-escape.js';
import type { Connection } from '../../src/engines/engine.js';
import { sqliteEngine } from '../../src/engines/sqlite/sqlite-engine.js';
import { CsvSink } from '../../src/output/csv-sink.js';
import { TsvSink } from '../../src/output/tsv-sink.js';
import { tempDir } from './sqlite-test-helpers.js';

function makeDb(dir: string): string {
  const path = join(dir, 'export.db');
  const db = new Database(path);
  db.exec('create table t (id integer, txt text, num, blob_ blob)');
  const ins = db.prepare('insert into t values (?, ?, ?, ?)');
  const texts = [null, '', 'plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', '\\.', 'NULL', '日本語 👍🏽', ' lead', 'x'.repeat(5000), 'tab\there', 'back\\slash\\', '\b\f\v\x01', '\\N'];
  const nums: unknown[] = [null, 0, -0.0, 0.1, 1.25, 1e300, -1e-300, 2 ** 53 - 1, 2n ** 53n + 1n, -(2n ** 63n), 2n ** 63n - 1n, 3.141592653589793, 123456789012];
  for (let i = 0; i < 300; i++) {
    ins.run(i, texts[i % texts.length], nums[i % nums.length] as never, i % 17 === 0 ? Buffer.from([0, 0xff, 0x10, i & 0xff]) : null);
  }
  // TEXT that is not valid UTF-8 (kept byte for byte in files and pipes)
  db.prepare('insert into t values (?, cast(? as text), ?, ?)').run(1000, Buffer.from('e282acff2c22410a', 'hex'), 1, null);
  db.exec(`create table one (v text); insert into one values ('\\.'), ('a'), (null), ('')`);
  db.close();
  return path;
}

type Format = 'csv' | 'tsv';
const sinkFor = (format: Format, write: (t: string) => void, nullString: string): CsvSink | TsvSink =>
  format === 'csv' ? new CsvSink({ write }, { nullString, header: true }) : new TsvSink({ write }, { nullString, header: true });

/** csv or tsv bytes through the ordinary path: rows, then the sink. */
async function ordinary(conn: Connection, sql: string, nullString: string, format: Format = 'csv'): Promise<{ bytes: Buffer; rowCount?: number }> {
  let text = '';
  const sink = sinkFor(format, (t) => void (text += t), nullString);
  let rowCount: number | undefined;
  for await (const e of conn.execute(sql)) {
    if (e.type === 'columns') await sink.begin(e.columns);
    else if (e.type === 'rows') await sink.rows(e.rows as Row[]);
    else if (e.type === 'text') assert.fail('no text events without ExecuteOptions.csv');
    else if (e.type === 'done') rowCount = e.rowCount;
  }
  return { bytes: encodeUtf8Escaped(text), rowCount };
}

/** csv or tsv bytes through the fast path: the sink writes the header, the engine the rows. */
async function fast(conn: Connection, sql: string, nullString: string, format: Format = 'csv'): Promise<{ bytes: Buffer; rowCount?: number; textEvents: number }> {
  const parts: Buffer[] = [];
  const sink = sinkFor(format, (t) => void parts.push(encodeUtf8Escaped(t)), nullString);
  let rowCount: number | undefined;
  let textEvents = 0;
  for await (const e of conn.execute(sql, { [format]: { nullString } }) as AsyncIterable<ResultEvent>) {
    if (e.type === 'columns') await sink.begin(e.columns as ColumnInfo[]);
    else if (e.type === 'rows') assert.fail(`rows came as values on the ${format} fast path`);
    else if (e.type === 'text') {
      textEvents++;
      parts.push(encodeUtf8Escaped(e.text));
    } else if (e.type === 'bytes') {
      // the native helper's chunk that holds TEXT that is not valid UTF-8
      textEvents++;
      parts.push(Buffer.from(e.bytes));
    } else if (e.type === 'done') rowCount = e.rowCount;
  }
  return { bytes: Buffer.concat(parts), rowCount, textEvents };
}

/**
 * Runs the tests with the native helper's export (native/sqlsh-export.cc) and, as where it was not
 * built, with the JavaScript one (sqlite-csv-batches.ts). The worker copies the environment when it starts.
 */
function withNativeExport(on: boolean, t: { after(fn: () => void): void }): void {
  const before = process.env['SQLSH_SQLITE_NATIVE_EXPORT'];
  if (on) delete process.env['SQLSH_SQLITE_NATIVE_EXPORT'];
  else process.env['SQLSH_SQLITE_NATIVE_EXPORT'] = '0';
  t.after(() => {
    if (before === undefined) delete process.env['SQLSH_SQLITE_NATIVE_EXPORT'];
    else process.env['SQLSH_SQLITE_NATIVE_EXPORT'] = before;
  });
}

describe('SQLite csv and tsv formatted where the rows are read', () => {
  for (const [where, inThread] of [['in the worker', false], ['on the main thread', true]] as const) {
    for (const format of ['csv', 'tsv'] as const) {
      for (const nativeExport of [true, false]) {
      test(`${format} ${where}${nativeExport ? '' : ' (JavaScript formatter)'}: the same bytes and row count as the ordinary path`, async (t) => {
        withNativeExport(nativeExport, t);
        const conn = await sqliteEngine.connect({ engine: 'sqlite', path: makeDb(tempDir(t)) }, { inThread });
        try {
          for (const sql of ['select * from t order by id', 'select v from one', "select id, txt || ',' as x, num * 2 from t where id < 50", 'select * from t where 0']) {
            for (const nullString of ['', 'NULL', '\\N']) {
              const a = await ordinary(conn, sql, nullString, format);
              const b = await fast(conn, sql, nullString, format);
              assert.equal(b.rowCount, a.rowCount, sql);
              assert.ok(sql.includes('where 0') || b.textEvents > 0, 'the engine sent text');
              assert.equal(b.bytes.toString('hex'), a.bytes.toString('hex'), `${sql} null=${nullString}`);
            }
          }
          const tsv = (await fast(conn, "select txt from t where txt like 'tab%' or txt like 'back%' limit 2", '', format)).bytes.toString();
          if (format === 'tsv') assert.equal(tsv, 'txt\ntab\\there\nback\\\\slash\\\\\n');
        } finally {
          await conn.close();
        }
      });
      }
    }
  }

  test('csv: the bad byte of invalid UTF-8 text is kept', async (t) => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: makeDb(tempDir(t)) });
    try {
      // the bad byte is kept
      const bad = await fast(conn, 'select txt from t where id = 1000', '');
      assert.ok(bad.bytes.includes(Buffer.from('e282acff', 'hex')));
    } finally {
      await conn.close();
    }
  });

  test('a cancelled csv export stops and the connection stays usable', async (t) => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: makeDb(tempDir(t)) });
    try {
      const abort = new AbortController();
      let events = 0;
      await assert.rejects(async () => {
        for await (const e of conn.execute('with recursive c(x) as (select 1 union all select x + 1 from c) select x, x * 2 from c', {
          csv: { nullString: '' },
          signal: abort.signal,
        })) {
          if (e.type === 'text' && ++events === 3) abort.abort();
        }
      });
      const after = await fast(conn, 'select 1 as one', '');
      assert.equal(after.bytes.toString(), 'one\n1\n');
    } finally {
      await conn.close();
    }
  });
});
