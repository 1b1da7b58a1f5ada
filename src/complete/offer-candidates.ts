/** Stage 2: the candidates for one suggestion, from the catalog (and the options' callbacks), into the collector. */
import { isBuiltin, isSetReturning, kindIn, signatureOf, SYSTEM_SCHEMA, type Catalog, type IndexedRelation } from '../catalog/catalog.js';
import type { FunctionDef, RelationDef, RelationKind } from '../catalog/catalog-data.js';
import { charMask } from '../catalog/char-mask.js';
import { DOT_COMMANDS } from '../sql/dot-command-names.js';
import { builtinTableColumns, builtinTableFunctions } from './builtin-table-functions.js';
import type { CandidateBody, Collector, Tier } from './collector.js';
import type { CompleteOptions } from './complete-options.js';
import { offerJoinConditions, offerJoins } from './join-candidates.js';
import { builtinTypesFor, isCommonType } from './type-positions.js';
import type { NameWriter } from './name-writer.js';
import type { OperandFit, Suggestion, TableRef, WordAtCursor } from './suggestion.js';
import { splitArgs } from '../sql/argument-list.js';
import { argumentFamily, builtinArgumentFamily, typeFamily, type TypeFamily } from './type-family.js';

export interface OfferContext {
  readonly catalog: Catalog;
  readonly word: WordAtCursor;
  readonly options: CompleteOptions;
  /** How many candidates will be returned (sources may stop early when their order is the ranking's). */
  readonly max: number;
  readonly names: NameWriter;
  /** Apply the keyword case to a keyword (given upper case). */
  readonly keyword: (kw: string) => string;
  /** Apply the keyword case to a built-in type name (user-defined names are kept as they are). */
  readonly typeCase: (name: string) => string;
  /** Apply the keyword case to a built-in function's name (the user's functions are kept as they are). */
  readonly functionCase: (name: string) => string;
}

function relationKind(def: RelationDef): 'table' | 'view' {
  return def.kind === 'view' || def.kind === 'materialized-view' ? 'view' : 'table';
}

function relationBody(def: RelationDef, names: NameWriter): CandidateBody {
  const text = names.relation(def);
  return { text, kind: relationKind(def), detail: def.schema ? `${def.kind} ${def.schema}` : def.kind, ...(text !== def.name ? { display: def.name } : {}) };
}

/** The tier of a relation: the user's on the search path, the user's elsewhere, the engine's own. */
const relationTier = (r: IndexedRelation): Tier => (r.system ? 5 : r.visible ? 1 : 2);

/** `after`: the column sorts after the other names of its tier (an ON condition's references and conditions), before the next tier. */
function addColumn(name: string, detail: string | undefined, ctx: OfferContext, col: Collector, after = false, misfit: Misfit = 1): void {
  col.add(name, 1, `col\u0000${name}`, () => {
    const text = ctx.names.ident(name);
    return { text, kind: 'column', ...(detail !== undefined ? { detail } : {}), ...(text !== name ? { display: name } : {}) };
  }, undefined, undefined, orderAmongEquals(name, after, misfit));
}

/**
 * 0: a column of the same name as the one compared with, in another table (`o.customer_id = c.|`, `a IN (SELECT a`);
 * 1: the operand's type, or unknown; 2: another type; 3: the very column it is compared with (`a = a`).
 */
type Misfit = 0 | 1 | 2 | 3;

/**
 * Where a column sorts among candidates of its tier and match (the collector's order among equals): `after` (an ON
 * condition's bare columns, after the references) last, then by `misfit`, then shorter names first.
 */
function orderAmongEquals(name: string, after: boolean, misfit: Misfit): number {
  return ((after ? 4 : 0) + misfit) * 128 + Math.min(name.length, 127);
}

/** The column names (with types when known) of one table reference, or undefined when unknown. */
function columnsOf(t: TableRef, catalog: Catalog): readonly { name: string; type?: string }[] | undefined {
  if (t.kind === 'cte' || t.kind === 'subquery') return (t.columns ?? []).map((name) => ({ name }));
  const quoted = t.quoted ?? {};
  if (t.kind === 'function') {
    if (t.columns && t.columns.length > 0) return t.columns.map((name) => ({ name }));
    const f = catalog.findFunction(t.name, t.schema, quoted);
    if (f?.columns && f.columns.length > 0) return f.columns;
    if (f && catalog.dialect.id === 'postgres' && !isSetReturning(f)) return [{ name: t.alias ?? f.name }];
    if (f && /^\s*setof\s+/i.test(f.returns ?? '')) {
      const row = catalog.findRelation(f.returns!.replace(/^\s*setof\s+/i, '').trim().replace(/^.*\./, ''));
      if (row) return row.columns;
      if (catalog.dialect.id === 'postgres') return [{ name: t.alias ?? f.name }];
    }
    return builtinTableColumns(catalog.dialect.id, t.name, t.alias)?.map((name) => ({ name }));
  }
  return catalog.findRelation(t.name, t.schema, quoted)?.columns;
}

