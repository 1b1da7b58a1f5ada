/**
 * Stage 1 for SQL text: from the significant tokens of the statement under the cursor, decide what kinds
 * of thing may be typed at the cursor and which tables are in scope there.
 */
import type { SqlDialect } from '../sql/dialect.js';
import type { Token } from '../sql/token.js';
import * as K from './keyword-sets.js';
import { objectTarget, typeExpectedAt } from './object-context.js';
import { outputAliases, readLevel, refKey } from './read-scope.js';
import type { OperandFit, Suggestion, TableRef } from './suggestion.js';
import { BEFORE_SUBQUERY, identName, isPunct, isQuotedIdent, JOIN_WORDS, kw, matchParens, nameKey, startsQuery } from './token-utils.js';

/** Clause words that decide the context, found scanning back from the cursor. */
const CLAUSES = new Set([
  'SELECT', 'FROM', 'JOIN', 'STRAIGHT_JOIN', 'ON', 'USING', 'WHERE', 'BY', 'HAVING', 'SET', 'INTO', 'UPDATE', 'VALUES',
  'LIMIT', 'OFFSET', 'RETURNING', 'TABLE', 'WINDOW', 'QUALIFY', 'DELETE', 'INSERT', 'CREATE', 'ALTER', 'DROP', 'TRUNCATE',
  'WITH', 'USE', 'DESCRIBE', 'DESC', 'EXPLAIN', 'REFERENCES', 'VIEW', 'INDEX', 'SCHEMA', 'DATABASE', 'FUNCTION',
  'SUMMARIZE', 'PRAGMA', 'ANALYZE', 'COLUMN', 'ADD', 'RENAME', 'COPY', 'SHOW', 'ATTACH', 'DETACH', 'MODIFY', 'CHANGE', 'CALL', 'VACUUM',
]);

/** True when an operand ended just before the cursor (so an operator or keyword is expected next). */
function operandEnded(prev: Token | undefined, dialect: SqlDialect, prev2?: Token): boolean {
  if (!prev) return false;
  if (prev.type === 'quoted-ident' || prev.type === 'number' || prev.type === 'string' || prev.type === 'param') return true;
  if (isPunct(prev, ')')) return true;
  // a star (SELECT *, t.*, count(*)) ends an operand; a `*` after an operand multiplies and wants another
  if (isPunct(prev, '*')) return !operandEnded(prev2, dialect) || isPunct(prev2, '.');
  if (prev.type !== 'word') return false;
  const k = prev.text.toUpperCase();
  if (K.EXPECTS_OPERAND.has(k)) return false;
  if (k === 'NULL' || k === 'TRUE' || k === 'FALSE' || k === 'END' || k.startsWith('CURRENT_') || k === 'ASC' || k === 'DESC') return true;
  return !dialect.reserved.has(k);
}

/** Operators and words that compare two operands: after `a = b` the condition is complete. */
const COMPARING_WORDS = new Set(['LIKE', 'ILIKE', 'IN', 'IS', 'GLOB', 'REGEXP', 'RLIKE', 'SIMILAR', 'MATCH', 'EXISTS']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '||', '::', '.', '^', '&', '|', '<<', '>>', '#', '~']);

/**
 * The condition that ends at the cursor, read back to its AND/OR, clause word or opening parenthesis:
 * 'between' after `a BETWEEN x` (its AND is next), 'complete' after a comparison (`a = 1`, `a IN (...)`,
 * `a BETWEEN x AND y`), else 'operand' (`a`: a test may follow).
 */
function conditionAt(sig: readonly Token[], from: number, before: number, pairs: ArrayLike<number>): 'between' | 'complete' | 'operand' {
  let compared = false;
  let and = false;
  for (let i = before - 1; i > from; i--) {
    const t = sig[i]!;
    if (isPunct(t, ')')) {
      const open = pairs[i]!;
      if (open < 0) return 'operand';
      // a parenthesised condition standing alone (`(a = 1 OR b = 2)`) is complete
      const lead = kw(sig[open - 1]);
      if (!and && (open - 1 === from || lead === 'AND' || lead === 'OR' || lead === 'NOT') && conditionAt(sig, open, i, pairs) !== 'operand') compared = true;
      i = open;
      continue;
    }
    if (isPunct(t, '(') || isPunct(t, ',') || isPunct(t, ';')) break;
    const k = kw(t);
    if (k === 'BETWEEN') return and ? 'complete' : 'between';
    if (k === 'OR' || k === 'WHEN' || k === 'THEN' || k === 'ELSE' || k === 'CASE') break;
    if (k === 'AND') {
      if (and) break;
      and = true;
      continue;
    }
    if (and) continue;
    if (COMPARING_WORDS.has(k) || (t.type === 'operator' && !ARITHMETIC.has(t.text))) compared = true;
  }
  return compared ? 'complete' : 'operand';
}

/** After a complete condition: the tests that follow a bare operand (IS NULL, IN, LIKE ...) go after the next clause's words. */
function afterCondition(words: readonly string[], state: 'between' | 'complete' | 'operand'): Suggestion[] {
  if (state === 'between') return [{ kind: 'keyword', preferred: ['AND'], first: true }];
  if (state === 'operand') return [{ kind: 'keyword', preferred: words }];
  return [{ kind: 'keyword', preferred: words.filter((w) => !K.OPERAND_TESTS.has(w)) }];
}

/** The bare column names of the select list that starts at `a` (before its FROM at `before`): `SELECT a, b AS x, t.c FROM` -> a, b. */
function selectedNames(sig: readonly Token[], a: number, before: number): string[] {
  let i = a;
  while (i < before && kw(sig[i]) !== 'SELECT') i++;
  const out: string[] = [];
  let depth = 0;
  while (kw(sig[i + 1]) === 'DISTINCT' || kw(sig[i + 1]) === 'ALL') i++;
  let itemStart = i + 1;
  for (let j = i + 1; j < before; j++) {
    const t = sig[j]!;
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    else if (depth === 0 && (isPunct(t, ',') || kw(t) === 'FROM')) {
      // an item that is one bare name (`email`, or `email AS e`)
      const item = sig.slice(itemStart, j);
      const name = identName(item[0]);
      if (name !== undefined && (item.length === 1 || kw(item[1]) === 'AS' || (item.length === 2 && identName(item[1]) !== undefined))) out.push(name);
      itemStart = j + 1;
      if (kw(t) === 'FROM') break;
    }
  }
  return out;
}

/**
 * The column a value is compared with or assigned to at `before`: `col = |`, `t.col <> |`, `col IN (|`,
 * `col IN ('a', |` (its ENUM labels are offered there).
 */
function comparedColumn(sig: readonly Token[], before: number, pairs: ArrayLike<number>, ops: readonly string[] = EQUALITY): { column: string; qualifier?: string } | undefined {
  const prev = sig[before - 1];
  const P = kw(prev);
  let left = -1;
  if (prev && prev.type === 'operator' && ops.includes(prev.text)) left = before - 2;
  else if (ops !== EQUALITY && (P === 'BETWEEN' || P === 'LIKE' || P === 'ILIKE')) left = kw(sig[before - 2]) === 'NOT' ? before - 3 : before - 2;
  else if (ops !== EQUALITY && P === 'AND') {
    // `a BETWEEN x AND |`: x is one token (a value or a name)
    if (kw(sig[before - 3]) === 'BETWEEN') left = kw(sig[before - 4]) === 'NOT' ? before - 5 : before - 4;
  } else if (isPunct(prev, '(') || isPunct(prev, ',')) {
    let p = before - 1;
    if (isPunct(prev, ',')) {
      p = -1;
      for (let i = before - 2; i >= 0; i--) if (isPunct(sig[i], '(') && (pairs[i]! < 0 || pairs[i]! >= before)) { p = i; break; }
    }
    if (p > 0 && kw(sig[p - 1]) === 'IN') left = kw(sig[p - 2]) === 'NOT' ? p - 3 : p - 2;
    // `a = (SELECT |`: a scalar subquery compared with a
    else if (p > 0 && isPunct(prev, '(') && sig[p - 1]!.type === 'operator' && ops.includes(sig[p - 1]!.text) && ops !== EQUALITY) left = p - 2;
  }
  const tok = sig[left];
  const column = identName(tok);
  if (left < 0 || column === undefined || (tok!.type === 'word' && K.EXPECTS_OPERAND.has(tok!.text.toUpperCase()))) return undefined;
  const qualifier = isPunct(sig[left - 1], '.') ? identName(sig[left - 2]) : undefined;
  return qualifier !== undefined ? { column, qualifier } : { column };
}

const EQUALITY: readonly string[] = ['=', '<>', '!=', '<=>'];
const COMPARISON: readonly string[] = [...EQUALITY, '<', '>', '<=', '>='];

/**
 * What type the operand at the cursor should have: the column it is compared with (`price > |`, `a BETWEEN |`),
 * or the argument's type of the call it is in (`round(|`, `date_trunc('day', |`, `EXTRACT(YEAR FROM |`).
 */
function operandFit(sig: readonly Token[], before: number, pairs: ArrayLike<number>, dialect: SqlDialect, outer: readonly TableRef[]): OperandFit | undefined {
  const compared = comparedColumn(sig, before, pairs, COMPARISON);
  if (compared) return compared;
  const prev = sig[before - 1];
  // `a IN (SELECT |`, `a = (SELECT DISTINCT |`: the subquery's column is compared with a of the query around it
  const select = kw(prev) === 'DISTINCT' ? before - 2 : before - 1;
  if (kw(sig[select]) === 'SELECT' && isPunct(sig[select - 1], '(')) {
    const around = comparedColumn(sig, select, pairs, COMPARISON);
    return around ? { ...around, in: outer } : undefined;
  }
  if (!isPunct(prev, '(') && !isPunct(prev, ',') && kw(prev) !== 'FROM') return undefined;
  let p = -1;
  let index = 0;
  for (let i = before - 1; i >= 0; i--) {
    if (isPunct(sig[i], ')') && pairs[i]! >= 0) { i = pairs[i]!; continue; }
    if (isPunct(sig[i], '(')) { p = i; break; }
    if (isPunct(sig[i], ',')) index++;
  }
  if (p < 1) return undefined;
  // `EXTRACT(field FROM |`: a date or time; the FROM of a call's own subquery is not an argument
  if (kw(prev) === 'FROM') return kw(sig[p - 1]) === 'EXTRACT' ? { family: 'time' } : undefined;
  if (!isCallParen(sig, p, dialect)) return undefined;
  const name = identName(sig[p - 1]);
  const schema = isPunct(sig[p - 2], '.') ? identName(sig[p - 3]) : undefined;
  return name === undefined ? undefined : { call: name, ...(schema !== undefined ? { schema } : {}), index };
}

/**
 * `count( from t` (a call whose ')' is not typed yet, the FROM clause after it): the FROM belongs to the
 * outer query, not to a DuckDB-style `(FROM t)` subquery, because a function name stands before '('.
 */
function callWithFrom(sig: readonly Token[], p: number, dialect: SqlDialect): boolean {
  if (kw(sig[p + 1]) !== 'FROM') return false;
  const callee = sig[p - 1];
  if (callee?.type === 'quoted-ident') return true;
  const k = kw(callee);
  return k !== '' && !BEFORE_SUBQUERY.has(k) && !dialect.reserved.has(k);
}

/** True when the '(' at `p` opens a function call's arguments (`count(`), not a subquery or a grouping. */
function isCallParen(sig: readonly Token[], p: number, dialect: SqlDialect): boolean {
  const callee = sig[p - 1];
  if (callee?.type === 'quoted-ident') return true;
  const k = kw(callee);
  return k !== '' && !BEFORE_SUBQUERY.has(k) && !dialect.reserved.has(k) && !CLAUSES.has(k) && !K.EXPECTS_OPERAND.has(k);
}

