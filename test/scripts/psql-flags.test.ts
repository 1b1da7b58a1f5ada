/** psql command-line flags that Makefiles use, run by psql 15 and by sqlsh with the same arguments. */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { postgresBinDir, sharedPostgres, type PgServer } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';
import { BIN, ROOT, tempDir, testEnv } from '../meta/cli-helper.js';

const dir = tempDir('sqlsh-psql-flags-');
const FIXTURES = join(ROOT, 'test', 'scripts', 'psql');
const psqlBin = () => join(postgresBinDir(), 'psql');
const run = (cmd: string, args: readonly string[], env: NodeJS.ProcessEnv) => {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 60_000, cwd: dir });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status };
};
const lines = (t: string) => t.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
/** A script file in the test folder, one line each. */
const writeScript = (name: string, scriptLines: readonly string[]): void => writeFileSync(join(dir, name), scriptLines.join('\n'));
type Ran = ReturnType<typeof run>;
/** sqlsh succeeded and printed psql's stdout byte for byte. */
const sameStdout = (r: { readonly psql: Ran; readonly sqlsh: Ran }): void => {
  assert.equal(r.sqlsh.status, 0, r.sqlsh.stderr);
  assert.equal(JSON.stringify(r.sqlsh.stdout), JSON.stringify(r.psql.stdout));
};

