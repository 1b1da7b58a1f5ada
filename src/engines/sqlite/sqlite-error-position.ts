/**
 * Best-effort 0-based position of an SQLite error inside the statement text. SQLite names the
 * offending token in its message ('near "frm": syntax error', 'no such column: x'); the lexer finds
 * that token outside strings and comments. For syntax errors, `probe` (prepare a prefix, return its
 * error message) picks the right one among several tokens with the same text: the first whose
 * prefix fails with the same message.
 */
import { lex } from '../../sql/lexer.js';
import { sqliteDialect } from '../../sql/dialects/sqlite.js';
import type { Token } from '../../sql/token.js';

export type PrefixProbe = (prefix: string) => string | undefined;

const SKIP = new Set(['space', 'line-comment', 'block-comment']);

function unquote(t: Token): string {
  const s = t.text;
  if (t.type !== 'quoted-ident' || s.length < 2) return s;
  const q = s[0];
  const close = q === '[' ? ']' : q;
  const inner = s.endsWith(close) ? s.slice(1, -1) : s.slice(1);
  return q === '[' ? inner : inner.split(close + close).join(close);
}

function isName(t: Token): boolean {
  return t.type === 'word' || t.type === 'quoted-ident';
}

/** Position of `name` (possibly qualified 'a.b') as an identifier, preferring a qualified match. */
function findName(tokens: readonly Token[], name: string, wantCall: boolean): number | undefined {
  const parts = name.split('.');
  const last = parts[parts.length - 1]!.toLowerCase();
  const qual = parts.length > 1 ? parts[parts.length - 2]!.toLowerCase() : undefined;
  let fallback: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isName(t) || unquote(t).toLowerCase() !== last) continue;
    if (wantCall && tokens[i + 1]?.text !== '(') continue;
    const dot = tokens[i - 1];
    const q = tokens[i - 2];
    if (qual !== undefined && dot?.text === '.' && q && isName(q) && unquote(q).toLowerCase() === qual) return q.start;
    if (fallback === undefined && dot?.text !== '.') fallback = t.start;
  }
  return fallback;
}

export function sqliteErrorPosition(sql: string, message: string, probe?: PrefixProbe): number | undefined {
  try {
    if (message === 'incomplete input') return sql.trimEnd().length;
    const tokens = lex(sql, sqliteDialect.lex).filter((t) => !SKIP.has(t.type));
    const near = /^near "([\s\S]*)": syntax error$/.exec(message);
    if (near) {
      const text = near[1]!;
      const candidates = tokens.filter((t) => t.text === text);
      if (probe && candidates.length > 1) {
        for (const c of candidates) if (probe(sql.slice(0, c.end)) === message) return c.start;
      }
      if (candidates.length > 0) return candidates[0]!.start;
      const at = sql.indexOf(text);
      return at >= 0 ? at : undefined;
    }
    const unrecognized = /^unrecognized token: "([\s\S]*)"$/.exec(message);
    if (unrecognized) {
      const at = sql.indexOf(unrecognized[1]!);
      return at >= 0 ? at : undefined;
    }
    const named =
      /^(?:no such (?:column|table|view|index|trigger|function|module|collation sequence)|ambiguous column name): (.+)$/.exec(message) ??
      /has no column named (.+)$/.exec(message);
    if (named) return findName(tokens, named[1]!, message.startsWith('no such function'));
    return undefined;
  } catch {
    return undefined; // best effort: a position is a nicety, never a reason to fail
  }
}

/** Start of the second statement in `sql` (for the "more than one statement" error), if found. */
export function secondStatementStart(sql: string, isComplete: (prefix: string) => boolean): number | undefined {
  try {
    const tokens = lex(sql, sqliteDialect.lex);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.text !== ';' || !isComplete(sql.slice(0, t.end))) continue;
      const next = tokens.slice(i + 1).find((x) => !SKIP.has(x.type) && x.text !== ';');
      return next?.start;
    }
  } catch {
    // best effort
  }
  return undefined;
}