/** ILIKE is PostgreSQL's and DuckDB's (MySQL and SQLite compare text without case by LIKE). */
function withoutIlike(words: readonly string[], dialect: SqlDialect): readonly string[] {
  return dialect.id === 'postgres' || dialect.id === 'duckdb' ? words : words.filter((w) => w !== 'ILIKE');
}

interface Level {
  readonly a: number;
  readonly b: number;
}

/**
 * Analyse the statement. `sig` excludes the word being completed; sig[0..before) precede the cursor. `around`: names a
 * statement inside a trigger's body may qualify columns by (NEW, OLD), asked for only when the query's own do not match.
 */
export function codeContext(sig: readonly Token[], before: number, dialect: SqlDialect, cursor = -1, around: () => readonly TableRef[] = () => []): readonly Suggestion[] {
  const pairs = matchParens(sig);
  // enclosing open parens, outermost first
  const open: number[] = [];
  for (let i = 0; i < before; i++) {
    if (isPunct(sig[i], '(')) open.push(i);
    else if (isPunct(sig[i], ')') && open.length > 0 && pairs[i] === open[open.length - 1]) open.pop();
  }
  const levels: Level[] = [{ a: 0, b: sig.length }];
  for (const p of open) if (startsQuery(sig[p + 1]) && !callWithFrom(sig, p, dialect)) levels.push({ a: p + 1, b: Math.min(pairs[p]!, sig.length) });
  let ctes: TableRef[] = [];
  let tables: readonly TableRef[] = [];
  const outer: TableRef[] = [];
  for (const lv of levels) {
    const scope = readLevel(sig, pairs, lv.a, lv.b, before, ctes, dialect.identifierFolding);
    ctes = [...scope.ctes, ...ctes];
    outer.unshift(...tables);
    tables = scope.tables;
  }
  const inner = levels[levels.length - 1]!;
  const prev = sig[before - 1];
  const prev2 = sig[before - 2];
  const P = kw(prev);
  const beforeCursor = tables.filter((t) => t.offset < (sig[before - 1]?.end ?? 0));
  // an opening parenthesis that is not a call: a subquery may start there
  const subqueryMayStart = isPunct(prev, '(') && !isCallParen(sig, before - 1, dialect);
  /** `col = |`: the column's ENUM labels (looked for only where an operand is expected). */
  const enumValues = (ts: readonly TableRef[]): Suggestion[] => {
    const compared = comparedColumn(sig, before, pairs);
    return compared ? [{ kind: 'enum-value', tables: ts, ...compared }] : [];
  };
  const columnsEtc = (ts: readonly TableRef[] = tables): Suggestion[] => {
    const fits = operandFit(sig, before, pairs, dialect, outer);
    return [
    ...enumValues(ts),
    ...(subqueryMayStart ? [{ kind: 'keyword', preferred: ['SELECT'], only: true } as const] : []),
    { kind: 'column', tables: ts, ...(fits ? { fits } : {}) },
    { kind: 'function' },
    { kind: 'alias', tables: ts },
    { kind: 'keyword', preferred: K.EXPRESSION_START, secondary: true },
    // MySQL: a string's character set introducer (_utf8mb4'text')
    ...(dialect.id === 'mysql' ? [{ kind: 'charset', introducer: true } as const] : []),
    ];
  };
  /** An operand of an ON condition: there columns are written qualified, so the tables' references come first (as in pgcli). */
  const onOperand = (ts: readonly TableRef[]): Suggestion[] => [
    { kind: 'alias', tables: ts, first: true },
    ...columnsEtc(ts).map((s) => (s.kind === 'column' ? { ...s, secondary: true } : s)),
  ];
  /** Relations (and CTEs); `fromItem`: a FROM item, where set-returning functions are rows too (not after UPDATE, INTO, TRUNCATE...). */
  const relation = (withJoin: boolean, fromItem = false): Suggestion[] => {
    const out: Suggestion[] = [];
    if (withJoin) out.push({ kind: 'join', tables: beforeCursor });
    // the first FROM item: tables that have the columns the select list named rank first
    const holding = fromItem && !withJoin && beforeCursor.length === 0 ? selectedNames(sig, inner.a, before) : [];
    out.push({ kind: 'relation', ctes, ...(fromItem ? { tableFunctions: true } : {}), ...(holding.length > 0 ? { holding } : {}) }, { kind: 'schema' });
    return out;
  };

  // a statement, or a set operation's operand, in parentheses: (SELECT ...) UNION (|
  if (isPunct(prev, '(')) {
    const setOp = (i: number): boolean => ['UNION', 'INTERSECT', 'EXCEPT', 'MINUS'].includes(kw(sig[i]));
    const operand = sig.slice(0, before).every((t) => isPunct(t, '('))
      || setOp(before - 2) || (['ALL', 'DISTINCT'].includes(kw(prev2)) && setOp(before - 3));
    if (operand) return [{ kind: 'keyword', preferred: K.SUBQUERY_START, only: true }];
  }
  // statement start
  if (before === 0 || (inner.a === before && levels.length > 1)) {
    return [{ kind: 'keyword', preferred: before === 0 ? K.STATEMENT_START : K.SUBQUERY_START }];
  }
  // SELECT *| and SELECT t.*|: right after the star, the columns it stands for, written out
  if (isPunct(prev, '*') && prev!.end === cursor) {
    const star = starContext(sig, pairs, before, tables, dialect);
    if (star) return [star];
  }
  // qualified name: x. or s.t.
  if (isPunct(prev, '.')) {
    const parts: { name: string; quoted: boolean }[] = [];
    let j = before - 1;
    while (isPunct(sig[j], '.') && identName(sig[j - 1]) !== undefined) {
      parts.unshift({ name: identName(sig[j - 1])!, quoted: isQuotedIdent(sig[j - 1]) });
      j -= 2;
    }
    if (parts.length === 0) return [];
    const q = parts[parts.length - 1]!;
    const schema = parts.length >= 2 ? parts[parts.length - 2]! : undefined;
    if (typeExpectedAt(sig, pairs, j + 1)) return parts.length === 1 ? [{ kind: 'datatype', schema: q.name, schemaQuoted: q.quoted }] : [];
    // COMMENT ON COLUMN t.| (a table's columns) or s.| (a schema's tables), s.t.|
    if (kw(sig[0]) === 'COMMENT' && kw(sig[1]) === 'ON' && kw(sig[2]) === 'COLUMN' && j + 1 === 3) {
      const table: TableRef = {
        name: q.name, kind: 'table', offset: sig[j + 1]!.start, quoted: { name: q.quoted, ...(schema ? { schema: schema.quoted } : {}) },
        ...(schema ? { schema: schema.name } : {}),
      };
      return [{ kind: 'column', tables: [table], qualified: true }, ...(parts.length === 1 ? [{ kind: 'relation', schema: q.name, schemaQuoted: q.quoted } as const] : [])];
    }
    const target = objectTarget(sig, pairs, j + 1, dialect, q);
    if (target) return parts.length === 1 ? target : [];
    const clause = findClause(sig, pairs, j + 1);
    const right = clause.idx === j || isPunct(sig[j], ',') || kw(sig[j]) === 'ONLY' || kw(sig[j]) === 'LATERAL' || kw(sig[j]) === 'EXISTS';
    // a FROM item may be a set-returning function; after INTO, UPDATE, TABLE ... only a table (or view) fits
    const deleteFrom = clause.word === 'FROM' && clause.idx === 1 && kw(sig[0]) === 'DELETE';
    const fromItem = ['FROM', 'JOIN', 'STRAIGHT_JOIN'].includes(clause.word) && right && !deleteFrom;
    const first = kw(sig[0]);
    const tableOnly = !fromItem && right && (deleteFrom || ['INTO', 'UPDATE', 'TABLE', 'TRUNCATE', 'REFERENCES', 'DESCRIBE', 'DESC', 'COPY', 'VACUUM', 'ANALYZE', 'LOCK'].includes(clause.word)
      // CREATE INDEX ... ON s.| , CREATE TRIGGER ... ON s.|
      || (clause.word === 'ON' && first === 'CREATE' && !sig.slice(0, j).some((t) => ['SELECT', 'WITH'].includes(kw(t)))))
      // GRANT SELECT ON s.| , REVOKE ... ON s.|
      || ((first === 'GRANT' || first === 'REVOKE') && kw(sig[j]) === 'ON');
    if (fromItem || tableOnly) {
      if (parts.length !== 1) return [];
      const rel: Suggestion = { kind: 'relation', schema: q.name, schemaQuoted: q.quoted, ...(fromItem ? { tableFunctions: true } : {}) };
      // MySQL's GRANT ... ON db.*: all of the database's tables
      if (dialect.id === 'mysql' && (first === 'GRANT' || first === 'REVOKE') && kw(sig[j]) === 'ON') return [{ kind: 'keyword', preferred: ['*'], only: true, first: true }, rel];
      return clause.word === 'JOIN' || clause.word === 'STRAIGHT_JOIN' ? [{ kind: 'join', tables: beforeCursor, schema: q.name, schemaQuoted: q.quoted }, rel] : [rel];
    }
    // names visible here: in an ON condition only the tables joined so far (a later alias is not in scope yet)
    const visible = clause.word === 'ON' ? tables.filter((t) => t.offset < sig[j + 1]!.start) : tables;
    const fold = dialect.identifierFolding;
    const key = nameKey(q.name, q.quoted, fold);
    const matches = (t: TableRef): boolean =>
      schema === undefined
        ? refKey(t, fold) === key
        : t.alias === undefined && t.schema !== undefined && nameKey(t.name, t.quoted?.name === true, fold) === key
          && nameKey(t.schema, t.quoted?.schema === true, fold) === nameKey(schema.name, schema.quoted, fold);
    // the rows around the statement (a trigger's NEW, OLD) are looked for only when the query has no such name
    const ref = [...visible, ...outer].find(matches) ?? around().find(matches);
    if (ref) return [{ kind: 'column', tables: [ref], qualified: true }];
    // not a table of the query: a schema's tables (schema.table.column) and functions, if it is one
    return parts.length === 1 ? [{ kind: 'relation', schema: q.name, schemaQuoted: q.quoted }, { kind: 'function', schema: q.name, schemaQuoted: q.quoted }] : [];
  }
  const position = typeExpectedAt(sig, pairs, before);
  if (position) {
    const extra = P === 'RETURNS' ? ['SETOF', 'TABLE', 'TRIGGER'] : position === 'argument' && (isPunct(prev, '(') || isPunct(prev, ',')) ? ['IN', 'OUT', 'INOUT'] : [];
    return [{ kind: 'datatype', position }, ...(extra.length > 0 && dialect.id === 'postgres' ? [{ kind: 'keyword', preferred: extra, only: true } as const] : [])];
  }
  // EXPLAIN (|: its options; after FORMAT a format, after another option on or off
  if (kw(sig[0]) === 'EXPLAIN' && isPunct(sig[1], '(') && dialect.id === 'postgres' && (pairs[1]! < 0 || pairs[1]! >= before)) {
    if (isPunct(prev, '(') || isPunct(prev, ',')) return [{ kind: 'keyword', preferred: K.EXPLAIN_OPTIONS, only: true }];
    if (P === 'FORMAT') return [{ kind: 'keyword', preferred: ['TEXT', 'JSON', 'YAML', 'XML'], only: true }];
    return K.EXPLAIN_OPTIONS.includes(P) ? [{ kind: 'keyword', preferred: ['ON', 'OFF'], only: true }] : [];
  }
  // SELECT ... FOR |: the row lock
  if (P === 'FOR' && kw(prev2) !== 'VALUE' && (kw(sig[0]) === 'SELECT' || kw(sig[0]) === 'WITH') && (dialect.id === 'postgres' || dialect.id === 'mysql')) {
    return [{ kind: 'keyword', preferred: dialect.id === 'postgres' ? K.ROW_LOCKS : ['UPDATE'], only: true }]; // MariaDB has no FOR SHARE
  }
  if (kw(sig[0]) === 'COMMENT' && kw(sig[1]) === 'ON') {
    // COMMENT ON |: what may carry a comment; COMMENT ON COLUMN |: the table (then t.column)
    if (before === 2) return [{ kind: 'keyword', preferred: K.COMMENT_ON, only: true }];
    if (before === 3 && kw(sig[2]) === 'COLUMN') return relation(false);
  }
  // CREATE DATABASE d [WITH] TEMPLATE [=] | (PostgreSQL): a database to copy
  if (kw(sig[0]) === 'CREATE' && kw(sig[1]) === 'DATABASE' && dialect.id === 'postgres' && (P === 'TEMPLATE' || (isPunct(prev, '=') && kw(prev2) === 'TEMPLATE'))) {
    return [{ kind: 'database' }, { kind: 'keyword', preferred: ['template0', 'template1'], only: true }];
  }
  const explain = explainContext(sig, pairs, before, dialect);
  if (explain) return explain;
  const grant = grantContext(sig, before, dialect);
  if (grant) return grant;
  const merge = mergeContext(sig, pairs, before, tables);
  if (merge) return merge;
  // COPY ... TO 'file' (|: the options; after FORMAT the formats
  if (kw(sig[0]) === 'COPY' && open.length > 0 && (dialect.id === 'postgres' || dialect.id === 'duckdb')) {
    const p = open[open.length - 1]!;
    const before2 = sig[p - 1];
    if (before2 && (before2.type === 'string' || ['STDOUT', 'STDIN', 'WITH'].includes(kw(before2)))) {
      if (isPunct(prev, '(') || isPunct(prev, ',')) return [{ kind: 'keyword', preferred: K.COPY_OPTIONS[dialect.id] ?? [], only: true }];
      if (P === 'FORMAT') return [{ kind: 'keyword', preferred: dialect.id === 'postgres' ? ['csv', 'text', 'binary'] : ['csv', 'parquet', 'json'], only: true }];
      return [];
    }
  }
  const only = (words: readonly string[]): Suggestion[] => [{ kind: 'keyword', preferred: words, only: true }];
  // ALTER TABLE t ALTER [COLUMN] c SET | / DROP |: what a column's definition may change
  if (kw(sig[0]) === 'ALTER' && kw(sig[1]) === 'TABLE' && (P === 'SET' || P === 'DROP') && identName(prev2) !== undefined
    && (kw(sig[before - 3]) === 'ALTER' || (kw(sig[before - 3]) === 'COLUMN' && kw(sig[before - 4]) === 'ALTER'))) {
    const words: Record<string, readonly [readonly string[], readonly string[]]> = {
      postgres: [['DEFAULT', 'NOT NULL', 'DATA TYPE', 'STATISTICS', 'STORAGE', 'COMPRESSION'], ['DEFAULT', 'NOT NULL', 'EXPRESSION', 'IDENTITY']],
      mysql: [['DEFAULT', 'VISIBLE', 'INVISIBLE'], ['DEFAULT']],
      duckdb: [['DEFAULT', 'NOT NULL', 'DATA TYPE'], ['DEFAULT', 'NOT NULL']],
    };
    const w = words[dialect.id];
    if (w) return only(P === 'SET' ? w[0] : w[1]);
  }
  // CREATE VIEW v AS |, CREATE TABLE t AS |: a query
  if (P === 'AS' && kw(sig[0]) === 'CREATE' && sig.slice(1, before).some((t) => kw(t) === 'VIEW' || kw(t) === 'TABLE') && !sig.slice(1, before).some((t) => isPunct(t, '('))) {
    return only(K.SUBQUERY_START);
  }
  // MySQL's CREATE TABLE t LIKE |: the table to copy
  if (P === 'LIKE' && dialect.id === 'mysql' && kw(sig[0]) === 'CREATE' && sig.slice(1, before).some((t) => kw(t) === 'TABLE') && !sig.slice(1, before).some((t) => isPunct(t, '('))) {
    return relation(false);
  }
  // REFRESH MATERIALIZED VIEW [CONCURRENTLY] |: the materialized views
  if (kw(sig[0]) === 'REFRESH' && kw(sig[1]) === 'MATERIALIZED' && kw(sig[2]) === 'VIEW' && (before === 3 || (before === 4 && P === 'CONCURRENTLY'))) {
    return [{ kind: 'relation', ctes: [], kinds: ['materialized-view'] }, { kind: 'schema' }, ...(before === 3 ? only(['CONCURRENTLY']) : [])];
  }
  // CREATE TABLE t (...) |: the table's options, per engine
  if (isPunct(prev, ')') && kw(sig[0]) === 'CREATE' && pairs[before - 1]! >= 0 && tableDefinitionParen(sig, pairs[before - 1]!)) {
    return only(K.TABLE_OPTIONS[dialect.id] ?? []);
  }
  // COLLATE |: a collation (MySQL: those of the character set named before it first)
  if (P === 'COLLATE' || (isPunct(prev, '=') && kw(prev2) === 'COLLATE' && dialect.id === 'mysql')) {
    const at = sig.slice(0, before).map((t) => kw(t)).lastIndexOf('SET');
    const named = at >= 0 && (kw(sig[at - 1]) === 'CHARACTER' || kw(sig[at + 1]) === 'NAMES') ? identName(sig[at + 1 + (kw(sig[at + 1]) === 'NAMES' ? 1 : 0)]) : undefined;
    return [{ kind: 'collation', ...(named !== undefined ? { charset: named } : {}) }];
  }
  // MySQL: CHARACTER SET |, CHARSET [=] |, SET NAMES |, CONVERT(x USING |): a character set
  if (dialect.id === 'mysql') {
    const csWord = (i: number): boolean => kw(sig[i]) === 'CHARSET' || (kw(sig[i]) === 'SET' && kw(sig[i - 1]) === 'CHARACTER');
    const convertUsing = P === 'USING' && open.length > 0 && kw(sig[open[open.length - 1]! - 1]) === 'CONVERT';
    if (csWord(before - 1) || (isPunct(prev, '=') && csWord(before - 2)) || (P === 'NAMES' && kw(prev2) === 'SET') || convertUsing) return [{ kind: 'charset' }];
  }
  // MariaDB's CHANGE MASTER TO |: the replication options
  if (dialect.id === 'mysql' && kw(sig[0]) === 'CHANGE' && kw(sig[1]) === 'MASTER' && (P === 'TO' || isPunct(prev, ','))) {
    return only(['MASTER_HOST =', 'MASTER_USER =', 'MASTER_PASSWORD =', 'MASTER_PORT =', 'MASTER_LOG_FILE =', 'MASTER_LOG_POS =', 'MASTER_CONNECT_RETRY =', 'MASTER_USE_GTID =', 'MASTER_SSL =', 'MASTER_HEARTBEAT_PERIOD =', 'RELAY_LOG_FILE =', 'RELAY_LOG_POS =', 'MASTER_DELAY =']);
  }
  // MySQL: ENGINE = |: the storage engines
  if (dialect.id === 'mysql' && kw(sig[0]) === 'CREATE' && (P === 'ENGINE' || (isPunct(prev, '=') && kw(prev2) === 'ENGINE'))) {
    return only(P === 'ENGINE' ? ['='] : ['InnoDB', 'MyISAM', 'Aria', 'MEMORY', 'CSV', 'ARCHIVE']);
  }
  // MySQL: SELECT ... INTO OUTFILE | / DUMPFILE |: a file on the server (a string)
  if ((P === 'OUTFILE' || P === 'DUMPFILE') && kw(prev2) === 'INTO') return [];
  // CREATE TYPE t AS |: what kind of type (DuckDB: also an existing type it renames)
  if (P === 'AS' && kw(sig[0]) === 'CREATE' && kw(sig[1]) === 'TYPE' && before === 4) {
    if (dialect.id === 'postgres') return only(['ENUM', 'RANGE']);
    if (dialect.id === 'duckdb') return [...only(['ENUM', 'STRUCT', 'UNION']), { kind: 'datatype' }];
  }
  // PostgreSQL's extensions: CREATE EXTENSION [IF NOT EXISTS] |, DROP EXTENSION [IF EXISTS] |, ALTER EXTENSION |
  if (dialect.id === 'postgres' && kw(sig[1]) === 'EXTENSION' && ['CREATE', 'DROP', 'ALTER'].includes(kw(sig[0]))) {
    const create = kw(sig[0]) === 'CREATE';
    const ifWords = sig.slice(2, before).map(kw).join(' ');
    if (before === 2 || ifWords === (create ? 'IF NOT EXISTS' : 'IF EXISTS') || (!create && isPunct(prev, ','))) {
      return [{ kind: 'extension', ...(create ? {} : { installed: true }) }, ...(before === 2 && kw(sig[0]) !== 'ALTER' ? only([create ? 'IF NOT EXISTS' : 'IF EXISTS']) : [])];
    }
  }
  // PostgreSQL: t TABLESAMPLE |: the sampling methods
  if (P === 'TABLESAMPLE' && dialect.id === 'postgres') return only(['BERNOULLI', 'SYSTEM']);
  // SQLite: t INDEXED BY |: one of t's indexes
  if (P === 'BY' && kw(prev2) === 'INDEXED' && dialect.id === 'sqlite') {
    const table = tables.filter((t) => t.offset < prev2!.start && t.kind === 'table').pop();
    return table ? [{ kind: 'constraint', table, which: 'index' }] : [];
  }
  // INSERT INTO t DEFAULT |
  if (P === 'DEFAULT' && kw(sig[0]) === 'INSERT' && sig.slice(0, before).some((t) => kw(t) === 'INTO')) return [{ kind: 'keyword', preferred: ['VALUES'], only: true }];
  // RENAME TABLE t TO |: a new name
  if (P === 'TO' && kw(sig[0]) === 'RENAME') return [];
  // x IS |, x IS NOT |: what a test of a value takes (not a column: `IS DISTINCT FROM` comes before one)
  if (P === 'IS' && kw(sig[0]) === 'COMMENT') return [{ kind: 'keyword', preferred: ['NULL'], only: true }]; // (or the comment's string)
  if (P === 'IS' || (P === 'NOT' && kw(prev2) === 'IS')) {
    const distinct = dialect.id !== 'mysql';
    const unknown = dialect.id === 'postgres' || dialect.id === 'mysql';
    const words = P === 'NOT'
      ? ['NULL', 'TRUE', 'FALSE', ...(distinct ? ['DISTINCT FROM'] : []), ...(unknown ? ['UNKNOWN'] : [])]
      : ['NULL', 'NOT NULL', 'TRUE', 'FALSE', ...(distinct ? ['DISTINCT FROM', 'NOT DISTINCT FROM'] : []), ...(unknown ? ['UNKNOWN'] : [])];
    return [{ kind: 'keyword', preferred: words, only: true }];
  }
  // INSERT ... ON CONFLICT [(cols)] DO |: what is done instead
  if (P === 'DO' && before > 1 && sig.slice(0, before).some((t) => kw(t) === 'CONFLICT')) return [{ kind: 'keyword', preferred: ['NOTHING', 'UPDATE SET'], only: true }];
  // MariaDB's sequences by name: NEXT VALUE FOR |, PREVIOUS VALUE FOR |, NEXTVAL(|, LASTVAL(|, SETVAL(|
  if (dialect.id === 'mysql') {
    if (P === 'FOR' && kw(prev2) === 'VALUE' && (kw(sig[before - 3]) === 'NEXT' || kw(sig[before - 3]) === 'PREVIOUS')) return [{ kind: 'sequence' }];
    if (isPunct(prev, '(') && ['NEXTVAL', 'LASTVAL', 'SETVAL'].includes(kw(prev2))) return [{ kind: 'sequence' }];
  }
  // DuckDB: PIVOT | and UNPIVOT | take a table; INSTALL | and LOAD | an extension
  if ((kw(sig[0]) === 'PIVOT' || kw(sig[0]) === 'UNPIVOT') && before === 1 && dialect.id === 'duckdb') return relation(false, true);
  if ((kw(sig[0]) === 'INSTALL' || kw(sig[0]) === 'LOAD' || (kw(sig[0]) === 'FORCE' && kw(sig[1]) === 'INSTALL')) && P !== 'FROM' && dialect.id === 'duckdb') {
    return before === (kw(sig[0]) === 'FORCE' ? 2 : 1) ? [{ kind: 'keyword', preferred: K.DUCKDB_EXTENSIONS, only: true }] : [];
  }
  // SELECT * EXCLUDE (|: the query's columns, nothing else
  if (isPunct(prev, '(') && kw(prev2) === 'EXCLUDE' && dialect.id === 'duckdb') return [{ kind: 'column', tables }];
  if (isPunct(prev, ',') && open.length > 0 && kw(sig[open[open.length - 1]! - 1]) === 'EXCLUDE' && dialect.id === 'duckdb') return [{ kind: 'column', tables }];
  // COPY t [(cols)] TO | / FROM |: where the rows go or come from (a file is a string: nothing to complete)
  if (kw(sig[0]) === 'COPY' && (P === 'TO' || P === 'FROM') && open.length === 0) {
    const words = dialect.id === 'postgres' ? (P === 'TO' ? ['STDOUT', 'PROGRAM'] : ['STDIN', 'PROGRAM']) : [];
    return words.length > 0 ? [{ kind: 'keyword', preferred: words, only: true }] : [];
  }
  // a role: OWNER TO |, CREATE SCHEMA s AUTHORIZATION |, DROP / REASSIGN OWNED BY |, REASSIGN OWNED BY r TO |
  if (dialect.id === 'postgres') {
    const who: Suggestion = { kind: 'role', special: ['CURRENT_USER', 'SESSION_USER', 'CURRENT_ROLE'] };
    if (P === 'TO' && (kw(prev2) === 'OWNER' || (kw(sig[0]) === 'REASSIGN' && before >= 5))) return [who];
    if (P === 'AUTHORIZATION' && kw(sig[0]) === 'CREATE' && kw(sig[1]) === 'SCHEMA') return [who];
    if ((P === 'BY' && kw(prev2) === 'OWNED') || (isPunct(prev, ',') && kw(sig[1]) === 'OWNED' && before >= 4 && !sig.slice(3, before).some((t) => kw(t) === 'TO'))) return [who];
  }
  const target = objectTarget(sig, pairs, before, dialect);
  if (target) return target;

  const clause = findClause(sig, pairs, before);
  // inside a non-query parenthesis: its own rules first
  if (clause.paren >= 0) {
    const special = parenContext(sig, pairs, clause.paren, before, tables, dialect);
    if (special) return special;
  }
  const C = clause.word;
  const atClause = clause.idx === before - 1;
  // CREATE INDEX i ON t (...) WHERE |: a partial index's condition, over t's columns
  if (C === 'WHERE' && kw(sig[0]) === 'CREATE' && tables.length === 0 && sig.slice(0, clause.idx).some((t) => kw(t) === 'INDEX')) {
    const on = sig.findIndex((t, i) => i < clause.idx && kw(t) === 'ON');
    const t = on >= 0 ? tableRefAt(sig, on + 1) : undefined;
    if (t) {
      if (operandEnded(prev, dialect, prev2)) return [{ kind: 'keyword', preferred: withoutIlike(K.AFTER_HAVING_OPERAND, dialect) }];
      return columnsEtc([t]);
    }
  }
  switch (C) {
    case 'FROM':
    case 'JOIN':
    case 'STRAIGHT_JOIN': {
      // the arguments of a table function (read_csv('...'), generate_series(1, |)): values, not relations or clause keywords
      if (clause.paren >= 0 && isCallParen(sig, clause.paren, dialect)) return [];
      // FROM (|: a subquery, or a parenthesised join
      if (isPunct(prev, '(')) return [{ kind: 'keyword', preferred: K.SUBQUERY_START, only: true, first: true }, ...relation(false, true)];
      if (atClause || isPunct(prev, ',') || P === 'LATERAL' || P === 'ONLY') {
        if (C === 'FROM' && kw(sig[clause.idx - 1]) === 'DELETE') return relation(false);
        // MySQL's SHOW TABLES FROM db, SHOW TABLE STATUS FROM db: a database; SHOW COLUMNS / INDEX FROM t: a table
        if (C === 'FROM' && kw(sig[0]) === 'SHOW') return ['TABLES', 'STATUS', 'EVENTS', 'TRIGGERS'].includes(kw(sig[clause.idx - 1])) ? [{ kind: 'database' }] : relation(false);
        // NATURAL JOIN and CROSS JOIN take no ON condition: tables only
        const noCondition = C !== 'FROM' && [kw(sig[clause.idx - 1]), kw(sig[clause.idx - 2])].some((w) => w === 'NATURAL' || w === 'CROSS' || w === 'POSITIONAL');
        return relation(C !== 'FROM' && !noCondition, true);
      }
      if (JOIN_WORDS.has(P)) return [{ kind: 'keyword', preferred: K.JOIN_CONTINUATION }];
      if (P === 'AS') return [];
      return [{ kind: 'keyword', preferred: K.AFTER_FROM_ITEM }];
    }
    case 'INTO':
      if (atClause) return relation(false);
      return [{ kind: 'keyword', preferred: K.AFTER_INSERT_TARGET }];
    case 'TABLE':
    case 'TRUNCATE':
    case 'DESCRIBE':
    case 'DESC':
    case 'SUMMARIZE':
    case 'REFERENCES':
    case 'VIEW':
    case 'COPY':
    case 'VACUUM':
    case 'ANALYZE': {
      const owner = kw(sig[clause.idx - 1]);
      // VACUUM FULL ANALYZE | , VACUUM (VERBOSE) |
      // SQLite's VACUUM takes a schema (main, temp, an attached one), then INTO 'file'
      if (C === 'VACUUM' && dialect.id === 'sqlite') return atClause ? [{ kind: 'schema' }, { kind: 'keyword', preferred: ['INTO'], only: true }] : before === clause.idx + 2 ? [{ kind: 'keyword', preferred: ['INTO'], only: true }] : [];
      if (C === 'VACUUM' && sig.slice(clause.idx + 1, before).every((t) => ['FULL', 'FREEZE', 'VERBOSE', 'ANALYZE', 'ANALYSE'].includes(kw(t)))) return relation(false);
      // SHOW CREATE TABLE t / SHOW CREATE VIEW v (MySQL): the relation
      if ((owner === 'CREATE' || owner === 'FULL') && kw(sig[0]) === 'SHOW' && (C === 'TABLE' || C === 'VIEW')) return atClause ? relation(false) : [];
      if (owner === 'CREATE' || kw(sig[clause.idx - 2]) === 'CREATE' && C === 'VIEW') return [];
      if (atClause || P === 'EXISTS') return relation(false);
      // ALTER TABLE t |: what may follow, only that
      if (C === 'TABLE' && owner === 'ALTER') {
        if (before !== clause.idx + 2) return [{ kind: 'keyword' }];
        const words = K.AFTER_ALTER_TABLE_TARGET[dialect.id] ?? [];
        // the column and constraint changes first (the list's first words, up to the bare verbs), the rest after
        const common = words.slice(0, Math.max(0, words.findIndex((w) => !w.includes(' '))));
        return [{ kind: 'keyword', preferred: common, only: true }, { kind: 'keyword', preferred: words, only: true, secondary: true }];
      }
      // TRUNCATE t |: PostgreSQL's options (another table after a comma)
      if ((C === 'TRUNCATE' || (C === 'TABLE' && owner === 'TRUNCATE')) && dialect.id === 'postgres') return isPunct(prev, ',') ? relation(false) : identName(prev) !== undefined || ['IDENTITY'].includes(P) ? only(['RESTART IDENTITY', 'CONTINUE IDENTITY', 'CASCADE', 'RESTRICT']) : [];
      if (C === 'TABLE' && owner === '' && levels.length > 1) return [{ kind: 'keyword', preferred: K.AFTER_FROM_ITEM }];
      return [{ kind: 'keyword' }];
    }
    case 'UPDATE':
      if (kw(sig[clause.idx - 1]) === 'KEY' && kw(sig[clause.idx - 2]) === 'DUPLICATE') {
        // MySQL INSERT ... ON DUPLICATE KEY UPDATE col = ..., col = ...: the target's columns
        const target = tables.find((t) => t.intoTarget) ?? tables[0];
        if (atClause || isPunct(prev, ',')) return target ? [{ kind: 'column', tables: [target] }] : [];
        return operandEnded(prev, dialect, prev2) ? [{ kind: 'keyword' }] : columnsEtc(target ? [target] : tables);
      }
      if (atClause) return relation(false);
      return [{ kind: 'keyword', preferred: K.AFTER_UPDATE_TARGET }];
    case 'SET': {
      const path = sessionPath(sig, clause.idx, before);
      if (path) return path;
      if (clause.idx === 0) return setStatement(sig, before, dialect);
      if (atClause || isPunct(prev, ',')) {
        // MySQL's UPDATE a JOIN b ... SET |: any joined table's columns (a name both have, qualified)
        const joined = tables.filter((t) => t.kind === 'table' && t.offset < sig[clause.idx]!.start);
        if (dialect.id === 'mysql' && kw(sig[0]) === 'UPDATE' && joined.length > 1) return [{ kind: 'column', tables: joined }];
        const target = tables.find((t) => t.kind === 'table');
        return target ? [{ kind: 'column', tables: [target] }] : [{ kind: 'keyword' }];
      }
      if (operandEnded(prev, dialect, prev2)) return [{ kind: 'keyword', preferred: K.AFTER_SET_ITEM }];
      return columnsEtc();
    }
    case 'ON': {
      // JOIN b ON cond, |: the comma ends the join; another FROM item follows
      if (isPunct(prev, ',') && clause.paren < 0 && sig.slice(0, clause.idx).some((t) => kw(t) === 'JOIN')) return relation(false, true);
      if (kw(sig[0]) === 'CREATE' && sig.slice(0, clause.idx).some((t) => kw(t) === 'INDEX' || kw(t) === 'TRIGGER')) {
        return atClause ? relation(false) : [{ kind: 'keyword' }];
      }
      if (kw(sig[0]) === 'GRANT' || kw(sig[0]) === 'REVOKE') {
        // GRANT EXECUTE ON FUNCTION | / PROCEDURE |: the routines
        if (before === clause.idx + 2 && (P === 'FUNCTION' || P === 'PROCEDURE')) return [{ kind: 'function', kinds: [P === 'FUNCTION' ? 'function' : 'procedure'] }];
        // MySQL: ON *.*, db.*, [TABLE] db.t or t, FUNCTION, PROCEDURE (no SCHEMA, no ALL TABLES IN SCHEMA)
        if (dialect.id === 'mysql') {
          if (!atClause) return P === 'TABLE' && clause.idx === before - 2 ? relation(false) : [{ kind: 'keyword' }];
          return [{ kind: 'keyword', preferred: ['*.*', '*'], only: true, first: true }, { kind: 'relation', ctes: [] }, { kind: 'schema', suffix: '.*' }, { kind: 'keyword', preferred: ['TABLE', 'FUNCTION', 'PROCEDURE'], only: true }];
        }
        // GRANT SELECT ON [TABLE] t
        return atClause || (P === 'TABLE' && clause.idx === before - 2) ? [...relation(false), ...(atClause ? [{ kind: 'keyword', preferred: ['TABLE', 'ALL TABLES IN SCHEMA', 'SCHEMA'], only: true } as const] : [])] : [{ kind: 'keyword' }];
      }
      if (atClause || P === 'AND' || P === 'OR') {
        const joined = beforeCursor[beforeCursor.length - 1];
        const cond: Suggestion[] = joined ? [{ kind: 'join-condition', tables: beforeCursor, right: joined }] : [];
        return [...cond, ...onOperand(beforeCursor)];
      }
      if (operandEnded(prev, dialect, prev2)) return afterCondition(withoutIlike(K.AFTER_CONDITION_OPERAND, dialect), conditionAt(sig, clause.idx, before, pairs));
      return onOperand(beforeCursor);
    }
    case 'USING':
      // DELETE FROM t USING other, ... (PostgreSQL, MySQL): a FROM list
      if (kw(sig[0]) === 'DELETE' && (atClause || isPunct(prev, ','))) return relation(false, true);
      // CREATE INDEX i ON t USING |: the access method
      if (atClause && kw(sig[0]) === 'CREATE' && sig.slice(0, clause.idx).some((t) => kw(t) === 'INDEX') && dialect.id === 'postgres') {
        return [{ kind: 'keyword', preferred: K.INDEX_METHODS, only: true }];
      }
      return [];
    case 'PRAGMA': {
      if (atClause) {
        const names = dialect.id === 'sqlite' ? K.SQLITE_PRAGMAS : dialect.id === 'duckdb' ? K.DUCKDB_PRAGMAS : [];
        return names.length ? [{ kind: 'keyword', preferred: names, only: true }] : [];
      }
      // PRAGMA table_info(|) / PRAGMA table_info = |: a table
      const pragma = identName(sig[clause.idx + 1])?.toUpperCase() ?? '';
      const valueStart = before === clause.idx + 3 && (isPunct(prev, '(') || isPunct(prev, '='));
      return valueStart && K.TABLE_PRAGMAS.has(pragma) ? relation(false) : [];
    }
    case 'INSERT':
      if (atClause) return [{ kind: 'keyword', preferred: dialect.id === 'sqlite' ? ['INTO', 'OR REPLACE', 'OR IGNORE'] : dialect.id === 'mysql' ? ['INTO', 'IGNORE'] : ['INTO'], only: true }];
      if (P === 'OR' && dialect.id === 'sqlite' && before === clause.idx + 2) return [{ kind: 'keyword', preferred: K.SQLITE_INSERT_OR, only: true }];
      // INSERT OR REPLACE |, INSERT IGNORE |: INTO
      if ((before === clause.idx + 3 && kw(sig[clause.idx + 1]) === 'OR') || (before === clause.idx + 2 && P === 'IGNORE')) return [{ kind: 'keyword', preferred: ['INTO'], only: true }];
      return operandEnded(prev, dialect, prev2) ? [{ kind: 'keyword' }] : columnsEtc();
    case 'SHOW':
      if (!atClause) return [];
      if (dialect.id === 'mysql') return [{ kind: 'keyword', preferred: K.MYSQL_SHOW, only: true }];
      if (dialect.id === 'postgres') return [{ kind: 'keyword', preferred: K.POSTGRES_SHOW, only: true }];
      if (dialect.id === 'duckdb') return [{ kind: 'keyword', preferred: K.DUCKDB_SHOW, only: true }, ...relation(false)];
      return [];
    case 'ATTACH':
      // ATTACH [DATABASE] 'file' AS name: the words; the file is a string and the name a new one
      if (atClause) return [{ kind: 'keyword', preferred: dialect.id === 'duckdb' ? ['DATABASE', 'IF NOT EXISTS'] : ['DATABASE'], only: true }];
      return P === 'AS' || kw(sig[before - 2]) === 'AS' ? [] : isPunct(prev, ')') || prev?.type === 'string' ? [{ kind: 'keyword', preferred: ['AS'], only: true }] : [];
    case 'CALL':
      return atClause ? [{ kind: 'function', kinds: ['procedure'] }, { kind: 'schema' }] : columnsEtc();
    case 'USE':
      // MySQL's databases are its schemas: offered once
      return atClause ? (dialect.id === 'mysql' ? [{ kind: 'database' }] : [{ kind: 'database' }, { kind: 'schema' }]) : [];
    case 'DATABASE':
      return atClause && ['DROP', 'USE', 'ALTER'].includes(kw(sig[clause.idx - 1])) ? [{ kind: 'database' }] : [];
    case 'SCHEMA':
      // PostgreSQL's SET [SESSION|LOCAL] SCHEMA 'name' takes a string, not a name
      if (kw(sig[0]) === 'SET' && sig.slice(1, clause.idx).every((t) => ['SESSION', 'LOCAL'].includes(kw(t)))) return atClause ? [{ kind: 'schema', string: true }] : [];
      return atClause && kw(sig[clause.idx - 1]) !== 'CREATE' ? [{ kind: 'schema' }] : [];
    case 'FUNCTION':
      return atClause && kw(sig[clause.idx - 1]) !== 'CREATE' ? [{ kind: 'function' }] : [];
    case 'INDEX':
      // ALTER TABLE t DROP INDEX | (MySQL): the table's indexes
      if (kw(sig[clause.idx - 1]) === 'DROP' && kw(sig[0]) === 'ALTER' && kw(sig[1]) === 'TABLE') return alterTableDrop(sig, clause.idx - 1, before, tables.find((t) => t.kind === 'table'), dialect);
      return [];
    case 'COLUMN':
    case 'RENAME':
    case 'ADD': {
      const target = tables.find((t) => t.kind === 'table');
      const owner = kw(sig[clause.idx - 1]);
      const alterTable = kw(sig[0]) === 'ALTER' && kw(sig[1]) === 'TABLE';
      // ALTER TABLE t ADD |: COLUMN, CONSTRAINT, PRIMARY KEY ... (a new column's name is the user's own)
      if (C === 'ADD' && atClause && alterTable) return [{ kind: 'keyword', preferred: K.ALTER_ADD[dialect.id] ?? ['COLUMN'], only: true }];
      // ADD CONSTRAINT name |: the kind of constraint
      if (C === 'ADD' && kw(sig[clause.idx + 1]) === 'CONSTRAINT' && before === clause.idx + 3 && alterTable) {
        return [{ kind: 'keyword', preferred: dialect.id === 'postgres' ? ['PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY', 'CHECK', 'EXCLUDE'] : ['PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY', 'CHECK'], only: true }];
      }
      // MySQL: a column's place, FIRST or AFTER another (ADD, MODIFY, CHANGE)
      const mysqlPlace = dialect.id === 'mysql' && alterTable;
      if (mysqlPlace && P === 'AFTER' && target) return [{ kind: 'column', tables: [target] }];
      if (C === 'COLUMN' && (owner === 'ADD') || C === 'ADD') {
        return atClause ? [] : [{ kind: 'keyword', preferred: mysqlPlace ? [...K.AFTER_COLUMN_TYPE, 'FIRST', 'AFTER'] : K.AFTER_COLUMN_TYPE }];
      }
      // MySQL: MODIFY [COLUMN] c |type| ..., CHANGE [COLUMN] old new |type| ...
      if (C === 'COLUMN' && (owner === 'MODIFY' || owner === 'CHANGE') && mysqlPlace) {
        const names = owner === 'MODIFY' ? 1 : 2;
        if (atClause) return target ? [{ kind: 'column', tables: [target] }] : [];
        if (before === clause.idx + 1 + names) return [{ kind: 'datatype' }];
        return before < clause.idx + 1 + names ? [] : [{ kind: 'keyword', preferred: [...K.AFTER_COLUMN_TYPE, 'FIRST', 'AFTER'] }];
      }
      if (C === 'RENAME' && alterTable) {
        // ALTER TABLE t RENAME |: TO, COLUMN, CONSTRAINT, or a column (COLUMN is optional but on MySQL)
        if (atClause) {
          return [{ kind: 'keyword', preferred: K.ALTER_RENAME[dialect.id] ?? ['TO'], only: true }, ...(target && dialect.id !== 'mysql' ? [{ kind: 'column', tables: [target] } as const] : [])];
        }
        if (P === 'TO' || P === 'AS') return []; // the new name
        if (before === clause.idx + 2 || (before === clause.idx + 3 && ['COLUMN', 'CONSTRAINT', 'INDEX', 'KEY'].includes(kw(sig[clause.idx + 1])))) return [{ kind: 'keyword', preferred: ['TO'], only: true }];
        return [];
      }
      if (atClause && target) return [{ kind: 'column', tables: [target] }];
      if (C === 'COLUMN' && owner === 'ALTER' && clause.idx === before - 2) return [{ kind: 'keyword', preferred: K.AFTER_ALTER_COLUMN, only: true }];
      if (C === 'COLUMN' && owner === 'RENAME' && alterTable) return before === clause.idx + 2 ? [{ kind: 'keyword', preferred: ['TO'], only: true }] : [];
      // ALTER TABLE t DROP COLUMN c |: PostgreSQL's CASCADE / RESTRICT
      if (C === 'COLUMN' && owner === 'DROP' && alterTable) return alterTableDrop(sig, clause.idx - 1, before, target, dialect);
      return [{ kind: 'keyword' }];
    }
    case 'CREATE':
      if (atClause) return commonFirst(K.AFTER_CREATE[dialect.id] ?? []);
      // CREATE OR REPLACE |
      if (P === 'REPLACE' && kw(prev2) === 'OR' && before === clause.idx + 3) return [{ kind: 'keyword', preferred: K.AFTER_CREATE_OR_REPLACE[dialect.id] ?? [], only: true }];
      return [{ kind: 'keyword' }];
    case 'DROP':
    case 'ALTER':
    case 'MODIFY':
    case 'CHANGE': {
      const alterTable = clause.idx > 0 && kw(sig[0]) === 'ALTER' && kw(sig[1]) === 'TABLE';
      const target = tables.find((t) => t.kind === 'table');
      if (atClause && alterTable) {
        // ALTER TABLE t ALTER | / DROP | : COLUMN (optional), CONSTRAINT ..., or a column
        const words = C === 'DROP' ? K.ALTER_DROP[dialect.id] ?? ['COLUMN'] : ['COLUMN'];
        return [{ kind: 'keyword', preferred: words, only: true }, ...(target ? [{ kind: 'column', tables: [target] } as const] : [])];
      }
      if (C === 'DROP' && alterTable) return alterTableDrop(sig, clause.idx, before, target, dialect);
      if (C === 'MODIFY' || C === 'CHANGE') return operandEnded(prev, dialect, prev2) ? [{ kind: 'keyword' }] : columnsEtc();
      if (C === 'DROP' && atClause) return commonFirst(K.AFTER_DROP[dialect.id] ?? []);
      if (C === 'ALTER' && atClause && clause.idx === 0) return commonFirst(K.AFTER_ALTER[dialect.id] ?? []);
      return [{ kind: 'keyword' }];
    }
    case 'LIMIT':
    case 'OFFSET':
      // LIMIT |: a number (or PostgreSQL's ALL), not keywords; LIMIT 10 |: OFFSET
      if (atClause) return C === 'LIMIT' && dialect.id === 'postgres' ? [{ kind: 'keyword', preferred: ['ALL'], only: true }] : [];
      return [{ kind: 'keyword', preferred: ['OFFSET'] }];
    case 'VALUES':
      return [{ kind: 'function' }, { kind: 'keyword', preferred: ['DEFAULT', 'NULL'] }];
    case 'SELECT':
    case 'WHERE':
    case 'HAVING':
    case 'BY':
    case 'RETURNING':
    case 'QUALIFY':
    case 'WINDOW': {
      // ORDER BY x NULLS |
      if (P === 'NULLS') return [{ kind: 'keyword', preferred: ['FIRST', 'LAST'], only: true }];
      // SELECT x AS |: the user names an alias
      if (P === 'AS' && (C === 'SELECT' || C === 'RETURNING')) return [];
      // SELECT * | (or t.*): no operator, alias or test takes a star; FROM, INTO (and DuckDB's star modifiers)
      if (C === 'SELECT' && isPunct(prev, '*') && (before - 2 === clause.idx || isPunct(prev2, ',') || isPunct(prev2, '.') || ['DISTINCT', 'ALL'].includes(kw(prev2)))) {
        return [{ kind: 'keyword', preferred: dialect.id === 'duckdb' ? ['FROM', 'EXCLUDE', 'REPLACE', 'RENAME', 'INTO'] : ['FROM', 'INTO'], only: true }];
      }
      if (operandEnded(prev, dialect, prev2)) {
        const after = C === 'SELECT' ? K.AFTER_SELECT_ITEM
          : C === 'BY' ? (kw(sig[clause.idx - 1]) === 'ORDER' ? K.AFTER_ORDER_ITEM : K.AFTER_GROUP_ITEM)
          : C === 'HAVING' ? K.AFTER_HAVING_OPERAND
          : C === 'WHERE' ? K.AFTER_WHERE_OPERAND : K.AFTER_HAVING_OPERAND;
        if (C === 'WHERE' || C === 'HAVING') return afterCondition(withoutIlike(after, dialect), conditionAt(sig, clause.idx, before, pairs));
        return [{ kind: 'keyword', preferred: withoutIlike(after, dialect) }];
      }
      // ORDER BY may name the select list's items by their aliases (`count(*) AS n ... ORDER BY n`)
      if (C === 'BY' && kw(sig[clause.idx - 1]) === 'ORDER') {
        const names = outputAliases(sig, pairs, inner.a, inner.b, dialect.identifierFolding);
        if (names.length > 0) return columnsEtc([...tables, { name: '', kind: 'subquery', columns: names, offset: -1 }]);
      }
      return columnsEtc();
    }
    case '':
      return before === 0 ? [{ kind: 'keyword', preferred: K.STATEMENT_START }] : statementWords(sig, before, dialect);
    default:
      return operandEnded(prev, dialect, prev2) ? [{ kind: 'keyword' }] : columnsEtc();
  }
}

