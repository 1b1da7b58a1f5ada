/**
 * The (possibly qualified) name under an offset, read from the dialect's own lexer:
 * `shop.orders.total` with the part the cursor is on, whether each part was quoted, and whether a
 * '(' follows (a function call).
 */
import type { SqlDialect } from '../index.js';
import { lex } from '../sql/lexer.js';
import type { Token } from '../sql/token.js';

export interface NamePart {
  readonly text: string;
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
}

export interface NameAt {
  readonly parts: readonly NamePart[];
  /** Index of the part under the cursor. */
  readonly index: number;
  readonly call: boolean;
  readonly tokens: readonly Token[];
  /** Index of the token under the cursor in `tokens`. */
  readonly tokenIndex: number;
}

/** A quoted identifier's name: quotes removed, doubled quotes undone. */
export function unquote(t: Token): string {
  if (t.type !== 'quoted-ident') return t.text;
  const q = t.text[0]!;
  const close = q === '[' ? ']' : q;
  const inner = t.text.slice(1, t.unterminated ? undefined : -1);
  return inner.split(close + close).join(close);
}

const isName = (t: Token | undefined): t is Token => t !== undefined && (t.type === 'word' || (t.type === 'quoted-ident' && !t.unterminated));

export function nameAt(text: string, offset: number, dialect: SqlDialect, tokens: readonly Token[] = lex(text, dialect.lex)): NameAt | undefined {
  let i = tokens.findIndex((t) => t.start <= offset && offset < t.end);
  if (i < 0 || !isName(tokens[i])) {
    // the cursor just after a name (`orders|`)
    const j = tokens.findIndex((t) => t.end === offset);
    if (j < 0 || !isName(tokens[j])) return undefined;
    i = j;
  }
  let first = i;
  while (first >= 2 && tokens[first - 1]!.text === '.' && isName(tokens[first - 2])) first -= 2;
  let last = i;
  while (last + 2 < tokens.length && tokens[last + 1]!.text === '.' && isName(tokens[last + 2])) last += 2;
  const parts: NamePart[] = [];
  for (let k = first; k <= last; k += 2) {
    const t = tokens[k]!;
    parts.push({ text: unquote(t), quoted: t.type === 'quoted-ident', start: t.start, end: t.end });
  }
  let n = last + 1;
  while (n < tokens.length && (tokens[n]!.type === 'space' || tokens[n]!.type.endsWith('comment'))) n++;
  return { parts, index: (i - first) / 2, call: tokens[n]?.text === '(', tokens, tokenIndex: i };
}
