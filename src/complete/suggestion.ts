/** Stage 1's answer: the kinds of thing expected at the cursor, computed from the text alone. */
import type { FunctionDef, RelationKind } from '../catalog/catalog-data.js';
import type { TypePosition } from './type-positions.js';
import type { TypeFamily } from './type-family.js';

type FunctionKind = FunctionDef['kind'];

/** A table reference found in the text (FROM/JOIN/UPDATE/INTO, a CTE, or a derived table). */
export interface TableRef {
  readonly schema?: string;
  /** Name as written, unquoted ('' for a derived table without an alias). */
  readonly name: string;
  readonly alias?: string;
  /** Which parts were written in quotes (compared exactly where the engine folds unquoted names). */
  readonly quoted?: { readonly name?: boolean; readonly schema?: boolean; readonly alias?: boolean };
  /** The reference exactly as written (`custom."Users"`, `U`): how inserted text refers back to it. */
  readonly written?: string;
  /** The alias exactly as written. */
  readonly aliasWritten?: string;
  /** The target of INSERT INTO (out of scope in the SELECT of INSERT ... SELECT). */
  readonly intoTarget?: boolean;
  /** 'cte' and 'subquery' carry their own columns; 'table' columns come from the catalog. */
  readonly kind: 'table' | 'cte' | 'subquery' | 'function';
  /** Output column names of a CTE or derived table, as far as the text tells. */
  readonly columns?: readonly string[];
  /** Tables whose columns a `*` in a CTE's or derived table's select list brings in. */
  readonly starFrom?: readonly TableRef[];
  /** Offset of the reference in the text (to tell tables before the cursor from tables after it). */
  readonly offset: number;
}

/**
 * What tells an operand's type: the column it is compared with (`t.price > |`: `qualifier` t), the argument of a
 * call it is (`round(|`: index 0), or a family the syntax fixes (`EXTRACT(YEAR FROM |`).
 */
export type OperandFit =
  | { readonly column: string; readonly qualifier?: string; /** The query around a subquery, where the column is (`a IN (SELECT |`). */ readonly in?: readonly TableRef[] }
  | { readonly call: string; readonly schema?: string; readonly index: number }
  | { readonly family: TypeFamily };