/**
 * `SET [SESSION|LOCAL] search_path TO|= a, |` (a statement of its own, not UPDATE's SET):
 * schema names; undefined elsewhere.
 */
function sessionPath(sig: readonly Token[], setIdx: number, before: number): Suggestion[] | undefined {
  if (setIdx !== 0) return undefined;
  let j = 1;
  while (kw(sig[j]) === 'SESSION' || kw(sig[j]) === 'LOCAL') j++;
  const what = kw(sig[j]);
  if (what === 'SCHEMA') return []; // PostgreSQL's SET SCHEMA takes a string ('shop'), not a name
  if (what !== 'SEARCH_PATH' || before <= j + 1) return undefined;
  const prev = sig[before - 1];
  const valueStart = before === j + 2 && (kw(prev) === 'TO' || isPunct(prev, '='));
  if (valueStart) return [{ kind: 'schema' }, { kind: 'keyword', preferred: ['DEFAULT'], only: true }];
  return before > j + 2 && isPunct(prev, ',') ? [{ kind: 'schema' }] : [];
}

/**
 * MERGE INTO t USING s ON ... WHEN [NOT] MATCHED [AND cond] THEN UPDATE SET ... | DELETE | INSERT (cols) VALUES (...)
 * | DO NOTHING (PostgreSQL 15, DuckDB): the source after USING, then each WHEN's words; the rest (ON, SET,
 * conditions, VALUES) is ordinary SQL with the target and the source in scope.
 */
