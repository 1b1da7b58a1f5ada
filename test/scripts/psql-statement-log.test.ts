/**
 * What reaches the server: scripts run by psql 15 and by sqlsh against one private PostgreSQL server
 * that logs every statement (log_statement = 'all', log_line_prefix naming the database), and the
 * two logs compared entry by entry (statements, errors, the statement each error names).
 *
 * - The corpus: every fixture of test/scripts/psql/ (their output and pg_dump are compared in
 *   psql-compare.test.ts).
 * - A property: random scripts built from the lexer's token kinds (strings, E'' strings, dollar quotes,
 *   comments, blank lines, `\;`, `:v` / `:'v'` / `:"v"` with `\set`, SQL left before `\echo`, `\g`,
 *   COPY ... FROM STDIN blocks): the same log and the same output lines.
 *
 * Known differences are normalised, nothing else: sqlsh's own queries at connect (read once from an
 * empty script's log and required at the start of each of its runs) and the protocol: sqlsh sends a
 * single statement with the extended protocol (`execute <unnamed>/C_1: ...`), psql as a simple query
 * (`statement: ...`); the text after the prefix must be the same. A statement that fails before it
 * executes is logged by the extended protocol only as ERROR + STATEMENT (see withoutLoggedBeforeError).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { postgresBinDir, startPostgres, type PgServer } from '../harness/postgres-server.js';
import { serverTestMode } from '../harness/server-test.js';
import { BIN, ROOT, tempDir, testEnv } from '../meta/cli-helper.js';

const FIXTURES = join(ROOT, 'test', 'scripts', 'psql');
const PSQL = (): string => join(postgresBinDir(), 'psql');

let server: PgServer | undefined;
let startError: unknown;
let env: NodeJS.ProcessEnv;
let logFile = '';
/** The statements sqlsh sends by itself when it connects. */
let connectEntries: string[] = [];
let dbCounter = 0;

function run(cmd: string, args: readonly string[], cwd = FIXTURES) {
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 60_000, cwd });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status };
}

function psqlAdmin(...commands: string[]): void {
  const r = run(PSQL(), ['-X', '-q', '-d', 'postgres', ...commands.flatMap((c) => ['-c', c])]);
  assert.equal(r.status, 0, r.stderr);
}

function createDb(): string {
  const name = `log_${++dbCounter}`;
  psqlAdmin(`create database ${name}`);
  return name;
}

const logSize = (): number => statSync(logFile).size;

/**
 * The log entries of one database written since `from` (a byte offset): one string per message,
 * its continuation lines joined back (the server starts each with a tab).
 */
function entries(db: string, from: number): string[] {
  const text = readFileSync(logFile).subarray(from).toString('utf8');
  const out: string[] = [];
  let mine = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      if (mine) out[out.length - 1] += `\n${line.slice(1)}`;
      continue;
    }
    mine = line.startsWith(`${db}|`);
    if (mine) out.push(line.slice(db.length + 1).replace(/^(LOG: {2})execute <unnamed>(?:\/C_\d+)?: /, '$1statement: '));
  }
  return out;
}

/**
 * A statement that fails in the extended protocol's Parse or Bind (an unknown column, 1/0 folded by
 * the planner) is logged only as ERROR ... STATEMENT (no `execute` line); psql's simple query logs
 * the statement first. The STATEMENT line carries the same text, so that first line is dropped.
 */
function withoutLoggedBeforeError(log: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < log.length; i++) {
    const e = log[i]!;
    if (e.startsWith('LOG:  statement: ') && log[i + 1]?.startsWith('ERROR:  ')) {
      let j = i + 2;
      while (j < log.length && /^(DETAIL|HINT|CONTEXT|QUERY|LOCATION): /.test(log[j]!)) j++;
      if (log[j] === `STATEMENT:  ${e.slice('LOG:  statement: '.length)}`) continue;
    }
    out.push(e);
  }
  return out;
}

/**
 * One difference on purpose: inside a transaction block sqlsh sends a script's statements that return no
 * rows several at a time (postgres-pipeline.ts), so when ON_ERROR_STOP ends the script at a failure there,
 * the server also logs those already on the wire, each refused (25P02: the block had failed; they changed
 * nothing). Those alone are dropped, after the last statement psql sent, and only when psql's log ends
 * with that failure.
 */