/** A column two tables in scope both have (`id` of users and of orders): written qualified, one candidate per table. */
function addQualifiedColumn(ref: string, name: string, detail: string | undefined, ctx: OfferContext, col: Collector, after: boolean, misfit: Misfit = 1): void {
  col.add(name, 1, `col\u0000${ref}\u0000${name}`, () => {
    const text = `${ref}.${ctx.names.ident(name)}`;
    return { text, kind: 'column', ...(detail !== undefined ? { detail } : {}) };
  }, undefined, undefined, orderAmongEquals(name, after, misfit));
}

/** Column names (by key) that more than one of the tables has: bare, they would be ambiguous. */
function sharedColumns(tables: readonly TableRef[], ctx: OfferContext): Set<string> {
  const seen = new Map<string, number>();
  for (const t of tables) {
    const own = new Set<string>();
    const collect = (r: TableRef, depth: number): void => {
      for (const c of columnsOf(r, ctx.catalog) ?? []) own.add(ctx.catalog.identKey(c.name, true, 'column'));
      if ((r.kind === 'cte' || r.kind === 'subquery') && depth < 8) for (const s of r.starFrom ?? []) collect(s, depth + 1);
    };
    collect(t, 0);
    for (const k of own) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n > 1).map(([k]) => k));
}

/**
 * Columns of table refs: from the catalog for real tables, from the text for CTEs and derived tables. With several
 * tables in scope, a name more than one of them has is offered qualified by each one's reference (`u.id`, `o.id`):
 * bare it would be ambiguous. (`alsoIn`, USING's columns, stay bare: there they name both.)
 */
function offerColumns(tables: readonly TableRef[], ctx: OfferContext, col: Collector, alsoIn?: readonly TableRef[], depth = 0, after = false, shared?: ReadonlySet<string>, exclude?: readonly string[], fit?: Fit): void {
  const listed = exclude && exclude.length > 0 ? new Set(exclude.map((n) => ctx.catalog.identKey(n, true, 'column'))) : undefined;
  let others: Set<string> | undefined;
  if (alsoIn) {
    others = new Set();
    for (const t of alsoIn) for (const c of columnsOf(t, ctx.catalog) ?? []) others.add(ctx.catalog.identKey(c.name, true, 'column'));
  }
  const ambiguous = shared ?? (!alsoIn && depth === 0 && tables.length > 1 ? sharedColumns(tables, ctx) : undefined);
  for (const t of tables) {
    // a reference to qualify by: an alias or a table's name (a derived table without an alias has none)
    const ref = ambiguous && ambiguous.size > 0 && (t.alias !== undefined || t.name !== '') ? ctx.names.ref(t) : undefined;
    for (const c of columnsOf(t, ctx.catalog) ?? []) {
      const k = ctx.catalog.identKey(c.name, true, 'column');
      if ((others && !others.has(k)) || listed?.has(k)) continue;
      const misfit = fit !== undefined ? misfits(fit, t, k, c.type) : 1;
      if (ref !== undefined && ambiguous!.has(k)) addQualifiedColumn(ref, c.name, c.type ?? (t.alias ?? t.name), ctx, col, after, misfit);
      else addColumn(c.name, c.type ?? (t.alias ?? t.name), ctx, col, after, misfit);
    }
    if ((t.kind === 'cte' || t.kind === 'subquery') && depth < 8 && t.starFrom) offerColumns(t.starFrom, ctx, col, alsoIn, depth + 1, after, ambiguous, undefined, fit);
  }
}

/** Every column name of a table reference in order, a CTE's `*` included; undefined when any is unknown. */
function allColumnsOf(t: TableRef, catalog: Catalog, depth = 0): string[] | undefined {
  const own = columnsOf(t, catalog)?.map((c) => c.name);
  if ((t.kind === 'cte' || t.kind === 'subquery') && t.starFrom && t.starFrom.length > 0) {
    if (depth >= 8) return undefined;
    const more: string[] = [];
    for (const s of t.starFrom) {
      const cols = allColumnsOf(s, catalog, depth + 1);
      if (!cols) return undefined;
      more.push(...cols);
    }
    return [...(own ?? []), ...more];
  }
  return own && own.length > 0 ? own : undefined;
}

/**
 * `SELECT *|`: the star written out as its columns, in the tables' order (as pgcli's wildcard expansion). One
 * table: bare names; several, or `t.*`: each qualified by its table's reference. Nothing when a column list is unknown.
 */
