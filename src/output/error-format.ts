/**
 * psql-like text for a failed statement:
 *
 *   [file:line: ]ERROR:  message
 *   LINE 3: SELECT nme FROM t
 *                  ^
 *   DETAIL:  ...
 *   HINT:  ...
 *
 * Everything from the engine is escaped for the terminal. The LINE shows the line of the
 * statement holding the error position, cut as psql cuts it (pointerLines); the caret is placed
 * by display width, so it is under the right character after wide characters. LINE numbers count from the
 * start of the file when source.line (the statement's first line) is given, else from 1.
 */
import { displayWidth, graphemes } from './display-width.js';
import { escapeForTerminal, escapeMessage } from './escape.js';
import type { NoticeExtra } from '../core/result.js';

export interface SqlErrorLike {
  readonly message: string;
  readonly position?: number;
  readonly detail?: string;
  readonly hint?: string;
  readonly code?: string;
  readonly context?: string;
  readonly location?: string;
  readonly internalQuery?: string;
  readonly internalPosition?: number;
}

export interface ErrorSource {
  /** The statement text the position refers to. */
  readonly text: string;
  /** 1-based line of the statement's first line in its file. */
  readonly line?: number;
  readonly file?: string;
  /** The FILE:LINE: prefix names `line` as it is (psql's: the line read when the statement ran), not the line of the error's position. */
  readonly lineAsRead?: boolean;
}

/** psql (libpq) shows at most this many cells of the line, keeping some after the position. */
const DISPLAY_SIZE = 60;
const MIN_RIGHT_CUT = 10;
const CUT = '...';

/**
 * psql's `LINE n: ...` and the caret under position in text; lineIndex: which line of text (0-based).
 * As libpq does it: a tab shows as one space, \r, \n and \r\n end a line, and a line wider than
 * DISPLAY_SIZE cells is cut at the right when the position stays MIN_RIGHT_CUT cells from the cut,
 * else cut MIN_RIGHT_CUT cells after the position and then at the left ('...' marks each cut).
 * Widths go by grapheme (so the caret stays under its character after wide ones and combining marks),
 * and control characters are escaped.
 */
function pointerLines(text: string, position: number): { lines: string[]; lineIndex: number } {
  const pos = Math.max(0, Math.min(position, text.length));
  let lineStart = 0;
  let lineIndex = 0;
  for (let i = 0; i < pos; i++) {
    const ch = text[i];
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' || i === 0 || text[i - 1] !== '\r') lineIndex++;
      lineStart = i + 1;
    }
  }
  let lineEnd = pos;
  while (lineEnd < text.length && text[lineEnd] !== '\r' && text[lineEnd] !== '\n') lineEnd++;
  // the line's pieces, each with its starting cell (col[k]); col[n] is the line's width
  const pieces: string[] = [];
  const col: number[] = [0];
  let loc = -1;
  let at = lineStart;
  for (const g of graphemes(text.slice(lineStart, lineEnd))) {
    if (loc < 0 && at + g.length > pos) loc = pieces.length;
    const shown = g === '\t' ? ' ' : escapeForTerminal(g);
    pieces.push(shown);
    col.push(col[col.length - 1]! + Math.max(1, displayWidth(shown)));
    at += g.length;
  }
  if (loc < 0) loc = pieces.length;
  let beg = 0;
  let end = pieces.length;
  let begCut = false;
  let endCut = false;
  if (col[end]! - col[beg]! > DISPLAY_SIZE) {
    if (col[beg]! + DISPLAY_SIZE >= col[loc]! + MIN_RIGHT_CUT) {
      while (col[end]! - col[beg]! > DISPLAY_SIZE) end--;
      endCut = true;
    } else {
      while (col[loc]! + MIN_RIGHT_CUT < col[end]!) {
        end--;
        endCut = true;
      }
      while (col[end]! - col[beg]! > DISPLAY_SIZE) {
        beg++;
        begCut = true;
      }
    }
  }
  const label = `LINE ${lineIndex + 1}: ${begCut ? CUT : ''}`;
  const shown = label + pieces.slice(beg, end).join('') + (endCut ? CUT : '');
  return { lines: [shown, ' '.repeat(displayWidth(label) + col[loc]! - col[beg]!) + '^'], lineIndex };
}