function mergeContext(sig: readonly Token[], pairs: Int32Array, before: number, tables: readonly TableRef[]): Suggestion[] | undefined {
  if (kw(sig[0]) !== 'MERGE') return undefined;
  const only = (words: readonly string[]): Suggestion[] => [{ kind: 'keyword', preferred: words, only: true }];
  const prev = sig[before - 1];
  const P = kw(prev);
  // the last WHEN at the top level before the cursor, and what it matched
  let when = -1;
  for (let i = 0; i < before; i++) {
    if (isPunct(sig[i], '(')) {
      const c = pairs[i]!;
      if (c >= 0 && c < before) i = c;
      continue;
    }
    if (kw(sig[i]) === 'WHEN') when = i;
  }
  const using = sig.findIndex((t, i) => i < before && kw(t) === 'USING');
  if (using === before - 1) return [{ kind: 'relation', ctes: [], tableFunctions: true }, { kind: 'schema' }];
  if (using >= 0 && when < 0 && sig.slice(using + 1, before).every((t) => (identName(t) !== undefined && kw(t) !== 'ON') || isPunct(t, '.') || kw(t) === 'AS') && before - using <= 4) {
    const item = sig.slice(using + 1, before).filter((t) => !isPunct(t, '.'));
    if (item.length >= 1 && identName(prev) !== undefined) return only(item.length === 1 ? ['AS', 'ON'] : ['ON']);
  }
  if (when < 0) return undefined;
  const notMatched = kw(sig[when + 1]) === 'NOT';
  if (P === 'WHEN') return only(['MATCHED', 'NOT MATCHED']);
  if (P === 'MATCHED') return only(['THEN', 'AND']);
  if (P === 'THEN') return only(notMatched ? ['INSERT', 'DO NOTHING'] : ['UPDATE SET', 'DELETE', 'DO NOTHING']);
  if (P === 'DELETE' || (P === 'NOTHING' && kw(sig[before - 2]) === 'DO')) return only(['WHEN']);
  const target = tables.find((t) => t.intoTarget);
  // THEN INSERT (|: the target's columns; INSERT [(cols)] |: VALUES
  const insert = sig.findIndex((t, i) => i > when && i < before && kw(t) === 'INSERT');
  if (insert >= 0) {
    const open = insert + 1;
    if (isPunct(sig[open], '(') && (pairs[open]! < 0 || pairs[open]! >= before)) {
      return isPunct(prev, '(') || isPunct(prev, ',') ? (target ? [{ kind: 'column', tables: [target] }] : []) : [];
    }
    if (before === insert + 1 || (isPunct(prev, ')') && pairs[before - 1] === open)) return only(['VALUES', 'DEFAULT VALUES']);
  }
  return undefined;
}

