/** The engine table: every engine in one place, each loaded only when used. */
import type { EngineId, SqlDialect } from '../sql/dialect.js';
import type { Engine, EngineDescriptor } from './engine.js';

export const ENGINES: readonly EngineDescriptor[] = Object.freeze([
  {
    id: 'sqlite',
    name: 'SQLite',
    schemes: ['sqlite', 'sqlite3', 'file'],
    shortSchemes: ['sq'],
    fileExtensions: ['.db', '.sqlite', '.sqlite3', '.db3'],
    load: async (): Promise<Engine> => (await import('./sqlite/sqlite-engine.js')).sqliteEngine,
    dialect: async (): Promise<SqlDialect> => (await import('../sql/dialects/sqlite.js')).sqliteDialect,
  },
  {
    id: 'postgres',
    name: 'PostgreSQL',
    schemes: ['postgres', 'postgresql', 'pg'],
    shortSchemes: ['pgsql'],
    fileExtensions: [],
    load: async (): Promise<Engine> => (await import('./ssh/with-ssh.js')).withSsh((await import('./postgres/postgres-engine.js')).postgresEngine),
    dialect: async (): Promise<SqlDialect> => (await import('../sql/dialects/postgres.js')).postgresDialect,
  },
  {
    id: 'mysql',
    name: 'MySQL/MariaDB',
    schemes: ['mysql', 'mariadb'],
    shortSchemes: ['my', 'maria'],
    fileExtensions: [],
    load: async (): Promise<Engine> => (await import('./ssh/with-ssh.js')).withSsh((await import('./mysql/mysql-engine.js')).mysqlEngine),
    dialect: async (): Promise<SqlDialect> => (await import('../sql/dialects/mysql.js')).mysqlDialect,
  },
  {
    id: 'duckdb',
    name: 'DuckDB',
    schemes: ['duckdb'],
    shortSchemes: ['dk'],
    fileExtensions: ['.duckdb', '.ddb'],
    load: async (): Promise<Engine> => (await import('./duckdb/duckdb-engine.js')).duckdbEngine,
    dialect: async (): Promise<SqlDialect> => (await import('../sql/dialects/duckdb.js')).duckdbDialect,
  },
] satisfies EngineDescriptor[]);

export function engineById(id: EngineId): EngineDescriptor {
  const d = ENGINES.find((e) => e.id === id);
  if (!d) throw new Error(`unknown engine '${id}'`);
  return d;
}

export function engineByScheme(scheme: string): EngineDescriptor | undefined {
  const s = scheme.toLowerCase();
  return ENGINES.find((e) => e.schemes.includes(s) || e.shortSchemes?.includes(s));
}