function withoutRefusedAhead(log: readonly string[], psqlLog: readonly string[]): readonly string[] {
  if (log.length <= psqlLog.length || !psqlLog.some((e) => e.startsWith('ERROR:  '))) return log;
  const rest = log.slice(psqlLog.length);
  for (let i = 0; i < rest.length; i += 2) {
    if (rest[i] !== 'ERROR:  current transaction is aborted, commands ignored until end of transaction block' || !rest[i + 1]?.startsWith('STATEMENT:  ')) return log;
  }
  return log.slice(0, psqlLog.length);
}

/** sqlsh's log without its connect queries (required first) and its type-name lookups. */
function scriptEntries(log: readonly string[]): string[] {
  assert.deepEqual(log.slice(0, connectEntries.length), connectEntries, 'sqlsh starts with its connect queries');
  return log.slice(connectEntries.length).filter((e) => !e.includes('format_type(t.oid'));
}

const lines = (text: string): string[] => text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');

/** Runs `file` (in cwd) with psql on one fresh database and with sqlsh on another: both logs and stdouts. */
function runBoth(file: string, args: readonly string[], cwd: string, dbs: readonly [string, string]) {
  return runArgs([...args, '-f', file], cwd, dbs);
}

function runArgs(args: readonly string[], cwd: string, dbs: readonly [string, string]) {
  const at = logSize();
  const psql = run(PSQL(), ['-X', '-d', dbs[0], ...args], cwd);
  const url = `postgres://${encodeURIComponent(server!.user)}@${server!.host}:${server!.port}/${dbs[1]}`;
  const sqlsh = run(process.execPath, [BIN, url, '-X', ...args], cwd);
  return { psql, sqlsh, psqlLog: withoutLoggedBeforeError(entries(dbs[0], at)), sqlshLog: withoutLoggedBeforeError(scriptEntries(entries(dbs[1], at))) };
}

