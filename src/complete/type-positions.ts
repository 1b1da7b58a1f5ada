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