/** GRANT | and REVOKE |: privileges; after TO / FROM the roles; after a role the options. */
function grantContext(sig: readonly Token[], before: number, dialect: SqlDialect): Suggestion[] | undefined {
  const head = kw(sig[0]);
  if (head !== 'GRANT' && head !== 'REVOKE') return undefined;
  if (dialect.id === 'sqlite' || dialect.id === 'duckdb') return [];
  const only = (words: readonly string[]): Suggestion[] => [{ kind: 'keyword', preferred: words, only: true }];
  const pg = dialect.id === 'postgres';
  const prev = sig[before - 1];
  const P = kw(prev);
  const target = head === 'GRANT' ? 'TO' : 'FROM';
  let on = -1;
  let to = -1;
  for (let i = 1; i < before; i++) {
    const k = kw(sig[i]);
    if (k === 'ON' && on < 0 && to < 0) on = i;
    if (k === target) to = i;
  }
  const roles: Suggestion[] = [{ kind: 'role', special: pg ? ['PUBLIC', 'CURRENT_USER', 'SESSION_USER', 'CURRENT_ROLE'] : ['CURRENT_USER'] }];
  if (to >= 0) {
    if (to === before - 1 || isPunct(prev, ',') || P === 'BY') return roles;
    if (P === 'WITH') return only(on >= 0 ? ['GRANT OPTION'] : ['ADMIN OPTION', 'INHERIT', 'SET']);
    // MySQL: after an account ('app'@'%'), its options
    const account = !pg && (prev?.type === 'string' || (prev?.type === 'param' && prev.text.startsWith('@')));
    if ((identName(prev) === undefined && !account) || ['OPTION', 'CASCADE', 'RESTRICT', 'TRUE', 'FALSE'].includes(P)) return [];
    if (head === 'REVOKE') return pg ? only(['CASCADE', 'RESTRICT', 'GRANTED BY']) : [];
    return only(pg ? [on >= 0 ? 'WITH GRANT OPTION' : 'WITH ADMIN OPTION', 'GRANTED BY'] : ['WITH GRANT OPTION', 'IDENTIFIED BY']);
  }
  if (on >= 0) {
    // GRANT SELECT ON users |: TO (the ON clause's own place completes the objects)
    const objectWords = ['ON', 'TABLE', 'TABLES', 'ALL', 'IN', 'SCHEMA', 'FUNCTION', 'FUNCTIONS', 'PROCEDURE', 'PROCEDURES', 'ROUTINE', 'ROUTINES', 'SEQUENCE', 'SEQUENCES', 'DATABASE', 'TYPE', 'DOMAIN', 'LANGUAGE', 'FOREIGN', 'SERVER', 'WRAPPER', 'DATA', 'LARGE', 'OBJECT', 'TABLESPACE', 'PARAMETER'];
    if (before > on + 1 && (identName(prev) !== undefined || isPunct(prev, '*') || isPunct(prev, ')')) && !objectWords.includes(P)) return only([target]);
    return undefined;
  }
  const privileges = pg
    ? ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'ALL PRIVILEGES', 'ALL', 'USAGE', 'EXECUTE', 'CREATE', 'CONNECT', 'TEMPORARY']
    : ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'ALTER', 'INDEX', 'EXECUTE', 'REFERENCES', 'TRIGGER', 'EVENT', 'ALL PRIVILEGES', 'ALL', 'USAGE', 'CREATE VIEW', 'SHOW VIEW', 'LOCK TABLES', 'CREATE ROUTINE', 'ALTER ROUTINE', 'CREATE TEMPORARY TABLES', 'PROCESS', 'RELOAD', 'FILE', 'SUPER', 'REPLICATION SLAVE', 'REPLICATION CLIENT', 'CREATE USER', 'GRANT OPTION'];
  if (before === 1 || isPunct(prev, ',') || (head === 'REVOKE' && P === 'FOR' && kw(sig[before - 2]) === 'OPTION')) {
    const extra: Suggestion[] = head === 'REVOKE' && before === 1 && pg ? only(['GRANT OPTION FOR', 'ADMIN OPTION FOR']) : [];
    // a role may be granted as a privilege is (GRANT role TO user)
    return [{ kind: 'keyword', preferred: privileges, only: true }, ...extra, ...(pg ? [{ kind: 'role' } as const] : [])];
  }
  if (isPunct(prev, ')') || (P !== '' && privileges.some((p) => p === P || p.endsWith(` ${P}`)))) return only(['ON']);
  return pg && identName(prev) !== undefined ? only([target]) : [];
}

