/**
 * The built CLI against real PostgreSQL and MariaDB servers (from the test harness): exact CSV
 * output, exit code 2 with a clear message for a wrong password or an unreachable port (and never
 * the password), exit code 1 with a caret under the error position for a failing statement.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCliAsync, sandboxEnv } from '../helpers/run-cli.js';
import { withServer } from '../harness/server-test.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { sharedMariadb } from '../harness/mariadb-server.js';
import { freePort as closedPort } from '../harness/free-port.js';

interface ServerSetup {
  readonly name: string;
  /** URL with the password, or undefined when skipped. */
  url(t: import('node:test').TestContext): Promise<string | undefined>;
  /** A query covering int, text needing quotes, NULL, a 64-bit integer and an exact decimal, and its exact CSV. */
  readonly csvQuery: string;
  readonly csv: string;
  /** What the server's refusal of a wrong password says. */
  readonly wrongPassword: RegExp;
}

const CSV = [
  'id,name,note,big,amount',
  '1,"a,b",,9223372036854775807,12345678901234567890.123456789',
  '2,"say ""hi""",x,-1,0.500000000',
  '',
].join('\n');

const SETUPS: readonly ServerSetup[] = [
  {
    name: 'postgres',
    url: async (t) => (await withServer(t, sharedPostgres))?.url,
    csvQuery:
      "select 1 as id, 'a,b' as name, null as note, 9223372036854775807::bigint as big, 12345678901234567890.123456789::numeric(29,9) as amount " +
      "union all select 2, 'say \"hi\"', 'x', -1, 0.5::numeric(29,9) order by id",
    csv: CSV,
    wrongPassword: /password authentication failed for user/,
  },
  {
    name: 'mariadb',
    url: async (t) => (await withServer(t, sharedMariadb))?.url,
    csvQuery:
      "select 1 as id, 'a,b' as name, null as note, 9223372036854775807 as big, cast('12345678901234567890.123456789' as decimal(29,9)) as amount " +
      "union all select 2, 'say \"hi\"', 'x', -1, 0.5 order by id",
    csv: CSV,
    wrongPassword: /access denied/i,
  },
];

function withPassword(url: string, password: string): string {
  const u = new URL(url);
  u.password = encodeURIComponent(password);
  return u.toString();
}

function passwordOf(url: string): string {
  return decodeURIComponent(new URL(url).password);
}


/** Asserts that stderr echoes `line` of the statement and puts a caret under `column` of it. */
function assertCaret(stderr: string, line: string, column: number): void {
  const lines = stderr.split('\n');
  const at = lines.findIndex((l) => l.endsWith(line));
  assert.ok(at >= 0, `stderr does not echo the statement line ${JSON.stringify(line)}:\n${stderr}`);
  const echoed = lines[at]!;
  const caretLine = lines[at + 1] ?? '';
  const expected = echoed.length - line.length + column;
  assert.equal(caretLine.trimEnd(), `${' '.repeat(expected)}^`, `caret not under column ${column} of ${JSON.stringify(line)}:\n${stderr}`);
}

for (const setup of SETUPS) {
  describe(`cli against ${setup.name}`, () => {
    test('-c "select ..." --format csv prints exact CSV and exits 0', async (t) => {
      const url = await setup.url(t);
      if (!url) return;
      const r = await runCliAsync([url, '-c', setup.csvQuery, '--format', 'csv']);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, setup.csv);
      assert.equal(r.code, 0);
    });

    test('a wrong password exits 2 with a clear message that never shows a password', async (t) => {
      const url = await setup.url(t);
      if (!url) return;
      const wrong = 'Wr0ng-Pa55word-xyz';
      const r = await runCliAsync([withPassword(url, wrong), '-c', 'select 1', '--format', 'csv']);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, setup.wrongPassword);
      assert.ok(!r.stderr.includes(wrong), `stderr shows the given password:\n${r.stderr}`);
      assert.ok(!r.stderr.includes(passwordOf(url)), `stderr shows the real password:\n${r.stderr}`);
    });

    test('an unreachable port exits 2 with a clear message', async (t) => {
      const url = await setup.url(t);
      if (!url) return;
      const u = new URL(url);
      u.port = String(await closedPort());
      const r = await runCliAsync([u.toString(), '-c', 'select 1', '--format', 'csv']);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, new RegExp(`127\\.0\\.0\\.1.*${u.port}`), `no host and port in:\n${r.stderr}`);
      assert.match(r.stderr, /connection refused/i);
      assert.ok(!r.stderr.includes(passwordOf(url)), `stderr shows the password:\n${r.stderr}`);
      assert.ok(r.stderr.split('\n').filter((l) => l.trim()).length <= 4, `message is not short and clear:\n${r.stderr}`);
    });

    test('a UTF-8 byte order mark at the start of a piped script is not sent as SQL', async (t) => {
      const url = await setup.url(t);
      if (!url) return;
      const r = await runCliAsync([url, '--format', 'csv'], { input: '\ufeffselect 1 as one;\n' });
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, 'one\n1\n');
      assert.equal(r.code, 0);
    });

    test('a failing statement exits 1 with a caret under the error position', async (t) => {
      const url = await setup.url(t);
      if (!url) return;
      const sql = 'select 1 as one;\nselect 2 as two,\n  3 as three\nfrom where x = 1';
      const r = await runCliAsync([url, '-c', sql, '--format', 'csv']);
      assert.equal(r.code, 1, r.stderr);
      if (setup.name === 'postgres') {
        // psql -c "a; b" is one request: the server parses it whole, so a syntax error runs nothing (as psql)
        assert.equal(r.stdout, '', 'one request: nothing ran');
      } else assert.equal(r.stdout, 'one\n1\n', 'the statement before the failing one ran');
      assert.match(r.stderr, /syntax/i);
      assertCaret(r.stderr, 'from where x = 1', 'from '.length);
      // LINE counts in what was sent, as psql's: the whole -c on PostgreSQL (one request), else the failing statement
      assert.match(r.stderr, setup.name === 'postgres' ? /LINE 4:/ : /LINE 3:/, `the line in the statement is not given:\n${r.stderr}`);
    });

    test('an unknown table exits 1 and stops at the first failed statement', async (t) => {
      const url = await setup.url(t);
      if (!url) return;
      const r = await runCliAsync([url, '-c', 'select 1 as a from no_such_table_q', '-c', 'select 2 as b', '--format', 'csv'], { env: sandboxEnv() });
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /no_such_table_q/);
      assert.equal(r.stdout, '', 'the statement after the failed one must not run');
    });
  });
}
