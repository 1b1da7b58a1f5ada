/** \h: short syntax reminders for common statements, per engine. Written for sqlsh, deliberately brief. */
import type { EngineId } from '../sql/dialect.js';

type PerEngine = string | Partial<Record<EngineId, string>> & { readonly all?: string };

interface Topic {
  readonly name: string;
  readonly summary: string;
  readonly syntax: PerEngine;
}

const UPSERT: Partial<Record<EngineId, string>> = {
  sqlite: '  ... ON CONFLICT (col) DO UPDATE SET col = excluded.col | DO NOTHING',
  postgres: '  ... ON CONFLICT (col) DO UPDATE SET col = EXCLUDED.col | DO NOTHING',
  duckdb: '  ... ON CONFLICT (col) DO UPDATE SET col = EXCLUDED.col | DO NOTHING   (or INSERT OR REPLACE)',
  mysql: '  ... ON DUPLICATE KEY UPDATE col = VALUES(col)   (or REPLACE INTO ...)',
};

const TOPICS: readonly Topic[] = [
  {
    name: 'SELECT',
    summary: 'read rows',
    syntax: `[WITH name AS (query) [, ...]]
SELECT [DISTINCT] expr [AS alias] [, ...]
  FROM table [AS t] [[LEFT|RIGHT|FULL|CROSS] JOIN other ON condition] ...
  [WHERE condition]
  [GROUP BY expr [, ...] [HAVING condition]]
  [ORDER BY expr [ASC|DESC] [, ...]]
  [LIMIT count [OFFSET skip]]`,
  },
  {
    name: 'INSERT',
    summary: 'add rows',
    syntax: {
      all: `INSERT INTO table [(col [, ...])]
  VALUES (value [, ...]) [, (...)] | SELECT ...`,
      sqlite: 'INSERT [OR REPLACE|IGNORE] INTO table [(col [, ...])]\n  VALUES (value [, ...]) [, (...)] | SELECT ... | DEFAULT VALUES\n  [RETURNING expr [, ...]]',
      postgres: 'INSERT INTO table [(col [, ...])]\n  VALUES (value [, ...]) [, (...)] | SELECT ... | DEFAULT VALUES\n  [RETURNING expr [, ...]]',
      duckdb: 'INSERT [OR REPLACE|IGNORE] INTO table [(col [, ...])]\n  VALUES (value [, ...]) [, (...)] | SELECT ... | DEFAULT VALUES\n  [RETURNING expr [, ...]]',
    },
  },
  { name: 'UPSERT', summary: 'insert or update on a key conflict', syntax: { ...UPSERT, all: 'INSERT INTO table (cols) VALUES (...)' } },
  {
    name: 'UPDATE',
    summary: 'change rows',
    syntax: {
      all: 'UPDATE table SET col = expr [, ...]\n  [FROM other] [WHERE condition]\n  [RETURNING expr [, ...]]',
      mysql: 'UPDATE table [JOIN other ON ...] SET col = expr [, ...]\n  [WHERE condition] [ORDER BY ...] [LIMIT n]',
    },
  },
  {
    name: 'DELETE',
    summary: 'remove rows',
    syntax: {
      all: 'DELETE FROM table [WHERE condition] [RETURNING expr [, ...]]',
      mysql: 'DELETE FROM table [WHERE condition] [ORDER BY ...] [LIMIT n]',
    },
  },
  {
    name: 'CREATE TABLE',
    summary: 'define a table',
    syntax: `CREATE [TEMP] TABLE [IF NOT EXISTS] name (
  col type [NOT NULL] [DEFAULT expr] [PRIMARY KEY] [UNIQUE] [CHECK (expr)]
           [REFERENCES other (col) [ON DELETE CASCADE|SET NULL]],
  ...,
  [PRIMARY KEY (col, ...)], [FOREIGN KEY (col) REFERENCES other (col)]
)
CREATE TABLE name AS SELECT ...`,
  },
  {
    name: 'ALTER TABLE',
    summary: 'change a table',
    syntax: {
      all: `ALTER TABLE name ADD [COLUMN] col type [constraints]
ALTER TABLE name DROP [COLUMN] col
ALTER TABLE name RENAME [COLUMN] old TO new
ALTER TABLE name RENAME TO new_name
ALTER TABLE name ALTER [COLUMN] col [SET DATA] TYPE type | SET DEFAULT expr | DROP NOT NULL`,
      sqlite: `ALTER TABLE name ADD [COLUMN] col type [constraints]
ALTER TABLE name DROP [COLUMN] col
ALTER TABLE name RENAME [COLUMN] old TO new
ALTER TABLE name RENAME TO new_name
(SQLite cannot change a column's type: create a new table and copy the rows.)`,
      mysql: `ALTER TABLE name ADD [COLUMN] col type [FIRST|AFTER other]
ALTER TABLE name DROP [COLUMN] col
ALTER TABLE name MODIFY [COLUMN] col type [constraints]
ALTER TABLE name CHANGE [COLUMN] old new type
ALTER TABLE name RENAME [TO] new_name
ALTER TABLE name ADD INDEX idx (col) | DROP INDEX idx`,
    },
  },
  { name: 'DROP TABLE', summary: 'remove a table and its rows', syntax: { all: 'DROP TABLE [IF EXISTS] name [, ...]', postgres: 'DROP TABLE [IF EXISTS] name [, ...] [CASCADE]' } },
  {
    name: 'CREATE INDEX',
    summary: 'speed up lookups',
    syntax: {
      all: 'CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (col [ASC|DESC] [, ...]) [WHERE condition]',
      postgres: 'CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON table [USING btree|hash|gin|gist] (col [, ...])\n  [INCLUDE (col, ...)] [WHERE condition]',
      mysql: 'CREATE [UNIQUE|FULLTEXT] INDEX name ON table (col [(length)] [ASC|DESC] [, ...])',
      duckdb: 'CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (col [, ...])',
    },
  },
  { name: 'DROP INDEX', summary: 'remove an index', syntax: { all: 'DROP INDEX [IF EXISTS] name', mysql: 'DROP INDEX name ON table' } },
  {
    name: 'CREATE VIEW',
    summary: 'name a query',
    syntax: { all: 'CREATE [OR REPLACE] VIEW name [(col, ...)] AS SELECT ...', sqlite: 'CREATE [TEMP] VIEW [IF NOT EXISTS] name [(col, ...)] AS SELECT ...', postgres: 'CREATE [OR REPLACE] [MATERIALIZED] VIEW name [(col, ...)] AS SELECT ...' },
  },
  {
    name: 'WITH',
    summary: 'common table expressions',
    syntax: 'WITH [RECURSIVE] name [(col, ...)] AS (query) [, ...]\nSELECT ... FROM name ...',
  },
  {
    name: 'BEGIN',
    summary: 'transactions',
    syntax: {
      all: 'BEGIN;  ...  COMMIT;   (or ROLLBACK;)\nSAVEPOINT name;  ROLLBACK TO SAVEPOINT name;  RELEASE SAVEPOINT name;',
      mysql: 'START TRANSACTION;  ...  COMMIT;   (or ROLLBACK;)\nSAVEPOINT name;  ROLLBACK TO SAVEPOINT name;',
      sqlite: 'BEGIN [DEFERRED|IMMEDIATE|EXCLUSIVE];  ...  COMMIT;   (or ROLLBACK;)\nSAVEPOINT name;  ROLLBACK TO name;  RELEASE name;',
    },
  },
  {
    name: 'EXPLAIN',
    summary: 'show the query plan',
    syntax: {
      all: 'EXPLAIN query',
      sqlite: 'EXPLAIN QUERY PLAN query',
      postgres: 'EXPLAIN [(ANALYZE, BUFFERS, FORMAT text|json)] query',
      duckdb: 'EXPLAIN [ANALYZE] query',
      mysql: 'EXPLAIN [ANALYZE] [FORMAT=TREE|JSON] query',
    },
  },
  {
    name: 'COPY',
    summary: 'bulk load or export (server side; \\copy works on this computer)',
    syntax: {
      postgres: "COPY table [(col, ...)] FROM 'server-file' | STDIN [WITH (FORMAT csv, HEADER)]\nCOPY (query) TO 'server-file' [WITH (FORMAT csv, HEADER)]",
      duckdb: "COPY table FROM 'file.csv' [(FORMAT csv, HEADER)]\nCOPY (query) TO 'file.parquet' (FORMAT parquet)\nSELECT * FROM read_csv('file.csv')",
    },
  },
  { name: 'PRAGMA', summary: 'SQLite settings and metadata', syntax: { sqlite: 'PRAGMA name;  PRAGMA name = value;  PRAGMA table_info(table);  PRAGMA foreign_keys = ON;' } },
  { name: 'SHOW', summary: 'server metadata', syntax: { mysql: 'SHOW DATABASES | TABLES | COLUMNS FROM t | INDEX FROM t | CREATE TABLE t | VARIABLES LIKE ...', postgres: 'SHOW setting;  SHOW ALL;', duckdb: 'SHOW TABLES;  SHOW ALL TABLES;  DESCRIBE table;' } },
  { name: 'VACUUM', summary: 'reclaim space', syntax: { sqlite: 'VACUUM [schema] [INTO \'file\']', postgres: 'VACUUM [FULL] [ANALYZE] [table]', duckdb: 'VACUUM [ANALYZE] [table]' } },
];

