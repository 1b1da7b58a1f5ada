/**
 * The engine table for integration-engines.test.ts: how to open each engine with the music schema
 * (plus a `sales` schema where the engine has one), and what each engine expects beyond the
 * shared test bodies. Engine differences live here, as data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../src/engines/engine.js';
import { engineById } from '../../src/engines/registry.js';
import type { EngineId } from '../../src/sql/dialect.js';
import { sharedMariadb } from '../harness/mariadb-server.js';
import { cleanEnv } from '../harness/postgres-helpers.js';
import { sharedPostgres } from '../harness/postgres-server.js';

/** What completion at the `|` marker of `at` must give; every field that is set is checked. */
export interface Expectation {
  readonly at: string;
  /** The first candidate. */
  readonly first?: string;
  /** Candidates that must be offered. */
  readonly includes?: readonly string[];
  /** Candidates that must not be offered. */
  readonly excludes?: readonly string[];
  /** The whole candidate list, in any order. */
  readonly exactly?: readonly string[];
  /** Why (shown when the check fails). */
  readonly why?: string;
}

/** A connection holding the test schema, and how to tidy it away. */
export interface OpenedEngine {
  readonly conn: Connection;
  close(): Promise<void>;
}

export interface EngineSetup {
  readonly id: EngineId;
  /** Starts (or reuses) the engine's server; absent for file engines. Tests guard it with withServer. */
  readonly start?: () => Promise<{ readonly url: string }>;
  /** A fresh database with the engine's schema DDL (`url`: the started server's). */
  readonly open: (url: string | undefined) => Promise<OpenedEngine>;
  /** Extra checks of the FROM test (after the music tables and views). */
  readonly from?: readonly Expectation[];
  /** Extra checks of the JOIN test (after the albums joins). */
  readonly joins?: readonly Expectation[];
  /** The second schema (or attached database) holding `orders` and `regions`; absent: the engine's test has none. */
  readonly schema?: {
    readonly name: string;
    readonly title: string;
    /** Whether `orders` and `regions` are all it lists (an attached SQLite database also lists its sqlite_schema). */
    readonly onlyItsTables: boolean;
  };
  /** An engine-only test of quoted names. */
  readonly quoting?: { readonly title: string; readonly checks: readonly Expectation[] };
}

async function run(c: Connection, sql: string): Promise<void> {
  for await (const e of c.execute(sql)) void e;
}

async function runAll(c: Connection, ddl: readonly string[]): Promise<void> {
  for (const sql of ddl) await run(c, sql);
}

