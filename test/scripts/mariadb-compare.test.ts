/**
 * Scripts written for the mysql/mariadb client, run by the real client and by sqlsh against two fresh
 * databases on one real MariaDB server: both succeed, and the final schema and data (mariadb-dump)
 * are the same. Fixtures in test/scripts/mariadb/.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedMariadb, type MariadbServer } from '../harness/mariadb-server.js';
import { withServer } from '../harness/server-test.js';
import { BIN, ROOT, tempDir, testEnv } from '../meta/cli-helper.js';

const FIXTURES = join(ROOT, 'test', 'scripts', 'mariadb');
let counter = 0;

function client(server: MariadbServer, args: readonly string[], input?: string) {
  const conn = server.socket ? [`--socket=${server.socket}`] : [`--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp'];
  const r = spawnSync('mariadb', ['--no-defaults', ...conn, `--user=${server.user}`, ...args], {
    input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, MYSQL_PWD: server.password }, cwd: FIXTURES,
  });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status };
}

function dump(server: MariadbServer, db: string): string {
  const conn = server.socket ? [`--socket=${server.socket}`] : [`--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp'];
  const r = spawnSync('mariadb-dump', ['--no-defaults', ...conn, `--user=${server.user}`, '--routines', '--triggers', '--skip-comments', '--skip-dump-date', db], {
    encoding: 'utf8', timeout: 60_000, env: { ...process.env, MYSQL_PWD: server.password },
  });
  assert.equal(r.status, 0, r.stderr);
  // not the script's doing: the definer, the auto-increment counter, and the client session's character set
  // recorded with each routine (sqlsh connects with utf8mb4)
  return r.stdout.replace(/DEFINER=`[^`]*`@`[^`]*`/g, 'DEFINER').replace(/ AUTO_INCREMENT=\d+/g, '')
    .replace(/^\/\*!50003 SET (character_set_client|character_set_results|collation_connection) .*\n/gm, '');
}

test('-B and -N print what the mariadb client prints', async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const sql = "select 1 as n, 'a\tb' as tab, 'line\nbreak' as nl, null as nothing, 'back\\\\slash' as bs, 2.50 as d";
  for (const flags of [['-B'], ['-B', '-N'], ['--batch', '--skip-column-names']]) {
    const real = client(server, [...flags, '-e', sql]);
    assert.equal(real.status, 0, real.stderr);
    const r: { stdout: string; stderr: string; status: number | null } = spawnSync(process.execPath, [BIN, server.url, ...flags, '-c', sql], { encoding: 'utf8', timeout: 60_000, env: testEnv(tempDir()) });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, real.stdout, flags.join(' '));
  }
});

test("a script on the mysql client's command line prints what the client prints (batch, -t, -E, -r, -N, -s, -v, --column-names=0, -H, -X: no header for no rows, bytes not hex)", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const db = `mout_${process.pid}_${++counter}`;
  assert.equal(client(server, ['-e', `create database ${db};`]).status, 0);
  try {
    const script = [
      "select 1 as n, 'x\\y' as bs, null as z;",
      // column names are written as they are (values are escaped)
      "select 1 as 'a\\\\b', 2 as 'c\\td', 'x\\\\y';",
      // -t draws values raw, widths in bytes, padding in the client's cells (a wide character two, an emoji none)
      "select 'a\\tb' as tab, 'a\\nb' as nl, concat('q', char(0), 'w') as nul, '日本' as wide, 'é' as e, '🎉' as emoji;",
      'create temporary table tt (a int, b varbinary(10));',
      "insert into tt values (1, 'ab'), (2, x'41');",
      'select * from tt;',
      'select * from tt where a > 5;',
      "select 1.50 as d, cast('2024-01-02' as date) as dt, 1/3 as q;",
      // a BIT's bytes as they are (the client has no b'101')
      'create temporary table tb (x bit(3), y bit(8));',
      "insert into tb values (b'101', b'1000001');",
      'select * from tb;',
      // FLOAT/DOUBLE as the server writes them (1e300, 0.0000001, 1e15), not as JavaScript would (1e+300, 1e-7, 1000000000000000)
      'create temporary table td (a double, b float);',
      'insert into td values (1e300, 1e30), (1e-7, 1e-7), (123456789012345678, 1.5), (1.5e20, 3.4e38), (1e15, 1e15), (1e16, 0.1), (-0.0, 100), (998.4264417004645, 12345678), (0.5, 0.000001);',
      'select * from td;',
      'select 1e300 * 1 as x, cast(1e16 as double) as y, a + 0 as z from td limit 1;',
    ].join('\n');
    for (const flags of [[], ['-t'], ['-E'], ['-r'], ['-N'], ['-t', '-N'], ['-s'], ['-s', '-t'], ['-v'], ['-v', '-t'], ['-vv'], ['-vv', '-t'], ['--column-names=0'], ['-sr'], ['-H'], ['-H', '-N'], ['-X']] as string[][]) {
      const real: { stdout: string; stderr: string; status: number | null } = spawnSync('mariadb', ['--no-defaults', `--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp', `--user=${server.user}`, ...flags, db], {
        input: script, encoding: 'utf8', timeout: 60_000, env: { ...process.env, MYSQL_PWD: server.password },
      });
      assert.equal(real.status, 0, real.stderr);
      const r: { stdout: string; stderr: string; status: number | null } = spawnSync(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, ...flags, db], {
        input: script, encoding: 'utf8', timeout: 60_000, env: { ...testEnv(tempDir()), MYSQL_PWD: server.password },
      });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, real.stdout, `mariadb ${flags.join(' ')}`);
    }
  } finally {
    client(server, ['-e', `drop database ${db};`]);
  }
});

test("--xml names a statement without a terminator as the client's buffer holds it (to the end of the input, with its line break)", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  for (const [input, flags] of [
    ['', ['-e', 'select 1 as a']],
    ['', ['-e', 'select 1 as a; select 2 as b']],
    ['select 1 as a;\nselect 2 as b', []],
    ['select 1 as a;\nselect 2\n as b\n\n', []],
    ['select 1 as a\\g\nselect 2 as b;  \n', []],
  ] as [string, string[]][]) {
    const conn: string[] = ['--no-defaults', `--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp', `--user=${server.user}`];
    const real: { stdout: string; stderr: string; status: number | null } = spawnSync('mariadb', [...conn, '-X', ...flags], { input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, MYSQL_PWD: server.password } });
    assert.equal(real.status, 0, real.stderr);
    const r: { stdout: string; stderr: string; status: number | null } = spawnSync(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, '-X', ...flags], { input, encoding: 'utf8', timeout: 60_000, env: { ...testEnv(tempDir()), MYSQL_PWD: server.password } });
    assert.equal(r.stdout, real.stdout, `${JSON.stringify(input)} ${flags.join(' ')}`);
  }
});

test("the session's sql_mode is the client's (no IGNORE_SPACE from the driver): `count (*)` fails, a table named count works", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const db = `mmode_${process.pid}`;
  assert.equal(client(server, ['-e', `create database ${db};`]).status, 0);
  try {
    for (const sql of ['select @@session.sql_mode', 'SELECT COUNT (*)', "select substr ('abc', 2)", 'create table count (i int); select 1 as ok; drop table count']) {
      const real: { stdout: string; stderr: string; status: number | null } = spawnSync('mariadb', ['--no-defaults', `--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp', `--user=${server.user}`, db, '-e', sql], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, MYSQL_PWD: server.password } });
      const r: { stdout: string; stderr: string; status: number | null } = spawnSync(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, db, '-e', sql], { encoding: 'utf8', timeout: 60_000, env: { ...testEnv(tempDir()), MYSQL_PWD: server.password } });
      assert.equal(r.stdout, real.stdout, `stdout of -e ${sql}`);
      assert.equal(r.stderr, real.stderr, `stderr of -e ${sql}`);
      assert.equal(r.status, real.status, `exit status of -e ${sql}`);
    }
  } finally {
    client(server, ['-e', `drop database ${db};`]);
  }
});

test("the mysql client's -f / --force: a script goes on past its failed statements, says each, and exits 0 (-e stops)", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const db = `mforce_${process.pid}`;
  assert.equal(client(server, ['-e', `create database ${db};`]).status, 0);
  try {
    const script = 'select 1 as one;\nselect * from nosuch;\nselect 2 as two;\nselect * from\n  nosuch2;\nselect 3 as three;\n';
    const run = (cmd: string, args: readonly string[], input: string, env: NodeJS.ProcessEnv) => spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 60_000, env });
    for (const flags of [['-f'], ['--force', '-t'], ['-f', '-v'], ['-f', '-vv'], ['-f', '-e', 'select * from nosuch; select 5']] as string[][]) {
      const real = run('mariadb', ['--no-defaults', `--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp', `--user=${server.user}`, ...flags, db], script, { ...process.env, MYSQL_PWD: server.password });
      const r = run(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, ...flags, db], script, { ...testEnv(tempDir()), MYSQL_PWD: server.password });
      assert.equal(r.stdout, real.stdout, `stdout of mariadb ${flags.join(' ')}`);
      assert.equal(r.stderr, real.stderr, `stderr of mariadb ${flags.join(' ')}`);
      assert.equal(r.status, real.status, `exit status of mariadb ${flags.join(' ')}`);
    }
  } finally {
    client(server, ['-e', `drop database ${db};`]);
  }
});

test("the mysql client's backslash commands mean the client's on its command line: \\c \\p \\d \\r \\C \\T \\t \\n \\W \\w \\# \\R \\!, and their names at a statement's start (warnings, tee, system ...)", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const db = `mcmd_${process.pid}`;
  assert.equal(client(server, ['-e', `create database ${db};`]).status, 0);
  try {
    const run = (cmd: string, args: readonly string[], input: string, env: NodeJS.ProcessEnv) => spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 60_000, env });
    const cases: [string, string[]][] = [
      ['select 1 as a\\c\nselect 2 as b;\nselect 3 as c,\n4 as d \\c select 5 as e;\n', []],
      ['select 6\\p\n;\n\\p\nselect 7 \\p select 8;\n', []],
      ['select nosuch \\p;\nselect 2 \\p\n;\nselect nosuch2\n\\p\n;\nselect 9;\n', ['-f']],
      ['\\d //\nselect 1 as a//\n\\d ;\nselect 2 as b;\n\\d//\nselect 3 as c//\n', []],
      ['\\T /nonexistent/tee.txt\nselect 1 as a;\n\\t\n\\W\nselect 1/0 as w;\n\\w\nselect 1/0;\n\\C latin1\nselect @@character_set_client;\n\\n\n\\#\n', []],
      [`\\r ${db}\nselect database();\n\\r\nselect 2;\n`, []],
      ['\\W select 1/0;\n', []],
      // connect [db [host]] is \\r, as `use db` is \\u; \\r in a statement reads the rest of its line
      [`select database();\nconnect ${db}\nselect database();\nconnect\nselect database();\nconnect ${db};\nselect database();\n`, []],
      [`select 1,\n2 \\r ${db}\nselect database();\nselect 3 \\r ${db}\nselect 4;\n`, []],
      ['connect nosuch_db_x\nselect 1;\n', []],
      [`connect ${db} nosuch-host.invalid\nselect 1;\n`, []],
      // their names, as a line where a statement starts (with the delimiter too; in a statement they are SQL)
      ['select 1;\nwarnings;\nselect 1/0;\nnowarning;\nselect 1/0;\nWARNINGS\nselect 1/0;\nnowarning\nrehash\nrehash;\nnotee;\nnopager\nclear\nselect 2;\nprint\n', []],
      ['select 3\nclear\nselect 4;\nselect 5\nprint\n;\n', ['-f']],
      ['prompt abc;\nprompt\n\\R q>\ntee /nonexistent/tee.txt\nnotee\ncharset utf8mb4\nselect @@character_set_client;\nsystem true\nsystem true;\n\\! true\nsystem\nselect 6;\n', []],
    ];
    for (const [script, flags] of cases) {
      const real = run('mariadb', ['--no-defaults', `--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp', `--user=${server.user}`, ...flags, db], script, { ...process.env, MYSQL_PWD: server.password });
      const r = run(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, ...flags, db], script, { ...testEnv(tempDir()), MYSQL_PWD: server.password });
      assert.equal(r.stdout, real.stdout, `stdout of ${JSON.stringify(script)}`);
      assert.equal(r.stderr, real.stderr, `stderr of ${JSON.stringify(script)}`);
      assert.equal(r.status, real.status, `exit status of ${JSON.stringify(script)}`);
    }
    // a failed \\r: the client has no connection, its next statement ends the script with status 1 (-f too)
    for (const flags of [[], ['-f']]) {
      const script = 'select 1;\n\\r nosuch_db_x\nselect 5;\nselect 6;\n';
      const real = run('mariadb', ['--no-defaults', `--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp', `--user=${server.user}`, ...flags, db], script, { ...process.env, MYSQL_PWD: server.password });
      const r = run(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, ...flags, db], script, { ...testEnv(tempDir()), MYSQL_PWD: server.password });
      assert.equal(r.stdout, real.stdout);
      assert.equal(r.stderr, real.stderr);
      assert.equal(r.status, real.status);
    }
  } finally {
    client(server, ['-e', `drop database ${db};`]);
  }
});

test("the mysql client's status (\\s, status, status;): its block as the client prints it, and \\s leaves the statement being typed open", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const db = `mstatus_${process.pid}`;
  assert.equal(client(server, ['-e', `create database ${db};`]).status, 0);
  // what differs by design or by the moment: the program's own line, the session's id, the server's
  // counters and uptime (mysql-status.ts)
  const same = (out: string): string => out
    .replace(/^(mariadb|sqlsh) {2}Ver .*$/gm, 'PROGRAM')
    .replace(/^(Connection id:\t\t)\d+$/gm, '$1N')
    .replace(/^(Uptime:\t\t\t).*$/gm, '$1T')
    .replace(/^Threads: \d+ {2}Questions: \d+ {2}Slow queries: \d+ {2}Opens: \d+ {2}Open tables: \d+ {2}Queries per second avg: \d+\.\d{3}$/gm, 'STATISTICS');
  try {
    const run = (cmd: string, args: readonly string[], input: string, env: NodeJS.ProcessEnv) => spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 60_000, env });
    for (const [script, flags] of [
      ['\\s\n', []],
      ['create temporary table t (id int auto_increment primary key, v int);\ninsert into t (v) values (1), (2);\nstatus\nstatus;\nSTATUS ;select 3;\n', []],
      ['delimiter //\n\\s\nstatus\nselect 1//\n', []],
      ['select 1\\s\nselect 2 \\s select 3;\n', []],
      ['\\s select 4;\nselect 5 \\s;\n\\p\n', []],
      ['status foo;\nselect 6;\n', ['-f']], // SQL, as `select 7; status` is (not at a line's start)
      ['', ['-e', 'select 7; status']],
      ['', ['-e', 'select 7;\nstatus']],
    ] as [string, string[]][]) {
      // (the character sets of the session: sqlsh's utf8mb4, the client's default-character-set given)
      const real = run('mariadb', ['--no-defaults', `--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp', `--user=${server.user}`, '--default-character-set=utf8mb4', ...flags, db], script, { ...process.env, MYSQL_PWD: server.password });
      const r = run(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, ...flags, db], script, { ...testEnv(tempDir()), MYSQL_PWD: server.password });
      const what = `${JSON.stringify(script)} ${flags.join(' ')}`;
      assert.equal(/^Uptime:/m.test(real.stdout), !/status foo|7; status/.test(what), what);
      assert.equal(same(r.stdout), same(real.stdout), `stdout of ${what}`);
      assert.equal(r.stderr, real.stderr, `stderr of ${what}`);
      assert.equal(r.status, real.status, `exit status of ${what}`);
    }
  } finally {
    client(server, ['-e', `drop database ${db};`]);
  }
});

test("the session's character set: utf8mb4 whatever the locale (the client's follows it), the client's --default-character-set=utf8 and SET NAMES utf8 as the client has them", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const db = `mcharset_${process.pid}`;
  assert.equal(client(server, ['-e', `create database ${db};`]).status, 0);
  try {
    const run = (cmd: string, args: readonly string[], input: string, env: NodeJS.ProcessEnv) => spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 60_000, env });
    const conn = [`--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp', `--user=${server.user}`];
    const own = ['-h', server.host, '-P', String(server.port), '-u', server.user];
    const session = "select charset('a'), @@character_set_client, @@character_set_connection, @@character_set_results, @@collation_connection;\n";
    // a character outside the BMP in a utf8mb3 session: a literal passes through, a utf8mb4 column refuses it
    // (mysql2 on its own wrote it as CESU-8 surrogates, which the server stored: mysql-utf8-queries.ts)
    const wide = "select hex('🎉') as h, '🎉é' as lit, length('🎉') as n;\ncreate temporary table t (v varchar(10) charset utf8mb4);\ninsert into t values ('é');\ninsert into t values ('🎉');\nselect v, hex(v) from t;\n";
    for (const [script, flags] of [
      [session, ['--default-character-set=utf8mb4']],
      [session, ['--default-character-set=utf8']],
      [session, ['--default-character-set=UTF8MB3']],
      [wide, ['--default-character-set=utf8mb4']],
      [wide, ['--default-character-set=utf8']],
      [`set names utf8;\n${session}${wide}`, ['--default-character-set=utf8mb4']],
    ] as [string, string[]][]) {
      const real = run('mariadb', ['--no-defaults', ...conn, ...flags, db], script, { ...process.env, MYSQL_PWD: server.password });
      const r = run(process.execPath, [BIN, ...own, ...flags, db], script, { ...testEnv(tempDir()), MYSQL_PWD: server.password });
      const what = `${JSON.stringify(script)} ${flags.join(' ')}`;
      assert.equal(r.stdout, real.stdout, `stdout of ${what}`);
      assert.equal(r.stderr, real.stderr, `stderr of ${what}`);
      assert.equal(r.status, real.status, `exit status of ${what}`);
    }
    // without the option the client follows the locale (utf8mb3 under C.UTF-8, latin1 under C); sqlsh stays
    // utf8mb4, on purpose: there the client refuses an emoji and stores é as two mangled characters (README)
    for (const lang of ['C.UTF-8', 'C']) {
      const env = { ...testEnv(tempDir()), MYSQL_PWD: server.password, LANG: lang, LC_ALL: lang };
      const real = run('mariadb', ['--no-defaults', ...conn, '-N', db], session, env);
      const r = run(process.execPath, [BIN, ...own, '-N', db], session, env);
      assert.equal(real.stdout, lang === 'C' ? 'latin1\tlatin1\tlatin1\tlatin1\tlatin1_swedish_ci\n' : 'utf8mb3\tutf8mb3\tutf8mb3\tutf8mb3\tutf8mb3_general_ci\n', lang);
      assert.equal(r.stdout, 'utf8mb4\tutf8mb4\tutf8mb4\tutf8mb4\tutf8mb4_general_ci\n', lang);
    }
  } finally {
    client(server, ['-e', `drop database ${db};`]);
  }
});

test("-t with -r keeps the client's table, and several -e are one script joined with a space, as the client does", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const run = (cmd: string, args: readonly string[], env: NodeJS.ProcessEnv) => spawnSync(cmd, args, { input: '', encoding: 'utf8', timeout: 60_000, env });
  const sql = "select 'a\\tb' as x, null as n, 'l1\\nl2' as y";
  for (const flags of [['-t', '-r', '-e', sql], ['-r', '-t', '-e', sql], ['-r', '-E', '-e', sql], ['-e', 'select 1 as a', '-e', 'select 2 as b'],
    ['-v', '-e', 'select 1 as a;', '--execute=select 2 as b'], ['-e', 'select 1 as a; -- x', '-e', 'select 2 as b']] as string[][]) {
    const real = run('mariadb', ['--no-defaults', `--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp', `--user=${server.user}`, ...flags], { ...process.env, MYSQL_PWD: server.password });
    const r = run(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, ...flags], { ...testEnv(tempDir()), MYSQL_PWD: server.password });
    assert.equal(r.stdout, real.stdout, `stdout of ${flags.join(' ')}`);
    assert.equal(r.stderr, real.stderr, `stderr of ${flags.join(' ')}`);
    assert.equal(r.status, real.status, `exit status of ${flags.join(' ')}`);
  }
});

test('a mariadb-dump file (executable comments, the sandbox line, --compatible=postgres) restores through sqlsh as through the client', async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const [src, a, b] = ['src', 'a', 'b'].map((x) => `mdump_${process.pid}_${x}`) as [string, string, string];
  const conn = server.socket ? [`--socket=${server.socket}`] : [`--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp'];
  const dumpOf = (flags: readonly string[]): string => {
    const r = spawnSync('mariadb-dump', ['--no-defaults', ...conn, `--user=${server.user}`, ...flags, src], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, MYSQL_PWD: server.password } });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  try {
    assert.equal(client(server, ['-e', `create database ${src};`]).status, 0);
    const setup = client(server, [src], [
      "create table `a1``b1` (id int primary key auto_increment, `x\"y` varchar(20) default 'p;q', d double, t timestamp null, key (`x\"y`));",
      "insert into `a1``b1` values (1, 'it''s; /* no */ -- x', 1e300, '2020-01-01 00:00:00'), (2, null, -0.5, null), (3, 'back\\\\slash', 1e-7, null);",
      'create table b (id int, a_id int, foreign key (a_id) references `a1``b1` (id), bl blob);',
      "insert into b values (1, 1, x'004142'), (2, 2, null);",
      'create view v as select id, d from `a1``b1`;',
      'create trigger trg before insert on b for each row set new.id = new.id + 100;',
      'delimiter //',
      'create procedure p() begin select 1; select 2; end//',
      'delimiter ;',
    ].join('\n'));
    assert.equal(setup.status, 0, setup.stderr);
    for (const flags of [['--routines', '--triggers'], ['--compatible=postgres']]) {
      const text = dumpOf(flags);
      assert.match(text, /^\/\*M!999999\\- enable the sandbox mode \*\/ ?\n/, 'a 10.11.8+ dump starts with the sandbox line');
      assert.match(text, /^\/\*!40101 SET /m);
      client(server, ['-e', `drop database if exists ${a}; drop database if exists ${b}; create database ${a}; create database ${b};`]);
      const real = client(server, [a], text);
      assert.equal(real.status, 0, `mariadb client: ${real.stderr}`);
      // the mysql client's command line, as the dump is restored with the client
      const r: { stdout: string; stderr: string; status: number | null } = spawnSync(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, b], {
        input: text, encoding: 'utf8', timeout: 60_000, env: { ...testEnv(tempDir()), MYSQL_PWD: server.password },
      });
      assert.equal(r.status, 0, `sqlsh: ${r.stderr}`);
      assert.equal(r.stdout + r.stderr, real.stdout + real.stderr, 'nothing said by either');
      assert.equal(dump(server, b).replaceAll(b, 'DB'), dump(server, a).replaceAll(a, 'DB'), `restored from mariadb-dump ${flags.join(' ')}`);
      // the dump's SET lines reached the server: without SQL_MODE=...POSTGRESQL (an executable comment) its "names" fail
      assert.match(dump(server, b), /CREATE TABLE `a1``b1`/);
    }
  } finally {
    client(server, ['-e', `drop database if exists ${src}; drop database if exists ${a}; drop database if exists ${b};`]);
  }
});