describe('psql flags, psql and sqlsh side by side', () => {
  const drops: string[] = [];
  let env: NodeJS.ProcessEnv | undefined;
  after(() => void (env && drops.length && run(psqlBin(), ['-X', '-q', '-d', 'postgres', ...drops.flatMap((d) => ['-c', `drop database ${d}`])], env)));
  let n = 0;
  async function setup(t: import('node:test').TestContext) {
    const server: PgServer | undefined = await withServer(t, sharedPostgres);
    if (!server) return undefined;
    env = { ...testEnv(tempDir()), PGPASSWORD: server.password ?? '', PGHOST: server.host, PGPORT: String(server.port), PGUSER: server.user };
    const [a, b] = [`flags_${process.pid}_${++n}`, `flags_${process.pid}_${++n}`];
    drops.push(a, b);
    assert.equal(run(psqlBin(), ['-X', '-q', '-d', 'postgres', '-c', `create database ${a}`, '-c', `create database ${b}`], env).status, 0);
    const both = (args: readonly string[]) => ({
      psql: run(psqlBin(), ['-d', a, ...args], env!),
      sqlsh: run(process.execPath, [BIN, `postgres://${server.user}@${server.host}:${server.port}/${b}`, ...args], env!),
    });
    /** stderr and stdout in one stream, in the order written (a shell's `2>&1`) */
    const merged = (args: readonly string[]) => {
      const sh = (cmd: readonly string[]) => run('/bin/sh', ['-c', 'exec "$@" 2>&1', 'sh', ...cmd], env!);
      return {
        psql: sh([psqlBin(), '-d', a, ...args]),
        sqlsh: sh([process.execPath, BIN, `postgres://${server.user}@${server.host}:${server.port}/${b}`, ...args]),
      };
    };
    const count = (db: 'a' | 'b', sql: string) => run(psqlBin(), ['-X', '-At', '-d', db === 'a' ? a : b, '-c', sql], env!).stdout.trim();
    return { both, merged, count };
  }

  test('-1 -v ON_ERROR_STOP=1: a failing script leaves nothing behind; a good one commits', async (t) => {
    const s = await setup(t);
    if (!s) return;
    writeFileSync(join(dir, 'bad.sql'), 'create table left_behind (i int);\ninsert into left_behind values (1);\nselect 1/0;\n');
    writeFileSync(join(dir, 'good.sql'), 'create table kept (i int);\ninsert into kept values (1), (2);\n');
    const bad = s.both(['-X', '-1', '-v', 'ON_ERROR_STOP=1', '-f', 'bad.sql']);
    assert.notEqual(bad.psql.status, 0);
    assert.notEqual(bad.sqlsh.status, 0);
    const q = "select count(*) from pg_class where relname = 'left_behind'";
    assert.equal(s.count('b', q), s.count('a', q));
    assert.equal(s.count('b', q), '0');
    const good = s.both(['-X', '--single-transaction', '-f', 'good.sql']);
    assert.equal(good.sqlsh.status, 0, good.sqlsh.stderr);
    assert.equal(s.count('b', 'select sum(i) from kept'), s.count('a', 'select sum(i) from kept'));
    assert.deepEqual(lines(good.sqlsh.stdout), lines(good.psql.stdout));
  });

  test('-q leaves out the status lines; -e echoes each statement; -a echoes commands too', async (t) => {
    const s = await setup(t);
    if (!s) return;
    // -a echoes each line as psql reads it: comments too, blank lines only inside quotes, not COPY's data
    writeFileSync(
      join(dir, 'echo.sql'),
      "-- a comment line\ncreate table e (i int); -- after\n\ninsert into e values (1);\n/* block\n   comment */ select i,\n  'a\n\nb' as s from e;\ncopy e from stdin;\n2\n\\.\n\\if false\nselect 'skipped';\n\\endif\nselect count(*) from e \\; select 1 as one;\n\\echo done\n",
    );
    for (const flags of [['-q'], ['-e'], ['-q', '-e'], ['-a']]) {
      const r = s.both(['-X', ...flags, '-f', 'echo.sql', '-c', 'drop table e']);
      assert.deepEqual(lines(r.sqlsh.stdout), lines(r.psql.stdout), flags.join(' '));
    }
  });

  test('-A, -t, -F, -R, -z, -0, -P, --pset: stdout byte for byte as psql', async (t) => {
    const s = await setup(t);
    if (!s) return;
    const setupSql = "create table u (id int, name text, price numeric(8,2), born date); insert into u values (1, 'Ada Lovelace', 12.50, '1815-12-10'), (2, null, null, null), (3, 'tab\there | pipe', 0.10, '2000-01-01')";
    assert.equal(s.both(['-X', '-q', '-c', setupSql]).sqlsh.status, 0);
    const q = 'select * from u order by id';
    const cases: string[][] = [
      ['-At', '-c', q],
      ['-A', '-c', q],
      ['-tA', '-c', 'select count(*) from u'],
      ['-Atc', 'select name from u where id = 1'],
      ['-A', '-c', 'select * from u where id = 1'],
      ['-A', '-c', 'select * from u where false'],
      ['-At', '-c', 'select * from u where false'],
      ['-A', '-F', ',', '-R', ';', '-c', q],
      ['-At', '-F', '\t', '-c', q],
      ['--no-align', '--tuples-only', '--field-separator=;', '-c', q],
      ['-Atz', '-c', q],
      ['-At0', '-c', q],
      ['-A0', '-c', q],
      ['-A', '-P', 'null=(null)', '-P', 'footer=off', '-c', q],
      ['-A', '--pset=tuples_only', '-c', q],
      ['-P', 'format=unaligned', '-c', q],
      ['-At', '-c', "insert into u values (9, 'nine', 9, '2009-09-09')", '-c', 'delete from u where id = 9'],
      ['-At', '-c', 'select 1 as one', '-c', 'select 2 as two'],
      ['-At', '-c', 'select exists (select 1 from u), 1 = 2, null::boolean'],
      ['-q', '-At', '-c', "insert into u values (9, 'nine', 9, '2009-09-09') returning id, name", '-c', 'delete from u where id = 9'],
      // expanded unaligned: name|value records, two record separators between rows, no row count
      ['-A', '-x', '-c', q],
      ['-Atx', '-c', q],
      ['-A', '-x', '-F', ',', '-R', ';', '-c', q],
      ['-A', '-x', '-c', 'select * from u where false'],
      // psql's html: -H, -P format=html, with -t and -x
      ['-H', '-c', q],
      ['-H', '-t', '-c', q],
      ['-Hx', '-c', q],
      ['-P', 'format=html', '-c', 'select * from u where false'],
      ['-A', '-x', '-c', 'select g, g > 1 as big from generate_series(1, 2500) g'],
    ];
    for (const args of cases) {
      const r = s.both(['-X', ...args]);
      assert.equal(r.sqlsh.status, r.psql.status, `${args.join(' ')}: ${r.sqlsh.stderr}`);
      assert.equal(JSON.stringify(r.sqlsh.stdout), JSON.stringify(r.psql.stdout), args.join(' '));
    }
  });

  test('\\pset format unaligned, fieldsep, recordsep, tuples_only, footer, \\a, \\t, \\f in a script (-q): stdout byte for byte', async (t) => {
    const s = await setup(t);
    if (!s) return;
    writeScript('pset.sql', [
      "create table p (k int, v text);",
      "insert into p values (1, 'one'), (2, null);",
      '\\pset format unaligned',
      'select * from p order by k;',
      "\\pset fieldsep '\\t'",
      'select * from p order by k;',
      '\\pset recordsep \'#\'',
      '\\pset null \'<null>\'',
      'select * from p order by k;',
      '\\pset recordsep \'\\n\'',
      '\\t',
      'select * from p order by k;',
      '\\t off',
      '\\pset footer off',
      'select * from p order by k;',
      '\\pset footer on',
      "\\f ','",
      'select k, v from p order by k;',
      '\\a',
      'select k from p order by k;',
      '\\a',
      '\\pset tuples_only on',
      'select k from p order by k;',
      '\\pset fieldsep_zero',
      'select k, v from p order by k;',
      'drop table p;',
      '',
    ]);
    sameStdout(s.both(['-X', '-q', '-f', 'pset.sql'])); // psql's blank line after an aligned table too
    // without -q psql confirms each option on stdout, in its words: so does sqlsh (and the status lines)
    sameStdout(s.both(['-X', '-f', 'pset.sql']));
  });

  test('\\pset OPTION alone shows or toggles it, \\x toggles, in psql\'s words: stdout byte for byte', async (t) => {
    const s = await setup(t);
    if (!s) return;
    writeScript('pset-alone.sql', [
      "\\pset null '(nil)'",
      '\\pset null',
      'select null as x;',
      '\\x',
      '\\x',
      '\\pset expanded',
      '\\pset expanded',
      '\\pset border',
      '\\pset border 1',
      '\\pset border 2',
      '\\pset linestyle',
      '\\pset linestyle u',
      '\\pset unicode_column_linestyle',
      '\\pset unicode_column_linestyle double',
      'select 1 as a;',
      '\\pset footer',
      '\\pset footer',
      '\\pset tuples_only',
      '\\pset tuples_only',
      '\\pset format',
      '\\pset fieldsep',
      '\\pset recordsep',
      "\\pset null ''",
      '\\pset null',
      'select null as x;',
      '',
    ]);
    sameStdout(s.both(['-X', '-f', 'pset-alone.sql']));
  });

  test('-c: a backslash command\'s error or warning is psql\'s words alone, with no error: before them (no file, no line)', async (t) => {
    const s = await setup(t);
    if (!s) return;
    const r = s.both(['-X', '-v', 'ON_ERROR_STOP=0', '-c', '\\i', '-c', '\\a foo', '-c', '\\foo', '-c', '\\timing x', '-c', '\\dt a.b.c.d', '-c', '\\sf no_such_function']);
    assert.match(r.psql.stderr, /^invalid command \\foo$/m);
    assert.deepEqual(lines(r.sqlsh.stderr), lines(r.psql.stderr));
    assert.equal(r.sqlsh.stdout, r.psql.stdout);
    assert.equal(r.sqlsh.status, r.psql.status);
  });

  test('a failed \\connect in -c: psql goes on without a connection (its words for each statement, \\conninfo, \\c reusing nothing); a script then runs its first line only (2)', async (t) => {
    const s = await setup(t);
    if (!s) return;
    // psql's words on stderr, without its `psql:` before FILE:LINE: and without sqlsh's hint (a tab-indented line)
    const said = (text: string) => lines(text).filter((l) => !l.startsWith('\t')).map((l) => l.replace(/^psql:/, ''));
    writeScript('first-line.sql', ['select 1 as a; \\echo on the first line', '\\echo second line', 'select 2;', '']);
    const cases: { args: string[]; status?: number }[] = [
      { args: ['-v', 'ON_ERROR_STOP=0', '-c', '\\c no_such_db_ha', '-c', 'select 1', '-c', '\\echo hi :DBNAME :PORT :SERVER_VERSION_NUM', '-c', '\\conninfo', '-c', '\\dt', '-c', '\\c postgres', '-c', '\\c -'], status: 1 },
      { args: ['-v', 'ON_ERROR_STOP=0', '-c', '\\c no_such_db_ha', '-c', '\\c "dbname=postgres"', '-c', '\\conninfo', '-c', 'select 1 as one'] },
      { args: ['-v', 'ON_ERROR_STOP=0', '-c', '\\c no_such_db_ha', '-f', 'first-line.sql'], status: 2 },
      { args: ['-v', 'ON_ERROR_STOP=0', '-c', '\\c no_such_db_ha', '-f', 'first-line.sql', '-c', '\\echo after the script'] },
      { args: ['-1', '-v', 'ON_ERROR_STOP=0', '-c', '\\c no_such_db_ha', '-c', '\\echo in'] },
      // ON_ERROR_STOP ends there; a -c action's failure is psql's 1 (its 3 is a script's)
      { args: ['-v', 'ON_ERROR_STOP=1', '-c', '\\c no_such_db_ha', '-c', 'select 1'], status: 1 },
      { args: ['-v', 'ON_ERROR_STOP=1', '-c', 'select 1/0', '-c', 'select 1'], status: 1 },
    ];
    for (const { args, status } of cases) {
      const r = s.both(['-X', ...args]);
      assert.equal(JSON.stringify(r.sqlsh.stdout), JSON.stringify(r.psql.stdout), args.join(' '));
      assert.deepEqual(said(r.sqlsh.stderr).filter((l) => l !== 'The open transaction was rolled back.'), said(r.psql.stderr), args.join(' '));
      if (status !== undefined) assert.deepEqual([r.sqlsh.status, r.psql.status], [status, status], args.join(' '));
      else assert.notEqual(r.sqlsh.status, 0, args.join(' ')); // (sqlsh's one difference: errors it went past are not 0)
    }
  });

  test("\\? TOPIC: psql's topics commands, options and variables, written exactly; any other word lists the commands (exit 0); an extra word is warned about", async (t) => {
    const s = await setup(t);
    if (!s) return;
    const help = (topic: string) => s.both(['-X', '-c', `\\? ${topic}`.trimEnd()]);
    const list = help('');
    for (const tool of ['psql', 'sqlsh'] as const) {
      assert.equal(list[tool].status, 0);
      // (sqlsh's own help text; the topics behave as psql's)
      for (const topic of ['commands', 'foo', 'Options', 'opt', 'variables;', '"variables"']) {
        const r = help(topic)[tool];
        assert.equal(r.status, 0, `${tool} \\? ${topic}`);
        assert.equal(r.stdout, list[tool].stdout, `${tool} \\? ${topic}`);
      }
      for (const topic of ['options', 'variables']) {
        const r = help(topic)[tool];
        assert.equal(r.status, 0, `${tool} \\? ${topic}`);
        assert.notEqual(r.stdout, list[tool].stdout, `${tool} \\? ${topic}`);
      }
    }
    assert.match(help('options').sqlsh.stdout, /^Usage: sqlsh /m);
    assert.match(help('variables').sqlsh.stdout, /^ {2}ON_ERROR_STOP /m);
    const extra = help('variables extra');
    assert.deepEqual(lines(extra.sqlsh.stderr), lines(extra.psql.stderr));
    assert.equal(extra.sqlsh.stdout, help('variables').sqlsh.stdout);
  });

  test("SHOW_CONTEXT and VERBOSITY on PL/pgSQL's errors, notices and warnings: every stderr line as psql's (CONTEXT, SQLSTATE, LOCATION)", async (t) => {
    const s = await setup(t);
    if (!s) return;
    writeScript('show-context.sql', [
      '\\set ON_ERROR_STOP off',
      "create function f(x int) returns int language plpgsql as $$ begin raise notice 'in f %', x; if x = 0 then raise exception 'bad x' using detail = 'x was 0', hint = 'use 1'; end if; return 10 / x; end $$;",
      'create function g(x int) returns int language plpgsql as $$ begin return f(x) + 1; end $$;',
      ...['errors', 'always', 'never'].flatMap((context) => ['default', 'terse', 'verbose', 'sqlstate'].flatMap((verbosity) => [
        `\\set SHOW_CONTEXT ${context}`, `\\set VERBOSITY ${verbosity}`,
        'select g(0);', 'select g(1);', 'do $$ begin perform 1/0; end $$;', "do $$ begin raise warning 'warned'; end $$;",
        'select f(2) as v \\gset', 'copy (select f(3)) to stdout;',
      ])),
      '\\errverbose', '',
    ]);
    const r = s.both(['-X', '-f', 'show-context.sql']);
    assert.match(r.psql.stderr, /^LOCATION: {2}exec_stmt_raise/m);
    assert.equal(r.sqlsh.stdout, r.psql.stdout);
    assert.deepEqual(lines(r.sqlsh.stderr), lines(r.psql.stderr).map((l) => l.replace(/^psql:/, '')));
  });

  test('\\connect as psql: a connection string or URI alone takes nothing from the connection before (unless -reuse-previous=on), with USER, HOST or PORT it is an error; a host name and its address', async (t) => {
    const s = await setup(t);
    if (!s || env!.PGHOST !== '127.0.0.1') return;
    writeScript('reuse.sql', [
      '\\set ON_ERROR_STOP off', '\\conninfo',
      '\\c "dbname=template1"', '\\echo :DBNAME :HOST :PORT',
      '\\c postgres - localhost', '\\echo :DBNAME :HOST',
      '\\c -reuse-previous=off template1', '\\echo :DBNAME :HOST',
      '\\c postgres - localhost',
      '\\c -reuse-previous=on "dbname=template1"', '\\echo :DBNAME :HOST',
      '\\c -reuse-previous=on "dbname=postgres host=127.0.0.1"', '\\echo :DBNAME :HOST',
      '\\c - - localhost', '\\c postgresql:///template1', '\\echo :DBNAME :HOST',
      '\\c "dbname=postgres" postgres', '\\c postgres://localhost/postgres - -',
      '\\c -reuse-previous=foo postgres', '\\c -reuse-previous=yes - - localhost',
      '\\conninfo', '',
    ]);
    const args = ['-X', '-h', 'localhost', '-d', 'postgres', '-f', 'reuse.sql'];
    const psql = run(psqlBin(), args, env!);
    const sqlsh = run(process.execPath, [BIN, ...args], env!);
    assert.match(psql.stdout, /on host "localhost" \(address "127\.0\.0\.1"\)/);
    assert.equal(sqlsh.stdout, psql.stdout);
    assert.deepEqual(lines(sqlsh.stderr), lines(psql.stderr).map((l) => l.replace(/^psql:/, '')));
  });

  test("\\crosstabview's errors in a script are psql's lines (error: before them)", async (t) => {
    const s = await setup(t);
    if (!s) return;
    writeScript('crosstab-errors.sql', [
      '\\set ON_ERROR_STOP off',
      'select 1 as a, 2 as b \\crosstabview',
      'select 1 as a, 2 as b, 3 as c \\crosstabview a a',
      'select 1 as a, 2 as b, 3 as c, 4 as d \\crosstabview',
      'select 1 as a, 2 as b, 3 as c \\crosstabview 9',
      'select 1 as a, 2 as b, 3 as c \\crosstabview nosuch',
      'select 1 as a, 1 as b, 3 as c union all select 1, 1, 4 \\crosstabview',
      '',
    ]);
    const r = s.both(['-X', '-f', 'crosstab-errors.sql']);
    assert.equal(lines(r.psql.stderr).length, 6, r.psql.stderr);
    assert.deepEqual(lines(r.sqlsh.stderr), lines(r.psql.stderr).map((l) => l.replace(/^psql:/, '')));
    assert.equal(r.sqlsh.stdout, r.psql.stdout);
  });

  test('PGDATESTYLE and PGTZ in the environment set the session\'s DateStyle and TimeZone, as libpq sends them (pg_regress does)', async (t) => {
    const s = await setup(t);
    if (!s) return;
    writeScript('datestyle.sql', ["select '2010-03-09'::date as d, '2010-03-09 12:00+00'::timestamptz as ts;", 'show timezone;', '']);
    const r = s.both(['-X', '-f', 'datestyle.sql']);
    const withEnv = { ...env!, PGDATESTYLE: 'Postgres, MDY', PGTZ: 'PST8PDT' };
    const psql = run(psqlBin(), ['-X', '-f', 'datestyle.sql', '-d', 'postgres'], withEnv);
    const sqlsh = run(process.execPath, [BIN, '-X', '-f', 'datestyle.sql', '-d', 'postgres'], withEnv);
    assert.match(psql.stdout, /03-09-2010 \| Tue Mar 09 04:00:00 2010 PST/);
    assert.equal(JSON.stringify(sqlsh.stdout), JSON.stringify(psql.stdout), sqlsh.stderr);
    sameStdout(r);
  });

  test('errors and notices of a statement over several lines name the line of its terminator, as psql\'s FILE:LINE: does', async (t) => {
    const s = await setup(t);
    if (!s) return;
    writeScript('lines.sql', [
      'select 1', '  /0;', 'select', ' 1;', '', "do $$ begin raise notice 'x'; end $$", ';', 'select 2 \\gset',
      'select 1 as a, 2 as b', '\\gset', 'select', '1/0', '\\g', 'select 1/0; select', "'a' = 1;",
      // COPY's data: an error the server finds in it is named at the line of \. (psql has read them all)
      'create temp table pairs (a int);', 'copy pairs from stdin;', '1', 'x', '\\.', 'copy no_such from stdin;', '2', '\\.', '',
    ]);
    const r = s.both(['-X', '-v', 'ON_ERROR_STOP=off', '-f', 'lines.sql']);
    const located = (text: string) => lines(text).filter((l) => /^(psql:)?lines\.sql:\d+: /.test(l)).map((l) => l.replace(/^psql:/, ''));
    assert.ok(located(r.psql.stderr).length >= 5, r.psql.stderr);
    assert.deepEqual(located(r.sqlsh.stderr), located(r.psql.stderr));
  });

  test('many INSERTs in a row (sqlsh sends them ahead): statuses, notices and errors in psql\'s order, at their lines', async (t) => {
    const s = await setup(t);
    if (!s) return;
    copyFileSync(join(FIXTURES, 'pipeline.sql'), join(dir, 'pipeline.sql'));
    const r = s.merged(['-X', '-f', 'pipeline.sql']);
    assert.equal(r.psql.status, 3, r.psql.stdout);
    assert.equal(r.sqlsh.status, 3, r.sqlsh.stdout);
    // (sqlsh says on purpose that the block left open when ON_ERROR_STOP ended the script was rolled back)
    const text = (out: string) => out.replace(/^psql:(?=pipeline\.sql:\d+: )/gm, '').replace(/^sqlsh: transaction still open at the end of the script: .*\n/m, '');
    assert.ok(/pipeline\.sql:\d+: NOTICE:  seven: 7\nINSERT 0 1\n/.test(text(r.psql.stdout)), r.psql.stdout);
    assert.equal(text(r.sqlsh.stdout), text(r.psql.stdout));
    assert.equal(s.count('b', 'select count(*), sum(id) from pl'), s.count('a', 'select count(*), sum(id) from pl'));
  });

  test('psql options sqlsh lacks are refused with what to use instead (exit 2)', () => {
    for (const args of [['-L', 'log.txt'], ['-P', 'title=x'], ['-P', 'format=docbook'], ['-Ax', '-E']]) {
      const r = run(process.execPath, [BIN, ...args], testEnv(tempDir()));
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /is a psql option that sqlsh does not support: |sqlsh has no such printing option|allowed formats are/, args.join(' '));
    }
  });
});
