/**
 * psql's AUTOCOMMIT and ON_ERROR_ROLLBACK, around each statement the session runs:
 * - `\set AUTOCOMMIT off`: a statement outside a transaction first opens one (BEGIN), except the
 *   statements that end or open one themselves or cannot run inside one (VACUUM, CREATE DATABASE ...);
 *   nothing is committed until COMMIT, and the prompt shows the open transaction.
 * - `\set ON_ERROR_ROLLBACK on` (or `interactive`, at the prompt only): inside a transaction each
 *   statement runs after a savepoint; when it fails, the transaction goes back to that savepoint and
 *   stays usable, so a later COMMIT keeps the statements that worked (psql's pg_psql_temporary_savepoint).
 * Neither is shown, echoed or kept in the history: they are psql's own, not the user's statements.
 */
import type { Session } from './session.js';
import { afterLeadingComments } from '../sql/lexer.js';
import type { StatementClass } from '../sql/classify.js';
import { specialSetting } from '../sql/special-variables.js';
import { parseBoolean } from '../sql/variables.js';

const SAVEPOINT = 'pg_psql_temporary_savepoint';

/** Statements psql never opens a transaction for (its command_no_begin). */
const NO_BEGIN =
  /^(abort|begin|start|commit|end|rollback|prepare\s+transaction|vacuum|create\s+(database|tablespace|subscription)|drop\s+(database|tablespace|subscription)|alter\s+system|discard\s+all|reindex\s+(database|system)|create\s+(unique\s+)?index\s+concurrently|drop\s+index\s+concurrently|cluster\s*(;|$)|set\s+transaction|set\s+session\s+characteristics)\b/i;

async function quietly(session: Session, sql: string, signal?: AbortSignal): Promise<void> {
  for await (const _ of session.connection.execute(sql, signal ? { signal } : {})) {
    // psql's own statement: nothing of it is shown
  }
}

/** What was done before a statement, for `after` to finish. */
export interface TransactionStep {
  readonly savepoint: boolean;
  readonly ownSavepoints?: boolean;
}

/** What psql does around each statement now: BEGIN first (AUTOCOMMIT off), a savepoint (ON_ERROR_ROLLBACK). */
function transactionSteps(session: Session): { readonly autocommitOff: boolean; readonly wantsSavepoint: boolean } {
  const vars = session.variables;
  const rollback = specialSetting(vars, 'ON_ERROR_ROLLBACK');
  return {
    autocommitOff: parseBoolean(specialSetting(vars, 'AUTOCOMMIT')) === false,
    wantsSavepoint: rollback === 'interactive' ? session.interactive : parseBoolean(rollback) === true,
  };
}

/** True when beforeStatement and afterStatement do nothing now (AUTOCOMMIT on, no ON_ERROR_ROLLBACK). */
export function noTransactionSteps(session: Session): boolean {
  const { autocommitOff, wantsSavepoint } = transactionSteps(session);
  return !autocommitOff && !wantsSavepoint;
}

/** Before a statement: BEGIN under AUTOCOMMIT off, the savepoint under ON_ERROR_ROLLBACK. */
export async function beforeStatement(session: Session, sql: string, cls: StatementClass, signal?: AbortSignal): Promise<TransactionStep> {
  const { autocommitOff, wantsSavepoint } = transactionSteps(session);
  if (!autocommitOff && !wantsSavepoint) return { savepoint: false };
  const head = afterLeadingComments(sql, session.lex).trimStart();
  if (autocommitOff && session.connection.transactionStatus() === 'idle' && !NO_BEGIN.test(head)) await quietly(session, 'BEGIN', signal);
  // as psql, before any statement in a transaction (COMMIT too); DuckDB has no savepoints
  const savepoint = wantsSavepoint && session.dialect.id !== 'duckdb' && session.connection.transactionStatus() === 'in-transaction';
  if (savepoint) await quietly(session, `SAVEPOINT ${SAVEPOINT}`, signal);
  // a statement that sets, releases or goes back to a savepoint itself leaves psql's alone afterwards
  return { savepoint, ownSavepoints: cls.transaction === 'savepoint' || cls.transaction === 'rollback' };
}

/** After it: the savepoint released when the statement worked, gone back to when it failed. */
export async function afterStatement(session: Session, step: TransactionStep, ok: boolean): Promise<void> {
  if (!step.savepoint || session.connection.transactionStatus() === 'idle' || (ok && step.ownSavepoints)) return;
  try {
    // psql's own statements, word for word (the server's log shows them)
    await quietly(session, ok ? `RELEASE ${SAVEPOINT}` : `ROLLBACK TO ${SAVEPOINT}`);
  } catch {
    // the statement itself ended the transaction or dropped the savepoint (COMMIT inside a function ...)
  }
}
