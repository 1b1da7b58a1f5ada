/**
 * textDocument/definition on a table or view name: its DDL, as the engine keeps it (SQLite's and
 * DuckDB's stored CREATE text, MySQL's SHOW CREATE) or generated from the catalog (PostgreSQL, and
 * whenever the engine cannot say). The text is written to a read-only file under the temp directory
 * (one per server) so that every editor can open it; `sqlsh/ddl` returns the same text for clients
 * that show virtual documents.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Catalog, Connection, RelationDef } from '../index.js';
import { qualifiedName } from './catalog-text.js';
import { nameAt } from './name-at.js';
import { relationOf, tablesInScope } from './hover-provider.js';

/** A CREATE statement from the catalog: columns, primary key, foreign keys, indexes, comments. */
export function generatedDdl(catalog: Catalog, r: RelationDef): string {
  const q = (n: string): string => (catalog.dialect.needsQuoting(n) ? catalog.dialect.quoteIdent(n) : n);
  const name = r.schema ? `${q(r.schema)}.${q(r.name)}` : q(r.name);
  if (r.kind !== 'table' && r.kind !== 'foreign-table' && r.kind !== 'system-table') {
    return `-- ${r.kind} ${name} (generated from the catalog: the engine did not give its definition)\n-- columns: ${r.columns.map((c) => `${c.name} ${c.type}`).join(', ')}\n`;
  }
  const lines = r.columns.map((c) => `  ${q(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}${c.default !== undefined ? ` DEFAULT ${c.default}` : ''}`);
  if (r.primaryKey.length) lines.push(`  PRIMARY KEY (${r.primaryKey.map(q).join(', ')})`);
  for (const fk of catalog.foreignKeysFrom(r)) {
    lines.push(`  ${fk.name ? `CONSTRAINT ${q(fk.name)} ` : ''}FOREIGN KEY (${fk.columns.map(q).join(', ')}) REFERENCES ${qualifiedName(catalog, { schema: fk.refSchema, name: fk.refTable })} (${fk.refColumns.map(q).join(', ')})${fk.onDelete && fk.onDelete !== 'NO ACTION' ? ` ON DELETE ${fk.onDelete}` : ''}`);
  }
  const out = [`CREATE TABLE ${name} (\n${lines.join(',\n')}\n);`];
  for (const ix of catalog.data.indexes) {
    if (ix.primary || ix.schema !== r.schema || ix.table !== r.name) continue;
    out.push(ix.definition ? `${ix.definition.replace(/;?\s*$/, '')};` : `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${q(ix.name)} ON ${name} (${ix.columns.join(', ')});`);
  }
  if (r.comment) out.push(`COMMENT ON TABLE ${name} IS '${r.comment.replace(/'/g, "''")}';`);
  for (const c of r.columns) if (c.comment) out.push(`COMMENT ON COLUMN ${name}.${q(c.name)} IS '${c.comment.replace(/'/g, "''")}';`);
  return `${out.join('\n')}\n`;
}

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The engine's own DDL text, when it keeps one; undefined otherwise. */
async function engineDdl(conn: Connection, r: RelationDef): Promise<string | undefined> {
  try {
    if (conn.engine === 'sqlite') {
      const res = await conn.query(`SELECT sql FROM ${conn.dialect.quoteIdent(r.schema || 'main')}.sqlite_master WHERE (name = ${lit(r.name)} OR (type IN ('index', 'trigger') AND tbl_name = ${lit(r.name)})) AND sql IS NOT NULL ORDER BY type IN ('table', 'view') DESC, type = 'index' DESC, name`);
      const sql = res.rows.map((row) => String(row[0])).join(';\n');
      return sql ? `${sql};\n` : undefined;
    }
    if (conn.engine === 'duckdb') {
      const res = await conn.query(`SELECT sql FROM duckdb_tables() WHERE schema_name = ${lit(r.schema)} AND table_name = ${lit(r.name)} UNION ALL SELECT sql FROM duckdb_views() WHERE schema_name = ${lit(r.schema)} AND view_name = ${lit(r.name)} UNION ALL SELECT sql FROM duckdb_indexes() WHERE schema_name = ${lit(r.schema)} AND table_name = ${lit(r.name)} AND sql IS NOT NULL`);
      const sql = res.rows.map((row) => String(row[0]).replace(/;?\s*$/, ';')).join('\n');
      return sql ? `${sql}\n` : undefined;
    }
    if (conn.engine === 'mysql') {
      const q = (n: string): string => conn.dialect.quoteIdent(n);
      const res = await conn.query(`SHOW CREATE ${r.kind === 'view' ? 'VIEW' : 'TABLE'} ${r.schema ? `${q(r.schema)}.` : ''}${q(r.name)}`);
      const sql = res.rows[0]?.[1];
      return typeof sql === 'string' ? `${sql};\n` : undefined;
    }
    if (conn.engine === 'postgres' && (r.kind === 'view' || r.kind === 'materialized-view')) {
      const res = await conn.query(`SELECT pg_get_viewdef(${lit(`${conn.dialect.quoteIdent(r.schema)}.${conn.dialect.quoteIdent(r.name)}`)}::regclass, true)`);
      const body = res.rows[0]?.[0];
      if (typeof body === 'string') return `CREATE ${r.kind === 'view' ? 'VIEW' : 'MATERIALIZED VIEW'} ${conn.dialect.quoteIdent(r.schema)}.${conn.dialect.quoteIdent(r.name)} AS\n${body.replace(/;?\s*$/, ';')}\n`;
    }
  } catch {
    return undefined; // the generated text will do
  }
  return undefined;
}

/** The relation named at an offset: an alias resolves to its table. */
export function relationAt(text: string, offset: number, catalog: Catalog): RelationDef | undefined {
  const at = nameAt(text, offset, catalog.dialect);
  if (!at || at.call) return undefined;
  const part = at.parts[at.index]!;
  const schema = at.index > 0 ? at.parts[at.index - 1] : undefined;
  const direct = catalog.findRelation(part.text, schema?.text, { name: part.quoted, ...(schema ? { schema: schema.quoted } : {}) });
  if (direct) return direct;
  const lower = part.text.toLowerCase();
  const ref = tablesInScope(text, at.parts[0]!.start, catalog).find((t) => t.alias?.toLowerCase() === lower);
  return ref ? relationOf(catalog, ref) : undefined;
}

/** The DDL text of a relation. */
export async function ddlText(conn: Connection | undefined, catalog: Catalog, r: RelationDef): Promise<string> {
  const own = conn ? await engineDdl(conn, r) : undefined;
  return `-- ${qualifiedName(catalog, r)}: ${own ? 'definition from the database' : 'generated from the catalog'} (sqlsh)\n${own ?? generatedDdl(catalog, r)}`;
}

let dir: string | undefined;

/** Write the DDL to this server's temp folder; returns its file URI. */
export function writeDdlFile(r: RelationDef, text: string): string {
  return writeServerFile(`${`${r.schema ? `${r.schema}.` : ''}${r.name}`.replace(/[^\w.-]+/g, '_')}.sql`, text);
}

/** A read-only file in this server's temp directory (removed when the server exits); its file: URI. */
export function writeServerFile(name: string, text: string): string {
  dir ??= join(tmpdir(), `sqlsh-lsp-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  rmSync(file, { force: true }); // read-only: replaced, not written over
  writeFileSync(file, text, { mode: 0o444 });
  return pathToFileURL(file).href;
}

export function ddlDirectory(): string | undefined {
  return dir;
}
