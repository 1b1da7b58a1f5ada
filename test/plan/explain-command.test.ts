/**
 * \explain through the real sqlsh binary on every engine: the tree is printed, \explain analyze of a
 * DELETE/UPDATE leaves the data unchanged (also inside the user's own transaction, whose work is
 * kept), MySQL/MariaDB DDL is refused with analyze, and --format json prints the engine's own JSON.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sharedPostgres } from '../harness/postgres-server.js';
import { sharedMariadb } from '../harness/mariadb-server.js';
import { withServer } from '../harness/server-test.js';
import { sqlsh, tempDir } from '../meta/cli-helper.js';
import type { TestContext } from 'node:test';

const T = `plan_cmd_${process.pid}`;

interface Target {
  readonly id: string;
  url(t: TestContext): Promise<string | undefined>;
  /** The first line of the tree for a full scan of T. */
  readonly scan: RegExp;
  readonly savepoints: boolean;
}

const TARGETS: readonly Target[] = [
  { id: 'sqlite', url: async () => join(tempDir(), 'p.db'), scan: new RegExp(`SCAN on ${T}`), savepoints: true },
  { id: 'duckdb', url: async () => join(tempDir(), 'p.duckdb'), scan: new RegExp(`SEQ_SCAN on \\S*${T}`), savepoints: false },
  { id: 'postgres', url: async (t) => (await withServer(t, sharedPostgres))?.url, scan: new RegExp(`Seq Scan on ${T}`), savepoints: true },
  { id: 'mariadb', url: async (t) => (await withServer(t, sharedMariadb))?.url, scan: new RegExp(`full scan on ${T}`), savepoints: true },
];

const SETUP = `drop table if exists ${T}; create table ${T} (id integer primary key, price decimal(6,2)); insert into ${T} values (1, 1.00), (2, 2.00), (3, 3.00);`;
const STATE = `select count(*) as n, sum(price) as total from ${T};`;

for (const target of TARGETS) {
  describe(`\\explain on ${target.id}`, () => {
    test('a plan tree; analyze of DML changes nothing, also inside an open transaction', async (t) => {
      const url = await target.url(t);
      if (!url) return;
      const home = tempDir();
      const setup = sqlsh(url, [SETUP], { home });
      assert.equal(setup.status, 0, setup.stderr);
      const before = sqlsh(url, [STATE], { home });
      assert.match(before.stdout, /\b3[ \t|]+6(?:\.0+)?\b/);

      const r = sqlsh(url, [`\\explain select * from ${T} where price > 1;`, `\\explain analyze delete from ${T}`, `\\explain analyze update ${T} set price = price * 10;`, STATE], { home, env: { COLUMNS: '80' } });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, target.scan, r.stdout);
      assert.match(r.stdout, / plan \(analyzed\)\n/);
      assert.equal(r.stdout.match(/The statement ran inside a transaction that was rolled back: nothing was changed\./g)?.length, 2, r.stdout);
      assert.match(r.stdout, /\b3[ \t|]+6(?:\.0+)?\b/, `data changed by \\explain analyze:\n${r.stdout}`);

      // The user's own transaction: its insert is kept, the explained DELETE is undone.
      const inTx = sqlsh(url, [`begin; insert into ${T} values (4, 4.00);`, `\\explain analyze delete from ${T}`, 'commit;', STATE], { home, args: ['--continue-on-error'] });
      if (target.savepoints) {
        assert.equal(inTx.status, 0, inTx.stderr);
        assert.match(inTx.stdout, /\b4[ \t|]+10(?:\.0+)?\b/, inTx.stdout + inTx.stderr);
      } else {
        assert.match(inTx.stderr, /no savepoints/);
        assert.match(inTx.stdout, /\b4[ \t|]+10(?:\.0+)?\b/, `the user's transaction was not kept:\n${inTx.stdout}${inTx.stderr}`);
      }

      // --format json: the engine's own JSON, nothing else on stdout.
      const j = sqlsh(url, [`\\explain select * from ${T}`], { home, args: ['--format', 'json'] });
      assert.equal(j.status, 0, j.stderr);
      const doc = JSON.parse(j.stdout) as unknown;
      assert.ok(doc && typeof doc === 'object', j.stdout);

      // \explain with no query: the query the command ends.
      const ended = sqlsh(url, [`select * from ${T} \\explain`], { home });
      assert.equal(ended.status, 0, ended.stderr);
      assert.match(ended.stdout, target.scan);
    });
  });
}

