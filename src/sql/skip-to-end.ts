/**
 * The statement splitter's fast path. Once a statement's first word is read and is not CREATE (and ';' is
 * the delimiter), no keyword, block or line command in it counts any more: the general loop would only note
 * where each SQL token ends and count parentheses. So the body is read here in one tight loop, up to the next
 * token the general loop must see itself: a `;` outside parentheses (the end), a backslash command, or the
 * end of the text. The tokens are the lexer's (scanToken), the most common ones (blanks, plain words,
 * parentheses and commas) read inline as scanToken reads them; a dump's INSERTs are read here.
 * test/sql/splitter-fast-path.test.ts holds it to the general loop.
 */
import { CHAR_CLASS, Cls, scanWord } from './char-class.js';
import type { LexOptions } from './dialect.js';
import { scanToken, type ScanState } from './lexer.js';

const SQUOTE = 39, AMP = 38, LPAREN = 40, RPAREN = 41, COMMA = 44, SEMI = 59;

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
