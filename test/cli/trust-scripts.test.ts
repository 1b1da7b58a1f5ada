/**
 * Issue 10 on SQLite files, as a script sees them: an unterminated quote or comment at the end of a
 * script is an error (exit 1), a script that ends inside a transaction says so and exits 1, JSON
 * keeps -0, and an unusable HOME, history path or data directory gives one sentence, never a stack.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, letNobodyReachCheckout, runCli, sandboxEnv } from '../helpers/run-cli.js';
import { describeFailure } from '../../src/cli/describe-failure.js';
import { UsageError, UserError } from '../../src/core/errors.js';
import { makeDirectory } from '../../src/core/make-directory.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-trust-'));
chmodSync(dir, 0o755);
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

function fresh(name: string): string {
  const db = join(dir, name);
  const r = runCli([db, '-c', 'create table t(x)']);
  assert.equal(r.code, 0, r.stderr);
  return db;
}

describe('a script that ends inside a quote or a comment', () => {
  const db = fresh('open.db');
  const cases: Array<[string, RegExp]> = [
    ['select /* x', /ERROR: {2}unterminated \/\* comment at the end of the input\nLINE 1: select \/\* x\n {15}\^/],
    ["select 'abc", /ERROR: {2}unterminated quoted string at the end of the input/],
    ['select "ab', /ERROR: {2}unterminated quoted identifier at the end of the input/],
    ['/* only a comment', /ERROR: {2}unterminated \/\* comment/],
  ];
  for (const [sql, message] of cases) {
    test(`-c ${JSON.stringify(sql)} fails with exit 1 and says what is open`, () => {
      const r = runCli([db, '-c', sql]);
      assert.equal(r.code, 1, `stdout: ${r.stdout}\nstderr: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '', 'nothing ran');
    });
  }

  test('piped stdin and -f: the statements before it run, the error names the line, exit 1', () => {
    const script = "insert into t values (1);\nselect count(*) as n from t;\nselect 'never ends\n;\n";
    const piped = runCli([db, '--format', 'csv'], { input: script });
    assert.equal(piped.code, 1, piped.stderr);
    assert.equal(piped.stdout, 'n\n1\n');
    assert.match(piped.stderr, /^<stdin>:3: ERROR: {2}unterminated quoted string at the end of the input\nLINE 1: select 'never ends\n {15}\^$/m);
    const file = join(dir, 'open.sql');
    writeFileSync(file, script);
    const f = runCli([db, '--format', 'csv', '-f', file]);
    assert.equal(f.code, 1, f.stderr);
    assert.match(f.stderr, /open\.sql:3: ERROR: {2}unterminated quoted string/);
  });

  test('DuckDB: an unterminated dollar quote is named as such', () => {
    const r = runCli(['duckdb::memory:', '-c', 'select $$abc']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^ERROR: {2}unterminated dollar-quoted string at the end of the input\nLINE 1: select \$\$abc\n {15}\^/);
  });

  test('a complete script with a trailing line comment is fine', () => {
    const r = runCli([db, '--format', 'csv', '-c', 'select 1 as one; -- done']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'one\n1\n');
  });
});

describe('a script that ends inside a transaction', () => {
  test('-c "begin; insert ..." says it was rolled back on stderr and exits 1; the row is not there', () => {
    const db = fresh('tx.db');
    const r = runCli([db, '-c', 'begin; insert into t values (1)']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^sqlsh: transaction still open at the end of the script: rolled back/m);
    const count = runCli([db, '--format', 'csv', '--no-header', '-c', 'select count(*) from t']);
    assert.equal(count.stdout, '0\n');
  });

  test('\\q inside a transaction in a script: the same', () => {
    const db = fresh('txq.db');
    const r = runCli([db], { input: 'begin;\ninsert into t values (1);\n\\q\nselect 1;\n' });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /transaction still open at the end of the script: rolled back/);
  });

  test('a committed transaction is quiet and exits 0', () => {
    const db = fresh('txok.db');
    const r = runCli([db, '-c', 'begin; insert into t values (1); commit']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
  });
});

test('JSON keeps the sign of -0 (valid JSON, as PostgreSQL to_json gives)', () => {
  const r = runCli(['-c', 'select -0.0 as z, 0.0 as p', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '[\n{"z":-0,"p":0}\n]\n');
  assert.ok(Object.is(JSON.parse(r.stdout)[0].z, -0));
  const l = runCli(['-c', 'select -0.0 as z', '--format', 'jsonl']);
  assert.equal(l.stdout, '{"z":-0}\n');
});

describe('an unusable HOME or state directory: one sentence, no stack', () => {
  test('HOME is a file: a script still runs; --demo says why it cannot and exits 2', () => {
    const home = join(dir, 'home-file');
    writeFileSync(home, 'not a directory');
    const env = { ...sandboxEnv(), HOME: home };
    delete (env as Record<string, string | undefined>)['XDG_CONFIG_HOME'];
    delete (env as Record<string, string | undefined>)['XDG_DATA_HOME'];
    delete (env as Record<string, string | undefined>)['XDG_STATE_HOME'];
    const r = runCli(['--format', 'csv', '-c', 'select 1 as one'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'one\n1\n');
    assert.doesNotMatch(r.stderr, STACK);
    const demo = runCli(['--demo', '-c', 'select 1'], { env });
    assert.equal(demo.code, 2);
    assert.match(demo.stderr, /^sqlsh: cannot create the demo database at ".*home-file\/\.local\/share\/sqlsh\/demo\.db": a part of the path is not a directory\. Set XDG_DATA_HOME \(or HOME\) to a writable directory\.\n$/);
    assert.doesNotMatch(demo.stderr, /internal error/);
  });

  test('a read-only HOME with --demo: one sentence, exit 2 (run as an unprivileged user when root)', () => {
    const home = join(dir, 'ro-home');
    mkdirSync(home);
    chmodSync(home, 0o555);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(home, 65534, 65534);
    const env = { ...sandboxEnv(), HOME: home, XDG_DATA_HOME: join(home, '.local', 'share') };
    const restore = asRoot ? letNobodyReachCheckout() : () => {};
    let r;
    try {
      r = spawnSync(process.execPath, [BIN, '--demo', '-c', 'select 1'], {
        env, cwd: ROOT, encoding: 'utf8', timeout: 60_000, ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
    } finally {
      restore();
    }
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^sqlsh: cannot create the demo database at ".*ro-home\/\.local\/share\/sqlsh\/demo\.db": permission denied\. Set XDG_DATA_HOME/);
    assert.doesNotMatch(r.stderr, STACK);
  });

  test('an output path that is a directory: words, exit 2', () => {
    const r = runCli(['-c', 'select 1', '-o', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^sqlsh: cannot write to ".*": it is a directory/);
    assert.doesNotMatch(r.stderr, STACK);
  });
});

test('the top level: a typed failure is one sentence with its exit code; a bug is one line and a hint, the stack only with SQLSH_DEBUG', () => {
  assert.deepEqual(describeFailure(new UserError('cannot do X: permission denied')), { text: 'sqlsh: cannot do X: permission denied', code: 2 });
  assert.deepEqual(describeFailure(new UsageError('unknown option "-z"')), { text: 'sqlsh: unknown option "-z"', code: 2 });
  const bug = new TypeError("Cannot read properties of undefined (reading 'x')\nsecond line");
  const plain = describeFailure(bug, {});
  assert.equal(plain.code, 70);
  assert.equal(plain.text, "sqlsh: internal error: TypeError: Cannot read properties of undefined (reading 'x') (a bug in sqlsh; SQLSH_DEBUG=1 shows where)");
  assert.doesNotMatch(plain.text, STACK);
  assert.match(describeFailure(bug, { SQLSH_DEBUG: '1' }).text, STACK);
  assert.doesNotMatch(describeFailure(new Error('failed for postgres://u:hunter2@h/db'), {}).text, /hunter2/);
});

test('makeDirectory: parents made level by level; under /proc it fails with a reason instead of looping (found by the fuzz test)', () => {
  const deep = join(dir, 'a', 'b', 'c');
  makeDirectory(deep);
  makeDirectory(deep); // already there: fine
  assert.throws(() => makeDirectory(join(dir, 'open.db', 'x')), /ENOTDIR|not a directory/);
  if (process.platform === 'linux') {
    const started = Date.now();
    assert.throws(() => makeDirectory('/proc/self/sqlsh-h4/x'), (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
    assert.ok(Date.now() - started < 2000);
  }
});

test('--help says where a password is safer than on the command line, with an example, and lists the exit codes', () => {
  const r = runCli(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /PGPASSWORD/);
  assert.match(r.stdout, /~\/\.pgpass/);
  assert.match(r.stdout, /~\/\.my\.cnf/);
  assert.match(r.stdout, /MYSQL_PWD/);
  assert.match(r.stdout, /echo '[^']+' >> ~\/\.pgpass && chmod 600 ~\/\.pgpass/);
  assert.match(r.stdout, /Exit codes: 0 success; 1 [^]*2 usage error[^]*70 internal error/);
});

test('a --password that is not for a server is refused without echoing the value, and points to the safer ways', () => {
  for (const args of [['--password=Marker-h4-pw', ':memory:'], ['--password', 'Marker-h4-pw'], ['-W=Marker-h4-pw'], ['-pMarker-h4-pw', 'x.db']]) {
    const r = runCli(args);
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stderr, /Marker-h4-pw/);
  }
  // (--password=VALUE is the mysql client's: a file database has no password)
  assert.match(runCli(['--password=x']).stderr, /^sqlsh: -p\/--password gives a server's password \(mysql -u USER -pSECRET DB\); a SQLite database has none/);
  assert.match(runCli(['--password', 'x']).stderr, /^sqlsh: unknown option "--password"; give the password in PGPASSWORD, ~\/\.pgpass, MYSQL_PWD or ~\/\.my\.cnf, or let sqlsh ask for it/);
});
