/**
 * The SQLite csv/tsv/json/jsonl export and the aligned table's COPY text, stepped and formatted in C
 * (native/sqlsh-export.cc): the same bytes as the ordinary path (rows, then the sink), checked with fast-check on random tables of
 * doubles (every exponent, -0, integral values beyond 2^53), 64-bit integers, text with quotes,
 * commas, CR/LF, tabs, backslashes, control characters, wide characters and invalid UTF-8, blobs,
 * NULL and '' under several null strings; REAL text against formatNumber() for a great many
 * doubles; statements that do not fit (parameters, writes, two statements) run the ordinary way;
 * errors and Ctrl-C stop it as they stop the JavaScript path.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { CancelledError, SqlError } from '../../src/core/errors.js';
import type { ResultEvent, Row } from '../../src/core/result.js';
import { encodeUtf8Escaped } from '../../src/core/surrogate-escape.js';
import type { Connection, ExecuteOptions } from '../../src/engines/engine.js';
import { sqliteEngine } from '../../src/engines/sqlite/sqlite-engine.js';
import { findSqliteNative, loadSqliteNative } from '../../src/engines/sqlite/sqlite-native.js';
import { CsvSink } from '../../src/output/csv-sink.js';
import { formatNumber } from '../../src/output/format-value.js';
import { JsonSink } from '../../src/output/json-sink.js';
import { JsonlSink } from '../../src/output/jsonl-sink.js';
import { TsvSink } from '../../src/output/tsv-sink.js';
import type { OutputFormat } from '../../src/output/sink.js';
import { renderEvents } from '../../src/shell/render-events.js';
import { Collector } from '../output/collect-output.js';
import { BIN, ROOT, sandboxEnv } from '../helpers/run-cli.js';
import { tempDir } from './sqlite-test-helpers.js';

const native = loadSqliteNative(findSqliteNative());
const hasExport = typeof native?.exportStart === 'function';
/** Under CI the helper is built (npm ci): the native path must be tested, not skipped. */
const skip = !hasExport && process.env['CI'] !== 'true' ? 'the native helper was not built (npm install builds it)' : false;

type Format = 'csv' | 'tsv' | 'json' | 'jsonl';

/** One long step before the first row (a sort of 30M rows: seconds), then rows. */
const LONG_SORT = 'with recursive c(x) as (select 1 union all select x + 1 from c where x < 30000000) select x from c order by x desc';

function sinkFor(format: Format, write: (t: string) => void, nullString: string): CsvSink | TsvSink | JsonSink | JsonlSink {
  if (format === 'csv') return new CsvSink({ write }, { nullString, header: true });
  if (format === 'tsv') return new TsvSink({ write }, { nullString, header: true });
  return format === 'json' ? new JsonSink({ write }) : new JsonlSink({ write });
}

/** What the fast path is asked for (ExecuteOptions.csv, .tsv, .json). */
function fastOption(format: Format, nullString: string): ExecuteOptions {
  return format === 'json' || format === 'jsonl' ? { json: { lines: format === 'jsonl' } } : { [format]: { nullString } };
}

/** csv, tsv, json or jsonl bytes through the ordinary path: rows, then the sink. */
async function ordinary(conn: Connection, sql: string, format: Format, nullString: string): Promise<Buffer> {
  let text = '';
  const sink = sinkFor(format, (t) => void (text += t), nullString);
  let rowCount = 0;
  for await (const e of conn.execute(sql)) {
    if (e.type === 'columns') await sink.begin(e.columns);
    else if (e.type === 'rows') await sink.rows(e.rows as Row[]);
    else if (e.type === 'done') rowCount = e.rowCount ?? 0;
  }
  await sink.end({ rowCount });
  return encodeUtf8Escaped(text);
}

