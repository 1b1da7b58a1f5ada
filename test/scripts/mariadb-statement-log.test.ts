/**
 * What reaches a MariaDB server: the mysql client scripts of test/scripts/mariadb/ (DELIMITER, END$$,
 * procedures, triggers, sql_mode changes, `source`) run by the mariadb client and by sqlsh against one
 * private server with the general query log on, and the statements each session sent compared in order.
 *
 * sqlsh's own queries are left out by their exact text, nothing else: at connect it reads whether the
 * server is read-only (SHOW VARIABLES ...), and after a SET sql_mode it reads the mode back (select
 * @@session.sql_mode) to lex the rest of the script as the server will read it.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { startMariadb, type MariadbServer } from '../harness/mariadb-server.js';
import { serverTestMode } from '../harness/server-test.js';
import { BIN, ROOT, tempDir, testEnv } from '../meta/cli-helper.js';

const FIXTURES = join(ROOT, 'test', 'scripts', 'mariadb');
const SQLSH_OWN = [/^SHOW VARIABLES WHERE Variable_name IN \(/, /^select @@session\.sql_mode$/];

let server: MariadbServer | undefined;
let startError: unknown;
let logFile = '';

before(async () => {
  const dir = tempDir();
  logFile = join(dir, 'general.log');
  try {
    server = await startMariadb({ extraArgs: ['--general-log=1', `--general-log-file=${logFile}`, '--log-output=FILE'] });
  } catch (err) {
    startError = err;
  }
});
after(() => server?.stop());

function client(args: readonly string[], input?: string) {
  const s = server!;
  const r = spawnSync('mariadb', ['--no-defaults', `--socket=${s.socket}`, `--user=${s.user}`, ...args], {
    input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, MYSQL_PWD: s.password }, cwd: FIXTURES,
  });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status };
}

const ENTRY = /^(?:\d{6}\s+\d{1,2}:\d{2}:\d{2})?\s+(\d+) ([A-Za-z ]+?)\t(.*)$/;

/** The Query texts of each connection to `db` written since byte `from`, by connection, in order. */
function queries(from: number, db: string): string[][] {
  const text = readFileSync(logFile).subarray(from).toString('utf8');
  const byId = new Map<string, { db?: string; queries: string[] }>();
  let last: { queries: string[] } | undefined;
  let inQuery = false;
  for (const line of text.split('\n')) {
    const m = ENTRY.exec(line);
    if (m) {
      const [, id, command, arg] = m as unknown as [string, string, string, string];
      const conn = byId.get(id) ?? { queries: [] };
      byId.set(id, conn);
      if (command === 'Connect') conn.db = / on (\S*)/.exec(arg)?.[1];
      if (command === 'Init DB') conn.db = arg;
      inQuery = command === 'Query';
      if (inQuery) conn.queries.push(arg);
      last = conn;
    } else if (inQuery && last) {
      last.queries[last.queries.length - 1] += `\n${line}`;
    }
  }
  return [...byId.values()].filter((c) => c.db === db).map((c) => c.queries);
}

test('mysql client scripts: the mariadb client and sqlsh send the same statements (general query log)', async (t) => {
  if (!server) {
    if (serverTestMode() === 'required') throw startError;
    return t.skip(`server unavailable: ${String((startError as Error | undefined)?.message ?? startError).split('\n')[0]}`);
  }
  const srv: MariadbServer = server;
  const scripts = readdirSync(FIXTURES).filter((f) => f.endsWith('.sql')).sort();
  assert.ok(scripts.length >= 2, scripts.join(', '));
  let n = 0;
  for (const script of scripts) {
    const [a, b] = [`glog_${++n}a`, `glog_${n}b`];
    assert.equal(client(['-e', `create database ${a}; create database ${b};`]).status, 0);
    const at = statSync(logFile).size;
    const real = client(['--batch', a], readFileSync(join(FIXTURES, script), 'utf8'));
    assert.equal(real.status, 0, `mariadb client: ${real.stderr}`);
    const url = new URL(srv.url);
    url.pathname = `/${b}`;
    const r = spawnSync(process.execPath, [BIN, url.toString(), '-f', script], { encoding: 'utf8', timeout: 60_000, env: testEnv(tempDir()), cwd: FIXTURES });
    assert.equal(r.status, 0, `sqlsh: ${r.stderr}`);
    const [clientLog, sqlshLog] = [queries(at, a), queries(at, b)];
    assert.equal(clientLog.length, 1, `one client session on ${a}`);
    assert.ok(clientLog[0]!.length >= 5, `the client's statements were logged: ${clientLog[0]!.length}`);
    assert.equal(sqlshLog.length, 1, `one sqlsh session on ${b} (its catalog is not read in a script)`);
    const own = sqlshLog[0]!.filter((q) => SQLSH_OWN.some((re) => re.test(q)));
    assert.ok(own.length >= 1, 'sqlsh reads the server state at connect');
    assert.deepEqual(sqlshLog[0]!.filter((q) => !SQLSH_OWN.some((re) => re.test(q))), clientLog[0], `statements of ${script}`);
  }
});

