/** The list commands: \d (no name), \dt, \dv, \dm, \di, \ds, \dn, \df, \dT, \du, \l, \dx, \dp, \dD, \dconfig. */
import type { IndexDef, RelationDef, RelationKind } from '../../catalog/catalog-data.js';
import type { Row } from '../../core/result.js';
import type { MetaOutcome, MetaTable } from '../meta-command.js';
import { bySchemaThenName, KIND_NAMES, matchByPattern, prettySize, type DescribeSource } from './describe-source.js';
import { compileNamePattern } from './name-pattern.js';

const col = (name: string, type = 'text') => ({ name, type });

/** psql's \d, \dt, \di, \ds ...: no rows is said in a line (on stderr), not shown as an empty table. */
function relationsOrNone(table: MetaTable, pattern: string | undefined): MetaOutcome {
  if (table.rows.length === 0) {
    return { type: 'message', text: pattern === undefined ? 'Did not find any relations.' : `Did not find any relation named "${pattern}".`, psqlError: true };
  }
  return { type: 'tables', tables: [table] };
}

/** The other lists (\df, \dn, \dT, \du, \l, \dx) show their empty table, as psql does. */
const asTable = (table: MetaTable): MetaOutcome => ({ type: 'tables', tables: [table] });

/** What a relation is called in the lists (psql's words on PostgreSQL: a catalog table is a 'table'). */
function kindName(src: DescribeSource, rel: RelationDef): string {
  if (rel.partitioned) return 'partitioned table';
  if (rel.kind === 'system-table' && src.extras.psqlVisibility) return 'table';
  return KIND_NAMES[rel.kind];
}

export async function listRelations(
  src: DescribeSource,
  kinds: readonly RelationKind[] | 'all',
  pattern: string | undefined,
  withSequences: boolean,
): Promise<MetaOutcome> {
  const rels = src.catalog.data.relations.filter((r) => kinds === 'all' || kinds.includes(r.kind));
  const items: Array<{ schema: string; name: string; kind: string; rel?: RelationDef; owner?: string }> = matchByPattern(
    src,
    rels.map((rel) => ({ schema: rel.schema, name: rel.name, kind: rel.kind, rel })),
    (x) => x,
    pattern,
    true,
  );
  if (withSequences && src.extras.sequences) {
    const seqs = await src.extras.sequences(src.q);
    items.push(...matchByPattern(src, seqs.map((s) => ({ schema: s.schema, name: s.name, kind: 'sequence', ...(s.owner !== undefined ? { owner: s.owner } : {}) })), (x) => x, pattern, true));
    items.sort(bySchemaThenName);
  }
  // psql's Owner column, on engines with owners
  const owners = items.some((it) => it.rel?.owner !== undefined || it.owner !== undefined);
  const columns = [col('Schema'), col('Name'), col('Type'), ...(owners ? [col('Owner')] : [])];
  // + on PostgreSQL: psql's columns (the access method where tables or materialized views are listed); elsewhere sqlsh's
  const psqlPlus = src.plus && src.extras.verboseColumns ? await src.extras.verboseColumns(src.q) : undefined;
  const withMethod = !src.hideTableAm && (kinds === 'all' || kinds.includes('table') || kinds.includes('materialized-view'));
  const sizes = src.plus && !psqlPlus && src.extras.sizes ? await src.extras.sizes(src.q) : new Map<string, number>();
  if (psqlPlus) columns.push(col('Persistence'), ...(withMethod ? [col('Access method')] : []), col('Size'), col('Description'));
  else if (src.plus) columns.push(col('Rows', 'bigint'), col('Size'), col('Description'));
  const rows: Row[] = items.map((it) => {
    const type = it.rel ? kindName(src, it.rel) : it.kind;
    const base: Row = [it.schema, it.name, type, ...(owners ? [it.rel?.owner ?? it.owner ?? ''] : [])];
    if (!src.plus) return base;
    if (psqlPlus) {
      const v = psqlPlus.get(`${it.schema}.${it.name}`);
      return [...base, v?.persistence ?? '', ...(withMethod ? [v?.method ?? ''] : []), v?.size ?? '', v?.description ?? ''];
    }
    const size = it.rel?.sizeBytes ?? sizes.get(`${it.schema}.${it.name}`);
    return [...base, it.rel?.estimatedRows ?? '', prettySize(size), it.rel?.comment ?? ''];
  });
  return relationsOrNone({ title: 'List of relations', columns, rows, rowCount: true }, pattern);
}

