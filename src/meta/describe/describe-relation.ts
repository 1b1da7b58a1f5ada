/**
 * \d NAME: one relation (or index) laid out like psql: a title, a Column | Type | Nullable | Default
 * table, then in psql's order Indexes:, Check constraints:, Foreign-key constraints:, Referenced by:,
 * (PostgreSQL) Policies:, Statistics objects:, Publications:, Triggers:, then the inheritance lines.
 */
import type { ForeignKeyDef, IndexDef, RelationDef } from '../../catalog/catalog-data.js';
import type { Row } from '../../core/result.js';
import type { MetaOutcome, MetaTable } from '../meta-command.js';
import { bySchemaThenName, firstInPath, matchByPattern, qualified, type DescribeSource } from './describe-source.js';

const col = (name: string) => ({ name, type: 'text' });
const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const TITLES: Readonly<Record<RelationDef['kind'], string>> = {
  table: 'Table',
  view: 'View',
  'materialized-view': 'Materialized view',
  'foreign-table': 'Foreign table',
  'system-table': 'Table',
  'table-function': 'Table function',
};

function indexMethod(ix: IndexDef): string {
  const m = ix.definition ? /\bUSING\s+(\w+)\s*/i.exec(ix.definition) : null;
  return m ? m[1]!.toLowerCase() : '';
}

function indexWhere(ix: IndexDef): string {
  const m = ix.definition ? /\)\s+WHERE\s+([\s\S]+)$/i.exec(ix.definition) : null;
  return m ? m[1]!.trim() : '';
}

/** psql's line: `"name" PRIMARY KEY, btree (id)`, the definition from USING on when the engine gives one. */
function indexLine(ix: IndexDef): string {
  const kind = ix.primary ? 'PRIMARY KEY' : ix.unique ? (ix.constraint ? 'UNIQUE CONSTRAINT' : 'UNIQUE') : '';
  const using = ix.definition ? /\sUSING\s+([\s\S]+)$/i.exec(ix.definition) : null;
  if (using) return `    ${q(ix.name)} ${kind ? `${kind}, ` : ''}${using[1]!.trim()}`;
  const method = indexMethod(ix);
  const head = [kind && method ? `${kind},` : kind, method].filter(Boolean).join(' ');
  const where = indexWhere(ix);
  return `    ${q(ix.name)}${head ? ` ${head}` : ''} (${ix.columns.join(', ')})${where ? ` WHERE ${where}` : ''}`;
}

/** The table's indexes, with the full definitions the catalog left out (it does on big databases). */
async function indexesOf(src: DescribeSource, schema: string, table: string): Promise<IndexDef[]> {
  let indexes = src.catalog.data.indexes.filter((i) => i.schema.toLowerCase() === schema.toLowerCase() && i.table === table);
  // the catalog keeps the user's indexes only: a system table's are read now
  if (indexes.length === 0 && src.extras.tableIndexes && src.extras.systemSchemas.includes(schema.toLowerCase())) {
    return [...(await src.extras.tableIndexes(src.q, schema, table).catch(() => []))];
  }
  if (src.extras.indexDefinitions && indexes.some((i) => !i.definition)) {
    const defs = await src.extras.indexDefinitions(src.q, schema, table).catch(() => undefined);
    if (defs) indexes = indexes.map((i) => (i.definition || !defs.has(i.name) ? i : { ...i, definition: defs.get(i.name)! }));
  }
  return indexes;
}

function fkText(fk: ForeignKeyDef, fromSchema: string): string {
  const ref = fk.refSchema && fk.refSchema !== fromSchema ? `${fk.refSchema}.${fk.refTable}` : fk.refTable;
  let t = `FOREIGN KEY (${fk.columns.join(', ')}) REFERENCES ${ref}(${fk.refColumns.join(', ')})`;
  const act = (a: string | undefined) => a && !/^no action$/i.test(a) && !/^restrict$/i.test(a);
  if (act(fk.onUpdate)) t += ` ON UPDATE ${fk.onUpdate!.toUpperCase()}`;
  if (act(fk.onDelete)) t += ` ON DELETE ${fk.onDelete!.toUpperCase()}`;
  return t;
}

function sameTable(schema: string, table: string, rel: RelationDef): boolean {
  return schema.toLowerCase() === rel.schema.toLowerCase() && table === rel.name;
}

