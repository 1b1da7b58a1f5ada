import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mysqlDisplayUrl, parseMyCnf, resolveMysqlTarget } from '../../src/engines/mysql/mysql-target.js';
import { driverConfig } from '../../src/engines/mysql/mysql-engine.js';
import { mysqlErrorPosition } from '../../src/engines/mysql/mysql-error-position.js';
import { bitText } from '../../src/engines/mysql/mysql-values.js';
import { ConnectError } from '../../src/core/errors.js';

const noEnv = { USER: 'osuser' };

describe('mysql target resolution', () => {
  test('a URI gives user, password, host, port and database', () => {
    const p = resolveMysqlTarget({ engine: 'mysql', url: 'mysql://al%40ice:p%3Ass@db.example:3307/shop' }, noEnv, {});
    assert.deepEqual(p, { host: 'db.example', port: 3307, user: 'al@ice', password: 'p:ss', database: 'shop' });
  });
  test('mariadb:// with ?socket= uses the socket', () => {
    const p = resolveMysqlTarget({ engine: 'mysql', url: 'mariadb://bob@localhost/app?socket=/tmp/x.sock' }, noEnv, {});
    assert.equal(p.socketPath, '/tmp/x.sock');
    assert.equal(p.user, 'bob');
    assert.equal(p.database, 'app');
  });
  test('flags override the URI, the URI overrides ~/.my.cnf, which overrides the environment', () => {
    const cnf = { user: 'cnfuser', password: 'cnfpw', host: 'cnfhost', database: 'cnfdb', port: '4000' };
    const env = { ...noEnv, MYSQL_HOST: 'envhost', MYSQL_PWD: 'envpw', MYSQL_TCP_PORT: '5000' };
    const p = resolveMysqlTarget({ engine: 'mysql', url: 'mysql://urluser@urlhost/urldb', user: 'flaguser', port: 6000 }, env, cnf);
    assert.deepEqual(p, { host: 'urlhost', port: 6000, user: 'flaguser', password: 'cnfpw', database: 'urldb' });
    const q = resolveMysqlTarget({ engine: 'mysql' }, env, {});
    assert.deepEqual(q, { host: 'envhost', port: 5000, user: 'osuser', password: 'envpw' });
  });
  test('a TCP host from a flag wins over a socket from ~/.my.cnf', () => {
    const p = resolveMysqlTarget({ engine: 'mysql', host: '10.0.0.1' }, noEnv, { socket: '/tmp/cnf.sock' });
    assert.equal(p.socketPath, undefined);
    assert.equal(p.host, '10.0.0.1');
  });
  test("the mysql client's -S, --protocol=tcp, --connect-timeout and --init-command reach the parameters", () => {
    assert.equal(resolveMysqlTarget({ engine: 'mysql', socket: '/tmp/s.sock' }, noEnv, {}).socketPath, '/tmp/s.sock');
    assert.equal(resolveMysqlTarget({ engine: 'mysql', socket: '/tmp/s.sock', host: 'db.example' }, noEnv, {}).socketPath, undefined, 'another host: TCP');
    assert.equal(resolveMysqlTarget({ engine: 'mysql', socket: '/tmp/s.sock', host: 'localhost', tcp: true }, noEnv, { socket: '/tmp/cnf.sock' }).socketPath, undefined);
    const p = resolveMysqlTarget({ engine: 'mysql', connectTimeout: 3, initCommand: 'set @a = 1' }, noEnv, { 'connect-timeout': '9' });
    assert.equal(p.connectTimeoutMs, 3000, 'the command line over ~/.my.cnf');
    assert.equal(p.initCommand, 'set @a = 1');
  });
  test('an invalid port is a ConnectError naming it', () => {
    assert.throws(() => resolveMysqlTarget({ engine: 'mysql' }, { MYSQL_TCP_PORT: 'abc' }, {}), (e: unknown) => e instanceof ConnectError && /'abc'/.test(e.message));
  });
  test('the display URL never contains the password', () => {
    const p = resolveMysqlTarget({ engine: 'mysql', url: 'mysql://u:topsecret@h:3306/d' }, noEnv, {});
    const url = mysqlDisplayUrl(p);
    assert.equal(url, 'mysql://u@h:3306/d');
    assert.ok(!url.includes('topsecret'));
  });
});

describe('~/.my.cnf parsing', () => {
  test('reads [client] and [mysql], ignores other sections, handles quotes and comments', () => {
    const text = [
      '# comment', '[mysqld]', 'port = 1111', '[client]', 'user = alice', 'password = "pa ss#word"', 'host=db  # trailing comment',
      'socket_path = /x', '[mysql]', 'database = shop', '!includedir /etc/mysql/conf.d/', '[other]', 'user = nobody',
    ].join('\n');
    assert.deepEqual(parseMyCnf(text), { user: 'alice', password: 'pa ss#word', host: 'db', 'socket-path': '/x', database: 'shop' });
  });
});

describe('syntax error positions', () => {
  test('finds the quoted text on the reported line', () => {
    const sql = 'select 1;\nselect * form t where x = 1';
    const msg = "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'form t where x = 1' at line 2";
    assert.equal(mysqlErrorPosition(sql, msg), sql.indexOf('form'));
  });
  test("near '' means the end of the statement", () => {
    assert.equal(mysqlErrorPosition('select * from ', "... to use near '' at line 1"), 'select * from'.length);
  });
  test('no position for other errors', () => {
    assert.equal(mysqlErrorPosition('select x', "Unknown column 'x' in 'field list'"), undefined);
  });
});

test('BIT values are shown as b\'...\' without leading zeros', () => {
  assert.equal(bitText(new Uint8Array([0x05])), "b'101'");
  assert.equal(bitText(new Uint8Array([0x00, 0x00])), "b'0'");
  assert.equal(bitText(new Uint8Array([0x01, 0x00])), "b'100000000'");
});

test("the driver sends a statement as written: mysql2's placeholder scan (a character walk of each statement, for no values) is off", () => {
  const config = driverConfig({ host: 'h', port: 3306, user: 'u' }, 'db');
  const format = config['queryFormat'] as ((sql: string) => string) | undefined;
  assert.equal(typeof format, 'function');
  const sql = "insert into t values (1, '?'), (?, \"??\") -- ?";
  assert.equal(format!(sql), sql);
});
