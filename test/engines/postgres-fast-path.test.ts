/**
 * The PostgreSQL csv and tsv fast path (the DataRows taken off the socket and written as the sinks'
 * lines, postgres-raw-delimited.ts) writes the same bytes as sqlsh's own csv and tsv sinks fed by the
 * ordinary path, on a real server: many types, NULLs, quotes, newlines, unicode, float edge cases
 * (also with extra_float_digits = 0), bytea in both outputs, non-empty null strings, inside a
 * transaction. Each comparison also checks which path ran, so a fast path that silently fell back
 * cannot pass.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from '../../src/engines/engine.js';
import type { RenderOptions } from '../../src/output/sink.js';
import { assertSameBytes, EXPORT_CASES, rendered, renderOptions } from './fast-path-bytes.js';
import type { ResultEvent } from '../../src/core/result.js';
import { CancelledError, SqlError } from '../../src/core/errors.js';
import { renderEvents } from '../../src/shell/render-events.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { serverTestMode } from '../harness/server-test.js';
import { connectTo } from '../harness/postgres-helpers.js';
import { Collector } from '../output/collect-output.js';
import { spawn } from 'node:child_process';
import { BIN, ROOT, runCliAsync, sandboxEnv } from '../helpers/run-cli.js';

let conn: Connection | undefined;
let url = '';
let startError: unknown;

before(async () => {
  try {
    const server = await sharedPostgres();
    url = server.url;
    conn = await connectTo(server);
  } catch (err) {
    if (serverTestMode() === 'required') throw err;
    startError = err;
  }
});
after(async () => conn?.close());

function need(t: { skip(msg: string): void }): Connection | undefined {
  if (!conn) t.skip(`server unavailable: ${String(startError)}`);
  return conn;
}

interface Csv {
  readonly text: string;
  readonly fast: boolean;
  readonly rows: number;
}

async function csvOf(c: Connection, sql: string, fast: boolean, nullString = '', format: 'csv' | 'tsv' = 'csv'): Promise<Csv> {
  const out = new Collector();
  let sawText = false;
  async function* tap(events: AsyncIterable<ResultEvent>): AsyncGenerator<ResultEvent> {
    for await (const e of events) {
      if (e.type === 'text' || e.type === 'bytes') sawText = true; // the server's csv (bytes) or tsv (text)
      yield e;
    }
  }
  const summary = await renderEvents(
    tap(c.execute(sql, fast ? { [format]: { nullString } } : {})),
    out,
    { format, tableStyle: 'psql', nullString, header: true, footer: false, color: false },
    { notice: () => undefined },
  );
  return { text: out.text, fast: sawText, rows: summary.rowCount };
}

async function assertSame(c: Connection, sql: string, nullString = '', format: 'csv' | 'tsv' = 'csv'): Promise<string> {
  const ordinary = await csvOf(c, sql, false, nullString, format);
  const fast = await csvOf(c, sql, true, nullString, format);
  assert.equal(ordinary.fast, false);
  assert.equal(fast.fast, true, `the fast path was not taken for: ${sql}`);
  assert.equal(fast.text, ordinary.text, sql);
  assert.equal(fast.rows, ordinary.rows);
  return fast.text;
}

const MANY_TYPES = `select i, i::int2 as small, (i::bigint * 1000000007) as big, 9223372036854775807::int8 as bmax,
  i::numeric / 7 as num, 'NaN'::numeric as nan, i * 1.25::float8 as f8, (i * 0.1)::float4 as f4,
  case when i % 3 = 0 then null else 'text ' || i end as t, '' as empty, 'a,b' as comma, 'q"uo"te' as quote,
  E'line\\nbreak' as nl, E'cr\\rx' as cr, 'héllo 日本 👍🏽 é' as uni, ' padded ' as spaces,
  i % 2 = 0 as flag, null::bool as nbool, case when i % 4 = 0 then null else i % 3 = 0 end as mbool,
  '\\x00ff10'::bytea as bytes, case when i % 5 = 0 then null else decode('616263', 'hex') end as nbytes,
  timestamp '2020-01-02 03:04:05.678' + i * interval '1 hour 1 second' as ts,
  timestamptz '2020-01-02 03:04:05+02' + i * interval '1 day' as tstz, date '2020-02-28' + i as d,
  time '10:11:12.5' as tm, interval '1 year 2 mons 3 days 04:05:06' * i as iv,
  array[i, null, 3] as arr, array['a b', 'c,"d', null] as tarr, array[true, false] as barr, array[1.5e-5, 1e20]::float8[] as farr,
  json_build_object('k', i, 's', 'x"y', 'n', null) as j, '{"a": [1, 2.50], "b": "é"}'::jsonb as jb,
  md5(i::text)::uuid as u, '10.0.0.1/8'::inet as ip, 12.5::money as m, 'NULL' as nulltext, '\\.' as dot,
  point(i, 2) as pt, int4range(i, i + 5) as rng, 'abc'::bytea::text as byt
  from generate_series(1, 60) i`;

const sqlText = (s: string): string => `E'${s.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/\t/g, '\\t')}'`;

const FLOATS = `select x as f8, case when x = 0 or abs(x) between 1.2e-38 and 3.4e38 or x = 'NaN' then x::float4 end as f4, -x as neg from unnest(array[
  0, 1, 0.1, 0.5, 1.25, 1e15, 1.5e15, 1e15 + 0.5, 9007199254740991, 9007199254740992, 9.5e15, 1e16, 123456789012345678,
  1e20, 1e21, 1e300, 1.7976931348623157e308, 1e-4, 1.5e-5, 1e-5, 1e-6, 9.99e-7, 1e-7, 1.5e-8, 5e-324, 2.2250738585072014e-308,
  1234.5678, 3.4028235e38, 16777217, 1e6, 1.5e7, 123456789, 1e14 + 0.25,
  999999.94, 999999, 999999999999999.9, 999999999999999.875, 9.999999999999999e-05, 0.00010000000000000002, 0.0001000001]::float8[]) x
  union all select 'NaN', 'NaN', 'NaN' union all select 'Infinity', '-Infinity', '-Infinity' union all select '-0', '-0', '0'`;

describe('postgres csv fast path: same bytes as the ordinary path', () => {
  test('many types, NULLs, quotes, newlines, unicode', async (t) => {
    const c = need(t);
    if (!c) return;
    const text = await assertSame(c, MANY_TYPES);
    assert.equal(text.split('\n').length > 60, true);
    assert.match(text, /,true,/);
  });

  test('float4 and float8 across the exponent boundaries, NaN, infinities, -0', async (t) => {
    const c = need(t);
    if (!c) return;
    const text = await assertSame(c, FLOATS);
    assert.match(text, /^1000000000000000,1000000000000000,/m); // PostgreSQL writes 1e+15
    assert.match(text, /^16777217,16777216,/m); // float4: PostgreSQL writes 1.6777216e+07
    assert.match(text, /1\.5e-8/);
  });

  test('with extra_float_digits = 0 and bytea_output = escape', async (t) => {
    const c = need(t);
    if (!c) return;
    for await (const _ of c.execute('set extra_float_digits = 0')) void _;
    for await (const _ of c.execute('set bytea_output = escape')) void _;
    try {
      // Rounded float text is re-read through a JS double, as the ordinary path does.
      await assertSame(c, FLOATS);
      await assertSame(c, FLOATS, '', 'tsv');
      await assertSame(c, `select '\\x00ff5c41'::bytea as b, 'a\\\\b'::bytea as c`);
      await assertSame(c, `select '\\x00ff5c41'::bytea as b, 'a\\\\b'::bytea as c`, '', 'tsv');
    } finally {
      for await (const _ of c.execute('reset extra_float_digits')) void _;
      for await (const _ of c.execute('reset bytea_output')) void _;
    }
  });

  test('VALUES, TABLE, WITH, comments, a trailing semicolon, duplicate column names', async (t) => {
    const c = need(t);
    if (!c) return;
    await assertSame(c, `values (1, 'a'), (2, null) -- trailing comment`);
    await assertSame(c, `/* lead */ with w(a, b) as (select 1, true) select a, b, a from w order by 1;`);
    await assertSame(c, `table pg_catalog.pg_am`);
    await assertSame(c, `select 1 as a, 2 as a, 'x' as "a"`);
  });

  test('a one-column \\. is quoted, as the csv sink does (as COPY does); a non-empty null string', async (t) => {
    const c = need(t);
    if (!c) return;
    assert.equal(await assertSame(c, `select '\\.' as v union all select 'x'`), 'v\n"\\."\nx\n');
    assert.equal(await assertSame(c, `select 'NULL' as a, null as b, '' as c`, 'NULL'), 'a,b,c\n"NULL",NULL,\n');
  });

  test("psql's csv format (\\pset format csv, --csv): the same bytes as its sink, psql's values (t/f, the server's floats)", async (t) => {
    const c = need(t);
    if (!c) return;
    const odd = `select '' as e, null::text as n, '\\.' as d, 'NULL' as t, 'a,"b"' as q, E'l\\nm' as l, true as b, 1e-5::float8 as f, 0.1::float4 as f4, '\\x01ff'::bytea as by
      union all select 'x', 'y', 'z', null, null, null, false, 'NaN', '-Infinity', null`;
    for (const sql of [MANY_TYPES, FLOATS, odd]) {
      for (const nullString of ['', 'NULL', 'a,b', '\\.']) {
        const render = renderOptions('csv', { nullString, psqlCsv: true, psqlBooleans: true });
        const ordinary = await rendered(c, sql, { psqlValues: true }, render);
        const fast = await rendered(c, sql, { psqlValues: true, csv: { nullString, psql: true } }, render);
        assert.equal(ordinary.fast, false);
        assert.equal(fast.fast, true, 'the fast path was taken');
        assert.equal(fast.text, ordinary.text, `${sql.slice(0, 60)} with null ${JSON.stringify(nullString)}`);
      }
    }
    const render = renderOptions('csv', { nullString: '', psqlCsv: true, psqlBooleans: true });
    const text = (await rendered(c, odd, { psqlValues: true, csv: { nullString: '', psql: true } }, render)).text;
    assert.equal(text.split('\n').slice(0, 2).join('\n'), 'e,n,d,t,q,l,b,f,f4,by\n,,"\\.",NULL,"a,""b""","l');
    assert.match(text, /,t,1e-05,0\.1,\\x01ff\n/);
  });

  test('statements that are not one plain query take the ordinary path; a transaction does not matter', async (t) => {
    const c = need(t);
    if (!c) return;
    for (const sql of [
      'create temp table fp_t as select 1 as a',
      'insert into fp_t values (2) returning a',
      'with d as (delete from fp_t where a = 5 returning a) select * from d',
      'select a from fp_t for update',
      'select 1 into temp fp_u',
      'show server_version_num',
      'explain select 1',
    ]) {
      const r = await csvOf(c, sql, true);
      assert.equal(r.fast, false, sql);
    }
    for await (const _ of c.execute('begin')) void _;
    try {
      await assertSame(c, MANY_TYPES); // inside a transaction: the fast path too
    } finally {
      for await (const _ of c.execute('rollback')) void _;
    }
  });

  test('an error is the ordinary one, with its position; the connection stays usable', async (t) => {
    const c = need(t);
    if (!c) return;
    for (const sql of ['select 1/0 as x from generate_series(1, 3)', 'select nosuchcolumn from pg_am']) {
      const errs: unknown[] = [];
      for (const fast of [false, true]) await csvOf(c, sql, fast).catch((e) => errs.push(e));
      assert.ok(errs[0] instanceof SqlError && errs[1] instanceof SqlError, String(errs));
      assert.equal((errs[1] as SqlError).message, (errs[0] as SqlError).message);
      assert.equal((errs[1] as SqlError).position, (errs[0] as SqlError).position);
    }
    assert.equal((await csvOf(c, 'select 7 as n', true)).text, 'n\n7\n');
  });

  test('an error in the middle of the rows fails the statement; abort cancels it', async (t) => {
    const c = need(t);
    if (!c) return;
    await assert.rejects(csvOf(c, 'select 1 / (5000 - g) as x from generate_series(1, 100000) g', true), SqlError);
    const abort = new AbortController();
    const events = c.execute('select g, pg_sleep(0.001) from generate_series(1, 100000) g', { csv: { nullString: '' }, signal: abort.signal });
    let texts = 0;
    await assert.rejects(
      (async () => {
        for await (const e of events) {
          if (e.type === 'columns') setTimeout(() => abort.abort(), 200);
          if (e.type === 'text' || e.type === 'bytes') texts++;
        }
      })(),
      CancelledError,
    );
    assert.equal((await csvOf(c, 'select 8 as n', true)).text, 'n\n8\n');
  });

  test('Ctrl-C stops a fast-path export of the sqlsh binary: SIGINT cancels the query on the server', async (t) => {
    if (!need(t)) return;
    const p = spawn(process.execPath, [BIN, url, '-c', 'select g, pg_sleep(0.0005) from generate_series(1, 1000000) g', '--format', 'csv'], {
      cwd: ROOT,
      env: sandboxEnv(),
    });
    let bytes = 0;
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += d));
    p.stdout.on('data', (d: Buffer) => {
      if (bytes === 0) setTimeout(() => p.kill('SIGINT'), 300);
      bytes += d.length;
    });
    const started = performance.now();
    const code = await new Promise<number | null>((resolve) => p.once('close', resolve));
    assert.ok(bytes > 0, 'some rows were written before Ctrl-C');
    assert.notEqual(code, 0);
    assert.match(stderr, /Cancel/i);
    assert.ok(performance.now() - started < 60_000);
    assert.equal((await csvOf(need(t)!, 'select 9 as n', true)).text, 'n\n9\n');
  });

  test('the sqlsh binary writes the same csv (fast path) as the ordinary path, outside and inside a transaction', async (t) => {
    const c = need(t);
    if (!c) return;
    const fast = await runCliAsync([url, '-c', MANY_TYPES, '--format', 'csv']);
    const inTx = await runCliAsync([url, '-c', 'begin', '-c', MANY_TYPES, '-c', 'commit', '--format', 'csv']);
    assert.equal(fast.code, 0, fast.stderr);
    assert.equal(inTx.code, 0, inTx.stderr);
    const ordinary = await csvOf(c, MANY_TYPES, false, '', 'csv');
    assert.equal(ordinary.fast, false);
    assert.equal(fast.stdout, ordinary.text);
    assert.equal(inTx.stdout.replace(/^(BEGIN|COMMIT)\n/gm, ''), ordinary.text);
    assert.ok(fast.stdout.length > 1000);
  });
});

describe('postgres tsv fast path: same bytes as the ordinary path', () => {
  // sqlsh's tsv escapes backslashes, tabs, newlines and carriage returns, and keeps \b, \f, \v as
  // they are (where COPY's text format would escape them too).
  const CONTROLS = String.raw`select i, E'tab\there' as tab, E'back\\slash \\b \\' as bs, E'bs\bff\fvt\x0b' as ctl,
    E'\\' || repeat(E'\\', i % 3) as runs, E'x\x01y' as c1, case when i % 2 = 0 then null else '' end as n
    from generate_series(1, 3000) i`;

  test('many types, floats, control characters, backslash runs across chunks', async (t) => {
    const c = need(t);
    if (!c) return;
    const many = await assertSame(c, MANY_TYPES, '', 'tsv');
    assert.match(many, /\ttrue\t/);
    assert.match(many, /\\\\x00ff10/); // bytea: \x hex with its backslash escaped
    await assertSame(c, FLOATS, '', 'tsv');
    const ctl = await assertSame(c, CONTROLS, '', 'tsv');
    assert.ok(ctl.includes('bs\bff\fvt\x0b'), 'backspace, form feed and vertical tab as they are');
    assert.ok(ctl.includes('tab\\there\tback\\\\slash \\\\b \\\\\t'), 'tab and backslashes escaped');
  });

  test('null strings: one like a value, with a backslash, a tab, a comma', async (t) => {
    const c = need(t);
    if (!c) return;
    assert.equal(await assertSame(c, `select 'NULL' as a, null as b, '' as c`, 'NULL', 'tsv'), 'a\tb\tc\nNULL\tNULL\t\n');
    for (const odd of ['\\N', 'a\tb', 'a,b', 'true', '1.5', '\\x00']) {
      const sql = `select null as a, 'x' as b, true as c, 1.5::float8 as d, '\\x00'::bytea as e, ${sqlText(odd)} as f`;
      await assertSame(c, sql, odd, 'tsv');
      await assertSame(c, sql, odd, 'csv');
    }
  });

  test('the sqlsh binary writes the same tsv (fast path) as the ordinary path, outside and inside a transaction', async (t) => {
    const c = need(t);
    if (!c) return;
    const fast = await runCliAsync([url, '-c', MANY_TYPES, '--format', 'tsv']);
    const inTx = await runCliAsync([url, '-c', 'begin', '-c', MANY_TYPES, '-c', 'commit', '--format', 'tsv']);
    assert.equal(fast.code, 0, fast.stderr);
    assert.equal(inTx.code, 0, inTx.stderr);
    const ordinary = await csvOf(c, MANY_TYPES, false, '', 'tsv');
    assert.equal(ordinary.fast, false);
    assert.equal(fast.stdout, ordinary.text);
    assert.equal(inTx.stdout.replace(/^(BEGIN|COMMIT)\n/gm, ''), ordinary.text);
    assert.ok(fast.stdout.length > 1000);
  });
});

describe("postgres unaligned fast path (psql's -A): same bytes as the ordinary path", () => {
  interface Unaligned {
    readonly header: boolean;
    readonly footer: boolean;
    readonly nullString: string;
    readonly fieldSeparator: string;
    readonly recordSeparator: string;
  }
  const DEFAULT: Unaligned = { header: true, footer: true, nullString: '', fieldSeparator: '|', recordSeparator: '\n' };

  const unaligned = (o: Unaligned): RenderOptions =>
    renderOptions('unaligned', { nullString: o.nullString, header: o.header, footer: o.footer, fieldSeparator: o.fieldSeparator, recordSeparator: o.recordSeparator, psqlBooleans: true });

  async function same(c: Connection, sql: string, o: Unaligned = DEFAULT, expectFast = true): Promise<string> {
    return (await assertSameBytes(c, sql, { unaligned: o }, unaligned(o), expectFast)).text;
  }

  test('many types and floats, with the header and footer, with -t, other separators and a null string', async (t) => {
    const c = need(t);
    if (!c) return;
    const text = await same(c, MANY_TYPES);
    assert.match(text, /\|t\|/); // psql's booleans
    assert.match(text, /\(60 rows\)\n$/);
    await same(c, FLOATS);
    await same(c, MANY_TYPES, { ...DEFAULT, header: false, footer: false });
    await same(c, MANY_TYPES, { header: true, footer: false, nullString: 'NULL', fieldSeparator: ';;', recordSeparator: '#\n' });
    const zero = await same(c, MANY_TYPES, { header: false, footer: false, nullString: '', fieldSeparator: '\0', recordSeparator: '\0' });
    assert.ok(zero.endsWith('\0') && !zero.endsWith('\0\0'));
  });

  test('no rows, one row, no columns', async (t) => {
    const c = need(t);
    if (!c) return;
    assert.equal(await same(c, 'select 1 as a where false', DEFAULT, false), 'a\n(0 rows)\n');
    assert.equal(await same(c, 'select 1 as a where false', { ...DEFAULT, header: false, footer: false }, false), '');
    assert.equal(await same(c, 'select 1 as a'), 'a\n1\n(1 row)\n');
    assert.equal(await same(c, 'select 1 as a', { ...DEFAULT, header: false, footer: false }), '1\n');
    // no columns: psql writes the empty header record and `(3 rows)` (the ordinary path shows nothing)
    assert.equal((await rendered(c, 'select from generate_series(1, 3)', { unaligned: DEFAULT }, unaligned(DEFAULT))).text, '\n(3 rows)\n');
  });
});

describe('postgres markdown fast path: the first rows as COPY text, then table rows from the DataRows', () => {
  /** The first rows come as COPY text in any case; `expectBytes`: whether table rows came as bytes too. */
  async function same(c: Connection, sql: string, expectBytes: boolean, nullString = 'NULL'): Promise<string> {
    const fast = await assertSameBytes(c, sql, { markdown: { nullString } }, renderOptions('markdown', { nullString }), 'either');
    assert.equal(fast.types.has('bytes'), expectBytes, `markdown rows as bytes for: ${sql}`);
    return fast.text;
  }

  const AWKWARD = `select i, i * 1.25::float8 as f8, (i * 0.1)::float4 as f4, i::numeric / 7 as num, i % 2 = 0 as flag,
    case when i % 3 = 0 then null else 'text ' || i end as t, 'a|b' as pipe, E'line\\nbreak|' as nl, 'héllo 日本 | x' as uni,
    E'ctl\\x01\\x1b[31m' as ctl, E'back\\\\slash' as bs, '' as empty, '\\x00ff7c'::bytea as bytes, array['a|b', null] as arr,
    case when i < 1500 then null else i end as late_number
    from generate_series(1, 2500) i`;

  test('awkward values past the first 1000 rows (pipes, line breaks, control characters, unicode, NULLs, floats)', async (t) => {
    const c = need(t);
    if (!c) return;
    const text = await same(c, AWKWARD, true);
    assert.match(text, /\| a\\\|b \|/);
    assert.match(text, /line<br>break\\\|/);
    await same(c, AWKWARD, true, '');
    await same(c, FLOATS + ' union all ' + FLOATS.replace(/^select/, 'select') + ' union all select * from (select 1::float8, 1::float4, -1::float8 from generate_series(1, 1200)) g', true);
  });

  test('999, 1000, 1001 rows and none; a column that is NULL in the first 1000 rows is not numeric', async (t) => {
    const c = need(t);
    if (!c) return;
    for (const n of [999, 1000]) await same(c, `select g, null::int as n from generate_series(1, ${n}) g`, false);
    const text = await same(c, `select g, case when g > 1000 then g end as later from generate_series(1, 1001) g`, true);
    assert.match(text, /^\| g \| later \|\n\| ---: \| --- \|$/m);
    await same(c, 'select 1 as a where false', false);
  });
});

describe('postgres fast paths on random text: the same bytes as the ordinary path in every format', () => {
  test('3,000 rows of random text (control characters, tabs, line breaks, CR, backslashes, pipes, quotes, commas, #, wide text) as text, bytea, json and arrays; floats, numeric, booleans', async (t) => {
    const c = need(t);
    if (!c) return;
    const pick = `case when r < 0.05 then 1 + (random() * 30)::int when r < 0.1 then 9 when r < 0.15 then 10 when r < 0.2 then 13
      when r < 0.25 then 92 when r < 0.3 then 124 when r < 0.35 then 34 when r < 0.4 then 44 when r < 0.45 then 35
      when r < 0.5 then 200 + (random() * 2000)::int when r < 0.55 then 127 else 32 + (random() * 94)::int end`;
    for await (const _ of c.execute('select setseed(0.5)')) void _;
    for await (const _ of c.execute('drop table if exists fz_random')) void _;
    for await (const _ of c.execute(`create temp table fz_random as select i,
      (select string_agg(chr(${pick}), '') from (select random() as r from generate_series(1, (random() * 12)::int + i % 2) g) x) as s,
      case when i % 5 = 0 then null else (random() - 0.5) * 10 ^ (random() * 40 - 20) end as f, i % 3 = 0 as b
      from generate_series(1, 3000) i`)) void _;
    // the same text as bytea, json, jsonb and arrays; numeric and real beside the double
    const sql = `select i, s, f, b, convert_to(coalesce(s, ''), 'UTF8') as by, to_json(s) as j, to_jsonb(array[s, 'x']) as jb,
      array[s, null] as arr, (f * 1000)::numeric(30, 6) as num, f::real as r from fz_random order by i`;
    const cases = EXPORT_CASES;
    // (psql's unaligned format is written with psql's values, as a script asks for it)
    for (const [format, fast] of cases) assert.ok((await assertSameBytes(c, sql, fast, renderOptions(format, format === 'unaligned' ? { psqlBooleans: true } : {}))).bytes.length > 50_000, format);
  });
});
