/**
 * json and jsonl to a file or pipe from PostgreSQL with the rows taken off the socket (ExecuteOptions.json:
 * postgres-raw-json.ts) are byte for byte what the ordinary path's row objects give through the json and
 * jsonl sinks, on a real server: every type family, NULL, quotes, backslashes, every control character,
 * unicode, float and numeric edge cases, big integers, booleans, bytea (hex and escape output), arrays,
 * json with line breaks, duplicate and non-ASCII column names. Each comparison checks which path ran.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from '../../src/engines/engine.js';
import type { ResultEvent } from '../../src/core/result.js';
import { CancelledError, SqlError } from '../../src/core/errors.js';
import { renderEvents } from '../../src/shell/render-events.js';
import { connectionForFile } from '../harness/postgres-helpers.js';
import { Collector } from '../output/collect-output.js';

const need = connectionForFile();

type Format = 'json' | 'jsonl';

async function jsonOf(c: Connection, sql: string, format: Format, fast: boolean): Promise<{ text: string; fast: boolean; rows: number }> {
  const out = new Collector();
  let sawBytes = false;
  async function* tap(events: AsyncIterable<ResultEvent>): AsyncGenerator<ResultEvent> {
    for await (const e of events) {
      if (e.type === 'bytes') sawBytes = true;
      if (e.type === 'rows') assert.equal(fast, false, 'row objects on the raw path');
      yield e;
    }
  }
  const summary = await renderEvents(
    tap(c.execute(sql, fast ? { json: { lines: format === 'jsonl' } } : {})),
    out,
    { format, tableStyle: 'psql', nullString: '', header: true, footer: true, color: false },
    { notice: () => undefined },
  );
  return { text: out.text, fast: sawBytes, rows: summary.rowCount };
}

async function assertSame(c: Connection, sql: string, rows = true): Promise<string> {
  let json = '';
  for (const format of ['json', 'jsonl'] as const) {
    const ordinary = await jsonOf(c, sql, format, false);
    const fast = await jsonOf(c, sql, format, true);
    assert.equal(ordinary.fast, false);
    assert.equal(fast.fast, rows, `the raw-row path was not taken for ${format}: ${sql}`);
    assert.equal(fast.text, ordinary.text, `${format}: ${sql}`);
    assert.equal(fast.rows, ordinary.rows);
    if (format === 'json') json = fast.text;
  }
  return json;
}

const MANY_TYPES = `select i, i::int2 as small, (i::bigint * 1000000007) as big, 9223372036854775807::int8 as bmax,
  '-9223372036854775808'::int8 as bmin, 9007199254740993::int8 as unsafe,
  i::numeric / 7 as num, 'NaN'::numeric as nan, 'Infinity'::numeric as ninf, '-Infinity'::numeric as nminf,
  123456789012345678901234567890.000100::numeric as bignum, -0.000::numeric as nzero,
  i * 1.25::float8 as f8, (i * 0.1)::float4 as f4, i::oid as o,
  case when i % 3 = 0 then null else 'text ' || i end as t, '' as empty, 'a,b' as comma, 'q"uo"te' as quote,
  E'line\\nbreak\\nthird' as nl, E'cr\\rx' as cr, E'tab\\there' as tab, E'back\\\\slash \\\\N' as bs, '\\N' as fake_null,
  E'esc \\x1b[31mred\\x1b[0m bel \\x07 del \\x7f' as ctl, E'\\u200b zw \\u202e rtl \\u00ad \\u2028 ls \\u2029 ps' as invisible,
  (select string_agg(chr(k), '' order by k) from generate_series(1, 31) k) || chr(127) || '"\\/' as allctl,
  'héllo 日本 👍🏽 é cafe\u0301' as uni, repeat('寬', (i % 4)) as wide, ' padded ' as spaces,
  i % 2 = 0 as flag, null::bool as nbool, case when i % 4 = 0 then null else i % 3 = 0 end as mbool,
  '\\x00ff10'::bytea as bytes, case when i % 5 = 0 then null else decode('616263', 'hex') end as nbytes, ''::bytea as ebytes,
  timestamp '2020-01-02 03:04:05.678' + i * interval '1 hour 1 second' as ts,
  timestamptz '2020-01-02 03:04:05+02' + i * interval '1 day' as tstz, date '2020-02-28' + i as d,
  time '10:11:12.5' as tm, interval '1 year 2 mons 3 days 04:05:06' * i as iv,
  array[i, null, 3] as arr, array['a b', 'c,"d', null] as tarr, array[1.5e-5, 1e20]::float8[] as farr,
  json_build_object('k', i, 's', E'x"y\\n', 'n', null) as j, '{"a": [1, 2.50], "b": "é"}'::jsonb as jb,
  E'{\\n  "a": "x\\\\ny",\\r\\n  "b": [1,\\t2]\\n}'::json as jnl, '  [1, "a b"]  '::json as jsp, 'null'::jsonb as jnull,
  md5(i::text)::uuid as u, '10.0.0.1/8'::inet as ip, 12.5::money as m, case when i % 2 = 0 then null else 1.5::money end as nm,
  'NULL' as nulltext, point(i, 2) as pt, int4range(i, i + 5) as rng, case when i % 6 = 0 then null::int else i end as nint,
  'x'::"char" as ch, 'nm'::name as nam, 'abc'::char(5) as bpc, '<a>1</a>'::xml as x, B'101' as bits
  from generate_series(1, 40) i`;

const FLOATS = `select x as f8, case when x = 0 or abs(x) between 1.2e-38 and 3.4e38 or x = 'NaN' then x::float4 end as f4, -x as neg from unnest(array[
  0, 1, 0.1, 1.25, 1e15, 1.5e15, 9007199254740991, 9007199254740992, 1e16, 123456789012345678, 1e20, 1e21, 1e300,
  1e-4, 1.5e-5, 1e-5, 1e-6, 1.5e-6, 1e-7, 5e-324, 1234.5678, 3.4028235e38, 16777217, 1.5e7, 0.30000000000000004, 100, 123456789012345]::float8[]) x
  union all select 'NaN', 'NaN', 'NaN' union all select 'Infinity', '-Infinity', '-Infinity' union all select '-0', '-0', '0'`;

describe('postgres json and jsonl from raw rows: same bytes as the ordinary path', () => {
  test('many types, NULLs, escapes, every control character, unicode', async (t) => {
    const c = need(t);
    if (!c) return;
    const text = await assertSame(c, MANY_TYPES);
    const parsed = JSON.parse(text) as Record<string, unknown>[];
    assert.equal(parsed.length, 40);
    assert.equal(parsed[0]!.allctl, Array.from({ length: 31 }, (_, k) => String.fromCharCode(k + 1)).join('') + '\x7f"\\/');
    assert.match(text, /"bmax":9223372036854775807,/);
    assert.match(text, /"jnl":\{"a":"x\\ny","b":\[1,2\]\}/, 'json with line breaks is compacted');
  });

  test('floats across the exponent boundaries, NaN, infinities, -0; extra_float_digits 0 and 3', async (t) => {
    const c = need(t);
    if (!c) return;
    const text = await assertSame(c, FLOATS);
    assert.match(text, /"f8":-0,/);
    assert.match(text, /"f8":"NaN"/);
    for (const digits of [0, 3]) {
      for await (const _ of c.execute(`set extra_float_digits = ${digits}`)) void _;
      await assertSame(c, FLOATS);
    }
    for await (const _ of c.execute('reset extra_float_digits')) void _;
  });

  test('bytea in escape output, duplicate and non-ASCII column names, no columns, empty and wide results', async (t) => {
    const c = need(t);
    if (!c) return;
    for await (const _ of c.execute(`set bytea_output = 'escape'`)) void _;
    try {
      await assertSame(c, `select '\\x00ff105c41e9'::bytea as b, 'abc'::bytea as a`);
    } finally {
      for await (const _ of c.execute('reset bytea_output')) void _;
    }
    assert.equal(await assertSame(c, `select 1 as a, 2 as a, 3 as a_2, 'x' as "日本", 4 as "q""k"`), '[\n{"a":1,"a_2":2,"a_2_2":3,"日本":"x","q\\"k":4}\n]\n');
    assert.equal(await assertSame(c, 'select from generate_series(1, 3)'), '[\n{},\n{},\n{}\n]\n', 'no columns: an empty object for each row, as the ordinary path');
    assert.equal(await assertSame(c, 'select 1 as a where false', false), '[]\n');
    const big = await assertSame(c, `select g, repeat('é"', g % 50) as s, g * 0.5::float8 as f from generate_series(1, 20000) g`);
    assert.equal((JSON.parse(big) as unknown[]).length, 20000);
  });

  test('an error is the ordinary one; abort cancels; the connection stays usable', async (t) => {
    const c = need(t);
    if (!c) return;
    await assert.rejects(jsonOf(c, 'select nosuchcolumn from pg_am', 'json', true), SqlError);
    await assert.rejects(jsonOf(c, 'select 1 / (5000 - g) as x from generate_series(1, 100000) g', 'jsonl', true), SqlError);
    const abort = new AbortController();
    await assert.rejects(
      (async () => {
        for await (const e of c.execute('select g, pg_sleep(0.001) from generate_series(1, 100000) g', { json: { lines: true }, signal: abort.signal })) {
          if (e.type === 'columns') setTimeout(() => abort.abort(), 200);
        }
      })(),
      CancelledError,
    );
    assert.equal((await jsonOf(c, 'select 8 as n', 'jsonl', true)).text, '{"n":8}\n');
  });
});
