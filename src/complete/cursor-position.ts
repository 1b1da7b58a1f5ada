/**
 * Where the cursor is in the token stream: inside a string, a comment, a meta-command, or a word;
 * and which statement's significant tokens surround it. Text only, no catalog.
 */
import { isTrivia, type Token } from '../sql/token.js';
import { blockBodyRange, type TextRange } from './statement-range.js';
import type { WordAtCursor } from './suggestion.js';

export type CursorPlace =
  | { readonly place: 'code'; readonly word: WordAtCursor; readonly sig: readonly Token[]; readonly before: number }
  | { readonly place: 'string'; readonly token: Token }
  | { readonly place: 'comment' }
  | { readonly place: 'meta'; readonly token: Token };

const isInsignificant = (t: Token): boolean => isTrivia(t);

/** Length of a quoted identifier's opening: 3 for PostgreSQL U&"..", else 1. */
function openingLength(t: Token): number {
  return t.text.charCodeAt(1) === 38 /* & */ ? 3 : 1;
}

/** The closing quote of a quoted identifier, when it has one. */
function closingQuote(t: Token): string {
  const open = t.text[openingLength(t) - 1];
  return open === '[' ? ']' : open ?? '';
}

function wordOf(tok: Token | undefined, text: string, cursor: number): WordAtCursor {
  if (tok && tok.start < cursor && (tok.type === 'word' || tok.type === 'quoted-ident')) {
    if (tok.type === 'word') {
      return { start: tok.start, end: tok.end, prefix: text.slice(tok.start, cursor), quoted: false };
    }
    const closed = !tok.unterminated && tok.text.length >= 2 && tok.text.endsWith(closingQuote(tok));
    const innerEnd = closed ? Math.min(cursor, tok.end - 1) : cursor;
    const open = tok.start + openingLength(tok);
    const prefix = text.slice(open, Math.max(open, innerEnd)).replace(/""|``|]]/g, (m) => m[0]!);
    return { start: tok.start, end: tok.end, prefix, quoted: true };
  }
  return { start: cursor, end: cursor, prefix: '', quoted: false };
}

/**
 * Find what the cursor is in. `tokens` tile `text`; `statementAt(pos)` gives the range of the statement that
 * holds `pos` (from the splitter; asked only when the cursor is in SQL code).
 */
export function locateCursor(text: string, cursor: number, tokens: readonly Token[], statementAt: (pos: number) => TextRange): CursorPlace {
  // The token that holds the cursor: it starts before the cursor and ends at or after it.
  let at = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.start < cursor && cursor <= t.end) {
      at = i;
      if (cursor < t.end) break;
      // the cursor sits at the end of t: a word continues there; otherwise look at the next one
      const next = tokens[i + 1];
      if (next && next.start === cursor && (next.type === 'word' || next.type === 'quoted-ident') && t.type !== 'word' && t.type !== 'quoted-ident') {
        at = -1; // cursor just before a word: we complete a new word there, not the previous token
      }
      break;
    }
  }
  const tok = at >= 0 ? tokens[at] : undefined;
  if (tok) {
    const inside = cursor < tok.end || tok.unterminated === true;
    if (tok.type === 'string' && inside) return { place: 'string', token: tok };
    if (tok.type === 'line-comment') return { place: 'comment' };
    if (tok.type === 'block-comment' && inside) return { place: 'comment' };
    if (tok.type === 'backslash') return { place: 'meta', token: tok };
  }
  const word = wordOf(tok, text, cursor);
  // The statement under the cursor, from the splitter; inside a trigger/procedure body, the inner statement.
  const range = statementAt(word.start);
  let sig: Token[] = [];
  let before = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.start < range.start || isInsignificant(t)) continue;
    if (t.end > range.end && !(t.start === word.start && word.end > word.start)) break;
    if (t.end <= word.start && !(t.start === word.start)) before = sig.length + 1;
    sig.push(t);
  }
  const body = blockBodyRange(sig, before);
  if (body) {
    sig = sig.slice(body.from, body.to);
    before -= body.from;
  }
  return { place: 'code', word, sig, before };
}
