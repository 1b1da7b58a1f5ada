/**
 * psql's FETCH_COUNT: a SELECT (or VALUES) runs through a cursor and its rows come FETCH_COUNT at a time,
 * as psql 15 sends them: BEGIN (outside a transaction), `DECLARE _psql_cursor NO SCROLL CURSOR FOR` and the
 * query on the next line (so the server's error positions are psql's: `LINE 2:`), `FETCH FORWARD n FROM
 * _psql_cursor` until a fetch brings fewer rows, then CLOSE and COMMIT (ROLLBACK after an error, whose CLOSE
 * fails unheard). An aligned table or expanded records are laid out a fetch at a time (widths per part, the
 * header once: ResultSegment); the other formats print as for the whole result. A failing fetch leaves
 * the parts printed before it, without footer.
 */
import type { ResultEvent } from '../core/result.js';
import type { ExecuteOptions } from '../engines/engine.js';
import type { RenderOptions, TextOutput } from '../output/sink.js';
import type { ExpandedMode } from '../output/create-sink.js';
import { renderEvents, type RenderedSummary, type RenderHooks } from './render-events.js';
import type { Session } from './session.js';
import type { LexOptions } from '../sql/dialect.js';
import { lexSignificant } from '../sql/lexer.js';

/**
 * A statement of the cursor's failed: its text is what the error's position points into. No error: psql's
 * failure without words (several statements sent at once, `a \\; b`: the DECLARE's request ended with rows).
 */
