/**
 * Rank first, then cut: with a small cut (maxResults), the user's objects are not hidden behind built-in
 * functions or pg_catalog / information_schema relations; clause-starting keywords are not crowded out.
 */
import type { Case } from '../case-runner.js';
import { dk, my, pg, pgA, sl } from '../real-case-builders.js';

const ctx = { context: 'ranking' };
const cut = (n: number): Partial<Case> => ({ ...ctx, opts: { maxResults: n } });

export const rankingCases: Case[] = [
  pg('SELECT * FROM |', ['users', 'orders', 'order_lines', 'recent_orders'], ['pg_class', 'tables', 'generate_series'], cut(20)),
  pg('SELECT * FROM |', ['order_lines', 'addresses_of'], [], cut(20)),
  pg('SELECT * FROM users WHERE |', ['email', 'price_with_tax', '"normalizeEmail"'], ['abs', 'acos'], cut(30)),
  pg('SELECT |', ['price_with_tax', '"normalizeEmail"', 'order_lines'], ['acosd', 'atan2d'], cut(40)),
  pg('SELECT * FROM users WHERE email = |', ['"normalizeEmail"'], [], cut(40)),
  // a function off the search path sorts by its written, qualified name (reports_of is shorter than addresses_of)
  pg('SELECT |', [], [], { ...ctx, order: ['addresses_of', 'hr.reports_of'] }),
  pg('SELECT * FROM pg_|', ['pg_class', 'pg_namespace', 'pg_proc'], [], cut(100)),
  pg('SELECT * FROM pg_n|', [], [], { ...cut(5), first: 'pg_namespace' }),
  pg('SELECT * FROM tab|', ['information_schema.tables'], [], cut(10)),
  pg('SELECT * FROM us|', [], [], { ...cut(5), order: ['users', 'information_schema.usage_privileges'] }),
  // equal matches: the one that starts with the typed text in its case too
  pg('SELECT * FROM us|', [], [], { ...ctx, order: ['users', '"Users"'] }),
  pg('SELECT * FROM Us|', [], [], { ...ctx, first: '"Users"' }),
  pg('SELECT * FROM "Us|', [], [], { ...ctx, first: '"Users"' }),
  pg('SELECT * FROM |', [], [], { ...ctx, order: ['users', 'hr.employees', 'pg_catalog'] }),
  // after a condition's operand: the condition goes on; a join only in ON, ILIKE only where it exists
  pg('SELECT * FROM users WHERE email |', ['AND', 'OR', 'ORDER BY', 'ILIKE'], ['JOIN', 'LEFT JOIN'], cut(16)),
  // after a complete comparison: the next condition or clause, not a test of the value (`1 LIKE`, `1 IS NULL`)
  pg('SELECT * FROM users WHERE id = 1 |', ['AND', 'OR', 'ORDER BY', 'LIMIT', 'GROUP BY'], ['ILIKE', 'IS NULL', 'BETWEEN'], cut(8)),
  pg('SELECT * FROM users WHERE id BETWEEN 1 |', [], [], { ...ctx, first: 'AND' }),
  pg('SELECT * FROM users WHERE id BETWEEN 1 AND 5 |', ['AND', 'OR', 'ORDER BY'], ['BETWEEN', 'IN'], cut(8)),
  pg("SELECT * FROM users WHERE (id = 1 OR email = 'x') |", ['AND', 'OR', 'ORDER BY'], ['LIKE', 'IN'], cut(8)),
  pg('SELECT * FROM users u JOIN orders o ON o.customer_id = u.id |', ['AND', 'JOIN', 'LEFT JOIN', 'WHERE'], [], cut(16)),
  pg('SELECT status FROM orders GROUP BY status HAVING count(*) > 1 |', ['AND', 'ORDER BY'], ['GROUP BY', 'HAVING', 'JOIN'], cut(16)),
  my('SELECT * FROM users WHERE email |', ['AND', 'LIKE'], ['ILIKE', 'JOIN'], cut(16)),
  // capitals typed: the built-in function before longer keywords, in capitals too; a column guess is never a system table's
  my('SELECT MA|', [], ['MAXLEN', 'MAX_COUNT'], { ...ctx, first: 'MAX' }),
  my('SELECT ma|', [], [], { ...ctx, first: 'max' }),
  pg('SELECT NOW|', [], [], { ...ctx, first: 'NOW' }),
  pg('SELECT * FROM users WHERE created_at < NO|', [], [], { ...ctx, order: ['NOT', 'NOW', 'NOWAIT'] }),
  pg('SELECT * FROM information_schema.|', ['tables', 'columns'], [], cut(100)),
  pgA('ALTER TABLE users ALTER |', ['COLUMN'], [], { ...cut(5), accept: false }),
  pg('ALTER TABLE users DROP |', ['COLUMN', 'CONSTRAINT'], [], cut(6)),
  pg('SELECT * FROM users WHERE id IN (|', ['SELECT'], [], cut(10)),
  pg('SELECT * FROM users WHERE (|', ['SELECT', 'email'], [], cut(10)),
  pg('SELECT (|', ['SELECT'], [], cut(10)),
  pg('SELECT * FROM users WHERE id = (|', ['SELECT'], [], cut(10)),
  pg('SELECT * FROM users WHERE EXISTS (|', ['SELECT'], ['email'], cut(5)),
  pg('SELECT count(|) FROM users', ['email'], ['SELECT'], cut(30)),
  pg('SELECT * FROM users |', ['WHERE', 'JOIN', 'ORDER BY', 'GROUP BY'], ['email'], cut(20)),
  pg('SELECT * FROM users WHERE id = 1 |', ['AND', 'OR', 'ORDER BY', 'LIMIT'], ['email'], cut(20)),
  pg('SELECT id |', ['FROM', 'AS'], [], cut(10)),
  pg('SELECT * FROM users ORDER BY id |', ['ASC', 'DESC', 'LIMIT'], [], cut(10)),
  pg('|', ['SELECT', 'INSERT INTO', 'UPDATE', 'DELETE FROM', 'CREATE TABLE'], [], cut(20)),
  pg('INSERT INTO users |', ['VALUES', 'SELECT', 'DEFAULT VALUES'], [], cut(10)),
  pg('UPDATE users |', ['SET'], [], cut(5)),
  pg('UPDATE users SET name = 1 |', ['WHERE', 'RETURNING'], [], cut(5)),
  pg('SELECT * FROM orders o JOIN |', [], [], { ...cut(5), firstKind: 'join' }),
  pg('SELECT * FROM users WHERE e|', [], [], { ...cut(5), first: 'email' }),
  pg('SELECT * FROM users WHERE p|', ['price_with_tax'], [], cut(20)),
  my('SELECT * FROM |', ['users', 'orders', '`Order Notes`'], ['information_schema', 'performance_schema'], cut(15)),
  my('SELECT * FROM customers WHERE |', ['tier', 'price_with_tax', 'normalizeEmail'], [], cut(30)),
  my('SELECT * FROM customers WHERE id IN (|', ['SELECT'], [], cut(10)),
  my('ALTER TABLE users MODIFY |', ['COLUMN'], [], cut(5)),
  sl('SELECT * FROM |', ['users', 'orders'], ['sqlite_schema'], cut(20)),
  sl('SELECT * FROM orders WHERE |', ['status', 'customer_id'], ['->', '->>'], cut(30)),
  sl('SELECT * FROM sqlite_s|', ['sqlite_schema'], [], cut(10)),
  dk('SELECT * FROM users WHERE |', ['email', 'price_with_tax'], [], cut(30)),
  dk('SELECT * FROM |', ['users', 'UserProfiles', 'shop.orders'], [], cut(30)),
  dk('SELECT |', ['price_with_tax'], [], cut(40)),
];
