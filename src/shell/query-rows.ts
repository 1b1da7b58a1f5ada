/**
 * Runs one statement and keeps its last result set as data instead of showing it (\gset, \gexec).
 * Errors are reported as runStatement reports them, and the special variables are set the same way.
 */
import { CancelledError, ConnectionLostError, SqlError, UsageError } from '../core/errors.js';
import type { ColumnInfo, Row } from '../core/result.js';
import { formatSqlError } from '../output/error-format.js';
import { escapeForTerminal } from '../output/escape.js';
import { loadDisplayWidth } from '../output/display-width.js';
import type { QueryRows, RunnerOptions } from '../meta/meta-command.js';
import { afterFailure, afterSuccess } from '../sql/variables.js';
import type { Session } from './session.js';

export async function queryRows(session: Session, sql: string, opts: RunnerOptions & { readonly line: number }): Promise<QueryRows | false | 'cancelled'> {
  const where = opts.source ? `${opts.source}:${opts.line}: ` : '';
  let columns: readonly ColumnInfo[] = [];
  let rows: Row[] = [];
  session.lastSql = sql;
  try {
    for await (const ev of session.connection.execute(sql, opts.signal ? { signal: opts.signal } : {})) {
      if (ev.type === 'columns') {
        columns = ev.columns;
        rows = [];
      } else if (ev.type === 'rows') rows.push(...ev.rows);
      else if (ev.type === 'notice') session.io.message(`${ev.severity ?? 'NOTICE'}:  ${escapeForTerminal(ev.message)}`);
    }
    session.variables = afterSuccess(session.variables, rows.length);
    return { columns, rows };
  } catch (e) {
    if (e instanceof CancelledError) {
      session.io.error(`${where}Cancelled: ${escapeForTerminal(e.message)}`);
      return 'cancelled';
    }
    if (e instanceof SqlError) {
      session.variables = afterFailure(session.variables, e.message, e.code);
      await loadDisplayWidth();
      session.io.error(formatSqlError(e, { text: sql, line: opts.line, file: opts.source }));
      return false;
    }
    if (e instanceof ConnectionLostError || e instanceof UsageError) {
      session.variables = afterFailure(session.variables, e.message, undefined);
      session.io.error(`${where}${escapeForTerminal(e.message)}`);
      return false;
    }
    throw e;
  }
}
