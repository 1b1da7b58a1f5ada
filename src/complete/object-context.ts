/**
 * Stage 1 for names of a given object kind, text only: the object list of DROP / TRUNCATE / ALTER / REFRESH
 * (`DROP VIEW |` wants views, `TRUNCATE |` tables), and the places where a data type is written
 * (`::`, `CAST(x AS |`, a column definition, `ALTER COLUMN c TYPE |`, a function's arguments and RETURNS).
 */
import type { FunctionDef, RelationKind } from '../catalog/catalog-data.js';
import type { SqlDialect } from '../sql/dialect.js';
import type { Token } from '../sql/token.js';
import type { Suggestion } from './suggestion.js';
import type { TypePosition } from './type-positions.js';
import { identName, isPunct, kw } from './token-utils.js';

type Target =
  | { readonly kind: 'relation'; readonly kinds: readonly RelationKind[] }
  | { readonly kind: 'function'; readonly kinds: readonly FunctionDef['kind'][] }
  | { readonly kind: 'datatype' }
  | { readonly kind: 'schema' }
  | { readonly kind: 'database' }
  | { readonly kind: 'index' }
  | { readonly kind: 'role' }
  | { readonly kind: 'sequence' }
  | { readonly kind: 'none' };

const TABLES: Target = { kind: 'relation', kinds: ['table', 'foreign-table'] };

/** The object words after DROP / ALTER / TRUNCATE / REFRESH, longest first, and what they name. */
const OBJECTS: readonly (readonly [readonly string[], Target])[] = [
  [['MATERIALIZED', 'VIEW'], { kind: 'relation', kinds: ['materialized-view'] }],
  [['FOREIGN', 'TABLE'], { kind: 'relation', kinds: ['foreign-table'] }],
  [['TABLE'], TABLES],
  [['VIEW'], { kind: 'relation', kinds: ['view'] }],
  [['FUNCTION'], { kind: 'function', kinds: ['function', 'table', 'window'] }],
  [['PROCEDURE'], { kind: 'function', kinds: ['procedure'] }],
  [['ROUTINE'], { kind: 'function', kinds: ['function', 'table', 'window', 'aggregate', 'procedure'] }],
  [['AGGREGATE'], { kind: 'function', kinds: ['aggregate'] }],
  [['MACRO', 'TABLE'], { kind: 'function', kinds: ['table'] }],
  [['MACRO'], { kind: 'function', kinds: ['function'] }],
  [['TYPE'], { kind: 'datatype' }],
  [['DOMAIN'], { kind: 'datatype' }],
  [['SCHEMA'], { kind: 'schema' }],
  [['DATABASE'], { kind: 'database' }],
  [['INDEX'], { kind: 'index' }],
  [['SEQUENCE'], { kind: 'sequence' }],
  [['USER', 'MAPPING'], { kind: 'none' }],
  [['ROLE'], { kind: 'role' }],
  [['USER'], { kind: 'role' }],
  [['GROUP'], { kind: 'role' }],
  [['TRIGGER'], { kind: 'none' }],
];

/** Skip a possibly qualified name (and a parenthesized argument list, for functions) from i; the index after it. */
function skipName(sig: readonly Token[], pairs: Int32Array, i: number): number {
  if (identName(sig[i]) === undefined) return -1;
  let j = i + 1;
  while (isPunct(sig[j], '.') && identName(sig[j + 1]) !== undefined) j += 2;
  if (isPunct(sig[j], '(')) j = Math.min(pairs[j]! + 1, sig.length);
  return j;
}

/**
 * When the name starting at token `at` is an object of DROP / TRUNCATE / ALTER / REFRESH / COMMENT ON, what it
 * must be; undefined otherwise. `schema`: the name is qualified by it (`DROP VIEW s.|`).
 */
