/**
 * Decides, from a statement's classification and the engine, whether a change can be previewed (run
 * inside a transaction or savepoint that is rolled back) and how: plain data, no I/O. A statement that
 * cannot be previewed safely gets the reason, for the named-object question instead.
 */
import type { StatementClass } from '../sql/classify.js';
import type { EngineId } from '../sql/dialect.js';
import { knownSideEffect } from './side-effects.js';

export type PreviewMode = 'destructive' | 'all' | 'off';
export const PREVIEW_MODES: readonly PreviewMode[] = Object.freeze(['destructive', 'all', 'off']);

export type TransactionState = 'idle' | 'in-transaction' | 'failed';

export type PreviewPlan =
  /** Not a change to preview: run it as it is. */
  | { readonly kind: 'none' }
  /**
   * Run inside a transaction we open ('transaction') or a savepoint in the user's ('savepoint');
   * 'none' only inside a dry run's own transaction on an engine without savepoints.
   */
  | {
      readonly kind: 'preview';
      readonly wrap: 'transaction' | 'savepoint' | 'none';
      /** Append RETURNING * to show the rows the statement writes (false: it has its own, or the engine has none). */
      readonly addReturning: boolean;
      /** The statement returns rows itself (RETURNING written by the user). */
      readonly ownReturning: boolean;
      /** Without RETURNING: show rows by a SELECT with the same WHERE ('before' for DELETE, 'after' otherwise). */
      readonly selectRows: 'before' | 'after' | 'none';
    }
  /** A change that cannot be previewed safely: ask by name (with a row count), and say why. */
  | {
      readonly kind: 'ask';
      readonly why: string;
      /** The only reason is DuckDB's missing savepoints (a dry run, one transaction already, may run it). */
      readonly noSavepoint?: true;
    };

export interface PlanInput {
  readonly cls: StatementClass;
  readonly engine: EngineId;
  readonly serverVersion?: string;
  readonly mode: PreviewMode;
  readonly transaction: TransactionState;
}

const FILE_VERBS = new Set(['COPY', 'LOAD', 'IMPORT', 'EXPORT']);

const ROW_VERBS = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'MERGE', 'UPSERT']);

/** Is this statement one the mode previews? */
export function wantsPreview(cls: StatementClass, mode: PreviewMode): boolean {
  if (mode === 'off') return false;
  if (mode === 'all') return cls.kind === 'dml' || (cls.kind === 'ddl' && !['GRANT', 'REVOKE', 'COMMENT'].includes(cls.keyword));
  if (cls.keyword === 'DELETE' || cls.keyword === 'UPDATE') return true;
  if ((cls.keyword === 'INSERT' || cls.keyword === 'REPLACE') && cls.change?.insertSelect) return true;
  return cls.destructive !== undefined;
}

function versionAtLeast(version: string | undefined, major: number, minor: number): boolean {
  const m = /(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a > major || (a === major && b >= minor);
}

/** Does the engine have RETURNING for this verb? */
function hasReturning(engine: EngineId, version: string | undefined, verb: string): boolean {
  if (!ROW_VERBS.has(verb) || verb === 'MERGE' || verb === 'UPSERT') return false;
  switch (engine) {
    case 'postgres':
      return verb !== 'REPLACE';
    case 'duckdb':
      return verb !== 'REPLACE';
    case 'sqlite':
      return versionAtLeast(version, 3, 35);
    case 'mysql':
      // MariaDB: DELETE ... RETURNING (10.0), INSERT/REPLACE ... RETURNING (10.5); never UPDATE; MySQL none.
      if (!/mariadb/i.test(version ?? '')) return false;
      return verb === 'DELETE' || ((verb === 'INSERT' || verb === 'REPLACE') && versionAtLeast(version, 10, 5));
  }
}

export function planPreview(input: PlanInput): PreviewPlan {
  const { cls, engine, mode, transaction } = input;
  if (!wantsPreview(cls, mode) || transaction === 'failed') return { kind: 'none' };
  if (FILE_VERBS.has(cls.keyword)) return { kind: 'ask', why: `${cls.keyword} reads or writes files outside the database, which a rollback cannot undo` };
  const effect = knownSideEffect(cls.change?.calls);
  if (effect) return { kind: 'ask', why: `it calls ${effect.name}(), whose effect a rollback does not undo (${effect.stays})` };
  if (engine === 'mysql' && cls.kind === 'ddl') {
    return { kind: 'ask', why: `MariaDB and MySQL commit ${cls.keyword} at once (an implicit COMMIT), so it cannot be tried and rolled back` };
  }
  if (engine === 'postgres' && cls.kind === 'ddl' && /^(DATABASE|TABLESPACE|SUBSCRIPTION)$/.test(cls.change?.objectKind ?? '')) {
    return { kind: 'ask', why: `PostgreSQL cannot run DROP ${cls.change?.objectKind} inside a transaction` };
  }
  if (engine === 'duckdb' && transaction === 'in-transaction') {
    return { kind: 'ask', why: 'DuckDB has no savepoints, so a preview inside your transaction could not be undone on its own', noSavepoint: true };
  }
  const wrap = transaction === 'in-transaction' ? 'savepoint' : 'transaction';
  const ownReturning = cls.change?.returning === true;
  const addReturning = !ownReturning && hasReturning(engine, input.serverVersion, cls.keyword);
  const rowsVerb = cls.keyword === 'DELETE' || cls.keyword === 'UPDATE';
  const selectRows = ownReturning || addReturning || !rowsVerb || !cls.change?.target ? 'none' : cls.keyword === 'DELETE' ? 'before' : 'after';
  return { kind: 'preview', wrap, addReturning, ownReturning, selectRows };
}
