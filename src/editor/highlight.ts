/** SQL text -> styled spans, from the lexer's tokens and the dialect's keywords and functions. */
import type { SqlDialect } from '../sql/dialect.js';
import { lex } from '../sql/lexer.js';
import type { Token } from '../sql/token.js';
import type { TokenStyle } from './themes.js';

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly style: TokenStyle;
}

function styleOf(t: Token, next: Token | undefined, dialect: SqlDialect, functions: ReadonlySet<string>): TokenStyle {
  if (t.unterminated) return 'unterminated';
  switch (t.type) {
    case 'word': {
      const upper = t.text.toUpperCase();
      if (next?.text === '(' && functions.has(t.text.toLowerCase())) return 'function';
      if (dialect.keywords.has(upper)) return 'keyword';
      return next?.text === '(' ? 'function' : 'identifier';
    }
    case 'line-comment': case 'block-comment': case 'executable-comment': return 'comment';
    case 'quoted-ident': return 'quoted-ident';
    case 'string': return 'string';
    case 'number': return 'number';
    case 'param': return 'param';
    case 'operator': return 'operator';
    case 'punct': return 'punct';
    case 'backslash': return 'backslash';
    case 'space': return 'space';
    default: return 'other';
  }
}

const functionSets = new WeakMap<SqlDialect, ReadonlySet<string>>();

/** Characters lexed past the end of a range, so a name followed by `(` there is still a function. */
const LOOKAHEAD = 256;

/**
 * Styled spans covering `text` in order. Total: never throws (falls back to one plain span).
 * With `range`, only the tokens overlapping it get spans (the visible lines of a tall buffer); the
 * text before it is still lexed, so a string or comment opened above the range is known.
 */
export function highlight(text: string, dialect: SqlDialect, range?: { readonly start: number; readonly end: number }): readonly Span[] {
  if (range) text = text.slice(0, Math.min(text.length, range.end + LOOKAHEAD));
  if (text === '') return [];
  let fns = functionSets.get(dialect);
  if (!fns) {
    fns = new Set(dialect.functions.map((f) => f.toLowerCase()));
    functionSets.set(dialect, fns);
  }
  let tokens: readonly Token[];
  try {
    tokens = lex(text, dialect.lex);
  } catch {
    return [{ start: 0, end: text.length, style: 'identifier' }];
  }
  const spans: Span[] = [];
  const from = range?.start ?? 0;
  const to = range?.end ?? Infinity;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end <= from) continue;
    if (t.start >= to) break;
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.type === 'space') j++;
    spans.push({ start: t.start, end: t.end, style: styleOf(t, tokens[j], dialect, fns) });
  }
  return spans;
}
