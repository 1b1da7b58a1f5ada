/**
 * Classifies one statement from its text alone: its main verb (after comments and WITH ... CTEs),
 * what kind of statement it is, whether it changes the catalog, its transaction effect, and
 * whether it destroys data (so the shell can ask before running it).
 */
import type { SqlDialect } from './dialect.js';
import { leadingWord, lexSignificant } from './lexer.js';
import type { Token } from './token.js';

export interface StatementClass {
  /** The main verb upper-cased ('SELECT', 'DELETE', ...; after a WITH clause, the verb that follows it); '' if none. */
  readonly keyword: string;
  readonly kind: 'query' | 'dml' | 'ddl' | 'transaction' | 'session' | 'other';
  /** True for statements after which the catalog should be refreshed (CREATE, ALTER, DROP, RENAME, ATTACH ...). */
  readonly changesCatalog: boolean;
  readonly transaction?: 'begin' | 'commit' | 'rollback' | 'savepoint';
  /** Set when the statement deletes data or objects; reason is a short sentence for a confirmation prompt. */
  readonly destructive?: { readonly reason: string };
  /**
   * What the statement changes, for a preview: the table a DML statement writes (`target`), the objects
   * a DROP/TRUNCATE removes (`objects`, with `objectKind` 'TABLE', 'VIEW', ...), whether an INSERT takes
   * its rows from a query, and the text of its top-level WHERE condition (without ORDER BY/LIMIT/RETURNING).
   */
  readonly change?: {
    readonly target?: string;
    readonly objects?: readonly string[];
    readonly objectKind?: string;
    readonly insertSelect?: boolean;
    readonly where?: string;
    readonly returning?: boolean;
    /** Names of the functions the statement calls (lower case), for side effects a rollback cannot undo. */
    readonly calls?: readonly string[];
  };
}

const QUERY = new Set(['SELECT', 'VALUES', 'TABLE', 'SHOW', 'EXPLAIN', 'DESCRIBE', 'DESC', 'FROM', 'SUMMARIZE', 'PIVOT', 'UNPIVOT', 'FETCH']);
const DML = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'REPLACE', 'UPSERT', 'COPY', 'LOAD', 'IMPORT', 'EXPORT']);
const DDL = new Set(['CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'RENAME', 'COMMENT', 'ATTACH', 'DETACH', 'GRANT', 'REVOKE', 'REINDEX']);
const NO_CATALOG_DDL = new Set(['GRANT', 'REVOKE', 'TRUNCATE', 'REINDEX']);
const SESSION = new Set(['SET', 'RESET', 'USE', 'DISCARD']);
const MAIN_VERBS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'VALUES', 'TABLE', 'REPLACE', 'FROM']);
const DROP_FILLERS = new Set(['IF', 'EXISTS', 'TEMPORARY', 'TEMP', 'CONCURRENTLY', 'ONLY']);
const ROWS_KINDS = new Set(['TABLE', 'TABLES']);
const CONTAINER_KINDS = new Set(['DATABASE', 'SCHEMA']);

/** Significant tokens only (no whitespace or comments). */
function significant(text: string, dialect: SqlDialect): readonly Token[] {
  return lexSignificant(text, dialect.lex);
}

function upper(t: Token | undefined): string {
  return t !== undefined && t.type === 'word' ? t.text.toUpperCase() : '';
}

/** Index of the main verb: skips leading '(' and a WITH [RECURSIVE] list of CTEs. */
function mainVerbIndex(toks: readonly Token[]): number {
  let i = 0;
  while (i < toks.length && toks[i]?.text === '(') i++;
  if (upper(toks[i]) !== 'WITH') return i;
  let depth = 0;
  for (let j = i + 1; j < toks.length; j++) {
    const t = toks[j] as Token;
    if (t.type === 'punct' && t.text === '(') depth++;
    else if (t.type === 'punct' && t.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && MAIN_VERBS.has(upper(t)) && toks[j - 1]?.text === ')') return j;
  }
  return i;
}

