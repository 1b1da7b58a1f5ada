/**
 * The SQL lexer: one linear pass over the text with character-code checks (no backtracking regexes).
 * Total: never throws; the tokens cover the input exactly, in order, without gaps.
 */
import type { LexOptions } from './dialect.js';
import type { Token, TokenType } from './token.js';

// Character codes used below.
const TAB = 9, LF = 10, VT = 11, FF = 12, CR = 13, SPACE = 32;
const BANG = 33, DQUOTE = 34, HASH = 35, DOLLAR = 36, PERCENT = 37, AMP = 38, SQUOTE = 39;
const LPAREN = 40, RPAREN = 41, STAR = 42, PLUS = 43, COMMA = 44, MINUS = 45, DOT = 46, SLASH = 47;
const D0 = 48, D9 = 57, COLON = 58, SEMI = 59, LT = 60, EQ = 61, GT = 62, QMARK = 63, AT = 64;
const LBRACKET = 91, BACKSLASH = 92, RBRACKET = 93, CARET = 94, UNDERSCORE = 95, BACKTICK = 96;
const LBRACE = 123, PIPE = 124, RBRACE = 125, TILDE = 126;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || c === VT || c === FF;
}
function isDigit(c: number): boolean {
  return c >= D0 && c <= D9;
}
function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === UNDERSCORE || (c >= 128 && c !== 0xa0 && c !== 0xfeff);
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c) || c === DOLLAR;
}

/** Multi-character operators, longest first within each leading character. */
const OPERATORS: readonly string[] = [
  '!~~*', '!~~', '!~*', '->>', '#>>', '<=>', '~~*', '<->', '<<=', '>>=', '@@@', '&&&',
  '::', ':=', '->', '||', '<=', '>=', '<>', '!=', '=>', '==', '<<', '>>', '#>', '#-', '@>', '<@', '&&',
  '!~', '~~', '~*', '?|', '?&', '@@', '^@', '**', '|/', '||/', '!!', '-|-', '&<', '&>', '<^', '>^', '?#', '?-', '<%', '%>',
];

/** The multi-character operators grouped by first character, longest first. */
const OPERATORS_BY_CHAR: ReadonlyMap<number, readonly string[]> = (() => {
  const m = new Map<number, string[]>();
  for (const op of [...OPERATORS].sort((a, b) => b.length - a.length)) {
    const list = m.get(op.charCodeAt(0)) ?? [];
    list.push(op);
    m.set(op.charCodeAt(0), list);
  }
  return m;
})();

/** MySQL client commands that take no argument (\G, \g, \c, \p, \q ...). */
const SHORT_COMMANDS = 'gGcpqtwWreh#';

const OPERATOR_CHARS = new Set([PLUS, MINUS, STAR, SLASH, PERCENT, EQ, LT, GT, BANG, TILDE, CARET, AMP, PIPE, HASH, AT, QMARK, COLON]);

/** Lex the whole text. */
export function lex(text: string, opts: LexOptions): readonly Token[] {
  const out: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const t = lexAt(text, opts, pos);
    out.push(t);
    pos = t.end;
  }
  return out;
}

function tok(text: string, type: TokenType, start: number, end: number, unterminated = false): Token {
  const t: Token = unterminated
    ? { type, text: text.slice(start, end), start, end, unterminated: true }
    : { type, text: text.slice(start, end), start, end };
  return t;
}

/** Scan a quoted run starting after the opening quote; returns [end, terminated]. */
function scanQuoted(text: string, from: number, quote: number, backslash: boolean): [number, boolean] {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (backslash && c === BACKSLASH) {
      i += 2;
      continue;
    }
    if (c === quote) {
      if (i + 1 < n && text.charCodeAt(i + 1) === quote) {
        i += 2;
        continue;
      }
      return [i + 1, true];
    }
    i++;
  }
  return [n, false];
}