function syntaxFor(t: Topic, engine: EngineId): string | undefined {
  if (typeof t.syntax === 'string') return t.syntax;
  return t.syntax[engine] ?? t.syntax.all;
}

const ENGINE_NAMES: Readonly<Record<EngineId, string>> = { sqlite: 'SQLite', postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB', duckdb: 'DuckDB' };

export function sqlHelpText(engine: EngineId, keyword: string): { ok: boolean; text: string } {
  const available = TOPICS.filter((t) => syntaxFor(t, engine) !== undefined);
  const k = keyword.trim().replace(/\s+/g, ' ').replace(/;$/, '').toUpperCase();
  if (k === '' || k === '*') {
    const width = Math.max(...available.map((t) => t.name.length)) + 2;
    return { ok: true, text: `SQL help for ${ENGINE_NAMES[engine]}: \\h STATEMENT\n${available.map((t) => `  ${t.name.padEnd(width)}${t.summary}`).join('\n')}\n` };
  }
  const matches = available.filter((t) => t.name === k).concat(available.filter((t) => t.name !== k && (t.name.startsWith(k) || k.startsWith(t.name))));
  if (matches.length === 0) {
    const other = TOPICS.find((t) => t.name === k);
    if (other) return { ok: false, text: `${k} is not a ${ENGINE_NAMES[engine]} statement (\\h lists the topics)` };
    return { ok: false, text: `no help for ${JSON.stringify(keyword)}; topics: ${available.map((t) => t.name).join(', ')}` };
  }
  const t = matches[0]!;
  return { ok: true, text: `${t.name}: ${t.summary} (${ENGINE_NAMES[engine]})\n${syntaxFor(t, engine)!}\n` };
}