test("the mysql client's sandbox mode (\\-, a dump's first line): commands that reach a shell or files are refused, as the client refuses them", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const db = `msandbox_${process.pid}`;
  assert.equal(client(server, ['-e', `create database ${db};`]).status, 0);
  const dir = tempDir();
  const marker = join(dir, 'ran');
  try {
    const run = (cmd: string, args: readonly string[], input: string, env: NodeJS.ProcessEnv) => spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 60_000, env, cwd: dir });
    for (const [first, command, flags] of [
      ['/*M!999999\\- enable the sandbox mode */ ', `\\! touch ${marker}`, []],
      ['\\-', `\\! touch ${marker}`, ['-f']],
      ['select 0 as z \\- ;', `source ${marker}`, []],
      ['\\-', `\\. ${marker}`, ['-v']],
      ['/*M!999999\\- enable the sandbox mode */ ', `select 1 as a \\! touch ${marker}`, []],
    ] as [string, string, string[]][]) {
      const script = `${first}\nselect 1 as a;\n${command}\nselect 2 as b;\n`;
      const real = run('mariadb', ['--no-defaults', `--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp', `--user=${server.user}`, ...flags, db], script, { ...process.env, MYSQL_PWD: server.password });
      const r = run(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, ...flags, db], script, { ...testEnv(tempDir()), MYSQL_PWD: server.password });
      assert.match(real.stderr, /Not allowed in the sandbox mode/, script);
      assert.equal(r.stdout, real.stdout, `stdout of ${JSON.stringify(script)} ${flags.join(' ')}`);
      assert.equal(r.stderr, real.stderr, `stderr of ${JSON.stringify(script)} ${flags.join(' ')}`);
      assert.equal(r.status, real.status, `exit status of ${JSON.stringify(script)} ${flags.join(' ')}`);
      assert.equal(existsSync(marker), false, 'no shell command ran');
    }
  } finally {
    client(server, ['-e', `drop database ${db};`]);
  }
});

test("the mysql client's own commands at a statement's start (use, source, quit, exit, \\u; with ; too) run as the client runs them, with its error lines", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const [db, other] = [`mcmd_${process.pid}`, `mcmd_${process.pid}_other`];
  assert.equal(client(server, ['-e', `create database ${db}; create database ${other};`]).status, 0);
  const dir = tempDir();
  const file = join(dir, 'in.sql');
  writeFileSync(file, "select 'in the file' as f;\n");
  // a sourced file with a failing statement: the client goes on to its end and past the source line (exit 0)
  const failing = join(dir, 'fails.sql');
  writeFileSync(failing, "select 'before' as f;\nselect nosuchcolumn;\nselect 'after' as f;\n");
  try {
    const run = (cmd: string, args: readonly string[], input: string, env: NodeJS.ProcessEnv) => spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 60_000, env, cwd: dir });
    for (const [script, flags] of [
      [`use ${other}\nselect database();\n`, []],
      [`use ${other};select database();\n`, []],
      [`  USE \`${other}\` extra words\nselect database();\n`, []],
      [`use '${other}' -- a comment\nselect database();\n`, []],
      [`\\u ${other}\nselect database();\n`, ['-t']],
      [`use ${other}\\g\nselect database();\n`, []],
      ['use nosuchdb\nselect 1;\n', []],
      ['use nosuchdb;\nselect 1;\n', []],
      ['select 0;\nuse nosuchdb\nselect 1;\n', ['-f']],
      ['use\nselect 1;\n', []],
      ['use;\nselect 1;\n', ['-v']],
      ['\\u\nselect 1;\n', []],
      [`use\n${other};\nselect 1;\n`, []],
      ['select 1\nuse nosuchdb;\n', []],
      ['select 1;\nquit\nselect 2;\n', []],
      ['exit\nselect 2;\n', []],
      ['quit now\nselect 2;\n', []],
      ['exit;\nselect 2;\n', []],
      ['constructor x;\nselect 2;\n', []], // a word that names no command is SQL, whatever JavaScript's objects hold
      [`source ${file}\nselect 1;\n`, []],
      [`source ${file};\nselect 1;\n`, ['-vv']],
      [`source ${file} ; select 2;\n`, []],
      ['source\nselect 1;\n', []],
      ['select 0;\nsource /nonexistent/x.sql;\nselect 1;\n', []],
      [`source ${failing}\nselect 'next';\n`, []],
      [`source ${failing}\nselect nosuchcolumn;\nselect 'not run';\n`, []],
      [`source ${failing}\nselect 'next';\n`, ['-f']],
      [`select 1;\nuse ${other}\n`, ['-e', `use ${other}; select database()`]],
      ['', ['-e', 'use nosuchdb']],
      ['', ['-e', 'use']],
    ] as [string, string[]][]) {
      const real = run('mariadb', ['--no-defaults', `--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp', `--user=${server.user}`, ...flags, db], script, { ...process.env, MYSQL_PWD: server.password });
      const r = run(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, ...flags, db], script, { ...testEnv(tempDir()), MYSQL_PWD: server.password });
      const what = `${JSON.stringify(script)} ${flags.join(' ')}`;
      assert.equal(r.stdout, real.stdout, `stdout of ${what}`);
      assert.equal(r.stderr, real.stderr, `stderr of ${what}`);
      assert.equal(r.status, real.status, `exit status of ${what}`);
    }
  } finally {
    client(server, ['-e', `drop database ${db}; drop database ${other};`]);
  }
});

test("LOAD DATA LOCAL INFILE reads the file from the current directory as the client does, with the client's errors; refused in the sandbox mode", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const [a, b] = [`mload_${process.pid}_a`, `mload_${process.pid}_b`];
  const dir = tempDir();
  writeFileSync(join(dir, 'rows.txt'), 'one\t1\ntwo\t2\nthree, "3"\t3\n');
  try {
    const run = (cmd: string, args: readonly string[], input: string, env: NodeJS.ProcessEnv) => spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 60_000, env, cwd: dir });
    for (const [script, flags] of [
      ["load data local infile 'rows.txt' into table t;\nselect * from t;\n", []],
      ["LOAD DATA LOW_PRIORITY LOCAL INFILE 'rows.txt' INTO TABLE t (s, n);\nload xml local infile 'rows.txt' into table t;\nselect count(*) from t;\n", ['-vv']],
      ["load data local infile 'missing.txt' into table t;\nselect 1;\n", []],
      [`load data local infile '${join(dir, 'missing.txt')}' into table t;\nselect count(*) from t;\n`, ['-f']],
      ["load data local infile '.' into table t;\nselect count(*) from t;\n", []],
      ['', ['-e', "load data local infile 'rows.txt' into table t; select count(*) from t"]],
    ] as [string, string[]][]) {
      client(server, ['-e', `drop database if exists ${a}; drop database if exists ${b}; create database ${a}; create database ${b};`]);
      for (const db of [a, b]) assert.equal(client(server, [db, '-e', 'create table t (s varchar(20), n int)']).status, 0);
      const real = run('mariadb', ['--no-defaults', `--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp', `--user=${server.user}`, ...flags, a], script, { ...process.env, MYSQL_PWD: server.password });
      const r = run(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, ...flags, b], script, { ...testEnv(tempDir()), MYSQL_PWD: server.password });
      const what = `${JSON.stringify(script)} ${flags.join(' ')}`;
      assert.equal(r.stdout, real.stdout.replaceAll(a, b), `stdout of ${what}`);
      assert.equal(r.stderr, real.stderr.replaceAll(a, b), `stderr of ${what}`);
      assert.equal(r.status, real.status, `exit status of ${what}`);
      assert.equal(dump(server, b).replaceAll(b, 'DB'), dump(server, a).replaceAll(a, 'DB'), `loaded: ${what}`);
    }
    // after \- no file is read (the mariadb client 10.11 still sends it): refused as the other commands, not sent
    const script = "\\-\nload data local infile 'rows.txt' into table t;\nselect count(*) as n from t;\n";
    assert.equal(client(server, [b, '-e', 'delete from t']).status, 0);
    for (const flags of [[], ['-f']]) {
      const r = run(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, ...flags, b], script, { ...testEnv(tempDir()), MYSQL_PWD: server.password });
      assert.equal(r.stderr, 'ERROR at line 2: Not allowed in the sandbox mode\n');
      assert.equal(r.status, flags.length ? 0 : 1);
      assert.equal(r.stdout, flags.length ? 'n\n0\n' : '');
    }
  } finally {
    client(server, ['-e', `drop database if exists ${a}; drop database if exists ${b};`]);
  }
});