/** The same through the fast path; `kinds`: the event types that carried the rows. */
async function fast(conn: Connection, sql: string, format: Format, nullString: string): Promise<{ bytes: Buffer; kinds: Set<string>; rowCount?: number }> {
  const parts: Buffer[] = [];
  const kinds = new Set<string>();
  let rowCount: number | undefined;
  const sink = sinkFor(format, (t) => void parts.push(encodeUtf8Escaped(t)), nullString);
  for await (const e of conn.execute(sql, fastOption(format, nullString)) as AsyncIterable<ResultEvent>) {
    if (e.type === 'columns') await sink.begin(e.columns);
    else if (e.type === 'text') {
      kinds.add('text');
      parts.push(encodeUtf8Escaped(e.text));
    } else if (e.type === 'bytes') {
      kinds.add('bytes');
      parts.push(Buffer.from(e.bytes));
    } else if (e.type === 'rows') kinds.add('rows');
    else if (e.type === 'done') rowCount = e.rowCount;
  }
  await sink.end({ rowCount: rowCount ?? 0 });
  return { bytes: Buffer.concat(parts), kinds, ...(rowCount !== undefined ? { rowCount } : {}) };
}

/** A double from 64 random bits: every exponent, subnormals, integral values, infinities (NaN left out: SQLite stores it as NULL). */
const anyDouble = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((bits) => new Float64Array(new BigUint64Array([bits]).buffer)[0]!).filter((d) => !Number.isNaN(d));
const someDouble = fc.oneof(
  anyDouble,
  fc.double({ noNaN: true }),
  fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 1000),
  fc.constantFrom(0, -0, 1e21, -1e21, 1e-7, 1e-6, 9.999999999999999e20, 2 ** 53, 2 ** 53 - 1, -(2 ** 53), 2 ** 63, 5e-324, 1.7976931348623157e308, 0.1, 1 / 3, 123456.789, Infinity, -Infinity),
);

const SPECIAL = ['"', ',', '\n', '\r', '\t', '\\', '\\.', '.', '\x00', '\x01', '\x1b[31m', '\u007f', '\u0085', '日本', '👍🏽', '\u200b', 'NULL', '\\N', ' '];
const someText = fc.oneof(
  fc.string({ unit: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 12 }).map((s) => ({ text: s })),
  fc.string({ unit: 'binary', maxLength: 8 }).map((s) => ({ text: s })),
  fc.constantFrom('', '\\.', 'NULL', '\\N', '0', '\\x', '""').map((s) => ({ text: s })),
  // TEXT that is not valid UTF-8
  fc.uint8Array({ maxLength: 8 }).map((b) => ({ bytes: Buffer.concat([Buffer.from(b), Buffer.from([0xff, 0x2c, 0xc3])]) })),
);
type Cell = null | number | bigint | { text: string } | { bytes: Buffer } | { blob: Buffer };
const someCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  someDouble,
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.integer(),
  someText,
  fc.uint8Array({ maxLength: 6 }).map((b) => ({ blob: Buffer.from(b) })),
);

/**
 * A table `name` with columns c0..c{n-1} (no type, so every value stays as stored) holding the
 * rows, made by another connection (a new name each time: a table changed under the shell's open
 * connection is another matter).
 */
function fillTable(path: string, rows: readonly (readonly Cell[])[], columns: number, name = 't'): void {
  const db = new Database(path);
  try {
    db.exec(`create table ${name} (${Array.from({ length: columns }, (_, i) => `c${i}`).join(', ')})`);
    for (const row of rows) {
      const args: unknown[] = [];
      const exprs: string[] = [];
      row.forEach((v, i) => {
        if (v !== null && typeof v === 'object' && 'bytes' in v) {
          exprs.push('cast(? as text)');
          args.push(v.bytes);
        } else {
          exprs.push('?');
          args.push(v === null || typeof v !== 'object' ? v : 'text' in v ? v.text : v.blob);
        }
      });
      db.prepare(`insert into ${name} values (${exprs.join(', ')})`).safeIntegers(true).run(...args);
    }
  } finally {
    db.close();
  }
}

