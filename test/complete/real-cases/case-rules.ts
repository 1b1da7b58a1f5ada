/**
 * Identifier case rules and quoting per dialect. PostgreSQL folds unquoted names to lower case and compares
 * exactly: `Users` is `users`, `"Users"` another table; `custom` and `"Custom"` are two schemas. MariaDB with
 * lower_case_table_names = 0 compares table names exactly and column names without case. SQLite and DuckDB
 * ignore case. Inserted text is always valid for the dialect; aliases are written back as the user wrote them.
 */
import type { Case } from '../case-runner.js';
import { dk, dkA, my, myA, pg, pgA, sl, slA } from '../real-case-builders.js';

const ctx = { context: 'case-rules' };

export const caseRuleCases: Case[] = [
  // the keyword case follows the user's last keyword, not a word inside a string or a quoted name
  pg("SELECT * FROM users WHERE email = 'null' AND |", ['NOT'], ['not'], ctx),
  pg('select * from users where "select" is null and |', ['not'], ['NOT'], ctx),
  // PostgreSQL: unquoted names fold
  pgA('SELECT * FROM Users u WHERE u.| IS NULL', ['name', 'email'], ['"displayName"', '"isActive"'], ctx),
  pgA('SELECT * FROM USERS u WHERE u.| IS NULL', ['name', 'email'], ['"displayName"'], ctx),
  pgA('SELECT * FROM "Users" u WHERE u.| IS NULL', ['"displayName"', '"isActive"'], ['name', 'email'], ctx),
  pg('SELECT * FROM "USERS" u WHERE u.|', [], [], { ...ctx, none: true }),
  pgA('SELECT Users.| FROM Users', ['name'], ['"displayName"'], ctx),
  pgA('SELECT "Users".| FROM "Users"', ['"displayName"'], ['name'], ctx),
  pg('SELECT "Users".| FROM users', [], [], { ...ctx, none: true }),
  pg('SELECT users.| FROM "Users"', [], [], { ...ctx, none: true }),
  pgA('SELECT * FROM PUBLIC.USERS x WHERE x.| IS NULL', ['name'], ['"displayName"'], ctx),
  pgA('SELECT * FROM public."Users" x WHERE x.| IS NULL', ['"displayName"'], ['name'], ctx),
  pgA('SELECT * FROM Custom.settings s WHERE s.| IS NULL', ['key', 'value'], ['"Key"'], ctx),
  pgA('SELECT * FROM "Custom".settings s WHERE s.| IS NULL', ['"Key"', '"Value"'], ['key'], ctx),
  pgA('SELECT * FROM CUSTOM.|', ['settings'], ['"Widgets"'], ctx),
  pg('SELECT * FROM "CUSTOM".|', [], [], { ...ctx, none: true }),
  pgA('SELECT * FROM "Custom".| ', ['"Widgets"', 'settings'], [], ctx),
  pgA('SELECT * FROM "Custom".wid|', ['"Widgets"'], [], ctx),
  pgA('SELECT * FROM Shop.Orders o WHERE o.| IS NULL', ['status'], [], ctx),
  pgA('SELECT * FROM HR.EMPLOYEES e WHERE e.| IS NULL', ['salary'], [], ctx),
  // aliases resolve by the same rule
  pgA('SELECT U.| FROM users U', ['email'], [], ctx),
  pgA('SELECT u.| FROM users U', ['email'], [], ctx),
  pgA('SELECT "U".| FROM users "U"', ['email'], [], ctx),
  pg('SELECT u.| FROM users "U"', [], [], { ...ctx, none: true }),
  pg('SELECT "U".| FROM users U', [], [], { ...ctx, none: true }),
  pg('SELECT "u".| FROM users U', ['email'], [], { ...ctx, accept: true }),
  // inserted text: quoted when it must be, never a quoted alias the user did not write
  pgA('SELECT * FROM users U JOIN audit_log A ON |', ['A.user_id = U.id'], ['"A".user_id = "U".id', 'a.user_id = u.id'], ctx),
  pgA('SELECT * FROM users Usr JOIN |', ['audit_log al ON al.user_id = Usr.id'], ['audit_log al ON al.user_id = "Usr".id'], ctx),
  pgA('SELECT * FROM Users JOIN |', ['audit_log ON audit_log.user_id = Users.id'], [], ctx),
  pgA('SELECT * FROM "Custom"."Widgets" w JOIN |', ['"Custom".settings s ON s.id = w.settings_id'], [], ctx),
  pgA('SELECT * FROM "Custom"."Widgets" JOIN |', ['"Custom".settings ON "Custom".settings.id = "Custom"."Widgets".settings_id'], [], ctx),
  pgA('SELECT * FROM |', ['"Users"'], ['Users'], ctx),
  pgA('SELECT "|" FROM "Users"', ['"displayName"', '"isActive"'], [], ctx),
  pg('SELECT * FROM "Users" WHERE "disp|', ['"displayName"'], [], ctx),
  pgA('SELECT * FROM "Us|', ['"Users"'], [], { ...ctx, accept: false }),
  pgA('SELECT * FROM "us|', ['"users"'], [], { ...ctx, accept: false }),
  pgA('SELECT | FROM "Users"', ['"createdAt"'], ['createdAt', 'createdat'], ctx),
  pgA('SELECT * FROM audit_log WHERE "eventT|', ['"eventType"'], [], { ...ctx, accept: false }),
  pgA('SELECT | FROM audit_log', ['"eventType"'], ['eventType'], ctx),
  pgA('SELECT * FROM hr.employees WHERE | IS NULL', ['"hiredOn"'], ['hiredOn'], ctx),
  pgA('SELECT "normalizeEmail"(|) FROM users', ['email'], [], ctx),
  pgA('SELECT | FROM users', ['"normalizeEmail"'], ['normalizeEmail'], { ...ctx, accept: false }),
  pgA('SELECT * FROM users WHERE email = norm|', ['"normalizeEmail"'], [], { ...ctx, accept: false }),

  // MariaDB: table names exact (lower_case_table_names = 0), columns any case, backquotes
  myA('SELECT * FROM Users u WHERE u.| IS NULL', ['displayName', 'isActive'], ['name', 'email'], ctx),
  myA('SELECT * FROM users u WHERE u.| IS NULL', ['name', 'email'], ['displayName'], ctx),
  my('SELECT * FROM USERS u WHERE u.|', [], [], { ...ctx, none: true }),
  myA('SELECT * FROM sqlsh_HR.Employees e WHERE e.| IS NULL', ['salary'], [], ctx),
  my('SELECT * FROM sqlsh_HR.employees e WHERE e.|', [], [], { ...ctx, none: true }),
  myA('SELECT * FROM `Users` u WHERE u.| IS NULL', ['displayName'], ['name'], ctx),
  myA('SELECT * FROM |', ['`Order Notes`', '`Big Spenders`'], ['"Order Notes"', 'Order Notes'], ctx),
  myA('SELECT | FROM customers', ['`Signed Up At`'], ['"Signed Up At"'], ctx),
  myA('SELECT * FROM `Order Notes` o JOIN |', ['orders o2 ON o2.order_id = o.order_id'], [], ctx),
  myA('SELECT * FROM orders JOIN |', ['`Order Notes` ON `Order Notes`.order_id = orders.order_id'], [], ctx),
  myA('SELECT * FROM customers C WHERE C.| IS NULL', ['tier'], [], ctx),
  myA('SELECT * FROM customers c WHERE c.TIER = 1 AND c.| IS NULL', ['email'], [], ctx),

  // SQLite: case-insensitive, double quotes
  slA('SELECT * FROM ARTISTS a WHERE a.| IS NULL', ['Name', 'ArtistId'], [], ctx),
  slA('SELECT * FROM artists a WHERE a.| IS NULL', ['Name'], [], ctx),
  slA('SELECT * FROM "artists" a WHERE a.| IS NULL', ['Name'], [], ctx),
  slA('SELECT * FROM |', ['"Order Notes"', '"Big Spenders"'], ['`Order Notes`'], ctx),
  slA('SELECT A.| FROM Artists a', ['Name'], [], ctx),
  slA('SELECT * FROM userprofiles p WHERE p.| IS NULL', ['displayName'], [], ctx),
  sl('SELECT * FROM albums AL JOIN |', ['Artists a ON a.ArtistId = AL.artist_id'], [], { ...ctx, accept: true }),

  // DuckDB: case-insensitive, double quotes
  dkA('SELECT * FROM SHOP.ORDERS o WHERE o.| IS NULL', ['status'], [], ctx),
  dkA('SELECT * FROM userprofiles p WHERE p.| IS NULL', ['displayName'], [], ctx),
  dkA('SELECT * FROM Shop.|', ['orders', '"Order Notes"'], [], ctx),
  dkA('SELECT O.| FROM shop.orders o', ['status'], [], ctx),
  dk('SELECT * FROM shop.|', ['"Order Notes"'], ['`Order Notes`'], { ...ctx, accept: true }),
];