export type Suggestion =
  | {
      readonly kind: 'keyword'; readonly preferred?: readonly string[]; readonly only?: boolean;
      /** Preferred words rank with functions, after the names in scope. */ readonly secondary?: boolean;
      /** Preferred words rank before the names (FROM (|: a subquery's SELECT before the tables). */ readonly first?: boolean;
    }
  /** `suffix`: written after each name (MySQL's GRANT ... ON db.*). */
  | {
      readonly kind: 'schema'; readonly suffix?: string;
      /** Written as a string literal (SET SCHEMA 'name'); `bare`: the name alone, inside a string already typed. */
      readonly string?: boolean; readonly bare?: boolean;
    }
  | {
      readonly kind: 'relation';
      readonly schema?: string;
      readonly schemaQuoted?: boolean;
      readonly ctes?: readonly TableRef[];
      readonly tableFunctions?: boolean;
      /** Only these kinds (TRUNCATE: tables; DROP VIEW: views). */
      readonly kinds?: readonly RelationKind[];
      /** Columns the select list names bare before FROM: relations that have them all rank first. */
      readonly holding?: readonly string[];
    }
  /** `alsoIn`: only the columns that one of these tables has too (USING); `secondary`: after the other names in scope (an ON condition's references and conditions). */
  | {
      readonly kind: 'column'; readonly tables: readonly TableRef[]; readonly qualified?: boolean; readonly alsoIn?: readonly TableRef[]; readonly secondary?: boolean;
      /** Names a list already holds (INSERT INTO t (a, |, USING (a, |): not offered again. */
      readonly exclude?: readonly string[];
      /** The type the operand should have: columns of that type rank first (src/complete/type-family.ts). */
      readonly fits?: OperandFit;
    }
  /**
   * `SELECT *|` or `SELECT t.*|`: the columns the star stands for, written out (one candidate, which replaces the
   * star from `from`); `qualifier`: the table reference of `t.*`.
   */
  | { readonly kind: 'star'; readonly tables: readonly TableRef[]; readonly from: number; readonly qualifier?: TableRef }
  /** `schema`: after `JOIN schema.`, only that schema's partners, written without it (it is typed already). */
  | { readonly kind: 'join'; readonly tables: readonly TableRef[]; readonly schema?: string; readonly schemaQuoted?: boolean }
  | { readonly kind: 'join-condition'; readonly tables: readonly TableRef[]; readonly right?: TableRef }
  /** `user`: only the user's functions (DROP FUNCTION); `kinds`: only these (CALL: procedures; DROP AGGREGATE: aggregates). */
  | { readonly kind: 'function'; readonly schema?: string; readonly schemaQuoted?: boolean; readonly user?: boolean; readonly kinds?: readonly FunctionKind[] }
  /** `user`: only user-defined types (DROP TYPE). */
  | { readonly kind: 'datatype'; readonly schema?: string; readonly schemaQuoted?: boolean; readonly user?: boolean; readonly position?: TypePosition }
  /** `first`: ranked with the names in scope (an ON condition, where columns are written qualified). */
  | { readonly kind: 'alias'; readonly tables: readonly TableRef[]; readonly first?: boolean }
  | { readonly kind: 'database' }
  /** Sequences (DROP / ALTER SEQUENCE |), those of one schema when qualified. */
  | { readonly kind: 'sequence'; readonly schema?: string; readonly schemaQuoted?: boolean }
  /** COLLATE |: the server's collations (those of `charset` first, when one was named). */
  | { readonly kind: 'collation'; readonly charset?: string }
  /** CHARACTER SET |, SET NAMES |, CONVERT(x USING |): the server's character sets; `introducer`: as MySQL's `_utf8mb4'...'` prefixes. */
  | { readonly kind: 'charset'; readonly introducer?: boolean }
  /** `col = |`, `col IN (|`: the labels of the column's ENUM type, when it has one (`qualifier`: the `t.` written before it). */
  | { readonly kind: 'enum-value'; readonly tables: readonly TableRef[]; readonly column: string; readonly qualifier?: string }
  /** PostgreSQL's extensions: those not yet installed first (CREATE EXTENSION), or only the installed ones (DROP, ALTER). */
  | { readonly kind: 'extension'; readonly installed?: boolean }
  /** Roles (GRANT ... TO, SET ROLE, OWNER TO); `special`: also PUBLIC / CURRENT_USER and the like where they fit. */
  | { readonly kind: 'role'; readonly special?: readonly string[] }
  /** Index names (DROP INDEX |, ALTER INDEX |, REINDEX INDEX |), those of one schema when qualified. */
  | { readonly kind: 'index'; readonly schema?: string; readonly schemaQuoted?: boolean; /** DROP INDEX: not those a constraint owns. */ readonly droppable?: boolean }
  /** A table's constraints by name (ALTER TABLE t DROP CONSTRAINT |); `foreign`: its foreign keys, `index`: its indexes (MySQL). */
  | { readonly kind: 'constraint'; readonly table: TableRef; readonly which: 'all' | 'foreign' | 'index' }
  /** `dot`: the sqlite3 shell's dot-commands (SQLite), not the backslash commands. */
  | { readonly kind: 'meta-command'; readonly dot?: boolean }
  | { readonly kind: 'meta-arg'; readonly command: string }
  | { readonly kind: 'file-path' };

/** Where the word being completed lies, and what has been typed of it. */
export interface WordAtCursor {
  /** Replacement range: the whole word under the cursor (including an opening quote). */
  readonly start: number;
  readonly end: number;
  /** What is typed before the cursor, without the opening quote. */
  readonly prefix: string;
  /** The user opened a quote: the completion must be quoted. */
  readonly quoted: boolean;
}

export interface SuggestResult {
  readonly word: WordAtCursor;
  readonly suggestions: readonly Suggestion[];
}