describe('SQLite csv and tsv formatted in C', { skip }, () => {
  test('REAL text: the same as formatNumber() (and String() for json) for random doubles of every exponent', () => {
    const format = native!.formatDouble!;
    for (const d of [0, -0, 1e21, 1e-7, 1e-6, 2 ** 53, 2 ** 53 - 1, 2 ** 63, 5e-324, 1.7976931348623157e308, Infinity, -Infinity, NaN, 0.1, 0.3, 1 / 3, 123e-20, 100, 1e20, 1.5e20]) {
      assert.equal(format(d), formatNumber(d), String(d));
    }
    fc.assert(
      fc.property(someDouble, (d) => format(d) === formatNumber(d)),
      { numRuns: 200_000 },
    );
    // json's numbers: JavaScript's own String(d) (JSON.stringify), -0 kept (output/json-value.ts)
    fc.assert(
      fc.property(someDouble, (d) => format(d, true) === (Object.is(d, -0) ? '-0' : String(d))),
      { numRuns: 100_000 },
    );
  });

  for (const inThread of [true, false]) {
    const where = inThread ? 'on the main thread (a script)' : 'in the worker (the shell)';
    test(`random tables ${where}: the same bytes and row count as the ordinary path, csv, tsv, json and jsonl`, async (t) => {
      const path = join(tempDir(t), 'p.db');
      const conn = await sqliteEngine.connect({ engine: 'sqlite', path }, { inThread });
      try {
        let runs = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.array(someCell, { minLength: n, maxLength: n }), { maxLength: 25 }))),
            fc.constantFrom('csv' as const, 'tsv' as const, 'json' as const, 'jsonl' as const),
            fc.constantFrom('', 'NULL', '\\N', '0', '\\x', '"', '∅', 'ø'),
            async ([columns, rows], format, nullString) => {
              runs++;
              fillTable(path, rows, columns, `t${runs}`);
              const sql = `select * from t${runs}`;
              const a = await ordinary(conn, sql, format, nullString);
              const b = await fast(conn, sql, format, nullString);
              assert.ok(!b.kinds.has('rows'), 'rows came as values: the fast path did not run');
              assert.equal(b.rowCount, rows.length);
              assert.equal(b.bytes.toString('hex'), a.toString('hex'));
            },
          ),
          { numRuns: inThread ? 150 : 50 },
        );
        assert.ok(runs > 0);
      } finally {
        await conn.close();
      }
    });
  }

  test('expanded, markdown, unaligned and vertical records: COPY text with invalid UTF-8 left raw (copy-raw), the bytes are the ordinary ones', async (t) => {
    const path = join(tempDir(t), 'rows.db');
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path }, { inThread: true });
    const render = async (sql: string, format: OutputFormat, nullString: string, expanded: 'on' | 'vertical' | undefined, fast: boolean): Promise<{ text: string; copy: boolean }> => {
      const out = new Collector();
      let copy = false;
      async function* tap(events: AsyncIterable<ResultEvent>): AsyncGenerator<ResultEvent> {
        for await (const e of events) {
          if (e.type === 'copy-text') copy = true;
          yield e;
        }
      }
      await renderEvents(tap(conn.execute(sql, fast ? { copyText: 'rows' } : {})), out, { format, tableStyle: 'psql', nullString, header: true, footer: true, color: false, ...(expanded ? { expanded } : {}) }, { notice: () => undefined });
      return { text: out.text, copy };
    };
    try {
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.array(someCell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 25 }))),
          fc.constantFrom(['expanded', undefined] as const, ['markdown', undefined] as const, ['unaligned', undefined] as const, ['table', 'on'] as const, ['table', 'vertical'] as const),
          fc.constantFrom('', 'NULL', '∅'),
          async ([columns, rows], [format, expanded], nullString) => {
            runs++;
            fillTable(path, rows, columns, `r${runs}`);
            const sql = `select * from r${runs}`;
            const a = await render(sql, format, nullString, expanded, false);
            const b = await render(sql, format, nullString, expanded, true);
            assert.ok(!a.copy, 'no COPY text without copyText');
            assert.ok(b.copy, 'COPY text came for the rows (the native path ran)');
            assert.equal(b.text, a.text);
          },
        ),
        { numRuns: 40 },
      );
      assert.ok(runs > 0);
    } finally {
      await conn.close();
    }
  });

  test('aligned table, expanded, unaligned and markdown to a pipe (COPY text from C): the same bytes as the ordinary path on random tables, mixed types per column, wide rows', (t) => {
    const dir = tempDir(t);
    const path = join(dir, 'table.db');
    const tables = fc.sample(
      fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.array(someCell, { minLength: n, maxLength: n }), { maxLength: 30 }))),
      { numRuns: 30, seed: Date.now() | 0 },
    );
    tables.forEach(([columns, rows], k) => fillTable(path, rows, columns, `t${k}`));
    // Many chunks (64 KB each), a column that holds numbers for 700 rows, then text, then NULLs.
    const big: Cell[][] = [];
    for (let i = 0; i < 3000; i++) {
      const phase = Math.floor(i / 700) % 3;
      big.push([i, phase === 0 ? i * 1.5 : phase === 1 ? { text: `v${i} 日本\t` } : null, { text: 'x'.repeat(i % 97) }, i % 13 === 0 ? { bytes: Buffer.from('ff61', 'hex') } : { blob: Buffer.from([i & 255]) }]);
    }
    fillTable(path, big, 4, 'big');
    // printable ASCII only, chunks (64 KB) after the first 1,000 rows: the sinks' byte paths (no row made)
    fillTable(path, Array.from({ length: 8000 }, (_, i): Cell[] => [i, { text: `name ${i}` }, i % 9 === 0 ? null : i * 0.5]), 3, 'plain');
    // values longer than a chunk (64 KB) and than the buffers the chunks go into (128 KB)
    fillTable(path, [[{ text: 'x'.repeat(300_000) + '日本' }, 1], [{ text: 'y'.repeat(70_000) }, 2.5], [null, null]], 2, 'wide');
    const statements = [...tables.map((_, k) => `select * from t${k};`), 'select * from big;', 'select c0 from big;', 'select * from plain;', 'select * from wide;', 'select c1, c0 from wide;'];
    const script = join(dir, 'all.sql');
    writeFileSync(script, statements.join('\n') + '\n');
    const env = sandboxEnv();
    const run = (extra: Record<string, string>, args: string[]): Buffer => {
      const r = spawnSync(process.execPath, [BIN, path, '-f', script, ...args], { cwd: ROOT, env: { ...env, ...extra }, timeout: 60_000, maxBuffer: 256 << 20 });
      assert.equal(r.status, 0, r.stderr.toString());
      return r.stdout;
    };
    // the aligned table (COPY text with invalid UTF-8 as \xNN), and the sinks that take rows (copy-raw)
    for (const args of [[], ['--null', 'NULL', '-P', 'footer=off'], ['--format', 'expanded'], ['--format', 'expanded', '-t'], ['--format', 'unaligned'], ['--format', 'markdown', '--null', 'NULL']]) {
      const js = run({ SQLSH_SQLITE_NATIVE_EXPORT: '0' }, args);
      const c = run({}, args);
      if (!c.equals(js)) {
        // the first statement whose table differs, for the message
        for (const sql of statements) {
          writeFileSync(script, sql + '\n');
          const a = run({ SQLSH_SQLITE_NATIVE_EXPORT: '0' }, args).toString('latin1');
          const b = run({}, args).toString('latin1');
          assert.equal(b, a, `${sql} ${args.join(' ')}`);
        }
        assert.fail('the outputs differ');
      }
      assert.ok(js.length > 100_000);
    }
  });

  test('chunks of valid UTF-8 come as text; a chunk with invalid UTF-8 as bytes (the native path ran)', async (t) => {
    const path = join(tempDir(t), 'u.db');
    fillTable(path, [[{ text: 'ok, 日本' }], [{ bytes: Buffer.from('e282acff', 'hex') }]], 1);
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path }, { inThread: true });
    try {
      const good = await fast(conn, "select c0 from t where c0 like 'ok%'", 'csv', '');
      assert.deepEqual([...good.kinds], ['text']);
      assert.equal(good.bytes.toString(), 'c0\n"ok, 日本"\n');
      const bad = await fast(conn, 'select * from t', 'csv', '');
      assert.deepEqual([...bad.kinds], ['bytes']);
      assert.ok(bad.bytes.includes(Buffer.from('e282acff', 'hex')));
    } finally {
      await conn.close();
    }
  });

  test('a null string or column names beyond ASCII, a repeated name, a value longer than a chunk: the same bytes in every format', async (t) => {
    const path = join(tempDir(t), 'n.db');
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path }, { inThread: true });
    try {
      const sql = "select 1 as \"名前\", null as \"é\", 'ascii' as a, 'x' as a union all select 2, 3.5, null, printf('%.*c', 300000, 'z')";
      for (const format of ['csv', 'tsv', 'json', 'jsonl'] as const) {
        for (const nullString of ['∅', 'ø', '']) {
          const a = await ordinary(conn, sql, format, nullString);
          const b = await fast(conn, sql, format, nullString);
          assert.deepEqual([...b.kinds], ['text']);
          assert.equal(b.bytes.toString(), a.toString(), `${format} ${nullString}`);
        }
      }
    } finally {
      await conn.close();
    }
  });

  test('200k rows: many chunks, whole rows each, in order', async (t) => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: join(tempDir(t), 'c.db') }, { inThread: true });
    try {
      let chunks = 0;
      let text = '';
      for await (const e of conn.execute("with recursive c(x) as (select 1 union all select x + 1 from c where x < 200000) select x, 'v' || x, x / 7.0 from c", { csv: { nullString: '' } })) {
        if (e.type === 'text') {
          chunks++;
          assert.ok(e.text.endsWith('\n'), 'a chunk ends with a whole row');
          text += e.text;
        }
      }
      assert.ok(chunks > 10, `${chunks} chunks`);
      const lines = text.split('\n');
      assert.equal(lines.length, 200_001);
      assert.equal(lines[199_999], `200000,v200000,${200000 / 7}`);
    } finally {
      await conn.close();
    }
  });

  test('statements that do not fit run the ordinary way: parameters, writes with RETURNING, two statements, comments after', async (t) => {
    const path = join(tempDir(t), 'f.db');
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path }, { inThread: true });
    try {
      for await (const _ of conn.execute('create table w (x integer)'));
      // a write: its RETURNING rows come the JavaScript way, and it runs once
      const w = await fast(conn, 'insert into w values (1), (2) returning x', 'csv', '');
      assert.equal(w.bytes.toString(), 'x\n1\n2\n');
      assert.equal((await fast(conn, 'select count(*) as n from w', 'csv', '')).bytes.toString(), 'n\n2\n');
      // a parameter: the driver's error, as without the fast path
      await assert.rejects(fast(conn, 'select ?', 'csv', ''), /parameter|bind/i);
      await assert.rejects(fast(conn, 'select 1; select 2', 'csv', ''), /more than one statement/);
      assert.equal((await fast(conn, 'select 1 as a -- done\n /* c */ ', 'tsv', '')).bytes.toString(), 'a\n1\n');
    } finally {
      await conn.close();
    }
  });

  test('an error in a step is the same SqlError as the ordinary path gives; the session goes on', async (t) => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: join(tempDir(t), 'e.db') }, { inThread: true });
    try {
      const sql = "with recursive c(x) as (select 1 union all select x + 1 from c where x < 50000) select x, json_extract(case when x = 40000 then '{' else '{}' end, '$') from c";
      const errorOf = async (p: Promise<unknown>): Promise<SqlError> => {
        try {
          await p;
        } catch (e) {
          assert.ok(e instanceof SqlError, String(e));
          return e;
        }
        assert.fail('no error');
      };
      const a = await errorOf(ordinary(conn, sql, 'csv', ''));
      const b = await errorOf(fast(conn, sql, 'csv', ''));
      assert.equal(b.message, a.message);
      assert.equal(b.code, a.code);
      assert.equal((await fast(conn, 'select 1 as one', 'csv', '')).bytes.toString(), 'one\n1\n');
    } finally {
      await conn.close();
    }
  });

  test('in the worker, cancel during one long step of a csv export stops it at once, and cancel() while its rows stream', async (t) => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: join(tempDir(t), 'l.db') }, { inThread: false });
    try {
      const abort = new AbortController();
      const begun = performance.now();
      setTimeout(() => abort.abort(), 300);
      await assert.rejects(async () => {
        for await (const _ of conn.execute(LONG_SORT, { csv: { nullString: '' }, signal: abort.signal }));
      }, CancelledError);
      assert.ok(performance.now() - begun < 5000, `stopped inside the step (${(performance.now() - begun).toFixed(0)} ms)`);
      let chunks = 0;
      await assert.rejects(async () => {
        for await (const e of conn.execute('with recursive c(x) as (select 1 union all select x + 1 from c) select x from c', { csv: { nullString: '' } })) {
          if (e.type === 'text' && ++chunks === 3) void conn.cancel();
        }
      }, CancelledError);
      assert.equal((await fast(conn, 'select 1 as one', 'csv', '')).bytes.toString(), 'one\n1\n');
    } finally {
      await conn.close();
    }
  });

  test('on the main thread, Ctrl-C (SIGINT) during one long step of a csv export stops it at once', async (t) => {
    if (process.platform === 'win32') return t.skip('POSIX signals');
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: join(tempDir(t), 'm.db') }, { inThread: true });
    const listener = (): void => undefined;
    process.on('SIGINT', listener);
    try {
      // The signal comes from another process while this thread is inside the step.
      const killer = spawn('sh', ['-c', `sleep 0.5; kill -INT ${process.pid}`], { stdio: 'ignore' });
      const begun = performance.now();
      await assert.rejects(fast(conn, LONG_SORT, 'csv', ''), CancelledError);
      await new Promise((r) => killer.once('exit', r));
      assert.ok(performance.now() - begun < 5000, `stopped inside the step (${(performance.now() - begun).toFixed(0)} ms)`);
      assert.equal((await fast(conn, 'select 1 as one', 'csv', '')).bytes.toString(), 'one\n1\n');
    } finally {
      process.off('SIGINT', listener);
      await conn.close();
    }
  });

  test('the sqlsh binary: Ctrl-C stops a csv export to a pipe (Cancelled, exit 1), the rows written so far are whole', async (t) => {
    if (process.platform === 'win32') return t.skip('POSIX signals');
    const db = join(tempDir(t), 'd.db');
    const endless = 'with recursive c(x) as (select 1 union all select x + 1 from c) select x, x * 0.5 from c';
    const p = spawn(process.execPath, [BIN, db, '--format', 'csv', '-c', endless], { cwd: ROOT, env: sandboxEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let signalled = false;
    p.stderr.on('data', (d) => (err += d));
    p.stdout.on('data', (d) => {
      out += d;
      if (!signalled && out.length > 1_000_000) {
        signalled = true;
        p.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((r) => p.once('close', (c) => r(c)));
    assert.ok(signalled, `no output: ${err}`);
    assert.equal(code, 1, `exit status; stderr: ${err}`);
    assert.match(err, /Cancelled: canceling statement due to user request/);
    assert.ok(out.startsWith('x,x * 0.5\n1,0.5\n2,1\n'));
    assert.ok(out.endsWith('\n'), 'whole rows');
  });
});