describe('\\explain analyze refuses what cannot be rolled back', () => {
  test('MariaDB DDL commits by itself: refused, not run', async (t) => {
    const my = await withServer(t, sharedMariadb);
    if (!my) return;
    const r = sqlsh(my.url, [`\\explain analyze create table ${T}_ddl (a int)`, `select count(*) from information_schema.tables where table_name = '${T}_ddl'`], { args: ['--continue-on-error'] });
    assert.match(r.stderr, /commits CREATE by itself/);
    assert.match(r.stdout, /\n\s*0\n/);
  });

  test('MariaDB with a MyISAM table: analyze of DML refused, the rows stay', async (t) => {
    const my = await withServer(t, sharedMariadb);
    if (!my) return;
    const m = `${T}_myisam`;
    const r = sqlsh(my.url, [`drop table if exists ${m}; create table ${m} (a int) engine=MyISAM; insert into ${m} values (1), (2);`, `\\explain analyze delete from ${m}`, `select count(*) from ${m}; drop table ${m};`], { args: ['--continue-on-error'] });
    assert.match(r.stderr, /uses the MyISAM storage engine, which cannot roll back/);
    assert.match(r.stdout, /\n\s*2\n/);
  });

  test('PostgreSQL: nextval, an advisory lock, and a function that calls nextval are refused in a script; the sequence stays', async (t) => {
    const pg = await withServer(t, sharedPostgres);
    if (!pg) return;
    const q = `${T}_seq`;
    const setup = sqlsh(pg.url, [
      `drop sequence if exists ${q} cascade; create sequence ${q};`,
      `create or replace function ${q}_next() returns bigint language plpgsql volatile as $$ begin return nextval('${q}'); end $$;`,
      `create or replace function ${q}_pure(a int) returns int language plpgsql volatile as $$ begin return a + 1; end $$;`,
      `drop table if exists ${q}_t; create table ${q}_t (id serial primary key, a int);`,
    ]);
    assert.equal(setup.status, 0, setup.stderr);
    const r = sqlsh(pg.url, [
      `\\explain analyze select nextval('${q}')`,
      `\\explain analyze select pg_advisory_lock(42)`,
      `\\explain analyze select ${q}_next()`,
      `\\explain analyze select ${q}_pure(1)`,
      `\\explain analyze insert into ${q}_t (a) values (1)`,
      `select last_value, is_called from ${q}; select count(*) as locks from pg_locks where locktype = 'advisory';`,
      `select is_called as serial_used from ${q}_t_id_seq;`,
    ], { args: ['--continue-on-error'] });
    assert.match(r.stderr, /did not run the statement: it calls nextval\(\), whose effect a rollback does not undo: the sequence keeps its new value/);
    assert.match(r.stderr, /it calls pg_advisory_lock\(\).*advisory lock stays held/);
    assert.match(r.stderr, new RegExp(`${q}_next\\(\\) calls nextval\\(\\)`));
    // A volatile plpgsql function that only computes is explained (its writes, if any, would roll back).
    assert.match(r.stdout, /PostgreSQL plan \(analyzed\)/);
    assert.doesNotMatch(r.stderr, new RegExp(`${q}_pure`));
    assert.match(r.stdout, /\s1 \| f(?:alse)?\n/, `the sequence moved:\n${r.stdout}`);
    assert.match(r.stdout, /locks\s*\n-+\n\s*0\n/, r.stdout);
    // An INSERT into a serial column takes sequence numbers a rollback does not give back: refused too.
    assert.match(r.stderr, new RegExp(`${q}_t\\.id takes its numbers from a sequence`));
    assert.match(r.stdout, /serial_used\s*\n-+\n\s*f(?:alse)?\n/, r.stdout);
  });

  test('MariaDB: get_lock and a stored function that calls it are refused in a script', async (t) => {
    const my = await withServer(t, sharedMariadb);
    if (!my) return;
    const f = `${T}_lock`;
    const setup = sqlsh(my.url, [`drop function if exists ${f}; create function ${f}() returns int not deterministic return get_lock('sqlsh_t', 0);`, `drop table if exists ${f}_t; create table ${f}_t (id int auto_increment primary key, a int);`]);
    assert.equal(setup.status, 0, setup.stderr);
    const r = sqlsh(my.url, [`\\explain analyze select get_lock('sqlsh_t', 0)`, `\\explain analyze select ${f}()`, `\\explain analyze insert into ${f}_t (a) values (1)`, "select is_free_lock('sqlsh_t') as free", `insert into ${f}_t (a) values (2); select id as first_id from ${f}_t;`], { args: ['--continue-on-error'] });
    assert.match(r.stderr, new RegExp(`${f}_t\\.id takes its numbers from an AUTO_INCREMENT counter`, 'i'));
    assert.match(r.stdout, /first_id\s*\n-+\n\s*1\n/, r.stdout);
    assert.match(r.stderr, /calls get_lock\(\).*user lock stays held/);
    assert.match(r.stderr, new RegExp(`${f}\\(\\) calls get_lock\\(\\)`, 'i'));
    assert.match(r.stdout, /free\s*\n-+\n\s*1\n/, r.stdout);
  });

  test('DuckDB: nextval (DuckDB does not roll sequences back either) and a macro that calls it are refused', () => {
    const db = join(tempDir(), 'seq.duckdb');
    const setup = sqlsh(db, ['create sequence s; create macro take() as nextval(\'s\');']);
    assert.equal(setup.status, 0, setup.stderr);
    const r = sqlsh(db, ["\\explain analyze select nextval('s')", '\\explain analyze select take()', "select nextval('s') as next"], { args: ['--continue-on-error'] });
    assert.match(r.stderr, /calls nextval\(\)/);
    assert.match(r.stderr, /take\(\) calls nextval\(\)/);
    assert.match(r.stdout, /next\s*\n-+\n\s*1\n/, r.stdout);
  });

  test('no query at all', () => {
    const r = sqlsh(':memory:', ['\\explain']);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /no query to explain/);
  });
});
