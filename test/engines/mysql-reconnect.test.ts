import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mysqlEngine } from '../../src/engines/mysql/mysql-engine.js';
import { ConnectionLostError } from '../../src/core/errors.js';
import type { Connection } from '../../src/engines/engine.js';
import type { ResultEvent } from '../../src/core/result.js';
import { withServer } from '../harness/server-test.js';
import { sharedMariadb } from '../harness/mariadb-server.js';

async function collect(conn: Connection, sql: string): Promise<ResultEvent[]> {
  const events: ResultEvent[] = [];
  for await (const ev of conn.execute(sql)) events.push(ev);
  return events;
}
const rowsOf = (events: ResultEvent[]): unknown[] => events.flatMap((e) => (e.type === 'rows' ? e.rows : []));

test('after a server restart: a clear error for a lost transaction, then an automatic reconnect that says so', async (t) => {
  const db = await withServer(t, sharedMariadb);
  if (!db) return;
  if (!db.canRestart) return t.skip('external server (SQLSH_TEST_MYSQL_URL) cannot be restarted');
  const idle = await mysqlEngine.connect({ engine: 'mysql', url: db.url }, { env: { HOME: '/nonexistent' } });
  const inTx = await mysqlEngine.connect({ engine: 'mysql', url: db.url }, { env: { HOME: '/nonexistent' } });
  try {
    await collect(inTx, 'BEGIN');
    assert.equal(inTx.transactionStatus(), 'in-transaction');
    await db.restart();

    const events = await collect(idle, 'SELECT 1');
    const notice = events.find((e) => e.type === 'notice');
    assert.ok(notice && notice.type === 'notice' && /reconnected to mysql:\/\//.test(notice.message), JSON.stringify(events));
    assert.ok(!JSON.stringify(events).includes(db.password));
    assert.deepEqual(rowsOf(events), [[1]]);

    await assert.rejects(collect(inTx, 'SELECT 2'), (e: unknown) => e instanceof ConnectionLostError && e.wasInTransaction && /transaction/.test(e.message));
    assert.equal(inTx.transactionStatus(), 'idle');
    const again = await collect(inTx, 'SELECT 3');
    assert.deepEqual(rowsOf(again), [[3]]);
    assert.ok(again.some((e) => e.type === 'notice' && /reconnected/.test(e.message)));
  } finally {
    await idle.close();
    await inTx.close();
  }
});
