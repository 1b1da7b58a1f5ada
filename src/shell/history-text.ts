/**
 * What goes into the history (in memory and in the file) for a submitted text, read with the
 * lexer so that what is a string, a comment or a backslash command is decided as the engine does:
 *
 * - a password in a connection command (\c postgres://alice:secret@db/shop, \c "host=db
 *   password=secret"), wherever the \c stands in the input (after SQL on the same line too), is
 *   replaced by '***';
 * - a text holding a statement that sets a password (ALTER/CREATE USER or ROLE ... PASSWORD,
 *   MySQL IDENTIFIED BY, SET PASSWORD, GRANT ... IDENTIFIED BY) is not kept at all, as mycli does:
 *   historyEntry returns undefined. The statement still runs.
 *
 * Everything else is kept exact: a URI inside a string literal is data, not a credential of ours.
 */
import type { LexOptions } from '../sql/dialect.js';
import { lex } from '../sql/lexer.js';
import type { Token } from '../sql/token.js';
import { maskConnectionPassword } from '../core/mask-password.js';

const CONNECT_COMMAND = /^\\(c|connect)(\s|$)/;

/** Lexical options that read most SQL right when the dialect is not known (PostgreSQL's). */
const DEFAULT_LEX: LexOptions = Object.freeze({
  dollarQuotes: true,
  nestedComments: true,
  hashComments: false,
  backtickIdents: false,
  bracketIdents: false,
  backslashEscapes: false,
  eStrings: true,
  doubleQuoteStrings: false,
});

/** The text to keep in the history, or undefined when it sets a password and must not be kept. */
export function historyEntry(text: string, lexOptions: LexOptions = DEFAULT_LEX): string | undefined {
  const tokens = lex(text, lexOptions);
  if (statementsOf(tokens).some(setsPasswordWords)) return undefined;
  // A connection command's arguments run to the end of its line, even where the MySQL client reads
  // `\c` as a two-character command and the rest of the line as more input.
  let out = '';
  let pos = 0;
  for (const t of tokens) {
    if (t.start < pos || t.type !== 'backslash' || !CONNECT_COMMAND.test(t.text)) continue;
    const lineEnd = text.indexOf('\n', t.start) < 0 ? text.length : text.indexOf('\n', t.start);
    out += text.slice(pos, t.start) + maskConnectionPassword(text.slice(t.start, lineEnd));
    pos = lineEnd;
  }
  return out + text.slice(pos);
}

/** Kept for callers that only want the masking: the text with \c passwords masked ('' if not to be kept). */
export function historyText(text: string, lexOptions: LexOptions = DEFAULT_LEX): string {
  return historyEntry(text, lexOptions) ?? '';
}

/** True when some statement in `sql` sets a password (read with the lexer: strings and comments do not count). */
export function setsPassword(sql: string, lexOptions: LexOptions = DEFAULT_LEX): boolean {
  return statementsOf(lex(sql, lexOptions)).some(setsPasswordWords);
}

/** The upper-cased bare words of each statement (split at ';' and backslash commands). */
function statementsOf(tokens: readonly Token[]): string[][] {
  const out: string[][] = [];
  let words: string[] = [];
  for (const t of tokens) {
    if ((t.type === 'punct' && t.text === ';') || t.type === 'backslash') {
      if (words.length > 0) out.push(words);
      words = [];
    } else if (t.type === 'word') {
      words.push(t.text.toUpperCase());
    }
  }
  if (words.length > 0) out.push(words);
  return out;
}

function setsPasswordWords(words: readonly string[]): boolean {
  const [first, second] = words;
  if (first === 'SET' && second === 'PASSWORD') return true; // MySQL SET PASSWORD [FOR u] = ...
  const hasPassword = words.includes('PASSWORD');
  const identifiedBy = words.some((w, i) => w === 'IDENTIFIED' && words.slice(i + 1).includes('BY'));
  if ((first === 'CREATE' || first === 'ALTER') && (second === 'USER' || second === 'ROLE' || second === 'GROUP')) {
    return hasPassword || identifiedBy; // PostgreSQL [ENCRYPTED] PASSWORD, MySQL IDENTIFIED [WITH plugin] BY
  }
  if (first === 'GRANT' && identifiedBy) return true; // MySQL 5 GRANT ... IDENTIFIED BY
  return false;
}
