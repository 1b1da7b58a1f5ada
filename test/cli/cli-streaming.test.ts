/**
 * Streaming export keeps memory flat (issue 3): the peak RSS of
 * `sqlsh TARGET -c "select * from t" --format csv` on 1M rows stays below the peak on 100k rows
 * plus 100 MB, for SQLite and PostgreSQL. Measured with GNU time's maximum resident set size, so
 * this is a memory assertion, not a timing one. Why 100 MB: V8 grows its heap lazily under a high
 * allocation rate, so a streamed export still gains 20-55 MB between 100k and 1M rows before it levels
 * off (5M rows peak no higher); a buffered result is far above the bound (psql without FETCH_COUNT
 * gains 200 MB on the same 1M rows). The output lines are counted, so an export that
 * silently printed nothing cannot pass.
 */
import { after, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, runCliAsync, sandboxEnv } from '../helpers/run-cli.js';
import { serverTestMode, withServer } from '../harness/server-test.js';
import { sharedPostgres } from '../harness/postgres-server.js';

const TIME = '/usr/bin/time';
const SMALL = 100_000;
const LARGE = 1_000_000;
const SLACK_MB = 100;

interface Export {
  readonly code: number | null;
  readonly lines: number;
  readonly peakMb: number;
  readonly stderr: string;
}

/** Runs sqlsh under GNU time, counting the CSV lines it writes; returns the child's peak RSS. */
function measuredExport(args: readonly string[]): Promise<Export> {
  return new Promise((resolve, reject) => {
    const p = spawn(TIME, ['-f', 'peak-kb %M', process.execPath, BIN, ...args], { cwd: ROOT, env: sandboxEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    p.stdout.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    });
    p.stderr.on('data', (d) => (stderr += d));
    p.once('error', reject);
    p.once('close', (code) => {
      const m = /peak-kb (\d+)\s*$/.exec(stderr);
      if (!m) return reject(new Error(`no peak RSS from ${TIME}:\n${stderr}`));
      resolve({ code, lines, peakMb: Number(m[1]) / 1024, stderr: stderr.slice(0, m.index) });
    });
  });
}

/** True when GNU time is there; otherwise skips (fails under CI=true). */
function haveTime(t: TestContext): boolean {
  if (existsSync(TIME)) return true;
  const why = `${TIME} (GNU time) is not installed: apt-get install time`;
  if (serverTestMode() === 'required') assert.fail(why);
  t.skip(why);
  return false;
}

async function assertFlat(t: TestContext, target: (rows: number) => string, query: (rows: number) => string): Promise<void> {
  const runs: Export[] = [];
  for (const n of [SMALL, LARGE]) {
    const r = await measuredExport([target(n), '-c', query(n), '--format', 'csv']);
    assert.equal(r.code, 0, `export of ${n} rows failed:\n${r.stderr}`);
    assert.equal(r.lines, n + 1, `export of ${n} rows wrote ${r.lines} lines`);
    runs.push(r);
  }
  const [small, large] = runs as [Export, Export];
  t.diagnostic(`peak RSS: ${SMALL} rows ${small.peakMb.toFixed(1)} MB, ${LARGE} rows ${large.peakMb.toFixed(1)} MB`);
  assert.ok(
    large.peakMb < small.peakMb + SLACK_MB,
    `memory grows with the row count: ${large.peakMb.toFixed(1)} MB for ${LARGE} rows vs ${small.peakMb.toFixed(1)} MB for ${SMALL} (allowed +${SLACK_MB} MB)`,
  );
}

const ROW_SQL = (id: string): string =>
  `${id} as id, 'name ' || ${id} as name, ${id} * 1.25 as amount, ${id} * 1000000007000 as big, 'note, "quoted" ' || ${id} as note`;

describe('streaming export keeps peak memory flat', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-stream-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test(`sqlite: ${LARGE} rows need less than ${SLACK_MB} MB more than ${SMALL}`, async (t) => {
    if (!haveTime(t)) return;
    const { default: Database } = await import('better-sqlite3');
    for (const n of [SMALL, LARGE]) {
      const db = new Database(join(dir, `rows-${n}.db`));
      db.exec('create table t (id integer primary key, name text, amount real, big integer, note text)');
      db.exec(`insert into t with recursive c(x) as (select 1 union all select x + 1 from c where x < ${n}) select ${ROW_SQL('x')} from c`);
      db.close();
    }
    await assertFlat(t, (n) => join(dir, `rows-${n}.db`), () => 'select * from t');
  });

  test(`postgres: ${LARGE} rows need less than ${SLACK_MB} MB more than ${SMALL}`, async (t) => {
    if (!haveTime(t)) return;
    const server = await withServer(t, sharedPostgres);
    if (!server) return;
    const table = (n: number): string => `sqlsh_stream_${process.pid}_${n}`;
    for (const n of [SMALL, LARGE]) {
      const r = await runCliAsync([server.url, '-c', `create table ${table(n)} as select ${ROW_SQL('g')} from generate_series(1, ${n}) g`]);
      assert.equal(r.code, 0, r.stderr);
    }
    t.after(() => runCliAsync([server.url, '-c', `drop table ${table(SMALL)}`, '-c', `drop table ${table(LARGE)}`]));
    await assertFlat(t, () => server.url, (n) => `select * from ${table(n)}`);
  });
});

