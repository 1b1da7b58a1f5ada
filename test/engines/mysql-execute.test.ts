import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mysqlEngine } from '../../src/engines/mysql/mysql-engine.js';
import { CancelledError, SqlError } from '../../src/core/errors.js';
import type { Connection } from '../../src/engines/engine.js';
import type { ResultEvent, Row } from '../../src/core/result.js';
import { serverTestMode, startFailureReason } from '../harness/server-test.js';
import { sharedMariadb } from '../harness/mariadb-server.js';

async function collect(conn: Connection, sql: string, opts = {}): Promise<{ events: ResultEvent[]; rows: Row[] }> {
  const events: ResultEvent[] = [];
  for await (const ev of conn.execute(sql, opts)) events.push(ev);
  return { events, rows: events.flatMap((e) => (e.type === 'rows' ? e.rows : [])) };
}

let conn: Connection | undefined;
let skip: string | undefined;
before(async () => {
  try {
    const db = await sharedMariadb();
    conn = await mysqlEngine.connect({ engine: 'mysql', url: db.url }, { env: { HOME: '/nonexistent' } });
  } catch (err) {
    if (serverTestMode() === 'required') throw err;
    skip = `server unavailable: ${startFailureReason(err)}`;
  }
});
after(async () => conn?.close());
const c = (): Connection => conn!;

describe('mysql values', () => {
  test('exact numbers, dates, zero dates, BIT, JSON, binary and text', async (t) => {
    if (skip) return t.skip(skip);
    await collect(c(), "SET SESSION sql_mode = ''");
    await collect(c(), `CREATE TABLE types_t (
      b BIGINT, ub BIGINT UNSIGNED, d DECIMAL(38,10), f DOUBLE, i INT, dt DATETIME(3), da DATE, ts TIMESTAMP NULL, tm TIME,
      bi BIT(8), j JSON, bl BLOB, vb VARBINARY(4), tx TEXT, vc VARCHAR(10), e ENUM('a','b'), y YEAR)`);
    await collect(c(), `INSERT INTO types_t VALUES (-9223372036854775808, 18446744073709551615, 1234567890123456789012345678.0123456789,
      0.1, 42, '2024-02-29 13:14:15.123', '0000-00-00', '2024-01-02 03:04:05', '-838:59:59', b'101', '{"a": [1, 2.50]}',
      x'00ff10', x'cafe', 'héllo', 'wörld', 'b', 2024)`);
    const { events, rows } = await collect(c(), 'SELECT * FROM types_t');
    const cols = events.find((e) => e.type === 'columns');
    assert.ok(cols && cols.type === 'columns');
    assert.deepEqual(cols.columns.map((x) => x.type), ['bigint', 'bigint unsigned', 'decimal', 'double', 'int', 'datetime', 'date', 'timestamp', 'time',
      'bit', 'json', 'blob', 'varbinary', 'text', 'varchar', 'enum', 'year']);
    const r = rows[0]!;
    assert.equal(r[0], -9223372036854775808n);
    assert.equal(r[1], 18446744073709551615n);
    assert.deepEqual(r[2], { kind: 'decimal', text: '1234567890123456789012345678.0123456789' });
    assert.equal(r[3], 0.1);
    assert.equal(r[4], 42);
    assert.deepEqual(r[5], { kind: 'temporal', text: '2024-02-29 13:14:15.123' });
    assert.deepEqual(r[6], { kind: 'temporal', text: '0000-00-00' });
    assert.deepEqual(r[7], { kind: 'temporal', text: '2024-01-02 03:04:05' });
    assert.deepEqual(r[8], { kind: 'temporal', text: '-838:59:59' });
    assert.deepEqual(r[9], { kind: 'other', text: "b'101'" });
    assert.equal((r[10] as { kind: string }).kind, 'json');
    assert.deepEqual(JSON.parse((r[10] as { text: string }).text), { a: [1, 2.5] });
    assert.deepEqual(r[11], new Uint8Array([0, 255, 16]));
    assert.ok(r[11] instanceof Uint8Array);
    assert.deepEqual(r[12], new Uint8Array([0xca, 0xfe]));
    assert.equal(r[13], 'héllo');
    assert.equal(r[14], 'wörld');
    assert.equal(r[15], 'b');
    assert.deepEqual(r[16], { kind: 'temporal', text: '2024' }); // YEAR: 4 digits, as the server writes it
    const small = await collect(c(), 'SELECT CAST(5 AS SIGNED), NULL, CAST(1.50 AS DECIMAL(5,2))');
    assert.deepEqual(small.rows[0], [5, null, { kind: 'decimal', text: '1.50' }]);
  });
});

