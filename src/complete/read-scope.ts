/**
 * Reads the table references of one query level from significant tokens: CTEs (WITH), FROM/JOIN items
 * with their aliases, UPDATE/INTO/TABLE targets, derived tables with the columns of their select list.
 * Tolerant of half-typed text; never throws on any token sequence.
 */
import type { Token } from '../sql/token.js';
import type { TableRef } from './suggestion.js';
import { CLAUSE_WORDS, END_OF_FROM, identName, isPunct, isQuotedIdent, isUnclosedCall, kw, nameKey } from './token-utils.js';

export interface LevelScope {
  /** Tables of the branch (of a UNION) that holds the focus, in text order. */
  readonly tables: readonly TableRef[];
  /** CTEs defined at this level (visible to it and to the levels inside it). */
  readonly ctes: readonly TableRef[];
  /** Index in sig of the first token after the WITH clause. */
  readonly bodyStart: number;
}

interface Reader {
  readonly sig: readonly Token[];
  readonly pairs: Int32Array;
  readonly fold: 'lower' | 'none';
}

const SET_OPS = new Set(['UNION', 'EXCEPT', 'INTERSECT', 'MINUS']);

const isIdent = (t: Token | undefined): boolean =>
  t !== undefined && (t.type === 'quoted-ident' || (t.type === 'word' && !CLAUSE_WORDS.has(t.text.toUpperCase())));

function close(r: Reader, open: number, b: number): number {
  const c = r.pairs[open]!;
  return c < 0 || c > b ? b : c;
}

/** Names in a parenthesised list `(a, b, c)` starting at `open`. */
function nameList(r: Reader, open: number, end: number): string[] {
  const out: string[] = [];
  for (let i = open + 1; i < end; i++) {
    const n = identName(r.sig[i]);
    if (n !== undefined && (isPunct(r.sig[i + 1], ',') || i + 1 === end)) out.push(n);
  }
  return out;
}

/** The branch of a set operation (UNION ...) within [a, b) that contains `focus`. */
function branch(r: Reader, a: number, b: number, focus: number): [number, number] {
  let s = a;
  for (let i = a; i < b; i++) {
    if (isPunct(r.sig[i], '(')) {
      i = close(r, i, b);
      continue;
    }
    if (SET_OPS.has(kw(r.sig[i]))) {
      if (focus < i) return [s, i];
      s = i + 1;
    }
  }
  return [s, b];
}