/** If a dollar-quote opening tag ($$ or $tag$) starts at `pos`, return its length, else 0. */
function dollarTagLength(text: string, pos: number): number {
  let i = pos + 1;
  const n = text.length;
  if (i < n && text.charCodeAt(i) === DOLLAR) return 2;
  if (i >= n) return 0;
  const c0 = text.charCodeAt(i);
  if (!isIdentStart(c0)) return 0;
  i++;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === DOLLAR) return i + 1 - pos;
    if (!(isIdentStart(c) || isDigit(c))) return 0;
    i++;
  }
  return 0;
}

/** The one token that starts at `pos` (pos < text.length). Exported for the splitter, which lexes incrementally. */
export function lexAt(text: string, opts: LexOptions, pos: number): Token {
  const n = text.length;
  const c = text.charCodeAt(pos);
  const next = pos + 1 < n ? text.charCodeAt(pos + 1) : -1;

  if (isSpace(c)) {
    let i = pos + 1;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    return tok(text, 'space', pos, i);
  }

  // Line comments: -- (MySQL: only before whitespace/control/end) and # (MySQL).
  if ((c === MINUS && next === MINUS && (!opts.dashCommentNeedsSpace || pos + 2 >= n || text.charCodeAt(pos + 2) <= SPACE)) ||
      (c === HASH && opts.hashComments)) {
    return lineComment(text, pos);
  }

  if (c === SLASH && next === STAR) return blockComment(text, pos, opts.nestedComments);

  if (c === SQUOTE) {
    const [end, ok] = scanQuoted(text, pos + 1, SQUOTE, opts.backslashEscapes);
    return tok(text, 'string', pos, end, !ok);
  }

  if (c === DQUOTE) {
    if (opts.doubleQuoteStrings) {
      const [end, ok] = scanQuoted(text, pos + 1, DQUOTE, opts.backslashEscapes);
      return tok(text, 'string', pos, end, !ok);
    }
    const [end, ok] = scanQuoted(text, pos + 1, DQUOTE, false);
    return tok(text, 'quoted-ident', pos, end, !ok);
  }

  if (c === BACKTICK && opts.backtickIdents) {
    const [end, ok] = scanQuoted(text, pos + 1, BACKTICK, false);
    return tok(text, 'quoted-ident', pos, end, !ok);
  }

  if (c === LBRACKET && opts.bracketIdents) {
    const close = text.indexOf(']', pos + 1);
    return close < 0 ? tok(text, 'quoted-ident', pos, n, true) : tok(text, 'quoted-ident', pos, close + 1);
  }

  // String prefixes: E'..' (backslash escapes), X'..', B'..', N'..'.
  if (next === SQUOTE) {
    const lc = c | 0x20;
    if (lc === 101 /* e */ && opts.eStrings) {
      const [end, ok] = scanQuoted(text, pos + 2, SQUOTE, true);
      return tok(text, 'string', pos, end, !ok);
    }
    if (lc === 120 /* x */ || lc === 98 /* b */ || lc === 110 /* n */) {
      const [end, ok] = scanQuoted(text, pos + 2, SQUOTE, lc === 110 && opts.backslashEscapes);
      return tok(text, 'string', pos, end, !ok);
    }
  }

  if (isDigit(c) || (c === DOT && isDigit(next))) return number(text, pos);

  if (isIdentStart(c)) {
    let i = pos + 1;
    while (i < n && isIdentPart(text.charCodeAt(i))) i++;
    return tok(text, 'word', pos, i);
  }

  if (c === DOLLAR) {
    if (isDigit(next)) {
      let i = pos + 2;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      return tok(text, 'param', pos, i);
    }
    if (opts.dollarQuotes) {
      const tagLen = dollarTagLength(text, pos);
      if (tagLen > 0) {
        const close = text.indexOf(text.slice(pos, pos + tagLen), pos + tagLen);
        return close < 0 ? tok(text, 'string', pos, n, true) : tok(text, 'string', pos, close + tagLen);
      }
    }
    if (isIdentStart(next)) return identParam(text, pos, pos + 1);
    return tok(text, 'other', pos, pos + 1);
  }

  if (c === BACKSLASH) {
    if (opts.shortBackslashCommands && next >= 0 && SHORT_COMMANDS.includes(String.fromCharCode(next))) {
      return tok(text, 'backslash', pos, pos + 2);
    }
    let i = pos + 1;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === LF || d === CR) break;
      i++;
    }
    return tok(text, 'backslash', pos, i);
  }

  if (c === QMARK) {
    if (!(opts.dollarQuotes && (next === PIPE || next === AMP || next === HASH || next === MINUS))) {
      let i = pos + 1;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      return tok(text, 'param', pos, i);
    }
  }
  if (c === COLON && isIdentStart(next)) return identParam(text, pos, pos + 1);
  if (c === AT) {
    if (isIdentStart(next)) return identParam(text, pos, pos + 1);
    if (next === AT && pos + 2 < n && isIdentStart(text.charCodeAt(pos + 2))) {
      // @@name or @@global.name
      let i = pos + 3;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      if (i + 1 < n && text.charCodeAt(i) === DOT && isIdentStart(text.charCodeAt(i + 1))) {
        i += 2;
        while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      }
      return tok(text, 'param', pos, i);
    }
  }

  if (c === LPAREN || c === RPAREN || c === COMMA || c === SEMI || c === DOT || c === LBRACKET || c === RBRACKET ||
      c === LBRACE || c === RBRACE) {
    return tok(text, 'punct', pos, pos + 1);
  }

  if (OPERATOR_CHARS.has(c)) {
    for (const op of OPERATORS_BY_CHAR.get(c) ?? []) {
      if (text.startsWith(op, pos) && !startsComment(text, pos, op.length, opts)) {
        return tok(text, 'operator', pos, pos + op.length);
      }
    }
    return tok(text, 'operator', pos, pos + 1);
  }

  // Anything else (including a lone surrogate-free control character): one code point of 'other'.
  const cp = text.codePointAt(pos) ?? c;
  return tok(text, 'other', pos, pos + (cp > 0xffff ? 2 : 1));
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