/** A display name from the tokens starting at i: words, quoted identifiers and dots, quotes removed. */
/** The comma-separated names starting at token i (`DROP TABLE a, b`, `TRUNCATE a, b`). */
function nameListAt(toks: readonly Token[], i: number): string[] {
  const names: string[] = [];
  let j = i;
  for (;;) {
    const { name, next } = nameAt(toks, j);
    if (name === '') return names;
    names.push(name);
    j = next;
    if (toks[j]?.text !== ',') return names;
    j++;
  }
}

function nameAt(toks: readonly Token[], i: number): { name: string; next: number } {
  let name = '';
  let j = i;
  while (j < toks.length) {
    const t = toks[j] as Token;
    if (t.type === 'word' || t.type === 'quoted-ident') name += unquote(t.text);
    else if (t.type === 'punct' && t.text === '.' && name !== '') name += '.';
    else break;
    j++;
    const nx = toks[j];
    if (t.text !== '.' && !(nx?.type === 'punct' && nx.text === '.')) break;
  }
  return { name, next: j };
}

function unquote(s: string): string {
  const q = s[0];
  if (q === '"' || q === '`') return s.slice(1, s.endsWith(q) && s.length > 1 ? -1 : undefined).split(q + q).join(q);
  if (q === '[') return s.slice(1, s.endsWith(']') ? -1 : undefined);
  return s;
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

/** True if a word `kw` occurs at parenthesis depth 0 in toks[from..]. */
function hasTopLevel(toks: readonly Token[], from: number, kw: string): boolean {
  let depth = 0;
  for (let j = from; j < toks.length; j++) {
    const t = toks[j] as Token;
    if (t.type === 'punct' && t.text === '(') depth++;
    else if (t.type === 'punct' && t.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && upper(t) === kw) return true;
  }
  return false;
}

function dropReason(toks: readonly Token[], i: number): string {
  let j = i + 1;
  const kindWords: string[] = [];
  while (j < toks.length && toks[j]?.type === 'word' && !DROP_FILLERS.has(upper(toks[j])) && kindWords.length < 3) {
    const u = upper(toks[j]);
    kindWords.push(u);
    j++;
    if (!['MATERIALIZED', 'FOREIGN', 'FULLTEXT', 'UNIQUE', 'SPATIAL'].includes(u)) break;
  }
  while (DROP_FILLERS.has(upper(toks[j]))) j++;
  const names = nameListAt(toks, j);
  const kind = kindWords.join(' ');
  const noun = kind.toLowerCase() || 'object';
  const what = names.length > 1 ? `the ${noun}s ${quoted(names)}` : names.length === 1 ? `the ${noun} ${quoted(names)}` : `a ${noun}`;
  if (ROWS_KINDS.has(kindWords[kindWords.length - 1] ?? '')) return `DROP ${kind} deletes ${what} and all ${names.length > 1 ? 'their' : 'its'} rows`;
  if (CONTAINER_KINDS.has(kind)) return `DROP ${kind} deletes ${what} and everything in it`;
  return `DROP ${kind || 'statement'} deletes ${what}`.replace(/\s+/g, ' ');
}

function truncateReason(toks: readonly Token[], i: number): string {
  let j = i + 1;
  while (['TABLE', 'ONLY'].includes(upper(toks[j]))) j++;
  const names = nameListAt(toks, j);
  return names.length ? `TRUNCATE deletes every row of ${quoted(names)}` : 'TRUNCATE deletes every row of the table';
}

function deleteReason(toks: readonly Token[], i: number): string | undefined {
  if (hasTopLevel(toks, i + 1, 'WHERE')) return undefined;
  let j = i + 1;
  while (['FROM', 'ONLY', 'LOW_PRIORITY', 'QUICK', 'IGNORE'].includes(upper(toks[j]))) j++;
  const { name } = nameAt(toks, j);
  return `DELETE without WHERE deletes every row of ${name ? `"${name}"` : 'the table'}`;
}

function updateReason(toks: readonly Token[], i: number): string | undefined {
  if (hasTopLevel(toks, i + 1, 'WHERE')) return undefined;
  let j = i + 1;
  for (;;) {
    const u = upper(toks[j]);
    if (u === 'OR') j += 2; // SQLite: UPDATE OR REPLACE t ...
    else if (u === 'ONLY' || u === 'LOW_PRIORITY' || u === 'IGNORE') j++;
    else break;
  }
  const { name } = nameAt(toks, j);
  return `UPDATE without WHERE changes every row of ${name ? `"${name}"` : 'the table'}`;
}

/** ALTER TABLE t ... DROP [COLUMN] c / DROP CONSTRAINT k / DROP PARTITION p at the start of an action. */
function alterReason(toks: readonly Token[], i: number): string | undefined {
  if (upper(toks[i + 1]) !== 'TABLE') return undefined;
  let j = i + 2;
  while (['IF', 'EXISTS', 'ONLY'].includes(upper(toks[j]))) j++;
  const table = nameAt(toks, j);
  j = table.next;
  let depth = 0;
  let actionStart = true;
  for (; j < toks.length; j++) {
    const t = toks[j] as Token;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && t.text === ',') {
      actionStart = true;
      continue;
    } else if (depth === 0 && actionStart && upper(t) === 'DROP') {
      let k = j + 1;
      let what = upper(toks[k]);
      if (['DEFAULT', 'NOT', 'EXPRESSION', 'IDENTITY'].includes(what)) return undefined;
      let noun = 'column';
      if (['COLUMN', 'CONSTRAINT', 'PARTITION', 'INDEX', 'KEY', 'CHECK'].includes(what)) {
        noun = what.toLowerCase();
        k++;
      } else if (what === 'PRIMARY' || what === 'FOREIGN') {
        return `ALTER TABLE ... DROP ${what} KEY removes a key from "${table.name}"`;
      }
      while (['IF', 'EXISTS'].includes(upper(toks[k]))) k++;
      what = nameAt(toks, k).name;
      return `ALTER TABLE ... DROP removes the ${noun} ${what ? `"${what}" ` : ''}from "${table.name}"`;
    }
    actionStart = false;
  }
  return undefined;
}

