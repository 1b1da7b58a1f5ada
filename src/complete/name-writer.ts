/** How names are written into the buffer: quoting and schema qualification, per dialect. */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/catalog-data.js';
import type { SqlDialect } from '../sql/dialect.js';
import type { TableRef } from './suggestion.js';

export interface NameWriter {
  /** A single identifier, quoted when it needs to be (or always, when the user opened a quote). */
  ident(name: string): string;
  /** A relation, schema-qualified only when its schema is not in the search path (or a same-named one before it hides it). */
  relation(def: RelationDef): string;
  /** An object of a schema (function, type): bare when the schema is on the search path, else qualified. */
  qualified(schema: string, name: string): string;
  /** How the text refers to a table already in scope: its alias, else its name, exactly as the user wrote them. */
  ref(t: TableRef): string;
}

export function nameWriter(catalog: Catalog, dialect: SqlDialect, forceQuote: boolean): NameWriter {
  const q = (name: string): string => (forceQuote || dialect.needsQuoting(name) ? dialect.quoteIdent(name) : name);
  const plain = (name: string): string => (dialect.needsQuoting(name) ? dialect.quoteIdent(name) : name);
  const qualified = (schema: string, name: string): string => (catalog.isVisibleSchema(schema) ? q(name) : `${plain(schema)}.${plain(name)}`);
  return {
    ident: q,
    qualified,
    // a relation on the path that an earlier schema's relation of the same name hides (SQLite's attached databases) is written qualified
    relation: (def) => {
      if (!catalog.isVisibleSchema(def.schema)) return qualified(def.schema, def.name);
      const found = catalog.findRelation(def.name, undefined, { name: true });
      return found === undefined || (found.schema === def.schema && found.name === def.name) ? q(def.name) : `${plain(def.schema)}.${plain(def.name)}`;
    },
    ref(t) {
      // the user's own spelling: an unquoted `U` stays `U` (PostgreSQL folds it), a quoted `"U"` stays quoted
      if (t.alias !== undefined) return t.aliasWritten ?? plain(t.alias);
      if (t.written !== undefined) return t.written;
      return t.schema !== undefined ? `${plain(t.schema)}.${plain(t.name)}` : plain(t.name);
    },
  };
}
