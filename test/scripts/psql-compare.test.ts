/**
 * Scripts written for psql, run by psql and by sqlsh against two fresh databases on one real server:
 * the same output (stdout; the ERROR lines and \warn lines of stderr), the same success, and the same
 * final schema and data (pg_dump). The scripts are fixture files in test/scripts/psql/.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postgresBinDir, sharedPostgres, type PgServer } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';
import { BIN, ROOT, tempDir, testEnv } from '../meta/cli-helper.js';

const FIXTURES = join(ROOT, 'test', 'scripts', 'psql');
const ARGS = ['-X', '-v', 'ON_ERROR_STOP=1', '-v', "from_v=it's"];

let dbCounter = 0;
function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 60_000, cwd: FIXTURES });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status };
}

function pgEnv(server: PgServer): NodeJS.ProcessEnv {
  return { ...testEnv(tempDir()), PGPASSWORD: server.password ?? '', PGHOST: server.host, PGPORT: String(server.port), PGUSER: server.user, SQLSH_TEST_GREETING: 'hello there' };
}

/** A fresh database; its name. */
function createDb(server: PgServer, env: NodeJS.ProcessEnv): string {
  const name = `script_${process.pid}_${++dbCounter}`;
  const r = run(join(postgresBinDir(), 'psql'), ['-X', '-q', '-d', 'postgres', '-c', `create database ${name}`], env);
  assert.equal(r.status, 0, r.stderr);
  return name;
}

/** `n` fresh databases, dropped when the suite ends. */
function freshDatabases(server: PgServer, env: NodeJS.ProcessEnv, n: number, cleanup: (() => void)[]): string[] {
  const names = Array.from({ length: n }, () => createDb(server, env));
  cleanup.push(() => void run(join(postgresBinDir(), 'psql'), ['-X', '-q', '-d', 'postgres', ...names.flatMap((d) => ['-c', `drop database ${d}`])], env));
  return names;
}

/** Lines without trailing blanks, blank lines dropped (for stderr and pg_dump). */
const lines = (text: string): string[] => text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
/** stdout compared line for line: blank lines too (psql's after each table and after \d's footers), trailing spaces too. */
const outLines = (text: string): string[] => text.split('\n');
/** stderr: the ERROR, NOTICE, WARNING, DETAIL, HINT, CONTEXT, QUERY, LINE and \warn lines, without psql's "psql:FILE:LINE: " or sqlsh's "FILE:LINE: " prefix. */
const errorLines = (text: string): string[] =>
  lines(text).map((l) => l.replace(/^(psql:)?[^ ]*\.sql:\d+: /, '')).filter((l) => /^(ERROR|warned|NOTICE|WARNING|DETAIL|HINT|CONTEXT|QUERY|LINE|STATEMENT|error:|warning:)/.test(l));

function dump(server: PgServer, env: NodeJS.ProcessEnv, db: string): string {
  const r = run(join(postgresBinDir(), 'pg_dump'), ['--no-owner', '--no-privileges', '-d', db], env);
  assert.equal(r.status, 0, r.stderr);
  return lines(r.stdout).filter((l) => !l.startsWith('--') && !/^\\(un)?restrict /.test(l)).join('\n');
}

