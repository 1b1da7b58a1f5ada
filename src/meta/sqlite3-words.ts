/**
 * A sqlite3 dot-command line read as the sqlite3 shell reads it (checked against sqlite3 3.40.1), never
 * with psql's argument rules: no backquoted commands, no variables, no backslash commands.
 * - words are separated by white space; the command's name is the first word (`.print a b` → print, a, b);
 * - a word that starts with `"` runs to the next `"` not escaped by a backslash, and its escapes are read
 *   as C's: \a \b \t \n \v \f \r \" \' \\, octal \NNN (one to three digits), any other `\c` is `c`;
 * - a word that starts with `'` runs to the next `'`, as written (no escapes; `''` is two words);
 * - any other word runs to the next white space, with the same escapes (`a\tb` holds a tab; a `"` inside
 *   is kept); a backslash at a word's end stays;
 * - a word ends at its closing quote (`"a"b` is two words, a and b); an unclosed quote runs to the line's end;
 * - an escaped NUL (`\0`) ends the word's text there, as in C.
 */

const NAMED: Readonly<Record<string, string>> = { a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r' };

/** A word's backslash escapes resolved, as sqlite3 resolves them. */
export function sqlite3Unescape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const next = text[++i]!;
    if (NAMED[next] !== undefined) out += NAMED[next];
    else if (next >= '0' && next <= '7') {
      let code = 0;
      let n = 0;
      while (n < 3 && i < text.length && text[i]! >= '0' && text[i]! <= '7') {
        code = code * 8 + (text.charCodeAt(i) - 48);
        i++;
        n++;
      }
      i--;
      out += String.fromCharCode(code & 0xff);
    } else out += next;
  }
  const nul = out.indexOf('\0');
  return nul < 0 ? out : out.slice(0, nul);
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';

/** The words of a dot-command line (`.print "a\tb" x` → ['print', 'a<TAB>b', 'x']): the name first, without its dot. */
export function sqlite3Words(line: string): readonly string[] {
  const text = line.replace(/^\s*\./, '');
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text[i]!)) i++;
    if (i >= text.length) break;
    const q = text[i]!;
    if (q === '"' || q === "'") {
      const start = ++i;
      while (i < text.length && text[i] !== q) i += q === '"' && text[i] === '\\' && i + 1 < text.length ? 2 : 1;
      const body = text.slice(start, Math.min(i, text.length));
      words.push(q === '"' ? sqlite3Unescape(body) : body);
      if (i < text.length) i++; // the closing quote
    } else {
      const start = i;
      while (i < text.length && !isSpace(text[i]!)) i++;
      words.push(sqlite3Unescape(text.slice(start, i)));
    }
  }
  return Object.freeze(words);
}