const CLAUSE_ENDS = new Set(['ORDER', 'LIMIT', 'RETURNING', 'OFFSET', 'FETCH']);

/** Index of the first top-level word `kw` in toks[from..], or -1. */
function topLevelIndex(toks: readonly Token[], from: number, kw: string): number {
  let depth = 0;
  for (let j = from; j < toks.length; j++) {
    const t = toks[j] as Token;
    if (t.type === 'punct' && t.text === '(') depth++;
    else if (t.type === 'punct' && t.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && upper(t) === kw) return j;
  }
  return -1;
}

/** The text of the top-level WHERE condition, up to ORDER BY / LIMIT / RETURNING / the end. */
function whereText(text: string, toks: readonly Token[], i: number): string | undefined {
  const w = topLevelIndex(toks, i + 1, 'WHERE');
  if (w < 0 || w + 1 >= toks.length) return undefined;
  let depth = 0;
  let end = toks.length;
  for (let j = w + 1; j < toks.length; j++) {
    const t = toks[j] as Token;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (CLAUSE_ENDS.has(upper(t)) || t.text === ';')) {
      end = j;
      break;
    }
  }
  if (end <= w + 1) return undefined;
  return text.slice((toks[w + 1] as Token).start, (toks[end - 1] as Token).end);
}

