/** How names are written into the buffer: quoting and schema qualification, per dialect. */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/catalog-data.js';
import type { SqlDialect } from '../sql/dialect.js';
import type { TableRef } from './suggestion.js';

export interface NameWriter {
  /** A single identifier, quoted when it needs to be (or always, when the user opened a quote). */
  ident(name: string): string;
  /** A relation, schema-qualified only when its schema is not in the search path. */
  relation(def: RelationDef): string;
  /** How the text refers to a table already in scope: its alias, else its (qualified) name. */
  ref(t: TableRef): string;
}

export function nameWriter(catalog: Catalog, dialect: SqlDialect, forceQuote: boolean): NameWriter {
  const searchLower = catalog.data.searchPath.map((s) => s.toLowerCase());
  const q = (name: string): string => (forceQuote || dialect.needsQuoting(name) ? dialect.quoteIdent(name) : name);
  const plain = (name: string): string => (dialect.needsQuoting(name) ? dialect.quoteIdent(name) : name);
  return {
    ident: q,
    relation(def) {
      const visible = def.schema === '' || searchLower.length === 0 || searchLower.includes(def.schema.toLowerCase());
      return visible ? q(def.name) : `${plain(def.schema)}.${plain(def.name)}`;
    },
    ref(t) {
      if (t.alias !== undefined) return plain(t.alias);
      return t.schema !== undefined ? `${plain(t.schema)}.${plain(t.name)}` : plain(t.name);
    },
  };
}
