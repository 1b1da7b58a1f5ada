/**
 * textDocument/hover from the catalog snapshot: a table's or view's columns (type, nullability,
 * default, comment), keys and foreign keys; a column's; a function's signatures. Which tables a
 * column can belong to comes from the completion engine's own scope reading (suggest() at the
 * word), so a hover agrees with what completion offers there.
 */
import type { Hover } from 'vscode-languageserver';
import { suggest, type Catalog, type RelationDef, type TableRef } from '../index.js';
import { columnMarkdown, functionMarkdown, functionsNamed, relationMarkdown } from './catalog-text.js';
import { nameAt, type NameAt } from './name-at.js';
import { statementAt } from './symbols.js';

/** The relation a table reference in scope stands for. */
export function relationOf(catalog: Catalog, ref: TableRef): RelationDef | undefined {
  if (ref.kind !== 'table') return undefined;
  return catalog.findRelation(ref.name, ref.schema, ref.quoted);
}

function scopeAt(text: string, offset: number, catalog: Catalog): readonly TableRef[] {
  for (const s of suggest(text, offset, catalog.dialect)) {
    if (s.kind === 'column' || s.kind === 'alias' || s.kind === 'join-condition') return s.tables;
  }
  return [];
}

/**
 * The tables in scope at an offset (from the completion engine's stage 1). Where no column is expected
 * (on a table name or an alias after FROM), the scope of the statement's select list or end.
 */
export function tablesInScope(text: string, offset: number, catalog: Catalog): readonly TableRef[] {
  const here = scopeAt(text, offset, catalog);
  if (here.length > 0) return here;
  const st = statementAt(text, offset, catalog.dialect);
  if (!st) return here;
  const select = /\bselect\s/i.exec(st.text);
  if (select) {
    const list = scopeAt(text, st.start + select.index + select[0].length, catalog);
    if (list.length > 0) return list;
  }
  return scopeAt(text.slice(0, st.end) + ' AND ', st.end + 5, catalog);
}

function describe(text: string, at: NameAt, catalog: Catalog): string | undefined {
  const part = at.parts[at.index]!;
  const schema = at.index > 0 ? at.parts[at.index - 1] : undefined;
  if (at.call && at.index === at.parts.length - 1) {
    const fns = functionsNamed(catalog, part.text, schema?.text);
    const builtin = catalog.dialect.functions.includes(part.text.toLowerCase());
    if (fns.length > 0 || builtin) return functionMarkdown(part.text, fns, builtin);
  }
  // a column: qualified by a table or alias in scope, or bare among the tables in scope
  const scope = tablesInScope(text, at.parts[0]!.start, catalog);
  const lower = part.text.toLowerCase();
  const sameName = (a: string | undefined): boolean => a !== undefined && a.toLowerCase() === lower;
  if (at.index === at.parts.length - 1) {
    const qualifier = schema?.text.toLowerCase();
    const candidates = scope.filter((t) => qualifier === undefined || (t.alias ?? t.name).toLowerCase() === qualifier);
    for (const t of candidates) {
      const rel = relationOf(catalog, t);
      const col = rel?.columns.find((c) => sameName(c.name));
      if (rel && col) return columnMarkdown(catalog, rel, col);
      if (!rel && t.columns?.some(sameName)) return `**column** \`${part.text}\` of ${t.kind} \`${t.alias ?? t.name}\``;
    }
  }
  // an alias or a table name used as a qualifier
  const aliased = scope.find((t) => sameName(t.alias) || (t.alias === undefined && sameName(t.name)));
  if (aliased) {
    const rel = relationOf(catalog, aliased);
    if (rel) return relationMarkdown(catalog, rel);
    if (aliased.kind === 'cte') return `**cte** \`${aliased.name}\`${aliased.columns ? `(${aliased.columns.join(', ')})` : ''}`;
  }
  const rel = catalog.findRelation(part.text, schema?.text, { name: part.quoted, ...(schema ? { schema: schema.quoted } : {}) });
  if (rel) return relationMarkdown(catalog, rel);
  return undefined;
}

export function provideHover(text: string, offset: number, catalog: Catalog, toRange: (start: number, end: number) => Hover['range']): Hover | null {
  const at = nameAt(text, offset, catalog.dialect);
  if (!at) return null;
  const value = describe(text, at, catalog);
  if (!value) return null;
  const part = at.parts[at.index]!;
  return { contents: { kind: 'markdown', value }, range: toRange(part.start, part.end) };
}
