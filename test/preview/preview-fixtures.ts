/**
 * The shop schema the preview tests use on every engine: orders, items (ON DELETE CASCADE to orders
 * where the engine has it) and audit (filled by a trigger on DELETE from orders where the engine has
 * triggers), and a dump that compares schema and rows. The engine differences are data here.
 */
import type { Connection } from '../../src/engines/engine.js';
import type { EngineId } from '../../src/sql/dialect.js';
import type { Row } from '../../src/core/result.js';

export interface PreviewEngine {
  readonly cascade: boolean;
  readonly trigger: boolean;
  readonly ddl: readonly string[];
  readonly drop: readonly string[];
  /** Schema facts (columns, indexes, triggers) as rows, for the dump. */
  readonly schemaSql: readonly string[];
}

const FK = 'foreign key (order_id) references orders (id) on delete cascade';
const DROP = ['drop table if exists items', 'drop table if exists audit', 'drop table if exists orders'];
const BASE = (fk: string) => [
  'create table orders (id integer primary key, customer varchar(20))',
  `create table items (id integer primary key, order_id integer not null${fk ? `, ${fk}` : ''})`,
  'create table audit (order_id integer)',
];

export const PREVIEW_ENGINES: Record<EngineId, PreviewEngine> = {
  sqlite: {
    cascade: true,
    trigger: true,
    ddl: [...BASE(FK), 'create trigger orders_audit after delete on orders begin insert into audit values (old.id); end'],
    drop: DROP,
    schemaSql: ['select type, name, tbl_name, sql from sqlite_master order by name'],
  },
  postgres: {
    cascade: true,
    trigger: true,
    ddl: [
      ...BASE(FK),
      'create or replace function audit_delete() returns trigger language plpgsql as $$begin insert into audit values (old.id); return old; end$$',
      'create trigger orders_audit after delete on orders for each row execute function audit_delete()',
    ],
    drop: [...DROP, 'drop function if exists audit_delete() cascade'],
    schemaSql: [
      "select table_name, column_name, data_type, is_nullable from information_schema.columns where table_schema = 'public' order by 1, 2",
      "select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2",
      "select tgname, tgrelid::regclass::text from pg_trigger where not tgisinternal order by 1",
    ],
  },
  mysql: {
    cascade: true,
    trigger: true,
    ddl: [...BASE(FK), 'create trigger orders_audit after delete on orders for each row insert into audit values (old.id)'],
    drop: DROP,
    schemaSql: [
      'select table_name, column_name, column_type, is_nullable from information_schema.columns where table_schema = database() order by 1, 2',
      'select table_name, index_name, column_name from information_schema.statistics where table_schema = database() order by 1, 2, 3',
      'select trigger_name, event_object_table from information_schema.triggers where trigger_schema = database() order by 1',
    ],
  },
  duckdb: {
    // DuckDB has neither ON DELETE CASCADE nor triggers.
    cascade: false,
    trigger: false,
    ddl: BASE(''),
    drop: DROP,
    schemaSql: [
      "select table_name, column_name, data_type, is_nullable from information_schema.columns where table_schema = 'main' order by all",
      'select table_name, index_name, sql from duckdb_indexes() order by all',
    ],
  },
};

export async function rows(conn: Connection, sql: string): Promise<Row[]> {
  const out: Row[] = [];
  for await (const e of conn.execute(sql)) if (e.type === 'rows') out.push(...e.rows);
  return out;
}

export async function count(conn: Connection, table: string): Promise<number> {
  return Number((await rows(conn, `select count(*) from ${table}`))[0]?.[0]);
}

/** Fresh tables with 5 orders, 2 items each, an empty audit. */
export async function setUpShop(conn: Connection): Promise<PreviewEngine> {
  const e = PREVIEW_ENGINES[conn.dialect.id];
  for (const sql of [...e.drop, ...e.ddl]) await rows(conn, sql);
  await rows(conn, "insert into orders values (1, 'ann'), (2, 'bob'), (3, 'cy'), (4, 'di'), (5, 'ed')");
  await rows(conn, 'insert into items values (1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (6, 3), (7, 4), (8, 4), (9, 5), (10, 5)');
  return e;
}

/** Schema facts and every row of the shop tables, as one text. */
export async function dump(conn: Connection): Promise<string> {
  const e = PREVIEW_ENGINES[conn.dialect.id];
  const parts: string[] = [];
  const text = (r: readonly Row[]) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  for (const sql of e.schemaSql) parts.push(text(await rows(conn, sql)));
  for (const t of ['orders', 'items', 'audit']) parts.push(`${t}: ${text(await rows(conn, `select * from ${t} order by 1`))}`);
  return parts.join('\n');
}