/** The output columns of the query in [a, b): names from its select list; `*` brings in starFrom. */
function selectOutput(r: Reader, a: number, b: number, outerCtes: readonly TableRef[], aliasesOnly = false): { columns: string[]; starFrom: TableRef[] } {
  const level = readLevel(r.sig, r.pairs, a, b, a, outerCtes, r.fold);
  const [s, e] = branch(r, level.bodyStart, b, level.bodyStart);
  const columns: string[] = [];
  const starFrom: TableRef[] = [];
  let i = s;
  if (['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(kw(r.sig[s]))) {
    // a data-changing statement (a writable CTE): its RETURNING list is its output
    while (i < e && kw(r.sig[i]) !== 'RETURNING') i = isPunct(r.sig[i], '(') ? close(r, i, e) + 1 : i + 1;
    if (i >= e) return { columns, starFrom };
  } else {
    while (i < e && kw(r.sig[i]) !== 'SELECT') i++;
  }
  i++;
  while (i < e && (kw(r.sig[i]) === 'DISTINCT' || kw(r.sig[i]) === 'ALL')) {
    i++;
    if (kw(r.sig[i]) === 'ON' && isPunct(r.sig[i + 1], '(')) i = close(r, i + 1, e) + 1;
  }
  let itemStart = i;
  const flush = (x: number, y: number): void => {
    const last = r.sig[y - 1];
    const n = y - x;
    if (n <= 0 || !last) return;
    if (isPunct(last, '*')) {
      const qt = n >= 3 && isPunct(r.sig[y - 2], '.') ? r.sig[y - 3] : undefined;
      const q = identName(qt);
      const lq = q === undefined ? undefined : nameKey(q, isQuotedIdent(qt), r.fold);
      starFrom.push(...level.tables.filter((t) => lq === undefined || refKey(t, r.fold) === lq));
      return;
    }
    const name = identName(last);
    if (name === undefined || (last.type === 'word' && CLAUSE_WORDS.has(last.text.toUpperCase()))) return;
    const prev = r.sig[y - 2];
    if (aliasesOnly) {
      // a name given to an item (`count(*) AS n`, `price * 2 total`), not a column as it is (`name`, `t.name`)
      if (n > 1 && (kw(prev) === 'AS' || isPunct(prev, ')') || isIdent(prev) || prev?.type === 'number' || prev?.type === 'string')) columns.push(name);
      return;
    }
    if (n === 1 || kw(prev) === 'AS' || isPunct(prev, '.') || isPunct(prev, ')') || isIdent(prev) || prev?.type === 'number' || prev?.type === 'string') {
      columns.push(name);
    }
  };
  for (; i < e; i++) {
    const t = r.sig[i]!;
    if (isPunct(t, '(')) {
      i = close(r, i, e);
      continue;
    }
    if (isPunct(t, ',') || kw(t) === 'FROM' || kw(t) === 'INTO') {
      flush(itemStart, i);
      itemStart = i + 1;
      if (kw(t) !== ',' && !isPunct(t, ',')) break;
    }
  }
  if (i >= e) flush(itemStart, e);
  return { columns, starFrom };
}

/**
 * The names the select list of the query in [a, b) gives its items (`AS n`): ORDER BY may use them
 * (of the first branch of a UNION, as SQL says).
 */
export function outputAliases(sig: readonly Token[], pairs: Int32Array, a: number, b: number, fold: 'lower' | 'none' = 'none'): string[] {
  return selectOutput({ sig, pairs, fold }, a, b, [], true).columns;
}

/** Read the CTEs at the start of [a, b), if it begins with WITH. */
function readCtes(r: Reader, a: number, b: number, outer: readonly TableRef[]): { ctes: TableRef[]; next: number } {
  const ctes: TableRef[] = [];
  let i = a;
  if (kw(r.sig[i]) !== 'WITH') return { ctes, next: a };
  i++;
  if (kw(r.sig[i]) === 'RECURSIVE') i++;
  while (i < b) {
    const nameTok = r.sig[i];
    const name = identName(nameTok);
    if (name === undefined || !nameTok) break;
    i++;
    let explicit: string[] | undefined;
    if (isPunct(r.sig[i], '(')) {
      const c = close(r, i, b);
      explicit = nameList(r, i, c);
      i = c + 1;
    }
    if (kw(r.sig[i]) === 'AS') i++;
    while (kw(r.sig[i]) === 'NOT' || kw(r.sig[i]) === 'MATERIALIZED') i++;
    let out: { columns: string[]; starFrom: TableRef[] } = { columns: [], starFrom: [] };
    if (isPunct(r.sig[i], '(')) {
      const c = close(r, i, b);
      out = selectOutput(r, i + 1, c, [...outer, ...ctes]);
      i = c + 1;
    }
    ctes.push(Object.freeze({ name, kind: 'cte', quoted: { name: isQuotedIdent(nameTok) }, written: nameTok.text, columns: Object.freeze(explicit ?? out.columns), starFrom: Object.freeze(out.starFrom), offset: nameTok.start }));
    if (!isPunct(r.sig[i], ',')) break;
    i++;
  }
  return { ctes, next: i };
}

/**
 * Read the query level in [a, b) of `sig`: its CTEs and the tables of the set-operation branch holding `focus`.
 * `outerCtes` are CTEs of enclosing levels (visible here).
 */
export function readLevel(
  sig: readonly Token[],
  pairs: Int32Array,
  a: number,
  b: number,
  focus: number,
  outerCtes: readonly TableRef[],
  fold: 'lower' | 'none' = 'none',
): LevelScope {
  const r: Reader = { sig, pairs, fold };
  const { ctes, next } = readCtes(r, a, b, outerCtes);
  const visible = [...ctes, ...outerCtes];
  const [s, e] = branch(r, next, b, Math.max(focus, next));
  const tables: TableRef[] = [];
  let expect = false;
  let inFrom = false;
  let intro = '';
  for (let i = s; i < e; i++) {
    const t = sig[i]!;
    const k = kw(t);
    if (isPunct(t, '(')) {
      const c = close(r, i, e);
      if (expect) {
        const out = selectOutput(r, i + 1, c, visible);
        const alias = readAlias(r, c + 1, e);
        let columns = out.columns;
        let j = alias.next;
        if (alias.name !== undefined && isPunct(sig[j], '(')) {
          const c2 = close(r, j, e);
          columns = nameList(r, j, c2);
          j = c2 + 1;
        }
        tables.push(Object.freeze({ name: alias.name ?? '', ...aliasFields(alias), kind: 'subquery', columns: Object.freeze(columns), starFrom: Object.freeze(out.starFrom), offset: t.start }));
        expect = false;
        i = j - 1;
        continue;
      }
      if (isUnclosedCall(sig, pairs, i)) continue;
      i = c;
      continue;
    }
    if (k === 'FROM' || k === 'JOIN' || k === 'STRAIGHT_JOIN' || k === 'APPLY' || k === 'INTO' || k === 'TABLE' || ((k === 'PIVOT' || k === 'UNPIVOT') && i === s)) {
      expect = true;
      inFrom = k !== 'INTO' && k !== 'TABLE';
      intro = k;
      continue;
    }
    if (k === 'UPDATE' && !['DO', 'FOR', 'KEY', 'ON'].includes(kw(sig[i - 1]))) {
      expect = true;
      inFrom = false;
      intro = k;
      continue;
    }
    if (k === 'USING' && kw(sig[s]) === 'MERGE') {
      // MERGE INTO target USING source [AS s] ON ...: the source (a table or a subquery) is in scope with the target
      expect = true;
      inFrom = false;
      intro = 'FROM';
      continue;
    }
    if (k === 'USING' && kw(sig[s]) === 'DELETE' && !isPunct(sig[i + 1], '(')) {
      // DELETE FROM t USING a, b: a FROM list
      expect = true;
      inFrom = true;
      intro = 'FROM';
      continue;
    }
    if (isPunct(t, ',') && inFrom) {
      expect = true;
      continue;
    }
    if (k === 'SELECT' && intro === 'INTO' && focus > i && kw(sig[s]) !== 'SELECT') {
      // INSERT INTO a [(cols)] SELECT ... : the query's own FROM tables are in scope, not the target
      for (let x = tables.length - 1; x >= 0; x--) if (tables[x]!.intoTarget) tables.splice(x, 1);
    }
    if (END_OF_FROM.has(k)) {
      expect = false;
      inFrom = false;
      continue;
    }
    if (!expect || k === 'LATERAL' || k === 'ONLY' || k === 'IF' || k === 'NOT' || k === 'EXISTS' || k === 'IGNORE') continue;
    if (!isIdent(t)) {
      expect = false;
      continue;
    }
    // a possibly qualified name: a.b.c
    const parts: string[] = [identName(t)!];
    const quotedParts: boolean[] = [isQuotedIdent(t)];
    let j = i + 1;
    while (isPunct(sig[j], '.') && j + 1 < e && (sig[j + 1]!.type === 'word' || sig[j + 1]!.type === 'quoted-ident')) {
      parts.push(identName(sig[j + 1])!);
      quotedParts.push(isQuotedIdent(sig[j + 1]));
      j += 2;
    }
    const written = sig.slice(i, j).map((x) => x.text).join('');
    let kind: TableRef['kind'] = 'table';
    if (isPunct(sig[j], '(') && j < e && intro !== 'INTO' && intro !== 'TABLE' && intro !== 'UPDATE') {
      kind = 'function';
      j = close(r, j, e) + 1;
    }
    const name = parts[parts.length - 1]!;
    const schema = parts.length >= 2 ? parts[parts.length - 2] : undefined;
    const alias = readAlias(r, j, e);
    let next = alias.next;
    let columns: string[] | undefined;
    if (kind === 'function' && alias.name !== undefined && isPunct(sig[next], '(')) {
      // f(...) AS g(x, y): the column alias list names the output columns
      const c2 = close(r, next, e);
      columns = nameList(r, next, c2);
      next = c2 + 1;
    }
    const key = nameKey(name, quotedParts[quotedParts.length - 1]!, fold);
    const cte = schema === undefined && kind === 'table' ? visible.find((c) => nameKey(c.name, c.quoted?.name === true, fold) === key) : undefined;
    const quoted = { name: quotedParts[quotedParts.length - 1]!, schema: parts.length >= 2 && quotedParts[quotedParts.length - 2]!, alias: alias.quoted === true };
    const base = cte
      ? { name, kind: 'cte' as const, columns: cte.columns ?? [], starFrom: cte.starFrom ?? [] }
      : { name, kind, ...(schema !== undefined ? { schema } : {}), ...(columns ? { columns: Object.freeze(columns) } : {}) };
    tables.push(Object.freeze({ ...base, quoted, written, ...aliasFields(alias), ...(intro === 'INTO' ? { intoTarget: true } : {}), offset: t.start }));
    expect = false;
    i = next - 1;
  }
  return { tables, ctes, bodyStart: next };
}

interface Alias {
  readonly name?: string;
  readonly written?: string;
  readonly quoted?: boolean;
  readonly next: number;
}

/** `[AS] alias` at i: the alias and the index after it. */
function readAlias(r: Reader, i: number, e: number): Alias {
  let j = i;
  const hasAs = kw(r.sig[j]) === 'AS';
  if (hasAs) j++;
  const t = r.sig[j];
  if (j < e && t && (isIdent(t) || (hasAs && t.type === 'word'))) return { name: identName(t)!, written: t.text, quoted: isQuotedIdent(t), next: j + 1 };
  return { next: i };
}

function aliasFields(a: Alias): { alias?: string; aliasWritten?: string } {
  return a.name !== undefined ? { alias: a.name, aliasWritten: a.written! } : {};
}

/** The key a reference `x.` is compared with: the alias if any, else the name (by the text-only rule). */
export function refKey(t: TableRef, fold: 'lower' | 'none'): string {
  return t.alias !== undefined ? nameKey(t.alias, t.quoted?.alias === true, fold) : nameKey(t.name, t.quoted?.name === true, fold);
}