export function objectTarget(sig: readonly Token[], pairs: Int32Array, at: number, dialect: SqlDialect, schema?: { name: string; quoted: boolean }): Suggestion[] | undefined {
  const head = kw(sig[0]);
  let i = 1;
  if (head === 'COMMENT' && kw(sig[1]) === 'ON') i = 2;
  else if (head !== 'DROP' && head !== 'TRUNCATE' && head !== 'ALTER' && head !== 'REFRESH') return undefined;
  let target: Target | undefined;
  for (const [words, t] of OBJECTS) {
    if (words.every((w, k) => kw(sig[i + k]) === w)) {
      target = t;
      i += words.length;
      break;
    }
  }
  if (!target) {
    if (head !== 'TRUNCATE') return undefined;
    target = { kind: 'relation', kinds: ['table'] };
  } else if (head === 'TRUNCATE' && target === TABLES) {
    target = { kind: 'relation', kinds: ['table'] };
  }
  const first = i;
  let ifExists = false;
  while (i < at && ['IF', 'EXISTS', 'ONLY', 'CONCURRENTLY'].includes(kw(sig[i]))) {
    ifExists ||= kw(sig[i]) === 'EXISTS';
    i++;
  }
  const list = head === 'DROP' || head === 'TRUNCATE';
  while (i < at) {
    const j = skipName(sig, pairs, i);
    if (j < 0 || j > at) return undefined;
    if (!list || !isPunct(sig[j], ',')) return undefined;
    i = j + 1;
  }
  if (i !== at) return undefined;
  const out: Suggestion[] = [];
  const s = schema ? { schema: schema.name, schemaQuoted: schema.quoted } : {};
  switch (target.kind) {
    case 'relation':
      out.push({ kind: 'relation', kinds: target.kinds, ...s });
      if (!schema) out.push({ kind: 'schema' });
      break;
    case 'function':
      out.push({ kind: 'function', user: true, kinds: target.kinds, ...s });
      if (!schema) out.push({ kind: 'schema' });
      break;
    case 'datatype':
      out.push({ kind: 'datatype', user: true, ...s });
      if (!schema) out.push({ kind: 'schema' });
      break;
    case 'schema':
    case 'database':
      if (!schema) out.push({ kind: target.kind });
      break;
    case 'index':
      out.push({ kind: 'index', ...s, ...(head === 'DROP' ? { droppable: true } : {}) });
      if (!schema && dialect.id !== 'mysql' && dialect.id !== 'sqlite') out.push({ kind: 'schema' });
      break;
    case 'role':
      if (!schema) out.push({ kind: 'role' });
      break;
    case 'sequence':
      out.push({ kind: 'sequence', ...s });
      if (!schema) out.push({ kind: 'schema' });
      break;
    case 'none':
      break;
  }
  // DROP x IF EXISTS everywhere; ALTER TABLE / TRUNCATE ONLY (without inheritance children) in PostgreSQL
  const words = head === 'DROP' ? ['IF EXISTS'] : (head === 'ALTER' || head === 'TRUNCATE') && dialect.id === 'postgres' && target.kind === 'relation' ? ['ONLY'] : [];
  if (!schema && at === first && !ifExists && words.length > 0) out.push({ kind: 'keyword', preferred: words, only: true });
  return out;
}

/** The innermost unclosed '(' before token index `at`, or -1. */
function enclosingParen(sig: readonly Token[], pairs: Int32Array, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    if (isPunct(sig[i], ')')) {
      const o = pairs[i]!;
      if (o >= 0) i = o;
      continue;
    }
    if (isPunct(sig[i], '(') && pairs[i]! >= at) return i;
  }
  return -1;
}

const PARAM_MODES = new Set(['IN', 'OUT', 'INOUT', 'VARIADIC']);

/** Where a data type name may start at token index `at`: which kind of type position, or undefined. */
/** `f(...) [AS] x (` or `f(...) AS (` at paren p: the column definition list of a function in FROM (not a subquery's alias list). */
function columnDefinitionList(sig: readonly Token[], pairs: Int32Array, p: number): boolean {
  let close = p - 1;
  if (['FILTER', 'OVER', 'GROUP'].includes(kw(sig[close]))) return false; // count(*) FILTER (WHERE ...), OVER (...), WITHIN GROUP (...)
  if (identName(sig[close]) !== undefined && kw(sig[close]) !== 'AS') close--;
  if (kw(sig[close]) === 'AS') close--;
  if (close === p - 1 || !isPunct(sig[close], ')')) return false;
  const open = pairs[close]!;
  const fn = sig[open - 1];
  return open > 0 && identName(fn) !== undefined && !['FROM', 'JOIN', 'LATERAL', 'AS', 'ON', 'IN', 'EXISTS', 'VALUES', 'USING', 'SELECT'].includes(kw(fn));
}