/**
 * A notice or warning as psql shows it: its severity and message, the statement's line with a caret
 * when the server gave a position, then the DETAIL and HINT lines the message carries.
 */
export function formatNotice(
  severity: string,
  message: string,
  position: number | undefined,
  source: ErrorSource | undefined,
  prefix = '',
  style?: ErrorStyle,
  extra?: NoticeExtra,
): string {
  const split = message.search(/\n(DETAIL|HINT): {2}/);
  const primary = split < 0 ? message : message.slice(0, split);
  const verbosity = style?.verbosity ?? 'default';
  // psql's VERBOSITY sqlstate: the notice's SQLSTATE alone (without one, as terse)
  if (verbosity === 'sqlstate' && extra?.code) return `${prefix}${severity}:  ${extra.code}`;
  if (verbosity === 'sqlstate' || verbosity === 'terse') return `${prefix}${severity}:  ${escapeMessage(primary)}`;
  const pointer = position !== undefined && position >= 0 && source ? pointerLines(source.text, position).lines : [];
  const code = verbosity === 'verbose' && extra?.code ? `${extra.code}: ` : '';
  const lines = [`${prefix}${severity}:  ${code}${escapeMessage(primary)}`, ...pointer];
  if (split >= 0) lines.push(escapeMessage(message.slice(split + 1)));
  // CONTEXT on a notice only with SHOW_CONTEXT always; the server's LOCATION with VERBOSITY verbose
  if (style?.noticeContext && extra?.context) lines.push(`CONTEXT:  ${escapeMessage(extra.context)}`);
  if (verbosity === 'verbose' && extra?.location) lines.push(`LOCATION:  ${escapeForTerminal(extra.location)}`);
  return lines.join('\n');
}

/** psql's VERBOSITY and SHOW_CONTEXT, as an error is printed with them. */
export interface ErrorStyle {
  /** default; verbose: the SQLSTATE and the server's LOCATION too; terse: the message alone (and "at character N"); sqlstate: the SQLSTATE alone. */
  readonly verbosity: 'default' | 'verbose' | 'terse' | 'sqlstate';
  /** CONTEXT is shown (psql's SHOW_CONTEXT other than never). */
  readonly context: boolean;
  /** A notice's or warning's CONTEXT is shown too (psql's SHOW_CONTEXT always). */
  readonly noticeContext?: boolean;
}

/**
 * An error as psql shows it: ERROR, the statement's line with a caret, DETAIL, HINT, CONTEXT.
 * verbose true (\errverbose): the SQLSTATE before the message and the server's LOCATION last, no file prefix.
 * A style: psql's VERBOSITY and SHOW_CONTEXT (the file prefix kept).
 */
export function formatSqlError(err: SqlErrorLike, source?: ErrorSource, verbose: boolean | ErrorStyle = false): string {
  if (typeof verbose === 'object' && verbose.verbosity !== 'default' && verbose.verbosity !== 'verbose') return briefError(err, source, verbose.verbosity);
  const showContext = typeof verbose === 'object' ? verbose.context : true;
  const location0 = typeof verbose === 'object' && verbose.verbosity === 'verbose';
  if (typeof verbose === 'object') verbose = verbose.verbosity === 'verbose';
  const lines: string[] = [];
  let location = '';
  let pointer: string[] = [];
  // an error inside server-side code points into that code's query (psql's LINE over QUERY)
  const internal = err.internalQuery !== undefined && err.internalPosition !== undefined;
  const pointAt = internal ? { text: err.internalQuery!, position: err.internalPosition! } : source && err.position !== undefined ? { text: source.text, position: err.position } : undefined;
  if (source && pointAt && pointAt.position >= 0) {
    const at = pointerLines(pointAt.text, pointAt.position);
    pointer = at.lines;
    // LINE n counts in the statement, as psql's; the file:LINE: prefix is the line in the file
    const lineNo = (source.line ?? 1) + (internal || source.lineAsRead ? 0 : at.lineIndex);
    if (source.file !== undefined) location = `${escapeForTerminal(source.file)}:${lineNo}: `;
  } else if (source?.file !== undefined) {
    location = `${escapeForTerminal(source.file)}:${source.line ?? 1}: `;
  }
  if (verbose && !location0) location = '';
  lines.push(`${location}ERROR:  ${verbose && err.code ? `${err.code}: ` : ''}${escapeMessage(err.message)}`);
  lines.push(...pointer);
  if (err.detail) lines.push(`DETAIL:  ${escapeMessage(err.detail)}`);
  if (err.hint) lines.push(`HINT:  ${escapeMessage(err.hint)}`);
  if (err.internalQuery !== undefined) lines.push(`QUERY:  ${escapeMessage(err.internalQuery)}`);
  if (err.context && showContext) lines.push(`CONTEXT:  ${escapeMessage(err.context)}`);
  if (verbose && err.location) lines.push(`LOCATION:  ${escapeForTerminal(err.location)}`);
  return lines.join('\n');
}

