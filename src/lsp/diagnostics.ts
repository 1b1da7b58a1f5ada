/**
 * Diagnostics that need no server round trip: the lexer's unterminated strings, quoted identifiers,
 * comments and dollar quotes (errors), and relations the catalog does not have (warnings). Only names
 * clearly meant as relations are checked — after FROM / JOIN in a query (not `EXTRACT(x FROM y)` or
 * `IS DISTINCT FROM`), UPDATE, INSERT INTO — and never a CTE, a name created in this file, a table
 * function, or a name qualified by a schema or database the catalog does not know.
 */
import { editDistance } from '../core/edit-distance.js';
import type { Catalog, SqlDialect } from '../index.js';
import { lex } from '../sql/lexer.js';
import { splitStatements, unterminatedWhat, type Statement } from '../sql/splitter.js';
import { isTrivia, type Token } from '../sql/token.js';
import { unquote } from './name-at.js';

export interface SqlProblem {
  readonly start: number;
  readonly end: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly code: string;
}

const SUBQUERY_START = new Set(['SELECT', 'WITH', 'VALUES', 'FROM', 'TABLE']);
const FROM_END = new Set(['WHERE', 'GROUP', 'ORDER', 'LIMIT', 'HAVING', 'WINDOW', 'UNION', 'EXCEPT', 'INTERSECT', 'JOIN', 'ON', 'USING', 'SET', 'RETURNING', 'QUALIFY', 'OFFSET', 'FETCH', 'FOR', 'SELECT', 'VALUES']);
const CHECKED_VERBS = new Set(['SELECT', 'WITH', 'INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'FROM', 'VALUES', 'MERGE', 'CREATE', 'EXPLAIN', 'TABLE', '(']);
const ITEM_PREFIX = new Set(['LATERAL', 'ONLY']);
const EXEMPT = /^(dual|sqlite_(master|schema|temp_master|temp_schema|sequence|stat\d)|pg_\w+|information_schema)$/i;

const significant = (t: Token): boolean => !isTrivia(t);
const isName = (t: Token | undefined): t is Token => t !== undefined && (t.type === 'word' || (t.type === 'quoted-ident' && !t.unterminated));

/** Lexer errors: a token the text ends inside of. */
export function lexProblems(tokens: readonly Token[]): SqlProblem[] {
  return tokens.filter((t) => t.unterminated).map((t) => ({ start: t.start, end: t.end, severity: 'error' as const, message: unterminatedWhat(t), code: 'unterminated' }));
}

/** Lower-cased names of relations the file itself creates or renames to (a migration's later statements use them). */
function createdNames(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  const sig = tokens.filter(significant);
  for (let i = 0; i < sig.length; i++) {
    const w = sig[i]!.text.toUpperCase();
    if (w === 'TABLE' || w === 'VIEW' || (w === 'TO' && sig[i - 1]?.text.toUpperCase() === 'RENAME')) {
      let j = i + 1;
      while (sig[j] && /^(IF|NOT|EXISTS)$/i.test(sig[j]!.text)) j++;
      let last: Token | undefined;
      while (isName(sig[j])) {
        last = sig[j];
        if (sig[j + 1]?.text !== '.') break;
        j += 2;
      }
      if (last) out.add(unquote(last).toLowerCase());
    }
  }
  return out;
}

/** CTE names of a statement: `name [(cols)] AS [NOT] [MATERIALIZED] (`. */
function cteNames(sig: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < sig.length; i++) {
    if (!isName(sig[i])) continue;
    let j = i + 1;
    if (sig[j]?.text === '(') {
      let depth = 0;
      for (; j < sig.length; j++) {
        if (sig[j]!.text === '(') depth++;
        else if (sig[j]!.text === ')' && --depth === 0) break;
      }
      j++;
    }
    if (sig[j]?.text.toUpperCase() !== 'AS') continue;
    j++;
    while (sig[j] && /^(NOT|MATERIALIZED)$/i.test(sig[j]!.text)) j++;
    if (sig[j]?.text === '(') out.add(unquote(sig[i]!).toLowerCase());
  }
  return out;
}

/** Relation references of one statement's significant tokens: name parts and where. */
function relationRefs(sig: readonly Token[]): Token[][] {
  const refs: Token[][] = [];
  const parens: boolean[] = []; // per open '(': is it a subquery?
  const readItem = (k: number, columnList = false): number => {
    while (sig[k] && ITEM_PREFIX.has(sig[k]!.text.toUpperCase())) k++;
    const parts: Token[] = [];
    while (isName(sig[k])) {
      parts.push(sig[k]!);
      if (sig[k + 1]?.text !== '.') break;
      k += 2;
    }
    if (parts.length > 0 && (columnList || sig[k + 1]?.text !== '(')) refs.push(parts);
    return k + 1;
  };
  for (let i = 0; i < sig.length; i++) {
    const t = sig[i]!;
    if (t.text === '(') {
      parens.push(SUBQUERY_START.has(sig[i + 1]?.text.toUpperCase() ?? ''));
      continue;
    }
    if (t.text === ')') {
      parens.pop();
      continue;
    }
    if (t.type !== 'word') continue;
    const w = t.text.toUpperCase();
    const inQuery = parens.length === 0 || parens[parens.length - 1] === true;
    if (!inQuery) continue;
    const prev = sig[i - 1]?.text.toUpperCase();
    if (w === 'FROM' && prev !== 'DISTINCT') {
      let k = readItem(i + 1);
      // FROM a, b, c: the items after commas at this depth
      let depth = 0;
      for (; k < sig.length; k++) {
        const x = sig[k]!;
        if (x.text === '(') depth++;
        else if (x.text === ')') {
          if (--depth < 0) break;
        } else if (x.text === ';') break;
        else if (depth === 0 && x.text === ',') k = readItem(k + 1) - 1;
        else if (depth === 0 && x.type === 'word' && FROM_END.has(x.text.toUpperCase())) break;
      }
    } else if (w === 'JOIN') readItem(i + 1);
    else if (w === 'UPDATE' && (i === 0 || prev === ')')) readItem(i + 1);
    else if (w === 'INTO' && (prev === 'INSERT' || prev === 'REPLACE' || prev === 'IGNORE')) readItem(i + 1, true);
  }
  return refs;
}

/** The closest relation name (edit distance 1 or 2, visible ones first), for a "did you mean". */
function nearestRelation(catalog: Catalog, lower: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const r of catalog.relations) {
    if (r.system || Math.abs(r.lower.length - lower.length) > 2) continue;
    const d = editDistance(lower, r.lower) + (r.visible ? 0 : 0.5);
    if (d <= 2 && (!best || d < best.d)) best = { name: r.visible ? r.def.name : `${r.def.schema}.${r.def.name}`, d };
  }
  return best?.name;
}

/** Relations the catalog does not have (nothing while the catalog is not loaded). */
export function unknownRelations(text: string, statements: readonly Statement[], catalog: Catalog, allTokens: readonly Token[]): SqlProblem[] {
  if (!catalog.loaded) return [];
  const dialect: SqlDialect = catalog.dialect;
  const created = createdNames(allTokens);
  const out: SqlProblem[] = [];
  for (const st of statements) {
    if (st.kind !== 'sql' || st.text === '') continue;
    const sig = allTokens.filter((t) => t.start >= st.start && t.end <= st.end && significant(t));
    if (!CHECKED_VERBS.has(sig[0]?.text.toUpperCase() ?? '')) continue; // SHOW TABLES FROM db, COPY t FROM STDIN, REVOKE ... FROM role
    const ctes = cteNames(sig);
    for (const parts of relationRefs(sig)) {
      const names = parts.map(unquote);
      const last = names[names.length - 1]!;
      const lower = last.toLowerCase();
      if (ctes.has(lower) || created.has(lower) || EXEMPT.test(last)) continue;
      const lastTok = parts[parts.length - 1]!;
      if (parts.length === 1 && lastTok.type === 'word' && dialect.reserved.has(last.toUpperCase())) continue;
      if (parts.length > 2) continue;
      const schemaTok = parts.length === 2 ? parts[0]! : undefined;
      if (schemaTok && !catalog.hasSchema(unquote(schemaTok), schemaTok.type === 'quoted-ident')) continue;
      if (catalog.findRelation(last, schemaTok ? unquote(schemaTok) : undefined, { name: lastTok.type === 'quoted-ident', schema: schemaTok?.type === 'quoted-ident' })) continue;
      if (catalog.tableFunctions.some((f) => f.name.toLowerCase() === lower)) continue;
      const written = text.slice(parts[0]!.start, lastTok.end);
      const near = nearestRelation(catalog, lower);
      out.push({ start: parts[0]!.start, end: lastTok.end, severity: 'warning', message: `relation ${written} is not in the catalog of the connected database${near ? ` (did you mean ${near}?)` : ''}`, code: 'unknown-relation' });
    }
  }
  return out;
}

/** Every text-and-catalog problem of a document. */
export function documentProblems(text: string, catalog: Catalog): SqlProblem[] {
  const dialect = catalog.dialect;
  const tokens = lex(text, dialect.lex);
  const statements = splitStatements(text, dialect.lex, { mysqlDelimiterCommand: dialect.id === 'mysql' });
  return [...lexProblems(tokens), ...unknownRelations(text, statements, catalog, tokens)];
}
