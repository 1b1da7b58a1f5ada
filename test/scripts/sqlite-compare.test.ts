/**
 * sqlite3 scripts with dot-commands, run by the sqlite3 shell and by sqlsh on fresh database files:
 * the same output byte for byte (sqlsh runs with -q: no status lines), success, and the same final `.dump`.
 * Fixtures in test/scripts/sqlite/.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, tempDir, testEnv } from '../meta/cli-helper.js';

const FIXTURES = join(ROOT, 'test', 'scripts', 'sqlite');
const sqlite3 = (args: readonly string[], input?: string) => spawnSync('sqlite3', args, { input, encoding: 'utf8', cwd: FIXTURES, timeout: 60_000 });

describe('sqlite3 scripts run by sqlite3 and by sqlsh', () => {
  for (const script of readdirSync(FIXTURES).filter((f) => f.endsWith('.sql')).sort()) {
    test(script, () => {
      const dir = tempDir();
      const [a, b] = [join(dir, 'a.db'), join(dir, 'b.db')];
      const real = sqlite3([a], readFileSync(join(FIXTURES, script), 'utf8'));
      assert.equal(real.status, 0, real.stderr);
      // the script read whole, and read as it runs in pieces of 53 characters (cut everywhere: runScriptInput)
      for (const [db, piece] of [[b, undefined], [join(dir, 'c.db'), '53']] as const) {
        const env = piece ? { ...testEnv(tempDir()), SQLSH_SCRIPT_PIECE_CHARS: piece } : testEnv(tempDir());
        const r = spawnSync(process.execPath, [BIN, db, '-q', '-f', script], { encoding: 'utf8', cwd: FIXTURES, env, timeout: 60_000 });
        const how = piece ? ` (read in pieces of ${piece} characters)` : '';
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout, real.stdout, `the same bytes as sqlite3${how}`);
        assert.equal(sqlite3([db, '.dump']).stdout, sqlite3([a, '.dump']).stdout, `the same database${how}`);
      }
    });
  }

  test("psql's \\; on SQLite is an error that says where it works, and nothing runs", () => {
    const dir = tempDir();
    const r = spawnSync(process.execPath, [BIN, join(dir, 'x.db'), '-c', 'select 41 \\; select 42;'], { encoding: 'utf8', env: testEnv(tempDir()) });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /\\; \(psql's several statements in one request\) works on PostgreSQL; on SQLite end each statement with ;/);
    assert.doesNotMatch(r.stdout, /4[12]/);
  });

  test('without -q a sqlite3 script prints no status lines either, from its first line; .databases as sqlite3 lists them', () => {
    const dir = tempDir();
    const [a, b] = [join(dir, 'a.db'), join(dir, 'b.db')];
    const script = "create table t(x);\ninsert into t values (1);\n.databases\nattach ':memory:' as aux;\n.databases\nselect * from t;\n";
    const real = sqlite3([a], script);
    const r = spawnSync(process.execPath, [BIN, b], { input: script, encoding: 'utf8', env: testEnv(tempDir()) });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, real.stdout.replaceAll(a, b));
    assert.equal(r.stdout, `main: ${b} r/w\nmain: ${b} r/w\naux: "" r/w\n1\n`);
  });

  test(".timer on writes sqlite3's Run Time line after each statement (the times aside, the same bytes)", () => {
    const dir = tempDir();
    const script = '.timer on\ncreate table t(a);\ninsert into t values (1);\nselect * from t;\n.timer off\nselect 2;\n';
    const real = sqlite3([join(dir, 'a.db')], script);
    const r = spawnSync(process.execPath, [BIN, join(dir, 'b.db')], { input: script, encoding: 'utf8', env: testEnv(tempDir()) });
    assert.equal(r.status, 0, r.stderr);
    const times = (s: string): string => s.replace(/\d+\.\d+/g, 'N');
    assert.equal(times(r.stdout), times(real.stdout));
    assert.match(r.stdout, /^Run Time: real \d\.\d{3} user \d\.\d{6} sys \d\.\d{6}\n/);
  });

  test(".stats on|off|stmt|vmstep is taken as sqlite3 takes it and .show says it; sqlite3's counters are not shown (said once on stderr)", () => {
    const dir = tempDir();
    const script = [
      'create table t(x);', '.stats on', 'insert into t values (1);', 'select * from t;', '.show', '.stats stmt', 'select 2;', '.st vmstep', 'select 3;',
      '.show', '.stats off', 'select 4;', '.show', '.stats yes', '.show', '.stats', '.stats 0', '.show',
    ].join('\n') + '\n';
    const [a, b] = [join(dir, 'a.db'), join(dir, 'b.db')];
    const real = sqlite3([a], script);
    const r = spawnSync(process.execPath, [BIN, b], { input: script, encoding: 'utf8', env: testEnv(tempDir()) });
    assert.equal(r.status, real.status, r.stderr);
    // sqlite3's counters: `Memory Used:   112568 (max 124224) bytes` ..., `VM-steps: 9`
    const counters = /^(VM-steps: \d+|[A-Z][A-Za-z0-9 ()/.]*: {2,}.*)\n/gm;
    assert.match(real.stdout, counters);
    assert.equal(r.stdout.replaceAll(b, 'DB'), real.stdout.replace(counters, '').replaceAll(a, 'DB'));
    assert.match(r.stdout, /^ {7}stats: vmstep$/m);
    assert.equal(r.stderr, "sqlsh: .stats: SQLite's counters (memory, page cache, each statement's steps) are not shown: the SQLite driver does not report them\n");
    // more than one word: sqlite3's usage line, an error (sqlite3 goes on with the script, sqlsh stops: run-script's rule)
    const usage = spawnSync(process.execPath, [BIN, b], { input: 'select 1;\n.stats a b\n', encoding: 'utf8', env: testEnv(tempDir()) });
    const realUsage = sqlite3([a], 'select 1;\n.stats a b\n');
    assert.equal(usage.stdout, realUsage.stdout);
    assert.equal(usage.stderr, realUsage.stderr);
    assert.equal(usage.status, realUsage.status);
  });

  test('.trace to a file, to stderr, with --profile and --close; .open ends it, as in sqlite3', () => {
    const dir = tempDir();
    const script = [
      'create table t(x);', '.trace trace.txt', 'insert into t values (1);', 'select * from t;', '.trace stderr', 'select 2;',
      '.trace stdout --profile', 'select 3;', '.trace stdout --close --stmt', 'select 4;', '.open other.db', 'select 5;',
      '.trace /nonexistent/dir/t.txt', 'select 6;', '.trace stdout', '.open x.db', 'select 7;', '.trace --bogus', '.trace stdout --row',
    ].join('\n') + '\n';
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    mkdirSync(a);
    mkdirSync(b);
    const real = spawnSync('sqlite3', ['x.db'], { input: script, encoding: 'utf8', cwd: a });
    const r = spawnSync(process.execPath, [BIN, 'x.db'], { input: script, encoding: 'utf8', cwd: b, env: testEnv(tempDir()) });
    const ns = (s: string): string => s.replace(/-- \d+ ns$/gm, '-- N ns');
    assert.equal(ns(r.stdout), ns(real.stdout));
    assert.match(r.stdout, /^select 3; -- \d+ ns$/m);
    assert.match(r.stdout, /^-- closing database connection$/m);
    assert.equal(readFileSync(join(b, 'trace.txt'), 'utf8'), readFileSync(join(a, 'trace.txt'), 'utf8'));
    // (sqlsh says that it does not trace each row; sqlite3 does)
    assert.equal(r.stderr.replace(/^\.trace --row: .*\n/m, ''), real.stderr);
    assert.match(r.stderr, /^select 2;\nError: cannot open "\/nonexistent\/dir\/t\.txt"\nUnknown option "--bogus" on "\.trace"\n/);
    assert.equal(r.status, real.status);
  });

  test('.trace writes a statement that runs, one that fails as it runs too, never one that does not compile (as SQLite traces)', () => {
    const dir = tempDir();
    const script = '.trace stdout\nselect nope;\nselect 1;\nselect abs(-9223372036854775808);\n/* c */ select 2 ;\n';
    const real = sqlite3([join(dir, 'a.db')], script);
    const r = spawnSync(process.execPath, [BIN, join(dir, 'b.db')], { input: script, encoding: 'utf8', env: testEnv(tempDir()) });
    assert.equal(r.stdout, real.stdout);
    assert.equal(r.stdout, 'select 1;\n1\nselect abs(-9223372036854775808);\n/* c */ select 2 ;\n2\n');
    assert.equal(r.stderr, real.stderr);
    assert.equal(r.status, real.status);
  });

  test('.show says .explain and .eqp as sqlite3 does; .eqp trace and .explain with a word that is not a boolean warn as sqlite3 does', () => {
    const dir = tempDir();
    const [a, b] = [join(dir, 'a.db'), join(dir, 'b.db')];
    const script = ['.show', '.explain on', '.show', '.mode csv', '.show', '.explain off', '.show', '.explain on', '.mode list', '.explain off', '.show',
      '.explain', '.explain auto', '.show', '.eqp full', '.show', '.eqp trigger', '.show', '.eqp trace', '.show', '.explain maybe', '.show'].join('\n') + '\n';
    const real = sqlite3([a], script);
    const r = spawnSync(process.execPath, [BIN, b], { input: script, encoding: 'utf8', env: testEnv(tempDir()) });
    assert.equal(r.stdout, real.stdout.replaceAll(a, b));
    assert.equal(r.stderr, real.stderr);
    assert.equal(r.status, real.status);
    assert.match(r.stdout, /^ {5}explain: on\n {5}headers: off\n {8}mode: explain\n/m);
    assert.match(r.stdout, /^ {9}eqp: trigger\n/m);
  });

  test(".import -v (the CREATE it makes, then the count) and its usage errors with sqlite3's help, as sqlite3 writes them", () => {
    const dir = tempDir();
    const script = '.import -v --csv imp.csv t2\n.import -v --csv --schema temp imp.csv t3\n.import --csv imp.csv\n.import --bogus imp.csv t10\n.import\n.import --csv a b c\nselect count(*) from t2;\n';
    const real = spawnSync('sqlite3', [join(dir, 'a.db')], { input: script, encoding: 'utf8', cwd: FIXTURES });
    const r = spawnSync(process.execPath, [BIN, join(dir, 'b.db')], { input: script, encoding: 'utf8', cwd: FIXTURES, env: testEnv(tempDir()) });
    assert.equal(r.stdout, real.stdout);
    assert.equal(r.stderr, real.stderr);
    assert.equal(r.status, real.status);
    assert.match(r.stdout, /^CREATE TABLE "t2"\(\n"id" TEXT, "name" TEXT, "note, quoted" TEXT\)\n\nAdded 2 rows with 0 errors using 3 lines of input\n/);
    assert.match(r.stdout, /^ERROR: unknown option: "-bogus"\. {2}Usage:\n\.import FILE TABLE {7}Import data from FILE into TABLE\n/m);
  });

  test('.load FILE ?ENTRYPOINT? loads an SQLite extension as sqlite3 does (its errors in SQLite\'s words), at the prompt\'s worker too', (t) => {
    const dir = tempDir();
    // a tiny extension, built here with the C compiler the native helper needs
    writeFileSync(join(dir, 'twice.c'), [
      '#include "sqlite3ext.h"', 'SQLITE_EXTENSION_INIT1',
      'static void twice(sqlite3_context *c, int n, sqlite3_value **v) { sqlite3_result_int64(c, 2 * sqlite3_value_int64(v[0])); }',
      'int sqlite3_twice_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) { SQLITE_EXTENSION_INIT2(api); return sqlite3_create_function(db, "twice", 1, SQLITE_UTF8, 0, twice, 0, 0); }',
      'int other_entry(sqlite3 *db, char **err, const sqlite3_api_routines *api) { SQLITE_EXTENSION_INIT2(api); return sqlite3_create_function(db, "thrice", 1, SQLITE_UTF8, 0, twice, 0, 0); }', '',
    ].join('\n'));
    const include = join(ROOT, 'node_modules', 'better-sqlite3', 'deps', 'sqlite3');
    const cc = spawnSync('cc', ['-shared', '-fPIC', '-I', include, 'twice.c', '-o', 'twice.so'], { cwd: dir, encoding: 'utf8' });
    if (cc.status !== 0) return t.skip(`no C compiler to build a test extension: ${cc.stderr ?? cc.error?.message}`);
    const script = '.load ./twice\nselect twice(21);\n.load ./twice.so other_entry\nselect thrice(2);\n.load ./nothing\n.load ./twice nope_init\n.load\nselect 1;\n';
    const real = spawnSync('sqlite3', [], { input: script, encoding: 'utf8', cwd: dir });
    const r = spawnSync(process.execPath, [BIN], { input: script, encoding: 'utf8', cwd: dir, env: testEnv(tempDir()) });
    assert.equal(r.stdout, real.stdout);
    assert.equal(r.stderr, real.stderr);
    assert.equal(r.status, real.status);
    assert.equal(r.stdout, '42\n4\n1\n');
  });

  test('.open, .backup, .save and .cd as sqlite3: the next statements run on the opened file, the copies are the database', () => {
    const dir = tempDir();
    const script = [
      'create table t(x); insert into t values (1);', '.backup b1.db', '.save s1.db', '.open a.db', 'create table u(y); insert into u values (2);',
      '.databases', '.open', '.databases', 'select 1;', '.open a.db', 'select * from u;', '.backup main b2.db', '.open --new a.db', '.tables',
      'create table v(z);', '.open --readonly a.db', '.databases', '.tables', '.open /nonexistent/x.db', '.databases',
      '.shell mkdir sub', '.cd sub', '.open in-sub.db', 'create table w(q);', '.backup nope z.db',
    ].join('\n') + '\n';
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    mkdirSync(a);
    mkdirSync(b);
    const real = spawnSync('sqlite3', [], { input: script, encoding: 'utf8', cwd: a });
    const r = spawnSync(process.execPath, [BIN], { input: script, encoding: 'utf8', cwd: b, env: testEnv(tempDir()) });
    assert.equal(r.stdout.replaceAll(b, 'DIR'), real.stdout.replaceAll(a, 'DIR'));
    assert.equal(r.stderr, real.stderr);
    assert.equal(r.status, real.status);
    const files = (d: string) => readdirSync(d).sort();
    assert.deepEqual(files(b), files(a));
    assert.deepEqual(files(join(b, 'sub')), files(join(a, 'sub')));
    for (const f of ['b1.db', 's1.db', 'b2.db', 'a.db', 'sub/in-sub.db']) assert.equal(sqlite3([join(b, f), '.dump']).stdout, sqlite3([join(a, f), '.dump']).stdout, f);
  });

  test('.backup, .save and .restore as sqlite3: page by page inside a transaction, of and into attached databases; the same files and errors', () => {
    const dir = tempDir();
    const script = [
      'create table t(a,b); insert into t values(1,\'x\'),(2,\'y\');', 'create index ti on t(b);',
      'begin;', 'select count(*) from t;', '.backup in-tx.db', '.save saved.db', 'insert into t values(3,\'z\');', '.backup locked.db', 'commit;',
      "attach 'aux.db' as aux;", 'create table aux.q(z); insert into aux.q values(42);', '.backup aux aux-copy.db', '.backup --async async.db',
      '.restore aux in-tx.db', 'select * from aux.t;', '.restore empty.db', '.tables', '.restore saved.db', 'select count(*) from t;',
      '.res temp saved.db', 'select * from temp.t;', '.backup nope x.db', '.restore nope saved.db', '.restore /nonexistent/dir/x.db',
      '.backup /nonexistent/dir/x.db', '.restore a b c', '.restore', '.print end',
    ].join('\n') + '\n';
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    mkdirSync(a);
    mkdirSync(b);
    const real = spawnSync('sqlite3', ['main.db'], { input: script, encoding: 'utf8', cwd: a });
    const r = spawnSync(process.execPath, [BIN, 'main.db'], { input: script, encoding: 'utf8', cwd: b, env: testEnv(tempDir()) });
    assert.equal(r.stdout, real.stdout);
    assert.equal(r.stderr, real.stderr);
    assert.equal(r.status, real.status);
    assert.equal(r.stdout, '2\n1|x\n2|y\naux.t\n2\n1|x\n2|y\nend\n');
    assert.match(r.stderr, /^Error: database is locked\n/);
    const files = (d: string) => readdirSync(d).sort();
    assert.deepEqual(files(b), files(a));
    for (const f of files(a)) assert.equal(sqlite3([join(b, f), '.dump']).stdout, sqlite3([join(a, f), '.dump']).stdout, f);
    assert.match(sqlite3([join(b, 'in-tx.db'), '.dump']).stdout, /CREATE INDEX ti on t\(b\);/);
  });

  test('.shell, .system, .cd and .open are refused in sandbox mode, as \\! is', () => {
    for (const line of ['.shell echo x', '.system echo x', '.cd /', '.open x.db', '.save x.db']) {
      const r = spawnSync(process.execPath, [BIN], { input: `\\-\n${line}\n`, encoding: 'utf8', cwd: tempDir(), env: testEnv(tempDir()) });
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /Not allowed in the sandbox mode/);
    }
  });

  test('.once sends only the next statement to the file; .output all of them until .output alone', () => {
    const dir = tempDir();
    const script = (d: string) => `.once ${d}/once.txt\nselect 1;\nselect 2;\n.output ${d}/out.txt\nselect 3;\n.headers on\nselect 4 as four;\n.output\nselect 5;\n`;
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    mkdirSync(a);
    mkdirSync(b);
    const real = sqlite3([join(a, 'x.db')], script(a));
    const r = spawnSync(process.execPath, [BIN, join(b, 'x.db')], { input: script(b), encoding: 'utf8', env: testEnv(tempDir()) });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, real.stdout);
    assert.equal(r.stdout, '2\n5\n5\n'); // (select 5 with its header: .headers on)
    for (const f of ['once.txt', 'out.txt']) assert.equal(readFileSync(join(b, f), 'utf8'), readFileSync(join(a, f), 'utf8'), f);
  });

  test('.show lists the settings as sqlite3 does (the width list grows with a columnar result, .width starts it again)', () => {
    const dir = tempDir();
    const [a, b] = [join(dir, 'a.db'), join(dir, 'b.db')];
    const script = [
      '.show', '.mode box', '.show', '.mode column', '.headers on', '.width 5 -3', '.nullvalue NUL', '.separator ; "\\r\\n"', '.show',
      'select 1,2,3;', '.show', `.output ${join(dir, 'out.txt')}`, '.show', '.output', '.echo on', '.show', '.echo off', '.mode column',
      'select 1,2;', 'select 1,2,3,4;', '.show', '.width', '.show', '.mode tabs', '.show',
    ].join('\n') + '\n';
    const real = sqlite3([a], script);
    const r = spawnSync(process.execPath, [BIN, b], { input: script, encoding: 'utf8', env: testEnv(tempDir()) });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, real.stdout.replaceAll(a, b));
    assert.match(r.stdout, /^ {8}echo: off\n {9}eqp: off\n/);
  });

  test("a dot-command sqlsh does not have is sqlite3's error in a script; errors of SQL are sqlite3's too", () => {
    const dir = tempDir();
    const r = spawnSync(process.execPath, [BIN, join(dir, 'x.db'), '-c', '.frobnicate on\nselect 1;'], { encoding: 'utf8', env: testEnv(tempDir()) });
    assert.equal(r.status, 1);
    assert.equal(r.stderr, 'Error: unknown command or invalid arguments:  "frobnicate". Enter ".help" for help\n');
    assert.doesNotMatch(r.stdout, /1/);
    // as sqlite3 writes them: Parse error near line N (with its context) / Runtime error ... (code); none of psql's FILE:LINE:
    const script = '.bail off\ncreate table t(a primary key);\nselect a, nope from t;\ninsert into t values (1);\ninsert into t values (1);\n.read no-such-file.sql\n';
    const real = sqlite3([join(dir, 'a.db')], script);
    const ours = spawnSync(process.execPath, [BIN, join(dir, 'b.db')], { input: script, encoding: 'utf8', env: testEnv(tempDir()) });
    assert.equal(ours.stderr, real.stderr);
    assert.match(ours.stderr, /^Parse error near line 3: no such column: nope\n {2}select a, nope from t;\n {12}\^--- error here\nRuntime error near line 5: UNIQUE constraint failed: t\.a \(19\)\nError: cannot open "no-such-file\.sql"\n$/);
    // SQL given on sqlite3's command line
    // (on new files: sqlite3 3.40 adds SQLITE_SCHEMA's (17) to a first statement's error on a file with tables)
    const args = spawnSync(process.execPath, [BIN, join(dir, 'd.db'), 'select nope'], { encoding: 'utf8', env: testEnv(tempDir()) });
    assert.equal(args.stderr, sqlite3([join(dir, 'c.db'), 'select nope']).stderr);
  });
});