describe("the statements that reach the server: psql's and sqlsh's statement logs", () => {
  before(async () => {
    try {
      server = await startPostgres();
    } catch (err) {
      startError = err;
      return;
    }
    env = { ...testEnv(tempDir()), PGPASSWORD: server.password ?? '', PGHOST: server.host, PGPORT: String(server.port), PGUSER: server.user, SQLSH_TEST_GREETING: 'hello there' };
    logFile = join(dirname(server.dataDir), 'server.log');
    psqlAdmin("alter system set log_statement = 'all'", "alter system set log_line_prefix = '%d|'", 'select pg_reload_conf()');
    const db = createDb();
    const at = logSize();
    const empty = join(tempDir(), 'empty.sql');
    writeFileSync(empty, '');
    const r = run(process.execPath, [BIN, `postgres://${encodeURIComponent(server.user)}@${server.host}:${server.port}/${db}`, '-X', '-f', empty]);
    assert.equal(r.status, 0, r.stderr);
    connectEntries = entries(db, at);
  });
  after(() => server?.stop());

  const haveServer = (t: { skip(msg: string): void }): boolean => {
    if (server) return true;
    if (serverTestMode() === 'required') throw startError;
    t.skip(`server unavailable: ${String((startError as Error | undefined)?.message ?? startError).split('\n')[0]}`);
    return false;
  };

  test('sqlsh connects without a query of its own, as psql (PostgreSQL 14+ reports what it needs at start-up)', (t) => {
    if (!haveServer(t)) return;
    assert.deepEqual(connectEntries, []);
  });

  // Not these: their backslash commands ask the server their own questions (\d, \sf, \sv: psql's describe queries
  // and sqlsh's catalog are not the same statements), and
  // \lo_* call functions with SELECT where libpq calls them through the fast-path protocol; and where an implicit
  // COMMIT fails (deferred-commit.sql) the server logs the extended protocol's statement otherwise (no STATEMENT line).
  const OWN_QUERIES = new Set(['deferred-commit.sql', 'session-commands.sql', 'pattern-system-objects.sql', 'operator-classes.sql', 'describe-views-partitions.sql', 'df-argument-types.sql', 'lenient-values.sql', 'describe.sql', 'hide-tableam.sql', 'df-atomic.sql', 'dotted-names.sql', 'describe-formats.sql', 'describe-plus.sql', 'describe-tables.sql', 'more-lists.sql', 'title.sql', 'semicolon-arguments.sql', 'describe-footers.sql', 'large-objects-quiet.sql', 'search-path-visibility.sql']);
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.sql') && !OWN_QUERIES.has(f)).sort();
  test('the fixture scripts: the same statements in the same order, with the same errors', (t) => {
    if (!haveServer(t)) return;
    assert.ok(fixtures.length >= 5, fixtures.join(', '));
    for (const script of fixtures) {
      const r = runBoth(script, ['-v', 'ON_ERROR_STOP=1', '-v', "from_v=it's"], FIXTURES, [createDb(), createDb()]);
      assert.ok(r.psqlLog.length > 0, `${script}: psql's run logged nothing`);
      assert.deepEqual(withoutRefusedAhead(r.sqlshLog, r.psqlLog), r.psqlLog, `statement log of ${script}\n--- sqlsh stderr:\n${r.sqlsh.stderr}`);
    }
  });

  test('psql -c: several statements in one -c are one request; -1 wraps them; one statement as written', (t) => {
    if (!haveServer(t)) return;
    const dbs: [string, string] = [createDb(), createDb()];
    const cases: string[][] = [
      ['-c', 'create table c1 (a int); insert into c1 values (1); select 1/0'],
      ['-c', 'select count(*) from pg_class where relname = $$c1$$', '-c', '/* a comment */ select 1 as one;'],
      ['-1', '-c', 'create table c2 (a int); insert into c2 values (2)', '-c', 'select * from c2'],
      ['-v', 'ON_ERROR_STOP=1', '-c', "begin; insert into c2 values (3); commit; select 'a;b' as s; select 2"],
    ];
    for (const args of cases) {
      const r = runArgs(args, tempDir(), dbs);
      assert.ok(r.psqlLog.length > 0, `${args.join(' ')}: psql's run logged nothing`);
      assert.deepEqual(r.sqlshLog, r.psqlLog, `statement log of ${args.join(' ')}\n--- sqlsh stderr:\n${r.sqlsh.stderr}`);
      assert.deepEqual(lines(r.sqlsh.stdout), lines(r.psql.stdout), `stdout of ${args.join(' ')}`);
    }
  });

  test('random scripts (strings, dollar quotes, comments, \\;, variables, COPY blocks): the same log and output', (t) => {
    if (!haveServer(t)) return;
    const dbs: [string, string] = [createDb(), createDb()];
    const dir = tempDir();
    const file = join(dir, 'random.sql');
    let runs = 0;
    fc.assert(
      fc.property(script, (text) => {
        runs++;
        writeFileSync(file, text);
        const r = runBoth(file, ['-v', 'ON_ERROR_STOP=0'], dir, dbs);
        assert.ok(r.psqlLog.length > 0, "psql's run logged nothing");
        assert.deepEqual(r.sqlshLog, r.psqlLog, `statement log\n--- script:\n${text}\n--- sqlsh stderr:\n${r.sqlsh.stderr}`);
        assert.deepEqual(lines(r.sqlsh.stdout), lines(r.psql.stdout), `stdout\n--- script:\n${text}`);
      }),
      // shrinking reruns both clients many times: off unless asked for (the log diff is readable as it is)
      {
        numRuns: Number(process.env['SQLSH_LOG_RUNS'] ?? 6),
        endOnFailure: process.env['SQLSH_LOG_SHRINK'] !== '1',
        includeErrorInReport: true,
        ...(process.env['SQLSH_LOG_SEED'] ? { seed: Number(process.env['SQLSH_LOG_SEED']) } : {}),
      },
    );
    assert.ok(runs >= 1);
  });
});

// ---- the random scripts ----------------------------------------------------------------------------

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const join0 = (parts: readonly string[]): string => parts.join('');