/**
 * psql's \\d with several kind letters (\\dtv, \\dti, \\dts, \\dvmE ...): one list of relations of those
 * kinds (t tables, v views, m materialized views, E foreign tables, s sequences, i indexes), with a
 * Table column when indexes are listed.
 */
export async function listRelationKinds(src: DescribeSource, letters: string, pattern: string | undefined): Promise<MetaOutcome> {
  const kinds: RelationKind[] = [];
  if (letters.includes('t')) kinds.push('table', 'system-table');
  if (letters.includes('v')) kinds.push('view');
  if (letters.includes('m')) kinds.push('materialized-view');
  if (letters.includes('E')) kinds.push('foreign-table');
  const withIndexes = letters.includes('i');
  type Item = { schema: string; name: string; type: string; owner: string; table: string; kind?: string };
  const rels = src.catalog.data.relations.filter((r) => kinds.includes(r.kind));
  const items: Item[] = matchByPattern(src, rels, (r) => ({ schema: r.schema, name: r.name, kind: r.kind }), pattern, true).map((r) => ({
    schema: r.schema,
    name: r.name,
    type: kindName(src, r),
    owner: r.owner ?? '',
    table: '',
  }));
  if (letters.includes('s') && src.extras.sequences) {
    const seqs = matchByPattern(src, await src.extras.sequences(src.q), (x) => x, pattern, false, true);
    items.push(...seqs.map((x) => ({ schema: x.schema, name: x.name, type: 'sequence', owner: x.owner ?? '', table: '' })));
  }
  if (withIndexes) {
    const ownerOf = (i: IndexDef): string => src.catalog.data.relations.find((r) => r.schema === i.schema && r.name === i.table)?.owner ?? '';
    const ixs = matchByPattern(src, src.catalog.data.indexes, (i) => ({ schema: i.schema, name: i.name }), pattern, false, true);
    items.push(...ixs.map((i) => ({ schema: i.schema, name: i.name, type: i.partitioned ? 'partitioned index' : 'index', owner: ownerOf(i), table: i.table })));
  }
  items.sort(bySchemaThenName);
  const owners = items.some((it) => it.owner !== '');
  const columns = [col('Schema'), col('Name'), col('Type'), ...(owners ? [col('Owner')] : []), ...(withIndexes ? [col('Table')] : [])];
  const psqlPlus = src.plus && src.extras.verboseColumns ? await src.extras.verboseColumns(src.q) : undefined;
  const withMethod = !src.hideTableAm && (kinds.includes('table') || kinds.includes('materialized-view') || withIndexes);
  if (psqlPlus) columns.push(col('Persistence'), ...(withMethod ? [col('Access method')] : []), col('Size'), col('Description'));
  const rows: Row[] = items.map((it) => {
    const base: Row = [it.schema, it.name, it.type, ...(owners ? [it.owner] : []), ...(withIndexes ? [it.table] : [])];
    if (!psqlPlus) return base;
    const v = psqlPlus.get(`${it.schema}.${it.name}`);
    return [...base, v?.persistence ?? '', ...(withMethod ? [v?.method ?? ''] : []), v?.size ?? '', v?.description ?? ''];
  });
  return relationsOrNone({ title: 'List of relations', columns, rows, rowCount: true }, pattern);
}

export async function listIndexes(src: DescribeSource, pattern: string | undefined): Promise<MetaOutcome> {
  const items = matchByPattern(src, src.catalog.data.indexes, (i) => ({ schema: i.schema, name: i.name }), pattern, false, true);
  // + on PostgreSQL: psql's columns
  const psqlPlus = src.plus && src.extras.verboseColumns ? await src.extras.verboseColumns(src.q) : undefined;
  const sizes = src.plus && !psqlPlus && src.extras.sizes ? await src.extras.sizes(src.q) : new Map<string, number>();
  const ownerOf = (i: IndexDef): string | undefined => src.catalog.data.relations.find((r) => r.schema === i.schema && r.name === i.table)?.owner;
  // With owners (PostgreSQL), psql's columns: Schema | Name | Type | Owner | Table. Elsewhere what kind of index, and its columns.
  const owners = items.some((i) => ownerOf(i) !== undefined);
  const columns = owners
    ? [col('Schema'), col('Name'), col('Type'), col('Owner'), col('Table')]
    : [col('Schema'), col('Name'), col('Type'), col('Table'), col('Columns')];
  if (psqlPlus) columns.push(col('Persistence'), ...(src.hideTableAm ? [] : [col('Access method')]), col('Size'), col('Description'));
  else if (src.plus) columns.push(col('Size'));
  const rows: Row[] = items.map((i) => {
    const kind = i.primary ? 'primary key' : i.unique ? 'unique index' : 'index';
    const base: Row = owners ? [i.schema, i.name, 'index', ownerOf(i) ?? '', i.table] : [i.schema, i.name, kind, i.table, i.columns.join(', ')];
    if (psqlPlus) {
      const v = psqlPlus.get(`${i.schema}.${i.name}`);
      return [...base, v?.persistence ?? '', ...(src.hideTableAm ? [] : [v?.method ?? '']), v?.size ?? '', v?.description ?? ''];
    }
    return src.plus ? [...base, prettySize(sizes.get(`${i.schema}.${i.name}`))] : base;
  });
  return relationsOrNone({ title: owners ? 'List of relations' : 'List of indexes', columns, rows, rowCount: true }, pattern);
}

