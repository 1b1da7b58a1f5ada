/**
 * A few acceptance cases on the real catalogs (the engine's fixture), one or more per engine: each offered
 * name in `has` (and with `acceptOffered`, every offered candidate of those kinds), inserted at the cursor, must
 * give a statement the real engine accepts (real-accept.test.ts).
 */
import type { Completion } from '../../../src/complete/completion.js';
import type { Case } from '../case-runner.js';

/** Case, with the fields of the real-database runs (also in Case itself once the runner declares them). */
type AcceptCase = Case & {
  readonly accept?: boolean;
  readonly catalog?: 'music' | 'real';
  readonly acceptOffered?: readonly Completion['kind'][];
  readonly acceptExcept?: readonly string[];
};

/** Check every offered type, on the real catalog. */
const TYPES = { catalog: 'real', accept: true, acceptOffered: ['datatype'] } as const;

/** Check every offered column (or relation), on the real catalog. */
const NAMES = { catalog: 'real', accept: true, acceptOffered: ['column'] } as const;
const RELATIONS = { catalog: 'real', accept: true, acceptOffered: ['table', 'view'] } as const;

export const SMOKE_CASES: readonly AcceptCase[] = [
  // PostgreSQL: quoted schemas and names, set-returning functions, user types, DDL in a rolled-back transaction
  { q: 'SELECT * FROM "Custom".|', has: ['settings'], engines: ['postgres'], catalog: 'real', accept: true },
  { q: 'SELECT u.| FROM "Users" u', has: ['"createdAt"', '"displayName"', 'id'], engines: ['postgres'], catalog: 'real', accept: true, acceptOffered: ['column'] },
  { q: 'SELECT * FROM shop.|', has: ['orders', 'order_totals', 'monthly_sales'], engines: ['postgres'], catalog: 'real', accept: true, acceptOffered: ['table', 'view'] },
  { q: 'SELECT * FROM shop.orders o JOIN |', has: ['customers c ON c.customer_id = o.customer_id'], engines: ['postgres'], catalog: 'real', accept: true, acceptOffered: ['join'] },
  { q: 'SELECT * FROM shop.orders o JOIN shop.customers c ON |', has: ['c.customer_id = o.customer_id'], engines: ['postgres'], catalog: 'real', accept: true, acceptOffered: ['join-condition'] },
  { q: 'SELECT * FROM |', has: ['"Users"', 'users', 'orders'], engines: ['postgres'], catalog: 'real', accept: true, acceptOffered: ['table', 'view'] },
  { q: 'SELECT * FROM hr.employees e JOIN |', has: [], engines: ['postgres', 'duckdb'], catalog: 'real', accept: true, acceptOffered: ['join'] },
  { q: 'SELECT * FROM shop.order_l|(1)', has: ['order_lines'], engines: ['postgres', 'duckdb'], catalog: 'real', accept: true },
  { q: "SELECT 'paid'::|", has: ['order_status', 'email_address'], engines: ['postgres'], catalog: 'real', accept: true },
  { q: 'ALTER TABLE shop.orders ALTER COLUMN | DROP DEFAULT', has: ['status', 'ordered_at'], engines: ['postgres'], catalog: 'real', accept: true },
  { q: 'TRUNCATE |', has: ['audit_log'], engines: ['postgres'], catalog: 'real', accept: true },
  // every type offered where a type is expected is one the engine knows there (built-in and user-defined);
  // type constructors that need arguments (varchar(n) on MariaDB, struct(...) on DuckDB) are left out
  { q: 'CREATE TABLE sqlsh_probe (x |)', has: ['order_status', 'email_address', 'address', 'price_range', 'integer'], engines: ['postgres'], ...TYPES },
  { q: 'SELECT CAST(NULL AS |)', has: ['order_status', 'integer'], engines: ['postgres'], ...TYPES },
  { q: 'SELECT NULL::shop.|', has: ['order_status', 'address'], engines: ['postgres'], ...TYPES },
  { q: 'CREATE TABLE sqlsh_probe (x |)', has: ['shop.order_status', 'shop.address', 'mood'], engines: ['duckdb'], ...TYPES, acceptExcept: ['map', 'enum', 'list', 'union', 'struct'] },
  { q: 'SELECT CAST(NULL AS |)', has: ['shop.order_status', 'mood'], engines: ['duckdb'], ...TYPES, acceptExcept: ['map', 'enum', 'list', 'union', 'struct'] },
  { q: 'CREATE TABLE sqlsh_probe (x |)', has: ['int'], engines: ['mysql'], ...TYPES, acceptExcept: ['varchar', 'nvarchar', 'varbinary', 'set', 'enum'] },
  { q: 'SELECT CAST(NULL AS |)', has: ['date'], engines: ['mysql'], ...TYPES },
  { q: 'CREATE TABLE sqlsh_probe (x |)', has: [], engines: ['sqlite'], ...TYPES },
  // scope, checked by the engines: every offered name of these kinds must be valid there
  { q: 'SELECT * FROM users JOIN audit_log USING (|)', has: ['id'], engines: ['postgres'], ...NAMES },
  { q: 'SELECT * FROM customers JOIN orders USING (|)', has: ['customer_id'], engines: ['mysql', 'sqlite'], ...NAMES },
  { q: 'TRUNCATE | CASCADE', has: ['audit_log'], engines: ['postgres'], ...RELATIONS },
  { q: 'TRUNCATE TABLE |', has: ['orders'], engines: ['mysql'], ...RELATIONS },
  { q: 'DROP VIEW |', has: ['order_totals'], engines: ['postgres', 'mysql', 'sqlite'], ...RELATIONS },
  { q: 'DROP VIEW |', has: ['shop.order_totals', 'hr.team'], engines: ['duckdb'], ...RELATIONS },
  { q: 'UPDATE shop.orders SET | = DEFAULT', has: ['status'], engines: ['postgres', 'duckdb'], ...NAMES },
  { q: 'INSERT INTO orders (|) VALUES (NULL)', has: ['status'], engines: ['mysql', 'sqlite'], ...NAMES },
  { q: "INSERT INTO hr.departments SELECT o.order_id, 'x' FROM shop.orders o WHERE o.| IS NULL", has: ['status'], engines: ['postgres', 'duckdb'], ...NAMES },
  // MariaDB: other databases, backquoted names, DDL parsed only
  { q: 'SELECT * FROM sqlsh_music.|', has: ['albums', 'tracks'], engines: ['mysql'], catalog: 'real', accept: true },
  { q: 'SELECT * FROM |', has: ['`Order Notes`', 'Users', 'users'], engines: ['mysql'], catalog: 'real', accept: true, acceptOffered: ['table', 'view'] },
  { q: 'SELECT * FROM orders o JOIN |', has: [], engines: ['mysql', 'sqlite'], catalog: 'real', accept: true, acceptOffered: ['join'] },
  { q: 'SELECT o.| FROM orders o', has: ['status', 'customer_id'], engines: ['mysql', 'sqlite'], catalog: 'real', accept: true, acceptOffered: ['column'] },
  { q: 'ALTER TABLE customers DROP COLUMN |', has: ['tier'], engines: ['mysql'], catalog: 'real', accept: true },
  // SQLite
  { q: 'SELECT * FROM |', has: ['"Order Notes"', 'Artists', 'team'], engines: ['sqlite'], catalog: 'real', accept: true, acceptOffered: ['table', 'view'] },
  { q: 'SELECT n.| FROM "Order Notes" n', has: ['"Note Text"', 'order_id'], engines: ['sqlite'], catalog: 'real', accept: true },
  { q: 'DELETE FROM orders WHERE |', has: ['status'], engines: ['sqlite'], catalog: 'real', accept: true },
  // DuckDB
  { q: 'SELECT * FROM shop.|', has: ['"Order Notes"', 'order_totals'], engines: ['duckdb'], catalog: 'real', accept: true, acceptOffered: ['table', 'view'] },
  { q: 'SELECT * FROM |', has: ['users'], engines: ['duckdb'], catalog: 'real', accept: true, acceptOffered: ['table', 'view'] },
  { q: 'SELECT c.| FROM shop.customers c', has: ['"Signed Up At"', 'billing'], engines: ['duckdb'], catalog: 'real', accept: true, acceptOffered: ['column'] },
  { q: 'ALTER TABLE hr.employees DROP COLUMN |', has: ['salary'], engines: ['duckdb'], catalog: 'real', accept: true },
];