/** Whitespace between tokens: spaces, tabs, newlines, blank lines, lines of spaces. */
const ws = pick(' ', ' ', ' ', '\n', '\n\n', '  \n  ', '\t', '\n\n\n');
const lineComment = fc.array(pick('x', ';', "'", ':v1', '$$', ' ', '/*', '\\;'), { maxLength: 4 }).map((p) => `-- ${join0(p)}\n`);
const blockComment = fc.array(pick('x', ';', "'", ':v1', '\n', '\n\n', ' ', '-- y', '\\;', '/* nested */'), { maxLength: 4 }).map((p) => `/* ${join0(p)} */`);
/** Something between two tokens: whitespace, a comment, or (rarely) a backslash command that leaves the buffer alone. */
const gap = fc.oneof(
  { weight: 6, arbitrary: ws },
  { weight: 2, arbitrary: fc.tuple(ws, lineComment).map(join0) },
  { weight: 2, arbitrary: fc.tuple(ws, blockComment, ws).map(join0) },
  { weight: 1, arbitrary: pick(' \\echo mid\n', '\n\\set v9 mid\n') },
);

const plainString = fc.array(pick('a', 'b', "''", ' ', ';', '\\', ':v1', '$', '--', '/*', '"', '\n', '\n\n'), { maxLength: 6 }).map((p) => `'${join0(p)}'`);
const eString = fc.array(pick('a', '\\\\', "\\'", "''", '\\n', ';', ':v1', ' ', '\\;'), { maxLength: 6 }).map((p) => `E'${join0(p)}'`);
const dollarString = fc.oneof(
  fc.array(pick('a', ';', "'", ':v1', '\n', '\n\n', '\\', ' ', '\\;', '--'), { maxLength: 6 }).map((p) => `$$${join0(p)}$$`),
  fc.array(pick('a', '$', ';', "'", '\n', '$$'), { maxLength: 6 }).map((p) => `$q$${join0(p)}$q$`),
);
const value = fc.oneof(
  fc.integer({ min: 0, max: 999 }).map(String),
  plainString,
  eString,
  dollarString,
  pick(':v1', ":'v2'", ":'v1'", ':v2x', ':{?v2}', ':{?v2x}'),
);
/** A select list item: a value, cast to text where types would differ, maybe with an alias. */
const item = fc.tuple(value, gap, pick('', ' as :"v3"', ' as x', ' as ":v1"')).map(([v, g, alias]) => `${v}${g}::text${alias}`);
// every gap starts with whitespace, so `select` and `copy` stay words
const selectStatement = fc.tuple(fc.array(fc.tuple(item, gap), { minLength: 1, maxLength: 3 }), gap).map(
  ([items, g]) => `select${g}${items.map(([i, g2]) => `${i}${g2}`).join(', ')}`,
);
/** One request: statements joined by \; and ended by ; or \g (psql sends them as one message). */
const request = fc.tuple(fc.array(selectStatement, { minLength: 1, maxLength: 3 }), pick(';', ';', ';', ' \\g', '\n\\g')).map(([sts, end]) => `${sts.join(' \\; ')}${end}\n`);

const setLine = fc.oneof(
  fc.integer({ min: 0, max: 99 }).map((n) => `\\set v1 ${n}\n`),
  pick("\\set v2 'it''s'\n", '\\set v2 plain\n', "\\set v2 'a;b'\n", "\\set v2 'back\\\\slash'\n", "\\set v2 a 'b c' d\n", "\\set v3 'Col X'\n", '\\set v3 y\n', '\\unset v2\n'),
);
const copyValue = fc.array(pick('a', ' ', ';', "'", ':v1', '\\\\', '$$', '--'), { maxLength: 4 }).map(join0);
const copyBlock = fc.tuple(gap, fc.array(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.oneof(copyValue, fc.constant('\\N'))), { maxLength: 3 })).map(
  ([g, rows]) => `copy${g}pg_temp.ct from stdin;\n${rows.map(([n, v]) => `${n}\t${v}\n`).join('')}\\.\nselect count(*) from pg_temp.ct;\n`,
);
const script = fc
  .tuple(fc.array(fc.oneof({ weight: 5, arbitrary: request }, { weight: 2, arbitrary: setLine }, { weight: 1, arbitrary: copyBlock }, { weight: 2, arbitrary: gap }), { minLength: 1, maxLength: 10 }), fc.boolean())
  .map(([parts, trailing]) => `create temp table ct (n int, t text);\n\\set v1 7\n${join0(parts)}${trailing ? '/* the end */' : ''}`);