describe('mysql client scripts run by mariadb and by sqlsh', () => {
  const scripts = readdirSync(FIXTURES).filter((f) => f.endsWith('.sql')).sort();
  const dbs: string[] = [];
  let srv: MariadbServer | undefined;
  after(() => void (srv && dbs.length && client(srv, ['-e', dbs.map((d) => `drop database ${d};`).join(' ')])));
  for (const script of scripts) {
    test(script, async (t) => {
      const server = await withServer(t, sharedMariadb);
      if (!server) return;
      srv = server;
      const [a, b, c] = [`mscript_${process.pid}_${++counter}`, `mscript_${process.pid}_${++counter}`, `mscript_${process.pid}_${++counter}`];
      dbs.push(a, b, c);
      assert.equal(client(server, ['-e', `create database ${a}; create database ${b}; create database ${c};`]).status, 0);
      const text = readFileSync(join(FIXTURES, script), 'utf8');
      const real = client(server, ['--batch', a], text);
      assert.equal(real.status, 0, `mariadb client: ${real.stderr}`);
      // the script read whole, and read as it runs in pieces of 47 characters (cut everywhere: runScriptInput)
      for (const [db, piece] of [[b, undefined], [c, '47']] as const) {
        const url: URL = new URL(server.url);
        url.pathname = `/${db}`;
        const env = piece ? { ...testEnv(tempDir()), SQLSH_SCRIPT_PIECE_CHARS: piece } : testEnv(tempDir());
        const r: { stdout: string; stderr: string; status: number | null } = spawnSync(process.execPath, [BIN, url.toString(), '-f', script], { encoding: 'utf8', timeout: 60_000, env, cwd: FIXTURES });
        const how = piece ? ` (read in pieces of ${piece} characters)` : '';
        assert.equal(r.status, 0, `sqlsh${how}: ${r.stderr}`);
        assert.equal(dump(server, db).replaceAll(db, 'DB'), dump(server, a).replaceAll(a, 'DB'), `final schema and data of ${script}${how}`);
      }
    });
  }
});
