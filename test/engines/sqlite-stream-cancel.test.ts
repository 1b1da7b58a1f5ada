import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CancelledError } from '../../src/core/errors.js';
import { sqliteEngine } from '../../src/engines/sqlite/sqlite-engine.js';
import { runawaySqliteSteps } from '../../src/engines/sqlite/sqlite-runaway.js';
import Database from 'better-sqlite3';
import { collect, tempDir } from './sqlite-test-helpers.js';

const COUNT_200K = 'with recursive c(x) as (select 1 union all select x + 1 from c where x < 200000) select x, x * 2 from c';
const ENDLESS = 'with recursive c(x) as (select 1 union all select x + 1 from c) select x from c';
// One long step: no row comes out until the whole count is done (several seconds).
const SINGLE_STEP = 'with recursive c(x) as (select 1 union all select x + 1 from c where x < 25000000) select count(*) from c';

/** Runs `sql`, calls `cancel` once the first event arrives, and returns the error thrown. */
async function cancelAfterStart(run: AsyncIterable<unknown>, cancel: () => void): Promise<unknown> {
  let started = false;
  try {
    for await (const _ of run) {
      if (!started) {
        started = true;
        cancel();
      }
    }
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('sqlite streaming and cancel', () => {
  // Abandoned steps run on until they end; a process exiting before that is ended with SIGINT
  // (sqlite-runaway.ts), which the test runner would count as a failure of this file.
  after(async () => {
    const until = Date.now() + 120_000;
    while (runawaySqliteSteps() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  });

  test('200k rows stream in bounded batches, all arriving in order', async () => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: ':memory:' });
    try {
      const r = await collect(conn, COUNT_200K);
      assert.equal(r.rows.length, 200000);
      assert.ok(r.batches.length >= 200, `expected many batches, got ${r.batches.length}`);
      assert.ok(r.batches.every((n) => n > 0 && n <= 1000));
      assert.deepEqual(r.rows[199999], [200000, 400000]);
      assert.equal(r.done?.command, 'SELECT 200000');
      const small = await collect(conn, COUNT_200K, { batchSize: 64 });
      assert.ok(small.batches.every((n) => n <= 64));
    } finally {
      await conn.close();
    }
  });

  test('mixed values keep their exact type across many batches', async () => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: ':memory:' });
    try {
      // x * 4e12 passes 2^53 at x = 2252: numbers first, then bigints, within one stream.
      const sql = `with recursive c(x) as (select 1 union all select x + 1 from c where x < 3000)
        select x, x * 4000000000000, case x % 3 when 0 then null when 1 then 'ü' || x else x * 0.5 end,
               case when x % 500 = 0 then x'00ff' end from c`;
      const r = await collect(conn, sql);
      assert.equal(r.rows.length, 3000);
      assert.ok(r.batches.length >= 3 && r.batches.every((n) => n <= 1000));
      r.rows.forEach((row, i) => {
        const x = i + 1;
        const big = BigInt(x) * 4000000000000n;
        const third = x % 3 === 0 ? null : x % 3 === 1 ? `ü${x}` : x * 0.5;
        const blob = x % 500 === 0 ? new Uint8Array([0, 255]) : null;
        assert.deepEqual(row, [x, big > 9007199254740991n ? big : Number(big), third, blob], `row ${x}`);
      });
    } finally {
      await conn.close();
    }
  });

  test('leaving the loop early stops the query and the session goes on', async () => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: ':memory:' });
    try {
      let seen = 0;
      for await (const e of conn.execute(ENDLESS)) {
        if (e.type === 'rows') seen += e.rows.length;
        if (seen >= 5000) break;
      }
      assert.deepEqual((await collect(conn, 'select 7')).rows, [[7]]);
    } finally {
      await conn.close();
    }
  });

  test('cancel() stops an endless streaming query with CancelledError; the session keeps its data', async () => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: ':memory:' });
    try {
      await collect(conn, 'create table keep (x)');
      await collect(conn, 'insert into keep values (1)');
      const err = await cancelAfterStart(conn.execute(ENDLESS), () => void conn.cancel());
      assert.ok(err instanceof CancelledError, String(err));
      assert.doesNotMatch(err.message, /reopened/); // stopped between rows, no need to reopen
      assert.deepEqual((await collect(conn, 'select x from keep')).rows, [[1]]);
    } finally {
      await conn.close();
    }
  });

  test('an AbortSignal cancels a streaming query', async () => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: ':memory:' });
    try {
      const ac = new AbortController();
      const err = await cancelAfterStart(conn.execute(ENDLESS, { signal: ac.signal }), () => ac.abort());
      assert.ok(err instanceof CancelledError);
      const pre = new AbortController();
      pre.abort();
      await assert.rejects(collect(conn, 'select 1', { signal: pre.signal }), CancelledError);
      assert.deepEqual((await collect(conn, 'select 2')).rows, [[2]]);
    } finally {
      await conn.close();
    }
  });

  test('a query inside one long step stops within 1 s on cancel: same connection, file data kept, CPU idle after', async (t) => {
    const path = join(tempDir(t), 'stuck.db');
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path });
    try {
      await collect(conn, 'create table keep (x)');
      await collect(conn, 'insert into keep values (1)');
      await collect(conn, 'pragma cache_size = 1234'); // connection state: lost if the database were reopened
      let cancelledAt = 0;
      const err = await cancelAfterStart(conn.execute(SINGLE_STEP), () => {
        cancelledAt = performance.now();
        void conn.cancel();
      });
      const latency = performance.now() - cancelledAt;
      assert.ok(err instanceof CancelledError, String(err));
      assert.doesNotMatch(err.message, /reopened/);
      assert.ok(latency < 1000, `cancel took ${latency.toFixed(0)} ms`);
      await assertIdleCpu();
      assert.deepEqual((await collect(conn, 'select x from keep')).rows, [[1]]);
      assert.deepEqual((await collect(conn, 'pragma cache_size')).rows, [[1234]]);
      assert.equal(conn.transactionStatus(), 'idle');
    } finally {
      await conn.close();
    }
  });

  for (const where of ['file', ':memory:'] as const) {
    test(`a long write on ${where} is interrupted and rolled back; the data and the session stay, no lock is left`, async (t) => {
      const path = where === 'file' ? join(tempDir(t), 'write.db') : ':memory:';
      const conn = await sqliteEngine.connect({ engine: 'sqlite', path });
      try {
        await collect(conn, 'create table keep (x)');
        await collect(conn, 'insert into keep values (1), (2), (3)');
        const endless = collect(conn, 'insert into keep with recursive c(x) as (select 1 union all select x + 1 from c) select x from c');
        await new Promise((r) => setTimeout(r, 300));
        const cancelledAt = performance.now();
        await conn.cancel();
        const err = await endless.then(() => undefined, (e: unknown) => e);
        const latency = performance.now() - cancelledAt;
        assert.ok(err instanceof CancelledError, String(err));
        assert.doesNotMatch(err.message, /reopened|lost/);
        assert.ok(latency < 1000, `cancel took ${latency.toFixed(0)} ms`);
        await assertIdleCpu();
        assert.deepEqual((await collect(conn, 'select count(*) from keep')).rows, [[3]]);
        if (where === 'file') {
          // Another connection can write at once: the interrupted statement left no lock.
          const other = new Database(path, { timeout: 0 });
          try {
            other.exec('insert into keep values (4)');
          } finally {
            other.close();
          }
          assert.deepEqual((await collect(conn, 'select count(*) from keep')).rows, [[4]]);
        }
        // In a transaction, an interrupted write rolls the whole transaction back, as in sqlite3.
        await collect(conn, 'begin');
        await collect(conn, 'insert into keep values (10)');
        const inTx = collect(conn, 'insert into keep with recursive c(x) as (select 1 union all select x + 1 from c) select x from c');
        await new Promise((r) => setTimeout(r, 300));
        await conn.cancel();
        const txErr = await inTx.then(() => undefined, (e: unknown) => e);
        assert.ok(txErr instanceof CancelledError, String(txErr));
        assert.match(txErr.message, /the open transaction was rolled back/);
        assert.equal(conn.transactionStatus(), 'idle');
        assert.deepEqual((await collect(conn, 'select count(*) from keep')).rows, [[where === 'file' ? 4 : 3]]);
      } finally {
        await conn.close();
      }
    });
  }
});