describe('mysql doubles', () => {
  /** A double as it arrives: a number, or the server's text where JavaScript writes other digits. */
  const asNumber = (v: unknown): number => (typeof v === 'number' ? v : Number((v as { text: string }).text));
  test('DOUBLE and FLOAT arrive exact: 16 and 17 significant digits, past 2^53 in the digits (mysql2 alone was one unit off)', async (t) => {
    if (skip) return t.skip(skip);
    const values = [998.4264417004645, 998.4264417004644, 0.1, 1e-7, 123456789012345.67, -2.2250738585072014e-308, 1.7976931348623157e308, 4503599627370495.5, 0.30000000000000004];
    const { rows } = await collect(conn!, `select ${values.map((v, i) => `cast(${v} as double) as d${i}`).join(', ')}, cast(1.1 as float) as f`);
    assert.deepEqual(rows[0]!.slice(0, values.length).map(asNumber), values);
    assert.equal(rows[0]![2], 0.1); // JavaScript's digits: a number
    assert.deepEqual(rows[0]![0], { kind: 'decimal', text: '998.4264417004645' }); // 16 digits: the server's
    assert.equal(rows[0]![values.length], 1.1); // FLOAT: the server's text (1.1) read as a double
    for await (const _ of conn!.execute('create temporary table dbl (d double)')) void _;
    for await (const _ of conn!.execute(`insert into dbl values ${values.map((v) => `(${v})`).join(', ')}`)) void _;
    const table = await collect(conn!, 'select d from dbl');
    assert.deepEqual(table.rows.map((r) => asNumber(r[0])), values);
  });

  test('a double JavaScript would write otherwise is the server\'s text, as the mysql client prints it (decimal text)', async (t) => {
    if (skip) return t.skip(skip);
    const { rows } = await collect(conn!, 'select cast(1e300 as double), cast(1e15 as double), cast(1e16 as double), cast(123456789012345678 as double), cast(1e-7 as double), cast(1.5 as double), cast(3.4e38 as float)');
    assert.deepEqual(rows[0], [
      { kind: 'decimal', text: '1e300' },
      { kind: 'decimal', text: '1e15' },
      { kind: 'decimal', text: '1e16' },
      { kind: 'decimal', text: '1.2345678901234568e17' },
      { kind: 'decimal', text: '0.0000001' },
      1.5,
      { kind: 'decimal', text: '3.4e38' },
    ]);
  });
});