describe('psql scripts run by psql and by sqlsh', () => {
  const scripts = readdirSync(FIXTURES).filter((f) => f.endsWith('.sql')).sort();
  const cleanup: (() => void)[] = [];
  after(() => cleanup.forEach((f) => f()));
  test('the fixture folder has scripts', () => assert.ok(scripts.length >= 3, scripts.join(', ')));
  for (const script of scripts) {
    test(script, async (t) => {
      const server = await withServer(t, sharedPostgres);
      if (!server) return;
      const env = pgEnv(server);
      const [a, b, c] = freshDatabases(server, env, 3, cleanup);
      const psql = run(join(postgresBinDir(), 'psql'), [...ARGS, '-d', a, '-f', script], env);
      const psqlClean = psql.status === 0 && !errorLines(psql.stderr).some((l) => l.startsWith('ERROR'));
      const expected = dump(server, env, a);
      // the script read whole, and read as it runs in pieces of 61 characters (cut everywhere: runScriptInput)
      for (const [db, piece] of [[b, undefined], [c, '61']] as const) {
        const url = `postgres://${encodeURIComponent(server.user)}@${server.host}:${server.port}/${db}`;
        const sqlsh = run(process.execPath, [BIN, url, ...ARGS, '-f', script], piece ? { ...env, SQLSH_SCRIPT_PIECE_CHARS: piece } : env);
        const how = piece ? ` read in pieces of ${piece} characters` : '';
        assert.deepEqual(outLines(sqlsh.stdout), outLines(psql.stdout), `stdout of ${script}${how}\n--- sqlsh stderr:\n${sqlsh.stderr}`);
        assert.deepEqual(errorLines(sqlsh.stderr), errorLines(psql.stderr), `errors of ${script}${how}`);
        // One difference on purpose: psql exits 0 after errors it went past (ON_ERROR_STOP off); sqlsh exits 1.
        assert.equal(sqlsh.status === 0, psqlClean, `exit codes${how}: psql ${psql.status}, sqlsh ${sqlsh.status}\n${sqlsh.stderr}`);
        // stopped by ON_ERROR_STOP: psql's 3
        if (psql.status === 3) assert.equal(sqlsh.status, 3, `exit codes${how}: psql 3, sqlsh ${sqlsh.status}`);
        // a script ended by a failed \connect: psql's 2
        if (psql.status === 2) assert.equal(sqlsh.status, 2, `exit codes${how}: psql 2, sqlsh ${sqlsh.status}`);
        assert.equal(dump(server, env, db), expected, `final schema and data of ${script}${how}`);
      }
    });
  }
});

describe("psql's ECHO all (-a) in scripts read whole and in pieces", () => {
  const cleanup: (() => void)[] = [];
  after(() => cleanup.forEach((f) => f()));
  // each input line is written as it is read, before what is on it runs: a piece must not cut a line
  for (const script of ['variables.sql', 'conditionals.sql', 'buffer-commands.sql', 'copy-inline.sql', 'semicolon-groups.sql']) {
    test(script, async (t) => {
      const server = await withServer(t, sharedPostgres);
      if (!server) return;
      const env = pgEnv(server);
      const [a, b, c] = freshDatabases(server, env, 3, cleanup);
      const psql = run(join(postgresBinDir(), 'psql'), [...ARGS, '-a', '-d', a, '-f', script], env);
      for (const [db, piece] of [[b, undefined], [c, '37']] as const) {
        const url = `postgres://${encodeURIComponent(server.user)}@${server.host}:${server.port}/${db}`;
        const sqlsh = run(process.execPath, [BIN, url, ...ARGS, '-a', '-f', script], piece ? { ...env, SQLSH_SCRIPT_PIECE_CHARS: piece } : env);
        assert.deepEqual(outLines(sqlsh.stdout), outLines(psql.stdout), `stdout of ${script} with -a${piece ? ` read in pieces of ${piece} characters` : ''}`);
      }
    });
  }
});

/** A database with what pg_dump writes in many ways: types, routines, triggers, views, COPY data, a large object. */
const DUMPED_SCHEMA = String.raw`
create schema app;
create type app.mood as enum ('sad', 'ok', 'happy');
create domain app.positive as int check (value > 0);
create table app.people (id serial primary key, name text not null, mood app.mood, tags text[], data jsonb,
  born date default '2000-01-01', note text, n app.positive, twice int generated always as (n * 2) stored);
insert into app.people (name, mood, tags, data, note, n) values
  ('a\b', 'ok', '{x,y}', '{"k": [1, 2]}', E'line1\nline2\ttab\\end', 1), ('Zoë "q"', null, null, null, null, 2),
  (E'back\\.slash', 'sad', '{}', 'null', '\.', 3);
create function app.add(a int, b int) returns int language sql as $$ select a + b $$;
create function app.trg() returns trigger language plpgsql as $$
begin
  new.note := coalesce(new.note, 'x'); -- a comment; with a semicolon
  return new;
end $$;
create trigger t before insert on app.people for each row execute function app.trg();
create view app.v as select id, name from app.people where id > 0;
create materialized view app.mv as select count(*) as n from app.people;
create index people_name on app.people (name);
comment on table app.people is 'the people; all of them';
create sequence app.s;
select setval('app.s', 42);
create table app.measures (at date not null, v numeric) partition by range (at);
create table app.measures_2024 partition of app.measures for values from ('2024-01-01') to ('2025-01-01');
insert into app.measures values ('2024-05-01', 1.5), ('2024-06-01', null);
create table app.big as select g as id, md5(g::text) as h from generate_series(1, 5000) g;
select lo_from_bytea(0, 'large object bytes');
`;

