/** Join suggestions after JOIN and join conditions after ON, from foreign keys first, then same-named columns. */
import type { Catalog } from '../catalog/catalog.js';
import type { ForeignKeyDef, RelationDef } from '../catalog/catalog-data.js';
import type { Collector } from './collector.js';
import type { NameWriter } from './name-writer.js';
import type { TableRef } from './suggestion.js';

/** Initials of a name's words: invoice_items -> ii, UserAccounts -> ua, tracks -> t. */
function initials(name: string): string {
  const parts = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').split(/[^A-Za-z0-9]+/).filter((p) => p.length > 0);
  const s = parts.map((p) => p[0]!.toLowerCase()).join('');
  return /^[a-z]/.test(s) ? s : `t${s}`;
}

/** A new alias: not taken, and never one that would need quotes (`in`, `do`, `is` are reserved words). */
function uniqueAlias(base: string, taken: ReadonlySet<string>, catalog: Catalog): string {
  const ok = (a: string): boolean => !taken.has(a) && !catalog.dialect.needsQuoting(a) && !catalog.dialect.keywords.has(a.toUpperCase());
  if (ok(base)) return base;
  for (let i = 2; ; i++) if (ok(`${base}${i}`)) return `${base}${i}`;
}

function resolve(catalog: Catalog, t: TableRef): RelationDef | undefined {
  return t.kind === 'table' ? catalog.findRelation(t.name, t.schema, t.quoted) : undefined;
}

const sameRel = (a: RelationDef, b: RelationDef): boolean => a === b || (a.schema === b.schema && a.name === b.name);

/** Names stored in the catalog (foreign keys) are exact: look them up as if quoted. */
const EXACT = Object.freeze({ name: true, schema: true });

/** `x.a = y.b AND x.c = y.d` */
function condition(w: NameWriter, leftRef: string, leftCols: readonly string[], rightRef: string, rightCols: readonly string[]): string {
  return leftCols.map((c, i) => `${leftRef}.${w.ident(c)} = ${rightRef}.${w.ident(rightCols[i] ?? c)}`).join(' AND ');
}

/** After JOIN: for every table in scope, the tables linked to it by a foreign key, with the ON condition. */
export function offerJoins(tables: readonly TableRef[], catalog: Catalog, w: NameWriter, col: Collector, schema?: { readonly name: string; readonly quoted: boolean }): void {
  // after `JOIN schema.` the partners in that schema, named without it (the typed `schema.` stays in front)
  const inSchema = schema ? new Set(catalog.relationsIn(schema.name, schema.quoted).map((r) => r.def)) : undefined;
  const useAliases = tables.some((t) => t.alias !== undefined);
  const taken = new Set(tables.map((t) => (t.alias ?? t.name).toLowerCase()));
  const inQuery = tables.map((t) => resolve(catalog, t)).filter((r): r is RelationDef => r !== undefined);
  for (const t of tables) {
    const rel = resolve(catalog, t);
    if (!rel) continue;
    const links: { other: RelationDef | undefined; fk: ForeignKeyDef; outgoing: boolean }[] = [
      ...catalog.foreignKeysFrom(rel).map((fk) => ({ other: catalog.findRelation(fk.refTable, fk.refSchema, EXACT), fk, outgoing: true })),
      ...catalog.foreignKeysTo(rel).map((fk) => ({ other: catalog.findRelation(fk.table, fk.schema, EXACT), fk, outgoing: false })),
    ];
    for (const { other, fk, outgoing } of links) {
      if (!other || (inSchema && !inSchema.has(other))) continue;
      const needAlias = useAliases || inQuery.some((r) => sameRel(r, other));
      const alias = needAlias ? uniqueAlias(initials(other.name), taken, catalog) : undefined;
      // a partner not yet in the query first; one already joined only after those
      const tier = inQuery.some((r) => sameRel(r, other)) ? 1 : 0;
      const written = inSchema ? w.ident(other.name) : w.relation(other);
      const otherRef = alias ?? written;
      const [oCols, tCols] = outgoing ? [fk.refColumns, fk.columns] : [fk.columns, fk.refColumns];
      col.add(other.name, tier, `join\u0000${other.schema}.${other.name}\u0000${oCols.join(',')}\u0000${w.ref(t)}`, () => {
        const text = `${written}${alias ? ` ${alias}` : ''} ON ${condition(w, otherRef, oCols, w.ref(t), tCols)}`;
        return { text, kind: 'join', detail: fk.name ?? 'foreign key' };
      });
    }
  }
}

/** After ON: conditions between the table just joined (`right`) and the others in scope. */
export function offerJoinConditions(tables: readonly TableRef[], right: TableRef, catalog: Catalog, w: NameWriter, col: Collector): void {
  const r = resolve(catalog, right);
  const rRef = w.ref(right);
  const done = new Set<string>();
  for (const t of tables) {
    if (t === right || t.offset === right.offset) continue;
    const o = resolve(catalog, t);
    const tRef = w.ref(t);
    if (r && o) {
      const fks = [
        ...catalog.foreignKeysFrom(r).filter((fk) => catalog.findRelation(fk.refTable, fk.refSchema, EXACT) === o).map((fk) => [fk.columns, fk.refColumns] as const),
        ...catalog.foreignKeysTo(r).filter((fk) => catalog.findRelation(fk.table, fk.schema, EXACT) === o).map((fk) => [fk.refColumns, fk.columns] as const),
      ];
      for (const [rc, oc] of fks) {
        const text = condition(w, rRef, rc, tRef, oc);
        if (rc.length === 1) done.add(`${rc[0]!.toLowerCase()}\u0000${oc[0]!.toLowerCase()}`);
        col.add(text, 0, `cond\u0000${text}`, { text, kind: 'join-condition', detail: 'foreign key' });
      }
    }
    // same-named columns (known from the catalog or from a CTE / derived table)
    const rCols = r ? r.columns.map((c) => c.name) : (right.columns ?? []);
    const oCols = new Map((o ? o.columns.map((c) => c.name) : (t.columns ?? [])).map((n) => [n.toLowerCase(), n]));
    for (const rc of rCols) {
      const oc = oCols.get(rc.toLowerCase());
      if (oc === undefined || done.has(`${rc.toLowerCase()}\u0000${oc.toLowerCase()}`)) continue;
      const text = condition(w, rRef, [rc], tRef, [oc]);
      col.add(text, 1, `cond\u0000${text}`, { text, kind: 'join-condition', detail: 'same name' });
    }
  }
}
