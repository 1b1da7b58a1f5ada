/**
 * Function bodies: the lexer reads `$$ ... $$` (or `$tag$ ... $tag$`) as one string token, but inside the body of
 * CREATE FUNCTION / PROCEDURE (LANGUAGE sql or plpgsql) and DO, the user writes SQL. These helpers find such a
 * body around the cursor (its text is then analysed on its own, offsets mapped back) and, inside a PL/pgSQL
 * block, narrow the statement to the SQL part (`BEGIN`, `IF ... THEN`, `RETURN QUERY`, `FOR r IN` ... skipped).
 */
import { isTrivia, type Token } from '../sql/token.js';
import type { TextRange } from './statement-range.js';
import { isPunct, kw } from './token-utils.js';

const isSignificant = (t: Token): boolean => !isTrivia(t);

/**
 * The range of the body's text when `tok` (a dollar-quoted string holding the cursor) is the body of a
 * CREATE FUNCTION / PROCEDURE or DO in SQL or PL/pgSQL; undefined otherwise. `stmt` is the statement's range.
 */
export function functionBodyRange(tokens: readonly Token[], tok: Token, cursor: number, stmt: TextRange): TextRange | undefined {
  const m = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(tok.text);
  if (!m) return undefined;
  const start = tok.start + m[0].length;
  const end = tok.unterminated || tok.text.length < 2 * m[0].length ? tok.end : tok.end - m[0].length;
  if (cursor < start || cursor > end) return undefined;
  const words: string[] = [];
  let language = '';
  for (const t of tokens) {
    if (t.end <= stmt.start || !isSignificant(t)) continue;
    if (t.start >= stmt.end && t.start > tok.end) break;
    if (t.type === 'word') words.push(t.text.toUpperCase());
    else if (t.type === 'string' && words[words.length - 1] === 'LANGUAGE') language = t.text.replace(/'/g, '').toLowerCase();
    else words.push('');
    if (words[words.length - 2] === 'LANGUAGE' && t.type === 'word') language = t.text.toLowerCase();
  }
  const body = words[0] === 'DO' || (words[0] === 'CREATE' && words.slice(1, 6).some((w) => w === 'FUNCTION' || w === 'PROCEDURE'));
  if (!body) return undefined;
  if (language !== '' && language !== 'sql' && language !== 'plpgsql') return undefined;
  return { start, end };
}

/** Words that open a PL/pgSQL block or branch; the SQL statement starts after them. */
const BLOCK_WORDS = new Set(['BEGIN', 'ELSE', 'LOOP', 'EXCEPTION', 'ATOMIC', 'THEN']);
/** Words whose condition runs up to THEN / LOOP. */
const CONDITION_WORDS: Readonly<Record<string, string>> = { IF: 'THEN', ELSIF: 'THEN', ELSEIF: 'THEN', WHEN: 'THEN', WHILE: 'LOOP' };

/** Index of `word` at parenthesis depth 0 in sig[from, to), or -1. */
function findWord(sig: readonly Token[], from: number, to: number, word: string): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    if (isPunct(sig[i], '(')) depth++;
    else if (isPunct(sig[i], ')')) depth = Math.max(0, depth - 1);
    else if (depth === 0 && kw(sig[i]) === word) return i;
  }
  return -1;
}

/**
 * Inside a PL/pgSQL body, the SQL statement under the cursor: sig[from, to) with `before` the cursor index.
 * `perform`: the statement starts with PERFORM (a SELECT whose result is discarded).
 */
export function procedureStatement(sig: readonly Token[], before: number): { from: number; to: number; perform: boolean } {
  let from = 0;
  let to = sig.length;
  for (let guard = 0; guard < 64 && from < before; guard++) {
    const k = kw(sig[from]);
    if (BLOCK_WORDS.has(k)) {
      from++;
      continue;
    }
    const until = CONDITION_WORDS[k];
    if (until !== undefined) {
      const at = findWord(sig, from + 1, sig.length, until);
      if (at >= 0 && at < before) {
        from = at + 1;
        continue;
      }
      break;
    }
    if (k === 'FOR') {
      const loop = findWord(sig, from + 1, sig.length, 'LOOP');
      if (loop >= 0 && loop < before) {
        from = loop + 1;
        continue;
      }
      const inAt = findWord(sig, from + 1, before, 'IN');
      if (inAt >= 0) {
        from = inAt + 1;
        if (loop >= 0) to = loop;
      }
      break;
    }
    if (k === 'RETURN' && kw(sig[from + 1]) === 'QUERY') {
      from += 2;
      break;
    }
    break;
  }
  return { from, to, perform: kw(sig[from]) === 'PERFORM' };
}