/** A file engine in a fresh temporary directory: `files` pairs each file name with its DDL (the first is opened, then `attach(dir)` run). */
async function openFiles(id: 'sqlite' | 'duckdb', files: ReadonlyArray<readonly [string, readonly string[]]>, attach?: (dir: string) => string): Promise<OpenedEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-complete-it-'));
  const engine = await engineById(id).load();
  for (const [name, ddl] of files.slice(1)) {
    const other = await engine.connect({ engine: id, path: join(dir, name) });
    await runAll(other, ddl);
    await other.close();
  }
  const [name, ddl] = files[0]!;
  const conn = await engine.connect({ engine: id, path: join(dir, name) });
  await runAll(conn, ddl);
  if (attach) await run(conn, attach(dir));
  return {
    conn,
    async close() {
      await conn.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A database of its own on a shared server, so tests sharing the server cannot collide with these names. */
const DB = 'sqlsh_complete_music';

async function openServerDatabase(id: 'postgres' | 'mysql', url: string | undefined, ddl: readonly string[]): Promise<OpenedEngine> {
  if (!url) throw new Error(`${id}: no server URL`);
  const engine = await engineById(id).load();
  const env = cleanEnv();
  const admin = async (sql: string): Promise<void> => {
    const c = await engine.connect({ engine: id, url }, { env });
    try {
      await run(c, sql);
    } finally {
      await c.close();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${DB}`);
  await admin(`CREATE DATABASE ${DB}`);
  const conn = await engine.connect({ engine: id, url, database: DB }, { env });
  await runAll(conn, ddl);
  return {
    conn,
    async close() {
      await conn.close();
      await admin(`DROP DATABASE IF EXISTS ${DB}`).catch(() => undefined);
    },
  };
}

const SQLITE_MUSIC = [
  'CREATE TABLE artists (artist_id INTEGER PRIMARY KEY, name TEXT NOT NULL)',
  'CREATE TABLE albums (album_id INTEGER PRIMARY KEY, title TEXT, artist_id INTEGER REFERENCES artists (artist_id))',
  'CREATE TABLE genres (genre_id INTEGER PRIMARY KEY, name TEXT)',
  `CREATE TABLE tracks (track_id INTEGER PRIMARY KEY, name TEXT, album_id INTEGER REFERENCES albums (album_id),
     genre_id INTEGER REFERENCES genres (genre_id), milliseconds INTEGER, unit_price NUMERIC)`,
  'CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT)',
  'CREATE TABLE invoices (invoice_id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (customer_id), total NUMERIC)',
  `CREATE TABLE invoice_items (invoice_item_id INTEGER PRIMARY KEY, invoice_id INTEGER REFERENCES invoices (invoice_id),
     track_id INTEGER REFERENCES tracks (track_id), quantity INTEGER)`,
  'CREATE VIEW album_lengths AS SELECT album_id, sum(milliseconds) AS total_ms FROM tracks GROUP BY album_id',
];
const SQLITE_SALES = ['CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER, amount NUMERIC)', 'CREATE TABLE regions (region_id INTEGER PRIMARY KEY, region_name TEXT)'];

const DUCKDB_SCHEMA = [
  'CREATE TABLE artists (artist_id INTEGER PRIMARY KEY, name VARCHAR NOT NULL)',
  'CREATE TABLE albums (album_id INTEGER PRIMARY KEY, title VARCHAR, artist_id INTEGER REFERENCES artists (artist_id))',
  'CREATE TABLE genres (genre_id INTEGER PRIMARY KEY, name VARCHAR)',
  `CREATE TABLE tracks (track_id INTEGER PRIMARY KEY, name VARCHAR, album_id INTEGER REFERENCES albums (album_id),
     genre_id INTEGER REFERENCES genres (genre_id), milliseconds INTEGER, unit_price DECIMAL(10, 2))`,
  'CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, first_name VARCHAR, last_name VARCHAR, email VARCHAR)',
  'CREATE TABLE invoices (invoice_id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (customer_id), total DECIMAL(10, 2))',
  `CREATE TABLE invoice_items (invoice_item_id INTEGER PRIMARY KEY, invoice_id INTEGER REFERENCES invoices (invoice_id),
     track_id INTEGER REFERENCES tracks (track_id), quantity INTEGER)`,
  'CREATE VIEW album_lengths AS SELECT album_id, sum(milliseconds) AS total_ms FROM tracks GROUP BY album_id',
  'CREATE SCHEMA sales',
  'CREATE TABLE sales.regions (region_id INTEGER PRIMARY KEY, region_name VARCHAR)',
  // DuckDB keeps foreign keys inside one schema
  'CREATE TABLE sales.orders (order_id INTEGER PRIMARY KEY, region_id INTEGER REFERENCES sales.regions (region_id), amount DECIMAL(10, 2))',
];

const POSTGRES_SCHEMA = [
  'CREATE TABLE artists (artist_id integer PRIMARY KEY, name text NOT NULL)',
  'CREATE TABLE albums (album_id integer PRIMARY KEY, title text, artist_id integer REFERENCES artists (artist_id))',
  'CREATE TABLE genres (genre_id integer PRIMARY KEY, name text)',
  `CREATE TABLE tracks (track_id integer PRIMARY KEY, name text, album_id integer REFERENCES albums (album_id),
     genre_id integer REFERENCES genres (genre_id), milliseconds integer, unit_price numeric(10, 2))`,
  'CREATE TABLE customers (customer_id integer PRIMARY KEY, first_name text, last_name text, email text)',
  'CREATE TABLE invoices (invoice_id integer PRIMARY KEY, customer_id integer REFERENCES customers (customer_id), total numeric(10, 2))',
  `CREATE TABLE invoice_items (invoice_item_id integer PRIMARY KEY, invoice_id integer REFERENCES invoices (invoice_id),
     track_id integer REFERENCES tracks (track_id), quantity integer)`,
  'CREATE TABLE "TrackPlays" ("PlayId" integer PRIMARY KEY, "TrackId" integer REFERENCES tracks (track_id), "Played At" timestamptz)',
  'CREATE VIEW album_lengths AS SELECT album_id, sum(milliseconds) AS total_ms FROM tracks GROUP BY album_id',
  'CREATE SCHEMA sales',
  'CREATE TABLE sales.regions (region_id integer PRIMARY KEY, region_name text)',
  'CREATE TABLE sales.orders (order_id integer PRIMARY KEY, customer_id integer REFERENCES public.customers (customer_id), region_id integer REFERENCES sales.regions (region_id), amount numeric(10, 2))',
];

// MariaDB ignores inline REFERENCES: its foreign keys are table constraints
const MYSQL_SCHEMA = [
  'CREATE TABLE artists (artist_id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)',
  'CREATE TABLE albums (album_id INT PRIMARY KEY, title VARCHAR(100), artist_id INT, FOREIGN KEY (artist_id) REFERENCES artists (artist_id))',
  'CREATE TABLE genres (genre_id INT PRIMARY KEY, name VARCHAR(100))',
  `CREATE TABLE tracks (track_id INT PRIMARY KEY, name VARCHAR(200), album_id INT, genre_id INT, milliseconds INT, unit_price DECIMAL(10, 2),
     FOREIGN KEY (album_id) REFERENCES albums (album_id), FOREIGN KEY (genre_id) REFERENCES genres (genre_id))`,
  'CREATE TABLE customers (customer_id INT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50), email VARCHAR(100))',
  'CREATE TABLE invoices (invoice_id INT PRIMARY KEY, customer_id INT, total DECIMAL(10, 2), FOREIGN KEY (customer_id) REFERENCES customers (customer_id))',
  `CREATE TABLE invoice_items (invoice_item_id INT PRIMARY KEY, invoice_id INT, track_id INT, quantity INT,
     FOREIGN KEY (invoice_id) REFERENCES invoices (invoice_id), FOREIGN KEY (track_id) REFERENCES tracks (track_id))`,
  'CREATE TABLE `order` (order_id INT PRIMARY KEY, `status` VARCHAR(20), `ship to` VARCHAR(200), customer_id INT, FOREIGN KEY (customer_id) REFERENCES customers (customer_id))',
  'CREATE VIEW album_lengths AS SELECT album_id, sum(milliseconds) AS total_ms FROM tracks GROUP BY album_id',
];

const SALES_TITLE = 'the sales schema completes its tables after sales.';

/** Every engine the completion integration tests run on. */
export const ENGINE_SETUPS: readonly EngineSetup[] = [
  {
    id: 'sqlite',
    open: () => openFiles('sqlite', [['music.db', SQLITE_MUSIC], ['sales.db', SQLITE_SALES]], (dir) => `ATTACH DATABASE '${join(dir, 'sales.db').replace(/'/g, "''")}' AS sales`),
    joins: [{ at: 'SELECT * FROM invoice_items ii JOIN |', includes: ['tracks t ON t.track_id = ii.track_id'] }],
    schema: { name: 'sales', title: 'an attached database completes its tables after sales.', onlyItsTables: false },
  },
  {
    id: 'duckdb',
    open: () => openFiles('duckdb', [['music.duckdb', DUCKDB_SCHEMA]]),
    joins: [{ at: 'SELECT * FROM sales.orders o JOIN |', includes: ['sales.regions r ON r.region_id = o.region_id'] }],
    schema: { name: 'sales', title: SALES_TITLE, onlyItsTables: true },
  },
  {
    id: 'postgres',
    start: sharedPostgres,
    open: (url) => openServerDatabase('postgres', url, POSTGRES_SCHEMA),
    from: [{ at: 'SELECT * FROM |', excludes: ['orders'], why: 'sales.orders is not on the search path: it is not offered bare' }],
    joins: [{ at: 'SELECT * FROM customers c JOIN |', includes: ['sales.orders o ON o.customer_id = c.customer_id'] }],
    schema: { name: 'sales', title: SALES_TITLE, onlyItsTables: true },
    quoting: {
      title: 'a mixed-case table and its columns complete quoted',
      checks: [
        { at: 'SELECT * FROM TrackP|', first: '"TrackPlays"' },
        { at: 'SELECT * FROM Track|', includes: ['"TrackPlays"'] },
        { at: 'SELECT p.| FROM "TrackPlays" p', exactly: ['"PlayId"', '"Played At"', '"TrackId"'] },
        { at: 'SELECT * FROM tracks t JOIN |', includes: ['"TrackPlays" tp ON tp."TrackId" = t.track_id'] },
      ],
    },
  },
  {
    id: 'mysql',
    start: sharedMariadb,
    open: (url) => openServerDatabase('mysql', url, MYSQL_SCHEMA),
    quoting: {
      title: 'a reserved table name and a spaced column complete in backticks',
      checks: [
        { at: 'SELECT * FROM ord|', first: '`order`' },
        { at: 'SELECT o.| FROM `order` o', includes: ['`ship to`', 'order_id'] },
        { at: 'SELECT * FROM customers c JOIN |', includes: ['`order` o ON o.customer_id = c.customer_id'] },
      ],
    },
  },
];
