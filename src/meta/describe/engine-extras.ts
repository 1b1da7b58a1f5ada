/**
 * What \d needs beyond the catalog, asked of each engine with a few small queries: check
 * constraints, triggers, view definitions, sizes, sequences, roles, databases, extensions.
 * A missing method means "this engine has no such thing": `missing` says why, in one line.
 */
import type { IndexDef } from '../../catalog/catalog-data.js';
import type { EngineId } from '../../sql/dialect.js';
import type { MetaTable } from '../meta-command.js';
import type { Querier } from './query-rows.js';

export interface SequenceRow {
  readonly schema: string;
  readonly name: string;
  readonly type?: string;
  readonly owner?: string;
}

/** A row of a list command, with the (schema, name) it is matched on. */
export interface NamedRow {
  readonly schema: string;
  readonly name: string;
  readonly row: readonly string[];
  /** The server's own word on whether the name reaches it unqualified (PostgreSQL's pg_*_is_visible), where it gave one. */
  readonly visible?: boolean;
}

export interface EngineExtras {
  /** One-line reasons, for commands that do not apply ('SQLite has no extensions...'). */
  readonly missing: Partial<Record<'sequences' | 'roles' | 'extensions' | 'matviews' | 'types' | 'triggers' | 'functions' | 'privileges', string>>;
  /** Schemas hidden without S. */
  readonly systemSchemas: readonly string[];
  /** \d TABLE has psql's Collation column (PostgreSQL: a collation other than the type's own). */
  readonly collationColumn?: boolean;
  /**
   * psql's rules: with S the lists still show only what the search path reaches (pg_catalog, not
   * information_schema), and a catalog table's type is 'table' (elsewhere 'system table').
   */
  readonly psqlVisibility?: boolean;
  /** Comments on user-defined types by `${schema}.${name}` (\dT's Description column). */
  typeDescriptions?(q: Querier): Promise<ReadonlyMap<string, string>>;
  /** The owner of each schema by name (\dn's Owner column). */
  schemaOwners?(q: Querier): Promise<ReadonlyMap<string, string>>;
  /** Check constraints of a table, each as text: 'name CHECK (expr)' or 'CHECK (expr)'. */
  checks?(q: Querier, schema: string, table: string): Promise<readonly string[]>;
  /** Triggers of a table, each as its definition. */
  triggers?(q: Querier, schema: string, table: string): Promise<readonly string[]>;
  viewDefinition?(q: Querier, schema: string, name: string): Promise<string | undefined>;
  /** \\d+ (psql 15): each column's storage, compression and statistics target, the table's access method. */
  storage?(q: Querier, schema: string, name: string): Promise<{
    readonly columns: ReadonlyMap<string, { readonly storage: string; readonly compression: string; readonly statsTarget: string }>;
    readonly accessMethod: string;
    /** The server has per-column compression (PostgreSQL 14+). */
    readonly compression: boolean;
  }>;
  /**
   * \\password: the statement that sets USER's password (the current user's when undefined), with the
   * password hashed here where the server takes a hash, and the user it names.
   */
  passwordChange?(q: Querier, user: string | undefined, password: string): Promise<{ readonly user: string; readonly sql: string }>;
  /** \\sf and \\sv: the CREATE OR REPLACE text of one function or view, found as the server finds the name (throws the server's error). */
  source?(q: Querier, kind: 'function' | 'view', name: string): Promise<string>;
  /** Every index of one table, read now: for tables the catalog keeps no indexes of (PostgreSQL's system tables). */
  tableIndexes?(q: Querier, schema: string, table: string): Promise<readonly IndexDef[]>;
  /** Full index definitions of one table by index name, when the catalog left them out (it does on big databases). */
  indexDefinitions?(q: Querier, schema: string, table: string): Promise<ReadonlyMap<string, string>>;
  /** Sizes in bytes by `${schema}.${name}` (tables and indexes), when cheap. */
  sizes?(q: Querier): Promise<ReadonlyMap<string, number>>;
  sequences?(q: Querier): Promise<readonly SequenceRow[]>;
  /** plus: psql's + columns too. */
  roles?(q: Querier, plus?: boolean): Promise<MetaTable>;
  /**
   * psql's + columns of the relation lists (\\dt+, \\d+, \\di+ ...) by `${schema}.${name}`: persistence,
   * access method, size (pg_size_pretty of pg_table_size) and description.
   */
  verboseColumns?(q: Querier): Promise<ReadonlyMap<string, { readonly persistence: string; readonly method: string; readonly size: string; readonly description: string }>>;
  /** \\d SEQUENCE: psql's Type | Start | Minimum | Maximum | Increment | Cycles? | Cache, and what owns it. */
  describeSequence?(q: Querier, schema: string, name: string): Promise<MetaTable>;
  /** Composite types (PostgreSQL's CREATE TYPE t AS (...)), for \\d PATTERN, which describes them too. */
  compositeTypes?(q: Querier): Promise<readonly { readonly schema: string; readonly name: string }[]>;
  /** \\d COMPOSITE: psql's Column | Type | Collation | Nullable | Default (+: Storage, Description). */
  describeComposite?(q: Querier, schema: string, name: string, plus: boolean): Promise<MetaTable>;
  /**
   * \\d TABLE on PostgreSQL: psql's further sections, each a list of whole lines (heading included):
   * the title's kind when it is not the catalog's (Partitioned table), what goes right after the
   * columns (Partition of, Partition key), Policies, Statistics objects, Publications, the inheritance
   * lines (Inherits, Number of partitions, Partitions, Child tables) and, with +, Replica Identity.
   */
  tableDetails?(q: Querier, schema: string, name: string, plus: boolean): Promise<TableDetails>;
  /**
   * \\d INDEX on PostgreSQL: psql's rows (Column, Type, Key?, Definition), its title's kind, the lines before
   * the index's kind and table (a partition's Partition of) and after it (its partitions; with +, its access method).
   */
  indexDetails?(q: Querier, schema: string, name: string, plus?: boolean): Promise<{
    readonly title: string;
    readonly rows: readonly (readonly string[])[];
    readonly before?: readonly string[];
    readonly after: readonly string[];
  }>;
  /**
   * \\d+ on PostgreSQL, of any relation: a view's rules (psql's Rules: under its definition, each a line in) and
   * the storage options psql prints last (`Options: fillfactor=70`).
   */
  verboseDetails?(q: Querier, schema: string, name: string): Promise<{ readonly viewRules: readonly string[]; readonly options?: string }>;
  /** \\dconfig: each server setting, its value, and whether it differs from the server's built-in default. */
  settings?(q: Querier): Promise<readonly { readonly name: string; readonly value: string; readonly changed: boolean; readonly type?: string; readonly context?: string; readonly privileges?: string }[]>;
  /** \\dD: each domain's schema, name, base type, collation, nullability, default and checks. */
  domains?(q: Querier, plus?: boolean): Promise<readonly NamedRow[]>;
  /** \\dp: each relation's schema, name, type, privileges, column privileges and policies. */
  privileges?(q: Querier): Promise<readonly NamedRow[]>;
  databases?(q: Querier, plus?: boolean): Promise<MetaTable>;
  /** \\dx+: the objects each extension matching the pattern installed, one table each. */
  extensionObjects?(q: Querier, pattern: string | undefined): Promise<readonly MetaTable[]>;
  extensions?(q: Querier): Promise<MetaTable>;
}