export function typeExpectedAt(sig: readonly Token[], pairs: Int32Array, at: number): TypePosition | undefined {
  const prev = sig[at - 1];
  const P = kw(prev);
  if (isPunct(prev, '::')) return 'cast';
  const head = kw(sig[0]);
  const create = head === 'CREATE';
  const objectWord = (w: string): boolean => sig.slice(0, 6).some((t) => kw(t) === w);
  if (P === 'RETURNS' || (P === 'SETOF' && kw(sig[at - 2]) === 'RETURNS')) return 'returns';
  if (create && objectWord('DOMAIN') && P === 'AS') return 'column';
  // ALTER COLUMN c TYPE t converts existing values: the types a cast accepts (no serial)
  if (head === 'ALTER' && P === 'TYPE' && sig.slice(1, at - 1).some((t) => kw(t) === 'COLUMN' || kw(t) === 'ALTER')) return 'cast';
  if (head === 'ALTER' && P === 'TYPE' && kw(sig[at - 2]) === 'DATA') return 'cast';
  const p = enclosingParen(sig, pairs, at);
  const afterItemStart = (k: number): boolean => isPunct(sig[k], ',') || k === p;
  if (p >= 0) {
    const callee = kw(sig[p - 1]);
    if ((callee === 'CAST' || callee === 'TRY_CAST') && P === 'AS') return 'cast';
    // CREATE TABLE t (col |  /  CREATE TYPE t AS (field |  /  RETURNS TABLE (col |
    const firstParen = sig.slice(0, p).every((t) => !isPunct(t, '('));
    const q = identName(prev) !== undefined && afterItemStart(at - 2);
    if (q && create && firstParen && (objectWord('TABLE') || (objectWord('TYPE') && callee === 'AS'))) return !['CONSTRAINT', 'PRIMARY', 'FOREIGN', 'UNIQUE', 'CHECK', 'LIKE', 'EXCLUDE'].includes(P) ? 'column' : undefined;
    if (q && callee === 'TABLE' && kw(sig[p - 2]) === 'RETURNS') return 'column';
    // FROM f(...) AS x(a |, b |  /  f(...) AS (a |: a record function's column definition list
    if (q && columnDefinitionList(sig, pairs, p)) return 'column';
    // CREATE FUNCTION f(a |, b |  /  f(IN a |  /  f(|  (a bare type is an argument too)
    if (create && (objectWord('FUNCTION') || objectWord('PROCEDURE')) && firstParen) {
      if (afterItemStart(at - 1) || PARAM_MODES.has(P)) return 'argument';
      if (identName(prev) !== undefined && (afterItemStart(at - 2) || PARAM_MODES.has(kw(sig[at - 2])))) return 'argument';
    }
  }
  // ALTER TABLE t ADD [COLUMN] c |  /  MySQL MODIFY [COLUMN] c |, CHANGE [COLUMN] old new |
  if (head === 'ALTER' && identName(prev) !== undefined && prev?.type !== undefined) {
    const b2 = kw(sig[at - 2]);
    const b3 = kw(sig[at - 3]);
    if ((b2 === 'ADD' || b2 === 'MODIFY' || (b2 === 'COLUMN' && (b3 === 'ADD' || b3 === 'MODIFY'))) && !['CONSTRAINT', 'PRIMARY', 'FOREIGN', 'UNIQUE', 'CHECK', 'INDEX', 'KEY', 'COLUMN'].includes(P)) return 'column';
    if (identName(sig[at - 2]) !== undefined && (b3 === 'CHANGE' || (b3 === 'COLUMN' && kw(sig[at - 4]) === 'CHANGE'))) return 'column';
  }
  return undefined;
}
