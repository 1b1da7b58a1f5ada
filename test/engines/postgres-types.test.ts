import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from '../../src/engines/engine.js';
import type { ColumnInfo, TypedText, Value } from '../../src/core/result.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { serverTestMode } from '../harness/server-test.js';
import { connectTo, events, rows, scalar } from '../harness/postgres-helpers.js';
import { builtinTypeNames } from '../../src/engines/postgres/postgres-builtin-types.js';

let conn: Connection | undefined;
let startError: unknown;

before(async () => {
  try {
    const server = await sharedPostgres();
    const setup = await connectTo(server);
    // created before the tested session starts: its name comes with the catalog, read as the shell reads it after its prompt
    await events(setup, "create type pg_types_mood as enum ('sad', 'happy')");
    await setup.close();
    conn = await connectTo(server);
    await conn.introspect();
    await events(conn, "set timezone = 'Europe/Paris'");
    await events(conn, 'create temp table it (x int)');
  } catch (err) {
    if (serverTestMode() === 'required') throw err;
    startError = err;
  }
});
after(async () => {
  if (conn) {
    await events(conn, 'drop type if exists pg_types_mood').catch(() => undefined);
    await conn.close();
  }
});

const typed = (kind: TypedText['kind'], text: string): Value => ({ kind, text });

/** [SQL expression, expected value, expected column type] */
const CASES: ReadonlyArray<readonly [string, Value, string]> = [
  ['9223372036854775807::bigint', 9223372036854775807n, 'bigint'],
  ['(-9223372036854775808)::bigint', -9223372036854775808n, 'bigint'],
  ['42::bigint', 42, 'bigint'],
  ['32767::smallint', 32767, 'smallint'],
  ['2147483647::int', 2147483647, 'integer'],
  ['123456789012345678901234567890.123456789::numeric', typed('decimal', '123456789012345678901234567890.123456789'), 'numeric'],
  ['1.50::numeric(10,2)', typed('decimal', '1.50'), 'numeric(10,2)'],
  ["'NaN'::numeric", typed('decimal', 'NaN'), 'numeric'],
  ['1234.56::money', typed('other', '$1,234.56'), 'money'],
  ["'NaN'::float8", Number.NaN, 'double precision'],
  ["'-Infinity'::float8", Number.NEGATIVE_INFINITY, 'double precision'],
  ['0.1::float8', 0.1, 'double precision'],
  ['1.5::real', 1.5, 'real'],
  ['true', true, 'boolean'],
  ['false', false, 'boolean'],
  ['null::int', null, 'integer'],
  ["'héllo 世界'::text", 'héllo 世界', 'text'],
  ["'ab'::varchar(5)", 'ab', 'character varying(5)'],
  ["'ab'::char(4)", 'ab  ', 'character(4)'],
  ["'2024-07-01 12:00:00.123456+00'::timestamptz", typed('temporal', '2024-07-01 14:00:00.123456+02'), 'timestamp with time zone'],
  ["'2024-02-29 23:59:59'::timestamp", typed('temporal', '2024-02-29 23:59:59'), 'timestamp without time zone'],
  ["'2024-02-29'::date", typed('temporal', '2024-02-29'), 'date'],
  ["'0044-03-15 BC'::date", typed('temporal', '0044-03-15 BC'), 'date'],
  ["'infinity'::timestamptz", typed('temporal', 'infinity'), 'timestamp with time zone'],
  ["'13:14:15.5'::time", typed('temporal', '13:14:15.5'), 'time without time zone'],
  ["'13:14:15+05:30'::timetz", typed('temporal', '13:14:15+05:30'), 'time with time zone'],
  ["'1 year 2 months 3 days 04:05:06.7'::interval", typed('temporal', '1 year 2 mons 3 days 04:05:06.7'), 'interval'],
  ["'{1,2,3}'::int[]", typed('other', '{1,2,3}'), 'integer[]'],
  ["array['a b', 'c', null, 'd\"e']::text[]", typed('other', '{"a b",c,NULL,"d\\"e"}'), 'text[]'],
  ["'{{1,2},{3,4}}'::bigint[]", typed('other', '{{1,2},{3,4}}'), 'bigint[]'],
  ['\'{"a":  [1, 2.50]}\'::json', typed('json', '{"a":  [1, 2.50]}'), 'json'],
  ['\'{"b": 1, "a":  [1, 2.50]}\'::jsonb', typed('json', '{"a": [1, 2.50], "b": 1}'), 'jsonb'],
  ["'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", typed('other', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), 'uuid'],
  ["'\\xdeadbeef00'::bytea", Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0x00]), 'bytea'],
  ["''::bytea", new Uint8Array(0), 'bytea'],
  ["'happy'::pg_types_mood", typed('other', 'happy'), 'pg_types_mood'],
  ['point(1.5, -2)', typed('other', '(1.5,-2)'), 'point'],
  ["box '((0,0),(1,1))'", typed('other', '(1,1),(0,0)'), 'box'],
  ["'10.1.2.3/8'::inet", typed('other', '10.1.2.3/8'), 'inet'],
  ["'10.0.0.0/8'::cidr", typed('other', '10.0.0.0/8'), 'cidr'],
  ["'08:00:2b:01:02:03'::macaddr", typed('other', '08:00:2b:01:02:03'), 'macaddr'],
  ["int4range(1, 10)", typed('other', '[1,10)'), 'int4range'],
  ["row(1, 'x y')", typed('other', '(1,"x y")'), 'record'],
  ["B'101'::bit(3)", typed('other', '101'), 'bit(3)'],
];

