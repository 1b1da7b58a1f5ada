/**
 * --dry-run: every change in a script runs inside one transaction that is rolled back at the end
 * (each change in a savepoint, kept for the statements after it), and what each one did is printed.
 * Queries and SET run as usual; transaction control and statements that cannot roll back are not run.
 */
import type { Connection } from '../engines/engine.js';
import type { StatementClass } from '../sql/classify.js';
import { planPreview } from './preview-plan.js';
import { userFunctionEffect } from './side-effects.js';
import { PreviewRefused, runPreview } from './run-preview.js';
import { describeEffects } from './describe-effects.js';

/** 'run': run it as usual (a query); 'done': previewed or skipped, with its lines printed. */
export async function dryRunStatement(
  conn: Connection,
  sql: string,
  cls: StatementClass,
  io: { print(line: string): Promise<void> | void; label: string },
  signal?: AbortSignal,
): Promise<'run' | 'done'> {
  if (cls.kind === 'query' || cls.kind === 'session') return 'run';
  // The statement's first line, as every engine shows it (PostgreSQL's text keeps psql's `;`).
  const head = `-- ${io.label}${(sql.trim().split('\n')[0] ?? '').replace(/\s*;\s*$/, '').slice(0, 100)}`;
  if (cls.kind === 'transaction' || cls.kind === 'other') {
    await io.print(`${head}\n  not run in a dry run (${cls.kind === 'transaction' ? 'transaction control: the dry run is one transaction' : 'it may not roll back'})`);
    return 'done';
  }
  if (conn.transactionStatus() === 'failed') {
    await io.print(`${head}\n  not run: an earlier statement failed, and the dry run's transaction with it`);
    return 'done';
  }
  if (conn.transactionStatus() === 'idle') for await (const e of conn.execute(conn.dialect.id === 'mysql' ? 'START TRANSACTION' : 'BEGIN')) void e;
  const plan = planPreview({ cls, engine: conn.dialect.id, serverVersion: conn.info.serverVersion, mode: 'all', transaction: conn.transactionStatus() });
  // The user's own functions are checked as in the preview: one that acts outside the database is not run.
  const inFunction = plan.kind !== 'none' ? await userFunctionEffect(conn, cls.change?.calls, signal) : undefined;
  const previewPlan = inFunction ? undefined
    : plan.kind === 'preview' ? plan
    : plan.kind === 'ask' && plan.noSavepoint ? { kind: 'preview' as const, wrap: 'none' as const, addReturning: false, ownReturning: false, selectRows: 'none' as const }
    : undefined;
  if (!previewPlan) {
    await io.print(`${head}\n  not run: ${inFunction ?? (plan.kind === 'ask' ? plan.why : 'nothing to preview')}`);
    return 'done';
  }
  try {
    const r = await runPreview(conn, sql, cls, { ...previewPlan, addReturning: false, selectRows: 'none' }, signal ? { signal } : {});
    const names = [cls.change?.target, ...(cls.change?.objects ?? [])].filter((n): n is string => !!n).map((n) => n.toLowerCase());
    await io.print([`${head}`, ...describeEffects(r.effects, (t) => names.some((n) => t.toLowerCase() === n || t.toLowerCase().endsWith(`.${n}`)))].join('\n'));
    // Kept inside the dry run's transaction, so the statements after it see it; rolled back at the end.
    await r.finish(true);
  } catch (e) {
    if (e instanceof PreviewRefused) {
      await io.print(`${head}\n  not run: ${e.message}`);
      return 'done';
    }
    throw e;
  }
  return 'done';
}

/** Ends a dry run: rolls back everything the script did. */
export async function endDryRun(conn: Connection): Promise<void> {
  if (conn.transactionStatus() === 'idle') return;
  for await (const e of conn.execute('ROLLBACK')) void e;
}