export interface TableDetails {
  readonly title?: string;
  /** Per column, a further column psql shows after Default (a foreign table's FDW options). */
  readonly columnExtra?: { readonly name: string; readonly values: ReadonlyMap<string, string> };
  readonly afterColumns: readonly string[];
  /** psql's index lines (CLUSTER, DEFERRABLE, EXCLUDE ...), replacing the catalog's, when given. */
  readonly indexLines?: readonly string[];
  readonly rules?: readonly string[];
  /** psql's trigger sections (Triggers:, Disabled user triggers: ...), replacing the plain list, when given. */
  readonly triggers?: readonly string[];
  readonly policies: readonly string[];
  readonly statistics: readonly string[];
  readonly publications: readonly string[];
  readonly inheritance: readonly string[];
  readonly replicaIdentity: readonly string[];
}

export async function engineExtras(engine: EngineId): Promise<EngineExtras> {
  switch (engine) {
    case 'sqlite':
      return (await import('./sqlite-extras.js')).sqliteExtras;
    case 'duckdb':
      return (await import('./duckdb-extras.js')).duckdbExtras;
    case 'postgres':
      return (await import('./postgres-extras.js')).postgresExtras;
    case 'mysql':
      return (await import('./mysql-extras.js')).mysqlExtras;
  }
}
