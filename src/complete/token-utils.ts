/** Small helpers over significant tokens, shared by the scope reader and the cursor analysis. */
import type { Token } from '../sql/token.js';

/** Upper-cased text of a bare word, '' for anything else. */
export function kw(t: Token | undefined): string {
  return t && t.type === 'word' ? t.text.toUpperCase() : '';
}

export function isPunct(t: Token | undefined, p: string): boolean {
  return t !== undefined && (t.type === 'punct' || t.type === 'operator') && t.text === p;
}

/** An identifier token (bare word or quoted) -> its name, unquoted; undefined otherwise. */
export function identName(t: Token | undefined): string | undefined {
  if (!t) return undefined;
  if (t.type === 'word') return t.text;
  if (t.type === 'quoted-ident') {
    const skip = t.text.charCodeAt(1) === 38 /* U&"..." */ ? 3 : 1;
    const open = t.text[skip - 1]!;
    const close = open === '[' ? ']' : open;
    const body = t.text.endsWith(close) && t.text.length > skip && !t.unterminated ? t.text.slice(skip, -1) : t.text.slice(skip);
    return close === ']' ? body : body.split(close + close).join(close);
  }
  return undefined;
}

/**
 * For each '(' the index of its ')' (or sig.length when unclosed); for each ')' the index of its '('
 * (or -1 when unmatched). Other entries are -2.
 */
export function matchParens(sig: readonly Token[]): Int32Array {
  const out = new Int32Array(sig.length).fill(-2);
  const stack: number[] = [];
  for (let i = 0; i < sig.length; i++) {
    if (isPunct(sig[i], '(')) stack.push(i);
    else if (isPunct(sig[i], ')')) {
      const open = stack.pop();
      out[i] = open ?? -1;
      if (open !== undefined) out[open] = i;
    }
  }
  for (const open of stack) out[open] = sig.length;
  return out;
}

/** Words that may stand right before a parenthesized subquery: `IN (FROM t)`, `EXISTS (`, `AS (`... */
export const BEFORE_SUBQUERY: ReadonlySet<string> = new Set(['IN', 'EXISTS', 'AS', 'ANY', 'ALL', 'SOME', 'LATERAL', 'ARRAY', 'JOIN', 'FROM', 'NOT', 'UNION', 'EXCEPT', 'INTERSECT']);

/**
 * A function call whose ')' is not typed yet: `select count( from t` while the user edits. The rest of
 * the statement still belongs to the enclosing query, so scope reading looks through it.
 */
export function isUnclosedCall(sig: readonly Token[], pairs: Int32Array, open: number): boolean {
  if (pairs[open]! < sig.length) return false;
  const callee = sig[open - 1];
  if (callee?.type === 'quoted-ident') return true;
  const k = kw(callee);
  return k !== '' && !BEFORE_SUBQUERY.has(k) && !CLAUSE_WORDS.has(k);
}

/** Words that start a query inside parentheses. */
export function startsQuery(t: Token | undefined): boolean {
  const k = kw(t);
  return k === 'SELECT' || k === 'WITH' || k === 'VALUES' || k === 'TABLE' || k === 'FROM';
}

/** Words that end a FROM item (so they are never read as an alias). */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'WHERE', 'JOIN', 'ON', 'USING', 'LEFT', 'RIGHT', 'INNER', 'OUTER', 'FULL', 'CROSS', 'NATURAL', 'GROUP', 'ORDER',
  'LIMIT', 'HAVING', 'SET', 'WINDOW', 'UNION', 'EXCEPT', 'INTERSECT', 'RETURNING', 'VALUES', 'SELECT', 'LATERAL',
  'OFFSET', 'FETCH', 'FOR', 'WITH', 'DEFAULT', 'AS', 'FROM', 'INTO', 'STRAIGHT_JOIN', 'QUALIFY', 'SAMPLE', 'USE',
  'FORCE', 'IGNORE', 'PARTITION', 'ASOF', 'POSITIONAL', 'ANTI', 'SEMI', 'TABLESAMPLE', 'ONLY', 'WHEN', 'THEN', 'END',
  'INDEXED', 'NOT', 'ELSE', 'AND', 'OR', 'DO', 'UPDATE', 'DELETE', 'INSERT', 'CONFLICT', 'DUPLICATE', 'LOCK', 'GO',
]);

/** Words that begin a join (a FROM item follows the JOIN). */
export const JOIN_WORDS: ReadonlySet<string> = new Set([
  'JOIN', 'LEFT', 'RIGHT', 'INNER', 'OUTER', 'FULL', 'CROSS', 'NATURAL', 'STRAIGHT_JOIN', 'ASOF', 'POSITIONAL', 'ANTI', 'SEMI',
]);

/** Words that end a FROM clause. */
export const END_OF_FROM: ReadonlySet<string> = new Set([
  'WHERE', 'GROUP', 'ORDER', 'LIMIT', 'HAVING', 'WINDOW', 'UNION', 'EXCEPT', 'INTERSECT', 'RETURNING', 'OFFSET',
  'FETCH', 'FOR', 'QUALIFY', 'SET', 'VALUES', 'SELECT', 'ON', 'USING', 'DEFAULT', 'LOCK',
]);

/** True for a quoted identifier token. */
export function isQuotedIdent(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'quoted-ident';
}

/**
 * The text-only key of a name (stage 1 has no catalog): where the engine folds unquoted names
 * (PostgreSQL), unquoted names fold to lower case and quoted ones are exact; elsewhere case is ignored.
 */
export function nameKey(name: string, quoted: boolean, folding: 'lower' | 'none'): string {
  return folding === 'lower' && quoted ? name : name.toLowerCase();
}
