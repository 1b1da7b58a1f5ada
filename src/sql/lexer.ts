/**
 * The SQL lexer: one linear pass over the text with character-code table lookups (no regexes, no
 * per-character substrings, no backtracking). Total: never throws; the tokens cover the input exactly,
 * in order, without gaps. It runs on every keystroke (highlighting, completion), so it is kept lean:
 * `scanToken` finds one token's type and end without allocating (the splitter runs on it directly and
 * builds no tokens); `lex` adds only the token objects themselves.
 *
 * Notes on dialect constructs:
 * - MySQL `/*! ... *\/` and `/*M!NNNNN ... *\/` (executable comments, `executableComments`): the server
 *   runs their content and the mysql client reads it as SQL (a `;` inside ends the statement), so only
 *   the opening mark and the closing `*\/` are tokens of their own ('executable-comment') and the content
 *   is lexed as SQL. Whether a `*\/` closes one is the one state the scanner keeps between tokens
 *   (`ScanState.executable`); elsewhere it is `*` then `/`. `/*+ ... *\/` optimizer hints are block comments.
 *   (A block comment inside an executable comment is a comment; the mysql client reads one that ends on
 *   its own line in its own way, which no dump writes.)
 * - PostgreSQL `U&'...'` strings and `U&"..."` identifiers are one token each (Unicode escapes inside are
 *   not decoded); a following `UESCAPE '!'` clause is ordinary tokens.
 */
import { CHAR_CLASS, Cls, isIdentPartCode, isIdentStartCode, scanWord } from './char-class.js';
import type { LexOptions } from './dialect.js';
import { metaCommandEnd } from './meta-line.js';
import type { Token, TokenType } from './token.js';

// Character codes used below.
const LF = 10, CR = 13, SPACE = 32, BANG = 33;
const DQUOTE = 34, HASH = 35, DOLLAR = 36, AMP = 38, SQUOTE = 39;
const STAR = 42, PLUS = 43, MINUS = 45, DOT = 46, SLASH = 47;
const D0 = 48, D9 = 57, COLON = 58, SEMI = 59, QMARK = 63, AT = 64;
const LBRACKET = 91, BACKSLASH = 92, UNDERSCORE = 95, BACKTICK = 96, PIPE = 124;

