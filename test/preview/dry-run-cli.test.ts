/**
 * sqlsh --dry-run -f migration.sql, the real binary: every change is tried and rolled back, what each
 * statement would do is printed, and the database is byte-identical afterwards by the engine's own
 * dump tool (sqlite3 .dump; pg_dump on the harness's PostgreSQL; mariadb-dump on its MariaDB).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { withServer } from '../harness/server-test.js';
import { sharedPostgres, postgresBinDir } from '../harness/postgres-server.js';
import { sharedMariadb } from '../harness/mariadb-server.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-dry-run-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const SHOP = [
  'create table orders (id integer primary key, customer varchar(20));',
  'create table items (id integer primary key, order_id integer not null, foreign key (order_id) references orders (id) on delete cascade);',
  "insert into orders values (1, 'ann'), (2, 'bob'), (3, 'cy');",
  'insert into items values (1, 1), (2, 1), (3, 2), (4, 3);',
].join('\n');

const MIGRATION = [
  'begin;',
  'alter table orders add column note varchar(20);',
  "update orders set note = 'legacy' where id < 3;",
  'delete from orders where id = 1;',
  'drop table items;',
  'commit;',
].join('\n');

function writeMigration(): string {
  const file = join(dir, `migrate-${Math.random().toString(36).slice(2)}.sql`);
  writeFileSync(file, MIGRATION);
  return file;
}

describe('--dry-run', () => {
  test('SQLite: the migration is reported statement by statement and sqlite3 .dump is byte-identical', () => {
    const db = join(dir, 'shop.db');
    execFileSync('sqlite3', [db], { input: SHOP });
    const dump = () => execFileSync('sqlite3', [db, '.dump'], { encoding: 'utf8' });
    const before = dump();
    const file = writeMigration();
    const r = runCli([db, '--dry-run', '-f', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(dump(), before);
    assert.match(r.stdout, /^-- [^\n]*:3: update orders set note = 'legacy' where id < 3\n {2}orders +2 rows updated$/m);
    assert.match(r.stdout, /^-- [^\n]*:4: delete from orders where id = 1\n {2}orders +1 row deleted\n {2}items +2 rows deleted \(by a cascade or trigger\)$/m);
    assert.match(r.stdout, /^-- [^\n]*:5: drop table items\n {2}items +dropped, with 2 rows$/m);
    // Without --dry-run the same script changes the file: the comparison can fail.
    assert.equal(runCli([db, '-f', file]).code, 0);
    assert.notEqual(dump(), before);
  });

  test('DuckDB: a COPY to a file, nextval and a macro that calls nextval are not run (a rollback would not undo them)', () => {
    const db = join(dir, `seq-${process.pid}.duckdb`);
    const out = join(dir, `copied-${process.pid}.csv`);
    const setup = runCli([db, '-c', "create sequence s; create macro take() as nextval('s'); create table t (id integer, n bigint); insert into t values (1, 0);"]);
    assert.equal(setup.code, 0, setup.stderr);
    const file = join(dir, `effects-${process.pid}.sql`);
    writeFileSync(file, [`copy t to '${out}';`, "update t set n = nextval('s');", 'update t set n = take();', 'update t set n = 5;'].join('\n'));
    const r = runCli([db, '--dry-run', '-f', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /:1: copy t to [^\n]*\n {2}not run: COPY reads or writes files outside the database/);
    assert.match(r.stdout, /:2: update t set n = nextval\('s'\)\n {2}not run: it calls nextval\(\)/);
    assert.match(r.stdout, /:3: update t set n = take\(\)\n {2}not run: take\(\) calls nextval\(\)/);
    assert.match(r.stdout, /:4: update t set n = 5\n {2}t +1 row/);
    assert.equal(existsSync(out), false, 'the dry run wrote the COPY file');
    const after = runCli([db, '-c', "select nextval('s') as next, n from t"]);
    assert.match(after.stdout, /^ +1 \| +0$/m, after.stdout);
  });

  test('PostgreSQL: pg_dump is byte-identical after a dry run', async (t) => {
    const server = await withServer(t, sharedPostgres);
    if (!server) return;
    const name = `sqlsh_dry_${process.pid}`;
    const admin = server.url;
    assert.equal(runCli([admin, '-c', `drop database if exists ${name}`, '-c', `create database ${name}`]).code, 0);
    t.after(() => void runCli([admin, '-c', `drop database if exists ${name} with (force)`]));
    const url = admin.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
    const setup = runCli([url, '-c', SHOP]);
    assert.equal(setup.code, 0, setup.stderr);
    const dump = () => execFileSync(join(postgresBinDir(), 'pg_dump'), ['--no-owner', '--restrict-key=sqlshdryrun', url], { encoding: 'utf8' });
    const before = dump();
    const r = runCli([url, '--dry-run', '-f', writeMigration()]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(dump(), before);
    assert.match(r.stdout, /^ {2}orders +1 row deleted\n {2}items +2 rows deleted \(by a cascade or trigger\)$/m);
  });

  test('MariaDB: DDL is not run (it would commit), mariadb-dump is byte-identical', async (t) => {
    const server = await withServer(t, sharedMariadb);
    if (!server) return;
    const name = `sqlsh_dry_${process.pid}`;
    assert.equal(runCli([server.url, '-c', `drop database if exists ${name}`, '-c', `create database ${name}`]).code, 0);
    t.after(() => void runCli([server.url, '-c', `drop database if exists ${name}`]));
    const url = server.url.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
    assert.equal(runCli([url, '-c', SHOP]).code, 0);
    const dumpArgs = ['--skip-dump-date', '-h', server.host, '-P', String(server.port), '-u', server.user, `-p${server.password}`, name];
    const dump = () => execFileSync('mariadb-dump', dumpArgs, { encoding: 'utf8' });
    const before = dump();
    const r = runCli([url, '--dry-run', '--continue-on-error', '-f', writeMigration()]);
    assert.equal(dump(), before);
    assert.match(r.stdout, /^-- [^\n]*:2: alter table orders add column note varchar\(20\)\n {2}not run: MariaDB and MySQL commit ALTER at once/m);
    assert.match(r.stdout, /^ {2}orders +1 row deleted\n {2}items +2 rows deleted \(by a cascade or trigger\)$/m);
    assert.match(r.stdout, /^-- [^\n]*:5: drop table items\n {2}not run: MariaDB and MySQL commit DROP at once/m);
  });
});