export class CursorStatementError extends Error {
  constructor(
    readonly error: unknown,
    readonly text: string,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

/** psql's test for a query it fetches through a cursor: its first word (after blanks, comments and left parentheses) is SELECT or VALUES. */
export function isSelectCommand(sql: string, lexOptions: LexOptions): boolean {
  // (the session's lexer skips the blanks and comments; psql also steps over opening parentheses)
  for (let max = 8; ; max *= 2) {
    const tokens = lexSignificant(sql, lexOptions, max);
    const first = tokens.find((t) => t.text !== '(');
    if (first) return first.type === 'word' && /^(select|values)$/i.test(first.text);
    if (tokens.length < max) return false;
  }
}

/** Whether an aligned table or records would take this result (laid out per part); else the part's rows go on in one result. */
function laidOutPerPart(options: RenderOptions & { expanded?: ExpandedMode }): boolean {
  if (options.format === 'expanded') return true;
  return options.format === 'table' && options.tableStyle !== 'markdown' && !options.mysqlTables;
}

async function drain(events: AsyncIterable<ResultEvent>, hooks: RenderHooks, into?: ResultEvent[]): Promise<{ rows: number; tuples: boolean }> {
  let rows = 0;
  let tuples = false;
  for await (const ev of events) {
    if (ev.type === 'notice') await hooks.notice(ev.message, ev.severity, ev.position, ev.extra);
    else {
      if (ev.type === 'columns') tuples = true;
      if (ev.type === 'rows') rows += ev.rows.length;
      into?.push(ev);
    }
  }
  return { rows, tuples };
}

async function* replay(events: readonly ResultEvent[]): AsyncIterable<ResultEvent> {
  yield* events;
}

/** Runs `sql` psql's way under FETCH_COUNT `count`, rendering as it fetches; the summary as renderEvents'. Throws CursorStatementError. */
export async function renderThroughCursor(
  session: Session,
  sql: string,
  count: number,
  out: TextOutput,
  options: RenderOptions & { expanded?: ExpandedMode },
  hooks: RenderHooks,
  execute: Omit<ExecuteOptions, 'copyData' | 'onCopyIn'>,
  /** Several statements in one request (psql's `a \\; b`): the DECLARE goes as psql sends it. */
  simpleQuery = false,
): Promise<RenderedSummary> {
  const conn = session.connection;
  const run = async (text: string, into?: ResultEvent[], simpleQuery = false) => {
    try {
      return await drain(conn.execute(text, simpleQuery ? { ...execute, simpleQuery } : execute), hooks, into);
    } catch (e) {
      throw new CursorStatementError(e, text);
    }
  };
  const started = conn.transactionStatus() === 'idle';
  if (started) await run('BEGIN');
  let failure: unknown;
  let total = 0;
  let resultSets = 0;
  let columns: number | undefined;
  try {
    const declare = `DECLARE _psql_cursor NO SCROLL CURSOR FOR\n${sql}`;
    if ((await run(declare, undefined, simpleQuery)).tuples) throw new CursorStatementError(undefined, declare);
    const fetch = `FETCH FORWARD ${count} FROM _psql_cursor`;
    if (laidOutPerPart(options)) {
      for (let part = 0; ; part++) {
        const events: ResultEvent[] = [];
        const { rows } = await run(fetch, events);
        const last = rows < count;
        const segment = { continued: part > 0, open: !last, priorRows: total };
        const shown = await renderEvents(replay([...events.filter((ev) => ev.type !== 'done'), { type: 'done' as const }]), out, { ...options, segment }, hooks);
        columns = shown.columns ?? columns;
        total += rows;
        if (last) break;
      }
      resultSets = 1;
    } else {
      // one result for the sink, its rows fetched in parts
      async function* parts(): AsyncIterable<ResultEvent> {
        for (let part = 0; ; part++) {
          const events: ResultEvent[] = [];
          const { rows } = await run(fetch, events);
          for (const ev of events) if (ev.type === 'rows' || (ev.type === 'columns' && part === 0)) yield ev;
          total += rows;
          if (rows < count) break;
        }
        yield { type: 'done' };
      }
      const shown = await renderEvents(parts(), out, options, hooks);
      columns = shown.columns;
      resultSets = shown.resultSets;
    }
  } catch (e) {
    failure = e;
  }
  // psql closes the cursor whatever happened (after an error the server refuses, unheard), then ends its transaction
  try {
    await run('CLOSE _psql_cursor');
  } catch (e) {
    failure ??= e;
  }
  if (started) {
    try {
      await run(failure === undefined ? 'COMMIT' : 'ROLLBACK');
    } catch (e) {
      failure ??= e;
    }
  }
  if (failure !== undefined) throw failure;
  return { rowCount: total, resultSets, ...(columns !== undefined ? { columns } : {}) };
}

/**
 * psql's \gset under FETCH_COUNT: the same cursor, one fetch of `count` rows (two: more than one is
 * \gset's error), its events as the query's; the transaction psql opened is committed when `ok` says the
 * rows were right, else rolled back.
 */
export async function* eventsThroughCursor(
  session: Session,
  sql: string,
  count: number,
  execute: Omit<ExecuteOptions, 'copyData' | 'onCopyIn'>,
  ok: (rows: number) => boolean,
): AsyncIterable<ResultEvent> {
  const conn = session.connection;
  const run = async (text: string, into?: ResultEvent[]): Promise<number> => {
    let rows = 0;
    try {
      for await (const ev of conn.execute(text, execute)) {
        if (ev.type === 'rows') rows += ev.rows.length;
        into?.push(ev);
      }
    } catch (e) {
      throw new CursorStatementError(e, text);
    }
    return rows;
  };
  const started = conn.transactionStatus() === 'idle';
  const events: ResultEvent[] = [];
  let failure: unknown;
  let rows = 0;
  if (started) await run('BEGIN', events);
  try {
    await run(`DECLARE _psql_cursor NO SCROLL CURSOR FOR\n${sql}`, events);
    rows = await run(`FETCH FORWARD ${count} FROM _psql_cursor`, events);
  } catch (e) {
    failure = e;
  }
  try {
    await run('CLOSE _psql_cursor');
  } catch (e) {
    failure ??= e;
  }
  if (started) {
    try {
      await run(failure === undefined && ok(rows) ? 'COMMIT' : 'ROLLBACK');
    } catch (e) {
      failure ??= e;
    }
  }
  // the notices, then the fetch's result (the statements' own results are not the query's)
  for (const ev of events) if (ev.type === 'notice') yield ev;
  if (failure !== undefined) throw failure;
  let fetched = false;
  for (const ev of events) {
    if (ev.type === 'columns') fetched = true;
    if (fetched && ev.type !== 'notice') yield ev;
  }
}
