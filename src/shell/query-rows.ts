/**
 * Runs one statement and keeps its last result set as data instead of showing it (\gset, \gexec), or
 * streams it into a sink (\chart).
 * Errors are reported as runStatement reports them, and the special variables are set the same way.
 */
import { CancelledError, ConnectionLostError, SqlError, UsageError } from '../core/errors.js';
import type { ColumnInfo, Row } from '../core/result.js';
import { formatNotice, formatSqlError } from '../output/error-format.js';
import type { ResultSink } from '../output/sink.js';
import { escapeForTerminal } from '../output/escape.js';
import { loadDisplayWidth } from '../output/display-width.js';
import type { QueryRows, RunnerOptions } from '../meta/meta-command.js';
import { afterSuccess } from '../sql/variables.js';
import type { Session } from './session.js';
import { afterStatement, beforeStatement } from './psql-transaction.js';
import { errorStyle } from './error-style.js';
import { classifyStatement } from '../sql/classify.js';
import { specialSetting } from '../sql/special-variables.js';
import { CursorStatementError, eventsThroughCursor, isSelectCommand } from './psql-cursor.js';

export async function queryRows(session: Session, sql: string, opts: RunnerOptions & { readonly line: number; readonly describeOnly?: boolean; readonly gset?: boolean }): Promise<QueryRows | false | 'cancelled'> {
  let columns: readonly ColumnInfo[] = [];
  let rows: Row[] = [];
  const r = await queryInto(session, sql, opts, {
    begin(c) {
      columns = c;
      rows = [];
    },
    rows(batch) {
      rows.push(...batch);
    },
    end() {},
  });
  return r === true ? { columns, rows } : r;
}

/** Runs one statement, its result sets streamed into `sink` (\chart); true: ran, false: failed (error printed). */
export async function queryInto(session: Session, sql: string, opts: RunnerOptions & { readonly line: number; readonly describeOnly?: boolean; readonly gset?: boolean }, sink: ResultSink): Promise<boolean | 'cancelled'> {
  const where = opts.source ? `${opts.source}:${opts.line}: ` : '';
  session.lastSql = sql;
  // psql's AUTOCOMMIT off and ON_ERROR_ROLLBACK hold for \gset and \gexec's query too (not for \gdesc, which runs nothing)
  const step = opts.describeOnly ? undefined : await beforeStatement(session, sql, classifyStatement(sql, session.dialect), opts.signal);
  const r = await queryIntoStep(session, sql, opts, sink, where);
  if (step) await afterStatement(session, step, r === true);
  return r;
}

async function queryIntoStep(session: Session, sql: string, opts: RunnerOptions & { readonly line: number; readonly describeOnly?: boolean; readonly gset?: boolean }, sink: ResultSink, where: string): Promise<boolean | 'cancelled'> {
  let count = 0;
  const execute = { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.describeOnly ? { describeOnly: true } : {}) };
  // psql's FETCH_COUNT: \\gset's SELECT goes through a cursor, one fetch of two rows (psql-cursor.ts)
  const viaCursor = opts.gset && session.dialect.id === 'postgres' && Number.parseInt(specialSetting(session.variables, 'FETCH_COUNT'), 10) > 0 && isSelectCommand(sql, session.lex);
  try {
    for await (const ev of viaCursor ? eventsThroughCursor(session, sql, 2, execute, (rows) => rows === 1) : session.connection.execute(sql, execute)) {
      if (ev.type === 'columns') {
        await sink.begin(ev.columns);
        count = 0;
      } else if (ev.type === 'rows') {
        count += ev.rows.length;
        await sink.rows(ev.rows);
      } else if (ev.type === 'notice') session.io.message(formatNotice(ev.severity ?? 'NOTICE', ev.message, ev.position, { text: sql }, where, errorStyle(session), ev.extra));
      else if (ev.type === 'done') await sink.end({ rowCount: count, ...(ev.command !== undefined ? { command: ev.command } : {}), ...(ev.affected !== undefined ? { affected: ev.affected } : {}) });
    }
    session.variables = afterSuccess(session.variables, count);
    return true;
  } catch (e) {
    if (e instanceof CancelledError) {
      session.io.error(`${where}Cancelled: ${escapeForTerminal(e.message)}`);
      return 'cancelled';
    }
    // (a statement of psql's cursor: the error points into its text)
    if (e instanceof CursorStatementError) [e, sql] = [e.error, e.text];
    if (e instanceof SqlError) {
      session.noteFailure(e, sql);
      await loadDisplayWidth();
      session.io.error(formatSqlError(e, { text: sql, line: opts.line, file: opts.source, lineAsRead: session.dialect.id === 'postgres' }, errorStyle(session)));
      return false;
    }
    if (e instanceof ConnectionLostError || e instanceof UsageError) {
      session.noteFailure(e);
      session.io.error(`${where}${escapeForTerminal(e.message)}`);
      return false;
    }
    throw e;
  }
}
