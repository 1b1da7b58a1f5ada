/** Markdown descriptions of catalog objects for hovers: a relation, a column, a function's signatures. */
import type { Catalog, ColumnDef, FunctionDef, RelationDef } from '../index.js';

const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`';

export function qualifiedName(catalog: Catalog, r: { readonly schema: string; readonly name: string }): string {
  const q = (n: string): string => (catalog.dialect.needsQuoting(n) ? catalog.dialect.quoteIdent(n) : n);
  return r.schema === '' || catalog.isVisibleSchema(r.schema) ? q(r.name) : `${q(r.schema)}.${q(r.name)}`;
}

function columnLine(c: ColumnDef, pk: boolean): string {
  const bits = [c.type || '?', c.nullable ? '' : 'NOT NULL', c.default !== undefined ? `DEFAULT ${c.default}` : '', pk ? 'PRIMARY KEY' : ''].filter(Boolean);
  return `${bits.join(' ')}${c.comment ? ` — ${c.comment}` : ''}`;
}

function fkLines(catalog: Catalog, r: RelationDef): string[] {
  const out: string[] = [];
  for (const fk of catalog.foreignKeysFrom(r)) {
    out.push(`(${fk.columns.join(', ')}) → ${qualifiedName(catalog, { schema: fk.refSchema, name: fk.refTable })}(${fk.refColumns.join(', ')})`);
  }
  return out;
}

export function relationMarkdown(catalog: Catalog, r: RelationDef): string {
  const lines = [`**${r.kind.replace('-', ' ')}** ${code(r.schema ? `${r.schema}.${r.name}` : r.name)}${r.comment ? ` — ${r.comment}` : ''}`, ''];
  for (const c of r.columns.slice(0, 60)) lines.push(`- ${code(c.name)} ${columnLine(c, r.primaryKey.length === 1 && r.primaryKey[0] === c.name)}`);
  if (r.columns.length > 60) lines.push(`- … ${r.columns.length - 60} more columns`);
  if (r.primaryKey.length > 1) lines.push('', `Primary key: (${r.primaryKey.join(', ')})`);
  const fks = fkLines(catalog, r);
  if (fks.length) lines.push('', 'Foreign keys:', ...fks.map((f) => `- ${f}`));
  const refs = catalog.foreignKeysTo(r);
  if (refs.length) lines.push('', `Referenced by: ${refs.map((fk) => `${qualifiedName(catalog, { schema: fk.schema, name: fk.table })}(${fk.columns.join(', ')})`).join(', ')}`);
  if (r.estimatedRows !== undefined) lines.push('', `about ${r.estimatedRows} rows`);
  return lines.join('\n');
}

export function columnMarkdown(catalog: Catalog, r: RelationDef, c: ColumnDef): string {
  const lines = [`**column** ${code(`${qualifiedName(catalog, r)}.${c.name}`)}`, '', columnLine(c, r.primaryKey.includes(c.name))];
  for (const fk of catalog.foreignKeysFrom(r)) {
    const k = fk.columns.indexOf(c.name);
    if (k >= 0) lines.push('', `references ${qualifiedName(catalog, { schema: fk.refSchema, name: fk.refTable })}(${fk.refColumns[k] ?? '?'})`);
  }
  return lines.join('\n');
}

/** The catalog's functions named so (all overloads). */
export function functionsNamed(catalog: Catalog, name: string, schema?: string): FunctionDef[] {
  const lower = name.toLowerCase();
  return catalog.data.functions.filter((f) => f.name.toLowerCase() === lower && (schema === undefined || f.schema.toLowerCase() === schema.toLowerCase()));
}

export function functionMarkdown(name: string, fns: readonly FunctionDef[], builtin: boolean): string {
  const sigs = [...new Set(fns.filter((f) => f.args !== undefined || f.returns !== undefined).map((f) => `${name}(${f.args ?? ''})${f.returns ? ` → ${f.returns}` : ''}`))];
  const kind = fns[0]?.kind && fns[0].kind !== 'function' ? fns[0].kind : 'function';
  if (sigs.length === 0) return `**${builtin ? 'built-in ' : ''}${kind}** ${code(name)}`;
  return [`**${kind}** ${code(name)}`, '', '```sql', ...sigs.slice(0, 8), ...(sigs.length > 8 ? [`-- +${sigs.length - 8} more`] : []), '```'].join('\n');
}