function isDigit(c: number): boolean {
  return c >= D0 && c <= D9;
}
function isHexDigit(c: number): boolean {
  return (c >= D0 && c <= D9) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Multi-character operators, longest first within each leading character. */
const OPERATORS: readonly string[] = [
  '!~~*', '!~~', '!~*', '->>', '#>>', '<=>', '~~*', '<->', '<<=', '>>=', '@@@', '&&&',
  '::', ':=', '->', '||', '<=', '>=', '<>', '!=', '=>', '==', '<<', '>>', '#>', '#-', '@>', '<@', '&&',
  '!~', '~~', '~*', '?|', '?&', '@@', '^@', '**', '|/', '||/', '!!', '-|-', '&<', '&>', '<^', '>^', '?#', '?-', '<%', '%>',
];

/** The multi-character operators indexed by first character code, longest first. */
const OPERATORS_BY_CHAR: readonly (readonly string[] | undefined)[] = (() => {
  const m: string[][] = [];
  for (const op of [...OPERATORS].sort((a, b) => b.length - a.length)) (m[op.charCodeAt(0)] ??= []).push(op);
  return m;
})();

/** MySQL client commands that take no argument (\G, \g, \c, \p, \q ...), by letter code. */
const SHORT_COMMANDS: ReadonlySet<number> = new Set([...'gGcpqtwWrehs#'].map((ch) => ch.charCodeAt(0)));

/** Where the scanner reports the token it found: reused across calls (the scanner allocates nothing). */
export interface ScanState {
  type: TokenType;
  /** True for a string, quoted identifier, comment or dollar quote that the input ends inside of. */
  unterminated: boolean;
  /** Inside a MySQL executable comment (`/*!` read, its `*\/` not yet): the one state kept between tokens. */
  executable: boolean;
}

/** A fresh scan state for `scanToken`. */
export function newScanState(): ScanState {
  return { type: 'other', unterminated: false, executable: false };
}

/** Lex the whole text. */
export function lex(text: string, opts: LexOptions): readonly Token[] {
  return lexAll(text, opts, false);
}

/** Lex the whole text (or its first `max` tokens), without its whitespace and comments (no token made for them). */
export function lexSignificant(text: string, opts: LexOptions, max = Infinity): readonly Token[] {
  return lexAll(text, opts, true, max);
}

function lexAll(text: string, opts: LexOptions, significantOnly: boolean, max = Infinity): readonly Token[] {
  const out: Token[] = [];
  const st = newScanState();
  const n = text.length;
  let pos = 0;
  let atStart = true;
  while (pos < n && out.length < max) {
    const end = scanToken(text, opts, pos, atStart, st);
    const ty = st.type;
    const significant = ty !== 'space' && ty !== 'line-comment' && ty !== 'block-comment';
    if (significant || !significantOnly) out.push(makeToken(text, ty, pos, end, st.unterminated));
    if (significant) atStart = ty === 'backslash' || (ty === 'punct' && text.charCodeAt(pos) === SEMI);
    pos = end;
  }
  return out;
}

/**
 * The one token that starts at `pos` (pos < text.length). `atStatementStart`: no SQL precedes it in its
 * statement (a MySQL backslash command there takes the whole line).
 */
export function lexAt(text: string, opts: LexOptions, pos: number, atStatementStart = false): Token {
  const st = newScanState();
  const end = scanToken(text, opts, pos, atStatementStart, st);
  return makeToken(text, st.type, pos, end, st.unterminated);
}

function makeToken(text: string, type: TokenType, start: number, end: number, unterminated: boolean): Token {
  const t = text.slice(start, end);
  return unterminated ? { type, text: t, start, end, unterminated: true } : { type, text: t, start, end };
}

/** Index just past the quoted run that starts after the opening quote at `from`, or -1 when it is not closed. */
export function scanQuoted(text: string, from: number, quote: number, backslash: boolean): number {
  const n = text.length;
  let i = from;
  for (;;) {
    // jump to the next quote; backslash escapes (MySQL, E'..') need the character scan
    if (!backslash) {
      const q = text.indexOf(quote === SQUOTE ? "'" : quote === DQUOTE ? '"' : '`', i);
      if (q < 0) return -1;
      if (q + 1 < n && text.charCodeAt(q + 1) === quote) {
        i = q + 2;
        continue;
      }
      return q + 1;
    }
    if (i >= n) return -1;
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === quote) {
      if (i + 1 < n && text.charCodeAt(i + 1) === quote) i += 2;
      else return i + 1;
    } else i++;
  }
}

/** Report `type` (and whether it is closed) in `st`; return `end`. */
function set(st: ScanState, type: TokenType, end: number, unterminated = false): number {
  st.type = type;
  st.unterminated = unterminated;
  return end;
}

function str(text: string, st: ScanState, type: TokenType, from: number, quote: number, backslash: boolean): number {
  const end = scanQuoted(text, from, quote, backslash);
  return end < 0 ? set(st, type, text.length, true) : set(st, type, end);
}

/** If a dollar-quote opening tag ($$ or $tag$) starts at `pos`, return its length, else 0. */
function dollarTagLength(text: string, pos: number): number {
  let i = pos + 1;
  const n = text.length;
  if (i < n && text.charCodeAt(i) === DOLLAR) return 2;
  if (i >= n || !isIdentStartCode(text.charCodeAt(i))) return 0;
  i++;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === DOLLAR) return i + 1 - pos;
    if (!(isIdentStartCode(c) || isDigit(c))) return 0;
    i++;
  }
  return 0;
}

