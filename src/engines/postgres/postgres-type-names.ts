/**
 * Type OID -> name (format_type) for result columns. The built-in types are known without a query
 * (postgres-builtin-types.ts), so connecting costs no round trip for them; the others (a user's
 * enums and domains, extensions' types) are read in one query by the catalog load (user types only:
 * table row types and arrays of them are left out so a database with 20,000 tables stays cheap), and
 * OIDs still missing are looked up after the statement that met them.
 */
import type { PgClient, PgFieldDesc } from './postgres-driver.js';
import { builtinTypeNames } from './postgres-builtin-types.js';
import { formatTypeName } from './postgres-values.js';

const USER_TYPES_SQL = `select t.oid::int8, format_type(t.oid, null)
  from pg_catalog.pg_type t
  left join pg_catalog.pg_type e on t.typelem <> 0 and e.oid = t.typelem
  where t.oid >= 10000 and t.typrelid = 0 and (e.oid is null or e.typrelid = 0)`;

const SOME_TYPES_SQL = 'select t.oid::int8, format_type(t.oid, null) from pg_catalog.pg_type t where t.oid = any($1::oid[])';

export class PgTypeNames {
  readonly #names = new Map<number, string>(builtinTypeNames());
  readonly #missing = new Set<number>();

  /** The types that are not built in, on any session to the same database (the catalog's). Never throws. */
  async loadUserTypes(client: PgClient): Promise<void> {
    try {
      const r = await client.query({ text: USER_TYPES_SQL, rowMode: 'array' });
      for (const [oid, name] of r.rows) this.#names.set(Number(oid), String(name));
    } catch {
      // catalogs differ (some PostgreSQL-compatible servers): column types stay unnamed
    }
  }

  /** The name of a result column's type; '' when unknown (remembered for lookUpMissing). */
  nameOf(f: PgFieldDesc): string {
    const base = this.#names.get(f.dataTypeID);
    if (base === undefined) {
      this.#missing.add(f.dataTypeID);
      return '';
    }
    return formatTypeName(base, f.dataTypeModifier);
  }

  get hasMissing(): boolean {
    return this.#missing.size > 0;
  }

  /** Look up the OIDs met but not known (new enums, table row types). Never throws. */
  async lookUpMissing(client: PgClient): Promise<void> {
    const oids = [...this.#missing];
    this.#missing.clear();
    try {
      const r = await client.query({ text: SOME_TYPES_SQL, values: [oids], rowMode: 'array' });
      for (const [oid, name] of r.rows) this.#names.set(Number(oid), String(name));
    } catch {
      // leave them unnamed
    }
  }
}