function offerStar(s: Extract<Suggestion, { kind: 'star' }>, ctx: OfferContext, col: Collector): void {
  const qualify = s.qualifier !== undefined || s.tables.length > 1;
  const parts: string[] = [];
  for (const t of s.tables) {
    const cols = allColumnsOf(t, ctx.catalog);
    if (!cols) return;
    const ref = qualify ? `${ctx.names.ref(t)}.` : '';
    for (const c of cols) parts.push(ref + ctx.names.ident(c));
  }
  if (parts.length === 0) return;
  const text = parts.join(', ');
  col.add('', 0, undefined, { text, kind: 'column', display: text.length > 60 ? `${text.slice(0, 59)}…` : text, detail: `the ${parts.length} columns of *` });
}

/** Sorted names (by lower case) that start with the lower-case prefix: binary search, for catalog-wide lists. */
function* withPrefix(sorted: readonly string[], lowerPrefix: string): Generator<string> {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.toLowerCase() < lowerPrefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && sorted[i]!.toLowerCase().startsWith(lowerPrefix); i++) yield sorted[i]!;
}

export function offerKeywords(preferred: readonly string[] | undefined, only: boolean, ctx: OfferContext, col: Collector, secondary = false, first = false): void {
  for (const k of preferred ?? []) addKeyword(k, first ? 0 : secondary ? 2 : 1, ctx, col);
  if (only) return;
  // in an operand (secondary: the names in scope come first), a keyword that starts no expression ranks after the functions
  const rest = secondary ? 4 : 3;
  for (const k of ctx.catalog.dialect.keywords) addKeyword(k, rest, ctx, col);
}

/** A keyword is matched as written, in the case it will be inserted in: its case never ranks it after a name. */
function addKeyword(k: string, tier: Tier, ctx: OfferContext, col: Collector): void {
  const text = ctx.keyword(k);
  col.add(text, tier, `kw\u0000${k}`, { text, kind: 'keyword' });
}

function functionBody(f: FunctionDef, ctx: OfferContext): CandidateBody {
  const text = ctx.names.qualified(f.schema, f.name);
  return { text, kind: 'function', display: `${f.name}()`, detail: ctx.catalog.functionSignature(f.name, f.schema) ?? signatureOf(f) };
}

/**
 * Function names complete bare (as in pgcli: the user types the parenthesis, and `count(*)`, `now()` or a
 * name used as a value are not second-guessed); the menu shows `name()` and the signature when the catalog has one.
 * The user's functions rank before the built-ins (tier 2 and 3), so a long built-in list never hides them.
 */
export function offerFunctions(ctx: OfferContext, col: Collector, only?: { user?: boolean; kinds?: readonly FunctionDef['kind'][] }): void {
  const catalog = ctx.catalog;
  const body = (f: FunctionDef): CandidateBody => functionBody(f, ctx);
  const overloads = only?.user ? overloaded(catalog.userFunctions) : undefined;
  for (const f of catalog.userFunctions) {
    if (only?.kinds ? !only.kinds.includes(f.kind) : f.kind === 'procedure') continue;
    // off the search path a function is written qualified: it sorts by that length (hr.reports_of after price_with_tax)
    const visible = catalog.isVisibleSchema(f.schema);
    const length = visible ? f.name.length : f.schema.length + 1 + f.name.length;
    if (overloads?.has(`${f.schema}\u0000${f.name}`)) {
      // DROP / ALTER FUNCTION of an overloaded name: which one, by its arguments (the bare name is an error)
      const args = identityArgs(f.args ?? '');
      col.add(f.name, 2, `fn\u0000${f.schema}\u0000${f.name}\u0000${args}`, () => ({ ...body(f), text: `${ctx.names.qualified(f.schema, f.name)}(${args})` }), undefined, f, length);
      continue;
    }
    col.add(f.name, 2, `fn\u0000${f.schema}\u0000${f.name}`, body, undefined, f, length);
  }
  if (only?.user || only?.kinds) return;
  const build = (f: string): CandidateBody => ({ text: ctx.functionCase(f), kind: 'function', display: `${f}()` });
  for (const f of catalog.builtinFunctionNames) col.add(f, 3, `fn\u0000\u0000${f}`, build, undefined, f);
}

/** The most relations whose columns are searched for the select list's names (`SELECT a FROM |`). */
const HOLDING_SCAN_LIMIT = 3000;

/** The schema-and-name keys of functions that have more than one signature (PostgreSQL's overloads). */
function overloaded(functions: readonly FunctionDef[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const f of functions) {
    const k = `${f.schema}\u0000${f.name}`;
    if (seen.has(k)) twice.add(k);
    seen.add(k);
  }
  return twice;
}

