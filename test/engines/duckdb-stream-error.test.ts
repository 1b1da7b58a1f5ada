/**
 * A DuckDB query that fails after its first chunks (error() on a late row) must end in an error, not
 * look complete: @duckdb/node-api ends such a stream like a finished one (see duckdb-errors.ts).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { duckdbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import { SqlError } from '../../src/core/errors.js';
import type { ResultEvent } from '../../src/core/result.js';
import { runCliAsync, sandboxEnv } from '../helpers/run-cli.js';

const LATE_ERROR = "select i, (case when i = 200000 then error('boom') else i end) as v from range(300000) t(i)";

describe('duckdb: an error after the first rows', () => {
  test('the rows already read arrive, then the error; the connection goes on', async () => {
    const conn = await duckdbEngine.connect({ engine: 'duckdb', path: ':memory:' });
    try {
      let rows = 0;
      const events: ResultEvent['type'][] = [];
      await assert.rejects(
        (async () => {
          for await (const ev of conn.execute(LATE_ERROR)) {
            events.push(ev.type);
            if (ev.type === 'rows') rows += ev.rows.length;
          }
        })(),
        (e: unknown) => e instanceof SqlError && /with an error after (\d+) rows/.exec(e.message)?.[1] === String(rows),
      );
      assert.ok(rows > 0 && rows < 200000, `rows before the error: ${rows}`);
      assert.ok(!events.includes('done'));
      // a finished stream of the same size is not taken for a failed one, nor an empty one
      let n = 0;
      for await (const ev of conn.execute('select i from range(300000) t(i)')) if (ev.type === 'rows') n += ev.rows.length;
      assert.equal(n, 300000);
      const empty: ResultEvent[] = [];
      for await (const ev of conn.execute('select 1 where false')) empty.push(ev);
      assert.equal(empty.at(-1)?.type, 'done');
    } finally {
      await conn.close();
    }
  });

  test('inside a transaction the failure aborts it, as DuckDB does', async () => {
    const conn = await duckdbEngine.connect({ engine: 'duckdb', path: ':memory:' });
    try {
      for await (const _ of conn.execute('begin'));
      await assert.rejects(async () => {
        for await (const _ of conn.execute(LATE_ERROR));
      }, SqlError);
      assert.equal(conn.transactionStatus(), 'failed');
      await assert.rejects(async () => {
        for await (const _ of conn.execute('select 1'));
      }, /aborted/);
      for await (const _ of conn.execute('rollback'));
      assert.equal(conn.transactionStatus(), 'idle');
    } finally {
      await conn.close();
    }
  });

  test('a script: rows printed stay printed, the error is shown, exit status 1 (json, nested-type json and csv)', async () => {
    // json goes through DuckDB's COPY (duckdb-json-rows.ts), which reports DuckDB's own error
    const json = await runCliAsync(['duckdb::memory:', '-c', LATE_ERROR, '--format', 'json'], { env: sandboxEnv() });
    assert.equal(json.code, 1);
    assert.match(json.stdout, /^\[\n\{"i":0,"v":0\},\n/);
    assert.match(json.stderr, /ERROR: +Invalid Input Error: boom/);
    // a list column keeps json on the ordinary path, whose stream the binding ends without its error
    const rows = await runCliAsync(['duckdb::memory:', '-c', `select i, [v] as l from (${LATE_ERROR})`, '--format', 'json'], { env: sandboxEnv() });
    assert.equal(rows.code, 1);
    assert.match(rows.stdout, /^\[\n\{"i":0,"l":"\[0\]"\},\n/);
    assert.match(rows.stderr, /ERROR: +DuckDB stopped the query with an error after \d+ rows/);
    // a list column keeps csv on the ordinary path
    const csv = await runCliAsync(['duckdb::memory:', '-c', `select [v] as l from (${LATE_ERROR})`, '--format', 'csv'], { env: sandboxEnv() });
    assert.equal(csv.code, 1);
    assert.match(csv.stdout, /^l\n"?\[0\]"?\n/);
    assert.match(csv.stderr, /ERROR: +DuckDB stopped the query with an error after \d+ rows/);
  });
});
