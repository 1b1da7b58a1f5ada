/**
 * The mysql client's command line, run by the real mariadb client and by sqlsh with the same flags
 * against one real MariaDB server: `-e SQL` runs it (on a mysql:// target; psql's -e echoes), output
 * to a pipe is tab-separated, -N, -B, --raw, -t (an ascii table without footer). stdout byte for byte.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedMariadb, type MariadbServer } from '../harness/mariadb-server.js';
import { withServer } from '../harness/server-test.js';
import { BIN, tempDir, testEnv } from '../meta/cli-helper.js';

function client(server: MariadbServer, args: readonly string[]) {
  const conn = server.socket ? [`--socket=${server.socket}`] : [`--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp'];
  const r = spawnSync('mariadb', ['--no-defaults', ...conn, `--user=${server.user}`, server.database, ...args], {
    encoding: 'utf8', timeout: 60_000, env: { ...process.env, MYSQL_PWD: server.password },
  });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status };
}

test('mysql -e SQL with -N, -B, --raw, -t: stdout as the mariadb client prints it', async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const escapes = "select 1 as n, 'a\tb' as tab, 'line\nbreak' as nl, null as nothing, 'back\\\\slash' as bs, 2.50 as d";
  const plain = "select 1 as n, 'Ada' as name, cast(null as char) as nothing, 'back\\\\slash' as bs, 2.50 as d union all select 22, 'Bob', 'x', '', -1";
  const cases: [readonly string[], string][] = [
    [[], escapes], // a pipe: tab-separated, escaped, as the client does when its output is not a terminal
    [['-N'], escapes],
    [['-B', '--raw'], escapes],
    [['-N', '-r'], escapes],
    [['-t'], plain],
    [['-t', '-N'], plain],
    [['--table'], plain],
  ];
  for (const [flags, sql] of cases) {
    const real = client(server, [...flags, '-e', sql]);
    assert.equal(real.status, 0, real.stderr);
    const r: { stdout: string; stderr: string; status: number | null } = spawnSync(process.execPath, [BIN, server.url, ...flags, '-e', sql], { encoding: 'utf8', timeout: 60_000, env: testEnv(tempDir()) });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.stringify(r.stdout), JSON.stringify(real.stdout), flags.join(' ') || '(no flags)');
  }
});

test("a failing statement on the mysql client's command line: stderr and exit code as the mariadb client's, warnings not shown", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const script = 'select 1;\nselect 1/0;\nselect\n  nosuch\nfrom dual;\nselect 2;\n';
  const conn = server.socket ? [`--socket=${server.socket}`] : [`--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp'];
  const real = spawnSync('mariadb', ['--no-defaults', ...conn, `--user=${server.user}`, server.database], {
    input: script, encoding: 'utf8', timeout: 60_000, env: { ...process.env, MYSQL_PWD: server.password },
  });
  // the client's flags (-u, -D) make it the client's command line
  const r = spawnSync(process.execPath, [BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, '-D', server.database], {
    input: script, encoding: 'utf8', timeout: 60_000, env: { ...testEnv(tempDir()), MYSQL_PWD: server.password ?? '' },
  });
  assert.equal(r.status, real.status, r.stderr);
  assert.equal(r.stdout, real.stdout);
  assert.equal(r.stderr, real.stderr);
  assert.match(r.stderr, /^-{14}\nselect\n {2}nosuch\nfrom dual\n-{14}\n\nERROR 1054 \(42S22\) at line 3: Unknown column 'nosuch'/);
});

test("the mysql client's -pSECRET, --password=SECRET and -p alone (no terminal: the first line of standard input): as the mariadb client reads them", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const conn = ['-h', server.host, '-P', String(server.port), '-u', server.user];
  const script = 'select user() like concat(current_user(), \'%\') as same, 1+1 as two;\n';
  const cases: [readonly string[], string][] = [
    [[`-p${server.password}`, server.database], script],
    [[`--password=${server.password}`, server.database], script],
    [['-p', server.database, '-e', 'select 3 as three'], `${server.password}\n`],
    [['--password', server.database, '-e', 'select 3 as three'], `${server.password}\n`],
  ];
  // (setsid: no controlling terminal, where both would ask otherwise)
  for (const [flags, input] of cases) {
    // no MYSQL_PWD and no ~/.my.cnf: the password is the command line's (or standard input's) only
    const env = { ...testEnv(tempDir()), MYSQL_PWD: undefined } as NodeJS.ProcessEnv;
    delete env['MYSQL_PWD'];
    const real = spawnSync('setsid', ['-w', 'mariadb', '--no-defaults', '--protocol=tcp', ...conn, ...flags], { input, encoding: 'utf8', timeout: 60_000, env });
    assert.equal(real.status, 0, real.stderr);
    const r = spawnSync('setsid', ['-w', process.execPath, BIN, ...conn, ...flags], { input, encoding: 'utf8', timeout: 60_000, env });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, real.stdout, flags.join(' '));
    assert.equal(r.stderr, real.stderr, flags.join(' ')); // the prompt `Enter password: ` on standard error, without a newline
  }
});

test('-p alone with no terminal and the script on standard input: the first line is the password, the rest the script', async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const env = { ...testEnv(tempDir()) } as NodeJS.ProcessEnv;
  delete env['MYSQL_PWD'];
  // (the mariadb client reads the password with buffered input: what came with it in the same read,
  // here the whole script, is lost, and it prints nothing; sqlsh takes the line only)
  const r = spawnSync('setsid', ['-w', process.execPath, BIN, '-h', server.host, '-P', String(server.port), '-u', server.user, '-p', server.database], {
    input: `${server.password}\nselect 1+1 as two;\n`, encoding: 'utf8', timeout: 60_000, env,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'two\n2\n');
  assert.equal(r.stderr, 'Enter password: ');
});

test("the mysql client's -S / --socket PATH: the server's socket, unless -h names another host (TCP then) or --protocol=tcp, as the client connects", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  if (!server.socket) return t.skip('the server has no socket');
  const sql = "select user() as who;\nstatus"; // (status at a line's start: the client's command)
  for (const flags of [['-S', server.socket], [`--socket=${server.socket}`], [`-S${server.socket}`, '-h', 'localhost'], ['-S', server.socket, '-h', server.host, '-P', String(server.port)],
    // --protocol=tcp: TCP to localhost, the socket left aside
    ['--protocol=tcp', '-S', server.socket, '-h', 'localhost', '-P', String(server.port)], ['--protocol=SOCKET', '-S', server.socket]]) {
    const env = { ...testEnv(tempDir()), MYSQL_PWD: server.password };
    const real: { stdout: string; stderr: string; status: number | null } = spawnSync('mariadb', ['--no-defaults', ...flags, '-u', server.user, server.database, '-e', sql], { encoding: 'utf8', timeout: 60_000, env });
    assert.equal(real.status, 0, real.stderr);
    const r: { stdout: string; stderr: string; status: number | null } = spawnSync(process.execPath, [BIN, ...flags, '-u', server.user, server.database, '-e', sql], { encoding: 'utf8', timeout: 60_000, env });
    assert.equal(r.status, 0, r.stderr);
    // the user's host and how the status block says the connection goes
    const how = (out: string): string => out.split('\n').filter((l) => /^(sqlsh@|Connection:|UNIX socket:|TCP port:)/.test(l)).join('\n');
    assert.equal(how(r.stdout), how(real.stdout), flags.join(' '));
    assert.match(how(r.stdout), flags.includes(server.host) || flags.includes('--protocol=tcp') ? /via TCP\/IP/ : /via UNIX socket/);
  }
});

test("the mysql client's boolean options: --show-warnings (\\W from the start; =0, --skip-), and --quick, -C, --compress, --no-beep, --skip-ssl, --local-infile, which change nothing here", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const script = 'select 1/0;\n\\w\nselect 1/0;\n\\W\nselect 2/0;\n';
  const conn = ['-h', server.host, '-P', String(server.port), '-u', server.user];
  for (const flags of [['--show-warnings'], ['--show-warnings=0'], ['--skip-show-warnings'], ['--enable-show-warnings'], ['--quick', '-C', '--compress', '--no-beep', '--skip-ssl', '--local-infile=1', '--local-infile']]) {
    const env = { ...testEnv(tempDir()), MYSQL_PWD: server.password };
    const real: { stdout: string; stderr: string; status: number | null } = spawnSync('mariadb', ['--no-defaults', '--protocol=tcp', ...conn, ...flags, server.database], { input: script, encoding: 'utf8', timeout: 60_000, env });
    assert.equal(real.status, 0, real.stderr);
    const r: { stdout: string; stderr: string; status: number | null } = spawnSync(process.execPath, [BIN, ...conn, ...flags, server.database], { input: script, encoding: 'utf8', timeout: 60_000, env });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, real.stdout, flags.join(' '));
    assert.equal(r.stderr, real.stderr, flags.join(' '));
  }
});

test("the mysql client's --init-command (each new session, the last one given, its results unread) and --connect-timeout", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const conn = ['-h', server.host, '-P', String(server.port), '-u', server.user];
  const env = { ...testEnv(tempDir()), MYSQL_PWD: server.password };
  for (const [flags, input] of [
    [['--init-command=set @a=41', '-e', 'select @a+1'], ''],
    [['--init-command', 'select 5', '-e', 'select 1'], ''],
    [['--init-command=set @a=41', '--init-command=set @b=2', '-e', 'select @a, @b'], ''],
    [['--init-command=set @a=41', '--connect-timeout=5'], 'set @a=1;\nselect @a;\n\\r\nselect @a;\n'], // again after \r
  ] as [string[], string][]) {
    const real: { stdout: string; stderr: string; status: number | null } = spawnSync('mariadb', ['--no-defaults', '--protocol=tcp', ...conn, server.database, ...flags], { input, encoding: 'utf8', timeout: 60_000, env });
    assert.equal(real.status, 0, real.stderr);
    const r: { stdout: string; stderr: string; status: number | null } = spawnSync(process.execPath, [BIN, ...conn, server.database, ...flags], { input, encoding: 'utf8', timeout: 60_000, env });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, real.stdout, flags.join(' '));
  }
  // a failing one: no connection, the server's error as the client says it, status 1
  const failing = [server.database, '--init-command=selec 5', '-e', 'select 1'];
  const r = spawnSync(process.execPath, [BIN, ...conn, ...failing], { encoding: 'utf8', timeout: 60_000, env });
  const real = spawnSync('mariadb', ['--no-defaults', '--protocol=tcp', ...conn, ...failing], { encoding: 'utf8', timeout: 60_000, env });
  assert.equal(r.status, 1);
  assert.equal(r.status, real.status);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, real.stderr);
  assert.match(r.stderr, /^ERROR 1064 \(42000\): You have an error in your SQL syntax.*'selec 5'/);
});

test("the mysql client's command line cannot connect: the client's ERROR line and its status 1 (a wrong password, no such database, nothing listening, no such host or socket); sqlsh's own way: its words, status 2", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const env = { ...testEnv(tempDir()), MYSQL_PWD: server.password };
  const tcp = ['-h', server.host, '-P', String(server.port), '--protocol=tcp'];
  for (const args of [
    [...tcp, '-u', server.user, '-pwrong-password', server.database],
    [...tcp, '-u', 'hb_nosuchuser', server.database],
    [...tcp, '-u', server.user, 'hb_nosuchdb'],
    ['-B', ...tcp, '-u', server.user, '-D', 'hb_nosuchdb', '-e', 'select 1'],
    ['-h', '127.0.0.1', '-P', '1', '-u', server.user, server.database],
    ['-h', 'nonexistent.invalid', '-u', server.user, server.database],
    ['-S', join(tempDir(), 'none.sock'), '-u', server.user, server.database],
  ]) {
    const real = spawnSync('mariadb', ['--no-defaults', ...args], { input: 'select 1;\n', encoding: 'utf8', timeout: 60_000, env });
    const r = spawnSync(process.execPath, [BIN, ...args], { input: 'select 1;\n', encoding: 'utf8', timeout: 60_000, env });
    assert.equal(r.stderr, real.stderr, args.join(' '));
    assert.equal(r.status, real.status, args.join(' '));
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
  }
  const own = spawnSync(process.execPath, [BIN, `mysql://${server.user}:wrong-password@${server.host}:${server.port}/${server.database}`, '-c', 'select 1'], { encoding: 'utf8', timeout: 60_000, env });
  assert.equal(own.status, 2);
  assert.match(own.stderr, /^sqlsh: access denied by the MySQL server at /);
});

test("the mysql client's option files: --defaults-file (that one only), --defaults-extra-file (then ~/.my.cnf over it), --no-defaults (none)", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const dir = tempDir();
  const home = join(dir, 'home');
  mkdirSync(home);
  const conn = server.socket ? `socket=${server.socket}\n` : `host=${server.host}\nport=${server.port}\nprotocol=tcp\n`;
  const file = join(dir, 'creds.cnf');
  writeFileSync(file, `[client]\nuser=${server.user}\npassword=${server.password}\n${conn}[mysql]\ndatabase=${server.database}\nskip-column-names\n`);
  const env = { ...testEnv(tempDir()), HOME: home } as NodeJS.ProcessEnv;
  delete env['MYSQL_PWD'];
  const run = (cmd: string, args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000, env: { ...env, ...extraEnv } });
  const sql = 'select 1 as ok, database() as db';
  for (const args of [[`--defaults-file=${file}`, '-e', sql], [`--defaults-extra-file=${file}`, '-e', sql]]) {
    const real = run('mariadb', args);
    assert.equal(real.status, 0, real.stderr);
    const r = run(process.execPath, [BIN, ...args]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, real.stdout, args[0]);
    assert.equal(r.stdout, `1\t${server.database}\n`);
  }
  // ~/.my.cnf over the extra file (a wrong password there: refused by both), and not read with --no-defaults
  writeFileSync(join(home, '.my.cnf'), '[client]\npassword=wrong-password\n');
  const refused = [run('mariadb', [`--defaults-extra-file=${file}`, '-e', sql]), run(process.execPath, [BIN, `--defaults-extra-file=${file}`, '-e', sql])];
  assert.deepEqual(refused.map((r) => r.status === 0), [false, false]);
  assert.equal(refused[1]!.stderr, refused[0]!.stderr);
  assert.match(refused[1]!.stderr, /^ERROR 1045 \(28000\): Access denied/);
  const where = server.socket ? ['-S', server.socket] : ['-h', server.host, '-P', String(server.port)];
  for (const cmd of ['mariadb', process.execPath]) {
    const r = run(cmd, [...(cmd === 'mariadb' ? [] : [BIN]), '--no-defaults', ...where, '-u', server.user, server.database, '-e', 'select 2'], { MYSQL_PWD: server.password });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '2\n2\n');
  }
  // a file that cannot be read: nothing runs (the client's status is 1, sqlsh's 2: no connection)
  const missing = run(process.execPath, [BIN, `--defaults-file=${join(dir, 'nope.cnf')}`, '-e', 'select 1']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^sqlsh: could not open the option file .*nope\.cnf \(--defaults-file\)\n$/);
  assert.equal(run('mariadb', [`--defaults-file=${join(dir, 'nope.cnf')}`, '-e', 'select 1']).status, 1);
});

test("a script on stdin under the mysql client's -s (no column names in its batch output, its \\G records keep theirs), -s -r, and -vvv (the ascii table whatever else was asked, the time after each row count): stdout as the mariadb client's, the times aside", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const script = "select 1 as n, 'a\\tb' as t, null as z;\nselect 'Ada' as name, 2 as b\\G\ncreate temporary table hb_v(x int);\ninsert into hb_v values (1), (2);\nselect x from hb_v where x > 5;\nselect 'q' as a\\G\n";
  const times = (s: string): string => s.replace(/\(\d+\.\d{3} sec\)/g, '(N sec)');
  const conn: string[] = server.socket ? [`--socket=${server.socket}`] : [`--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp'];
  const env: NodeJS.ProcessEnv = { ...testEnv(tempDir()), MYSQL_PWD: server.password };
  for (const flags of [['-s'], ['-ss'], ['-s', '-r'], ['-s', '-N'], ['-vvv'], ['-vvv', '-B'], ['-vvv', '-N'], ['-vvv', '-E'], ['-s', '-vvv'], ['-vvvv']]) {
    const args: string[] = [...conn, `--user=${server.user}`, server.database, ...flags];
    const real: { stdout: string; stderr: string; status: number | null } = spawnSync('mariadb', ['--no-defaults', ...args], { input: script, encoding: 'utf8', timeout: 60_000, env });
    assert.equal(real.status, 0, real.stderr);
    const r: { stdout: string; stderr: string; status: number | null } = spawnSync(process.execPath, [BIN, ...args], { input: script, encoding: 'utf8', timeout: 60_000, env });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(times(r.stdout), times(real.stdout), flags.join(' '));
    if (flags.includes('-vvv')) assert.match(r.stdout, /^1 row in set \(\d+\.\d{3} sec\)$/m);
  }
});

test("a script on stdin with the output on a terminal: the mysql client's batch output (tab-separated, its header), as the client writes it when its input is not a terminal", async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  if (spawnSync('script', ['--version'], { encoding: 'utf8' }).status !== 0) return t.skip('needs util-linux script for a terminal');
  const dir = tempDir();
  const file = join(dir, 'in.sql');
  writeFileSync(file, "select 1 as a, null as b;\nselect 'x' as c\\G\n");
  const conn = server.socket ? `--socket='${server.socket}'` : `--host=${server.host} --port=${server.port} --protocol=tcp`;
  const env: NodeJS.ProcessEnv = { ...testEnv(tempDir()), MYSQL_PWD: server.password };
  // (stdout a terminal, stdin the file: `script` runs the command on a pseudo-terminal)
  const onTerminal = (cmd: string, flags: string): string =>
    spawnSync('script', ['-qc', `${cmd} ${conn} --user=${server.user} ${server.database} ${flags} < '${file}'`, '/dev/null'], { encoding: 'utf8', timeout: 60_000, env }).stdout.replace(/\r\n/g, '\n');
  for (const flags of ['', '-N']) {
    const real = onTerminal('mariadb --no-defaults', flags);
    assert.match(real, /^(a\tb\n)?1\tNULL\n/);
    // (sqlsh's last guard before the screen shows a tab as `\t`, the separators too: the client writes tabs)
    assert.equal(onTerminal(`'${process.execPath}' '${BIN}'`, flags).replaceAll('\\t', '\t'), real, flags);
  }
});
