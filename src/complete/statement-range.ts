/**
 * The statement under the cursor, as a range of the text, found by the shared splitter (so MySQL
 * `DELIMITER //` scripts, trigger and procedure `BEGIN ... END` bodies, dollar quotes and backslash
 * commands are scoped exactly as they will run). Inside a block body, the range narrows to the inner
 * statement (`BEGIN UPDATE u SET | ; END` -> `UPDATE u SET |`).
 */
import type { SqlDialect } from '../sql/dialect.js';
import { splitStatements } from '../sql/splitter.js';
import type { Token } from '../sql/token.js';

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

const BLOCK_OBJECTS = new Set(['TRIGGER', 'PROCEDURE', 'FUNCTION', 'EVENT']);

/** The range [start, end) of the SQL statement that holds position `pos` (the start of the word being completed). */
export function statementRange(text: string, pos: number, dialect: SqlDialect): TextRange {
  // (`USE db` typed at the prompt is completed as the statement it is)
  const stmts = splitStatements(text, dialect.lex, { mysqlDelimiterCommand: dialect.id === 'mysql', mysqlLineCommands: false });
  for (const s of stmts) {
    if (pos < s.segmentStart || pos >= s.segmentEnd) continue;
    // a terminated statement ends at its last SQL token (its terminator is not part of it); an open one at the segment end
    if (s.kind !== 'sql') return { start: pos, end: pos };
    return { start: s.segmentStart, end: s.complete && s.text !== '' ? Math.max(s.end, Math.min(pos, s.segmentEnd)) : s.segmentEnd };
  }
  // at the very end: inside the last statement when it is still open, else a new empty one
  const last = stmts[stmts.length - 1];
  if (last && last.kind === 'sql' && !last.complete) return { start: last.segmentStart, end: text.length };
  return { start: text.length, end: text.length };
}

const isWord = (t: Token | undefined, w: string): boolean => t !== undefined && t.type === 'word' && t.text.toUpperCase() === w;

/**
 * Narrow significant tokens of a statement to the inner statement of a CREATE TRIGGER/PROCEDURE/FUNCTION/EVENT
 * body that holds the cursor: from just after the last BEGIN or `;` of the body before `before` to the next `;`.
 * Returns [from, to) indexes into `sig`, or undefined when the cursor is not inside such a body.
 */
export function blockBodyRange(sig: readonly Token[], before: number): { from: number; to: number } | undefined {
  if (!isWord(sig[0], 'CREATE')) return undefined;
  let kindAt = -1;
  for (let i = 1; i < Math.min(sig.length, 8); i++) {
    if (sig[i]!.type === 'word' && BLOCK_OBJECTS.has(sig[i]!.text.toUpperCase())) {
      kindAt = i;
      break;
    }
  }
  if (kindAt < 0) return undefined;
  let begin = -1;
  for (let i = kindAt + 1; i < before; i++) {
    if (isWord(sig[i], 'BEGIN')) {
      begin = i;
      break;
    }
  }
  if (begin < 0) return undefined;
  let from = begin + 1;
  if (isWord(sig[from], 'ATOMIC') && from < before) from++;
  for (let i = before - 1; i > begin; i--) {
    const t = sig[i]!;
    if ((t.type === 'punct' && t.text === ';') || isWord(t, 'BEGIN')) {
      from = i + 1;
      break;
    }
  }
  let to = sig.length;
  for (let i = before; i < sig.length; i++) {
    if (sig[i]!.type === 'punct' && sig[i]!.text === ';') {
      to = i;
      break;
    }
  }
  return { from, to };
}
