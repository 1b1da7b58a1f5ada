/**
 * The preview flow for one statement: plan → run in a transaction or savepoint → show what it would
 * do → ask `Commit N changes? [y/N/e(dit)]` → keep it, roll it back, or hand it back to the editor.
 * A statement that cannot be previewed gets the named-object question with a row count and the reason.
 * In a dry run nothing is asked: the effect is printed and kept only inside the dry-run transaction.
 */
import type { Connection } from '../engines/engine.js';
import type { ColumnInfo, Row } from '../core/result.js';
import { SqlError } from '../core/errors.js';
import type { StatementClass } from '../sql/classify.js';
import { planPreview, type PreviewMode, type PreviewPlan } from './preview-plan.js';
import { PreviewRefused, runPreview, tableRowCount, type PreviewResult } from './run-preview.js';
import { describeEffects, formatCount } from './describe-effects.js';
import { sequenceTaken, userFunctionEffect } from './side-effects.js';

export interface PreviewIO {
  message(text: string): void;
  /** Ask a question and return the answer as typed ('' on Ctrl-C); undefined: no terminal. */
  readonly ask?: (question: string) => Promise<string>;
  /** Show a few rows as a table. */
  showRows(columns: readonly ColumnInfo[], rows: readonly Row[]): Promise<void>;
}

export type PreviewOutcome =
  /** Not previewed (or the named question said yes): the caller runs the statement as usual. */
  | { readonly type: 'run'; readonly asked: boolean }
  /** Previewed and kept: the change is in the database (or in the user's transaction). */
  | { readonly type: 'committed'; readonly command?: string; readonly affected?: number }
  /** Rolled back or not run: nothing changed. */
  | { readonly type: 'declined' }
  /** Rolled back; the statement goes back to the editor. */
  | { readonly type: 'edit' };

function isYes(answer: string): boolean {
  return /^y(es)?$/i.test(answer.trim());
}

function targetTest(cls: StatementClass): (table: string) => boolean {
  const names = [cls.change?.target, ...(cls.change?.objects ?? [])].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  return (t) => names.some((n) => t.toLowerCase() === n || t.toLowerCase().endsWith(`.${n}`) || n.endsWith(`.${t.toLowerCase()}`));
}

/** "DROP TABLE deletes the table "orders" and all its rows (3,214 rows)" */
async function namedQuestion(conn: Connection, cls: StatementClass, why: string): Promise<string> {
  const what = cls.destructive?.reason ?? `${cls.keyword} changes ${cls.change?.target ? `"${cls.change.target}"` : 'the database'}`;
  const tables = cls.change?.objectKind === 'TABLE' ? cls.change.objects ?? [] : cls.change?.target ? [cls.change.target] : [];
  const counts: string[] = [];
  for (const t of tables) {
    const n = await tableRowCount(conn, t);
    if (n !== undefined) counts.push(tables.length > 1 ? `${t}: ${formatCount(n)}` : formatCount(n));
  }
  return `${what}${counts.length ? ` (${counts.join(', ')})` : ''}. Not previewed: ${why}. Run it? [y/N] `;
}

async function tryPreview(conn: Connection, sql: string, cls: StatementClass, plan: Extract<PreviewPlan, { kind: 'preview' }>, signal?: AbortSignal): Promise<PreviewResult> {
  try {
    return await runPreview(conn, sql, cls, plan, signal ? { signal } : {});
  } catch (e) {
    // The statement's own RETURNING-less form may still run (RETURNING in an odd place): try again without.
    if (!(e instanceof SqlError) || !plan.addReturning) throw e;
    const selectRows = cls.keyword === 'DELETE' ? 'before' : cls.keyword === 'UPDATE' ? 'after' : 'none';
    return runPreview(conn, sql, cls, { ...plan, addReturning: false, selectRows }, signal ? { signal } : {});
  }
}

export async function previewStatement(
  conn: Connection,
  sql: string,
  cls: StatementClass,
  options: { readonly mode: PreviewMode; readonly io: PreviewIO; readonly signal?: AbortSignal },
): Promise<PreviewOutcome> {
  const { io } = options;
  const plan = planPreview({ cls, engine: conn.dialect.id, serverVersion: conn.info.serverVersion, mode: options.mode, transaction: conn.transactionStatus() });
  if (plan.kind === 'none') return { type: 'run', asked: false };
  const askNamed = async (why: string): Promise<PreviewOutcome> => {
    if (!io.ask) return { type: 'declined' };
    const yes = isYes(await io.ask(await namedQuestion(conn, cls, why)));
    if (!yes) io.message('Nothing was changed.');
    return yes ? { type: 'run', asked: true } : { type: 'declined' };
  };
  if (plan.kind === 'ask') return askNamed(plan.why);
  // The user's own functions: one that calls something a rollback cannot undo is asked by name too.
  const inFunction = await userFunctionEffect(conn, cls.change?.calls, options.signal);
  if (inFunction) return askNamed(inFunction);
  // What the rollback will not give back (sequence numbers an INSERT takes), said with "Nothing was changed".
  const taken = await sequenceTaken(conn, cls, options.signal);
  const nothing = taken ? `Nothing was changed, except that ${taken}.` : 'Nothing was changed.';
  let result: PreviewResult;
  try {
    result = await tryPreview(conn, sql, cls, plan, options.signal);
  } catch (e) {
    if (e instanceof PreviewRefused) return askNamed(e.message);
    throw e;
  }
  try {
    io.message(`Preview (${plan.wrap === 'savepoint' ? 'in a savepoint of your transaction' : 'in a transaction'}, not committed):`);
    for (const line of describeEffects(result.effects, targetTest(cls))) io.message(line);
    if (result.rows && result.rows.columns.length > 0) {
      const n = result.rows.rows.length;
      const more = result.rows.more > 0 ? ` (the first ${n.toLocaleString('en-US')} of ${(n + result.rows.more).toLocaleString('en-US')})` : result.rows.more < 0 ? ` (the first ${n})` : '';
      io.message(`${result.rows.label[0]?.toUpperCase()}${result.rows.label.slice(1)}${more}:`);
      await io.showRows(result.rows.columns, result.rows.rows);
    }
  } catch (e) {
    await result.finish(false).catch(() => undefined);
    throw e;
  }
  const question = result.total > 0 ? `Commit ${result.total.toLocaleString('en-US')} change${result.total === 1 ? '' : 's'}? [y/N/e(dit)] ` : 'Commit this change? [y/N/e(dit)] ';
  const answer = io.ask ? (await io.ask(question)).trim().toLowerCase() : '';
  if (answer === 'y' || answer === 'yes') {
    await result.finish(true);
    return { type: 'committed', ...(result.command !== undefined ? { command: result.command } : {}), ...(result.affected !== undefined ? { affected: result.affected } : {}) };
  }
  await result.finish(false);
  if (answer === 'e' || answer === 'edit') {
    io.message(`${nothing.slice(0, -1)}; the statement is back in the editor.`);
    return { type: 'edit' };
  }
  io.message(nothing);
  return { type: 'declined' };
}