/** A function's arguments as DROP FUNCTION takes them: without OUT arguments and defaults ('a integer, b text DEFAULT 1' -> 'a integer, b text'). */
export function identityArgs(args: string): string {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  let quoted = false;
  for (let i = 0; i <= args.length; i++) {
    const ch = args[i];
    if (ch === "'") quoted = !quoted; // a default's string ('a, b'; '' inside toggles twice)
    else if (quoted && i < args.length) continue;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (i === args.length || (ch === ',' && depth === 0)) {
      const a = args.slice(from, i).trim().replace(/\s+(DEFAULT\s|=)[\s\S]*$/i, '');
      if (a !== '' && !/^OUT\s/i.test(a)) parts.push(a);
      from = i + 1;
    }
  }
  return parts.join(', ');
}

/** All relations: the user's on the search path bare, the user's others qualified, the system ones only once a prefix is typed. */
export function offerRelations(ctx: OfferContext, col: Collector, kinds?: readonly RelationKind[], holding?: readonly string[]): void {
  // the hot loop on big schemas: no allocation unless the name matches
  const names = ctx.names;
  const build = (def: RelationDef): CandidateBody => relationBody(def, names);
  const { relations, relationsByLength } = ctx.catalog;
  // `SELECT first_name, email FROM |`: the user's tables that have every column named so far come first
  // (a walk over every table's columns: on a catalog of thousands of tables the keystroke would wait, so not there)
  let preferred: Set<RelationDef> | undefined;
  if (holding && holding.length > 0 && relations.length <= HOLDING_SCAN_LIMIT) {
    const want = holding.map((h) => h.toLowerCase());
    for (const r of relations) {
      if (r.system || !kindIn(kinds, r.def.kind)) continue;
      // (no allocation per relation: this walks every table of a big catalog)
      if (!want.every((w) => r.def.columns.some((c) => c.name.length === w.length && c.name.toLowerCase() === w))) continue;
      // (one off the path is written qualified: it sorts by that length)
      col.add(r.def.name, 0, undefined, build, r.lower, r.def, r.visible ? r.def.name.length : r.def.schema.length + 1 + r.def.name.length);
      (preferred ??= new Set()).add(r.def);
    }
  }
  if (ctx.word.prefix === '') {
    // everything matches: offer the recently used ones, then the best `max` in ranking order, and stop
    const recent = ctx.options.recent;
    if (recent && recent.size > 0) {
      for (const r of relations) {
        if (r.system || !kindIn(kinds, r.def.kind)) continue;
        if ((recent.has(r.def.name) || recent.has(r.lower)) && !preferred?.has(r.def)) col.add(r.def.name, relationTier(r), `rel\u0000${r.def.schema}\u0000${r.def.name}`, build, r.lower, r.def);
      }
    }
    let n = 0;
    const dedupe = recent !== undefined && recent.size > 0; // only the recent ones above can come twice
    for (let i = 0; i < relationsByLength.length && n < ctx.max; i++) {
      const r = relations[relationsByLength[i]!]!;
      if (r.system) break; // system relations sort last: offered only once their prefix is typed
      if (!kindIn(kinds, r.def.kind) || preferred?.has(r.def)) continue;
      col.add(r.def.name, relationTier(r), dedupe ? `rel\u0000${r.def.schema}\u0000${r.def.name}` : undefined, build, r.lower, r.def);
      n++;
    }
    return;
  }
  const need = charMask(ctx.word.prefix.toLowerCase());
  const masks = ctx.catalog.relationMasks;
  for (let i = 0; i < relations.length; i++) {
    if ((masks[i]! & need) !== need) continue; // lacks a typed character: cannot match
    const r = relations[i]!;
    if ((kinds && !kindIn(kinds, r.def.kind)) || preferred?.has(r.def)) continue;
    col.add(r.def.name, relationTier(r), undefined, build, r.lower, r.def);
  }
}