/** Object words after CREATE / DROP: the everyday ones rank first, the long tail (CAST, RULE, CONVERSION ...) after them. */
function commonFirst(words: readonly string[]): Suggestion[] {
  const common = words.filter((w) => K.COMMON_OBJECTS.has(w));
  return [{ kind: 'keyword', preferred: common, only: true }, { kind: 'keyword', preferred: words, only: true, secondary: true }];
}

/** The words that may stand between EXPLAIN and its statement, per dialect. */
const EXPLAIN_WORDS = new Set(['ANALYZE', 'ANALYSE', 'VERBOSE', 'QUERY', 'PLAN', 'EXTENDED', 'PARTITIONS']);

/**
 * `EXPLAIN [ANALYZE] [VERBOSE] |`, `EXPLAIN (options) |`, `EXPLAIN QUERY PLAN |`, `EXPLAIN FORMAT=JSON |`: the
 * statement to explain and the options that may still come; undefined once the statement has started.
 */
function explainContext(sig: readonly Token[], pairs: Int32Array, before: number, dialect: SqlDialect): Suggestion[] | undefined {
  if (kw(sig[0]) !== 'EXPLAIN' || before === 0) return undefined;
  let j = 1;
  const words: string[] = [];
  if (dialect.id === 'postgres' && isPunct(sig[1], '(')) {
    if (pairs[1]! < 0 || pairs[1]! >= before) return undefined; // inside the options: handled by EXPLAIN (|
    j = pairs[1]! + 1;
  }
  while (j < before) {
    const k = kw(sig[j]);
    if (EXPLAIN_WORDS.has(k)) {
      words.push(k);
      j++;
    } else if (k === 'FORMAT' && isPunct(sig[j + 1], '=') && j + 2 < before) {
      words.push(k);
      j += 3;
    } else return undefined;
  }
  const last = words[words.length - 1];
  const statements: string[] = [...K.EXPLAINABLE];
  const options: string[] = [];
  switch (dialect.id) {
    case 'postgres':
      statements.push('TABLE', 'MERGE INTO', 'EXECUTE', 'CREATE TABLE', 'CREATE MATERIALIZED VIEW', 'DECLARE');
      if (j === 1) options.push('ANALYZE', 'VERBOSE');
      else if (last === 'ANALYZE' || last === 'ANALYSE') options.push('VERBOSE');
      break;
    case 'mysql':
      statements.push('REPLACE INTO', 'TABLE');
      if (j === 1) options.push('FORMAT=JSON', 'EXTENDED', 'PARTITIONS');
      break;
    case 'sqlite':
      if (last === 'QUERY') return [{ kind: 'keyword', preferred: ['PLAN'], only: true }];
      if (j === 1) options.push('QUERY PLAN');
      statements.push('REPLACE INTO');
      break;
    case 'duckdb':
      statements.push('TABLE', 'FROM', 'PIVOT', 'UNPIVOT');
      if (j === 1) options.push('ANALYZE');
      break;
  }
  return [{ kind: 'keyword', preferred: [...statements, ...options], only: true }];
}

