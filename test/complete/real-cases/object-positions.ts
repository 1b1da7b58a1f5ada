/**
 * What a statement's object positions take: ALTER's objects, ALTER TABLE's actions, a schema's tables (not its
 * functions) where only a table fits, and joins after `JOIN schema.` (from pgcli's completion tests).
 */
import type { Case } from '../case-runner.js';
import { dk, dkA, my, myA, pg, pgA, sl, slA } from '../real-case-builders.js';

const ctx = { context: 'object positions' };

export const objectPositionCases: Case[] = [
  // ALTER |: the objects, not every keyword
  pg('ALTER |', ['TABLE', 'VIEW', 'FUNCTION', 'INDEX', 'SEQUENCE', 'SCHEMA', 'TYPE', 'MATERIALIZED VIEW', 'DEFAULT PRIVILEGES'], ['AS', 'BY', 'SELECT'], { ...ctx, firstKind: 'keyword' }),
  pg('ALTER T|', [], [], { ...ctx, order: ['TYPE', 'TABLE', 'TABLESPACE'] }),
  my('ALTER |', ['TABLE', 'VIEW', 'EVENT', 'PROCEDURE', 'DATABASE'], ['AS', 'TRIGGER', 'INDEX']),
  sl('ALTER |', ['TABLE'], ['VIEW', 'INDEX', 'AS']),
  dk('ALTER |', ['TABLE', 'VIEW', 'SEQUENCE'], ['FUNCTION', 'AS']),
  // ALTER TABLE t |: its actions, the column and constraint changes first
  pg('ALTER TABLE users |', ['RENAME TO', 'ADD COLUMN', 'OWNER TO', 'SET SCHEMA', 'ENABLE ROW LEVEL SECURITY'], ['AS', 'BY', 'FROM'], { ...ctx, first: 'RENAME TO' }),
  my('ALTER TABLE users |', ['ADD COLUMN', 'MODIFY COLUMN', 'ENGINE', 'ADD INDEX'], ['AS', 'OWNER TO']),
  sl('ALTER TABLE users |', ['RENAME TO', 'ADD COLUMN', 'DROP COLUMN'], ['ALTER COLUMN', 'AS']),
  // schema.| where only a table fits: its tables, no functions
  pg('INSERT INTO shop.|', ['orders', 'customers'], ['order_lines', 'recent_orders'], ctx),
  pg('UPDATE shop.|', ['orders'], ['order_lines'], ctx),
  pg('DELETE FROM shop.|', ['orders'], ['order_lines'], ctx),
  pg('COPY shop.|', ['orders'], ['order_lines'], ctx),
  pg('VACUUM shop.|', ['orders'], ['order_lines'], ctx),
  pg('LOCK TABLE shop.|', ['orders'], ['order_lines'], ctx),
  pg('CREATE INDEX ON shop.|', ['orders'], ['order_lines'], ctx),
  pg('GRANT SELECT ON shop.|', ['orders'], ['order_lines'], ctx),
  pg('CREATE TABLE t (a int REFERENCES shop.|', ['orders'], ['order_lines'], ctx),
  // ... but a FROM item may be a set-returning function
  pg('SELECT * FROM shop.|', ['orders', 'order_lines'], [], ctx),
  // JOIN schema.|: the joins into that schema, written after the typed schema
  pgA('SELECT * FROM shop.orders o JOIN shop.|', ['customers c ON c.customer_id = o.customer_id', 'order_items oi ON oi.order_id = o.order_id'], [], { ...ctx, firstKind: 'join' }),
  pgA('SELECT * FROM hr.employees e JOIN hr.d|', ['departments d ON d.dept_id = e.dept_id'], [], { ...ctx, first: 'departments d ON d.dept_id = e.dept_id' }),
  pg('SELECT * FROM hr.employees e JOIN public.|', ['users u ON u.id = e.user_id'], ['departments d ON d.dept_id = e.dept_id'], ctx),
];

