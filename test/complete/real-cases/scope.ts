/** Only names visible at the cursor: USING, INSERT ... SELECT, ON before a later alias, unknown qualifiers, CTEs, subqueries. */
import type { Case } from '../case-runner.js';
import { dkA, my, myA, pg, pgA, sl, slA } from '../real-case-builders.js';

const ctx = { context: 'scope' };

export const scopeCases: Case[] = [
  // USING offers only the columns both sides have
  pgA('SELECT * FROM orders o JOIN order_items i USING (|)', ['order_id'], ['line_no', 'status', 'qty'], ctx),
  pgA('SELECT * FROM order_items i JOIN shipments s USING (|)', ['order_id', 'line_no'], ['carrier', 'qty'], ctx),
  pgA('SELECT * FROM order_items i JOIN shipments s USING (order_id, |)', ['line_no'], ['carrier'], ctx),
  pgA('SELECT * FROM users JOIN "Users" USING (|)', ['id'], ['name', '"displayName"'], ctx),
  pgA('SELECT * FROM orders o JOIN customers c USING (|)', ['customer_id'], ['email', 'status'], ctx),
  pgA('SELECT * FROM customers c JOIN orders o USING (customer_id) JOIN order_items i USING (|)', ['order_id'], ['customer_id', 'qty'], ctx),
  myA('SELECT * FROM orders o JOIN order_items i USING (|)', ['order_id'], ['qty', 'status'], ctx),
  myA('SELECT * FROM order_items i JOIN shipments s USING (|)', ['order_id', 'line_no'], ['carrier'], ctx),
  slA('SELECT * FROM order_items i JOIN shipments s USING (|)', ['order_id', 'line_no'], ['carrier'], ctx),
  dkA('SELECT * FROM shop.orders o JOIN shop.order_items i USING (|)', ['order_id'], ['qty'], ctx),
  // INSERT INTO a SELECT ... FROM b: b's columns, not a's
  pgA('INSERT INTO users (name) SELECT full_name FROM customers WHERE | IS NULL', ['full_name', 'customer_id', 'billing'], ['created_at'], ctx),
  pgA('INSERT INTO users (name) SELECT | FROM customers', ['full_name', 'email'], ['created_at'], ctx),
  pgA('INSERT INTO users (name) SELECT c.full_name FROM customers c WHERE c.| IS NULL', ['full_name'], ['created_at'], ctx),
  pgA('INSERT INTO users (|) SELECT full_name FROM customers', ['name', 'email'], ['full_name'], ctx),
  myA('INSERT INTO users (name) SELECT full_name FROM customers WHERE | IS NULL', ['full_name', 'tier'], ['created_at'], ctx),
  slA('INSERT INTO users (name) SELECT full_name FROM customers WHERE | IS NULL', ['full_name'], ['created_at'], ctx),
  dkA('INSERT INTO users (name) SELECT full_name FROM shop.customers WHERE | IS NULL', ['full_name'], ['created_at'], ctx),
  // an alias defined later is not visible in an earlier ON
  pg('SELECT * FROM users u JOIN audit_log a ON x.| JOIN "Users" x ON true', [], [], { ...ctx, none: true }),
  pgA('SELECT * FROM users u JOIN audit_log a ON | IS NULL JOIN "Users" x ON true', ['a.user_id = u.id', 'payload'], ['"displayName"', '"isActive"'], ctx),
  pgA('SELECT * FROM users u JOIN audit_log a ON a.user_id = u.id JOIN "Users" x ON x.| IS NULL', ['"displayName"'], [], ctx),
  pgA('SELECT * FROM users u JOIN audit_log a ON u.| IS NULL JOIN "Users" x ON true', ['id', 'email'], [], ctx),
  my('SELECT * FROM users u JOIN customers c ON o.| JOIN orders o ON true', [], [], { ...ctx, none: true }),
  sl('SELECT * FROM users u JOIN customers c ON o.| JOIN orders o ON 1', [], [], { ...ctx, none: true }),
  // x. where x is neither in the query nor a schema
  pg('SELECT nothere.| FROM users', [], [], { ...ctx, none: true }),
  pg('SELECT orders.| FROM users', [], [], { ...ctx, none: true }),
  pg('SELECT * FROM users WHERE audit_log.|', [], [], { ...ctx, none: true }),
  my('SELECT nothere.| FROM users', [], [], { ...ctx, none: true }),
  sl('SELECT nothere.| FROM users', [], [], { ...ctx, none: true }),
  // a schema qualifier in an expression: its tables and functions
  pg('SELECT shop.| FROM shop.orders', ['orders', 'order_lines'], ['users'], ctx),
  pg('SELECT music.| ', ['track_count', 'albums'], [], ctx),
  // only the tables of the query level at the cursor
  pgA('SELECT * FROM users WHERE id IN (SELECT | FROM audit_log)', ['user_id', 'id'], ['email'], ctx),
  pgA('SELECT * FROM users u WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.user_id = u.|)', ['id'], [], ctx),
  pg('SELECT * FROM users u WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.user_id = u.|)', ['email'], [], ctx),
  pgA('SELECT * FROM users u WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.| IS NULL)', ['payload'], ['email'], ctx),
  pgA('SELECT (SELECT max(|) FROM audit_log) FROM users', ['at', 'id'], ['email'], ctx),
  pgA('SELECT * FROM (SELECT id, name AS n FROM users) s WHERE s.| IS NULL', ['id', 'n'], ['name', 'email'], ctx),
  pgA('SELECT s.| FROM (SELECT * FROM users) s', ['email', 'created_at'], [], ctx),
  pgA('SELECT x.| FROM (SELECT 1, 2) AS x(a, b)', ['a', 'b'], [], ctx),
  pgA('WITH t AS (SELECT order_id, count(*) AS n FROM order_items GROUP BY order_id) SELECT | FROM t', ['order_id', 'n'], ['qty'], ctx),
  pgA('WITH t(a, b) AS (SELECT 1, 2) SELECT t.| FROM t', ['a', 'b'], [], ctx),
  pgA('WITH "T" AS (SELECT 1 AS x) SELECT "T".| FROM "T"', ['x'], [], ctx),
  pgA('SELECT * FROM users UNION SELECT * FROM "Users" WHERE | IS NULL', ['"isActive"'], ['email'], { ...ctx, accept: false }),
  pgA('SELECT | FROM users UNION SELECT id FROM "Users"', ['email'], ['"isActive"'], { ...ctx, accept: false }),
  myA('SELECT * FROM users WHERE id IN (SELECT | FROM customers)', ['user_id'], ['created_at'], ctx),
  myA('SELECT s.| FROM (SELECT id, name FROM users) s', ['id', 'name'], ['email'], ctx),
  slA('WITH t AS (SELECT order_id AS o FROM orders) SELECT t.| FROM t', ['o'], ['order_id'], ctx),
  dkA('WITH t AS (SELECT order_id AS o FROM shop.orders) SELECT t.| FROM t', ['o'], ['order_id'], ctx),
  // a statement is its own scope: names of other statements in the buffer do not leak
  pg('SELECT * FROM products;\nSELECT * FROM users WHERE | IS NULL', ['email'], ['sku'], ctx),
  sl('SELECT * FROM products;\nSELECT * FROM users WHERE | IS NULL', ['email'], ['sku'], ctx),
  // ON of a join: the tables joined so far
  pgA('SELECT * FROM orders o JOIN customers c ON c.customer_id = o.|', ['customer_id', 'order_id'], ['email'], ctx),
  myA('SELECT * FROM orders o JOIN customers c ON c.customer_id = o.|', ['customer_id'], [], ctx),
];