describe('mysql execute', () => {
  test('streams 200k rows in bounded batches', async (t) => {
    if (skip) return t.skip(skip);
    const sql = 'SELECT seq, CONCAT(\'row \', seq) FROM seq_1_to_200000';
    let count = 0;
    let batches = 0;
    let maxBatch = 0;
    let last: Row | undefined;
    let done: ResultEvent | undefined;
    for await (const ev of c().execute(sql, { batchSize: 1000 })) {
      if (ev.type === 'rows') {
        batches++;
        count += ev.rows.length;
        maxBatch = Math.max(maxBatch, ev.rows.length);
        last = ev.rows[ev.rows.length - 1];
      } else if (ev.type === 'done') done = ev;
    }
    assert.equal(count, 200_000);
    assert.ok(batches >= 200, `expected at least 200 batches, got ${batches}`);
    assert.ok(maxBatch <= 1000);
    assert.deepEqual(last, [200000, 'row 200000']);
    assert.deepEqual(done, { type: 'done', command: 'SELECT 200000', rowCount: 200000 });
  });

  test('stopping early leaves the session usable', async (t) => {
    if (skip) return t.skip(skip);
    let seen = 0;
    for await (const ev of c().execute('SELECT seq FROM seq_1_to_1000000')) {
      if (ev.type === 'rows') seen += ev.rows.length;
      if (seen >= 3000) break;
    }
    assert.deepEqual((await collect(c(), 'SELECT 42')).rows, [[42]]);
  });

  test('affected rows, command tags and warnings', async (t) => {
    if (skip) return t.skip(skip);
    await collect(c(), 'CREATE TABLE w (x TINYINT, s VARCHAR(2))');
    const ins = await collect(c(), "INSERT INTO w VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    // (with the server's own words on it, which the mysql client's -vv prints)
    assert.deepEqual(ins.events.at(-1), { type: 'done', command: 'INSERT 3', affected: 3, info: 'Records: 3  Duplicates: 0  Warnings: 0' });
    const warn = await collect(c(), "INSERT IGNORE INTO w VALUES (1000, 'toolong')");
    const notices = warn.events.filter((e) => e.type === 'notice').map((e) => (e.type === 'notice' ? e.message : ''));
    assert.equal(notices[0], '2 warnings');
    assert.ok(notices.some((m) => /Warning 1264: Out of range/.test(m)), notices.join('\n'));
    // Severities read like PostgreSQL's ('WARNING:  ...'), so the shell prints both engines alike.
    const severities = warn.events.flatMap((e) => (e.type === 'notice' ? [e.severity] : []));
    assert.deepEqual(severities, ['WARNING', 'WARNING', 'WARNING'], JSON.stringify(warn.events));
    const done = warn.events.at(-1);
    assert.ok(done?.type === 'done' && done.warnings === 2);
    const sel = await collect(c(), 'SELECT CAST(\'abc\' AS INT) + 0');
    assert.ok(sel.events.some((e) => e.type === 'notice' && e.message === '1 warning'), 'a SELECT with a warning reports it');
    const ddl = await collect(c(), 'DROP TABLE w');
    assert.equal(ddl.events.at(-1)?.type === 'done' && (ddl.events.at(-1) as { command: string }).command, 'DROP TABLE');
  });

  test('a syntax error is an SqlError with SQLSTATE and a position', async (t) => {
    if (skip) return t.skip(skip);
    const sql = 'SELECT 1,\n  2 FROM WHERE x';
    await assert.rejects(collect(c(), sql), (e: unknown) => {
      assert.ok(e instanceof SqlError);
      assert.equal(e.code, '42000');
      assert.equal(e.position, sql.indexOf('WHERE'));
      assert.match(e.detail ?? '', /1064/);
      return true;
    });
    assert.deepEqual((await collect(c(), 'SELECT 1')).rows, [[1]]);
  });

  test('transaction status follows BEGIN, SELECT and COMMIT', async (t) => {
    if (skip) return t.skip(skip);
    assert.equal(c().transactionStatus(), 'idle');
    await collect(c(), 'BEGIN');
    assert.equal(c().transactionStatus(), 'in-transaction');
    await collect(c(), 'SELECT 1');
    assert.equal(c().transactionStatus(), 'in-transaction');
    await collect(c(), 'COMMIT');
    assert.equal(c().transactionStatus(), 'idle');
    await collect(c(), 'SET autocommit = 0');
    await collect(c(), 'SELECT * FROM types_t');
    assert.equal(c().transactionStatus(), 'in-transaction', 'a SELECT with autocommit off opens a transaction');
    await collect(c(), 'ROLLBACK');
    await collect(c(), 'SET autocommit = 1');
    assert.equal(c().transactionStatus(), 'idle');
  });

  test('cancel by signal stops SLEEP and the session stays usable', async (t) => {
    if (skip) return t.skip(skip);
    const ac = new AbortController();
    const started = Date.now();
    setTimeout(() => ac.abort(), 300);
    await assert.rejects(collect(c(), 'SELECT SLEEP(30)', { signal: ac.signal }), CancelledError);
    assert.ok(Date.now() - started < 20_000);
    const heavy = new AbortController();
    setTimeout(() => heavy.abort(), 300);
    await assert.rejects(collect(c(), 'SELECT COUNT(*) FROM seq_1_to_100000 a, seq_1_to_100000 b', { signal: heavy.signal }), CancelledError);
    assert.deepEqual((await collect(c(), 'SELECT 5')).rows, [[5]]);
  });

  test('cancel() during a statement, and an already-aborted signal', async (t) => {
    if (skip) return t.skip(skip);
    const run = collect(c(), 'SELECT SLEEP(30)');
    setTimeout(() => void c().cancel(), 300);
    await assert.rejects(run, CancelledError);
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(collect(c(), 'SELECT 1', { signal: ac.signal }), CancelledError);
    await c().cancel(); // nothing running: no effect
    assert.deepEqual((await collect(c(), 'SELECT 6')).rows, [[6]]);
  });
});