describe('a sqlite3 script goes on past a failed statement, as sqlite3 does, unless .bail on', () => {
  for (const [how, bail] of [['without .bail', ''], ['with .bail on', '.bail on\n']] as const) {
    test(how, () => {
      const dir = tempDir();
      const script = `${bail}.headers on\ncreate table t(a primary key);\nselect nope;\ninsert into t values (1);\ninsert into t values (1);\ninsert into t values (2);\nselect a from t;\n`;
      const real = sqlite3([join(dir, 'a.db')], script);
      for (const [db, args] of [['b.db', []], ['c.db', ['-f', join(dir, 'x.sql')]]] as const) {
        writeFileSync(join(dir, 'x.sql'), script);
        const ours = spawnSync(process.execPath, [BIN, join(dir, db), ...args], { input: args.length ? '' : script, encoding: 'utf8', env: testEnv(tempDir()) });
        assert.equal(ours.stdout, real.stdout, `stdout (${args.length ? '-f' : 'stdin'})`);
        assert.equal(ours.stderr, real.stderr);
        assert.equal(ours.status, real.status);
        assert.equal(sqlite3([join(dir, db), '.dump']).stdout, sqlite3([join(dir, 'a.db'), '.dump']).stdout);
      }
    });
  }
});

describe("dot-command arguments are read with sqlite3's rules, never psql's", () => {
  test('a backquote in any dot-command runs no shell command (sqlite3 prints it as text)', () => {
    const dir = tempDir();
    const script = [
      '.print a`touch PWNED1`b', '.print "`touch PWNED2`"', '.nullvalue "`touch PWNED3`"', '.separator "`touch PWNED4`"',
      '.tables "`touch PWNED5`"', '.schema "`touch PWNED6`"', '.output "`touch PWNED7`"', '.output', '.headers "`touch PWNED8`"',
      '.once "`touch PWNED9`"', '.print x', '.bail off', '.read "`touch PWNED10`"', 'select 1;',
    ].join('\n') + '\n';
    const r = spawnSync(process.execPath, [BIN, join(dir, 'x.db')], { input: script, encoding: 'utf8', cwd: dir, env: testEnv(tempDir()) });
    assert.match(r.stdout, /^a`touch PWNED1`b\n`touch PWNED2`\n/);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('PWNED')), []);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('`')).sort(), ['`touch PWNED7`', '`touch PWNED9`'], '.output and .once wrote to the files named, as sqlite3 does');
    assert.equal(r.status, 1, 'the .read of a missing file failed');
    assert.match(r.stdout, /\n1\n$/);
  });
});

