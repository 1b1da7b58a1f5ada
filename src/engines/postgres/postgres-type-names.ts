/**
 * Type OID -> name (format_type) for result columns, loaded once per session in one query.
 * Table row types (and arrays of them) are left out so a database with 20,000 tables stays cheap;
 * OIDs missing from the map are looked up after the statement that met them.
 */
import type { PgClient, PgFieldDesc } from './postgres-driver.js';
import { formatTypeName } from './postgres-values.js';

const ALL_TYPES_SQL = `select t.oid::int8, format_type(t.oid, null)
  from pg_catalog.pg_type t
  left join pg_catalog.pg_type e on t.typelem <> 0 and e.oid = t.typelem
  where t.typrelid = 0 and (e.oid is null or e.typrelid = 0)`;

const SOME_TYPES_SQL = 'select t.oid::int8, format_type(t.oid, null) from pg_catalog.pg_type t where t.oid = any($1::oid[])';

export class PgTypeNames {
  readonly #names = new Map<number, string>();
  readonly #missing = new Set<number>();

  async load(client: PgClient): Promise<void> {
    try {
      const r = await client.query({ text: ALL_TYPES_SQL, rowMode: 'array' });
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
