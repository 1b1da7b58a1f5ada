/** Inside the $$ body of CREATE FUNCTION / PROCEDURE / DO (SQL or PL/pgSQL), completion works as SQL. */
import type { Case } from '../case-runner.js';
import { dkA, my, myA, pg, pgA, sl, slA } from '../real-case-builders.js';

const ctx = { context: 'function-bodies' };
const fn = (body: string, lang = 'sql', returns = 'int'): string => `CREATE FUNCTION f() RETURNS ${returns} LANGUAGE ${lang} AS $$ ${body} $$`;

export const functionBodyCases: Case[] = [
  pgA(fn('SELECT count(*) FROM |'), ['users', 'orders', 'hr.employees'], [], ctx),
  pgA(fn('SELECT count(*) FROM users WHERE | IS NULL'), ['email', 'name'], ['status'], ctx),
  pgA(fn('SELECT count(*) FROM users u WHERE u.| IS NULL'), ['email'], [], ctx),
  pgA(fn('SELECT count(*) FROM orders o JOIN |'), ['customers c ON c.customer_id = o.customer_id', 'order_items oi ON oi.order_id = o.order_id'], [], ctx),
  pgA(fn('SELECT count(|) FROM products'), ['price'], [], ctx),
  pgA(fn('SELECT 1; SELECT count(*) FROM |'), ['audit_log'], [], ctx),
  pgA(fn('UPDATE products SET | = 1; SELECT 1'), ['price'], [], ctx),
  pgA('CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT count(*) FROM | $body$', ['users'], [], ctx),
  pgA('CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT count(*) FROM | $$ LANGUAGE sql', ['orders'], [], ctx),
  pgA('CREATE PROCEDURE p() LANGUAGE sql AS $$ DELETE FROM | $$', ['audit_log', 'users'], [], ctx),
  pgA('CREATE PROCEDURE p() LANGUAGE sql AS $$ DELETE FROM audit_log WHERE | IS NULL $$', ['payload'], [], ctx),
  pgA(fn('BEGIN RETURN (SELECT count(*) FROM |); END', 'plpgsql'), ['users'], [], ctx),
  pgA(fn('DECLARE n int; BEGIN SELECT count(*) INTO n FROM users WHERE | IS NULL; RETURN n; END', 'plpgsql'), ['email'], ['status'], ctx),
  pgA(fn('BEGIN IF true THEN UPDATE users SET | = NULL; END IF; RETURN 1; END', 'plpgsql'), ['email'], [], ctx),
  pgA(fn('BEGIN PERFORM | FROM orders; RETURN 1; END', 'plpgsql'), ['status'], ['email'], ctx),
  pgA(fn('BEGIN RETURN QUERY SELECT | FROM order_lines(1); END', 'plpgsql', 'SETOF numeric'), ['amount'], [], ctx),
  pgA(fn('DECLARE r record; BEGIN FOR r IN SELECT * FROM | LOOP END LOOP; RETURN 1; END', 'plpgsql'), ['users'], [], ctx),
  pgA(fn('BEGIN DELETE FROM |; RETURN 1; END', 'plpgsql'), ['audit_log'], [], ctx),
  pgA(fn('BEGIN INSERT INTO audit_log (|) VALUES (NULL); RETURN 1; END', 'plpgsql'), ['payload'], [], ctx),
  pgA('DO $$ BEGIN PERFORM 1 FROM |; END $$', ['users', 'orders'], [], ctx),
  pgA('DO $$ BEGIN UPDATE orders SET | = NULL; END $$', ['ship_to'], [], ctx),
  pg('DO $$ BEGIN UPDATE orders SET status = NULL WHERE o|; END $$', ['order_id', 'ordered_at'], [], ctx),
  pg(fn('SELECT 1', 'plpython3u').replace('SELECT 1', 'SELECT * FROM |'), [], [], { ...ctx, none: true }),
  pg("SELECT $$ SELECT * FROM | $$", [], [], { ...ctx, none: true }),
  pg("SELECT 'SELECT * FROM |'", [], [], { ...ctx, none: true }),
  // MariaDB and SQLite write bodies as BEGIN ... END (no $$): the inner statement under the cursor counts
  myA('CREATE PROCEDURE p() BEGIN UPDATE products SET | = NULL; END', ['price', 'title'], ['email'], ctx),
  myA('CREATE PROCEDURE p() BEGIN SELECT 1; DELETE FROM |; END', ['orders', 'users'], [], ctx),
  myA('CREATE TRIGGER tr BEFORE INSERT ON orders FOR EACH ROW BEGIN UPDATE customers SET | = NULL; END', ['email'], ['status'], { ...ctx, accept: false }),
  my('CREATE FUNCTION f() RETURNS INT BEGIN RETURN (SELECT count(*) FROM |); END', ['orders'], [], ctx),
  slA('CREATE TRIGGER tr AFTER INSERT ON orders BEGIN UPDATE customers SET | = NULL; END', ['email', 'tier'], ['status'], ctx),
  slA('CREATE TRIGGER tr AFTER INSERT ON orders BEGIN DELETE FROM |; END', ['shipments'], [], ctx),
  sl('CREATE TRIGGER tr AFTER INSERT ON orders BEGIN SELECT 1; INSERT INTO audit (|', [], ['status'], ctx),
  // DuckDB macros are plain SQL after AS
  dkA('CREATE MACRO m(x) AS TABLE SELECT * FROM |', ['users', 'shop.orders'], [], ctx),
  dkA('CREATE MACRO m(x) AS TABLE SELECT * FROM shop.orders WHERE | IS NULL', ['status'], [], ctx),
];
