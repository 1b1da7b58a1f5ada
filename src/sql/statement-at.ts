/**
 * The statement the cursor is in, for a key that acts on one statement of the editor's buffer (F5
 * shows its plan). Pure: the buffer is split as the shell splits it.
 */
import type { LexOptions } from './dialect.js';
import { splitStatements, type SplitOptions, type Statement } from './splitter.js';

/**
 * The SQL statement whose segment holds `cursor` (in the blank after the last one: the last one);
 * undefined when that is a backslash command or there is no SQL at all.
 */
export function statementAt(text: string, cursor: number, lex: LexOptions, options?: SplitOptions): Statement | undefined {
  const all = splitStatements(text, lex, options).filter((s) => s.kind !== 'sql' || s.text.trim() !== '');
  if (all.length === 0) return undefined;
  const at = all.find((s) => cursor >= s.segmentStart && cursor < s.segmentEnd) ?? all.at(-1)!;
  // The cursor right after a statement's ';' (its segment ends there): that statement, not the next blank.
  const chosen = at.kind === 'sql' && at.text !== '' ? at : all.filter((s) => s.segmentEnd <= cursor).at(-1) ?? at;
  return chosen.kind === 'sql' && chosen.text.trim() !== '' ? chosen : undefined;
}
