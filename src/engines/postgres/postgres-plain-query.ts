/**
 * A statement whose rows can be taken off the socket as it runs (postgres-simple-query.ts with raw
 * rows: the aligned table, json, jsonl, csv and tsv to a file or pipe): one plain query statement,
 * SELECT / VALUES / TABLE / WITH, with no data-modifying WITH, no SELECT ... INTO, no locking clause
 * (FOR UPDATE/SHARE) and nothing after it but a ';'.
 */
import { lex } from '../../sql/lexer.js';
import type { LexOptions } from '../../sql/dialect.js';
import type { Token } from '../../sql/token.js';

const STARTS = new Set(['select', 'values', 'table', 'with']);
const DATA_MODIFYING = new Set(['insert', 'update', 'delete', 'merge']);
const LOCKING = new Set(['update', 'share', 'no', 'key']);

/** The query text (up to its last code token), or undefined when the statement is not one plain query. */
export function plainQuery(sql: string, lexOptions: LexOptions): string | undefined {
  const tokens = lex(sql, lexOptions);
  const code = tokens.filter((t) => t.type !== 'space' && t.type !== 'line-comment' && t.type !== 'block-comment');
  if (code.length === 0 || code.some((t) => t.unterminated || t.type === 'backslash' || t.type === 'param')) return undefined;
  const first = word(code[0]!);
  if (!STARTS.has(first)) return undefined;
  let end = code.length;
  while (end > 0 && code[end - 1]!.text === ';') end--;
  if (end === 0) return undefined;
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const t = code[i]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (t.text === ';') return undefined; // more than one statement
    const w = word(t);
    if (w === '' ) continue;
    if (first === 'with' && DATA_MODIFYING.has(w)) return undefined;
    if (w === 'into' && depth === 0) return undefined;
    if (w === 'for' && LOCKING.has(word(code[i + 1]))) return undefined;
  }
  if (depth !== 0) return undefined;
  // Up to the last code token: a trailing '--' comment cannot swallow the closing parenthesis.
  return sql.slice(0, code[end - 1]!.end);
}

function word(t: Token | undefined): string {
  return t && t.type === 'word' ? t.text.toLowerCase() : '';
}
