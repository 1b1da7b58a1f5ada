/** Dialect-specific contexts: quoting styles, ::types, databases, schemas, table functions, DDL. */
import { runCases, type Case } from './case-runner.js';

const pg = ['postgres'] as const;
const my = ['mysql'] as const;
const lite = ['sqlite'] as const;
const duck = ['duckdb'] as const;

const cases: Case[] = [
  // PostgreSQL
  { q: 'SELECT x::|', engines: pg, has: ['integer', 'text', 'mood'], not: ['albums'] },
  { q: 'SELECT x::int|', engines: pg, first: 'int', has: ['integer'] },
  { q: 'SELECT x::INT|', engines: pg, has: ['INTEGER'] },
  { q: 'SELECT album_id::| FROM albums', engines: pg, has: ['bigint'] },
  { q: 'SELECT * FROM "User|', engines: pg, first: '"UserAccounts"' },
  { q: 'SELECT * FROM use|', engines: pg, first: '"UserAccounts"' },
  { q: 'SELECT u.| FROM "UserAccounts" u', engines: pg, has: ['"UserId"', '"Display Name"', 'email'] },
  { q: 'SELECT * FROM "UserAccounts" WHERE "Use|', engines: pg, first: '"UserId"' },
  { q: 'SELECT * FROM "UserAccounts" WHERE dis|', engines: pg, first: '"Display Name"' },
  { q: 'SELECT * FROM "UserAccounts" ua JOIN |', engines: pg, not: ['tracks t ON t.album_id = ua.album_id'] },
  { q: 'SELECT * FROM |', engines: pg, has: ['public', 'sales', 'information_schema'], order: ['sales', 'information_schema'] },
  { q: 'SELECT * FROM sales.orders o JOIN |', engines: pg, has: ['customers c ON c.customer_id = o.customer_id'] },
  { q: 'SELECT * FROM sales.monthly|', engines: pg, first: 'monthly_report' },
  { q: 'SELECT * FROM monthly|', engines: pg, has: ['sales.monthly_report'] },
  { q: 'SELECT $$ al| $$', engines: pg, none: true },
  { q: 'SELECT $tag$ FROM | $tag$', engines: pg, none: true },
  { q: "SELECT E'it\\'s |'", engines: pg, none: true },
  { q: 'SELECT /* outer /* inner */ al| */ 1', engines: pg, none: true },
  { q: 'DELETE FROM tracks RETURNING |', engines: pg, has: ['track_id'] },
  { q: "INSERT INTO tracks (name) VALUES ('x') RETURNING |", engines: pg, has: ['track_id'] },
  { q: 'SELECT CAST(album_id AS |) FROM albums', engines: pg, has: ['integer'] },
  { q: 'CREATE TABLE x (id |', engines: pg, has: ['integer', 'text'] },
  { q: 'CREATE TABLE x (|', engines: pg, has: ['PRIMARY KEY', 'CONSTRAINT'] },
  { q: 'CREATE TABLE x (id integer |', engines: pg, has: ['NOT NULL', 'REFERENCES'] },
  { q: 'CREATE TABLE x (id integer REFERENCES |', engines: pg, has: ['albums'] },
  { q: 'CREATE INDEX ix ON |', engines: pg, has: ['tracks'] },
  { q: 'CREATE INDEX ix ON tracks (|', engines: pg, has: ['milliseconds'] },
  { q: 'ALTER TABLE tracks ADD COLUMN rating |', engines: pg, has: ['integer'] },
  { q: 'SELECT * FROM ONLY |', engines: pg, has: ['tracks'] },
  { q: 'SELECT * FROM albums a, LATERAL (SELECT * FROM tracks t WHERE t.album_id = a.|) x', engines: pg, has: ['album_id'] },
  { q: 'SELECT * FROM tracks WHERE name ILIKE |', engines: pg, has: ['album_id'] },
  { q: 'SELECT * FROM public.|', engines: pg, has: ['albums', '"UserAccounts"'], not: ['orders'] },
  // MySQL / MariaDB
  { q: 'SELECT * FROM ord|', engines: my, has: ['`order`', 'sales.orders'] },
  { q: 'SELECT * FROM `ord|', engines: my, first: '`order`' },
  { q: 'SELECT * FROM `order` WHERE |', engines: my, has: ['status'] },
  { q: 'SELECT * FROM albums # comment |', engines: my, none: true },
  { q: 'SELECT "al|', engines: my, none: true },
  { q: 'SELECT * FROM albums WHERE title = "x" AND |', engines: my, has: ['album_id'] },
  { q: "SELECT * FROM albums WHERE title = 'it\\'s' AND |", engines: my, has: ['album_id'] },
  { q: 'USE |', engines: my, has: ['music', 'warehouse'] },
  { q: 'DESCRIBE |', engines: my, has: ['tracks'] },
  { q: 'DESC |', engines: my, has: ['tracks'] },
  { q: 'SELECT * FROM music.|', engines: my, has: ['tracks'], not: ['orders'] },
  { q: 'SELECT * FROM sales.|', engines: my, has: ['orders'] },
  { q: 'SELECT `t`.| FROM tracks `t`', engines: my, has: ['milliseconds'] },
  { q: 'SELECT * FROM tracks t STRAIGHT_JOIN |', engines: my, has: ['genres'] },
  { q: 'CREATE TABLE x (id |', engines: my, has: ['int'] },
  // SQLite
  { q: 'SELECT * FROM [ord|', engines: lite, has: ['"order"'] },
  { q: 'SELECT * FROM main.|', engines: lite, has: ['tracks'], not: ['orders'] },
  { q: 'SELECT * FROM "order" WHERE |', engines: lite, has: ['status'] },
  { q: 'SELECT * FROM `order` o WHERE o.|', engines: lite, has: ['status'] },
  { q: 'SELECT [t].| FROM tracks [t]', engines: lite, has: ['name'] },
  { q: 'CREATE TABLE x (id |', engines: lite, has: ['integer', 'text'] },
  { q: 'INSERT OR REPLACE INTO |', engines: lite, has: ['tracks'] },
  // DuckDB
  { q: 'SELECT x::|', engines: duck, has: ['integer'] },
  { q: 'DESCRIBE |', engines: duck, has: ['tracks'] },
  { q: 'SUMMARIZE |', engines: duck, has: ['tracks'] },
  { q: 'SELECT * FROM main.|', engines: duck, has: ['tracks'] },
  { q: 'SELECT * FROM tracks t POSITIONAL JOIN |', engines: duck, has: ['genres'] },
  { q: 'SELECT $$ al| $$', engines: duck, none: true },
];

runCases('dialects', cases);
