/**
 * The statement splitter's fast path. Once a statement's first word is read and is not CREATE (and ';' is
 * the delimiter), no keyword, block or line command in it counts any more: the general loop would only note
 * where each SQL token ends and count parentheses. So the body is read here in one tight loop, up to the next
 * token the general loop must see itself: a `;` outside parentheses (the end), a backslash command, or the
 * end of the text. The tokens are the lexer's (scanToken), the most common ones (blanks, plain words,
 * numbers, strings, parentheses and commas) read inline as scanToken reads them; a dump's INSERTs are read here.
 * test/sql/splitter-fast-path.test.ts holds it to the general loop.
 */
import { CHAR_CLASS, Cls, scanWord } from './char-class.js';
import type { LexOptions } from './dialect.js';
import { scanQuoted, scanToken, type ScanState } from './lexer.js';

const SQUOTE = 39, AMP = 38, LPAREN = 40, RPAREN = 41, COMMA = 44, DOT = 46, D0 = 48, SEMI = 59, UNDERSCORE = 95;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The general loop's state that the fast path reads and moves on (one object per split, reused). */
export interface BodyScan {
  /** Where to go on from; on return, where the general loop goes on. */
  pos: number;
  /** The end of the last SQL token (not blanks or comments). */
  lastSqlEnd: number;
  /** Open parentheses. */
  paren: number;
  /** The start of the last token, and whether the text ends inside it. */
  lastStart: number;
  lastUnterminated: boolean;
}

export function skipToEnd(text: string, opts: LexOptions, st: ScanState, b: BodyScan): void {
  const n = text.length;
  let pos = b.pos;
  let lastSqlEnd = b.lastSqlEnd;
  let paren = b.paren;
  let lastStart = b.lastStart;
  let lastUnterminated = b.lastUnterminated;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c < 128) {
      const cls = CHAR_CLASS[c];
      if (cls === Cls.Space) {
        lastStart = pos;
        lastUnterminated = false;
        pos++;
        while (pos < n) {
          const d = text.charCodeAt(pos);
          if (d >= 128 || CHAR_CLASS[d] !== Cls.Space) break;
          pos++;
        }
        continue;
      }
      if (cls === Cls.Letter) {
        // a word, unless a quote or U& follows its first letter (E'..', X'..', U&'..': scanToken's)
        const next = pos + 1 < n ? text.charCodeAt(pos + 1) : -1;
        if (next !== SQUOTE && next !== AMP) {
          lastStart = pos;
          lastUnterminated = false;
          pos = lastSqlEnd = scanWord(text, pos + 1);
          continue;
        }
      } else if (cls === Cls.Digit) {
        // a number of digits, with a fraction or not (scanToken's for an exponent, `_`, 0x.., 0b..)
        let i = pos + 1;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        let d = i < n ? text.charCodeAt(i) : -1;
        if (d === DOT && !(i + 1 < n && text.charCodeAt(i + 1) === DOT)) {
          i++;
          while (i < n && isDigit(text.charCodeAt(i))) i++;
          d = i < n ? text.charCodeAt(i) : -1;
        }
        const lower = d | 0x20;
        if (d !== UNDERSCORE && lower !== 101 /* e */ && !(c === D0 && i === pos + 1 && (lower === 120 /* x */ || lower === 98 /* b */))) {
          lastStart = pos;
          lastUnterminated = false;
          pos = lastSqlEnd = i;
          continue;
        }
      } else if (c === SQUOTE) {
        // a string (scanToken's reading of it)
        const end = scanQuoted(text, pos + 1, SQUOTE, opts.backslashEscapes);
        lastStart = pos;
        lastUnterminated = end < 0;
        pos = lastSqlEnd = end < 0 ? n : end;
        continue;
      } else if (c === COMMA || c === LPAREN || c === RPAREN || c === SEMI) {
        if (c === SEMI && paren === 0) break;
        // (a ';' inside parentheses is a token like any other)
        if (c === LPAREN) paren++;
        else if (c === RPAREN && paren > 0) paren--;
        lastStart = pos;
        lastUnterminated = false;
        pos = lastSqlEnd = pos + 1;
        continue;
      }
    }
    const end = scanToken(text, opts, pos, false, st);
    const type = st.type;
    if (type === 'backslash') break;
    lastStart = pos;
    lastUnterminated = st.unterminated;
    if (type !== 'space' && type !== 'line-comment' && type !== 'block-comment') {
      lastSqlEnd = end;
      if (type === 'punct') {
        if (c === LPAREN) paren++;
        else if (c === RPAREN && paren > 0) paren--;
      }
    }
    pos = end;
  }
  b.pos = pos;
  b.lastSqlEnd = lastSqlEnd;
  b.paren = paren;
  b.lastStart = lastStart;
  b.lastUnterminated = lastUnterminated;
}