/** psql's VERBOSITY terse (the message, and where in the statement as "at character N") and sqlstate (the code alone). */
function briefError(err: SqlErrorLike, source: ErrorSource | undefined, verbosity: 'terse' | 'sqlstate'): string {
  const prefix = source?.file !== undefined ? `${escapeForTerminal(source.file)}:${source.line ?? 1}: ` : '';
  if (verbosity === 'sqlstate' && err.code) return `${prefix}ERROR:  ${err.code}`;
  const at = err.position ?? err.internalPosition;
  return `${prefix}ERROR:  ${escapeForTerminal(err.message, true)}${at !== undefined && at >= 0 ? ` at character ${at + 1}` : ''}`;
}

/**
 * An error as the sqlite3 shell writes it (for sqlite3 scripts and command lines). In a script:
 * `Parse error near line N: MSG` (the statement did not compile) or `Runtime error near line N: MSG (CODE)`,
 * where N is the line the statement starts on; for SQL given on the command line: `Error: in prepare, MSG`
 * or `Error: stepping, MSG (CODE)`. A result code above 1 follows the message; a compile error with a
 * position shows the statement around it with sqlite3's marker.
 */
export function sqlite3ErrorText(err: SqlErrorLike & { readonly phase?: 'prepare' | 'step'; readonly vendorCode?: number }, statement: string, line: number | undefined): string {
  const step = err.phase === 'step';
  let text = `${escapeForTerminal(err.message, true)}${(err.vendorCode ?? 1) > 1 ? ` (${err.vendorCode})` : ''}`;
  // (sqlite3 3.40 reports no position for a missing table)
  if (!step && err.position !== undefined && err.position >= 0 && !/^no such table/.test(err.message)) text += sqlite3ErrorContext(statement, err.position);
  if (line === undefined) return `Error: ${step ? 'stepping' : 'in prepare'}, ${text}`;
  return `${step ? 'Runtime' : 'Parse'} error near line ${line}: ${text}`;
}

/** sqlite3's context under a compile error: up to 78 bytes of the statement from at most 50 before the error, white space as spaces, and the marker under it. */
function sqlite3ErrorContext(statement: string, position: number): string {
  let bytes = Buffer.from(statement.slice(0, position), 'utf8').length;
  let code = Buffer.from(statement, 'utf8');
  // start at most 50 bytes before the error, on a character's first byte
  while (bytes > 50) {
    let cut = 1;
    while (cut < code.length && (code[cut]! & 0xc0) === 0x80) cut++;
    code = code.subarray(cut);
    bytes -= cut;
  }
  let len = Math.min(code.length, 78);
  while (len < code.length && len > 0 && (code[len]! & 0xc0) === 0x80) len--;
  const shown = escapeForTerminal(code.subarray(0, len).toString('utf8').replace(/\s/g, ' '), true);
  return bytes < 25 ? `\n  ${shown}\n  ${' '.repeat(bytes)}^--- error here` : `\n  ${shown}\n  ${' '.repeat(bytes - 14)}error here ---^`;
}
