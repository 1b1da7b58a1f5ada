/**
 * The engines' built-in set-returning functions that are worth offering after FROM, with their output
 * columns as the engines name them (checked against PostgreSQL 16, SQLite 3, DuckDB 1.x):
 * `scalar` means one column named after the function in DuckDB and SQLite, and after the alias in PostgreSQL
 * (`FROM generate_series(1, 3) g` has the column `g`).
 */
import type { EngineId } from '../sql/dialect.js';

export interface BuiltinTableFunction {
  readonly name: string;
  /** Output column names; undefined for a scalar-valued set (see above). */
  readonly columns?: readonly string[];
}

const JSON_EACH_SQLITE = ['key', 'value', 'type', 'atom', 'id', 'parent', 'fullkey', 'path'];

const LISTS: Readonly<Record<EngineId, readonly BuiltinTableFunction[]>> = {
  postgres: [
    { name: 'generate_series' },
    { name: 'generate_subscripts' },
    { name: 'unnest' },
    { name: 'regexp_split_to_table' },
    { name: 'string_to_table' },
    { name: 'json_each', columns: ['key', 'value'] },
    { name: 'jsonb_each', columns: ['key', 'value'] },
    { name: 'json_each_text', columns: ['key', 'value'] },
    { name: 'jsonb_each_text', columns: ['key', 'value'] },
    { name: 'json_array_elements', columns: ['value'] },
    { name: 'jsonb_array_elements', columns: ['value'] },
    { name: 'json_array_elements_text', columns: ['value'] },
    { name: 'jsonb_array_elements_text', columns: ['value'] },
    { name: 'json_object_keys' },
    { name: 'jsonb_object_keys' },
  ],
  duckdb: [
    { name: 'range' },
    { name: 'generate_series' },
    { name: 'unnest' },
    { name: 'read_csv' },
    { name: 'read_parquet' },
    { name: 'read_json' },
    { name: 'json_each', columns: JSON_EACH_SQLITE },
  ],
  sqlite: [
    { name: 'json_each', columns: JSON_EACH_SQLITE },
    { name: 'json_tree', columns: JSON_EACH_SQLITE },
    { name: 'pragma_table_info', columns: ['cid', 'name', 'type', 'notnull', 'dflt_value', 'pk'] },
  ],
  mysql: [],
};

export function builtinTableFunctions(engine: EngineId): readonly BuiltinTableFunction[] {
  return LISTS[engine];
}

/** The output columns of a built-in table function used as `name [alias]` in FROM, or undefined when unknown. */
export function builtinTableColumns(engine: EngineId, name: string, alias: string | undefined): readonly string[] | undefined {
  const lower = name.toLowerCase();
  const f = LISTS[engine].find((x) => x.name === lower);
  if (!f) return undefined;
  if (f.columns) return f.columns;
  if (lower.startsWith('read_')) return undefined;
  return [engine === 'postgres' && alias !== undefined ? alias : lower];
}