describe('postgres values', () => {
  for (const [expr, expected, type] of CASES) {
    test(`${expr} arrives exactly`, async (t) => {
      if (!conn) return t.skip(`server unavailable: ${String(startError)}`);
      const evs = await events(conn, `select ${expr} as v`);
      const cols = evs.find((e) => e.type === 'columns') as { columns: readonly ColumnInfo[] } | undefined;
      assert.deepEqual(cols?.columns, [{ name: 'v', type }]);
      const rowsEv = evs.find((e) => e.type === 'rows') as { rows: readonly (readonly Value[])[] };
      const v = rowsEv.rows[0]![0];
      if (expected instanceof Uint8Array) {
        assert.ok(v instanceof Uint8Array, `expected bytes, got ${String(v)}`);
        assert.deepEqual([...v], [...expected]);
      } else {
        assert.deepEqual(v, expected);
      }
    });
  }

  test('a table row type unknown at connect is named after the statement', async (t) => {
    if (!conn) return t.skip(`server unavailable: ${String(startError)}`);
    await events(conn, 'insert into it values (7)');
    const first = await events(conn, 'select it from it');
    const second = await events(conn, 'select it from it');
    const colsOf = (evs: typeof first) => (evs.find((e) => e.type === 'columns') as { columns: readonly ColumnInfo[] }).columns;
    assert.deepEqual(colsOf(first).map((c) => c.name), ['it']);
    assert.equal(colsOf(second)[0]!.type, 'it');
    assert.deepEqual(await scalar(conn, 'select it from it'), { kind: 'other', text: '(7)' });
  });

  test('built-in type names are known without a query, and each is the name this server gives', async (t) => {
    if (!conn) return t.skip(`server unavailable: ${String(startError)}`);
    const server = new Map((await rows(conn, 'select oid::int8, format_type(oid, null) from pg_catalog.pg_type where oid < 10000')).map(([o, n]) => [Number(o), n]));
    const table = builtinTypeNames();
    assert.ok(table.size > 150, `only ${table.size} built-in types`);
    for (const [oid, name] of table) assert.equal(name, server.get(oid), `type ${oid}`);
  });

  test('a type that is not built in, on a session that has not read the catalog, is named after the statement that met it', async (t) => {
    if (!conn) return t.skip(`server unavailable: ${String(startError)}`);
    const fresh = await connectTo(await sharedPostgres());
    try {
      const typeOf = async () => ((await events(fresh, "select 'sad'::pg_types_mood as m")).find((e) => e.type === 'columns') as { columns: readonly ColumnInfo[] }).columns[0]!.type;
      assert.equal(await typeOf(), '');
      assert.equal(await typeOf(), 'pg_types_mood');
    } finally {
      await fresh.close();
    }
  });
});