describe('pg_dump files restored by psql and by sqlsh', () => {
  const cleanup: (() => void)[] = [];
  after(() => cleanup.forEach((f) => f()));
  const variants: readonly (readonly string[])[] = [[], ['--inserts'], ['--clean', '--if-exists', '--create']];
  for (const variant of variants) {
    test(`pg_dump ${variant.join(' ') || '(plain)'}: the same output, errors and database`, async (t) => {
      const server = await withServer(t, sharedPostgres);
      if (!server) return;
      const env = pgEnv(server);
      const psqlBin = join(postgresBinDir(), 'psql');
      const source = createDb(server, env);
      const made = run(psqlBin, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', source, '-c', DUMPED_SCHEMA], env);
      assert.equal(made.status, 0, made.stderr);
      const file = join(tempDir(), 'dump.sql');
      const dumped = run(join(postgresBinDir(), 'pg_dump'), ['-d', source, '-f', file, ...variant], env);
      assert.equal(dumped.status, 0, dumped.stderr);
      assert.match(readFileSync(file, 'utf8'), /^\\restrict \w+$/m);
      // --create drops and makes the source database again (its name is in the file): each tool restores over it in turn
      const create = variant.includes('--create');
      const [a, b] = create ? [source, source] : [createDb(server, env), createDb(server, env)];
      cleanup.push(() => void run(psqlBin, ['-X', '-q', '-d', 'postgres', '-c', `drop database if exists ${a}`, '-c', `drop database if exists ${b}`], env));
      const psql = run(psqlBin, ['-X', '-v', 'ON_ERROR_STOP=1', '-d', create ? 'postgres' : a, '-f', file], env);
      assert.equal(psql.status, 0, psql.stderr);
      const expected = dump(server, env, a);
      const url = `postgres://${encodeURIComponent(server.user)}@${server.host}:${server.port}/${create ? 'postgres' : b}`;
      const sqlsh = run(process.execPath, [BIN, url, '-X', '-v', 'ON_ERROR_STOP=1', '-f', file], env);
      assert.equal(sqlsh.status, 0, sqlsh.stderr);
      assert.deepEqual(outLines(sqlsh.stdout), outLines(psql.stdout));
      assert.deepEqual(errorLines(sqlsh.stderr), errorLines(psql.stderr));
      const restored = dump(server, env, b);
      assert.equal(restored, expected);
      assert.match(restored, /lo_create|COPY app\.big|INSERT INTO app\.big/);
      if (create) return;
      // read as it runs in pieces of 61 characters: COPY's data sent as it is read, across the pieces
      const c = createDb(server, env);
      cleanup.push(() => void run(psqlBin, ['-X', '-q', '-d', 'postgres', '-c', `drop database if exists ${c}`], env));
      const pieces = run(process.execPath, [BIN, url.replace(/\/[^/]*$/, `/${c}`), '-X', '-v', 'ON_ERROR_STOP=1', '-f', file], { ...env, SQLSH_SCRIPT_PIECE_CHARS: '61' });
      assert.equal(pieces.status, 0, pieces.stderr);
      assert.deepEqual(outLines(pieces.stdout), outLines(psql.stdout));
      assert.equal(dump(server, env, c), expected);
    });
  }
});
