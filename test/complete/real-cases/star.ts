/**
 * `SELECT *|`: right after the star of a select list, one candidate writes out the columns it stands for, in the
 * tables' order (pgcli's wildcard expansion); qualified by the table reference for `t.*` and for several tables.
 * Nowhere else: not after a space, in `count(*)`, or in a product.
 */
import type { Case } from '../case-runner.js';
import { dkA, myA, pg, pgA, sl, slA } from '../real-case-builders.js';

const ctx = { context: 'star' };

export const starCases: Case[] = [
  pgA('SELECT *| FROM users', ['id, name, email, created_at'], [], { ...ctx, first: 'id, name, email, created_at' }),
  pgA('SELECT u.*| FROM users u', ['u.id, u.name, u.email, u.created_at'], [], ctx),
  pgA('SELECT *| FROM shop.orders o JOIN shop.customers c USING (customer_id)', [
    'o.order_id, o.customer_id, o.status, o.ordered_at, o.ship_to, c.customer_id, c.full_name, c.email, c.billing, c.user_id, c."signedUpAt"',
  ], [], ctx),
  pgA('SELECT c.*| FROM shop.orders o JOIN shop.customers c USING (customer_id)', ['c.customer_id, c.full_name, c.email, c.billing, c.user_id, c."signedUpAt"'], [], ctx),
  pgA('SELECT o.order_id, *| FROM shop.orders o', ['order_id, customer_id, status, ordered_at, ship_to'], [], ctx),
  pgA('SELECT DISTINCT *| FROM "Users"', ['id, "displayName", "createdAt", "isActive"'], [], ctx),
  pgA('WITH t AS (SELECT id, email FROM users) SELECT *| FROM t', ['id, email'], [], ctx),
  pgA('SELECT *| FROM (SELECT 1 AS a, 2 AS b) s', ['a, b'], [], ctx),
  // the star's replacement: from the star (or its table) to the cursor
  pg('SELECT *| FROM users', [], [], { ...ctx, firstKind: 'column' }),
  pg('SELECT * | FROM users', [], ['id, name, email, created_at'], ctx),
  pg('SELECT count(*| FROM users', [], ['id, name, email, created_at'], ctx),
  pg('SELECT 2 *| FROM users', [], ['id, name, email, created_at'], ctx),
  pg('SELECT *|', [], [], { ...ctx, firstKind: 'keyword' }), // no table yet: nothing to write out
  // SQLite's names ignore case: no quotes needed
  slA('SELECT *| FROM "UserProfiles"', ['userId, displayName, createdAt, isActive'], [], ctx),
  sl('SELECT *| FROM users', [], [], { ...ctx, opts: { smart: false }, none: true }),
  myA('SELECT *| FROM orders', ['order_id, customer_id, status, ordered_at'], [], ctx),
  dkA('SELECT o.*| FROM shop.orders o', ['o.order_id, o.customer_id, o.status, o.ordered_at, o.ship_to'], [], ctx),
];

/** After ON the references and conditions come before bare columns (as in pgcli), and after `ON a = |` the references first. */
export const onOrderCases: Case[] = [
  pg('SELECT * FROM users u JOIN audit_log a ON |', [], [], { ...ctx, context: 'joins', order: ['a.user_id = u.id', 'a', 'u', 'a.id = u.id', 'u.id', 'a.id'] }),
  pg('SELECT * FROM users u JOIN audit_log a ON a.user_id = |', [], [], { ...ctx, context: 'joins', order: ['a', 'u', 'u.id', 'NOT'] }),
  pg('SELECT * FROM users JOIN audit_log ON |', [], [], { ...ctx, context: 'joins', order: ['audit_log.user_id = users.id', 'users', 'audit_log', 'audit_log.id = users.id', 'users.id'] }),
];
