/**
 * The rows of a MariaDB result set read raw (csv, the aligned table, json to a file or pipe) go from
 * the connection's handlePacket straight to their reader (mysql-connection.ts), past mysql2's
 * command machinery: no 'result' event per row. Checked here on a real server: the bytes are the
 * ordinary path's with a consumer slow enough that the socket is paused mid-chunk (mysql2 then
 * queues the chunk's other packets and replays them on resume), the row count, the server status
 * and the warning count of the EOF packet that ends the rows, and the statements after.
 *
 * And a session loads none of iconv-lite's encodings for its handshake (mysql-iconv.ts), while text
 * in another character set is still decoded by them.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { mysqlEngine } from '../../src/engines/mysql/mysql-engine.js';
import type { Connection, ExecuteOptions } from '../../src/engines/engine.js';
import type { ResultEvent } from '../../src/core/result.js';
import type { OutputFormat } from '../../src/output/sink.js';
import { renderEvents } from '../../src/shell/render-events.js';
import { serverTestMode, startFailureReason } from '../harness/server-test.js';
import { sharedMariadb, type MariadbServer } from '../harness/mariadb-server.js';
import { Collector } from '../output/collect-output.js';

let db: MariadbServer | undefined;
let conn: Connection | undefined;
let skip: string | undefined;
/** 'result' events the driver emitted (one per row or OK packet; counted on every query the session sends). */
let resultEvents = 0;

before(async () => {
  try {
    db = await sharedMariadb();
    conn = await mysqlEngine.connect({ engine: 'mysql', url: db.url }, { env: { HOME: '/nonexistent' } });
  } catch (err) {
    if (serverTestMode() === 'required') throw err;
    skip = `server unavailable: ${startFailureReason(err)}`;
    return;
  }
  const core = (conn as unknown as { core: { query: (o: unknown) => { emit: (e: string, ...a: unknown[]) => boolean } } }).core;
  const query = core.query.bind(core);
  core.query = (o: unknown) => {
    const q = query(o);
    const emit = q.emit.bind(q);
    q.emit = (e: string, ...a: unknown[]) => {
      if (e === 'result') resultEvents++;
      return emit(e, ...a);
    };
    return q;
  };
});
after(async () => {
  await conn?.close();
});

async function drain(sql: string, opts: ExecuteOptions = {}): Promise<ResultEvent[]> {
  const events: ResultEvent[] = [];
  for await (const e of conn!.execute(sql, opts)) events.push(e);
  return events;
}

/** The statement's output in `format`; raw: read from the packets; slow: the consumer waits at each event. */
async function run(sql: string, format: OutputFormat, raw: boolean, slow = false): Promise<{ text: string; rows: number; rawSeen: boolean }> {
  const out = new Collector();
  let rawSeen = false;
  async function* tap(events: AsyncIterable<ResultEvent>): AsyncGenerator<ResultEvent> {
    for await (const e of events) {
      if (e.type === 'bytes' || e.type === 'copy-text') rawSeen = true;
      if (slow) await sleep(2);
      yield e;
    }
  }
  const opts: ExecuteOptions = !raw ? {} : format === 'csv' ? { csv: { nullString: '' } } : format === 'json' ? { json: { lines: false } } : { copyText: true };
  const summary = await renderEvents(tap(conn!.execute(sql, opts)), out, { format, tableStyle: 'psql', nullString: '', header: true, footer: true, color: false }, { notice: () => undefined });
  return { text: out.text, rows: summary.rowCount, rawSeen };
}

const MANY = `SELECT seq AS id, concat('row ', seq, repeat('é', seq % 7), IF(seq % 5 = 0, '\\t,"x"', '')) AS s, IF(seq % 3 = 0, NULL, seq / 3) AS d, seq * 1.5e0 AS f FROM seq_1_to_30000`;

describe('mysql rows read raw: straight from handlePacket', () => {
  test('the same bytes and row count with a consumer that pauses the socket, and no row events', async (t) => {
    if (skip) return t.skip(skip);
    for (const format of ['csv', 'table', 'json'] as const) {
      const ordinary = await run(MANY, format, false);
      for (const slow of [false, true]) {
        resultEvents = 0;
        const fast = await run(MANY, format, true, slow);
        assert.equal(fast.rawSeen, true, format);
        assert.equal(resultEvents, 0, `${format}: rows went through mysql2's 'result' events`);
        assert.equal(fast.rows, 30000);
        assert.equal(fast.text, ordinary.text, `${format} slow=${slow}`);
      }
    }
  });

  test('the EOF after the rows still gives the transaction flag and the warnings; statements after run', async (t) => {
    if (skip) return t.skip(skip);
    await drain('BEGIN');
    const events = await drain("SELECT CAST(concat(seq, 'x') AS SIGNED) AS n FROM seq_1_to_3", { csv: { nullString: '' } });
    assert.equal(conn!.transactionStatus(), 'in-transaction');
    const done = events.find((e) => e.type === 'done');
    assert.ok(done && done.type === 'done');
    assert.equal(done.rowCount, 3);
    assert.equal(done.warnings, 3);
    assert.ok(events.some((e) => e.type === 'notice' && /1292/.test(e.message)));
    await drain('COMMIT');
    assert.equal(conn!.transactionStatus(), 'idle');
    assert.equal((await run('SELECT 8 AS n', 'csv', true)).text, 'n\n8\n');
    assert.equal((await run('SELECT 9 AS n', 'csv', false)).text, 'n\n9\n');
  });

  test('the handshake loads none of iconv-lite encodings; another character set still decodes', async (t) => {
    if (skip) return t.skip(skip);
    // in a process of its own: the test harness's own mysql2 session has loaded them here
    const engine = new URL('../../src/engines/mysql/mysql-engine.js', import.meta.url).href;
    const script = `
      import { createRequire } from 'node:module';
      const { mysqlEngine } = await import(${JSON.stringify(engine)});
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((f) => /iconv-lite[\\\\/]encodings[\\\\/]/.test(f)).map((f) => f.replace(/.*[\\\\/]/, ''));
      const conn = await mysqlEngine.connect({ engine: 'mysql', url: process.env.URL }, { env: { HOME: '/nonexistent' } });
      const rows = async (sql) => { const out = []; for await (const e of conn.execute(sql)) if (e.type === 'rows') out.push(...e.rows); return out; };
      const [[version]] = await rows('SELECT VERSION()');
      const before = loaded();
      await rows('SET character_set_results = NULL'); // values in their own character set
      const text = await rows("SELECT CONVERT(_utf8mb4'привет' USING cp1251), CONVERT(_utf8mb4'Ёж' USING koi8r)");
      console.log(JSON.stringify({ before, after: loaded(), text, version, info: conn.info.serverVersion }));
      await conn.close();`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, URL: db!.url }, encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    const r = JSON.parse(child.stdout) as { before: string[]; after: string[]; text: string[][]; version: string; info: string };
    assert.deepEqual(r.before, ['internal.js']);
    assert.ok(r.after.includes('sbcs-data-generated.js'), r.after.join(' '));
    assert.deepEqual(r.text, [['привет', 'Ёж']]);
    assert.ok(r.version.startsWith(r.info), `${r.version} / ${r.info}`);
  });
});