/** The table a DML statement writes. */
function dmlTarget(toks: readonly Token[], i: number, keyword: string): string {
  let j = i + 1;
  const skip = keyword === 'DELETE' ? ['FROM', 'ONLY', 'LOW_PRIORITY', 'QUICK', 'IGNORE']
    : keyword === 'UPDATE' ? ['ONLY', 'LOW_PRIORITY', 'IGNORE']
    : ['INTO', 'IGNORE', 'LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'OVERWRITE'];
  for (;;) {
    const u = upper(toks[j]);
    if (u === 'OR' && keyword !== 'DELETE') j += 2; // SQLite: INSERT OR REPLACE, UPDATE OR IGNORE
    else if (skip.includes(u)) j++;
    else break;
  }
  return nameAt(toks, j).name;
}

function changeOf(text: string, toks: readonly Token[], i: number, keyword: string): StatementClass['change'] {
  if (['DELETE', 'UPDATE', 'INSERT', 'REPLACE', 'MERGE', 'UPSERT'].includes(keyword)) {
    const target = dmlTarget(toks, i, keyword);
    const where = keyword === 'DELETE' || keyword === 'UPDATE' ? whereText(text, toks, i) : undefined;
    const insertSelect = (keyword === 'INSERT' || keyword === 'REPLACE') && (topLevelIndex(toks, i + 1, 'SELECT') >= 0 || topLevelIndex(toks, i + 1, 'TABLE') >= 0);
    const returning = topLevelIndex(toks, i + 1, 'RETURNING') >= 0;
    return { ...(target ? { target } : {}), ...(where ? { where } : {}), ...(insertSelect ? { insertSelect } : {}), ...(returning ? { returning } : {}) };
  }
  if (keyword === 'DROP') {
    let j = i + 1;
    const kind = upper(toks[j]);
    j++;
    while (DROP_FILLERS.has(upper(toks[j]))) j++;
    return { objectKind: kind, objects: nameListAt(toks, j) };
  }
  if (keyword === 'TRUNCATE') {
    let j = i + 1;
    while (['TABLE', 'ONLY'].includes(upper(toks[j]))) j++;
    return { objectKind: 'TABLE', objects: nameListAt(toks, j) };
  }
  if (keyword === 'ALTER' && upper(toks[i + 1]) === 'TABLE') {
    let j = i + 2;
    while (['IF', 'EXISTS', 'ONLY'].includes(upper(toks[j]))) j++;
    const target = nameAt(toks, j).name;
    return target ? { target } : {};
  }
  return undefined;
}

/** The first tokens that decide an INSERT's kind; its rows are lexed only when its `change` is read. */
const HEAD = 32;

/** An INSERT's or REPLACE's class: its kind from its verb alone; `change` worked out (lexing it all) when first read. */
function insertClass(text: string, dialect: SqlDialect, keyword: string): StatementClass {
  let change: StatementClass['change'];
  // (a getter in the literal: Object.defineProperty on each of a dump's INSERTs costs more than the rest)
  return {
    keyword,
    changesCatalog: false,
    kind: 'dml',
    get change() {
      return (change ??= classifyAll(text, dialect).change);
    },
  };
}

export function classifyStatement(text: string, dialect: SqlDialect): StatementClass {
  // A dump's INSERT of 10,000 rows is 100,000 tokens, and only previews (--dry-run, \explain) read what it
  // changes: its kind comes from its first words, its `change` is worked out when first read. A dump of
  // one-row INSERTs has hundreds of thousands: the kind of one that starts with its verb is read without
  // lexing the rest.
  const first = leadingWord(text, dialect.lex);
  if (first === 'INSERT' || first === 'REPLACE') return insertClass(text, dialect, first);
  const head = lexSignificant(text, dialect.lex, HEAD + 1);
  const whole = head.length <= HEAD;
  const i = mainVerbIndex(head);
  const keyword = upper(head[i]);
  if ((whole || i < HEAD - 2) && (keyword === 'INSERT' || keyword === 'REPLACE')) return insertClass(text, dialect, keyword);
  // (a short statement's head is all its tokens: not lexed again)
  return classifyAll(text, dialect, whole ? head : undefined);
}

function classifyAll(text: string, dialect: SqlDialect, tokens?: readonly Token[]): StatementClass {
  // lexed once
  const toks = tokens ?? significant(text, dialect);
  const cls = classifyKind(toks, dialect);
  // Queries too: SELECT nextval('s') has an effect a rollback does not undo (\explain analyze asks).
  if (cls.kind !== 'dml' && cls.kind !== 'ddl' && cls.kind !== 'query') return cls;
  const change = changeOf(text, toks, mainVerbIndex(toks), cls.keyword);
  const calls = [...new Set(toks.filter((t, k) => t.type === 'word' && toks[k + 1]?.text === '(' && !dialect.keywords.has(t.text.toUpperCase())).map((t) => t.text.toLowerCase()))];
  if (!change && calls.length === 0) return cls;
  return { ...cls, change: { ...change, ...(calls.length ? { calls } : {}) } };
}

function classifyKind(toks: readonly Token[], dialect: SqlDialect): StatementClass {
  const i = mainVerbIndex(toks);
  const keyword = upper(toks[i]);
  const next = upper(toks[i + 1]);
  const base = { keyword, changesCatalog: false };
  if (keyword === '') return { ...base, kind: 'other' };
  if (QUERY.has(keyword)) return { ...base, kind: 'query' };
  if (keyword === 'PRAGMA') {
    return { ...base, kind: toks.some((t) => t.text === '=') ? 'session' : 'query' };
  }
  if (DML.has(keyword)) {
    if (keyword === 'LOAD' && dialect.id === 'duckdb') return { ...base, kind: 'other', changesCatalog: true };
    if (keyword === 'IMPORT') return { ...base, kind: 'dml', changesCatalog: true };
    const reason = keyword === 'DELETE' ? deleteReason(toks, i) : keyword === 'UPDATE' ? updateReason(toks, i) : undefined;
    return reason ? { ...base, kind: 'dml', destructive: { reason } } : { ...base, kind: 'dml' };
  }
  if (DDL.has(keyword)) {
    const cls = { ...base, kind: 'ddl' as const, changesCatalog: !NO_CATALOG_DDL.has(keyword) };
    const reason = keyword === 'DROP' ? dropReason(toks, i)
      : keyword === 'TRUNCATE' ? truncateReason(toks, i)
      : keyword === 'ALTER' ? alterReason(toks, i) : undefined;
    return reason ? { ...cls, destructive: { reason } } : cls;
  }
  switch (keyword) {
    case 'BEGIN':
      if (next === 'NOT' || next === 'ATOMIC') return { ...base, kind: 'other' };
      return { ...base, kind: 'transaction', transaction: 'begin' };
    case 'START':
      return next === 'TRANSACTION' ? { ...base, kind: 'transaction', transaction: 'begin' } : { ...base, kind: 'other' };
    case 'COMMIT':
    case 'END':
      if (next === 'PREPARED') return { ...base, kind: 'transaction' };
      return { ...base, kind: 'transaction', transaction: 'commit' };
    case 'ROLLBACK':
    case 'ABORT':
      if (hasTopLevel(toks, i + 1, 'TO')) return { ...base, kind: 'transaction', transaction: 'savepoint' };
      if (next === 'PREPARED') return { ...base, kind: 'transaction' };
      return { ...base, kind: 'transaction', transaction: 'rollback' };
    case 'SAVEPOINT':
    case 'RELEASE':
      return { ...base, kind: 'transaction', transaction: 'savepoint' };
    case 'INSTALL':
      return { ...base, kind: 'other', changesCatalog: dialect.id === 'duckdb' };
    default:
      break;
  }
  if (SESSION.has(keyword)) {
    // USE db, SET search_path / SET schema change which names are visible unqualified: refresh the catalog.
    let j = i + 1;
    while (['SESSION', 'LOCAL', 'GLOBAL'].includes(upper(toks[j]))) j++;
    const target = upper(toks[j]);
    const changesPath = keyword === 'USE' || target === 'SEARCH_PATH' || target === 'SCHEMA';
    return { ...base, kind: 'session', changesCatalog: changesPath };
  }
  return { ...base, kind: 'other' };
}
