/**
 * The status tag of a finished SQLite statement, in the style of psql: 'SELECT 3', 'INSERT 2',
 * 'UPDATE 0', 'CREATE TABLE', 'BEGIN'. SQLite has no tags of its own, so the tag is made from the
 * statement's leading keywords (found with the lexer, so comments are skipped).
 */
import { leadingWord, newScanState, scanToken } from '../../sql/lexer.js';
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

/** Upper-cased bare words at parenthesis depth 0, in order, read as far as they are taken (a long INSERT's first one). */
function* topLevelWords(sql: string): Generator<string, void, undefined> {
  const st = newScanState();
  let depth = 0;
  for (let pos = 0, atStart = true; pos < sql.length; ) {
    const end = scanToken(sql, sqliteDialect.lex, pos, atStart, st);
    const c = sql.charCodeAt(pos);
    if (st.type === 'punct' && c === 40) depth++;
    else if (st.type === 'punct' && c === 41) depth = Math.max(0, depth - 1);
    else if (st.type === 'word' && depth === 0) yield sql.slice(pos, end).toUpperCase();
    if (st.type !== 'space' && st.type !== 'line-comment' && st.type !== 'block-comment') atStart = false;
    pos = end;
  }
}

function dmlTag(kw: string, outcome: StatementOutcome): CommandTag {
  const n = outcome.reader ? outcome.rowCount : outcome.changes;
  return outcome.reader ? { command: `${kw} ${n}`, affected: n, rowCount: n } : { command: `${kw} ${n}`, affected: n };
}

export function sqliteCommandTag(sql: string, outcome: StatementOutcome): CommandTag {
  // a dump's INSERTs: the first word is the tag's, read without a generator of words
  const lead = leadingWord(sql, sqliteDialect.lex);
  if (DML.has(lead)) return dmlTag(lead, outcome);
  const next = topLevelWords(sql);
  const words = { first: next.next().value ?? '', rest: next };
  let kw = words.first;
  if (kw === 'WITH') kw = find(words.rest, (w) => DML.has(w) || w === 'SELECT' || w === 'VALUES') ?? 'SELECT';
  if (kw === 'VALUES') kw = 'SELECT';
  if (DML.has(kw)) return dmlTag(kw, outcome);
  if (outcome.reader) return { command: kw === 'SELECT' ? `SELECT ${outcome.rowCount}` : kw, rowCount: outcome.rowCount };
  if (kw === 'CREATE' || kw === 'DROP' || kw === 'ALTER') {
    const object = find(words.rest, (w) => !OBJECT_MODIFIERS.has(w));
    return { command: object ? `${kw} ${object}` : kw };
  }
  if (kw === 'END') return { command: 'COMMIT' };
  return kw ? { command: kw } : {};
}

function find(words: Iterator<string>, test: (w: string) => boolean): string | undefined {
  for (let r = words.next(); !r.done; r = words.next()) if (test(r.value)) return r.value;
  return undefined;
}