async function describeOne(src: DescribeSource, rel: RelationDef): Promise<MetaTable> {
  const data = src.catalog.data;
  const collation = src.extras.collationColumn === true;
  // PostgreSQL: psql's further sections (partitions, policies, statistics, publications, inheritance)
  const details = rel.kind !== 'view' && src.extras.tableDetails ? await src.extras.tableDetails(src.q, rel.schema, rel.name, src.plus).catch(() => undefined) : undefined;
  const extra = details?.columnExtra;
  const columns = [col('Column'), col('Type'), ...(collation ? [col('Collation')] : []), col('Nullable'), col('Default'), ...(extra ? [col(extra.name)] : [])];
  // \d+ on PostgreSQL: psql's Storage, and for tables Compression and Stats target, before Description
  const storage = src.plus && src.extras.storage ? await src.extras.storage(src.q, rel.schema, rel.name).catch(() => undefined) : undefined;
  const tableLike = rel.kind !== 'view';
  // psql shows Compression for tables and materialized views, not foreign tables
  const compression = storage?.compression === true && rel.kind !== 'foreign-table';
  if (storage) columns.push(col('Storage'), ...(tableLike ? [...(compression ? [col('Compression')] : []), col('Stats target')] : []));
  if (src.plus) columns.push(col('Description'));
  const rows: Row[] = rel.columns.map((c) => {
    const base: Row = [c.name, c.type, ...(collation ? [c.collation ?? ''] : []), c.nullable ? '' : 'not null', c.default ?? '', ...(extra ? [extra.values.get(c.name) ?? ''] : [])];
    const s = storage?.columns.get(c.name);
    const more: Row = storage ? [s?.storage ?? '', ...(tableLike ? [...(compression ? [s?.compression ?? ''] : []), s?.statsTarget ?? ''] : [])] : [];
    return src.plus ? [...base, ...more, c.comment ?? ''] : base;
  });
  const footer: string[] = [];
  const section = (title: string, lines: readonly string[]) => {
    if (lines.length) footer.push(`${title}:`, ...lines);
  };
  // \d+ of a view or materialized view: its definition, after the table's sections (psql: a materialized
  // view's indexes come first), before the triggers
  const viewDefinition: string[] = [];
  if (rel.kind === 'view' || rel.kind === 'materialized-view') {
    if (src.plus && src.extras.viewDefinition) {
      const def = await src.extras.viewDefinition(src.q, rel.schema, rel.name).catch(() => undefined);
      // as the engine indents it (PostgreSQL's starts with a space), else one space in
      if (def) viewDefinition.push('View definition:', ...(def.startsWith(' ') ? def.split('\n') : def.split('\n').map((l) => ` ${l}`)));
    }
  }
  // \\d+ on PostgreSQL: a view's rules (under its definition) and the options psql prints last
  const verbose = src.plus && src.extras.verboseDetails ? await src.extras.verboseDetails(src.q, rel.schema, rel.name).catch(() => undefined) : undefined;
  if (rel.kind === 'view') footer.push(...viewDefinition, ...(verbose?.viewRules ?? []));
  if (details) footer.push(...details.afterColumns);
  if (rel.kind !== 'view') {
    const indexes = await indexesOf(src, rel.schema, rel.name);
    indexes.sort((a, b) => (a.primary !== b.primary ? (a.primary ? -1 : 1) : a.name < b.name ? -1 : 1));
    const lines = indexes.map(indexLine);
    if (rel.primaryKey.length && !indexes.some((i) => i.primary)) lines.unshift(`    PRIMARY KEY (${rel.primaryKey.join(', ')})`);
    section('Indexes', details?.indexLines ?? lines);
    if (src.extras.checks) section('Check constraints', (await src.extras.checks(src.q, rel.schema, rel.name)).map((c) => `    ${c}`));
    const from = data.foreignKeys.filter((f) => sameTable(f.schema, f.table, rel));
    section('Foreign-key constraints', from.map((f) => `    ${f.name ? `${q(f.name)} ` : ''}${fkText(f, rel.schema)}`));
    const to = data.foreignKeys.filter((f) => sameTable(f.refSchema, f.refTable, rel));
    section(
      'Referenced by',
      to.map((f) => `    TABLE ${q(f.schema && f.schema !== rel.schema ? `${f.schema}.${f.table}` : f.table)}${f.name ? ` CONSTRAINT ${q(f.name)}` : ''} ${fkText(f, f.schema)}`),
    );
  }
  if (details) footer.push(...details.policies, ...details.statistics, ...(details.rules ?? []), ...details.publications);
  if (rel.kind === 'materialized-view') footer.push(...viewDefinition);
  if (details?.triggers) footer.push(...details.triggers);
  else if (src.extras.triggers) section('Triggers', (await src.extras.triggers(src.q, rel.schema, rel.name)).map((t) => `    ${t}`));
  if (details) footer.push(...details.inheritance, ...details.replicaIdentity);
  // psql's last line for a table: its access method (the table's comment is \dt+'s Description there)
  if (storage) {
    if (tableLike && storage.accessMethod && !src.hideTableAm) footer.push(`Access method: ${storage.accessMethod}`);
  } else if (src.plus && rel.comment) footer.push(`Comment: ${rel.comment}`);
  if (verbose?.options) footer.push(verbose.options);
  const kind = details?.title ?? TITLES[rel.kind];
  const title = rel.unlogged ? `Unlogged ${kind.toLowerCase()}` : kind;
  return { title: `${title} ${q(qualified(rel.schema, rel.name))}`, columns, rows, footer, rowCount: false, expanded: false };
}

