/**
 * The script lane (run-script.ts runLane): statements that print nothing but their status go to the
 * engine many at a time (Connection.executeMany). Each script here runs twice on a real SQLite file,
 * through the lane and with a connection that has no executeMany (one statement at a time): the same
 * output, messages, errors, result and database. And the lane must have been taken.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../src/engines/engine.js';
import { sqliteEngine } from '../../src/engines/sqlite/sqlite-engine.js';
import { oneAtATime, testSession } from './session-helper.js';
import { runScript } from '../../src/shell/run-script.js';
import { collect } from '../engines/sqlite-test-helpers.js';

interface Run {
  readonly out: string;
  readonly messages: readonly string[];
  readonly errors: readonly string[];
  readonly result: unknown;
  readonly rows: unknown;
  readonly batches: number;
}

async function run(script: string, lane: boolean, stopOnError: boolean): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-lane-'));
  const conn = await sqliteEngine.connect({ engine: 'sqlite', path: join(dir, 'x.db') }, { inThread: true });
  let batches = 0;
  const many = conn.executeMany!.bind(conn);
  const connection: Connection = lane
    ? Object.assign(oneAtATime(conn), { executeMany: (s: readonly string[], o?: { signal?: AbortSignal }) => (batches++, many(s, o)) })
    : oneAtATime(conn);
  const { session, out, messages, errors } = testSession(connection, { home: dir });
  try {
    const result = await runScript(session, script, { stopOnError, confirmDestructive: false, source: 'x.sql' });
    const rows = (await collect(conn, "select group_concat(name || ':' || sql, ';') from sqlite_schema")).rows.concat(
      (await collect(conn, "select * from pragma_table_list where schema = 'main' and name = 't'")).rows.length > 0
        ? (await collect(conn, 'select * from t order by 1')).rows
        : [],
    );
    return { out: out(), messages, errors, result, rows, batches };
  } finally {
    await conn.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function same(script: string, opts: { stopOnError?: boolean; laneRequests?: number } = {}): Promise<Run> {
  const stopOnError = opts.stopOnError ?? true;
  const viaLane = await run(script, true, stopOnError);
  const plain = await run(script, false, stopOnError);
  assert.deepEqual({ ...viaLane, batches: 0 }, { ...plain, batches: 0 });
  assert.ok(viaLane.batches >= (opts.laneRequests ?? 1), `the lane was taken (${viaLane.batches} requests)`);
  return viaLane;
}

const INSERTS = (from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, i) => `INSERT INTO t VALUES(${from + i},'r${from + i}');`).join('\n');

test('a dump: BEGIN, CREATE, 1,200 INSERTs, COMMIT: the same statuses and data, in few requests', async () => {
  const r = await same(`PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE t(id integer primary key, v text);\n${INSERTS(1, 1200)}\nCOMMIT;\n`);
  assert.match(r.out, /^PRAGMA\nBEGIN\nCREATE TABLE\nINSERT 1\n/);
  assert.match(r.out, /INSERT 1\nCOMMIT\n$/);
  assert.ok(r.batches <= 10, `${r.batches} requests for 1,203 statements`);
});

test('rows, RETURNING, parameters and backslash commands between the statements keep their order', async () => {
  await same(`create table t (id integer primary key, v text);
${INSERTS(1, 5)}
select count(*) from t;
${INSERTS(6, 8)}
insert into t values (9, 'nine') returning id;
\\echo between
\\set n 10
insert into t values (:n, 'ten');
/* only a comment */;
update t set v = upper(v) where id > 7;
delete from t where id = 2;
\\echo :ROW_COUNT
insert into t values (11, :'n');
update t set v = 'x' where id < 4;
insert into t values (100 + :ROW_COUNT, 'three updated before');
select * from t where id > 8;
`);
});

test('an error in the middle stops the script there (ON_ERROR_STOP), or is said and the script goes on', async () => {
  const script = `create table t (id integer primary key, v text);
${INSERTS(1, 3)}
insert into t values (2, 'again');
${INSERTS(4, 6)}
insert into t valuez (7, 'x');
${INSERTS(8, 9)}
`;
  const stopped = await same(script);
  assert.equal(stopped.errors.length, 1);
  assert.match(stopped.errors[0]!, /^x\.sql:5: /);
  const went = await same(script, { stopOnError: false, laneRequests: 2 });
  assert.equal(went.errors.length, 2);
  assert.match(went.errors[1]!, /x\.sql:9: .*syntax error/s);
});

test('QUIET, a sqlite3 script (no statuses) and \\timing (the ordinary way) print as without the lane', async () => {
  await same(`\\set QUIET on\ncreate table t (id, v);\n${INSERTS(1, 4)}\n\\set QUIET off\n${INSERTS(5, 6)}\n`);
  await same(`.headers on\ncreate table t (id, v);\n${INSERTS(1, 4)}\nselect * from t;\n`);
  const timed = await run(`create table t (id, v);\n\\timing on\n${INSERTS(1, 3)}\n`, true, true);
  assert.equal(timed.batches, 1, 'only the statement before \\timing on went through the lane');
});