describe("dot-commands' bad arguments, .bail and .exit N: sqlite3's messages and exit status", () => {
  /** A script run by sqlite3 and by sqlsh in fresh directories: stdout, stderr's lines without sqlsh's `<stdin>:N: ` and the status. */
  const both = (script: string): { real: { stdout: string; stderr: string; status: number | null }; ours: { stdout: string; stderr: string; status: number | null } } => {
    const [a, b] = [tempDir(), tempDir()];
    const real = spawnSync('sqlite3', [join(a, 'x.db')], { input: script, encoding: 'utf8', cwd: a });
    const r = spawnSync(process.execPath, [BIN, join(b, 'x.db')], { input: script, encoding: 'utf8', cwd: b, env: testEnv(tempDir()) });
    return { real, ours: { stdout: r.stdout, stderr: r.stderr.replace(/^<stdin>:\d+: /gm, ''), status: r.status } };
  };

  for (const bad of ['.headers', '.headers OFF BAD', '.header', '.bail', '.bail on x', '.echo', '.echo on x', '.timer', '.timer on x', '.changes',
    '.nullvalue', '.nullvalue a b', '.separator', '.separator a b c', '.show x', '.read', '.read a b', '.indexes a b', '.schema a b', '.mode foo', '.binary', '.log', '.scanstats', '.fullschema x', '.restore']) {
    test(`${bad}: sqlite3's usage error, and .bail on stops there with status 1`, () => {
      const { real, ours } = both(`.bail on\n.print before\n${bad}\nselect 42;\n`);
      assert.equal(real.status, 1);
      assert.equal(ours.status, 1);
      assert.equal(ours.stdout, real.stdout);
      assert.equal(ours.stdout, 'before\n');
      const first = real.stderr.split('\n')[0]!;
      assert.equal(ours.stderr.split('\n')[0], first);
    });
  }

  test('.output FOO BAD and .output stdout BAD: an extra parameter, nothing opened', () => {
    for (const bad of ['.output FOO BAD', '.output stdout BAD', '.once a b']) {
      const { real, ours } = both(`.bail on\n${bad}\nselect 42;\n`);
      assert.equal(ours.status, real.status);
      assert.equal(ours.status, 1);
      // sqlite3 writes the error and its help on stdout; the help's words are sqlsh's own
      assert.equal(ours.stdout.split('  ')[0], real.stdout.split('  ')[0]);
      assert.match(ours.stdout, /^ERROR: extra parameter: "(BAD|b)"\.  Usage: \.(output|once) /);
    }
  });

  test('.headers foo (and .bail, .echo, .timer, .changes): sqlite3\'s warning, taken as off, status 0', () => {
    const { real, ours } = both('.headers foo\n.bail maybe\n.echo x\n.timer x\n.changes x\nselect 42 as n;\n');
    assert.equal(real.status, 0);
    assert.equal(ours.status, 0);
    assert.equal(ours.stdout, real.stdout);
    assert.equal(ours.stderr, real.stderr);
    assert.match(ours.stderr, /^ERROR: Not a boolean value: "foo"\. Assuming "no"\.\n/);
  });

  test('.bail on: an error stops the script with status 1 (not psql\'s 3); .bail off goes on', () => {
    for (const bail of ['on', 'off']) {
      const { real, ours } = both(`.bail ${bail}\nselect nosuch;\nselect 2;\n`);
      assert.equal(ours.status, real.status);
      assert.equal(ours.status, 1);
      assert.equal(ours.stdout, real.stdout, bail);
    }
  });

  test('.exit N leaves with status N (0x hex, a number\'s leading digits, & 255); .quit N and .exit 0 do not change it', () => {
    for (const script of ['.exit 3\nselect 1;\n', '.exit -1\n', '.exit 0x10\n', '.exit 2abc\n', '.exit 3 4\n', '.quit 4\n', '.exit x\n', '.bail off\nselect nosuch;\n.exit 0\n', '.bail off\nselect nosuch;\n.exit 5\n']) {
      const { real, ours } = both(script);
      assert.equal(ours.status, real.status, script);
      assert.equal(ours.stdout, real.stdout, script);
    }
  });
});

