/**
 * Issue 10's wrong answers against the real servers: `select /* x` piped to PostgreSQL is an error
 * with exit 1 (psql: "unterminated /* comment"), -0 stays -0 in JSON (PostgreSQL's own to_json
 * gives -0), MariaDB YEAR 0 prints 0000 (as the mariadb client does), and a script ending inside a
 * transaction on a server is rolled back with a message and exit 1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCliAsync } from '../helpers/run-cli.js';
import { withServer } from '../harness/server-test.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { sharedMariadb } from '../harness/mariadb-server.js';

test('PostgreSQL: select /* x on stdin is an error with exit 1, not an empty success', async (t) => {
  const pg = await withServer(t, sharedPostgres);
  if (!pg) return;
  const r = await runCliAsync([pg.url], { input: 'select /* x\n' });
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^<stdin>:1: ERROR: {2}unterminated \/\* comment at the end of the input\nLINE 1: select \/\* x\n/);
});

test('PostgreSQL: -0 in JSON and JSON Lines is -0, as the server\'s to_json writes it', async (t) => {
  const pg = await withServer(t, sharedPostgres);
  if (!pg) return;
  const r = await runCliAsync([pg.url, '-c', "select '-0'::float8 as z, to_json('-0'::float8) as server", '--format', 'jsonl']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '{"z":-0,"server":-0}\n');
});

test('PostgreSQL: a script that ends inside a transaction is rolled back, says so, exits 1', async (t) => {
  const pg = await withServer(t, sharedPostgres);
  if (!pg) return;
  const table = `h4_tx_${process.pid}`;
  assert.equal((await runCliAsync([pg.url, '-c', `create table ${table} (x int)`])).code, 0);
  const r = await runCliAsync([pg.url, '-c', `begin; insert into ${table} values (1)`]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^sqlsh: transaction still open at the end of the script: rolled back/m);
  const n = await runCliAsync([pg.url, '--format', 'csv', '--no-header', '-c', `select count(*) from ${table}; drop table ${table}`]);
  assert.equal(n.stdout, '0\n');
});

test('MariaDB: YEAR 0 prints 0000 (and a ZEROFILL column keeps its zeros), as the mariadb client shows them', async (t) => {
  const my = await withServer(t, sharedMariadb);
  if (!my) return;
  const table = `h4_year_${process.pid}`;
  const setup = await runCliAsync([my.url, '-c', `create table ${table} (y year, z int(5) zerofill); insert into ${table} values (0, 42), (2024, 7), (null, null)`]);
  assert.equal(setup.code, 0, setup.stderr);
  const csv = await runCliAsync([my.url, '--format', 'csv', '-c', `select y, z from ${table} order by y is null, y`]);
  assert.equal(csv.stdout, 'y,z\n0000,00042\n2024,00007\n,\n');
  const table_ = await runCliAsync([my.url, '-c', `select y from ${table} where y = 0; drop table ${table}`]);
  assert.match(table_.stdout, /^ {2}y *\n-+\n 0000\n\(1 row\)/m);
});
