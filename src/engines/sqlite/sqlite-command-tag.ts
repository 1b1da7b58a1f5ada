/**
 * The status tag of a finished SQLite statement, in the style of psql: 'SELECT 3', 'INSERT 2',
 * 'UPDATE 0', 'CREATE TABLE', 'BEGIN'. SQLite has no tags of its own, so the tag is made from the
 * statement's leading keywords (found with the lexer, so comments are skipped).
 */
import { lex } from '../../sql/lexer.js';
import { sqliteDialect } from '../../sql/dialects/sqlite.js';

export interface StatementOutcome {
  readonly reader: boolean;
  readonly rowCount: number;
  readonly changes: number;
}

export interface CommandTag {
  readonly command?: string;
  readonly affected?: number;
  readonly rowCount?: number;
}

const DML = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE']);
const OBJECT_MODIFIERS = new Set(['TEMP', 'TEMPORARY', 'UNIQUE', 'VIRTUAL']);

/** Upper-cased bare words at parenthesis depth 0, in order. */
function topLevelWords(sql: string): string[] {
  const words: string[] = [];
  let depth = 0;
  for (const t of lex(sql, sqliteDialect.lex)) {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (t.type === 'word' && depth === 0) words.push(t.text.toUpperCase());
  }
  return words;
}

export function sqliteCommandTag(sql: string, outcome: StatementOutcome): CommandTag {
  const words = topLevelWords(sql);
  let kw = words[0] ?? '';
  if (kw === 'WITH') kw = words.find((w) => DML.has(w) || w === 'SELECT' || w === 'VALUES') ?? 'SELECT';
  if (kw === 'VALUES') kw = 'SELECT';
  if (DML.has(kw)) {
    const n = outcome.reader ? outcome.rowCount : outcome.changes;
    return outcome.reader ? { command: `${kw} ${n}`, affected: n, rowCount: n } : { command: `${kw} ${n}`, affected: n };
  }
  if (outcome.reader) return { command: kw === 'SELECT' ? `SELECT ${outcome.rowCount}` : kw, rowCount: outcome.rowCount };
  if (kw === 'CREATE' || kw === 'DROP' || kw === 'ALTER') {
    const object = words.slice(1).find((w) => !OBJECT_MODIFIERS.has(w));
    return { command: object ? `${kw} ${object}` : kw };
  }
  if (kw === 'END') return { command: 'COMMIT' };
  return kw ? { command: kw } : {};
}
