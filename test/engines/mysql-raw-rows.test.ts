/**
 * MariaDB csv and aligned table to a file or pipe read rows straight from the packets
 * (mysql-raw-rows.ts): byte for byte what the ordinary path's rows give, on a real server, for every
 * column kind it takes (integers signed and unsigned, DECIMAL, FLOAT/DOUBLE edge values, dates and
 * zero dates, text with quotes, commas, tabs, newlines, backslashes, control characters, wide
 * characters, binary, ENUM/SET, JSON, NULL) under several null strings and styles. Each comparison
 * checks which path ran; the kinds it leaves to the ordinary path (YEAR, BIT, ZEROFILL) are checked too.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mysqlEngine } from '../../src/engines/mysql/mysql-engine.js';
import type { Connection } from '../../src/engines/engine.js';
import { assertSameBytes, EXPORT_CASES, renderOptions } from './fast-path-bytes.js';
import type { ResultEvent } from '../../src/core/result.js';
import type { OutputFormat, TableStyle } from '../../src/output/sink.js';
import { CancelledError } from '../../src/core/errors.js';
import { renderEvents } from '../../src/shell/render-events.js';
import { serverTestMode, startFailureReason } from '../harness/server-test.js';
import { sharedMariadb } from '../harness/mariadb-server.js';
import { Collector } from '../output/collect-output.js';

let conn: Connection | undefined;
let skip: string | undefined;
before(async () => {
  try {
    const db = await sharedMariadb();
    conn = await mysqlEngine.connect({ engine: 'mysql', url: db.url }, { env: { HOME: '/nonexistent' } });
  } catch (err) {
    if (serverTestMode() === 'required') throw err;
    skip = `server unavailable: ${startFailureReason(err)}`;
    return;
  }
  for (const sql of [
      "SET SESSION sql_mode = ''",
      'DROP TABLE IF EXISTS raw_t',
      `CREATE TABLE raw_t (id INT PRIMARY KEY, ti TINYINT, ui INT UNSIGNED, b BIGINT, ub BIGINT UNSIGNED, d DECIMAL(38,10),
        f FLOAT, db DOUBLE, dt DATETIME(6), da DATE, ts TIMESTAMP NULL, tm TIME(3), vc VARCHAR(100), tx TEXT, ch CHAR(5),
        bl BLOB, vb VARBINARY(8), e ENUM('a','b,c'), s SET('x','y'), j JSON)`,
      `INSERT INTO raw_t VALUES
        (1, -128, 4294967295, -9223372036854775808, 18446744073709551615, 1234567890123456789012345678.0123456789,
         1.1, 0.1, '2024-02-29 13:14:15.123456', '0000-00-00', '2024-01-02 03:04:05', '-838:59:59.5', 'a,b', 'q"uo"te', '',
         x'00ff10', x'cafe', 'b,c', 'x,y', '{"a": [1, 2.50], "s": "x\\\\ty"}'),
        (2, 0, 0, 0, 0, 0, -0.0, 1e20, '1000-01-01 00:00:00', '9999-12-31', NULL, '00:00:00', 'line\\nbreak\\r\\nthird', 'tab\\there', 'NULL',
         '', x'', 'a', '', '[]'),
        (3, 127, 1, 9007199254740993, 9007199254740992, -0.5, 3.4e38, 1e-7, NULL, NULL, NULL, NULL, 'back\\\\slash \\\\N', '\\\\N', '\\\\.',
         NULL, NULL, NULL, NULL, NULL),
        (4, NULL, NULL, NULL, NULL, NULL, 1e-30, 0.000001, NULL, NULL, NULL, NULL, 'héllo 日本語 👍🏽 cafe\u0301', 'esc \\x1b[31m bel \\x07', 'wide寬',
         NULL, NULL, NULL, NULL, NULL),
        (5, 1, 2, 3, 4, 5.5, 123456.7, 1.5e15, NULL, NULL, NULL, NULL, '"', ',', ' ', NULL, NULL, NULL, NULL, NULL),
        (6, 2, 3, 4, 5, 6, 16777217, 123456789012345.6, NULL, NULL, NULL, NULL, 'x', 'y', 'z', NULL, NULL, NULL, NULL, NULL),
        (7, 3, 4, 5, 6, 7, 0.000123, -1.7976931348623157e308, NULL, NULL, NULL, NULL, '', '', '', NULL, NULL, NULL, NULL, NULL)`,
      'DROP TABLE IF EXISTS raw_y',
      "CREATE TABLE raw_y (y YEAR, z INT(5) ZEROFILL, bt BIT(8))",
      "INSERT INTO raw_y VALUES (2024, 42, b'101'), (0, 7, b'0'), (NULL, NULL, NULL)",
      // control characters that SQL string escapes cannot write
      `UPDATE raw_t SET tx = concat('esc ', char(27), '[31m bel ', char(7), ' del ', char(127)) WHERE id = 4`,
  ]) for await (const _ of conn.execute(sql)) void _;
});
after(async () => {
  if (conn) for await (const _ of conn.execute('DROP TABLE IF EXISTS raw_t, raw_y')) void _;
  await conn?.close();
});

interface Out {
  readonly text: string;
  readonly raw: boolean;
  readonly rows: number;
}

async function run(sql: string, format: OutputFormat, fast: boolean, nullString: string, tableStyle: TableStyle = 'psql', expanded?: 'on' | 'vertical'): Promise<Out> {
  const out = new Collector();
  let raw = false;
  async function* tap(events: AsyncIterable<ResultEvent>): AsyncGenerator<ResultEvent> {
    for await (const e of events) {
      if (e.type === 'bytes' || e.type === 'copy-text') raw = true;
      yield e;
    }
  }
  const opts = !fast
    ? {}
    : format === 'csv'
      ? { csv: { nullString } }
      : format === 'json' || format === 'jsonl'
        ? { json: { lines: format === 'jsonl' } }
        : { copyText: format === 'table' && !expanded ? true : ('rows' as const) };
  const summary = await renderEvents(tap(conn!.execute(sql, opts)), out, { format, tableStyle, nullString, header: true, footer: true, color: false, ...(expanded ? { expanded } : {}) }, { notice: () => undefined });
  return { text: out.text, raw, rows: summary.rowCount };
}

async function assertSame(sql: string, format: OutputFormat, nullString = '', style: TableStyle = 'psql', raw = true, expanded?: 'on' | 'vertical'): Promise<string> {
  const ordinary = await run(sql, format, false, nullString, style, expanded);
  const fast = await run(sql, format, true, nullString, style, expanded);
  assert.equal(ordinary.raw, false);
  assert.equal(fast.raw, raw, `raw rows ${raw ? 'not ' : ''}taken for ${format}: ${sql}`);
  assert.equal(fast.text, ordinary.text, `${format} ${JSON.stringify(nullString)} ${style}: ${sql}`);
  assert.equal(fast.rows, ordinary.rows);
  return fast.text;
}

describe('mysql raw rows: same bytes as the ordinary path', () => {
  test('csv: every column kind, quotes, newlines, floats, null strings', async (t) => {
    if (skip) return t.skip(skip);
    const sql = 'SELECT * FROM raw_t ORDER BY id';
    const text = await assertSame(sql, 'csv');
    // FLOAT/DOUBLE as the server writes them (and the mysql client prints them), not JavaScript's 1e+20 / 1e-7
    assert.match(text, /,1e20,/);
    assert.match(text, /,0\.0000001,/);
    assert.match(text, /,1\.5e15,/);
    for (const nullString of ['NULL', '\\N', ',', '"x"', '∅']) await assertSame(sql, 'csv', nullString);
    assert.equal(await assertSame("SELECT '\\\\.' AS v UNION ALL SELECT 'x'", 'csv'), 'v\n"\\."\nx\n');
  });

  test('aligned table: every column kind, escapes, wide characters, styles, null strings', async (t) => {
    if (skip) return t.skip(skip);
    const sql = 'SELECT * FROM raw_t ORDER BY id';
    const text = await assertSame(sql, 'table');
    assert.match(text, /\(7 rows\)\n$/);
    assert.match(text, /\| +1e20 \|/);
    assert.match(text, /\\x1B\[31m/);
    for (const style of ['unicode', 'ascii'] as const) await assertSame(sql, 'table', '', style);
    for (const nullString of ['NULL', '\\N', '∅ null']) await assertSame(sql, 'table', nullString);
  });

  test('expanded, markdown, unaligned and vertical records made from the packets: the ordinary bytes', async (t) => {
    if (skip) return t.skip(skip);
    // a column NULL in the first chunk but not in the first 1000 rows, a value wider after row 700
    const many = `SELECT seq AS id, IF(seq > 900, seq, NULL) AS late, repeat('w', IF(seq = 950, 40, 3)) AS s, concat('é', seq) AS u FROM seq_1_to_3000`;
    for (const [format, expanded] of [['expanded', undefined], ['markdown', undefined], ['unaligned', undefined], ['table', 'on'], ['table', 'vertical']] as const) {
      for (const nullString of ['', 'NULL', '∅']) await assertSame('SELECT * FROM raw_t ORDER BY id', format, nullString, 'psql', true, expanded);
      await assertSame(many, format, '', 'psql', true, expanded);
      await assertSame('SELECT 1 AS a FROM DUAL WHERE 1 = 0', format, '', 'psql', false, expanded);
    }
    assert.match(await assertSame(many, 'markdown'), /^\| id \| late \| s \| u \|\n\| ---: \| ---: \| --- \| --- \|$/m);
  });

  test('json and jsonl from the packets: every column kind, duplicate names, many rows', async (t) => {
    if (skip) return t.skip(skip);
    for (const format of ['json', 'jsonl'] as const) {
      const text = await assertSame('SELECT * FROM raw_t ORDER BY id', format);
      if (format === 'json') {
        // the server's text of a double, a JSON number: the document stays valid
        assert.match(text, /"db":1e20,"dt"/);
        assert.match(text, /"db":0\.0000001,"dt"/);
        assert.equal((JSON.parse(text) as { db: number }[])[1]!.db, 1e20);
      }
      await assertSame('SELECT 1 AS a, 2 AS a, NULL AS b, 1.50 AS d, -0.0 AS z, 1e-7 AS f, CAST(-0.0 AS DOUBLE) AS nz', format);
      await assertSame(`SELECT seq AS id, concat('row ', seq, repeat('é', seq % 7)) AS s, seq / 3 AS d, seq * 1.5e0 AS f FROM seq_1_to_20000`, format);
      await assertSame('SELECT 1 AS a FROM DUAL WHERE 1 = 0', format, '', 'psql', false);
      await assertSame('SELECT y, 1 AS n FROM raw_y', format, '', 'psql', false);
    }
  });

  test('many rows over several chunks; YEAR, BIT and ZEROFILL take the ordinary path', async (t) => {
    if (skip) return t.skip(skip);
    const many = `SELECT seq AS id, concat('row ', seq, repeat('é', seq % 7)) AS s, seq / 3 AS d, seq * 1.5e0 AS f FROM seq_1_to_20000`;
    assert.match(await assertSame(many, 'csv'), /^20000,/m);
    assert.match(await assertSame(many, 'table'), /\(20000 rows\)\n$/);
    for (const sql of ['SELECT y, 1 AS n FROM raw_y', 'SELECT z FROM raw_y', 'SELECT bt FROM raw_y', 'SELECT CAST(5 AS UNSIGNED) AS u, 1 AS n FROM DUAL']) {
      const raw = !sql.includes('raw_y');
      await assertSame(sql, 'csv', '', 'psql', raw);
      await assertSame(sql, 'table', '', 'psql', raw);
    }
  });

  test('an early stop kills the query and the connection goes on', async (t) => {
    if (skip) return t.skip(skip);
    const abort = new AbortController();
    await assert.rejects(
      (async () => {
        let n = 0;
        for await (const e of conn!.execute('SELECT seq, repeat(\'x\', 100) FROM seq_1_to_5000000', { csv: { nullString: '' }, signal: abort.signal })) {
          if (e.type === 'bytes' && ++n === 3) abort.abort();
        }
      })(),
      CancelledError,
    );
    assert.equal((await run('SELECT 8 AS n', 'csv', true, '')).text, 'n\n8\n');
  });
});

describe('mysql raw rows on random text: the same bytes as the ordinary path in every format', () => {
  test('3,000 rows of random text (control characters, tabs, line breaks, CR, backslashes, pipes, quotes, commas, #, wide text), doubles', async (t) => {
    if (skip) return t.skip(skip);
    const c = conn!;
    // a seeded generator: the same rows every run; the text goes in as hex, byte for byte
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pickChar = (): string => {
      const r = random();
      if (r < 0.05) return String.fromCharCode(1 + Math.floor(random() * 30));
      if (r < 0.1) return '\t';
      if (r < 0.15) return '\n';
      if (r < 0.2) return '\r';
      if (r < 0.25) return '\\';
      if (r < 0.3) return '|';
      if (r < 0.35) return '"';
      if (r < 0.4) return ',';
      if (r < 0.45) return '#';
      if (r < 0.5) return String.fromCharCode(200 + Math.floor(random() * 2000));
      if (r < 0.55) return '\x7f';
      return String.fromCharCode(32 + Math.floor(random() * 94));
    };
    const values: string[] = [];
    for (let i = 1; i <= 3000; i++) {
      let s = '';
      const n = Math.floor(random() * 12) + (i % 2);
      for (let k = 0; k < n; k++) s += pickChar();
      const f = i % 5 === 0 ? 'NULL' : String((random() - 0.5) * 10 ** (random() * 40 - 20));
      values.push(`(${i}, CONVERT(X'${Buffer.from(s, 'utf8').toString('hex')}' USING utf8mb4), ${f})`);
    }
    for (const sql of ['DROP TABLE IF EXISTS fz_random', 'CREATE TABLE fz_random (i INT PRIMARY KEY, s TEXT CHARACTER SET utf8mb4, f DOUBLE)', `INSERT INTO fz_random VALUES ${values.join(', ')}`]) {
      for await (const _ of c.execute(sql)) void _;
    }
    try {
      const sql = 'select * from fz_random order by i';
      // every format run-script sends here but tsv (no fast path for it on this engine)
      const cases = EXPORT_CASES.filter(([f]) => f !== 'tsv');
      for (const [format, fast] of cases) await assertSameBytes(c, sql, fast, renderOptions(format));
    } finally {
      for await (const _ of c.execute('DROP TABLE IF EXISTS fz_random')) void _;
    }
  });
});
