/** Data types after `::`, in CAST, in column definitions, ALTER COLUMN ... TYPE, function arguments and RETURNS. */
import type { Case } from '../case-runner.js';
import { dk, dkA, my, myA, pg, pgA, sl, slA } from '../real-case-builders.js';

const ctx = { context: 'types' };

export const typeCases: Case[] = [
  // the everyday built-ins before the rest
  pg('CREATE TABLE t2 (x |)', [], [], { ...ctx, order: ['text', 'integer', 'timestamptz', 'box'] }),
  pg('SELECT 1::|', [], [], { ...ctx, order: ['int', 'xid'] }),
  my('CREATE TABLE t2 (x |)', [], [], { ...ctx, order: ['varchar', 'polygon'] }),
  dk('CREATE TABLE t2 (x |)', [], [], { ...ctx, order: ['integer', 'usmallint'] }),
  // PostgreSQL: shop is on the search path, so its types are written bare
  pgA('SELECT NULL::|', ['integer', 'text', 'order_status', 'address', 'email_address', 'quantity', 'price_range'], ['users', 'count'], ctx),
  pgA("SELECT 'paid'::ord|", ['order_status'], [], ctx),
  pgA("SELECT NULL::shop.|", ['order_status', 'address', 'email_address'], ['integer'], ctx),
  pgA("SELECT NULL::SHOP.|", ['order_status'], [], ctx),
  pg("SELECT 'x'::nowhere.|", [], [], { ...ctx, none: true }),
  pgA('SELECT CAST(1 AS |)', ['integer', 'numeric', 'quantity'], ['users'], ctx),
  pgA("SELECT CAST('paid' AS shop.|)", ['order_status'], [], ctx),
  pgA('SELECT CAST(id AS |) FROM users', ['text', 'bigint'], ['email'], ctx),
  pgA('CREATE TABLE t (a |)', ['integer', 'text', 'order_status', 'address', 'email_address'], ['users'], ctx),
  pgA('CREATE TABLE t (a int, b |)', ['text', 'order_status'], [], ctx),
  pgA('CREATE TABLE t (a shop.|)', ['order_status', 'address'], [], ctx),
  pg('CREATE TABLE t (a int |', ['NOT NULL', 'DEFAULT', 'PRIMARY KEY', 'REFERENCES'], ['integer'], ctx),
  pg('CREATE TABLE t (|', ['PRIMARY KEY', 'CONSTRAINT'], ['integer'], ctx),
  pgA('ALTER TABLE users ALTER COLUMN name TYPE |', ['text', 'varchar', 'character varying'], ['users', 'blob', 'serial'], ctx),
  pgA('ALTER TABLE users ALTER name TYPE |', ['text'], [], ctx),
  pgA('ALTER TABLE users ALTER COLUMN name SET DATA TYPE |', ['text'], [], ctx),
  pgA('ALTER TABLE users ADD COLUMN mood |', ['order_status', 'text'], [], ctx),
  pgA('ALTER TABLE users ADD mood |', ['order_status', 'text'], [], ctx),
  pgA('CREATE FUNCTION f(a |) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$', ['integer', 'order_status'], ['users'], ctx),
  pgA('CREATE FUNCTION f(a int, b |) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$', ['text', 'address'], [], ctx),
  pgA('CREATE FUNCTION f(IN a |) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$', ['text'], [], ctx),
  pgA('CREATE FUNCTION f(|) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$', ['integer', 'text'], [], ctx),
  pgA('CREATE FUNCTION f() RETURNS | LANGUAGE sql AS $$ SELECT NULL::text $$', ['text', 'varchar'], [], ctx),
  pg('CREATE FUNCTION f() RETURNS | LANGUAGE sql AS $$ SELECT 1 $$', ['integer', 'order_status', 'void', 'record'], ['blob', 'serial'], ctx),
  pg('CREATE FUNCTION f() RETURNS |', ['SETOF', 'TABLE', 'TRIGGER', 'integer'], [], ctx),
  pgA('CREATE FUNCTION f() RETURNS SETOF | LANGUAGE sql AS $$ SELECT NULL::text $$', ['text'], [], ctx),
  pg('CREATE FUNCTION f() RETURNS SETOF |', ['address', 'integer', 'record'], ['blob'], ctx),
  pgA('CREATE FUNCTION f() RETURNS TABLE (a |) LANGUAGE sql AS $$ SELECT 1 $$', ['integer'], [], ctx),
  pgA('CREATE DOMAIN d AS |', ['text', 'integer'], [], ctx),
  pgA('CREATE TYPE t2 AS (a |)', ['text', 'order_status'], [], ctx),
  pgA('SELECT ship_to::| FROM orders', ['text'], ['status'], ctx),
  pgA("SELECT '{}'::j|", ['json', 'jsonb'], [], ctx),
  // MariaDB
  myA('CREATE TABLE t (a |)', ['int', 'text', 'datetime', 'json'], ['users'], ctx),
  myA('SELECT CAST(1 AS |)', ['decimal', 'char', 'date', 'signed', 'unsigned'], ['json', 'text', 'bigint', 'varchar'], ctx),
  myA('ALTER TABLE users MODIFY name |', ['text'], [], ctx),
  myA('ALTER TABLE users ADD COLUMN x |', ['int', 'json'], [], ctx),
  my('CREATE TABLE t (a INT |', ['NOT NULL', 'DEFAULT', 'PRIMARY KEY'], [], ctx),
  my('create table t (a int |', ['not null', 'default', 'primary key'], [], ctx),
  // SQLite
  slA('CREATE TABLE t (a |)', ['integer', 'text', 'real', 'blob'], ['users'], ctx),
  slA('SELECT CAST(1 AS |)', ['integer', 'text'], [], ctx),
  slA('ALTER TABLE users ADD COLUMN x |', ['text'], [], ctx),
  // DuckDB: user types, main's bare and shop's qualified
  dkA('SELECT 1::|', ['integer', 'varchar', 'mood', 'shop.order_status', 'shop.address'], ['order_status'], ctx),
  dkA("SELECT 'paid'::shop.|", ['order_status', 'address'], [], ctx),
  dkA('CREATE TABLE t (a |)', ['integer', 'mood', 'shop.order_status'], [], ctx),
  dkA('SELECT CAST(1 AS |)', ['bigint', 'varchar'], [], ctx),
  dkA('ALTER TABLE shop.shipments ALTER COLUMN carrier TYPE |', ['varchar'], [], ctx),
  dk('SELECT TRY_CAST(1 AS |)', ['integer'], [], ctx),
];
