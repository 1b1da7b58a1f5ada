/**
 * Which built-in type names each engine accepts where a type is written. The dialect lists every type word it
 * highlights; not all of them stand alone in every position (checked against PostgreSQL 16 and MariaDB 11):
 * PostgreSQL has no `blob` and writes `double precision`; pseudo-types (`void`, `record`, `trigger`, `any*`) are
 * only results or arguments of functions; `serial` only declares a column. MariaDB's CAST takes a short list.
 * DuckDB's `map`, `list`, `struct`, `union`, `enum` need their parameters.
 */
import type { EngineId } from '../sql/dialect.js';

/** Where the type is written: `::` / CAST, a column (or field, or domain) definition, a function's result, a function's argument. */
export type TypePosition = 'cast' | 'column' | 'returns' | 'argument';

const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter((w) => w.length > 0));

const PG_NEVER = set('blob double precision varying citext hstore');
const PG_PSEUDO = set('void record trigger anyelement anyarray');
const PG_SERIAL = set('serial serial2 serial4 serial8 bigserial smallserial');
const PG_EXTRA = ['double precision', 'character varying'];
const MY_CAST = ['binary', 'char', 'date', 'datetime', 'decimal', 'double', 'float', 'integer', 'signed', 'unsigned', 'time'];
const MY_NEVER = set('unsigned signed precision');
const DUCK_PARAMETRIC = set('map list struct union enum');

/** The built-in type names to offer at `position` (all of `builtins` when unknown), in the dialect's spelling. */
export function builtinTypesFor(engine: EngineId, builtins: readonly string[], position: TypePosition | undefined): readonly string[] {
  switch (engine) {
    case 'postgres':
      return [
        ...builtins.filter((t) => {
          if (PG_NEVER.has(t)) return false;
          if (PG_PSEUDO.has(t)) return position === 'returns' || (position === 'argument' && t !== 'trigger' && t !== 'void');
          if (PG_SERIAL.has(t)) return position === 'column' || position === undefined;
          return true;
        }),
        ...PG_EXTRA,
      ];
    case 'mysql':
      if (position === 'cast') return MY_CAST;
      return builtins.filter((t) => !MY_NEVER.has(t));
    case 'duckdb':
      return builtins.filter((t) => !DUCK_PARAMETRIC.has(t));
    default:
      return builtins;
  }
}

/** The built-in types people write most, per engine (lower case): offered before the rest (box, cidr, xid ...). */
const COMMON: Readonly<Record<EngineId, ReadonlySet<string>>> = {
  postgres: set('int integer bigint smallint serial bigserial text varchar char boolean numeric decimal real date time timestamp timestamptz interval uuid json jsonb bytea') as ReadonlySet<string>,
  mysql: set('int integer bigint smallint tinyint varchar char text datetime timestamp date time decimal double float boolean json blob enum') as ReadonlySet<string>,
  sqlite: set('integer int text real blob numeric varchar boolean date datetime') as ReadonlySet<string>,
  duckdb: set('integer int bigint smallint varchar text double float boolean date time timestamp timestamptz decimal interval uuid json blob hugeint') as ReadonlySet<string>,
};

/** True for a built-in type people write most on this engine (`double precision` and `character varying` too on PostgreSQL). */
export function isCommonType(engine: EngineId, name: string): boolean {
  const n = name.toLowerCase();
  return COMMON[engine].has(n) || (engine === 'postgres' && (n === 'double precision' || n === 'character varying'));
}