/** `col = |`, `col IN (|`, `SET col = |`: an ENUM column's labels first (mycli's enum value completion). */
export const enumValueCases: Case[] = [
  pgA('SELECT * FROM shop.orders WHERE status = |', ["'pending'", "'shipped'"], [], { context: 'enum values', firstKind: 'value' }),
  pgA('SELECT * FROM shop.orders o WHERE o.status IN (|)', ["'paid'", "'cancelled'"], [], { context: 'enum values', firstKind: 'value' }),
  pgA("UPDATE shop.orders SET status = |", ["'paid'"], [], { context: 'enum values', firstKind: 'value' }),
  pg('SELECT * FROM shop.orders WHERE order_id = |', [], ["'pending'"], { context: 'enum values', firstKind: 'column' }),
  myA('SELECT * FROM sqlsh_shop.orders WHERE status = |', ["'pending'", "'shipped'"], [], { context: 'enum values', firstKind: 'value' }),
  myA("SELECT * FROM sqlsh_shop.customers c WHERE c.tier NOT IN ('gold', |)", ["'bronze'", "'silver'"], [], { context: 'enum values', firstKind: 'value' }),
  myA('SELECT * FROM sqlsh_shop.orders WHERE status = s|', ["'shipped'"], [], { context: 'enum values', first: "'shipped'" }),
  dkA('SELECT * FROM shop.orders WHERE status <> |', ["'pending'"], [], { context: 'enum values', firstKind: 'value' }),
  dkA('SELECT * FROM music.artists WHERE mood = |', ["'happy'", "'sad'"], [], { context: 'enum values', firstKind: 'value' }),
];

/** Collations and character sets from the server (mycli's collation and transcoding completion). */
export const collationCases: Case[] = [
  myA("SELECT CONVERT('x' USING |)", ['utf8mb4', 'latin1', 'ascii'], [], { context: 'collations', firstKind: 'charset' }),
  myA("SELECT CAST('x' AS CHAR CHARACTER SET |)", ['utf8mb4', 'latin1'], ['customer_id'], { context: 'collations', firstKind: 'charset' }),
  myA("SELECT _utf8mb4'x' COLLATE |", ['utf8mb4_bin', 'utf8mb4_general_ci'], [], { context: 'collations', firstKind: 'collation' }),
  my('SET NAMES utf8mb4 COLLATE |', ['utf8mb4_unicode_ci'], [], { context: 'collations', first: 'utf8mb4_bin' }),
  my('SET NAMES |', ['utf8mb4'], [], { context: 'collations', firstKind: 'charset' }),
  my('ALTER TABLE sqlsh_shop.orders CONVERT TO CHARACTER SET |', ['utf8mb4'], ['status'], { context: 'collations' }),
  my('CREATE TABLE t (a int) DEFAULT CHARSET=|', ['utf8mb4'], [], { context: 'collations' }),
  pgA("SELECT 'a' COLLATE |", ['"C"', '"POSIX"', 'ucs_basic'], [], { context: 'collations', firstKind: 'collation' }),
  slA("SELECT 'a' COLLATE |", ['NOCASE', 'BINARY', 'RTRIM'], [], { context: 'collations', firstKind: 'collation' }),
];

/** MySQL's GRANT ... ON: *.*, db.*, tables and routines; not PostgreSQL's SCHEMA forms (mycli's grant completion). */
export const grantOnCases: Case[] = [
  my('GRANT SELECT ON |', ['*.*', '*', 'sqlsh_shop.*', 'orders', 'PROCEDURE'], ['SCHEMA', 'ALL TABLES IN SCHEMA', 'sqlsh_shop'], { context: 'grant on', first: '*' }),
  my('GRANT SELECT ON sqlsh_shop.|', ['*', 'orders'], [], { context: 'grant on', first: '*' }),
  my('REVOKE ALL ON |', ['*.*'], ['SCHEMA'], { context: 'grant on' }),
  pg('GRANT SELECT ON |', ['SCHEMA', 'ALL TABLES IN SCHEMA', 'TABLE'], ['*.*'], { context: 'grant on' }),
  pg('GRANT EXECUTE ON FUNCTION |', ['price_with_tax'], ['orders'], { context: 'grant on', firstKind: 'function' }),
];