test('random mysql client scripts (strings, escapes, comments, DELIMITER, END$$, procedures): the same statements and -B output', async (t) => {
  if (!server) {
    if (serverTestMode() === 'required') throw startError;
    return t.skip(`server unavailable: ${String((startError as Error | undefined)?.message ?? startError).split('\n')[0]}`);
  }
  const srv: MariadbServer = server;
  const [a, b] = ['grand_a', 'grand_b'];
  assert.equal(client(['-e', `create database ${a}; create database ${b};`]).status, 0);
  const dir = tempDir();
  const file = join(dir, 'random.sql');
  const url = new URL(srv.url);
  url.pathname = `/${b}`;
  fc.assert(
    fc.property(mysqlScript, (text) => {
      writeFileSync(file, text);
      const at = statSync(logFile).size;
      const real = client(['--batch', '--force', a], text);
      const r = spawnSync(process.execPath, [BIN, url.toString(), '-B', '--continue-on-error', '-f', file], { encoding: 'utf8', timeout: 60_000, env: testEnv(tempDir()), cwd: dir });
      const [clientLog, sqlshLog] = [queries(at, a), queries(at, b)];
      assert.equal(clientLog.length, 1, `one client session\n${real.stderr}`);
      assert.ok(clientLog[0]!.length > 0, "the client's statements were logged");
      const mine = (sqlshLog[0] ?? []).filter((q) => !SQLSH_OWN.some((re) => re.test(q)));
      assert.deepEqual(mine, clientLog[0], `statements\n--- script:\n${text}\n--- sqlsh stderr:\n${r.stderr}`);
      assert.equal(r.stdout, real.stdout, `-B output\n--- script:\n${text}`);
    }),
    {
      numRuns: Number(process.env['SQLSH_LOG_RUNS'] ?? 8),
      endOnFailure: process.env['SQLSH_LOG_SHRINK'] !== '1',
      includeErrorInReport: true,
      ...(process.env['SQLSH_LOG_SEED'] ? { seed: Number(process.env['SQLSH_LOG_SEED']) } : {}),
    },
  );
});

// ---- the random scripts ----------------------------------------------------------------------------

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const join0 = (parts: readonly string[]): string => parts.join('');
const ws = pick(' ', ' ', '\n', '\n\n', '  \n  ', '\t');
/** Between tokens: whitespace or a comment the client drops (or an executable one it keeps). */
const gap = fc.oneof(
  { weight: 6, arbitrary: ws },
  { weight: 1, arbitrary: fc.array(pick('x', ';', "'", '"', '$$', '//', ' ', '`'), { maxLength: 3 }).map((p) => ` -- ${join0(p)}\n`) },
  { weight: 1, arbitrary: fc.array(pick('x', ';', "'", '$$', ' '), { maxLength: 3 }).map((p) => ` #${join0(p)}\n`) },
  { weight: 1, arbitrary: fc.array(pick('x', ';', "'", '\n', ' ', '--', '$$'), { maxLength: 3 }).map((p) => `/*${join0(p)}*/`) },
);
const single = fc.array(pick('a', "''", "\\'", '\\\\', ';', '$$', '//', '--', '#', '/*', '"', '`', ' ', '\n'), { maxLength: 5 }).map((p) => `'${join0(p)}'`);
const double = fc.array(pick('a', '""', '\\"', ';', "'", '$$', '#'), { maxLength: 4 }).map((p) => `"${join0(p)}"`);
const value = fc.oneof(fc.integer({ min: 0, max: 999 }).map(String), single, double, pick('/*! 40 + */ 2', 'null', '1 /*! +1 */', '2 /*M!100000 -- c\n+ 2 */'));
// always named: a column named by its expression would carry the script's line breaks into the header,
// which the client writes raw in -B output and sqlsh escapes (\n), as it escapes values
const item = fc.tuple(value, gap, pick(' as x', ' as `a;b`', ' as `c``d`')).map(([v, g, alias]) => `${v}${g}${alias}`);
const select = fc.array(fc.tuple(item, gap), { minLength: 1, maxLength: 3 }).map((items) => `select ${items.map(([i, g]) => `${i}${g}`).join(', ')}`);
/** Statements under `;`, or under DELIMITER $$ / // (the delimiter right after a word too), with a procedure. */
const block = fc.oneof(
  { weight: 4, arbitrary: fc.array(select, { minLength: 1, maxLength: 3 }).map((sts) => sts.map((st) => `${st};\n`).join('')) },
  // a statement that is only an executable comment (every mysqldump SET line); no comment inside it, which
  // the client reads its own way when it ends on its line
  {
    weight: 1,
    arbitrary: fc.tuple(fc.array(fc.tuple(value.filter((v) => !v.includes('/*')), ws, pick(' as x', ' as `a;b`')), { minLength: 1, maxLength: 3 }), pick('/*!40101 ', '/*M!100000 ', '/*!'), gap)
      .map(([items, open, g]) => `${open}select ${items.map(([v, w, alias]) => `${v}${w}${alias}`).join(', ')} */${g};\n`),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(pick('$$', '//'), fc.array(select, { minLength: 1, maxLength: 2 }), fc.boolean(), fc.integer({ min: 1, max: 3 })).map(
      ([d, sts, glued, n]) =>
        `DELIMITER ${d}\n${sts.map((st) => `${st}${glued ? '' : ' '}${d}\n`).join('')}` +
        `create or replace procedure p${n}()\nbegin\n  ${sts[0]!}; -- in the body\n  select 'a;b'; # too\nend${glued ? '' : ' '}${d}\n` +
        `DELIMITER ;\ncall p${n}();\n`,
    ),
  },
);
// a comment between blocks ends its line: the client reads DELIMITER only at the start of a line
const mysqlScript = fc
  .tuple(block, fc.array(fc.oneof({ weight: 5, arbitrary: block }, { weight: 1, arbitrary: gap.map((g) => `${g}\n`) }), { maxLength: 5 }))
  .map(([first, rest]) => first + join0(rest));
