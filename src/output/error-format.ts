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
 * statement holding the error position, tabs expanded (stops of 8) and windowed to about 80
 * cells around the position ('...' marks a cut); the caret is placed by display width, so it
 * is under the right character after wide characters and tabs. LINE numbers count from the
 * start of the file when source.line (the statement's first line) is given, else from 1.
 */
import { displayWidth, graphemes } from './display-width.js';
import { escapeForTerminal } from './escape.js';

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
}

const WINDOW = 80;
const CUT = '...';

/** Expands tabs (stops of 8 from column startCol) and escapes control characters; returns text and end column. */
function renderSegment(text: string, startCol: number): { text: string; col: number } {
  let out = '';
  let col = startCol;
  for (const part of text.split('\t').entries()) {
    const [i, piece] = part;
    if (i > 0) {
      const spaces = 8 - (col % 8);
      out += ' '.repeat(spaces);
      col += spaces;
    }
    const safe = escapeForTerminal(piece);
    out += safe;
    col += displayWidth(safe);
  }
  return { text: out, col };
}

/** Cuts display text so that it keeps cells [from, from + width), marking cuts with '...'. */
function windowLine(prefix: string, prefixWidth: number, rest: string): { text: string; caret: number } {
  const total = prefixWidth + displayWidth(rest);
  if (total <= WINDOW) return { text: prefix + rest, caret: prefixWidth };
  let head = prefix;
  let caret = prefixWidth;
  const keepBefore = WINDOW / 2;
  if (prefixWidth > keepBefore && total > WINDOW) {
    // Drop leading graphemes until the caret is about in the middle (or the tail fits).
    const drop = Math.min(prefixWidth - keepBefore, total - WINDOW + CUT.length);
    const gs = graphemes(prefix);
    let dropped = 0;
    let k = 0;
    while (k < gs.length && dropped < drop) dropped += displayWidth(gs[k++]!);
    head = CUT + gs.slice(k).join('');
    caret = prefixWidth - dropped + CUT.length;
  }
  let tail = rest;
  if (caret + displayWidth(rest) > WINDOW) {
    const room = Math.max(1, WINDOW - caret - CUT.length);
    let used = 0;
    tail = '';
    for (const g of graphemes(rest)) {
      const w = displayWidth(g);
      if (used + w > room) break;
      tail += g;
      used += w;
    }
    tail += CUT;
  }
  return { text: head + tail, caret };
}

/** psql's `LINE n: ...` and the caret under position in text; lineIndex: which line of text (0-based). */
function pointerLines(text: string, position: number): { lines: string[]; lineIndex: number } {
  const pos = Math.min(position, text.length);
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  let lineEnd = text.indexOf('\n', pos);
  if (lineEnd < 0) lineEnd = text.length;
  let lineIndex = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) lineIndex++;
  const raw = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const before = renderSegment(raw.slice(0, pos - lineStart), 0);
  const after = renderSegment(raw.slice(pos - lineStart), before.col);
  const { text: shown, caret } = windowLine(before.text, before.col, after.text);
  const label = `LINE ${lineIndex + 1}: `;
  return { lines: [label + shown, ' '.repeat(label.length + caret) + '^'], lineIndex };
}

/**
 * A notice or warning as psql shows it: its severity and message, the statement's line with a caret
 * when the server gave a position, then the DETAIL and HINT lines the message carries.
 */
export function formatNotice(severity: string, message: string, position: number | undefined, source: ErrorSource | undefined, prefix = ''): string {
  const split = message.search(/\n(DETAIL|HINT): {2}/);
  const primary = split < 0 ? message : message.slice(0, split);
  const pointer = position !== undefined && position >= 0 && source ? pointerLines(source.text, position).lines : [];
  const lines = [`${prefix}${severity}:  ${escapeForTerminal(primary, true)}`, ...pointer];
  if (split >= 0) lines.push(escapeForTerminal(message.slice(split + 1), true));
  return lines.join('\n');
}

/**
 * An error as psql shows it: ERROR, the statement's line with a caret, DETAIL, HINT, CONTEXT.
 * verbose (\errverbose): the SQLSTATE before the message and the server's LOCATION last, no file prefix.
 */
export function formatSqlError(err: SqlErrorLike, source?: ErrorSource, verbose = false): string {
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
    const lineNo = (source.line ?? 1) + (internal ? 0 : at.lineIndex);
    if (source.file !== undefined) location = `${escapeForTerminal(source.file)}:${lineNo}: `;
  } else if (source?.file !== undefined) {
    location = `${escapeForTerminal(source.file)}:${source.line ?? 1}: `;
  }
  if (verbose) location = '';
  lines.push(`${location}ERROR:  ${verbose && err.code ? `${err.code}: ` : ''}${escapeForTerminal(err.message, true)}`);
  lines.push(...pointer);
  if (err.detail) lines.push(`DETAIL:  ${escapeForTerminal(err.detail, true)}`);
  if (err.hint) lines.push(`HINT:  ${escapeForTerminal(err.hint, true)}`);
  if (err.internalQuery !== undefined) lines.push(`QUERY:  ${escapeForTerminal(err.internalQuery, true)}`);
  if (err.context) lines.push(`CONTEXT:  ${escapeForTerminal(err.context, true)}`);
  if (verbose && err.location) lines.push(`LOCATION:  ${escapeForTerminal(err.location)}`);
  return lines.join('\n');
}