/** Set-returning functions for FROM: the user's (tier 1 on the search path, like tables) and the engine's. */
function offerTableFunctions(ctx: OfferContext, col: Collector, schema?: { name: string; quoted: boolean }): void {
  const { catalog } = ctx;
  const list = schema ? catalog.functionsIn(schema.name, schema.quoted).filter(isSetReturning) : catalog.tableFunctions;
  for (const f of list) {
    if (isBuiltin(f)) continue;
    const text = schema ? ctx.names.ident(f.name) : ctx.names.qualified(f.schema, f.name);
    col.add(f.name, schema || catalog.isVisibleSchema(f.schema) ? 1 : 2, `fn\u0000${f.schema}\u0000${f.name}`, { text, kind: 'function', display: `${f.name}()`, detail: signatureOf(f) });
  }
  // PostgreSQL: any function may stand in FROM (`FROM now()` is a one-row table): the user's other functions
  // (not aggregates, windows or procedures) after the tables, as pgcli offers them
  if (catalog.dialect.id === 'postgres') {
    for (const f of schema ? catalog.functionsIn(schema.name, schema.quoted) : catalog.userFunctions) {
      if (f.kind !== 'function' || isSetReturning(f) || isBuiltin(f)) continue;
      const text = schema ? ctx.names.ident(f.name) : ctx.names.qualified(f.schema, f.name);
      col.add(f.name, schema ? 2 : catalog.isVisibleSchema(f.schema) ? 2 : 3, `fn\u0000${f.schema}\u0000${f.name}`, { text, kind: 'function', display: `${f.name}()`, detail: signatureOf(f) });
    }
  }
  if (schema) return;
  for (const f of builtinTableFunctions(catalog.dialect.id)) col.add(f.name, 3, `fn\u0000\u0000${f.name}`, { text: f.name, kind: 'function', display: `${f.name}()` });
  for (const f of list) if (isBuiltin(f) && !SYSTEM_SCHEMA.test(f.schema)) col.add(f.name, 3, `fn\u0000\u0000${f.name}`, { text: f.name, kind: 'function', display: `${f.name}()` });
}

/** Distinct column names of the whole catalog that start with the typed prefix (no fuzzy: the list may be huge). */
export function offerAllColumns(ctx: OfferContext, col: Collector): void {
  const p = ctx.word.prefix.toLowerCase();
  if (p.length === 0) return;
  // no table in scope yet (`select na` before FROM): a guess, ranked with the built-ins
  for (const c of withPrefix(ctx.catalog.columnNames, p)) col.add(c, 3, `col\u0000${c}`, { text: ctx.names.ident(c), kind: 'column' });
}

/** Types: the user's (enums, composites, domains; qualified off the search path) and the dialect's built-ins. */
function offerTypes(s: Extract<Suggestion, { kind: 'datatype' }>, ctx: OfferContext, col: Collector): void {
  const { catalog } = ctx;
  if (s.schema !== undefined) {
    for (const t of catalog.typesIn(s.schema, s.schemaQuoted === true)) col.add(t.name, 1, `type\u0000${t.schema}\u0000${t.name}`, { text: ctx.names.ident(t.name), kind: 'datatype', detail: t.kind });
    return;
  }
  for (const t of catalog.userTypes) {
    const text = ctx.names.qualified(t.schema, t.name);
    // a type off the search path (written qualified) after those on it
    col.add(t.name, catalog.isVisibleSchema(t.schema) || t.schema === '' ? 1 : 2, `type\u0000${t.schema}\u0000${t.name}`, { text, kind: 'datatype', detail: t.detail ? `${t.kind} ${t.detail}` : t.kind });
  }
  if (s.user) return;
  // the everyday built-ins (integer, text, timestamp ...) before the rest (box, cidr, xid ...)
  for (const t of builtinTypesFor(catalog.dialect.id, catalog.dialect.datatypes, s.position)) {
    col.add(t, isCommonType(catalog.dialect.id, t) ? 2 : 3, `type\u0000\u0000${t}`, { text: ctx.typeCase(t), kind: 'datatype' });
  }
}

