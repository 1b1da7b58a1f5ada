/**
 * DuckDB error text to sqlsh errors. DuckDB writes "Parser Error: ...\n\nLINE 2:   2 from nosuch\n   ^":
 * the caret under an excerpt of the statement's line gives a 0-based position in the statement.
 */
import { CancelledError, SqlError } from '../../core/errors.js';

export function duckdbErrorPosition(sql: string, message: string): { position?: number; message: string } {
  const m = /\n*LINE (\d+): ([^\n]*)\n( *)\^\s*$/.exec(message);
  if (!m) return { message };
  const line = Number(m[1]);
  const excerpt = m[2]!;
  const caretCol = m[3]!.length - `LINE ${m[1]}: `.length;
  const stripped = message.slice(0, m.index).trimEnd();
  let lineStart = 0;
  for (let i = 1; i < line; i++) {
    const nl = sql.indexOf('\n', lineStart);
    if (nl < 0) return { message: stripped };
    lineStart = nl + 1;
  }
  const nl = sql.indexOf('\n', lineStart);
  const lineText = sql.slice(lineStart, nl < 0 ? sql.length : nl);
  // Long lines are shown as a window with '...' on either side.
  const lead = excerpt.startsWith('...') ? 3 : 0;
  const core = excerpt.slice(lead).replace(/\.\.\.$/, '');
  let at = lineText.indexOf(core);
  if (at < 0) at = lineText.indexOf(core.slice(0, 20));
  const position = lineStart + Math.max(0, (at < 0 ? 0 : at) + caretCol - lead);
  if (position > sql.length) return { message: stripped };
  return { position, message: stripped };
}

/** The error DuckDB raised for `sql`, as SqlError (with code = DuckDB's error type) or CancelledError. */
export function duckdbError(err: unknown, sql: string, cancelRequested: boolean): Error {
  const raw = err instanceof Error ? err.message : String(err);
  const text = raw.replace(/^Failed to (extract statements|execute prepared statement|prepare statement): /, '');
  if (cancelRequested || /^INTERRUPT Error/.test(text)) return new CancelledError();
  const type = /^([A-Za-z ]+?) Error: /.exec(text);
  const { position, message } = duckdbErrorPosition(sql, text);
  return new SqlError(message, {
    ...(type ? { code: type[1]!.toUpperCase().replace(/ /g, '_') } : {}),
    ...(position !== undefined ? { position } : {}),
    cause: err,
  });
}

/**
 * A streaming result that ended because of an error. @duckdb/node-api (1.5.5-r.5) ends such a stream
 * like a finished one (fetchChunk gives an empty chunk: duckdb_fetch_chunk returns NULL for both) and
 * does not expose duckdb_result_error; but duckdb_result_return_type reads that error and answers
 * DUCKDB_RESULT_TYPE_INVALID (0) for a failed result, so `returnType` read after the last chunk tells them apart.
 */
export function streamFailed(result: { readonly returnType: number }): boolean {
  return result.returnType === 0;
}

/** The error for a stream that failed (streamFailed) after `rows` rows: DuckDB's own message is out of reach. */
export function streamFailure(rows: number): SqlError {
  return new SqlError(
    `DuckDB stopped the query with an error after ${rows} row${rows === 1 ? '' : 's'}; ` +
      "the DuckDB Node.js binding does not pass on DuckDB's message (COPY (query) TO '/dev/null' shows it)",
  );
}