/** The SQLite file with n benchmark rows, made once per run. */
async function sqliteRows(dir: string, n: number): Promise<string> {
  const path = join(dir, `table-rows-${n}.db`);
  if (existsSync(path)) return path;
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path);
  db.exec('create table t (id integer primary key, name text, amount real, big integer, note text)');
  db.exec(`insert into t with recursive c(x) as (select 1 union all select x + 1 from c where x < ${n})
    select x, 'name ' || x, x * 1.25, x * 1000000007000, case when x % 7 = 0 then null else 'note, "quoted" ' || x end from c`);
  db.close();
  return path;
}

/** Reads a psql-style table file: the header, how often it appears, and whether every line's '|' sit where the header's do. */
async function checkTable(path: string): Promise<{ header: string; headers: number; lines: number; misaligned: string[] }> {
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let header: string | undefined;
  let bars = '';
  let headers = 0;
  let lines = 0;
  const misaligned: string[] = [];
  const barsOf = (line: string): string => {
    let out = '';
    for (let i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) out += i + ',';
    return out;
  };
  for await (const line of rl) {
    lines++;
    if (header === undefined) {
      header = line;
      bars = barsOf(line);
    }
    if (line === header) headers++;
    else if (line.includes('|') && barsOf(line) !== bars && misaligned.length < 3) misaligned.push(line);
  }
  return { header: header ?? '', headers, lines, misaligned };
}

describe('one aligned table in a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-table-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const n of [50_000, 1_000_000]) {
    test(`${n} rows to a file (-o): the header once, every row under it`, async (t) => {
      if (!haveTime(t)) return;
      const db = await sqliteRows(dir, n);
      const out = join(dir, `table-${n}.txt`);
      // ids grow from 1 to n digits: before the spill, every wider block printed the header again
      const r = await measuredExport([db, '-c', 'select * from t', '-o', out]);
      assert.equal(r.code, 0, r.stderr);
      const table = await checkTable(out);
      t.diagnostic(`peak RSS ${r.peakMb.toFixed(1)} MB for ${n} rows`);
      assert.equal(table.headers, 1, 'the header is printed once');
      assert.deepEqual(table.misaligned, []);
      assert.equal(table.lines, n + 4, "header, rule, every row, footer, psql's blank line");
      assert.match(table.header, /^ +id +\| +name +\| +amount +\| +big +\| +note +$/);
    });
  }

  test('the same bytes as psql 15 for a small result, with the blank line after the footer', async (t) => {
    const server = await withServer(t, sharedPostgres);
    if (!server) return;
    const psql = spawnSyncPsql(t);
    if (!psql) return;
    const q = `select i as id, 'name ' || i as name, case when i % 3 = 0 then null else i * 1.5 end as amount,
      case when i % 4 = 0 then E'multi\\nline' else 'x' end as note, '日本' as wide, i::numeric / 3 as num,
      case when i % 2 = 0 then 'last' end as last, case when i = 5 then null else i end as n
      from generate_series(1, 12) i`;
    const mine = await runCliAsync([server.url, '-c', q, '--null', 'NULL']);
    assert.equal(mine.code, 0, mine.stderr);
    const theirs = psql(['-X', '-P', 'pager=off', '-P', 'null=NULL', '-c', q, server.url]);
    assert.equal(mine.stdout, theirs);
    assert.match(mine.stdout, /\n {4}\| +\| +\| line +\| +\| +\| *\| *\n/); // continuation line of a multi-line row
  });
});

/** psql from the PATH (installed with the server packages); skips (fails under CI=true) without it. */
function spawnSyncPsql(t: TestContext): ((args: readonly string[]) => string) | undefined {
  const r = spawnSync('psql', ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) {
    if (serverTestMode() === 'required') assert.fail('psql is not installed');
    t.skip('psql is not installed');
    return undefined;
  }
  return (args) => {
    const p = spawnSync('psql', args, { encoding: 'utf8', env: { ...process.env, PGPASSFILE: '/nonexistent', PSQLRC: '/nonexistent' } });
    assert.equal(p.status, 0, p.stderr);
    return p.stdout;
  };
}
