/** Set-returning functions: offered after FROM, and their output columns complete after their alias. */
import type { Case } from '../case-runner.js';
import { dk, dkA, pg, pgA, sl, slA } from '../real-case-builders.js';

const ctx = { context: 'table-functions' };

export const tableFunctionCases: Case[] = [
  // PostgreSQL: a scalar set's column is named after the alias (checked: `select g.generate_series from generate_series(1,2) g` fails)
  pgA('SELECT g.| FROM generate_series(1, 3) g', ['g'], ['generate_series'], ctx),
  pgA('SELECT generate_series.| FROM generate_series(1, 3)', ['generate_series'], [], ctx),
  pgA('SELECT x.| FROM generate_series(1, 3) AS x(n)', ['n'], ['x', 'generate_series'], ctx),
  pgA('SELECT u.| FROM unnest(ARRAY[1, 2]) u', ['u'], [], ctx),
  pgA("SELECT j.| FROM json_each('{}') j", ['key', 'value'], [], ctx),
  pgA("SELECT j.| FROM jsonb_each_text('{}') j", ['key', 'value'], [], ctx),
  pgA("SELECT e.| FROM json_array_elements('[]') e", ['value'], [], ctx),
  pgA('SELECT l.| FROM order_lines(1) l', ['line_no', 'product_title', 'qty', 'amount'], ['title'], ctx),
  pgA('SELECT l.| FROM shop.order_lines(1) AS l', ['product_title', 'amount'], [], ctx),
  pgA('SELECT * FROM order_lines(1) l WHERE l.| IS NULL', ['qty'], [], ctx),
  pgA('SELECT | FROM order_lines(1) l', ['line_no', 'product_title'], [], ctx),
  pgA('SELECT r.| FROM recent_orders(5) r', ['order_id', 'status', 'ship_to'], [], ctx),
  pgA('SELECT r.| FROM recent_orders() r', ['ordered_at'], [], ctx),
  pgA('SELECT a.| FROM addresses_of(1) a', ['street', 'city', '"postCode"', 'country'], [], ctx),
  pgA('SELECT s.| FROM customer_stats(1) s', ['order_count', 'total_spent'], [], ctx),
  pgA('SELECT t.| FROM hr.reports_of(1) t', ['emp_id', 'full_name', 'depth'], [], ctx),
  pgA('SELECT t.| FROM hr.reports_of(1) AS t(a, b, c)', ['a', 'b', 'c'], ['emp_id'], ctx),
  pgA('SELECT t.| FROM music.track_count(1) t', ['t'], [], ctx),
  pgA('SELECT * FROM users u, LATERAL recent_orders(u.id) r WHERE r.| IS NULL', ['status'], [], ctx),
  pgA('SELECT * FROM users u JOIN LATERAL order_lines(u.id) l ON true WHERE l.| IS NULL', ['amount'], [], ctx),
  pgA('SELECT * FROM |', ['order_lines', 'recent_orders', 'addresses_of', 'customer_stats', 'hr.reports_of'], ['restock'], { ...ctx, accept: false }),
  // a scalar function is a one-row table in PostgreSQL's FROM (pgcli offers them): after the tables and the set-returning ones
  pg('SELECT * FROM |', ['price_with_tax'], ['restock'], { ...ctx, order: ['users', 'order_lines', 'price_with_tax'] }),
  pg('SELECT * FROM pri|', [], [], { ...ctx, order: ['price_bounds', 'price_with_tax'] }),
  pgA('SELECT * FROM |(1)', ['order_lines', 'recent_orders', 'addresses_of', 'hr.reports_of'], [], ctx),
  pgA('SELECT * FROM |(1, 3)', ['generate_series'], [], ctx),
  pgA('SELECT * FROM rec|(3)', ['recent_orders'], [], ctx),
  pgA('SELECT * FROM shop.|(1)', ['order_lines', 'recent_orders', 'addresses_of'], [], ctx),
  pgA('SELECT * FROM hr.|(1)', ['reports_of'], [], ctx),
  pgA('SELECT * FROM gen|(1, 2)', ['generate_series'], [], ctx),
  pgA('SELECT * FROM order_lines(1) JOIN | ON true', ['products'], [], ctx),
  // SQLite: json_each / json_tree columns
  slA("SELECT j.| FROM json_each('[1]') j", ['key', 'value', 'type', 'atom', 'fullkey', 'path'], [], ctx),
  slA("SELECT t.| FROM json_tree('{}') AS t", ['value', 'parent'], [], ctx),
  slA("SELECT * FROM json_each('[1]') j WHERE j.|", ['value'], [], ctx),
  slA("SELECT * FROM |('[1]')", ['json_each', 'json_tree'], [], ctx),
  sl("SELECT * FROM pragma_table_info('users') p WHERE p.|", ['name', 'pk', '"notnull"'], ['notnull'], { ...ctx, accept: true }),
  // DuckDB: the column is named after the function, alias or not
  dkA('SELECT r.| FROM range(3) r', ['range'], ['r'], ctx),
  dkA('SELECT g.| FROM generate_series(1, 3) g', ['generate_series'], [], ctx),
  dkA('SELECT u.| FROM unnest([1, 2]) u', ['unnest'], [], ctx),
  dkA('SELECT l.| FROM shop.order_lines(1) l', ['line_no', 'product_title', 'amount'], [], ctx),
  dkA('SELECT r.| FROM shop.recent_orders() r', ['order_id', 'status'], [], ctx),
  dkA('SELECT t.| FROM hr.reports_of(1) t', ['emp_id', 'full_name'], [], ctx),
  dkA('SELECT * FROM shop.|(1)', ['order_lines'], [], ctx),
  dkA('SELECT x.| FROM range(3) x(n)', ['n'], [], ctx),
  dk('SELECT * FROM |', ['shop.order_lines', 'shop.recent_orders', 'hr.reports_of', 'range'], [], ctx),
];