/** The SET statement (not UPDATE's SET): the setting's name, then TO or =, then its value. */
function setStatement(sig: readonly Token[], before: number, dialect: SqlDialect): Suggestion[] {
  if (dialect.id === 'sqlite') return []; // SQLite has no SET (PRAGMA is its settings)
  const only = (words: readonly string[]): Suggestion[] => [{ kind: 'keyword', preferred: words, only: true }];
  let j = 1;
  while (['SESSION', 'LOCAL', 'GLOBAL', 'PERSIST', 'PERSIST_ONLY'].includes(kw(sig[j])) && j < before) j++;
  const settings = dialect.id === 'postgres' ? K.POSTGRES_SET : dialect.id === 'mysql' ? K.MYSQL_SET : K.DUCKDB_SET;
  if (before === j) return only(j === 1 ? settings : settings.filter((s) => !['SESSION', 'LOCAL', 'GLOBAL', 'VARIABLE'].includes(s)));
  const name = kw(sig[j]);
  const prev = sig[before - 1];
  const P = kw(prev);
  // the statement's own forms
  if (name === 'TRANSACTION' || (name === 'SESSION' && kw(sig[j + 1]) === 'CHARACTERISTICS')) return transactionModes(sig, before, dialect, false);
  if (name === 'TIME' && dialect.id === 'postgres') return before === j + 1 ? only(['ZONE']) : before === j + 2 ? only(['LOCAL', 'DEFAULT']) : [];
  if (name === 'ROLE' || name === 'NAMES' || name === 'CHARACTER' || name === 'PASSWORD' || name === 'CONSTRAINTS' || name === 'AUTHORIZATION') {
    if (name === 'ROLE' && before === j + 1 && dialect.id === 'postgres') return [{ kind: 'role', special: ['NONE'] }];
    if (name === 'AUTHORIZATION' && before === j + 1 && dialect.id === 'postgres') return [{ kind: 'role', special: ['DEFAULT'] }];
    if (name === 'CONSTRAINTS' && before === j + 1) return only(['ALL']);
    if (name === 'CONSTRAINTS' && before === j + 2) return only(['DEFERRED', 'IMMEDIATE']);
    return [];
  }
  if (name === '' && !isQuotedIdent(sig[j])) return []; // SET @var (MySQL) or something unknown
  // SET name |: TO or =; SET name TO |: the value (DEFAULT is always one)
  if (before === j + 1) return only(dialect.id === 'mysql' ? ['='] : ['TO', '=']);
  if (before === j + 2 && (P === 'TO' || isPunct(prev, '='))) return dialect.id === 'duckdb' ? [] : only(['DEFAULT']);
  return [];
}

/**
 * A transaction's modes, after SET TRANSACTION, BEGIN or START TRANSACTION: ISOLATION LEVEL and its levels,
 * READ ONLY / READ WRITE (and PostgreSQL's DEFERRABLE; MySQL's WITH CONSISTENT SNAPSHOT when `start`).
 */
function transactionModes(sig: readonly Token[], before: number, dialect: SqlDialect, start: boolean): Suggestion[] {
  const prev = sig[before - 1];
  const P = kw(prev);
  const only = (words: readonly string[]): Suggestion[] => [{ kind: 'keyword', preferred: words, only: true }];
  if (P === 'LEVEL') return only(['READ COMMITTED', 'REPEATABLE READ', 'SERIALIZABLE', 'READ UNCOMMITTED']);
  if (P === 'ISOLATION') return only(['LEVEL']);
  const modeEnded = P === 'COMMITTED' || (P === 'READ' && kw(sig[before - 2]) === 'REPEATABLE') || P === 'SERIALIZABLE' || P === 'UNCOMMITTED' || P === 'ONLY' || P === 'WRITE' || P === 'DEFERRABLE' || P === 'SNAPSHOT';
  if (!['TRANSACTION', 'WORK', 'BEGIN'].includes(P) && !modeEnded && !isPunct(prev, ',')) return [];
  if (dialect.id === 'mysql') return start ? only(['READ ONLY', 'READ WRITE', 'WITH CONSISTENT SNAPSHOT']) : only(['ISOLATION LEVEL', 'READ ONLY', 'READ WRITE']);
  return only(['ISOLATION LEVEL', 'READ ONLY', 'READ WRITE', ...(dialect.id === 'postgres' ? ['DEFERRABLE', 'NOT DEFERRABLE'] : [])]);
}

/**
 * After the first word of a statement that has no clause of its own (BEGIN, COMMIT, ROLLBACK, RESET, DISCARD,
 * CLUSTER, DEALLOCATE, RELEASE, ...): the words that may follow. A name the user chooses (LISTEN channel,
 * SAVEPOINT name, EXECUTE a prepared statement) gets nothing; an unknown statement the engine's keywords.
 */
