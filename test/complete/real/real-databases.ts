/**
 * The four real databases of the completion tests: each engine's fixture (fixture-<engine>.sql) loaded
 * into a real server (the harness PostgreSQL and MariaDB) or a real file (SQLite, DuckDB), and opened
 * with sqlsh's own engine, so the catalog is read by the same introspection the shell uses.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, ConnectionTarget } from '../../../src/engines/engine.js';
import { engineById } from '../../../src/engines/registry.js';
import type { EngineId } from '../../../src/sql/dialect.js';
import { sharedMariadb } from '../../harness/mariadb-server.js';
import { sharedPostgres } from '../../harness/postgres-server.js';

export const REAL_ENGINES: readonly EngineId[] = ['postgres', 'mysql', 'sqlite', 'duckdb'];

/** The source folder test/complete/real (the tests run from dist/, the fixtures and snapshots live beside the sources). */
export const REAL_DIR = fileURLToPath(new URL('../../../../test/complete/real/', import.meta.url));

export function snapshotPath(engine: EngineId): string {
  return join(REAL_DIR, `catalog-${engine}.json`);
}

/** The release line a snapshot depends on: PostgreSQL's major version, else major.minor ('15', '10.11', '3.53', '1.5'). */
export function releaseLine(engine: EngineId, version: string | undefined): string {
  const m = /(\d+)(?:\.(\d+))?/.exec(version ?? '');
  if (!m) return '';
  return engine === 'postgres' ? m[1]! : `${m[1]}.${m[2] ?? '0'}`;
}

/** Which release line of each engine wrote the snapshots (catalog-versions.json). */
export const VERSIONS_PATH = join(REAL_DIR, 'catalog-versions.json');

export function fixtureSql(engine: EngineId): string {
  return readFileSync(join(REAL_DIR, `fixture-${engine}.sql`), 'utf8');
}

/** PostgreSQL: the fixture's database and its search path (set on the database, so every session has it). */
export const PG_DATABASE = 'sqlsh_real';
export const PG_SEARCH_PATH = 'public, shop, custom';
/** MariaDB: the current database of the session; the fixture creates it and two more. */
export const MYSQL_DATABASE = 'sqlsh_shop';

async function loadPostgres(): Promise<ConnectionTarget> {
  const server = await sharedPostgres();
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_DATABASE}`);
    await admin.query(`ALTER DATABASE ${PG_DATABASE} SET search_path = ${PG_SEARCH_PATH}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${PG_DATABASE}`;
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    await client.query(fixtureSql('postgres'));
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  return { engine: 'postgres', url: url.href };
}

async function loadMysql(): Promise<ConnectionTarget> {
  const server = await sharedMariadb();
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({
    host: server.host, port: server.port, user: server.user, password: server.password, multipleStatements: true,
  });
  try {
    await conn.query(fixtureSql('mysql'));
  } finally {
    await conn.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${MYSQL_DATABASE}`;
  return { engine: 'mysql', url: url.href };
}

function tempFile(name: string): { path: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-real-'));
  return { path: join(dir, name), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

async function loadSqlite(path: string): Promise<ConnectionTarget> {
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(path);
  try {
    db.exec(fixtureSql('sqlite'));
  } finally {
    db.close();
  }
  return { engine: 'sqlite', path };
}

async function loadDuckdb(path: string): Promise<ConnectionTarget> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  try {
    await conn.run(fixtureSql('duckdb'));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return { engine: 'duckdb', path };
}

export interface RealDatabase {
  readonly engine: EngineId;
  readonly target: ConnectionTarget;
  /** A sqlsh connection to it (the shell's engine code). */
  readonly connection: Connection;
  close(): Promise<void>;
}

/** Load the engine's fixture into a fresh database and connect to it. Throws when the server cannot start. */
export async function openRealDatabase(engine: EngineId): Promise<RealDatabase> {
  let dispose = (): void => {};
  let target: ConnectionTarget;
  if (engine === 'postgres') target = await loadPostgres();
  else if (engine === 'mysql') target = await loadMysql();
  else {
    const file = tempFile(engine === 'sqlite' ? 'real.db' : 'real.duckdb');
    dispose = file.dispose;
    target = engine === 'sqlite' ? await loadSqlite(file.path) : await loadDuckdb(file.path);
  }
  const connection = await (await engineById(engine).load()).connect(target);
  return {
    engine,
    target,
    connection,
    async close() {
      await connection.close();
      dispose();
    },
  };
}
