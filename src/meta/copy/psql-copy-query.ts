/**
 * psql's \copy arguments read as psql reads them, into the COPY statement psql sends for them:
 * `COPY  t ( a,b ) FROM STDIN csv header` for `\copy t(a,b) from 'f.csv' csv header`. The table (with
 * its column list) or the (query) is taken token by token and each token put back after one space; what
 * follows the file (or STDIN, STDOUT, PSTDIN, PSTDOUT, PROGRAM 'command') is the COPY's options, as
 * written, for the server to read (one blank after the file is dropped). So the server says what is wrong
 * with an option, in its words, as with psql, and its log shows what psql's shows.
 */

export interface PsqlCopy {
  /** The statement sent: COPY ... FROM STDIN or COPY ... TO STDOUT. */
  readonly sql: string;
  readonly from: boolean;
  /** Where the data is read or written on this computer. */
  readonly target:
    | { readonly kind: 'file'; readonly file: string }
    | { readonly kind: 'program'; readonly command: string }
    /** the script's own lines (or the shell's prompt), or the output */
    | { readonly kind: 'stdio' }
    /** the process's standard input or output */
    | { readonly kind: 'pstdio' };
}

const WHITESPACE = ' \t\n\r';

/** psql's strtokx over one string: tokens separated by whitespace, delimiters (one character each) and quotes. */
class Tokens {
  #at = 0;
  constructor(readonly text: string) {}

  /**
   * The next token: a delimiter alone; a quoted part (quote characters kept, doubled quotes inside, and
   * `escape` before any character); else up to whitespace, a delimiter or a quote. One whitespace
   * character after the token is taken with it. eStrings: E'...' is quoted with backslash escapes.
   */
  next(whitespace: string, delims: string, quotes: string, escape = '', eStrings = false): string | undefined {
    const s = this.text;
    let i = this.#at;
    while (i < s.length && whitespace.includes(s[i]!)) i++;
    if (i >= s.length) {
      this.#at = i;
      return undefined;
    }
    const start = i;
    let end: number;
    if (delims.includes(s[i]!)) end = i + 1;
    else {
      let quote = '';
      let esc = escape;
      if (eStrings && (s[i] === 'E' || s[i] === 'e') && s[i + 1] === "'") {
        quote = "'";
        esc = '\\';
        i++;
      } else if (quotes.includes(s[i]!)) quote = s[i]!;
      if (quote !== '') {
        let p = i + 1;
        for (; p < s.length; p++) {
          if (esc !== '' && s[p] === esc && p + 1 < s.length) p++;
          else if (s[p] === quote && s[p + 1] === quote) p++;
          else if (s[p] === quote) {
            p++;
            break;
          }
        }
        end = Math.min(p, s.length);
      } else {
        const stops = whitespace + delims + quotes;
        end = i;
        while (end < s.length && !stops.includes(s[end]!)) end++;
      }
    }
    this.#at = end < s.length && whitespace.includes(s[end]!) ? end + 1 : end;
    return s.slice(start, end);
  }

  /** The rest of the text, as it is. */
  rest(): string | undefined {
    const r = this.text.slice(this.#at);
    this.#at = this.text.length;
    return r === '' ? undefined : r;
  }
}

/** A token without its quotes ('it''s' is it's). */
function stripQuotes(token: string, quote: string): string {
  let out = '';
  let inQuote = false;
  for (let i = 0; i < token.length; i++) {
    const ch = token[i]!;
    if (ch === quote) {
      if (inQuote && token[i + 1] === quote) {
        out += quote;
        i++;
      } else inQuote = !inQuote;
    } else out += ch;
  }
  return out;
}

/**
 * The COPY statement psql sends for `\copy ARGS`, and where its data goes; or psql's words for what it
 * cannot read. nonStandardStrings: the server reads backslashes in '...' as escapes (a query's strings).
 */
export function psqlCopyQuery(args: string, nonStandardStrings = false): { readonly ok: true; readonly copy: PsqlCopy } | { readonly ok: false; readonly error: string } {
  const t = new Tokens(args);
  const fail = (token: string | undefined) => ({ ok: false as const, error: token === undefined ? '\\copy: parse error at end of line' : `\\copy: parse error at "${token}"` });
  let before = '';
  let token = t.next(WHITESPACE, '.,()', '"');
  if (token === undefined) return { ok: false, error: '\\copy: arguments required' };
  if (token === '(') {
    // (query): to its closing parenthesis, its strings and quoted names whole
    for (let depth = 1; depth > 0; ) {
      before += ` ${token}`;
      token = t.next(WHITESPACE, '()', '"\'', nonStandardStrings ? '\\' : '', true);
      if (token === undefined) return fail(token);
      if (token === '(') depth++;
      else if (token === ')') depth--;
    }
  }
  before += ` ${token}`;
  token = t.next(WHITESPACE, '.,()', '"');
  if (token === undefined) return fail(token);
  if (token === '.') {
    // schema . table
    before += token;
    token = t.next(WHITESPACE, '.,()', '"');
    if (token === undefined) return fail(token);
    before += token;
    token = t.next(WHITESPACE, '.,()', '"');
    if (token === undefined) return fail(token);
  }
  if (token === '(') {
    // the column list
    for (;;) {
      before += ` ${token}`;
      token = t.next(WHITESPACE, '()', '"');
      if (token === undefined) return fail(token);
      if (token === ')') break;
    }
    before += ` ${token}`;
    token = t.next(WHITESPACE, '.,()', '"');
    if (token === undefined) return fail(token);
  }
  const direction = token.toLowerCase();
  if (direction !== 'from' && direction !== 'to') return fail(token);
  const from = direction === 'from';
  token = t.next(WHITESPACE, ';', "'");
  if (token === undefined) return fail(token);
  let target: PsqlCopy['target'];
  const word = token.toLowerCase();
  if (word === 'program') {
    token = t.next(WHITESPACE, ';', "'");
    if (token === undefined || token.length < 2 || !token.startsWith("'") || !token.endsWith("'")) return fail(token);
    target = { kind: 'program', command: stripQuotes(token, "'") };
  } else if (word === 'stdin' || word === 'stdout') target = { kind: 'stdio' };
  else if (word === 'pstdin' || word === 'pstdout') target = { kind: 'pstdio' };
  else target = { kind: 'file', file: stripQuotes(token, "'") };
  const options = t.rest() ?? '';
  return { ok: true, copy: { sql: `COPY ${before}${from ? ' FROM STDIN ' : ' TO STDOUT '}${options}`, from, target } };
}
