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

function uniqueAlias(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

function resolve(catalog: Catalog, t: TableRef): RelationDef | undefined {
  return t.kind === 'table' ? catalog.findRelation(t.name, t.schema) : undefined;
}

const sameRel = (a: RelationDef, b: RelationDef): boolean =>
  a.schema.toLowerCase() === b.schema.toLowerCase() && a.name.toLowerCase() === b.name.toLowerCase();

/** `x.a = y.b AND x.c = y.d` */
function condition(w: NameWriter, leftRef: string, leftCols: readonly string[], rightRef: string, rightCols: readonly string[]): string {
  return leftCols.map((c, i) => `${leftRef}.${w.ident(c)} = ${rightRef}.${w.ident(rightCols[i] ?? c)}`).join(' AND ');
}

/** After JOIN: for every table in scope, the tables linked to it by a foreign key, with the ON condition. */
export function offerJoins(tables: readonly TableRef[], catalog: Catalog, w: NameWriter, col: Collector): void {
  const useAliases = tables.some((t) => t.alias !== undefined);
  const taken = new Set(tables.map((t) => (t.alias ?? t.name).toLowerCase()));
  for (const t of tables) {
    const rel = resolve(catalog, t);
    if (!rel) continue;
    const links: { other: RelationDef | undefined; fk: ForeignKeyDef; outgoing: boolean }[] = [
      ...catalog.foreignKeysFrom(rel).map((fk) => ({ other: catalog.findRelation(fk.refTable, fk.refSchema), fk, outgoing: true })),
      ...catalog.foreignKeysTo(rel).map((fk) => ({ other: catalog.findRelation(fk.table, fk.schema), fk, outgoing: false })),
    ];
    for (const { other, fk, outgoing } of links) {
      if (!other) continue;
      const needAlias = useAliases || sameRel(other, rel);
      const alias = needAlias ? uniqueAlias(initials(other.name), taken) : undefined;
      const otherRef = alias ?? w.relation(other);
      const [oCols, tCols] = outgoing ? [fk.refColumns, fk.columns] : [fk.columns, fk.refColumns];
      col.add(other.name, 0, `join\u0000${other.schema}.${other.name}\u0000${oCols.join(',')}\u0000${w.ref(t)}`, () => {
        const text = `${w.relation(other)}${alias ? ` ${alias}` : ''} ON ${condition(w, otherRef, oCols, w.ref(t), tCols)}`;
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
        ...catalog.foreignKeysFrom(r).filter((fk) => catalog.findRelation(fk.refTable, fk.refSchema) === o).map((fk) => [fk.columns, fk.refColumns] as const),
        ...catalog.foreignKeysTo(r).filter((fk) => catalog.findRelation(fk.table, fk.schema) === o).map((fk) => [fk.refColumns, fk.columns] as const),
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
