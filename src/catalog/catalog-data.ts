/**
 * What an engine's introspection returns: the database's objects as plain, immutable data.
 * Few queries for the whole database, never one per table. The completion engine and \d read it.
 */

export type RelationKind = 'table' | 'view' | 'materialized-view' | 'foreign-table' | 'system-table' | 'table-function';

export interface ColumnDef {
  readonly name: string;
  /** Type as the engine shows it: 'integer', 'character varying(20)', 'DECIMAL(10,2)'. */
  readonly type: string;
  readonly nullable: boolean;
  /** Default expression text, when there is one. */
  readonly default?: string;
  readonly comment?: string;
  /** The column's collation when it is not its type's default (PostgreSQL: COLLATE "C"). */
  readonly collation?: string;
}

export interface RelationDef {
  /** Schema name; '' for engines without schemas. SQLite: 'main' (or the attached database name). */
  readonly schema: string;
  readonly name: string;
  readonly kind: RelationKind;
  readonly columns: readonly ColumnDef[];
  /** Primary key column names in key order; empty when none. */
  readonly primaryKey: readonly string[];
  readonly comment?: string;
  /** Approximate row count or size in bytes, when cheap to get. */
  readonly estimatedRows?: number;
  readonly sizeBytes?: number;
  /** The role that owns it, on engines with owners (PostgreSQL). */
  readonly owner?: string;
  /** PostgreSQL's UNLOGGED (psql's \\d says "Unlogged table"). */
  readonly unlogged?: boolean;
  /** A partitioned table (PostgreSQL): psql lists it as 'partitioned table'. */
  readonly partitioned?: boolean;
}

export interface ForeignKeyDef {
  readonly name?: string;
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly string[];
  readonly refSchema: string;
  readonly refTable: string;
  readonly refColumns: readonly string[];
  readonly onDelete?: string;
  readonly onUpdate?: string;
}

export interface IndexDef {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /** Column names or expressions, in index order. */
  readonly columns: readonly string[];
  readonly unique: boolean;
  readonly primary: boolean;
  /** Full definition text when the engine gives one ('CREATE INDEX ... USING btree (...)'). */
  readonly definition?: string;
  /** A unique index made by a UNIQUE constraint, not by CREATE UNIQUE INDEX (psql's "UNIQUE CONSTRAINT"). */
  readonly constraint?: boolean;
  /** An index on a partitioned table (PostgreSQL): psql's 'partitioned index'. */
  readonly partitioned?: boolean;
}

export interface FunctionDef {
  readonly schema: string;
  readonly name: string;
  readonly kind: 'function' | 'aggregate' | 'window' | 'table' | 'procedure';
  /** Argument list text: 'integer, text'. */
  readonly args?: string;
  readonly returns?: string;
  /**
   * Output columns of a set-returning / table function (RETURNS TABLE(...), SETOF a composite type or a
   * table's row type, OUT parameters), so `FROM f(...) x` completes `x.`. Absent when unknown or scalar.
   */
  readonly columns?: readonly { readonly name: string; readonly type: string }[];
}

/** A user-defined (or notable built-in) data type, with its schema, for `::`, CAST, column definitions. */
export interface TypeDef {
  /** Schema name; '' for engines without schemas. */
  readonly schema: string;
  /** Exact name as stored (case preserved). */
  readonly name: string;
  readonly kind: 'enum' | 'composite' | 'domain' | 'range' | 'base' | 'other';
  /** Short extra for the menu: enum labels, a domain's base type, a composite's fields. */
  readonly detail?: string;
}

export interface CatalogData {
  readonly schemas: readonly string[];
  /** Schemas whose objects are visible unqualified, in lookup order (PostgreSQL search_path; 'main' in SQLite). */
  readonly searchPath: readonly string[];
  readonly relations: readonly RelationDef[];
  readonly foreignKeys: readonly ForeignKeyDef[];
  readonly indexes: readonly IndexDef[];
  /** User-defined and built-in functions visible in the database (the dialect also lists built-ins). */
  readonly functions: readonly FunctionDef[];
  /** User-defined type names (enums, domains, composite types), schema-qualified where not in the search path. */
  readonly datatypes: readonly string[];
  /** User-defined types with their schema and kind (richer than `datatypes`; optional for older snapshots). */
  readonly types?: readonly TypeDef[];
  /**
   * How the engine compares names that were written without quotes. PostgreSQL: folds to lower case, then
   * compares exactly (quoted names are exact). MySQL/MariaDB: table and schema names are compared exactly when
   * lower_case_table_names = 0 (`tableNamesCaseSensitive: true`), column names never. SQLite, DuckDB: case-insensitive.
   * Absent: the dialect's default.
   */
  readonly tableNamesCaseSensitive?: boolean;
  /** Other databases on the server, for \c and \l. */
  readonly databases: readonly string[];
  /** Sequences (PostgreSQL, DuckDB), for DROP / ALTER SEQUENCE and nextval('...') (optional for older snapshots). */
  readonly sequences?: readonly { readonly schema: string; readonly name: string }[];
  /** Roles (PostgreSQL), for GRANT ... TO, SET ROLE, OWNER TO, \du (optional for older snapshots). */
  readonly roles?: readonly string[];
  /** The extensions the server has (PostgreSQL), installed or not, for CREATE / DROP / ALTER EXTENSION. */
  readonly extensions?: readonly { readonly name: string; readonly installed: boolean }[];
  /** The collations the server knows (COLLATE |), with their character set on MySQL/MariaDB (optional for older snapshots). */
  readonly collations?: readonly { readonly name: string; readonly charset?: string }[];
  /** The character sets (MySQL/MariaDB: CHARACTER SET |, SET NAMES |, CONVERT(x USING |)). */
  readonly charsets?: readonly string[];
  /**
   * What the engine could not read (a catalog the role may not see, or one a PostgreSQL/MySQL-compatible
   * server lacks), in words: 'functions (pg_proc)'. The shell says it once; the rest of the catalog works.
   */
  readonly missing?: readonly string[];
}

export const EMPTY_CATALOG_DATA: CatalogData = Object.freeze({
  schemas: [],
  searchPath: [],
  relations: [],
  foreignKeys: [],
  indexes: [],
  functions: [],
  datatypes: [],
  databases: [],
});