/** psql's \d INDEX: Column | Type | Key? | Definition, then what it is and for which table. */
async function describeIndex(src: DescribeSource, found: IndexDef): Promise<MetaTable> {
  const ix = (await indexesOf(src, found.schema, found.table)).find((i) => i.name === found.name) ?? found;
  const table = src.catalog.data.relations.find((r) => sameTable(ix.schema, ix.table, r));
  // \d+ on PostgreSQL: psql's Storage and Stats target of the index's columns
  const storage = src.plus && src.extras.storage ? await src.extras.storage(src.q, ix.schema, ix.name).catch(() => undefined) : undefined;
  const rows: Row[] = ix.columns.map((c, i) => {
    const base: Row = [c, table?.columns.find((x) => x.name === c)?.type ?? '', 'yes', c];
    const s = storage ? [...storage.columns.values()][i] : undefined;
    return storage ? [...base, s?.storage ?? '', s?.statsTarget ?? ''] : base;
  });
  const parts = [ix.primary ? 'primary key' : ix.unique ? 'unique' : '', indexMethod(ix), `for table ${q(qualified(ix.schema, ix.table))}`];
  const where = indexWhere(ix);
  if (where) parts.push(`predicate (${where})`);
  // PostgreSQL: psql's own rows (INCLUDE columns are not keys) and a partitioned index's title and partitions
  const pg = src.extras.indexDetails ? await src.extras.indexDetails(src.q, ix.schema, ix.name, src.plus).catch(() => undefined) : undefined;
  const verbose = src.plus && src.extras.verboseDetails ? await src.extras.verboseDetails(src.q, ix.schema, ix.name).catch(() => undefined) : undefined;
  const shown: Row[] = pg
    ? pg.rows.map((r, i) => {
        const s = storage ? [...storage.columns.values()][i] : undefined;
        return storage ? [...r, s?.storage ?? '', s?.statsTarget ?? ''] : [...r];
      })
    : rows;
  return {
    title: `${pg?.title ?? 'Index'} ${q(qualified(ix.schema, ix.name))}`,
    columns: [col('Column'), col('Type'), col('Key?'), col('Definition'), ...(storage ? [col('Storage'), col('Stats target')] : [])],
    rows: shown,
    footer: [...(pg?.before ?? []), parts.filter(Boolean).join(', '), ...(pg?.after ?? []), ...(verbose?.options ? [verbose.options] : [])],
    rowCount: false,
    expanded: false,
  };
}

export async function describeRelations(src: DescribeSource, pattern: string): Promise<MetaOutcome> {
  // An exact name resolves like the engine would (search path), so `\d tracks` finds main.tracks even with S rules.
  const exact0 = /^[^*?]+$/.test(pattern) && !pattern.includes('"') ? src.catalog.findRelation(pattern.split('.').pop()!, pattern.includes('.') ? pattern.split('.').slice(-2)[0] : undefined) : undefined;
  // (PostgreSQL: unless an index, sequence or composite type of that name comes first on the search path, as psql finds it)
  const exact = exact0 && src.extras.psqlVisibility && !pattern.includes('.') && (firstInPath(src.catalog).get(exact0.name) ?? exact0.schema) !== exact0.schema ? undefined : exact0;
  const rels = exact ? [exact] : matchByPattern(src, src.catalog.data.relations, (r) => ({ schema: r.schema, name: r.name, kind: r.kind }), pattern, true);
  const indexes = exact ? [] : matchByPattern(src, src.catalog.data.indexes, (i) => ({ schema: i.schema, name: i.name }), pattern, true);
  if (rels.length === 0 && indexes.length === 0 && /^[^*?]+$/.test(pattern)) {
    const ix = src.catalog.data.indexes.find((i) => i.name.toLowerCase() === pattern.split('.').pop()!.toLowerCase());
    if (ix) indexes.push(ix);
  }
  // sequences too, where the engine describes them (PostgreSQL)
  const sequences = !exact && src.extras.describeSequence && src.extras.sequences ? matchByPattern(src, await src.extras.sequences(src.q), (s) => s, pattern, true) : [];
  // and composite types (PostgreSQL), which psql's \\d describes with the relations
  const composites = !exact && src.extras.describeComposite && src.extras.compositeTypes ? matchByPattern(src, await src.extras.compositeTypes(src.q), (s) => s, pattern, true) : [];
  if (rels.length === 0 && indexes.length === 0 && sequences.length === 0 && composites.length === 0) return { type: 'error', message: `Did not find any relation named "${pattern}".`, psql: true };
  // in psql's order: by schema, then name, whatever kind each is
  const found: { schema: string; name: string; table: () => Promise<MetaTable> }[] = [
    ...rels.map((r) => ({ schema: r.schema, name: r.name, table: () => describeOne(src, r) })),
    ...indexes.map((i) => ({ schema: i.schema, name: i.name, table: () => describeIndex(src, i) })),
    ...sequences.map((s) => ({ schema: s.schema, name: s.name, table: () => src.extras.describeSequence!(src.q, s.schema, s.name) })),
    ...composites.map((c) => ({ schema: c.schema, name: c.name, table: () => src.extras.describeComposite!(src.q, c.schema, c.name, src.plus === true) })),
  ];
  found.sort(bySchemaThenName);
  const tables: MetaTable[] = [];
  for (const f of found) tables.push(await f.table());
  return { type: 'tables', tables };
}