export async function listSequences(src: DescribeSource, pattern: string | undefined): Promise<MetaOutcome> {
  if (!src.extras.sequences) return { type: 'message', text: src.extras.missing.sequences ?? `${src.engineName} has no sequences` };
  const seqs = matchByPattern(src, await src.extras.sequences(src.q), (s) => s, pattern, true);
  // With owners (PostgreSQL), psql's columns; elsewhere the data type.
  const owners = seqs.some((s) => s.owner !== undefined);
  // + on PostgreSQL: psql's Persistence, Size and Description
  const psqlPlus = src.plus && owners && src.extras.verboseColumns ? await src.extras.verboseColumns(src.q) : undefined;
  const rows: Row[] = seqs.map((s) => {
    const base: Row = [s.schema, s.name, 'sequence', (owners ? s.owner : s.type) ?? ''];
    const v = psqlPlus?.get(`${s.schema}.${s.name}`);
    return psqlPlus ? [...base, v?.persistence ?? '', v?.size ?? '', v?.description ?? ''] : base;
  });
  const last = owners ? col('Owner') : col('Data type');
  const more = psqlPlus ? [col('Persistence'), col('Size'), col('Description')] : [];
  return relationsOrNone(
    { title: owners ? 'List of relations' : 'List of sequences', columns: [col('Schema'), col('Name'), col('Type'), last, ...more], rows, rowCount: true },
    pattern,
  );
}

export async function listSchemas(src: DescribeSource, pattern: string | undefined): Promise<MetaOutcome> {
  const p = pattern === undefined ? undefined : compileNamePattern(pattern, src.database === undefined ? undefined : { maxParts: 2, database: src.database }).name;
  const search = src.catalog.data.searchPath;
  const owners = src.extras.schemaOwners ? await src.extras.schemaOwners(src.q).catch(() => undefined) : undefined;
  const rows: Row[] = src.catalog.data.schemas
    .filter((s) => (p ? p.test(s) : src.system || !src.extras.systemSchemas.includes(s.toLowerCase()) && !/^pg_temp_|^pg_toast/.test(s)))
    .sort()
    .map((s) => [s, ...(owners ? [owners.get(s) ?? ''] : []), ...(src.plus ? [search.includes(s) ? 'yes' : ''] : [])]);
  const columns = [col('Name'), ...(owners ? [col('Owner')] : []), ...(src.plus ? [col('In search path')] : [])];
  return asTable({ title: 'List of schemas', columns, rows, rowCount: true });
}

export function listFunctions(src: DescribeSource, pattern: string | undefined): MetaOutcome {
  const items = matchByPattern(src, src.catalog.data.functions, (f) => ({ schema: f.schema, name: f.name }), pattern);
  const rows: Row[] = items.map((f) => [f.schema, f.name, f.returns ?? '', f.args ?? '', f.kind === 'function' ? 'func' : f.kind === 'aggregate' ? 'agg' : f.kind === 'procedure' ? 'proc' : f.kind]);
  return asTable({
    title: 'List of functions',
    columns: [col('Schema'), col('Name'), col('Result data type'), col('Argument data types'), col('Type')],
    rows,
    rowCount: true,
  });
}

export async function listTypes(src: DescribeSource, pattern: string | undefined): Promise<MetaOutcome> {
  if (src.extras.missing.types) return { type: 'message', text: src.extras.missing.types };
  const split = (t: string) => {
    const i = t.lastIndexOf('.');
    return i < 0 ? { schema: src.catalog.data.searchPath[0] ?? '', name: t } : { schema: t.slice(0, i), name: t.slice(i + 1) };
  };
  const all = src.catalog.data.types?.map((t) => ({ schema: t.schema, name: t.name })) ?? src.catalog.data.datatypes.map(split);
  const items = matchByPattern(src, all, (x) => x, pattern);
  const notes = src.extras.typeDescriptions ? await src.extras.typeDescriptions(src.q).catch(() => new Map<string, string>()) : undefined;
  const rows: Row[] = items.map((t) => [t.schema, t.name, ...(notes ? [notes.get(`${t.schema}.${t.name}`) ?? ''] : [])]);
  const columns = [col('Schema'), col('Name'), ...(notes ? [col('Description')] : [])];
  return asTable({ title: 'List of data types', columns, rows, rowCount: true });
}

