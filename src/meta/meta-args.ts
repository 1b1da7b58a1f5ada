/** Splits the text after a backslash command into words, the way psql users expect. */
import type { MetaArgs } from './meta-command.js';

/** Words separated by blanks; '...' (with '' inside) and "..." group blanks. Never throws. */
export function parseMetaArgs(raw: string): MetaArgs {
  const words: string[] = [];
  const tokens: string[] = [];
  const text = raw.trim();
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let word = '';
    while (i < text.length && !/\s/.test(text[i]!)) {
      const ch = text[i]!;
      if (ch === "'") {
        i++;
        while (i < text.length) {
          if (text[i] === "'" && text[i + 1] === "'") {
            word += "'";
            i += 2;
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
    }
    words.push(word);
    tokens.push(text.slice(start, i));
  }
  return Object.freeze({ raw: text, words: Object.freeze(words), tokens: Object.freeze(tokens) });
}

/** Removes one level of double quotes ("My Table" → My Table) from a word. */
export function unquoteIdent(word: string): string {
  if (word.length >= 2 && word.startsWith('"') && word.endsWith('"')) return word.slice(1, -1).replace(/""/g, '"');
  return word;
}