function identParam(text: string, pos: number, from: number): Token {
  let i = from;
  while (i < text.length && isIdentPart(text.charCodeAt(i))) i++;
  return tok(text, 'param', pos, i);
}

function lineComment(text: string, pos: number): Token {
  let i = pos + 1;
  const n = text.length;
  while (i < n) {
    const d = text.charCodeAt(i);
    if (d === LF || d === CR) break;
    i++;
  }
  return tok(text, 'line-comment', pos, i);
}

function blockComment(text: string, pos: number, nested: boolean): Token {
  const n = text.length;
  let depth = 1;
  let i = pos + 2;
  while (i < n) {
    const d = text.charCodeAt(i);
    if (d === STAR && i + 1 < n && text.charCodeAt(i + 1) === SLASH) {
      depth--;
      i += 2;
      if (depth === 0) return tok(text, 'block-comment', pos, i);
      continue;
    }
    if (nested && d === SLASH && i + 1 < n && text.charCodeAt(i + 1) === STAR) {
      depth++;
      i += 2;
      continue;
    }
    i++;
  }
  return tok(text, 'block-comment', pos, n, true);
}

function number(text: string, pos: number): Token {
  const n = text.length;
  let i = pos;
  const c = text.charCodeAt(pos);
  const x = pos + 1 < n ? text.charCodeAt(pos + 1) | 0x20 : -1;
  if (c === D0 && x === 120 /* x */ && pos + 2 < n && isHexDigit(text.charCodeAt(pos + 2))) {
    i = pos + 2;
    while (i < n && isHexDigit(text.charCodeAt(i))) i++;
    return tok(text, 'number', pos, i);
  }
  if (c === D0 && x === 98 /* b */ && pos + 2 < n && (text.charCodeAt(pos + 2) === D0 || text.charCodeAt(pos + 2) === D0 + 1)) {
    i = pos + 2;
    while (i < n && (text.charCodeAt(i) === D0 || text.charCodeAt(i) === D0 + 1)) i++;
    if (i >= n || !isIdentPart(text.charCodeAt(i))) return tok(text, 'number', pos, i);
    i = pos;
  }
  while (i < n && (isDigit(text.charCodeAt(i)) || (text.charCodeAt(i) === UNDERSCORE && isDigit(text.charCodeAt(i + 1)) && i > pos))) i++;
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
  return tok(text, 'number', pos, i);
}