/** A writable CTE's columns are its RETURNING list (pgcli's CTE tests). */
export const returningCteCases: Case[] = [
  pgA('WITH a AS (UPDATE shop.orders SET status = status RETURNING order_id, status AS st) SELECT a.| FROM a', ['order_id', 'st'], ['status', 'customer_id'], { context: 'writable ctes' }),
  pgA('WITH d AS (DELETE FROM shop.orders WHERE false RETURNING *) SELECT d.| FROM d', ['order_id', 'customer_id', 'status'], [], { context: 'writable ctes' }),
  pgA('WITH i AS (INSERT INTO shop.customers (customer_id, full_name) VALUES (1, $$x$$) RETURNING customer_id) SELECT | FROM i', ['customer_id'], ['full_name'], { context: 'writable ctes', firstKind: 'column' }),
];

/** PostgreSQL: SET SCHEMA takes a string; a record function's column definition list takes types (pgcli's tests). */
export const pgStringAndTypeCases: Case[] = [
  pgA('SET SCHEMA |', ["'shop'", "'public'"], ['shop'], { context: 'set schema' }),
  pg("SET SCHEMA 'sh|", ['shop'], ["'shop'"], { context: 'set schema', first: 'shop' }),
  pgA('SELECT * FROM json_to_record(NULL) AS x(a |)', ['integer', 'text'], ['orders'], { context: 'column definition list', firstKind: 'datatype' }),
  pgA("SELECT * FROM json_to_recordset('[]') x(a int, b |)", ['text'], [], { context: 'column definition list', firstKind: 'datatype' }),
  pg('SELECT * FROM (SELECT 1) AS x(a |', [], ['integer'], { context: 'column definition list' }),
  pg('SELECT count(*) FILTER (WHERE | IS NULL) FROM shop.orders', ['status'], ['integer'], { context: 'column definition list' }),
];

/** Before FROM: the tables that have the columns the select list named come first (mycli's filtered table completion). */
export const holdingCases: Case[] = [
  pgA('SELECT full_name, email FROM |', ['customers'], [], { context: 'tables holding the columns', first: 'customers' }),
  myA('SELECT DISTINCT full_name FROM |', ['customers'], [], { context: 'tables holding the columns', first: 'customers' }),
  slA('SELECT * FROM (SELECT dept_id FROM |)', ['departments', 'employees'], [], { context: 'tables holding the columns', firstKind: 'table' }),
];

/** A `*` after an operand multiplies: another operand follows, not a keyword (a star ends one). */
export const multiplyCases: Case[] = [
  pgA('SELECT unit_price * | FROM shop.order_items', ['qty'], [], { context: 'operators', firstKind: 'column' }),
  pgA('SELECT * FROM shop.order_items WHERE qty * | > 10', ['unit_price'], [], { context: 'operators', firstKind: 'column' }),
  pg('SELECT count(*) |', ['AS', 'FROM'], [], { context: 'operators', firstKind: 'keyword' }),
];

/** MySQL/MariaDB: character set introducers once `_` is typed; CHANGE MASTER TO's options (mycli's tests). */
export const mysqlIntroducerCases: Case[] = [
  myA("SELECT _|'text'", ['_utf8mb4', '_latin1', '_binary'], [], { context: 'mysql odds', firstKind: 'charset' }),
  my('SELECT u|', [], ['_utf8mb4'], { context: 'mysql odds' }),
  my('CHANGE MASTER TO |', ['MASTER_HOST =', 'MASTER_PORT =', 'MASTER_LOG_FILE ='], ['NOT', 'CASE'], { context: 'mysql odds' }),
];

/** A column list does not offer again the names it holds (INSERT INTO t (a, |, JOIN ... USING (a, |). */
export const listedColumnCases: Case[] = [
  pgA('INSERT INTO shop.orders (order_id, |) VALUES (1, 2)', ['customer_id'], ['order_id'], { context: 'column lists' }),
  pg('INSERT INTO shop.orders (|, status)', ['order_id', 'customer_id'], ['status'], { context: 'column lists' }),
  myA('INSERT INTO sqlsh_shop.customers (customer_id, |) VALUES (1, 2)', ['tier'], ['customer_id'], { context: 'column lists' }),
  slA('INSERT INTO employees (emp_id, |) VALUES (1, 2)', ['dept_id'], ['emp_id'], { context: 'column lists' }),
  pg('INSERT INTO shop.orders (order_id, cus|', ['customer_id'], [], { context: 'column lists', first: 'customer_id' }),
];
