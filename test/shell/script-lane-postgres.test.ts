/**
 * The script lane on PostgreSQL (run-script.ts runLane, postgres-pipeline.ts): a script's statements that
 * return no rows go several at a time on the wire. Each script runs twice against the real server, through
 * the lane and with a connection that has no executeMany (one statement at a time, each through
 * execute()): the same output, notices, errors, result and tables; and the lane must have been taken.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection, ManyOptions } from '../../src/engines/engine.js';
import { oneAtATime, testSession } from './session-helper.js';
import { runScript } from '../../src/shell/run-script.js';
import { connectTo, events, rows } from '../harness/postgres-helpers.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';

interface Run {
  readonly out: string;
  readonly messages: readonly string[];
  readonly errors: readonly string[];
  readonly result: unknown;
  readonly tables: unknown;
  readonly batches: number;
}

async function run(t: Parameters<typeof withServer>[0], script: string, lane: boolean, stopOnError: boolean): Promise<Run | undefined> {
  const server = await withServer(t, sharedPostgres);
  if (!server) return undefined;
  const conn = await connectTo(server);
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-pglane-'));
  await events(conn, 'drop schema if exists lane cascade');
  await events(conn, 'create schema lane');
  await events(conn, 'set search_path = lane');
  let batches = 0;
  const many = conn.executeMany!.bind(conn);
  const connection: Connection = lane
    ? Object.assign(oneAtATime(conn), { executeMany: (s: readonly string[], o?: ManyOptions) => (batches++, many(s, o)) })
    : oneAtATime(conn);
  const { session, out, messages, errors } = testSession(connection, { home: dir });
  try {
    const result = await runScript(session, script, { stopOnError, confirmDestructive: false, source: 'x.sql' });
    if (conn.transactionStatus() !== 'idle') await events(conn, 'rollback');
    const tables: unknown[] = [];
    for (const [name] of await rows(conn, "select relname from pg_class where relnamespace = 'lane'::regnamespace and relkind = 'r' order by 1")) {
      tables.push(name, await rows(conn, `select * from lane.${String(name)} order by 1`));
    }
    return { out: out(), messages, errors, result, tables, batches };
  } finally {
    await events(conn, 'drop schema if exists lane cascade');
    await conn.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function same(t: Parameters<typeof withServer>[0], script: string, opts: { stopOnError?: boolean } = {}): Promise<Run | undefined> {
  const stopOnError = opts.stopOnError ?? true;
  const viaLane = await run(t, script, true, stopOnError);
  const plain = await run(t, script, false, stopOnError);
  if (!viaLane || !plain) return undefined;
  assert.deepEqual({ ...viaLane, batches: 0 }, { ...plain, batches: 0 });
  assert.ok(viaLane.batches >= 1, 'the lane was taken');
  return viaLane;
}

const INSERTS = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, i) => `INSERT INTO t VALUES (${from + i}, 'r${from + i}');`).join('\n');

test('a dump of INSERTs, with and without a transaction block: the same statuses and rows, in few requests', async (t) => {
  const dump = `CREATE TABLE t (id integer PRIMARY KEY, v text);\n${INSERTS(1, 1200)}\n`;
  const r = await same(t, dump);
  if (!r) return;
  assert.match(r.out, /^CREATE TABLE\nINSERT 0 1\n/);
  assert.ok(r.batches <= 10, `${r.batches} requests for 1,201 statements`);
  await same(t, `BEGIN;\n${dump}COMMIT;\n`);
});

test('an error in the middle: stopped there (autocommit and in a block), or said and gone on past', async (t) => {
  const body = `CREATE TABLE t (id integer PRIMARY KEY, v text);
${INSERTS(1, 30)}
INSERT INTO t VALUES (2, 'again');
${INSERTS(31, 60)}
INSERT INTO t valuez (61, 'x');
${INSERTS(62, 70)}
`;
  for (const script of [body, `BEGIN;\n${body}COMMIT;\n`, `BEGIN;\n${body}ROLLBACK;\n${INSERTS(200, 210)}\n`]) {
    const stopped = await same(t, script);
    if (!stopped) return;
    assert.equal(stopped.errors.length, 1);
    const went = await same(t, script, { stopOnError: false });
    assert.ok(went!.errors.length >= 2);
  }
});

test('notices come before their statement\'s status, with their line; errors point into their statement', async (t) => {
  for (const settings of ['', '\\set VERBOSITY verbose\n\\set SHOW_CONTEXT always\n', '\\set VERBOSITY terse\n']) {
    await same(t, `${settings}CREATE TABLE t (id integer PRIMARY KEY, v text);
${INSERTS(1, 3)}
CREATE TABLE IF NOT EXISTS t (id int);
DO $$ BEGIN RAISE NOTICE 'from DO'; RAISE WARNING 'and a warning'; END $$;
${INSERTS(4, 6)}
INSERT INTO t
  VALUES (7, 'seven', 'too many');
DROP TABLE IF EXISTS nothing_here;
${INSERTS(8, 9)}
`, { stopOnError: false });
  }
});

test('rows (SELECT, RETURNING, a rule), backslash commands and variables keep their order', async (t) => {
  await same(t, `CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE TABLE log (id int);
CREATE RULE shout AS ON INSERT TO log DO ALSO SELECT new.id * 10 AS ten;
${INSERTS(1, 5)}
SELECT count(*) FROM t;
INSERT INTO log VALUES (4);
INSERT INTO t VALUES (6, 'six') RETURNING id;
\\echo between
\\set n 7
INSERT INTO t VALUES (:n, 'seven');
UPDATE t SET v = upper(v) WHERE id > 5;
\\echo :ROW_COUNT
SET search_path = lane, public;
${INSERTS(8, 9)}
UPDATE t SET v = 'x' WHERE id < 4;
INSERT INTO t VALUES (100 + :ROW_COUNT, 'three updated before');
SELECT * FROM t WHERE id > 6;
`);
});