/** Scan the token at `pos`: its type goes to `st`, its end is returned. Allocates nothing (bar dollar-quote tags). */
export function scanToken(text: string, opts: LexOptions, pos: number, atStart: boolean, st: ScanState): number {
  const n = text.length;
  const c = text.charCodeAt(pos);
  const next = pos + 1 < n ? text.charCodeAt(pos + 1) : -1;
  const cls = c < 128 ? CHAR_CLASS[c]! : isIdentStartCode(c) ? Cls.Letter : Cls.Other;

  switch (cls) {
    case Cls.Space: {
      let i = pos + 1;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d >= 128 || CHAR_CLASS[d] !== Cls.Space) break;
        i++;
      }
      return set(st, 'space', i);
    }
    case Cls.Letter: {
      if (next === SQUOTE) {
        // string prefixes: E'..' (backslash escapes), X'..', B'..', N'..'
        const lc = c | 0x20;
        if (lc === 101 /* e */ && opts.eStrings) return str(text, st, 'string', pos + 2, SQUOTE, true);
        if (lc === 120 /* x */ || lc === 98 /* b */ || lc === 110 /* n */) {
          return str(text, st, 'string', pos + 2, SQUOTE, lc === 110 && opts.backslashEscapes);
        }
      } else if (next === AMP && (c | 0x20) === 117 /* u */ && opts.unicodeStrings && pos + 2 < n) {
        const q = text.charCodeAt(pos + 2);
        if (q === SQUOTE) return str(text, st, 'string', pos + 3, SQUOTE, false);
        if (q === DQUOTE) return str(text, st, 'quoted-ident', pos + 3, DQUOTE, false);
      }
      return set(st, 'word', scanWord(text, pos + 1));
    }
    case Cls.Digit:
      return number(text, pos, st);
    case Cls.Punct:
      if (c === DOT && isDigit(next)) return number(text, pos, st);
      if (c === LBRACKET && opts.bracketIdents) {
        const close = text.indexOf(']', pos + 1);
        return close < 0 ? set(st, 'quoted-ident', n, true) : set(st, 'quoted-ident', close + 1);
      }
      return set(st, 'punct', pos + 1);
    case Cls.Special:
      return special(text, opts, pos, c, next, atStart, st);
    case Cls.Op:
      return operatorish(text, opts, pos, c, next, st);
    default: {
      // Anything else (a control character, NBSP, BOM): one code point of 'other'.
      const wide = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      return set(st, 'other', pos + (wide ? 2 : 1));
    }
  }
}

/** Quotes, dollar signs and backslashes. */
function special(text: string, opts: LexOptions, pos: number, c: number, next: number, atStart: boolean, st: ScanState): number {
  const n = text.length;
  switch (c) {
    case SQUOTE:
      return str(text, st, 'string', pos + 1, SQUOTE, opts.backslashEscapes);
    case DQUOTE:
      return opts.doubleQuoteStrings
        ? str(text, st, 'string', pos + 1, DQUOTE, opts.backslashEscapes)
        : str(text, st, 'quoted-ident', pos + 1, DQUOTE, false);
    case BACKTICK:
      return opts.backtickIdents ? str(text, st, 'quoted-ident', pos + 1, BACKTICK, false) : set(st, 'other', pos + 1);
    case DOLLAR: {
      if (isDigit(next)) {
        let i = pos + 2;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        return set(st, 'param', i);
      }
      if (opts.dollarQuotes) {
        const tagLen = dollarTagLength(text, pos);
        if (tagLen > 0) {
          const close = text.indexOf(text.slice(pos, pos + tagLen), pos + tagLen);
          return close < 0 ? set(st, 'string', n, true) : set(st, 'string', close + tagLen);
        }
      }
      if (isIdentStartCode(next)) return set(st, 'param', scanWord(text, pos + 1));
      return set(st, 'other', pos + 1);
    }
    default: {
      // BACKSLASH: a meta-command to the end of the line; MySQL's two-character forms (\G, \g, \c ...) end
      // there unless a longer name follows (\conninfo, \gx) or the command starts the statement.
      // psql's \; is a semicolon that does not end the statement.
      if (next === SEMI && opts.escapedSemicolon) return set(st, 'punct', pos + 2);
      // the mysql client's \- (sandbox mode) is two characters wherever it stands, and the line goes on
      if (next === MINUS && opts.shortBackslashCommands) return set(st, 'backslash', pos + 2);
      if (opts.shortBackslashCommands && !atStart && SHORT_COMMANDS.has(next)) {
        const after = pos + 2 < n ? text.charCodeAt(pos + 2) : -1;
        if (!isAsciiLetter(after)) return set(st, 'backslash', pos + 2);
      }
      const end = lineEnd(text, pos + 1);
      return set(st, 'backslash', opts.metaSeparator ? metaCommandEnd(text, pos, end) : end);
    }
  }
}

