/**
 * When the completion menu opens by itself while typing (Tab always opens it): only while the
 * user is typing a word (an identifier, keyword or meta-command name, at least one character, not a
 * number) or right after a `.` (a qualified name), and not while naming an alias after AS. After a
 * space, an operator or a closing parenthesis nothing is being completed, so nothing pops up.
 */
import type { Completion } from '../complete/completion.js';
import type { Document } from './document.js';

const WORD_BEFORE = /[\p{L}\p{N}_$]+$/u;
const AFTER_AS = /(?:^|[^\p{L}\p{N}_$])as\s+["`[]?$/iu;
const NUMBER_DOT = /(?:^|[^\p{L}\p{N}_$])\d+\.$/u;

export function shouldCompleteWhileTyping(doc: Document): boolean {
  const before = doc.textBefore;
  if (before.endsWith('.')) return !NUMBER_DOT.test(before);
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
