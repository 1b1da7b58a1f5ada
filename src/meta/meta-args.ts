/**
 * Splits the text after a backslash command into words, the way psql users expect, with the
 * engine's quoting of names: "..." everywhere, and `...` where the engine quotes names with
 * backquotes (MySQL/MariaDB, SQLite). A backquoted name is handed on in the one form the commands
 * read, "..." (`my table` → "my table"), so patterns and name lookups need not know the engine.
 */
import type { MetaArgs } from './meta-command.js';

export interface MetaArgsOptions {
  /** The engine quotes identifiers with backquotes (the dialect's lex.backtickIdents). */
  readonly backtickIdents?: boolean;
}

/** Words separated by blanks; '...' (with '' inside), "..." and (see options) `...` group blanks. Never throws. */
export function parseMetaArgs(raw: string, options: MetaArgsOptions = {}): MetaArgs {
  const words: string[] = [];
  const tokens: string[] = [];
  const text = raw.trim();
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let word = '';
    let token = '';
    let translated = false;
    while (i < text.length && !/\s/.test(text[i]!)) {
      const ch = text[i]!;
      if (ch === '`' && options.backtickIdents) {
        // `a``b` is the name a`b; written as "a`b" (a " inside doubled).
        translated = true;
        let name = '';
        i++;
        while (i < text.length) {
          if (text[i] === '`' && text[i + 1] === '`') {
            name += '`';
            i += 2;
          } else if (text[i] === '`') {
            i++;
            break;
          } else name += text[i++];
        }
        const quoted = `"${name.replace(/"/g, '""')}"`;
        word += quoted;
        token += quoted;
        continue;
      }
      const from = i;
      if (ch === "'") {
        i++;
        while (i < text.length) {
          if (text[i] === "'" && text[i + 1] === "'") {
            word += "'";
            i += 2;
          } else if (text[i] === '\\' && i + 1 < text.length) {
            const [ch, n] = backslashEscape(text, i);
            word += ch;
            i += n;
          } else if (text[i] === "'") {
            i++;
            break;
          } else word += text[i++];
        }
      } else if (ch === '"') {
        word += '"';
        i++;
        while (i < text.length) {
          if (text[i] === '"' && text[i + 1] === '"') {
            word += '""';
            i += 2;
          } else if (text[i] === '"') {
            word += '"';
            i++;
            break;
          } else word += text[i++];
        }
      } else {
        word += ch;
        i++;
      }
      token += text.slice(from, i);
    }
    words.push(word);
    tokens.push(translated ? token : text.slice(start, i));
  }
  return Object.freeze({ raw: text, words: Object.freeze(words), tokens: Object.freeze(tokens) });
}

/**
 * psql's escapes inside '...' in a backslash command's arguments (\pset fieldsep '\t'): \n \t \b \r \f,
 * octal \NNN, hex \xHH, and a backslash before any other character stands for that character.
 */
function backslashEscape(text: string, at: number): [string, number] {
  const c = text[at + 1]!;
  const named: Record<string, string> = { n: '\n', t: '\t', b: '\b', r: '\r', f: '\f' };
  if (named[c] !== undefined) return [named[c]!, 2];
  const oct = /^[0-7]{1,3}/.exec(text.slice(at + 1, at + 4));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), 1 + oct[0].length];
  const hex = /^x([0-9A-Fa-f]{1,2})/.exec(text.slice(at + 1, at + 4));
  if (hex) return [String.fromCharCode(parseInt(hex[1]!, 16)), 2 + hex[1]!.length];
  return [c, 2];
}

/** Removes one level of double quotes ("My Table" → My Table) from a word. */
export function unquoteIdent(word: string): string {
  if (word.length >= 2 && word.startsWith('"') && word.endsWith('"')) return word.slice(1, -1).replace(/""/g, '"');
  return word;
}