export function offerCandidates(s: Suggestion, ctx: OfferContext, col: Collector): void {
  const { catalog, options } = ctx;
  switch (s.kind) {
    case 'keyword':
      return offerKeywords(s.preferred, s.only === true, ctx, col, s.secondary === true, s.first === true);
    case 'schema':
      for (const name of catalog.schemas) {
        col.add(name, SYSTEM_SCHEMA.test(name) ? 5 : 2, `schema\u0000${name}`, { text: s.bare ? name.replace(/'/g, "''") : s.string ? `'${name.replace(/'/g, "''")}'` : `${ctx.names.ident(name)}${s.suffix ?? ''}`, kind: 'schema' });
      }
      return;
    case 'relation': {
      if (s.schema !== undefined) {
        for (const r of catalog.relationsIn(s.schema, s.schemaQuoted === true)) {
          if (!kindIn(s.kinds, r.def.kind)) continue;
          col.add(r.def.name, 1, `rel\u0000${r.def.schema}\u0000${r.def.name}`, { text: ctx.names.ident(r.def.name), kind: relationKind(r.def), detail: r.def.kind }, r.lower);
        }
        if (s.tableFunctions) offerTableFunctions(ctx, col, { name: s.schema, quoted: s.schemaQuoted === true });
        return;
      }
      for (const c of s.ctes ?? []) col.add(c.name, 1, `rel\u0000\u0000${c.name}`, { text: c.written ?? ctx.names.ident(c.name), kind: 'cte' });
      offerRelations(ctx, col, s.kinds, s.holding);
      if (s.tableFunctions) offerTableFunctions(ctx, col);
      return;
    }
    case 'column':
      if (s.tables.length === 0 && !s.qualified) return offerAllColumns(ctx, col);
    {
      const fit = s.fits ? wantedType(s.fits, s.tables, ctx) : undefined;
      // a boolean operand: TRUE and FALSE before the columns (`paid = |`)
      if (fit?.family === 'bool') for (const k of ['TRUE', 'FALSE']) addKeyword(k, 1, ctx, col);
      return offerColumns(s.tables, ctx, col, s.alsoIn, 0, s.secondary === true, undefined, s.exclude, fit);
    }
    case 'star':
      return offerStar(s, ctx, col);
    case 'join':
      return offerJoins(s.tables, catalog, ctx.names, col, s.schema !== undefined ? { name: s.schema, quoted: s.schemaQuoted === true } : undefined);
    case 'join-condition':
      if (s.right) offerJoinConditions(s.tables, s.right, catalog, ctx.names, col);
      return;
    case 'function':
      if (s.schema !== undefined) {
        const fns = catalog.functionsIn(s.schema, s.schemaQuoted === true);
        const overloads = s.user ? overloaded(fns) : undefined;
        for (const f of fns) {
          if (s.kinds ? !s.kinds.includes(f.kind) : f.kind === 'procedure') continue;
          const args = overloads?.has(`${f.schema}\u0000${f.name}`) ? identityArgs(f.args ?? '') : undefined;
          const text = args === undefined ? ctx.names.ident(f.name) : `${ctx.names.ident(f.name)}(${args})`;
          col.add(f.name, 1, `fn\u0000${f.schema}\u0000${f.name}\u0000${args ?? ''}`, { text, kind: 'function', display: `${f.name}()`, detail: signatureOf(f) });
        }
        return;
      }
      return offerFunctions(ctx, col, s.user || s.kinds ? { user: s.user === true, ...(s.kinds ? { kinds: s.kinds } : {}) } : undefined);
    case 'datatype':
      return offerTypes(s, ctx, col);
    case 'alias':
      for (const t of s.tables) {
        const a = t.alias ?? t.name;
        if (a) col.add(a, s.first ? 1 : 2, `alias\u0000${a}`, { text: ctx.names.ref(t), kind: 'alias', detail: t.name });
      }
      return;
    case 'index': {
      const want = s.schema === undefined ? undefined : s.schemaQuoted ? s.schema : s.schema.toLowerCase();
      for (const ix of catalog.data.indexes) {
        if (want !== undefined && (s.schemaQuoted ? ix.schema : ix.schema.toLowerCase()) !== want) continue;
        // a primary key's or UNIQUE constraint's index goes with its constraint (ALTER TABLE ... DROP CONSTRAINT)
        if (s.droppable && catalog.dialect.id !== 'mysql' && (ix.primary || ix.constraint || /^sqlite_autoindex_/.test(ix.name))) continue;
        const text = want !== undefined ? ctx.names.ident(ix.name) : ctx.names.qualified(ix.schema, ix.name);
        col.add(ix.name, 1, `index\u0000${ix.schema}\u0000${ix.name}`, { text, kind: 'index', detail: `on ${ix.table}` });
      }
      return;
    }
    case 'constraint': {
      const t = s.table;
      const rel = catalog.findRelation(t.name, t.schema, t.quoted ?? {});
      if (!rel) return;
      const mysql = catalog.dialect.id === 'mysql';
      if (s.which !== 'foreign') {
        for (const ix of catalog.data.indexes) {
          if (ix.schema !== rel.schema || ix.table !== rel.name) continue;
          // a constraint: the primary key and UNIQUE constraints (on MySQL, where a unique index is its constraint, not PRIMARY)
          const fits = s.which === 'index' ? !ix.primary : mysql ? ix.unique && !ix.primary : ix.primary || ix.constraint === true;
          if (fits) col.add(ix.name, 1, `con\u0000${ix.name}`, { text: ctx.names.ident(ix.name), kind: 'constraint', detail: ix.primary ? 'primary key' : ix.unique ? 'unique' : 'index' });
        }
      }
      if (s.which !== 'index') {
        for (const fk of catalog.foreignKeysFrom(rel)) {
          if (fk.name) col.add(fk.name, 1, `con\u0000${fk.name}`, { text: ctx.names.ident(fk.name), kind: 'constraint', detail: `foreign key to ${fk.refTable}` });
        }
      }
      return;
    }
    case 'collation': {
      // SQLite's and DuckDB's are built in; a server's come with the catalog
      const builtin = catalog.dialect.id === 'sqlite' ? ['BINARY', 'NOCASE', 'RTRIM'] : catalog.dialect.id === 'duckdb' ? ['NOCASE', 'NOACCENT', 'NFC', 'C', 'POSIX'] : [];
      for (const b of builtin) col.add(b, 1, `coll\u0000${b}`, { text: b, kind: 'collation' });
      const want = s.charset?.toLowerCase();
      for (const c of catalog.data.collations ?? []) {
        // those of the named character set first; else the common ones (UTF-8, latin1, PostgreSQL's own)
        const first = want !== undefined ? c.charset?.toLowerCase() === want : COMMON_CHARSETS.has(c.charset ?? '') || COMMON_COLLATIONS.has(c.name);
        const text = catalog.dialect.id === 'mysql' ? c.name : ctx.names.ident(c.name);
        col.add(c.name, first ? 1 : 2, `coll\u0000${c.name}`, { text, kind: 'collation', ...(c.charset ? { detail: c.charset } : {}) });
      }
      return;
    }
    case 'charset':
      // (an introducer is written before a string, `_utf8mb4'text'`: offered last, once `_` is typed)
      if (s.introducer) {
        if (ctx.word.prefix.startsWith('_')) for (const c of catalog.data.charsets ?? []) col.add(`_${c}`, COMMON_CHARSETS.has(c) ? 4 : 5, `cs\u0000_${c}`, { text: `_${c}`, kind: 'charset' });
        return;
      }
      for (const c of catalog.data.charsets ?? []) col.add(c, COMMON_CHARSETS.has(c) ? 1 : 2, `cs\u0000${c}`, { text: c, kind: 'charset' });
      return;
    case 'enum-value':
      return offerEnumValues(s.tables, s.column, s.qualifier, ctx, col);
    case 'sequence': {
      const want = s.schema === undefined ? undefined : s.schemaQuoted ? s.schema : s.schema.toLowerCase();
      for (const q of catalog.data.sequences ?? []) {
        if (want !== undefined && (s.schemaQuoted ? q.schema : q.schema.toLowerCase()) !== want) continue;
        const text = want !== undefined ? ctx.names.ident(q.name) : ctx.names.qualified(q.schema, q.name);
        col.add(q.name, catalog.isVisibleSchema(q.schema) ? 1 : 2, `seq\u0000${q.schema}\u0000${q.name}`, { text, kind: 'sequence', detail: 'sequence' });
      }
      return;
    }
    case 'extension':
      for (const e of catalog.extensions) {
        if (s.installed && !e.installed) continue;
        col.add(e.name, s.installed || !e.installed ? 1 : 2, `ext\u0000${e.name}`, { text: ctx.names.ident(e.name), kind: 'extension', detail: e.installed ? 'extension, installed' : 'extension' });
      }
      return;
    case 'role':
      // the engine's predefined roles (pg_read_all_data ...) after the user's
      for (const r of catalog.roles) {
        // a MySQL account is written as GRANT takes it ('app'@'%'), and matched by its name (app@%)
        if (r.startsWith("'")) col.add(r.replace(/'/g, ''), 1, `role\u0000${r}`, { text: r, kind: 'role' });
        else col.add(r, /^pg_/.test(r) ? 3 : 1, `role\u0000${r}`, { text: ctx.names.ident(r), kind: 'role' });
      }
      for (const k of s.special ?? []) col.add(k, 2, `kw\u0000${k}`, { text: ctx.keyword(k), kind: 'keyword' });
      return;
    case 'database':
      for (const d of catalog.databases) col.add(d, 1, `db\u0000${d}`, { text: ctx.names.ident(d), kind: 'database' });
      return;
    case 'meta-command':
      if (s.dot) {
        for (const [name, summary] of DOT_COMMANDS) col.add(name, 1, `meta\u0000${name}`, { text: name, kind: 'meta-command', detail: summary });
        return;
      }
      for (const m of options.metaCommands ?? []) {
        const raw = typeof m === 'string' ? m : m.name;
        const name = raw.startsWith('\\') ? raw : `\\${raw}`;
        const summary = typeof m === 'string' ? undefined : m.summary;
        col.add(name, 1, `meta\u0000${name}`, summary ? { text: name, kind: 'meta-command', detail: summary } : { text: name, kind: 'meta-command' });
      }
      return;
    case 'meta-arg':
      for (const a of options.metaArgs?.(s.command, ctx.word.prefix) ?? []) col.add(a, 1, `arg\u0000${a}`, { text: a, kind: 'setting' });
      return;
    case 'file-path': {
      const p = ctx.word.prefix;
      const slash = p.lastIndexOf('/');
      const dir = slash >= 0 ? p.slice(0, slash + 1) : '';
      const base = p.slice(slash + 1);
      let entries: readonly string[] = [];
      try {
        entries = options.listFiles?.(dir) ?? [];
      } catch {
        entries = []; // an unreadable directory simply has no candidates
      }
      for (const e of entries) {
        if (base === '' && e.startsWith('.')) continue;
        col.add(e, 1, `file\u0000${e}`, { text: dir + e, kind: 'file', display: e });
      }
      return;
    }
  }
}

/** The character sets and collations most use, ranked before the others. */
const COMMON_CHARSETS: ReadonlySet<string> = new Set(['utf8mb4', 'utf8mb3', 'utf8', 'latin1', 'ascii', 'binary']);
const COMMON_COLLATIONS: ReadonlySet<string> = new Set(['C', 'POSIX', 'default', 'ucs_basic', 'C.utf8', 'C.UTF-8', 'en_US.utf8', 'en_US', 'und-x-icu']);

/** The labels in `enum('a','b')` (MySQL, DuckDB) or in a PostgreSQL enum type's detail (`'a', 'b'`). */
function enumLabels(text: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^']|'')*)'/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1]!.replace(/''/g, "'"));
  return out;
}

/** `col = |`: the column's ENUM labels, quoted, before anything else (a column without an ENUM type: nothing). */
function offerEnumValues(tables: readonly TableRef[], column: string, qualifier: string | undefined, ctx: OfferContext, col: Collector): void {
  const { catalog } = ctx;
  const q = qualifier?.toLowerCase();
  for (const t of tables) {
    if (t.kind !== 'table') continue;
    if (q !== undefined && (t.alias ?? t.name).toLowerCase() !== q) continue;
    const rel = catalog.findRelation(t.name, t.schema, t.quoted);
    const c = rel?.columns.find((x) => x.name.toLowerCase() === column.toLowerCase());
    if (!c) continue;
    let labels: string[] = [];
    if (/^enum\s*\(/i.test(c.type)) labels = enumLabels(c.type);
    else {
      // a type named in another schema is written qualified ('shop.order_status'); else the table's schema first
      const [schema, name] = c.type.includes('.') ? c.type.replace(/"/g, '').split('.', 2) as [string, string] : [rel!.schema, c.type.replace(/"/g, '')];
      const enums = catalog.userTypes.filter((u) => u.kind === 'enum' && u.name === name);
      const def = enums.find((u) => u.schema === schema) ?? enums[0];
      if (def?.detail) labels = enumLabels(def.detail);
    }
    for (const label of labels) {
      const text = `'${label.replace(/'/g, "''")}'`;
      col.add(label, 0, `enum\u0000${label}`, { text, kind: 'value', detail: c.type });
    }
    return;
  }
}

/** The type family an operand wants, and the column it is compared with (offered last: `a = a` is seldom meant). */
interface Fit {
  readonly family: TypeFamily | undefined;
  readonly self?: { readonly table: TableRef; readonly key: string };
}

function misfits(fit: Fit, t: TableRef, key: string, type: string | undefined): Misfit {
  if (fit.self && fit.self.key === key) return fit.self.table === t ? 3 : 0;
  if (fit.family === undefined) return 1;
  const f = typeFamily(type);
  return f !== undefined && f !== fit.family ? 2 : 1;
}

/** What `fits` says in the catalog's terms: the compared column's type, or the argument's (built-in, else every overload agrees). */
function wantedType(fits: OperandFit, tables: readonly TableRef[], ctx: OfferContext): Fit | undefined {
  const { catalog } = ctx;
  if ('family' in fits) return { family: fits.family };
  if ('call' in fits) {
    const builtin = builtinArgumentFamily(fits.call, fits.index);
    if (builtin !== undefined) return { family: builtin };
    const name = fits.call.toLowerCase();
    const schema = fits.schema?.toLowerCase();
    let family: TypeFamily | undefined;
    for (const f of catalog.data.functions) {
      if (f.name.toLowerCase() !== name || (schema !== undefined && f.schema.toLowerCase() !== schema) || f.args === undefined) continue;
      const arg = splitArgs(f.args)[fits.index];
      const a = arg === undefined ? undefined : argumentFamily(arg);
      if (a === undefined || (family !== undefined && a !== family)) return undefined;
      family = a;
    }
    return family === undefined ? undefined : { family };
  }
  const q = fits.qualifier === undefined ? undefined : catalog.identKey(fits.qualifier, true, 'relation');
  const key = catalog.identKey(fits.column, true, 'column');
  for (const t of fits.in ?? tables) {
    if (q !== undefined && catalog.identKey(t.alias ?? t.name, true, 'relation') !== q) continue;
    const c = columnsOf(t, catalog)?.find((x) => catalog.identKey(x.name, true, 'column') === key);
    if (c) return { family: typeFamily(c.type), self: { table: t, key } };
  }
  return undefined;
}