describe(".import as sqlite3 3.40 imports", () => {
  test('import-modes.sql: the same warnings on stderr as sqlite3 (short and long rows, stray quotes, renamed columns), in its order', () => {
    const dir = tempDir();
    const script = readFileSync(join(FIXTURES, 'import-modes.sql'), 'utf8');
    const real = sqlite3([join(dir, 'a.db')], script);
    const r = spawnSync(process.execPath, [BIN, join(dir, 'b.db')], { input: script, encoding: 'utf8', cwd: FIXTURES, env: testEnv(tempDir()) });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, real.stderr);
    assert.match(r.stderr, /^imp-list\.txt:4: expected 2 columns but found 1 - filling the rest with NULL\nimp-list\.txt:5: expected 2 columns but found 3 - extras ignored\n/);
    assert.doesNotMatch(r.stdout, /COPY/);
  });

  test("a missing FILE or TABLE, an extra argument, an unknown option: sqlite3's error on stdout, status 1; a row that fails is said and the others go in", () => {
    const [a, b] = [tempDir(), tempDir()];
    for (const bad of ['.import', '.import f.csv', '.import f.csv t x', '.import --foo f.csv t', '.import -skip f.csv t']) {
      const script = `.bail on\n${bad}\nselect 42;\n`;
      const real = spawnSync('sqlite3', [join(a, 'x.db')], { input: script, encoding: 'utf8', cwd: a });
      const r = spawnSync(process.execPath, [BIN, join(b, 'x.db')], { input: script, encoding: 'utf8', cwd: b, env: testEnv(tempDir()) });
      assert.equal(r.status, real.status, bad);
      assert.equal(r.stdout, real.stdout, bad);
      assert.match(r.stdout, /^ERROR: .*Usage:\n\.import FILE TABLE /, bad);
    }
    const script = "create table u(a primary key, b);\ninsert into u values ('2', 'x');\n.bail off\n.import \"|printf '1,a\\n2,b\\n3,c\\n'\" u\n.mode csv\n.import \"|printf '4,a\\n2,b\\n5,c\\n'\" u\nselect * from u;\n";
    const real = spawnSync('sqlite3', [join(a, 'y.db')], { input: script, encoding: 'utf8', cwd: a });
    const r = spawnSync(process.execPath, [BIN, join(b, 'y.db')], { input: script, encoding: 'utf8', cwd: b, env: testEnv(tempDir()) });
    assert.equal(r.stdout, real.stdout);
    assert.equal(r.stdout, '2,x\n"1,a",\n"2,b",\n"3,c",\n4,a\n5,c\n'); // (list mode: one field a line, b NULL)
    assert.match(r.stderr, /<pipe>:2: INSERT failed: UNIQUE constraint failed: u\.a/);
    // a failed row makes the exit status 1 (sqlite3 3.40 says so for a file; after a |command it exits 0)
    for (const d of [a, b]) writeFileSync(join(d, 'g.csv'), '1,a\n2,b\n');
    const again = "create table u(a primary key, b);\ninsert into u values ('2', 'x');\n.import --csv g.csv u\nselect count(*) from u;\n";
    const real2 = spawnSync('sqlite3', [join(a, 'z.db')], { input: again, encoding: 'utf8', cwd: a });
    const r2 = spawnSync(process.execPath, [BIN, join(b, 'z.db')], { input: again, encoding: 'utf8', cwd: b, env: testEnv(tempDir()) });
    assert.equal(r2.status, real2.status);
    assert.equal(r2.status, 1);
    assert.equal(r2.stderr, real2.stderr);
  });
});