function statementWords(sig: readonly Token[], before: number, dialect: SqlDialect): Suggestion[] {
  const head = kw(sig[0]);
  const P = kw(sig[before - 1]);
  const only = (words: readonly string[]): Suggestion[] => [{ kind: 'keyword', preferred: words, only: true }];
  const first = before === 1;
  const id = dialect.id;
  switch (head) {
    case 'BEGIN':
      if (first) return only(id === 'postgres' ? ['TRANSACTION', 'WORK', 'ISOLATION LEVEL', 'READ ONLY', 'READ WRITE', 'DEFERRABLE', 'NOT DEFERRABLE'] : id === 'mysql' ? ['WORK'] : id === 'sqlite' ? ['TRANSACTION', 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE'] : ['TRANSACTION']);
      if (id === 'sqlite') return P === 'TRANSACTION' || P === 'WORK' ? [] : only(['TRANSACTION']);
      return id === 'postgres' ? transactionModes(sig, before, dialect, true) : [];
    case 'START':
      if (first) return only(['TRANSACTION']);
      return id === 'postgres' || id === 'mysql' ? transactionModes(sig, before, dialect, true) : [];
    case 'COMMIT':
    case 'END':
    case 'ROLLBACK':
    case 'ABORT': {
      const rollback = head === 'ROLLBACK' || head === 'ABORT';
      if (P === 'TO') return only(['SAVEPOINT']);
      if (P === 'AND') return only(id === 'postgres' ? ['CHAIN', 'NO CHAIN'] : ['CHAIN', 'NO CHAIN']);
      if (!first && !['WORK', 'TRANSACTION'].includes(P)) return [];
      const words = id === 'postgres' ? ['WORK', 'TRANSACTION', 'AND CHAIN', 'AND NO CHAIN', ...(first && head !== 'END' && head !== 'ABORT' ? ['PREPARED'] : []), ...(rollback ? ['TO SAVEPOINT'] : [])]
        : id === 'mysql' ? ['WORK', 'AND CHAIN', 'AND NO CHAIN', 'RELEASE', 'NO RELEASE', ...(rollback ? ['TO SAVEPOINT'] : [])]
          : id === 'sqlite' ? ['TRANSACTION', ...(rollback ? ['TO SAVEPOINT'] : [])]
            : ['TRANSACTION'];
      return only(first ? words : words.filter((w) => w !== 'WORK' && w !== 'TRANSACTION' && w !== 'PREPARED'));
    }
    case 'RELEASE':
      return first && id !== 'duckdb' ? only(['SAVEPOINT']) : [];
    case 'RESET':
      if (!first) return [];
      if (id === 'postgres') return only(['ALL', 'ROLE', 'SESSION AUTHORIZATION', ...K.POSTGRES_SET.filter((w) => /^[a-z_]+$/.test(w))]);
      if (id === 'duckdb') return only(K.DUCKDB_SET.filter((w) => /^[a-z_]+$/i.test(w) && !['GLOBAL', 'SESSION', 'LOCAL', 'VARIABLE'].includes(w)));
      if (id === 'mysql') return only(['QUERY CACHE', 'MASTER', 'SLAVE', 'REPLICA']);
      return [];
    case 'DISCARD':
      return first && id === 'postgres' ? only(['ALL', 'PLANS', 'SEQUENCES', 'TEMPORARY', 'TEMP']) : [];
    case 'DEALLOCATE':
      return first ? only(id === 'postgres' ? ['PREPARE', 'ALL'] : id === 'mysql' ? ['PREPARE'] : []) : [];
    case 'UNLISTEN':
      return first ? only(['*']) : [];
    case 'CLUSTER':
      return first || P === 'VERBOSE' ? [{ kind: 'relation', kinds: ['table'] }, ...(first ? only(['VERBOSE']) : [])] : [];
    case 'REINDEX':
      if (id === 'sqlite') return first ? [{ kind: 'relation', kinds: ['table'] }, { kind: 'index' }] : [];
      return first ? only(['TABLE', 'INDEX', 'SCHEMA', 'DATABASE', 'SYSTEM', '(VERBOSE)']) : [];
    case 'DETACH':
      return first && id === 'sqlite' ? [...only(['DATABASE']), { kind: 'schema' }] : first || P === 'DATABASE' ? [{ kind: 'schema' }] : [];
    case 'LISTEN':
    case 'NOTIFY':
    case 'SAVEPOINT':
    case 'EXECUTE':
    case 'PREPARE':
    case 'CHECKPOINT':
    case 'ATTACH':
    case 'LOAD':
    case 'INSTALL':
      return [];
    default:
      return [{ kind: 'keyword' }];
  }
}

/**
 * ALTER TABLE t DROP CONSTRAINT | (the table's constraints), MySQL's DROP FOREIGN KEY | and DROP INDEX | (its
 * foreign keys, its indexes); after the name, PostgreSQL's CASCADE / RESTRICT.
 */
function alterTableDrop(sig: readonly Token[], at: number, before: number, target: TableRef | undefined, dialect: SqlDialect): Suggestion[] {
  const what = kw(sig[at + 1]);
  let i = at + 2;
  let which: 'all' | 'foreign' | 'index' | undefined;
  if (what === 'CONSTRAINT') which = 'all';
  else if (what === 'FOREIGN' && kw(sig[at + 2]) === 'KEY' && dialect.id === 'mysql') {
    which = 'foreign';
    i++;
  } else if ((what === 'INDEX' || what === 'KEY') && dialect.id === 'mysql') which = 'index';
  if (which === undefined) {
    // DROP [COLUMN] [IF EXISTS] c |
    return dialect.id === 'postgres' && before > at + 1 && identName(sig[before - 1]) !== undefined && !['COLUMN', 'IF', 'EXISTS'].includes(kw(sig[before - 1])) ? [{ kind: 'keyword', preferred: ['CASCADE', 'RESTRICT'], only: true }] : [];
  }
  const ifExists = kw(sig[i]) === 'IF' && kw(sig[i + 1]) === 'EXISTS';
  if (ifExists) i += 2;
  if (before === i) {
    const offer: Suggestion[] = target ? [{ kind: 'constraint', table: target, which }] : [];
    return before === at + 2 && which === 'all' && dialect.id === 'postgres' ? [...offer, { kind: 'keyword', preferred: ['IF EXISTS'], only: true }] : offer;
  }
  return before === i + 1 && dialect.id === 'postgres' ? [{ kind: 'keyword', preferred: ['CASCADE', 'RESTRICT'], only: true }] : [];
}

/**
 * The star before the cursor (sig[before - 1]) as a select-list item: `SELECT *`, `, *`, `DISTINCT t.*`. Its tables are
 * the query level's (not an INSERT's target), or the one `t` names; undefined elsewhere (`count(*)`, `a * b`).
 */
function starContext(sig: readonly Token[], pairs: Int32Array, before: number, tables: readonly TableRef[], dialect: SqlDialect): Suggestion | undefined {
  let first = before - 1;
  let qualifier: TableRef | undefined;
  if (isPunct(sig[first - 1], '.') && identName(sig[first - 2]) !== undefined) {
    first -= 2;
    const name = sig[first]!;
    if (isPunct(sig[first - 1], '.')) return undefined; // schema.table.*: rare, and its reference is not an alias
    const key = nameKey(identName(name)!, isQuotedIdent(name), dialect.identifierFolding);
    qualifier = tables.find((t) => refKey(t, dialect.identifierFolding) === key);
    if (!qualifier) return undefined;
  }
  const lead = sig[first - 1];
  if (!(isPunct(lead, ',') || ['SELECT', 'DISTINCT', 'ALL'].includes(kw(lead)))) return undefined;
  const clause = findClause(sig, pairs, first);
  if (clause.word !== 'SELECT' || clause.paren >= 0) return undefined;
  const inScope = tables.filter((t) => !t.intoTarget);
  if (inScope.length === 0) return undefined;
  return { kind: 'star', tables: qualifier ? [qualifier] : inScope, from: sig[first]!.start, ...(qualifier ? { qualifier } : {}) };
}

/** The parenthesis at `p` holds a CREATE TABLE's columns: `CREATE [TEMP] TABLE [IF NOT EXISTS] name (`. */
function tableDefinitionParen(sig: readonly Token[], p: number): boolean {
  let q = p - 1;
  while (isPunct(sig[q - 1], '.') && identName(sig[q - 2]) !== undefined) q -= 2;
  if (identName(sig[q]) === undefined) return false;
  const head = sig.slice(0, q).map((t) => kw(t));
  return head[0] === 'CREATE' && head.includes('TABLE') && !head.includes('AS');
}

/** The table named at sig[i] (`t` or `s.t`), as a reference of the text; undefined when no name is there. */
export function tableRefAt(sig: readonly Token[], i: number): TableRef | undefined {
  const name = identName(sig[i]);
  if (name === undefined) return undefined;
  if (isPunct(sig[i + 1], '.') && identName(sig[i + 2]) !== undefined) {
    return { schema: name, name: identName(sig[i + 2])!, kind: 'table', offset: sig[i]!.start, quoted: { schema: isQuotedIdent(sig[i]), name: isQuotedIdent(sig[i + 2]) } };
  }
  return { name, kind: 'table', offset: sig[i]!.start, quoted: { name: isQuotedIdent(sig[i]) } };
}

/** The standard functions whose arguments read `x FROM y`: extract(year FROM d), substring(s FROM 2), trim(both FROM s). */
const FROM_ARGUMENT_CALLS = new Set(['EXTRACT', 'SUBSTRING', 'SUBSTR', 'TRIM', 'OVERLAY']);

/** A FROM that is part of an expression, not the FROM clause: `IS [NOT] DISTINCT FROM`, or inside extract( ... FROM ...). */
function fromInExpression(sig: readonly Token[], pairs: Int32Array, i: number): boolean {
  if (kw(sig[i - 1]) === 'DISTINCT' && (kw(sig[i - 2]) === 'IS' || (kw(sig[i - 2]) === 'NOT' && kw(sig[i - 3]) === 'IS'))) return true;
  // the parenthesis around it, if any
  for (let j = i - 1; j >= 0; j--) {
    if (isPunct(sig[j], ')')) {
      const o = pairs[j]!;
      if (o >= 0) j = o;
      continue;
    }
    if (isPunct(sig[j], '(')) return j + 1 < i && FROM_ARGUMENT_CALLS.has(kw(sig[j - 1]));
  }
  return false;
}

/** Scan back from the cursor for the clause word at the cursor's nesting level; note the innermost non-query paren. */
function findClause(sig: readonly Token[], pairs: Int32Array, before: number): { idx: number; word: string; paren: number } {
  let paren = -1;
  for (let i = before - 1; i >= 0; i--) {
    const t = sig[i]!;
    if (isPunct(t, ')')) {
      const o = pairs[i]!;
      if (o >= 0) i = o;
      continue;
    }
    if (isPunct(t, '(')) {
      if (startsQuery(sig[i + 1]) && i + 1 < before) return { idx: -1, word: '', paren };
      if (paren < 0) paren = i;
      continue;
    }
    const k = kw(t);
    if ((k === 'DESC' || k === 'DESCRIBE' || k === 'EXPLAIN' || k === 'ANALYZE') && i > 0) continue; // only statements start with them
    if (k === 'FROM' && fromInExpression(sig, pairs, i)) continue;
    if (CLAUSES.has(k) && paren < 0) return { idx: i, word: k, paren };
    if (CLAUSES.has(k) && paren >= 0 && ['SELECT', 'WHERE', 'BY', 'HAVING', 'ON', 'SET', 'RETURNING', 'VALUES', 'USING', 'QUALIFY', 'WINDOW', 'INTO', 'TABLE', 'REFERENCES', 'FROM', 'JOIN', 'LIMIT', 'PRAGMA'].includes(k)) {
      return { idx: i, word: k, paren };
    }
  }
  return { idx: -1, word: '', paren };
}

/** The names a parenthesised list at `p` holds already (its items that are one name), the word being typed aside. */
function listedNames(sig: readonly Token[], pairs: Int32Array, p: number): string[] {
  const end = pairs[p]! >= 0 ? pairs[p]! : sig.length;
  const out: string[] = [];
  let itemStart = p + 1;
  for (let i = p + 1; i <= end; i++) {
    const t = sig[i];
    if (i === end || isPunct(t, ',')) {
      if (i - itemStart === 1) {
        const name = identName(sig[itemStart]);
        if (name !== undefined) out.push(name);
      }
      itemStart = i + 1;
    } else if (isPunct(t, '(') && pairs[i]! >= 0) i = pairs[i]!;
  }
  return out;
}

/** Rules inside a parenthesis that is not a subquery: INSERT column list, CREATE TABLE, CAST, IN (, ... */
function parenContext(sig: readonly Token[], pairs: Int32Array, p: number, before: number, tables: readonly TableRef[], dialect: SqlDialect): Suggestion[] | undefined {
  const prev = sig[before - 1];
  const listStart = isPunct(prev, '(') && before - 1 === p || isPunct(prev, ',');
  const b1 = kw(sig[p - 1]);
  // SELECT DISTINCT ON (|: expressions over the query's tables
  if (b1 === 'ON' && kw(sig[p - 2]) === 'DISTINCT') {
    return [{ kind: 'column', tables }, { kind: 'function' }, { kind: 'keyword', preferred: K.EXPRESSION_START, secondary: true }];
  }
  // INSERT ... ON CONFLICT (|: the target's columns
  if (b1 === 'CONFLICT') {
    const target = tables.find((t) => t.intoTarget) ?? tables.find((t) => t.kind === 'table');
    return listStart && target ? [{ kind: 'column', tables: [target] }] : [];
  }
  // target name before '(' : INTO t ( / INTO s.t ( / TABLE t ( / REFERENCES t ( / ON t (
  let q = p - 1;
  while (isPunct(sig[q - 1], '.') && identName(sig[q - 2]) !== undefined) q -= 2;
  const owner = kw(sig[q - 1]);
  const nameTok = sig[p - 1];
  const name = identName(nameTok);
  const schema = q < p - 1 ? identName(sig[p - 3]) : undefined;
  if (name !== undefined && nameTok && ['INTO', 'REFERENCES', 'ON', 'TABLE', 'COPY'].includes(owner)) {
    const target: TableRef = tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? { name, kind: 'table', offset: nameTok.start, ...(schema !== undefined ? { schema } : {}) };
    if (owner === 'TABLE' && sig.slice(0, q).some((t) => kw(t) === 'CREATE')) {
      if (listStart) return [{ kind: 'keyword', preferred: K.COLUMN_DEF_START }];
      if (kw(prev) === 'LIKE') return [{ kind: 'relation' }]; // CREATE TABLE t (LIKE other ...)
      if (kw(prev) === 'REFERENCES') return [{ kind: 'relation' }];
      if ((isPunct(sig[before - 2], ',') || isPunct(sig[before - 2], '(')) && identName(prev) !== undefined) return [{ kind: 'datatype' }];
      return [{ kind: 'keyword', preferred: K.AFTER_COLUMN_TYPE }];
    }
    if (owner === 'ON' && !sig.slice(0, q).some((t) => kw(t) === 'INDEX')) return undefined;
    return listStart ? [{ kind: 'column', tables: [target], exclude: listedNames(sig, pairs, p) }] : [];
  }
  if (kw(prev) === 'AS' && b1 === 'CAST') return [{ kind: 'datatype' }];
  // MySQL's index hints: FORCE | USE | IGNORE INDEX (|: the table's indexes (SQLite's INDEXED BY |: see codeContext)
  if ((b1 === 'INDEX' || b1 === 'KEY') && ['FORCE', 'USE', 'IGNORE'].includes(kw(sig[p - 2])) && dialect.id === 'mysql') {
    const table = tables.filter((t) => t.offset < sig[p - 2]!.start && t.kind === 'table').pop();
    return listStart && table ? [{ kind: 'constraint', table, which: 'index' }] : [];
  }
  // ALTER TABLE t ADD [CONSTRAINT c] PRIMARY KEY | UNIQUE | FOREIGN KEY (|, MySQL's ADD INDEX | KEY | UNIQUE name (|: t's columns
  const indexName = identName(sig[p - 1]) !== undefined && ['INDEX', 'KEY', 'UNIQUE', 'FULLTEXT', 'SPATIAL'].includes(kw(sig[p - 2]));
  if ((b1 === 'KEY' || b1 === 'UNIQUE' || b1 === 'INDEX' || indexName) && kw(sig[0]) === 'ALTER' && kw(sig[1]) === 'TABLE') {
    const target = tables.find((t) => t.kind === 'table');
    return listStart && target ? [{ kind: 'column', tables: [target] }] : [];
  }
  if (b1 === 'USING') {
    // JOIN b USING (| : the columns the joined table shares with a table before it
    const before2 = tables.filter((t) => t.offset < sig[p]!.start);
    const right = before2[before2.length - 1];
    return listStart && right ? [{ kind: 'column', tables: [right], alsoIn: before2.slice(0, -1), exclude: listedNames(sig, pairs, p) }] : [];
  }
  if (isPunct(prev, '(') && before - 1 === p && ['IN', 'EXISTS', 'AS', 'ANY', 'ALL', 'SOME'].includes(b1)) {
    const sub: Suggestion = { kind: 'keyword', preferred: K.SUBQUERY_START };
    // IN ( / = ANY ( take a list or an array as well as a subquery; EXISTS ( only a subquery
    if (b1 !== 'IN' && b1 !== 'ANY' && b1 !== 'ALL' && b1 !== 'SOME') return [sub];
    const compared = b1 === 'IN' ? comparedColumn(sig, before, pairs) : undefined;
    return [...(compared ? [{ kind: 'enum-value', tables, ...compared } as const] : []), { kind: 'column', tables, ...(compared ? { fits: compared } : {}) }, { kind: 'function' }, sub];
  }
  void pairs;
  void dialect;
  return undefined;
}