/** Operators, plus what starts with an operator character: comments, parameters, @variables. */
function operatorish(text: string, opts: LexOptions, pos: number, c: number, next: number, st: ScanState): number {
  const n = text.length;
  // Line comments: -- (MySQL: only before whitespace/control/end) and # (MySQL).
  if ((c === MINUS && next === MINUS && (!opts.dashCommentNeedsSpace || pos + 2 >= n || text.charCodeAt(pos + 2) <= SPACE)) ||
      (c === HASH && opts.hashComments)) {
    return lineComment(text, pos, st);
  }
  if (c === SLASH && next === STAR) {
    if (opts.executableComments) {
      const bang = pos + 2 < n && text.charCodeAt(pos + 2) === BANG ? pos + 3
        : pos + 3 < n && text.charCodeAt(pos + 2) === 77 /* M */ && text.charCodeAt(pos + 3) === BANG ? pos + 4 : -1;
      if (bang > 0) {
        let i = bang;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        st.executable = true;
        return set(st, 'executable-comment', i);
      }
    }
    return blockComment(text, pos, opts.nestedComments, st);
  }
  if (c === STAR && next === SLASH && st.executable) {
    st.executable = false;
    return set(st, 'executable-comment', pos + 2);
  }
  if (c === QMARK && !(opts.dollarQuotes && (next === PIPE || next === AMP || next === HASH || next === MINUS))) {
    let i = pos + 1;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    return set(st, 'param', i);
  }
  if (c === COLON && isIdentStartCode(next)) return set(st, 'param', scanWord(text, pos + 1));
  if (c === AT) {
    if (isIdentStartCode(next)) return set(st, 'param', scanWord(text, pos + 1));
    if (next === AT && pos + 2 < n && isIdentStartCode(text.charCodeAt(pos + 2))) {
      // @@name or @@global.name
      let i = scanWord(text, pos + 3);
      if (i + 1 < n && text.charCodeAt(i) === DOT && isIdentStartCode(text.charCodeAt(i + 1))) i = scanWord(text, i + 2);
      return set(st, 'param', i);
    }
  }
  const ops = OPERATORS_BY_CHAR[c];
  if (ops !== undefined && next >= 0) {
    for (const op of ops) {
      if (op.charCodeAt(1) === next && text.startsWith(op, pos) && !startsComment(text, pos, op.length, opts)) {
        return set(st, 'operator', pos + op.length);
      }
    }
  }
  return set(st, 'operator', pos + 1);
}

/** True when a comment starts inside the would-be operator text[pos, pos+len) (e.g. `*--`, `+/*`). */
function startsComment(text: string, pos: number, len: number, opts: LexOptions): boolean {
  for (let i = pos + 1; i < pos + len; i++) {
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    if ((c === MINUS && d === MINUS) || (c === SLASH && d === STAR) || (c === HASH && opts.hashComments)) return true;
  }
  return false;
}

