/** Stage 2: the candidates for one suggestion, from the catalog (and the options' callbacks), into the collector. */
import { signatureOf, type Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/catalog-data.js';
import { charMask } from '../catalog/char-mask.js';
import type { CandidateBody, Collector, Tier } from './collector.js';
import type { CompleteOptions } from './complete-options.js';
import { offerJoinConditions, offerJoins } from './join-candidates.js';
import type { NameWriter } from './name-writer.js';
import type { Suggestion, TableRef, WordAtCursor } from './suggestion.js';

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
}

const SYSTEM_SCHEMA = /^(pg_|information_schema$|mysql$|performance_schema$|sys$|temp$)/i;

function relationKind(def: RelationDef): 'table' | 'view' {
  return def.kind === 'view' || def.kind === 'materialized-view' ? 'view' : 'table';
}

function relationBody(def: RelationDef, names: NameWriter): CandidateBody {
  const text = names.relation(def);
  return { text, kind: relationKind(def), detail: def.schema ? `${def.kind} ${def.schema}` : def.kind, ...(text !== def.name ? { display: def.name } : {}) };
}

/** Columns of table refs: from the catalog for real tables, from the text for CTEs and derived tables. */
function offerColumns(tables: readonly TableRef[], ctx: OfferContext, col: Collector, depth = 0): void {
  for (const t of tables) {
    if (t.kind === 'cte' || t.kind === 'subquery') {
      for (const c of t.columns ?? []) col.add(c, 1, `col\u0000${c}`, { text: ctx.names.ident(c), kind: 'column', detail: t.alias ?? t.name });
      if (depth < 8 && t.starFrom) offerColumns(t.starFrom, ctx, col, depth + 1);
      continue;
    }
    const def = ctx.catalog.findRelation(t.name, t.schema);
    if (!def) continue;
    for (const c of def.columns) {
      col.add(c.name, 1, `col\u0000${c.name}`, () => {
        const text = ctx.names.ident(c.name);
        return { text, kind: 'column', detail: c.type, ...(text !== c.name ? { display: c.name } : {}) };
      });
    }
  }
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

export function offerKeywords(preferred: readonly string[] | undefined, only: boolean, ctx: OfferContext, col: Collector, secondary = false): void {
  for (const k of preferred ?? []) col.add(k, secondary ? 2 : 1, `kw\u0000${k}`, { text: ctx.keyword(k), kind: 'keyword' });
  if (only) return;
  for (const k of ctx.catalog.dialect.keywords) col.add(k, 3, `kw\u0000${k}`, { text: ctx.keyword(k), kind: 'keyword' });
}

/**
 * Function names complete bare (as in pgcli: the user types the parenthesis, and `count(*)`, `now()` or a
 * name used as a value are not second-guessed); the menu shows `name()` and the signature when the catalog has one.
 */
export function offerFunctions(tier: Tier, ctx: OfferContext, col: Collector): void {
  const catalog = ctx.catalog;
  const build = (f: string): CandidateBody => {
    const detail = catalog.functionSignature(f);
    return detail === undefined ? { text: f, kind: 'function', display: `${f}()` } : { text: f, kind: 'function', display: `${f}()`, detail };
  };
  for (const f of catalog.functionNames) col.add(f, tier, `fn\u0000${f}`, build, undefined, f);
}

/** All visible relations (search path first, other schemas qualified). */
export function offerRelations(ctx: OfferContext, col: Collector): void {
  // the hot loop on big schemas: no allocation unless the name matches
  const names = ctx.names;
  const build = (def: RelationDef): CandidateBody => relationBody(def, names);
  const { relations, relationsByLength } = ctx.catalog;
  if (ctx.word.prefix === '') {
    // everything matches: offer the recently used ones, then the best `max` in ranking order, and stop
    const recent = ctx.options.recent;
    if (recent && recent.size > 0) {
      for (const r of relations) if (recent.has(r.def.name) || recent.has(r.lower)) col.add(r.def.name, r.visible ? 1 : 3, `rel\u0000${r.def.schema}\u0000${r.def.name}`, build, r.lower, r.def);
    }
    const n = Math.min(relationsByLength.length, ctx.max);
    for (let i = 0; i < n; i++) {
      const r = relations[relationsByLength[i]!]!;
      col.add(r.def.name, r.visible ? 1 : 3, `rel\u0000${r.def.schema}\u0000${r.def.name}`, build, r.lower, r.def);
    }
    return;
  }
  const need = charMask(ctx.word.prefix.toLowerCase());
  const masks = ctx.catalog.relationMasks;
  for (let i = 0; i < relations.length; i++) {
    if ((masks[i]! & need) !== need) continue; // lacks a typed character: cannot match
    const r = relations[i]!;
    col.add(r.def.name, r.visible ? 1 : 3, undefined, build, r.lower, r.def);
  }
}

/** Distinct column names of the whole catalog that start with the typed prefix (no fuzzy: the list may be huge). */
export function offerAllColumns(ctx: OfferContext, col: Collector): void {
  const p = ctx.word.prefix.toLowerCase();
  if (p.length === 0) return;
  for (const c of withPrefix(ctx.catalog.columnNames, p)) col.add(c, 3, `col\u0000${c}`, { text: ctx.names.ident(c), kind: 'column' });
}

export function offerCandidates(s: Suggestion, ctx: OfferContext, col: Collector): void {
  const { catalog, options } = ctx;
  switch (s.kind) {
    case 'keyword':
      return offerKeywords(s.preferred, s.only === true, ctx, col, s.secondary === true);
    case 'schema':
      for (const name of catalog.schemas) {
        col.add(name, SYSTEM_SCHEMA.test(name) ? 3 : 1, `schema\u0000${name}`, { text: ctx.names.ident(name), kind: 'schema' });
      }
      return;
    case 'relation': {
      if (s.schema !== undefined) {
        for (const r of catalog.relationsIn(s.schema)) {
          col.add(r.def.name, 1, `rel\u0000${r.def.schema}\u0000${r.def.name}`, { text: ctx.names.ident(r.def.name), kind: relationKind(r.def), detail: r.def.kind }, r.lower);
        }
        if (s.tableFunctions) {
          for (const f of catalog.functionsIn(s.schema)) if (f.kind === 'table') col.add(f.name, 2, `fn\u0000${f.name}`, { text: ctx.names.ident(f.name), kind: 'function', detail: signatureOf(f) });
        }
        return;
      }
      for (const c of s.ctes ?? []) col.add(c.name, 1, `rel\u0000\u0000${c.name}`, { text: ctx.names.ident(c.name), kind: 'cte' });
      offerRelations(ctx, col);
      if (s.tableFunctions) {
        for (const f of catalog.tableFunctions) {
          const text = ctx.names.relation({ schema: f.schema, name: f.name, kind: 'table-function', columns: [], primaryKey: [] });
          col.add(f.name, 2, `fn\u0000${f.name}`, { text, kind: 'function', detail: signatureOf(f) });
        }
      }
      return;
    }
    case 'column':
      if (s.tables.length === 0 && !s.qualified) return offerAllColumns(ctx, col);
      return offerColumns(s.tables, ctx, col);
    case 'join':
      return offerJoins(s.tables, catalog, ctx.names, col);
    case 'join-condition':
      if (s.right) offerJoinConditions(s.tables, s.right, catalog, ctx.names, col);
      return;
    case 'function':
      if (s.schema !== undefined) {
        for (const f of catalog.functionsIn(s.schema)) col.add(f.name, 1, `fn\u0000${f.name}`, { text: ctx.names.ident(f.name), kind: 'function', display: `${f.name}()`, detail: signatureOf(f) });
        return;
      }
      return offerFunctions(2, ctx, col);
    case 'datatype':
      for (const t of catalog.datatypeNames) col.add(t, 1, `type\u0000${t}`, { text: ctx.typeCase(t), kind: 'datatype' });
      return;
    case 'alias':
      for (const t of s.tables) {
        const a = t.alias ?? t.name;
        if (a) col.add(a, 2, `alias\u0000${a}`, { text: ctx.names.ref(t), kind: 'alias', detail: t.name });
      }
      return;
    case 'database':
      for (const d of catalog.databases) col.add(d, 1, `db\u0000${d}`, { text: ctx.names.ident(d), kind: 'database' });
      return;
    case 'meta-command':
      for (const m of options.metaCommands ?? []) {
        const name = m.startsWith('\\') ? m : `\\${m}`;
        col.add(name, 1, `meta\u0000${name}`, { text: name, kind: 'meta-command' });
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
