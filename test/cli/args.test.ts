import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../src/cli/args.js';
import { UsageError } from '../../src/core/errors.js';

describe('parseArgs', () => {
  test('a target and repeated -c keep their order with -f', () => {
    const o = parseArgs(['demo.db', '-c', 'select 1', '-f', 'a.sql', '--command=select 2']);
    assert.equal(o.target, 'demo.db');
    assert.deepEqual(o.scripts, [
      { type: 'command', sql: 'select 1' },
      { type: 'file', path: 'a.sql' },
      { type: 'command', sql: 'select 2' },
    ]);
  });

  test('-f - reads stdin', () => {
    assert.deepEqual(parseArgs(['-f', '-']).scripts, [{ type: 'file', path: '-' }]);
  });

  test('output options', () => {
    const o = parseArgs(['--format', 'csv', '-o', 'out.csv', '--no-header', '--null', '(null)', '--continue-on-error']);
    assert.equal(o.format, 'csv');
    assert.equal(o.output, 'out.csv');
    assert.equal(o.header, false);
    assert.equal(o.nullString, '(null)');
    assert.equal(o.continueOnError, true);
  });

  test('bare -h is help, -h HOST is the host (psql style)', () => {
    assert.equal(parseArgs(['-h']).help, true);
    assert.equal(parseArgs(['--help']).help, true);
    const o = parseArgs(['-h', 'db.local', '-p', '5433', '-U', 'alice', '-d', 'shop']);
    assert.equal(o.help, false);
    assert.equal(o.host, 'db.local');
    assert.equal(o.port, 5433);
    assert.equal(o.user, 'alice');
    assert.equal(o.database, 'shop');
    assert.equal(o.flagEngine, 'postgres');
  });

  test('mysql-style flags select mysql', () => {
    const o = parseArgs(['-h', 'localhost', '-P', '3306', '-u', 'bob', '-D', 'shop']);
    assert.equal(o.flagEngine, 'mysql');
    assert.equal(o.port, 3306);
  });

  test('mixing psql and mysql flags is an error that names both styles', () => {
    assert.throws(() => parseArgs(['-U', 'alice', '-u', 'bob']), /PostgreSQL.*MySQL|-h -p -U -d/);
  });

  test('-V and --version', () => {
    assert.equal(parseArgs(['-V']).version, true);
    assert.equal(parseArgs(['--version']).version, true);
  });

  test('unknown option suggests the closest one', () => {
    assert.throws(() => parseArgs(['--formt', 'csv']), (e: unknown) => e instanceof UsageError && /did you mean --format/.test(e.message));
  });

  test('bad format names the allowed ones', () => {
    assert.throws(() => parseArgs(['--format', 'xml']), /table, expanded, csv, tsv, json, jsonl, markdown/);
  });

  test('missing value', () => {
    assert.throws(() => parseArgs(['-c']), /-c needs a value/);
  });

  test('bad port', () => {
    assert.throws(() => parseArgs(['-p', 'abc']), /port number/);
  });

  test('two targets is a usage error that hints at -c; after a SQLite file, SQL as sqlite3 takes it', () => {
    assert.throws(() => parseArgs(['postgres://h/db', 'select 1']), /at most one database target.*-c/);
    const o = parseArgs(['a.db', 'select 1', '.tables']);
    assert.deepEqual([o.target, o.scripts, o.sqlite3Prelude], ['a.db', [{ type: 'command', sql: 'select 1' }, { type: 'command', sql: '.tables' }], []]);
  });

  test("sqlite3's command line: its options as the dot-commands they stand for, in order; -csv not read as psql's -c sv", () => {
    const o = parseArgs(['-bail', '-csv', '-header', 'a.db', '-separator', ';', '-cmd', '.width 5', 'select 1']);
    assert.deepEqual(o.sqlite3Prelude, ['.bail on', '.mode csv\n.separator , "\\n"', '.headers on', '.separator ";"', '.width 5']);
    assert.deepEqual(o.scripts, [{ type: 'command', sql: 'select 1' }]);
    assert.equal(parseArgs(['-readonly', 'a.db', '-json']).readOnly, true);
    assert.throws(() => parseArgs(['-csv', 'a.db', '-c', 'select 1']), /-c: sqlite3's option is not one sqlsh takes/);
    // psql's own short flags on a SQLite file are still psql's
    assert.deepEqual(parseArgs(['a.db', '-At', '-c', 'select 1']).scripts, [{ type: 'command', sql: 'select 1' }]);
    assert.equal(parseArgs(['a.db', '-At', '-c', 'select 1']).sqlite3Prelude, undefined);
  });

  test('--demo with a target is refused', () => {
    assert.throws(() => parseArgs(['--demo', 'x.db']), /--demo/);
  });
});

describe('parseArgs: psql printing flags and mysql command lines', () => {
  test('short flags bundle as getopt: -At, -Atc SQL, -qAt', () => {
    const o = parseArgs(['-Atc', 'select 1']);
    assert.deepEqual(o.psets, [{ name: 'format', value: 'unaligned' }, { name: 'tuples_only', value: 'on' }]);
    assert.deepEqual(o.scripts, [{ type: 'command', sql: 'select 1' }]);
    assert.deepEqual(parseArgs(['-qAt']).variables, [{ name: 'QUIET', value: 'on' }]);
    assert.equal(parseArgs(['-p5433']).port, 5433);
  });

  test('-F, -R, -z, -0, -x, -P NAME=VALUE, --pset; a number after -P is the MySQL port', () => {
    const o = parseArgs(['-F', ',', '-R', ';', '-z', '-0', '-x', '-P', 'null=(null)', '--pset=footer=off']);
    assert.deepEqual(o.psets?.map((p) => p.name), ['fieldsep', 'recordsep', 'fieldsep_zero', 'recordsep_zero', 'expanded', 'null', 'footer']);
    assert.equal(parseArgs(['-P', '3307']).port, 3307);
    assert.equal(parseArgs(['-P', '3307']).flagEngine, 'mysql');
    assert.deepEqual(parseArgs(['-P', 'format=html']).psets, [{ name: 'format', value: 'html' }]);
    assert.deepEqual(parseArgs(['-P', 'format=latex']).psets, [{ name: 'format', value: 'latex' }]);
    assert.throws(() => parseArgs(['-P', 'format=docx']), /allowed formats/);
    assert.deepEqual(parseArgs(['-P', 'border=2', '-P', 'linestyle=unicode']).psets, [{ name: 'border', value: '2' }, { name: 'linestyle', value: 'unicode' }]);
    assert.throws(() => parseArgs(['-P', 'linestyle=fancy']), /allowed line styles/);
    assert.throws(() => parseArgs(['-P', 'title=x']), /no such printing option/);
    // the mysql client's -f is --force; a script file after it is sqlsh's -f FILE
    assert.equal(parseArgs(['-u', 'bob', '-f', 'shop']).mysqlForce, true);
    assert.equal(parseArgs(['-u', 'bob', '--force', 'shop']).continueOnError, true);
    assert.deepEqual(parseArgs(['-u', 'bob', '-f', 'load.sql', 'shop']).scripts, [{ type: 'file', path: 'load.sql' }]);
    assert.equal(parseArgs(['-f', 'shop.sql', 'x.db']).mysqlForce, undefined);
    assert.deepEqual(parseArgs(['-P', 'pager=off']).psets, [{ name: 'pager', value: 'off' }]);
    assert.throws(() => parseArgs(['-P', 'footer=maybe']), /Boolean expected/);
  });

  test('on a mysql command line -e runs SQL, -t draws a table, -E is vertical; elsewhere -e echoes, -t is rows only', () => {
    const my = parseArgs(['mysql://bob@localhost/shop', '-e', 'select 1', '-t']);
    assert.deepEqual(my.scripts, [{ type: 'command', sql: 'select 1' }]);
    assert.deepEqual(my.psets?.map((p) => `${p.name}=${p.value}`), ['format=ascii', 'footer=off']);
    assert.equal(parseArgs(['-u', 'bob', '-E', '-e', 'select 1']).format, 'expanded');
    const pg = parseArgs(['postgres://alice@localhost/shop', '-e', '-t', '-c', 'select 1']);
    assert.deepEqual(pg.variables, [{ name: 'ECHO', value: 'queries' }]);
    assert.deepEqual(pg.psets, [{ name: 'tuples_only', value: 'on' }]);
  });

  test('--raw (mysql): tab-separated values as they are, NULL as NULL, no footer', () => {
    const o = parseArgs(['mariadb://x/y', '-B', '--raw', '-N']);
    assert.equal(o.format, undefined);
    assert.equal(o.nullString, 'NULL');
    assert.equal(o.header, false);
    assert.deepEqual(o.psets?.map((p) => p.name), ['format', 'fieldsep', 'footer']);
  });
});

describe("the mysql client's -pPASSWORD", () => {
  test('-pSECRET and --password=SECRET are the password on its command line; -p and --password alone ask; the next word is never the value', () => {
    assert.equal(parseArgs(['-uroot', '-psecret', 'db']).password, 'secret');
    assert.equal(parseArgs(['mysql://h/db', '-p1234']).password, '1234', 'digits too: a password, not the port, as the client reads it');
    assert.equal(parseArgs(['mysql://h/db', '-p1234']).port, undefined);
    assert.equal(parseArgs(['-u', 'root', '--password=s3cret', 'db']).password, 's3cret');
    assert.equal(parseArgs(['-u', 'root', '--password=', 'db']).password, '', 'an empty password');
    assert.equal(parseArgs(['-u', 'root', '-Bpxyzzy', 'db']).password, 'xyzzy', 'after a flag without a value, as getopt reads it');
    for (const argv of [['-u', 'root', '-p', 'shop'], ['-u', 'root', '--password', 'shop'], ['-uroot', '-Np', 'shop']]) {
      const o = parseArgs(argv);
      assert.equal(o.askPassword, true, argv.join(' '));
      assert.equal(o.password, undefined);
      assert.equal(o.target, 'shop', 'the next word is the database');
    }
    assert.equal(parseArgs(['-u', 'root', '-p', '-psecret']).askPassword, undefined, 'the last one wins');
  });
  test("psql's -p PORT is still the port, and a word there is refused without being repeated", () => {
    assert.equal(parseArgs(['-h', 'db', '-p', '5433']).port, 5433);
    assert.equal(parseArgs(['-h', 'db', '-p5433']).password, undefined);
    assert.throws(() => parseArgs(['-h', 'db', '-p', 's3cret']), (e: Error) => /psql's port/.test(e.message) && /-u USER/.test(e.message) && !/s3cret/.test(e.message));
    // -pSECRET and --password=SECRET are the mysql client's alone: its command line, with -h only too
    assert.equal(parseArgs(['-h', 'db', '-ps3cret', 'shop']).password, 's3cret');
    assert.equal(parseArgs(['-h', 'db', '-ps3cret', 'shop']).flagEngine, 'mysql');
    assert.equal(parseArgs(['-h', 'db', '--password=s3cret', 'shop']).password, 's3cret');
    assert.throws(() => parseArgs(['--password', 's3cret', 'x.db']), (e: Error) => /unknown option "--password"/.test(e.message) && !/s3cret/.test(e.message));
  });
});

test("the mysql client's --default-character-set: utf8mb4 (sqlsh's) or utf8/utf8mb3; another is refused with what to do", () => {
  assert.equal(parseArgs(['-u', 'root', '--default-character-set=utf8mb4', 'db']).charset, undefined);
  assert.equal(parseArgs(['-u', 'root', '--default-character-set=utf8', 'db']).charset, 'utf8mb3');
  assert.equal(parseArgs(['-u', 'root', '--default-character-set', 'UTF8MB3', 'db']).charset, 'utf8mb3');
  assert.throws(() => parseArgs(['-u', 'root', '--default-character-set=latin1', 'db']), /reads scripts as UTF-8[^]*iconv -f latin1 -t utf-8/);
  // the client's own option: the command line is the client's (-pSECRET a password, not psql's port)
  assert.equal(parseArgs(['--default-character-set=utf8mb4', '-h', 'db', '-psecret']).password, 'secret');
});

test("which flags are the mysql client's own (its output habits): a bundle's letters up to a value, -p as -u", () => {
  assert.equal(parseArgs(['mysql://h/db', '-cSELECT 1']).mysqlClient, undefined, "psql's -c with SQL attached: the SQL's letters are no flags");
  assert.equal(parseArgs(['mysql://h/db', '-c', 'select 1']).mysqlClient, undefined);
  assert.equal(parseArgs(['mysql://h/db', '-psecret', '-c', 'select 1']).mysqlClient, true);
  assert.equal(parseArgs(['mysql://h/db', '-p1234', '-c', 'select 1']).mysqlClient, true, 'digits too: the same flag');
  assert.equal(parseArgs(['mysql://h/db', '-Ne', 'select 1']).mysqlClient, true);
});

test("the mysql client's -S / --socket PATH (psql's -S, single-line mode, is not sqlsh's)", () => {
  for (const argv of [['-S', '/run/x.sock', '-u', 'root'], ['-S/run/x.sock'], ['--socket=/run/x.sock', 'db'], ['--socket', '/run/x.sock']]) {
    const o = parseArgs(argv);
    assert.equal(o.socket, '/run/x.sock', argv.join(' '));
    assert.equal(o.flagEngine, 'mysql');
  }
  assert.equal(parseArgs(['--protocol=TCP', '-h', 'localhost']).tcp, true);
  assert.equal(parseArgs(['--protocol=socket', '-u', 'x']).tcp, undefined);
  assert.throws(() => parseArgs(['--protocol=pipe', '-u', 'x']), /TCP or a Unix socket/);
  assert.throws(() => parseArgs(['--protocol=bogus', '-u', 'x']), /unknown protocol "bogus"/);
});

test("the mysql client's boolean options: --NAME, --NAME=0|1, --skip-NAME, --disable-NAME, --enable-NAME; what sqlsh cannot do is refused", () => {
  assert.equal(parseArgs(['-u', 'x', '--show-warnings']).mysqlShowWarnings, true);
  assert.equal(parseArgs(['-u', 'x', '--show-warnings=off']).mysqlShowWarnings, false);
  assert.equal(parseArgs(['-u', 'x', '--show-warnings', '--skip-show-warnings']).mysqlShowWarnings, false);
  assert.equal(parseArgs(['--show-warnings', '-h', 'db', 'shop']).mysqlShowWarnings, true, "the client's option: the client's command line");
  assert.throws(() => parseArgs(['-u', 'x', '--show-warnings=maybe']), /takes 0 or 1/);
  assert.throws(() => parseArgs(['-u', 'x', '--ssl']), /do not use TLS/);
  assert.doesNotThrow(() => parseArgs(['-u', 'x', '--ssl=0', '--skip-ssl', '--disable-ssl', '-C', '--quick', '--no-beep']));
  assert.throws(() => parseArgs(['-u', 'x', '--local-infile=0']), /sends the file/);
});

test("the mysql client's --init-command and --connect-timeout", () => {
  const o = parseArgs(['-u', 'x', '--init-command=set names utf8mb4', '--connect-timeout', '7']);
  assert.equal(o.initCommand, 'set names utf8mb4');
  assert.equal(o.connectTimeout, 7);
  assert.throws(() => parseArgs(['-u', 'x', '--connect-timeout=soon']), /number of seconds/);
});

test("the mysql client's -vv is taken (row counts after each statement); -vvv too, with the ascii table (unless -E)", () => {
  assert.equal(parseArgs(['-u', 'bob', '-vv', 'shop']).mysqlVerbose, 2);
  const o = parseArgs(['-u', 'bob', '-vvv', '-B', 'shop']);
  assert.equal(o.mysqlVerbose, 3);
  assert.deepEqual(o.psets?.slice(-2), [{ name: 'format', value: 'ascii' }, { name: 'footer', value: 'off' }]);
  assert.equal(parseArgs(['-u', 'bob', '-vvv', '-E', 'shop']).psets?.some((p) => p.value === 'ascii') ?? false, false);
});

test("the mysql client's -A / --no-auto-rehash / --auto-rehash: accepted on a mysql command line and change nothing (psql's -A elsewhere)", () => {
  const plain = parseArgs(['mysql://u@h/db', '-e', 'select 1']);
  for (const flag of ['-A', '--no-auto-rehash', '--auto-rehash', '--skip-auto-rehash']) {
    const o = parseArgs(['mysql://u@h/db', flag, '-e', 'select 1']);
    assert.deepEqual(o, plain, flag);
  }
  assert.deepEqual(parseArgs(['-u', 'root', '-A', 'db']).psets, parseArgs(['-u', 'root', 'db']).psets);
  assert.equal(parseArgs(['-u', 'root', '-A', 'db']).mysqlClient, true);
  assert.deepEqual(parseArgs(['postgres://h/db', '-A', '-c', 'select 1']).psets, [{ name: 'format', value: 'unaligned' }]);
});
