/**
 * When the completion menu opens by itself while typing (Tab always opens it): while the user is typing
 * a word (an identifier, keyword or meta-command name, at least one character, not a number), right after
 * a `.` (a qualified name), and where a name is expected as pgcli opens it: after a space that follows a
 * word introducing names (`FROM `, `JOIN `, `ON `, `WHERE `, `SELECT `, `AND `, `BY `, `SET `...), after
 * `, `, after the `(` of a column list (`INSERT INTO t (`, `USING (`), and after a `\` that starts a line. Not while naming an alias after AS,
 * and not after a complete operand (`select a `), a number, an operator or a closing parenthesis.
 * (Inside strings and comments the engine offers nothing, so no menu opens there either.)
 */
import type { Completion } from '../complete/completion.js';
import type { Document } from './document.js';

const WORD_BEFORE = /[\p{L}\p{N}_$]+$/u;
const AFTER_AS = /(?:^|[^\p{L}\p{N}_$])as\s+["`[]?$/iu;
const NUMBER_DOT = /(?:^|[^\p{L}\p{N}_$])\d+\.$/u;
/** A word after which a name is expected, then at least one space (at the end of the text before the cursor). */
const NAME_EXPECTED = /(?:^|[^\p{L}\p{N}_$"`\].])(select|from|join|on|where|and|or|by|set|into|update|table|having|using|distinct|truncate|describe|returning|when|then|else)\s+$/iu;
/** `, ` (a list goes on), or the `(` of a column list / USING. */
const LIST_GOES_ON = /,[ \t]+$/;
const COLUMN_LIST = /(?:\binto\s+[\p{L}\p{N}_$."`\[\]]+\s*\(\s*|\busing\s*\(\s*)$/iu;
/** A backslash that starts a line: the backslash commands, with their one-line help. */
const META_START = /(?:^|\n)[ \t]*\\$/;

export function shouldCompleteWhileTyping(doc: Document): boolean {
  const before = doc.textBefore;
  if (before.endsWith('.')) return !NUMBER_DOT.test(before);
  if (NAME_EXPECTED.test(before) || LIST_GOES_ON.test(before) || COLUMN_LIST.test(before) || META_START.test(before)) return true;
  const word = WORD_BEFORE.exec(before)?.[0];
  if (!word || /^\d/.test(word)) return false;
  return !AFTER_AS.test(before.slice(0, before.length - word.length));
}

/**
 * The candidates worth a menu for `doc`, or undefined for none: a single candidate that is exactly
 * what is already typed (ignoring case) offers nothing.
 */
export function typingMenuItems(items: readonly Completion[], doc: Document): readonly Completion[] | undefined {
  if (items.length === 0) return undefined;
  if (items.length === 1 && isTyped(items[0]!, doc)) return undefined;
  return items;
}

function isTyped(c: Completion, doc: Document): boolean {
  const typed = doc.text.slice(c.replace.start, Math.min(c.replace.end, doc.cursor));
  return typed.toLowerCase() === c.text.toLowerCase();
}