/** Index of the first LF or CR at or after `from` (or the text's length). */
function lineEnd(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const d = text.charCodeAt(i);
    if (d === LF || d === CR) break;
    i++;
  }
  return i;
}

function lineComment(text: string, pos: number, st: ScanState): number {
  return set(st, 'line-comment', lineEnd(text, pos + 1));
}

function blockComment(text: string, pos: number, nested: boolean, st: ScanState): number {
  const n = text.length;
  if (!nested) {
    const close = text.indexOf('*/', pos + 2);
    return close < 0 ? set(st, 'block-comment', n, true) : set(st, 'block-comment', close + 2);
  }
  let depth = 1;
  let i = pos + 2;
  while (i < n) {
    const d = text.charCodeAt(i);
    if (d === STAR && i + 1 < n && text.charCodeAt(i + 1) === SLASH) {
      depth--;
      i += 2;
      if (depth === 0) return set(st, 'block-comment', i);
      continue;
    }
    if (d === SLASH && i + 1 < n && text.charCodeAt(i + 1) === STAR) {
      depth++;
      i += 2;
      continue;
    }
    i++;
  }
  return set(st, 'block-comment', n, true);
}

function number(text: string, pos: number, st: ScanState): number {
  const n = text.length;
  let i = pos;
  const c = text.charCodeAt(pos);
  const x = pos + 1 < n ? text.charCodeAt(pos + 1) | 0x20 : -1;
  if (c === D0 && x === 120 /* x */ && pos + 2 < n && isHexDigit(text.charCodeAt(pos + 2))) {
    i = pos + 2;
    while (i < n && isHexDigit(text.charCodeAt(i))) i++;
    return set(st, 'number', i);
  }
  if (c === D0 && x === 98 /* b */ && pos + 2 < n && (text.charCodeAt(pos + 2) === D0 || text.charCodeAt(pos + 2) === D0 + 1)) {
    i = pos + 2;
    while (i < n && (text.charCodeAt(i) === D0 || text.charCodeAt(i) === D0 + 1)) i++;
    if (i >= n || !isIdentPartCode(text.charCodeAt(i))) return set(st, 'number', i);
    i = pos;
  }
  while (i < n) {
    const d = text.charCodeAt(i);
    if (isDigit(d) || (d === UNDERSCORE && i > pos && isDigit(text.charCodeAt(i + 1)))) i++;
    else break;
  }
  if (i < n && text.charCodeAt(i) === DOT && !(i + 1 < n && text.charCodeAt(i + 1) === DOT)) {
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  if (i < n && (text.charCodeAt(i) | 0x20) === 101 /* e */) {
    let j = i + 1;
    const s = j < n ? text.charCodeAt(j) : -1;
    if (s === PLUS || s === MINUS) j++;
    if (j < n && isDigit(text.charCodeAt(j))) {
      i = j;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
  }
  return set(st, 'number', i);
}

/** The text from its first token that is not whitespace or a comment (nested comments read as the dialect reads them). */
export function afterLeadingComments(text: string, opts: LexOptions): string {
  const st = newScanState();
  let pos = 0;
  while (pos < text.length) {
    const end = scanToken(text, opts, pos, true, st);
    if (st.type !== 'space' && st.type !== 'line-comment' && st.type !== 'block-comment') break;
    pos = end;
  }
  return text.slice(pos);
}

/**
 * The statement's first word upper-cased, when its first token (after blanks and comments) is a word;
 * else ''. What lexSignificant(text, opts, 1) tells of a statement's verb, without a token made for it.
 */
export function leadingWord(text: string, opts: LexOptions): string {
  const st = newScanState();
  for (let pos = 0; pos < text.length; ) {
    const end = scanToken(text, opts, pos, true, st);
    if (st.type === 'word') return text.slice(pos, end).toUpperCase();
    if (st.type !== 'space' && st.type !== 'line-comment' && st.type !== 'block-comment') return '';
    pos = end;
  }
  return '';
}