test('sqlite: a statement waiting for another connection\'s lock stops at once on cancel', async (t) => {
  const path = join(tempDir(t), 'locked.db');
  const conn = await sqliteEngine.connect({ engine: 'sqlite', path });
  const other = new Database(path);
  try {
    await collect(conn, 'create table keep (x)');
    other.exec('begin immediate; insert into keep values (1)'); // holds the write lock
    const waiting = collect(conn, 'insert into keep values (2)').then(
      () => undefined,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    const cancelledAt = performance.now();
    await conn.cancel();
    const err = await waiting;
    const latency = performance.now() - cancelledAt;
    assert.ok(err instanceof CancelledError, `expected CancelledError, got ${String(err)}`);
    assert.ok(latency < 1000, `cancel took ${latency.toFixed(0)} ms (the busy timeout is 5 s)`);
    other.exec('commit');
    assert.deepEqual((await collect(conn, 'select x from keep')).rows, [[1]]);
  } finally {
    other.close();
    await conn.close();
  }
});

/** The process (all its threads) uses less than a fifth of a core over the next second. */
async function assertIdleCpu(): Promise<void> {
  const before = process.cpuUsage();
  await new Promise((r) => setTimeout(r, 1000));
  const used = process.cpuUsage(before);
  const ms = (used.user + used.system) / 1000;
  assert.ok(ms < 200, `the process used ${ms.toFixed(0)} ms of CPU in the second after the cancel: the statement goes on`);
}