/** Rows whose first column matches PATTERN (roles, databases, extensions: objects outside schemas, one part on PostgreSQL). */
function filterFirstColumn(table: MetaTable, pattern: string | undefined, src?: DescribeSource): MetaTable {
  if (pattern === undefined) return table;
  const p = compileNamePattern(pattern, src?.database === undefined ? undefined : { maxParts: 1 }).name;
  return { ...table, rows: table.rows.filter((r) => p.test(String(r[0] ?? ''))) };
}

export async function listRoles(src: DescribeSource, pattern: string | undefined): Promise<MetaOutcome> {
  if (!src.extras.roles) return { type: 'message', text: src.extras.missing.roles ?? `${src.engineName} has no roles` };
  return asTable(filterFirstColumn(await src.extras.roles(src.q, src.plus), pattern, src));
}

export async function listDatabases(src: DescribeSource, pattern: string | undefined): Promise<MetaOutcome> {
  const table: MetaTable = src.extras.databases
    ? await src.extras.databases(src.q, src.plus)
    : { title: 'List of databases', columns: [col('Name')], rows: src.catalog.data.databases.map((d) => [d]), rowCount: true };
  return asTable(filterFirstColumn(table, pattern, src));
}

export async function listExtensions(src: DescribeSource, pattern: string | undefined): Promise<MetaOutcome> {
  if (!src.extras.extensions) return { type: 'message', text: src.extras.missing.extensions ?? `${src.engineName} has no extensions` };
  // psql's \dx+: what each extension installed
  if (src.plus && src.extras.extensionObjects) return { type: 'tables', tables: [...(await src.extras.extensionObjects(src.q, pattern))] };
  return asTable(filterFirstColumn(await src.extras.extensions(src.q), pattern, src));
}

/** \\dp (\\z): psql's access privileges of tables, views and sequences. */
export async function listPrivileges(src: DescribeSource, pattern: string | undefined): Promise<MetaOutcome> {
  if (!src.extras.privileges) return { type: 'message', text: src.extras.missing.privileges ?? `${src.engineName} has no privileges to list here` };
  const rows = matchByPattern(src, await src.extras.privileges(src.q), (r) => r, pattern).map((r) => [...r.row]);
  const columns = ['Schema', 'Name', 'Type', 'Access privileges', 'Column privileges', 'Policies'].map((name) => col(name));
  return asTable({ title: 'Access privileges', columns, rows, rowCount: true });
}

/** \\dD: psql's list of domains. */
export async function listDomains(src: DescribeSource, pattern: string | undefined): Promise<MetaOutcome> {
  if (!src.extras.domains) return { type: 'message', text: `${src.engineName} has no domains` };
  const rows = matchByPattern(src, await src.extras.domains(src.q, src.plus), (r) => r, pattern).map((r) => [...r.row]);
  const columns = ['Schema', 'Name', 'Type', 'Collation', 'Nullable', 'Default', 'Check', ...(src.plus ? ['Access privileges', 'Description'] : [])].map((name) => col(name));
  return asTable({ title: 'List of domains', columns, rows, rowCount: true });
}

/** \\dconfig: psql 15's list of server settings, the changed ones alone, or those matching a pattern. */
export async function listSettings(src: DescribeSource, pattern: string | undefined): Promise<MetaOutcome> {
  if (!src.extras.settings) return { type: 'message', text: `\\dconfig lists PostgreSQL's settings; ${src.engineName} has none to list here` };
  const p = pattern === undefined ? undefined : compileNamePattern(pattern.toLowerCase()).name;
  const settings = await src.extras.settings(src.q);
  const plus = src.plus && settings.some((s) => s.type !== undefined);
  const rows = settings
    .filter((s) => (p ? p.test(s.name.toLowerCase()) : s.changed))
    .map((s) => [s.name, s.value, ...(plus ? [s.type ?? '', s.context ?? '', s.privileges ?? ''] : [])]);
  const title = p ? 'List of configuration parameters' : 'List of non-default configuration parameters';
  const columns = ['Parameter', 'Value', ...(plus ? ['Type', 'Context', 'Access privileges'] : [])].map((name) => col(name));
  return asTable({ title, columns, rows, rowCount: true });
}
