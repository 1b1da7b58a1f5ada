/**
 * The mysql client's vertical records and ~/.my.cnf, run by the real mariadb client and by sqlsh
 * against one real MariaDB server, stdout compared byte for byte:
 * - `\G` ending a statement (in -e and in a -B script), -E / --vertical, -N with either;
 * - ~/.my.cnf (HOME pointed at a temporary directory): the connection (user, password, host, port,
 *   database) and the printing options batch, skip-column-names / column-names=0, raw, table, vertical.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedMariadb, type MariadbServer } from '../harness/mariadb-server.js';
import { withServer } from '../harness/server-test.js';
import { BIN, tempDir, testEnv } from '../meta/cli-helper.js';

/** The mariadb client; `home` given: it reads that ~/.my.cnf (and nothing is passed on the command line but args). */
function client(server: MariadbServer, args: readonly string[], home?: string, stdin?: string) {
  const conn = server.socket ? [`--socket=${server.socket}`] : [`--host=${server.host}`, `--port=${server.port}`, '--protocol=tcp'];
  const argv = home ? [...args] : ['--no-defaults', ...conn, `--user=${server.user}`, server.database, ...args];
  const env: NodeJS.ProcessEnv = home ? { ...process.env, HOME: home } : { ...process.env, MYSQL_PWD: server.password };
  delete env['MYSQL_HOST'];
  const r = spawnSync('mariadb', argv, { encoding: 'utf8', timeout: 60_000, env, ...(stdin !== undefined ? { input: stdin } : {}) });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status };
}

function sqlsh(target: string, args: readonly string[], home = tempDir()) {
  const r = spawnSync(process.execPath, [BIN, target, ...args], { encoding: 'utf8', timeout: 60_000, env: testEnv(home, { HOME: home }) });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status };
}

const VALUES =
  "select 1 as n, 'Ada' as name, null as nothing, 'a\\tb' as tab, 'line\\nbreak' as nl, 2.50 as longer_column_name, date '2024-01-02' as d, " +
  "timestamp '2024-01-02 10:11:12' as ts, 18446744073709551615 as big, 0.1e0 + 0.2e0 as dbl, 'naïve' as `ünï name`, json_object('a', 1) as j";

test('\\G ends a statement with the mysql client\'s vertical records; -E; -N: byte for byte as the mariadb client', async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const cases: [readonly string[], string][] = [
    [['-e'], `${VALUES}\\G select 'after' as tsv`],
    [['-e'], "select 1 as a union all select 22\\G select 1 from dual where 0\\G select 3 as b\\G"],
    [['-N', '-e'], "select 1 as a, 'x' as b\\G"],
    [['-E', '-e'], `${VALUES}; select 'x' as y union all select 'zz'; select 1 from dual where 0`],
    [['--vertical', '-N', '-e'], 'select 1 as a, 2 as b'],
  ];
  for (const [flags, sql] of cases) {
    const real = client(server, [...flags, sql]);
    assert.equal(real.status, 0, real.stderr);
    const r = sqlsh(server.url, [...flags, sql]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.stringify(r.stdout), JSON.stringify(real.stdout), flags.join(' '));
  }
  // a script read from a file, batch output around the \G statements
  const dir = tempDir();
  const script = `${VALUES}\\G\nselect 'between' as plain;\nselect 1 as x union all select 2\\G\n`;
  writeFileSync(join(dir, 'g.sql'), script);
  const real = client(server, ['-B'], undefined, script);
  assert.equal(real.status, 0, real.stderr);
  const r = sqlsh(server.url, ['-B', '-f', join(dir, 'g.sql')]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.stringify(r.stdout), JSON.stringify(real.stdout), 'script with \\G, -B');
});

test('~/.my.cnf: connection options and printing options (batch, skip-column-names, raw, table, vertical) as the mariadb client reads them', async (t) => {
  const server = await withServer(t, sharedMariadb);
  if (!server) return;
  const login = `user=${server.user}\npassword=${server.password}\nhost=127.0.0.1\nport=${server.port}\n`;
  const query = "select 1 as n, 'a b' as t, null as z, database() as db";
  const cnfs: [string, string][] = [
    ['connection only', `[client]\n${login}[mysql]\ndatabase=${server.database}\n`],
    ['[mysql] skip-column-names', `[client]\n${login}database=${server.database}\n[mysql]\nskip-column-names\n`],
    ['batch and raw', `[client]\n${login}database=${server.database}\nbatch\nraw\n`],
    ['table', `[mysql]\n${login}database=${server.database}\ntable\n`],
    ['vertical and column-names=0', `[client]\n${login}database=${server.database}\n[mysql]\nvertical\ncolumn-names=0\n`],
    ['skip-table turns table off', `[client]\n${login}database=${server.database}\n[mysql]\ntable\nskip-table\n`],
  ];
  for (const [name, cnf] of cnfs) {
    const home = tempDir();
    writeFileSync(join(home, '.my.cnf'), cnf, { mode: 0o600 });
    const real = client(server, ['-e', query], home);
    assert.equal(real.status, 0, `${name}: ${real.stderr}`);
    assert.ok(real.stdout.includes(server.database), `${name}: the client used the file (${real.stdout})`);
    const r = sqlsh('mysql://', ['-e', query], home);
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.equal(JSON.stringify(r.stdout), JSON.stringify(real.stdout), name);
  }
  // the command line wins over the file: -N on the line, table in the file
  const home = tempDir();
  writeFileSync(join(home, '.my.cnf'), `[client]\n${login}database=${server.database}\n[mysql]\ntable\n`, { mode: 0o600 });
  const real = client(server, ['-N', '-e', query], home);
  const r = sqlsh('mysql://', ['-N', '-e', query], home);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.stringify(r.stdout), JSON.stringify(real.stdout), 'table in the file, -N on the line');
});
