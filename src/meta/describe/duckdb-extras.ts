/** DuckDB: checks, view text, sequences, databases and extensions from the duckdb_*() functions. */
import type { EngineExtras } from './engine-extras.js';
import { sqlString, text } from './query-rows.js';

export const duckdbExtras: EngineExtras = Object.freeze<EngineExtras>({
  missing: {
    roles: 'DuckDB has no users or roles (access is the file\'s permissions)',
    matviews: 'DuckDB has no materialized views',
    triggers: 'DuckDB has no triggers',
  },
  systemSchemas: ['information_schema', 'pg_catalog'],
  async checks(q, schema, table) {
    const rows = await q(
      `SELECT constraint_text FROM duckdb_constraints() WHERE constraint_type = 'CHECK' AND schema_name = ${sqlString(schema)} AND table_name = ${sqlString(table)} ORDER BY constraint_index`,
    );
    return rows.map((r) => text(r[0]));
  },
  async viewDefinition(q, schema, name) {
    const rows = await q(`SELECT sql FROM duckdb_views() WHERE schema_name = ${sqlString(schema)} AND view_name = ${sqlString(name)}`);
    const sql = text(rows[0]?.[0]);
    const m = /\bAS\s+([\s\S]*)$/i.exec(sql);
    return m ? m[1]!.trim() : sql || undefined;
  },
  async sequences(q) {
    const rows = await q(`SELECT schema_name, sequence_name FROM duckdb_sequences() WHERE NOT temporary OR temporary ORDER BY 1, 2`);
    return rows.map((r) => ({ schema: text(r[0]), name: text(r[1]), type: 'bigint' }));
  },
  async databases(q) {
    const rows = await q(`SELECT database_name, coalesce(path, ':memory:'), type FROM duckdb_databases() WHERE NOT internal ORDER BY 1`);
    return {
      title: 'List of databases',
      columns: [
        { name: 'Name', type: 'text' },
        { name: 'File', type: 'text' },
        { name: 'Type', type: 'text' },
      ],
      rows: rows.map((r) => [text(r[0]), text(r[1]), text(r[2])]),
      rowCount: true,
    };
  },
  async extensions(q) {
    const rows = await q(
      `SELECT extension_name, loaded, installed, coalesce(extension_version, ''), description FROM duckdb_extensions() WHERE loaded OR installed ORDER BY 1`,
    );
    return {
      title: 'List of installed extensions',
      columns: [
        { name: 'Name', type: 'text' },
        { name: 'Loaded', type: 'boolean' },
        { name: 'Installed', type: 'boolean' },
        { name: 'Version', type: 'text' },
        { name: 'Description', type: 'text' },
      ],
      rows: rows.map((r) => [text(r[0]), r[1] ?? null, r[2] ?? null, text(r[3]), text(r[4])]),
      rowCount: true,
    };
  },
});
