/**
 * The aligned table to a file or pipe from PostgreSQL with its rows taken off the socket as COPY text
 * (ExecuteOptions.copyText: postgres-raw-rows.ts, output/table-copy-text.ts) is byte for byte the table
 * the ordinary path's rows give, on a real server: every type family, NULLs under several null strings, quotes, tabs, newlines, backslashes,
 * control characters and escape sequences, wide and combining characters, float edge cases, bytea,
 * each border style. Each comparison checks which path ran, so a silent fallback cannot pass.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from '../../src/engines/engine.js';
import type { ResultEvent } from '../../src/core/result.js';
import type { OutputFormat, TableStyle } from '../../src/output/sink.js';
import { CancelledError, SqlError } from '../../src/core/errors.js';
import { renderEvents } from '../../src/shell/render-events.js';
import { connectionForFile } from '../harness/postgres-helpers.js';
import { Collector } from '../output/collect-output.js';

const need = connectionForFile();

interface Table {
  readonly text: string;
  readonly fast: boolean;
  readonly rows: number;
}

async function tableOf(c: Connection, sql: string, fast: boolean, nullString = '', tableStyle: TableStyle = 'psql', format: OutputFormat = 'table', expanded?: 'on' | 'vertical'): Promise<Table> {
  const out = new Collector();
  let sawCopy = false;
  async function* tap(events: AsyncIterable<ResultEvent>): AsyncGenerator<ResultEvent> {
    for await (const e of events) {
      if (e.type === 'copy-text') sawCopy = true;
      yield e;
    }
  }
  const summary = await renderEvents(
    tap(c.execute(sql, fast ? { copyText: format === 'table' && !expanded ? true : 'rows' } : {})),
    out,
    { format, tableStyle, nullString, header: true, footer: true, color: false, ...(expanded ? { expanded } : {}) },
    { notice: () => undefined },
  );
  return { text: out.text, fast: sawCopy, rows: summary.rowCount };
}

async function assertSame(c: Connection, sql: string, nullString = '', style: TableStyle = 'psql', rows = true): Promise<string> {
  const ordinary = await tableOf(c, sql, false, nullString, style);
  const fast = await tableOf(c, sql, true, nullString, style);
  assert.equal(ordinary.fast, false);
  assert.equal(fast.fast, rows, `the raw-row path was not taken for: ${sql}`);
  assert.equal(fast.text, ordinary.text, sql);
  assert.equal(fast.rows, ordinary.rows);
  return fast.text;
}

const MANY_TYPES = `select i, i::int2 as small, (i::bigint * 1000000007) as big, 9223372036854775807::int8 as bmax,
  i::numeric / 7 as num, 'NaN'::numeric as nan, i * 1.25::float8 as f8, (i * 0.1)::float4 as f4, i::oid as o,
  case when i % 3 = 0 then null else 'text ' || i end as t, '' as empty, 'a,b' as comma, 'q"uo"te' as quote,
  E'line\\nbreak\\nthird' as nl, E'cr\\rx' as cr, E'tab\\there' as tab, E'back\\\\slash \\\\N' as bs, '\\N' as fake_null,
  E'esc \\x1b[31mred\\x1b[0m bel \\x07 del \\x7f' as ctl, E'\\u200b zw \\u202e rtl \\u00ad' as invisible,
  'héllo 日本 👍🏽 é cafe\u0301' as uni, repeat('寬', (i % 4)) as wide, ' padded ' as spaces,
  i % 2 = 0 as flag, null::bool as nbool, case when i % 4 = 0 then null else i % 3 = 0 end as mbool,
  '\\x00ff10'::bytea as bytes, case when i % 5 = 0 then null else decode('616263', 'hex') end as nbytes,
  timestamp '2020-01-02 03:04:05.678' + i * interval '1 hour 1 second' as ts,
  timestamptz '2020-01-02 03:04:05+02' + i * interval '1 day' as tstz, date '2020-02-28' + i as d,
  time '10:11:12.5' as tm, interval '1 year 2 mons 3 days 04:05:06' * i as iv,
  array[i, null, 3] as arr, array['a b', 'c,"d', null] as tarr, array[1.5e-5, 1e20]::float8[] as farr,
  json_build_object('k', i, 's', E'x"y\\n', 'n', null) as j, '{"a": [1, 2.50], "b": "é"}'::jsonb as jb,
  md5(i::text)::uuid as u, '10.0.0.1/8'::inet as ip, 12.5::money as m, case when i % 2 = 0 then null else 1.5::money end as nm,
  'NULL' as nulltext, point(i, 2) as pt, int4range(i, i + 5) as rng, case when i % 6 = 0 then null::int else i end as nint
  from generate_series(1, 40) i`;

const FLOATS = `select x as f8, case when x = 0 or abs(x) between 1.2e-38 and 3.4e38 or x = 'NaN' then x::float4 end as f4, -x as neg from unnest(array[
  0, 1, 0.1, 1.25, 1e15, 1.5e15, 9007199254740991, 9007199254740992, 1e16, 123456789012345678, 1e20, 1e21, 1e300,
  1e-4, 1.5e-5, 1e-5, 1e-7, 5e-324, 1234.5678, 3.4028235e38, 16777217, 1.5e7]::float8[]) x
  union all select 'NaN', 'NaN', 'NaN' union all select 'Infinity', '-Infinity', '-Infinity' union all select '-0', '-0', '0'`;

describe('postgres aligned table from raw rows: same bytes as the ordinary path', () => {
  test('many types, NULLs, escapes, control characters, wide characters', async (t) => {
    const c = need(t);
    if (!c) return;
    const text = await assertSame(c, MANY_TYPES);
    assert.match(text, /\(40 rows\)\n$/);
    assert.equal(text.match(/^-+\+/gm)?.length, 1, 'one header rule');
    assert.match(text, /\\x1B\[31mred/, 'an escape sequence is shown, not sent');
    for (const style of ['unicode', 'ascii'] as const) await assertSame(c, MANY_TYPES, '', style);
    for (const nullString of ['NULL', '∅ null', '\\N']) await assertSame(c, MANY_TYPES, nullString);
  });

  test('expanded, markdown, unaligned and vertical records from the same COPY text: the ordinary bytes (booleans t/f, first 1000 rows)', async (t) => {
    const c = need(t);
    if (!c) return;
    const cases: [OutputFormat, 'on' | 'vertical' | undefined][] = [['expanded', undefined], ['markdown', undefined], ['unaligned', undefined], ['table', 'on'], ['table', 'vertical']];
    // a column NULL in the first chunk but not in the first 1000 rows, a value wider after row 700
    const many = `select g, case when g > 900 then g end as late, repeat('w', case when g = 950 then 40 else 3 end) as s, g % 2 = 0 as b from generate_series(1, 3000) g`;
    for (const [format, expanded] of cases) {
      for (const [sql, nullString] of [[MANY_TYPES, ''], [MANY_TYPES, '∅'], [FLOATS, ''], [many, ''], ['select', ''], ['select 1 as a where false', '']] as const) {
        const ordinary = await tableOf(c, sql, false, nullString, 'psql', format, expanded);
        const fast = await tableOf(c, sql, true, nullString, 'psql', format, expanded);
        assert.equal(ordinary.fast, false);
        if (!sql.startsWith('select') || sql.length > 40) assert.equal(fast.fast, true, `${format} ${expanded}: ${sql}`); // no rows: no COPY text
        assert.equal(fast.text, ordinary.text, `${format} ${expanded} ${nullString}: ${sql}`);
        assert.equal(fast.rows, ordinary.rows);
      }
    }
    assert.match((await tableOf(c, many, true, '', 'psql', 'unaligned')).text, /^2\|\|www\|t$/m);
    assert.match((await tableOf(c, many, true, '', 'psql', 'markdown')).text, /^\| g \| late \| s \| b \|\n\| ---: \| ---: \| --- \| --- \|$/m);
  });

  test('floats across the exponent boundaries, NaN, infinities, -0', async (t) => {
    const c = need(t);
    if (!c) return;
    const text = await assertSame(c, FLOATS);
    assert.match(text, /^ +1000000000000000 \| +1000000000000000 \|/m);
  });

  test('an empty result, one row, a wide result over many socket chunks', async (t) => {
    const c = need(t);
    if (!c) return;
    assert.equal(await assertSame(c, 'select 1 as a where false', '', 'psql', false), ' a \n---\n(0 rows)\n');
    await assertSame(c, `select 'x' as "日本", null::int as n`);
    const big = await assertSame(c, `select g, repeat('é', g % 50) as s, g * 0.5::float8 as f from generate_series(1, 20000) g`);
    assert.match(big, /\(20000 rows\)\n$/);
  });

  test('notices raised while the rows stream reach the caller, as on the ordinary path (table, COPY csv, tsv, COPY TO STDOUT)', async (t) => {
    const c = need(t);
    if (!c) return;
    for await (const _ of c.execute(`create or replace function pg_temp.noisy(i int) returns int language plpgsql as $$
      begin if i % 500 = 0 then raise notice 'row % of %', i, repeat('long ', 10); end if; return i; end $$`)) void _;
    const sql = 'select g, pg_temp.noisy(g) as n from generate_series(1, 2000) g';
    for (const opts of [{ copyText: true }, { csv: { nullString: '' } }, { tsv: { nullString: '' } }, {}]) {
      const notices: string[] = [];
      let fast = false;
      for await (const e of c.execute(sql, opts)) {
        if (e.type === 'notice') notices.push(`${e.severity}: ${e.message}`);
        if (e.type === 'copy-text' || e.type === 'text' || e.type === 'bytes') fast = true;
      }
      assert.equal(fast, Object.keys(opts).length > 0, JSON.stringify(opts));
      assert.deepEqual(notices, [500, 1000, 1500, 2000].map((i) => `NOTICE: row ${i} of ${'long '.repeat(10)}`), JSON.stringify(opts));
    }
    const notices: string[] = [];
    for await (const e of c.execute(`copy (${sql}) to stdout`)) if (e.type === 'notice') notices.push(e.message);
    assert.equal(notices.length, 4);
  });

  test('inside a transaction too (the statement is sent as it is); SHOW takes the ordinary path', async (t) => {
    const c = need(t);
    if (!c) return;
    assert.equal((await tableOf(c, 'show server_version_num', true)).fast, false);
    for await (const _ of c.execute('begin')) void _;
    try {
      await assertSame(c, MANY_TYPES);
      for await (const _ of c.execute('create temp table raw_tx as select 1 as a')) void _;
      assert.equal((await tableOf(c, 'select a from raw_tx', true)).text, ' a \n---\n 1\n(1 row)\n');
      assert.equal(c.transactionStatus(), 'in-transaction');
    } finally {
      for await (const _ of c.execute('rollback')) void _;
    }
  });

  test('an error is the ordinary one; abort cancels; the connection stays usable', async (t) => {
    const c = need(t);
    if (!c) return;
    await assert.rejects(tableOf(c, 'select nosuchcolumn from pg_am', true), SqlError);
    await assert.rejects(tableOf(c, 'select 1 / (5000 - g) as x from generate_series(1, 100000) g', true), SqlError);
    const abort = new AbortController();
    await assert.rejects(
      (async () => {
        for await (const e of c.execute('select g, pg_sleep(0.001) from generate_series(1, 100000) g', { copyText: true, signal: abort.signal })) {
          if (e.type === 'columns') setTimeout(() => abort.abort(), 200);
        }
      })(),
      CancelledError,
    );
    assert.equal((await tableOf(c, 'select 8 as n', true)).text, ' n \n---\n 8\n(1 row)\n');
  });
});
