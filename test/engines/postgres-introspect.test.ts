import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from '../../src/engines/engine.js';
import type { CatalogData } from '../../src/catalog/catalog-data.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { serverTestMode } from '../harness/server-test.js';
import { connectTo, events } from '../harness/postgres-helpers.js';

const SCHEMA = [
  'create schema shop',
  "create type shop.status as enum ('new', 'paid')",
  'create domain shop.positive as integer check (value > 0)',
  'create type shop.pair as (a int, b text)',
  'create table shop.customer (id serial primary key, name varchar(40) not null, email text unique)',
  "comment on table shop.customer is 'people who buy'",
  'create table shop.orders (id bigint generated always as identity, region text, customer_id int not null references shop.customer(id) on delete cascade, ' +
    "status shop.status default 'new', qty shop.positive, primary key (region, id))",
  'create table shop.line (order_region text, order_id bigint, n int, foreign key (order_region, order_id) references shop.orders(region, id))',
  'create index line_lower on shop.line (lower(order_region), n)',
  'create view shop.big_orders as select * from shop.orders where qty > 10',
  'create materialized view shop.counts as select count(*) as n from shop.orders',
  'create function shop.add(a int, b int) returns int language sql as $$ select a + b $$',
  'create function shop.series(n int) returns setof int language sql as $$ select generate_series(1, n) $$',
  'create aggregate shop.mysum(int) (sfunc = int4pl, stype = int)',
  'create procedure shop.noop() language sql as $$ select 1 $$',
];

let conn: Connection | undefined;
let startError: unknown;
let cat: CatalogData;

before(async () => {
  try {
    conn = await connectTo(await sharedPostgres());
    await events(conn, 'drop schema if exists shop cascade');
    for (const sql of SCHEMA) await events(conn, sql);
    await events(conn, 'set search_path = shop, public');
    cat = await conn.introspect();
  } catch (err) {
    if (serverTestMode() === 'required') throw err;
    startError = err;
  }
});
after(async () => {
  if (conn) await events(conn, 'drop schema if exists shop cascade').catch(() => undefined);
  await conn?.close();
});

const rel = (name: string) => cat.relations.find((r) => r.schema === 'shop' && r.name === name);

describe('postgres introspection', () => {
  test('schemas, search path and databases', (t) => {
    if (!conn) return t.skip(`server unavailable: ${String(startError)}`);
    assert.ok(cat.schemas.includes('shop') && cat.schemas.includes('public') && cat.schemas.includes('pg_catalog'));
    assert.ok(!cat.schemas.some((s) => s.startsWith('pg_toast')));
    // introspection runs on sessions of its own, which take this session's search_path (set after connecting);
    // pg_catalog is searched first even when search_path does not name it, so names in it need no schema.
    assert.deepEqual(cat.searchPath, ['pg_catalog', 'shop', 'public']);
    assert.ok(cat.databases.includes('postgres'));
    assert.ok(!cat.databases.includes('template0'));
  });

  test('relations with kinds, columns, defaults, comments and primary keys', (t) => {
    if (!conn) return t.skip(`server unavailable: ${String(startError)}`);
    const customer = rel('customer')!;
    assert.equal(customer.kind, 'table');
    assert.equal(customer.comment, 'people who buy');
    assert.deepEqual(customer.primaryKey, ['id']);
    assert.deepEqual(customer.columns.map((c) => [c.name, c.type, c.nullable]), [
      ['id', 'integer', false], ['name', 'character varying(40)', false], ['email', 'text', true],
    ]);
    // as this session reads it: shop is on its path
    assert.match(customer.columns[0]!.default ?? '', /^nextval\('customer_id_seq'::regclass\)$/);
    assert.equal(customer.owner, 'postgres');
    assert.deepEqual(rel('orders')!.primaryKey, ['region', 'id']);
    assert.deepEqual(rel('orders')!.columns.map((c) => c.type), ['bigint', 'text', 'integer', 'status', 'positive']);
    assert.equal(rel('big_orders')!.kind, 'view');
    assert.equal(rel('counts')!.kind, 'materialized-view');
    assert.deepEqual(rel('counts')!.columns.map((c) => c.name), ['n']);
    assert.equal(cat.relations.find((r) => r.schema === 'pg_catalog' && r.name === 'pg_class')?.kind, 'system-table');
  });

  test('foreign keys with column lists in order and actions', (t) => {
    if (!conn) return t.skip(`server unavailable: ${String(startError)}`);
    const fks = cat.foreignKeys.filter((f) => f.schema === 'shop');
    assert.deepEqual(fks.map((f) => ({ ...f, name: undefined })), [
      { name: undefined, schema: 'shop', table: 'line', columns: ['order_region', 'order_id'], refSchema: 'shop', refTable: 'orders',
        refColumns: ['region', 'id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' },
      { name: undefined, schema: 'shop', table: 'orders', columns: ['customer_id'], refSchema: 'shop', refTable: 'customer',
        refColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' },
    ]);
  });

  test('indexes with columns, expressions and definitions', (t) => {
    if (!conn) return t.skip(`server unavailable: ${String(startError)}`);
    const ix = cat.indexes.filter((i) => i.schema === 'shop');
    const pk = ix.find((i) => i.name === 'orders_pkey')!;
    assert.deepEqual([pk.table, pk.columns, pk.unique, pk.primary], ['orders', ['region', 'id'], true, true]);
    const email = ix.find((i) => i.name === 'customer_email_key')!;
    assert.deepEqual([email.unique, email.primary, email.constraint], [true, false, true]);
    const expr = ix.find((i) => i.name === 'line_lower')!;
    assert.deepEqual(expr.columns, ['lower(order_region)', 'n']);
    assert.equal(expr.definition, 'CREATE INDEX line_lower ON line USING btree (lower(order_region), n)');
    assert.equal(expr.constraint, undefined);
  });

  test('functions with kinds, and user-defined types', (t) => {
    if (!conn) return t.skip(`server unavailable: ${String(startError)}`);
    const fns = Object.fromEntries(cat.functions.filter((f) => f.schema === 'shop').map((f) => [f.name, [f.kind, f.args, f.returns]]));
    assert.deepEqual(fns, {
      add: ['function', 'a integer, b integer', 'integer'],
      series: ['table', 'n integer', 'SETOF integer'],
      mysum: ['aggregate', 'integer', 'integer'],
      noop: ['procedure', '', undefined],
    });
    // on the path: unqualified, as format_type writes them in this session
    assert.deepEqual(cat.types?.filter((d) => d.schema === 'shop').map((d) => d.name), ['pair', 'positive', 'status']);
    assert.ok(['pair', 'positive', 'status'].every((d) => cat.datatypes.includes(d)));
  });

  test('an aborted introspection rejects', async (t) => {
    if (!conn) return t.skip(`server unavailable: ${String(startError)}`);
    await assert.rejects(conn.introspect(AbortSignal.abort()));
  });
});
