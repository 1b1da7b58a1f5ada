/**
 * psql 15's other list commands on PostgreSQL, declared once as data: \db, \dL, \dA, \dy, \dO, \da,
 * \dc, \dX, \dP, \do, \dC, \dd, \drds, \ddp, \dRp, \dRs, \des, \det, \deu, \dew, \dF, \dFd, \dFp, \dFt, \lo_list. Each is a
 * title, psql's column names (the + form's too) and one catalog query whose rows are what is shown;
 * a PATTERN matches the name as psql's does (and the schema, on the schema-qualified lists).
 */
import type { Row } from '../../core/result.js';
import type { MetaOutcome } from '../meta-command.js';
import { firstInPath, type DescribeSource } from './describe-source.js';
import { compileNamePattern } from './name-pattern.js';

export interface PsqlList {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly summary: string;
  readonly title: string;
  /** Column names, and those of the + form (undefined: the command has no + form here). */
  readonly columns: readonly string[];
  readonly plusColumns?: readonly string[];
  /**
   * How PATTERN matches a row: its first column ('name'), its first two as schema and name
   * ('schema'), or the second as a schema or the first as an owner ('owner-schema', \ddp).
   */
  readonly match: 'name' | 'schema' | 'owner-schema' | 'keys';
  /** How many dotted parts PATTERN may have (psql's rule): 1 for objects outside schemas, 2 for db.name; default 3. */
  readonly parts?: 1 | 2;
  /** psql shows system objects when a pattern is given, even without S (\da). */
  readonly systemWithPattern?: boolean;
  /** The query's last column is another name PATTERN may match (\dT: the internal name); it is not shown. */
  readonly altName?: boolean;
  /** Its objects are pg_class's (\di): without a schema in PATTERN, listed only where their name is first on the search path (psql's pg_table_is_visible). */
  readonly classNames?: boolean;
  /** The query's last column is the server's pg_*_is_visible (as text): without a schema in PATTERN it decides, as in psql; it is not shown. */
  readonly visibleLast?: boolean;
  /**
   * match 'keys': the query's last `hidden` columns are not shown; keys() names the objects a row
   * stands for (\dC: its source and its target type), and the row matches when one of them does.
   */
  readonly hidden?: number;
  keys?(row: Row): readonly { readonly schema: string; readonly names: readonly string[] }[];
  /** Said (on stderr) instead of an empty table, as psql does for \drds and \di. */
  readonly empty?: string | ((pattern: string | undefined) => string);
  /** Columns of numbers (right-aligned, as psql's). */
  readonly numeric?: readonly string[];
  /** The rows: the shown columns, in psql's order. */
  /**
   * `sqlBody`: the server keeps SQL-standard function bodies (PostgreSQL 14+: pg_proc.prosqlbody).
   * `typed`: argument type patterns were given: the query ends with the argTypes' hidden columns.
   */
  sql(plus: boolean, system: boolean, server?: { readonly sqlBody: boolean }, typed?: boolean): string;
  /** Argument type patterns after PATTERN (psql's \\df FUNCPTRN TYPEPTRN..., \\do OPPTRN [TYPEPTRN [TYPEPTRN]]). */
  readonly argTypes?: ArgTypes;
  /** psql's letters after the command (\\dPi, \\dfa): which it takes, and the list they (and a pattern) make. */
  readonly letters?: string;
  forLetters?(letters: string, pattern: string | undefined): Partial<Pick<PsqlList, 'title' | 'columns' | 'plusColumns' | 'sql'>>;
}

/** A type pattern compiled, or `-`: no argument there. */
export type TypeTest = '-' | { readonly schema?: RegExp; readonly name: RegExp };

interface ArgTypes {
  /** How many type patterns the command reads. */
  readonly max: number;
  /** \\df's and \\do's: the grammar's spellings of types (typePattern) and `-` for no argument; else patterns as written. */
  readonly spellings: boolean;
  /** How many columns the query adds at its end when `typed` (each argument's type: typeInfo). */
  readonly hidden: number;
  /** The row (its hidden cells last) has arguments of these types. */
  matches(row: Row, types: readonly TypeTest[]): boolean;
}

const SEP1 = 'chr(1)';
/** A name as psql shows it: alone where the search path finds it, else with its schema (each quoted as needed). */
const visibleName = (name: string, schema: string, visible: string) => `CASE WHEN ${visible} THEN quote_ident(${name}) ELSE quote_ident(${schema}) || '.' || quote_ident(${name}) END`;
/** An operator family for a name pattern (typeMatches): its name twice, its schema, and visible whatever the search path (psql's rule here). */
const familyInfo = `f.opfname || ${SEP1} || f.opfname || ${SEP1} || n.nspname || ${SEP1} || 'true'`;
/** \\dAo's and \\dAp's second pattern: the operator family. */
const FAMILY_NAME: ArgTypes = {
  max: 1,
  spellings: false,
  hidden: 1,
  matches: (r, [t]) => typeMatches(String(r[r.length - 1] ?? ''), t as Exclude<TypeTest, '-'>),
};
/** One type, for a type pattern to match: its name as format_type writes it, pg_type's name, schema, and visibility. */
const typeInfo = (oid: string) => `(SELECT format_type(t.oid, NULL) || ${SEP1} || t.typname || ${SEP1} || tn.nspname || ${SEP1} || pg_type_is_visible(t.oid)::text
          FROM pg_type t JOIN pg_namespace tn ON tn.oid = t.typnamespace WHERE t.oid = ${oid})`;

/** typeInfo's text matches the pattern: either name; the schema given, else a type on the search path. */
function typeMatches(info: string | undefined, test: Exclude<TypeTest, '-'>): boolean {
  if (!info) return false;
  const [formatted, name, schema, visible] = info.split('\x01');
  if (!test.name.test(formatted ?? '') && !test.name.test(name ?? '')) return false;
  return test.schema ? test.schema.test(schema ?? '') : visible === 'true';
}

/**
 * The names psql's type patterns take besides the catalog's two (format_type's `integer`, pg_type's `int4`):
 * the grammar's own spellings, and arrays written as the element's short name with [] (`int4[]`, `timestamp[]`).
 */
const TYPE_SPELLINGS: Readonly<Record<string, string>> = { int: 'integer', decimal: 'numeric', float: 'double precision' };
const ARRAY_SPELLINGS: Readonly<Record<string, string>> = {
  int: '_int4', int2: '_int2', int4: '_int4', int8: '_int8', float: '_float8', float4: '_float4', float8: '_float8', decimal: '_numeric',
  bool: '_bool', varchar: '_varchar', varbit: '_varbit', time: '_time', timetz: '_timetz', timestamp: '_timestamp', timestamptz: '_timestamptz',
};

/** A type pattern as psql reads it: `-`, or a pattern whose last part may be one of the spellings above. */
export function typePattern(word: string): string {
  if (word === '-') return word;
  const m = /^((?:[^".]|"[^"]*")*\.)?([A-Za-z0-9_]+)(\[\])?$/.exec(word);
  if (!m) return word;
  const base = m[2]!.toLowerCase();
  const spelled = m[3] ? ARRAY_SPELLINGS[base] : TYPE_SPELLINGS[base];
  return spelled === undefined ? word : `${m[1] ?? ''}${spelled}`;
}

/** \\df's: argument i (of the input arguments) has a type matching pattern i; `-`: there are no more than i. */
const FUNCTION_ARG_TYPES: ArgTypes = {
  max: 100,
  spellings: true,
  hidden: 2,
  matches(row, types) {
    const count = Number(row[row.length - 2]);
    const args = String(row[row.length - 1] ?? '').split('\x02');
    return types.every((t, i) => (t === '-' ? count <= i : count > i && typeMatches(args[i], t)));
  },
};

/** \\do's: one pattern is a prefix operator's argument; two, the left and the right one (`-`: none). */
const OPERATOR_ARG_TYPES: ArgTypes = {
  max: 2,
  spellings: true,
  hidden: 2,
  matches(row, types) {
    const [left, right] = [row[row.length - 2], row[row.length - 1]].map((c) => (c === null || c === undefined ? undefined : String(c)));
    const side = (info: string | undefined, t: TypeTest | undefined): boolean => (t === undefined ? true : t === '-' ? info === undefined : typeMatches(info, t));
    return types.length === 1 ? left === undefined && side(right, types[0]) : side(left, types[0]) && side(right, types[1]);
  },
};

const NOT_SYSTEM = (schema: string) => `${schema} <> 'pg_catalog' AND ${schema} <> 'information_schema'`;
const acl = (column: string) => `CASE WHEN cardinality(${column}) = 0 THEN '(none)' ELSE array_to_string(${column}, E'\\n') END`;
/** psql's FDW options column: name 'value', ... */
const options = (column: string) =>
  `CASE WHEN ${column} IS NULL THEN '' ELSE '(' || array_to_string(ARRAY(SELECT quote_ident(option_name) || ' ' || quote_literal(option_value) FROM pg_options_to_table(${column})), ', ') || ')' END`;

/**
 * psql's \\dP[itn]: t tables, i indexes (neither: both, with a Type column), n nested partitions too (and
 * a Parent name column, shown with a pattern as well); + the sizes from pg_partition_tree.
 */
function partitionedList(letters: string, pattern: string | undefined): Partial<Pick<PsqlList, 'title' | 'columns' | 'plusColumns' | 'sql'>> {
  let tables = letters.includes('t');
  let indexes = letters.includes('i');
  const nested = letters.includes('n');
  if (!tables && !indexes) tables = indexes = true;
  const mixed = tables && indexes;
  const parent = nested || pattern !== undefined;
  const columns = ['Schema', 'Name', 'Owner', ...(mixed ? ['Type'] : []), ...(parent ? ['Parent name'] : []), ...(indexes ? ['Table'] : [])];
  return {
    title: mixed ? 'List of partitioned relations' : tables ? 'List of partitioned tables' : 'List of partitioned indexes',
    columns,
    plusColumns: [...columns, ...(nested ? ['Leaf partition size'] : []), 'Total size', 'Description'],
    sql: (plus, system) => `SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner)${
      mixed ? ", CASE c.relkind WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END" : ''
    }${parent ? ', inh.inhparent::regclass::text' : ''}${indexes ? ', c2.oid::regclass::text' : ''}${
      plus ? `${nested ? ', s.dps' : ''}, s.tps, obj_description(c.oid, 'pg_class')` : ''
    }
      FROM pg_class c LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
      ${indexes ? 'LEFT JOIN pg_index i ON i.indexrelid = c.oid LEFT JOIN pg_class c2 ON i.indrelid = c2.oid' : ''}
      ${parent ? 'LEFT JOIN pg_inherits inh ON c.oid = inh.inhrelid' : ''}${
        plus
          ? `, LATERAL (SELECT pg_size_pretty(sum(CASE WHEN ppt.isleaf AND ppt.level = 1 THEN pg_table_size(ppt.relid) ELSE 0 END)) AS dps,
          pg_size_pretty(sum(pg_table_size(ppt.relid))) AS tps FROM pg_partition_tree(c.oid) ppt) s`
          : ''
      }
      WHERE c.relkind IN (${[tables ? "'p'" : '', indexes ? "'I'" : ''].filter((x) => x).join(', ')})${parent ? '' : ' AND NOT c.relispartition'}${system ? '' : ` AND ${NOT_SYSTEM('n.nspname')} AND n.nspname !~ '^pg_toast'`}
      ORDER BY 1, ${mixed ? '4 DESC, ' : ''}${parent ? `${mixed ? 5 : 4} NULLS FIRST, ` : ''}2`,
  };
}

/** psql's \\df[anptw]: only aggregates, normal functions, procedures, trigger functions, window functions (none: all). */
function functionKinds(letters: string): string {
  const want = (c: string) => letters.includes(c);
  if (!'anptw'.split('').some(want) || 'anptw'.split('').every(want)) return '';
  if (want('n')) {
    return [
      want('a') ? '' : " AND p.prokind <> 'a'",
      want('p') ? '' : " AND p.prokind <> 'p'",
      want('t') ? '' : " AND p.prorettype <> 'pg_catalog.trigger'::pg_catalog.regtype",
      want('w') ? '' : " AND p.prokind <> 'w'",
    ].join('');
  }
  const any = [
    want('a') ? "p.prokind = 'a'" : '',
    want('t') ? "p.prorettype = 'pg_catalog.trigger'::pg_catalog.regtype" : '',
    want('p') ? "p.prokind = 'p'" : '',
    want('w') ? "p.prokind = 'w'" : '',
  ].filter((x) => x);
  return ` AND (${any.join(' OR ')})`;
}

export const PSQL_LISTS: readonly PsqlList[] = Object.freeze([
  {
    name: '\\db',
    parts: 1,
    summary: 'list tablespaces',
    title: 'List of tablespaces',
    columns: ['Name', 'Owner', 'Location'],
    plusColumns: ['Name', 'Owner', 'Location', 'Access privileges', 'Options', 'Size', 'Description'],
    match: 'name',
    sql: (plus) => `SELECT spcname, pg_get_userbyid(spcowner), pg_tablespace_location(oid)${
      plus ? `, ${acl('spcacl')}, spcoptions::text, pg_size_pretty(pg_tablespace_size(oid)), shobj_description(oid, 'pg_tablespace')` : ''
    } FROM pg_tablespace ORDER BY 1`,
  },
  {
    name: '\\dL',
    parts: 2,
    summary: 'list procedural languages',
    title: 'List of languages',
    columns: ['Name', 'Owner', 'Trusted', 'Description'],
    plusColumns: ['Name', 'Owner', 'Trusted', 'Internal language', 'Call handler', 'Validator', 'Inline handler', 'Access privileges', 'Description'],
    match: 'name',
    systemWithPattern: true,
    sql: (plus, system) => `SELECT l.lanname, pg_get_userbyid(l.lanowner), l.lanpltrusted${
      plus
        ? `, NOT l.lanispl, l.lanplcallfoid::regprocedure::text, l.lanvalidator::regprocedure::text, l.laninline::regprocedure::text, ${acl('l.lanacl')}`
        : ''
    }, d.description FROM pg_language l LEFT JOIN pg_description d ON d.classoid = l.tableoid AND d.objoid = l.oid AND d.objsubid = 0${
      system ? '' : ' WHERE l.lanplcallfoid <> 0'
    } ORDER BY 1`,
  },
  {
    name: '\\dA',
    parts: 1,
    summary: 'list access methods',
    title: 'List of access methods',
    columns: ['Name', 'Type'],
    plusColumns: ['Name', 'Type', 'Handler', 'Description'],
    match: 'name',
    sql: (plus) => `SELECT amname, CASE amtype WHEN 'i' THEN 'Index' WHEN 't' THEN 'Table' END${
      plus ? `, amhandler::text, obj_description(oid, 'pg_am')` : ''
    } FROM pg_am ORDER BY 1`,
  },
  {
    name: '\\dAc',
    parts: 1,
    summary: 'list operator classes',
    title: 'List of operator classes',
    columns: ['AM', 'Input type', 'Storage type', 'Operator class', 'Default?'],
    plusColumns: ['AM', 'Input type', 'Storage type', 'Operator class', 'Default?', 'Operator family', 'Owner'],
    match: 'name',
    argTypes: { max: 1, spellings: false, hidden: 1, matches: (r, [t]) => typeMatches(String(r[r.length - 1] ?? ''), t as Exclude<TypeTest, '-'>) },
    sql: (plus, _system, _server, typed) => `SELECT am.amname, format_type(c.opcintype, NULL),
        CASE WHEN c.opckeytype <> 0 AND c.opckeytype <> c.opcintype THEN format_type(c.opckeytype, NULL) END,
        ${visibleName('c.opcname', 'n.nspname', 'pg_opclass_is_visible(c.oid)')}, CASE WHEN c.opcdefault THEN 'yes' ELSE 'no' END${
          plus ? `, ${visibleName('f.opfname', 'fn.nspname', 'pg_opfamily_is_visible(f.oid)')}, pg_get_userbyid(c.opcowner)` : ''
        }${typed ? `, ${typeInfo('c.opcintype')}` : ''}
      FROM pg_opclass c JOIN pg_am am ON am.oid = c.opcmethod JOIN pg_namespace n ON n.oid = c.opcnamespace
      JOIN pg_opfamily f ON f.oid = c.opcfamily JOIN pg_namespace fn ON fn.oid = f.opfnamespace
      ORDER BY 1, 2, 4`,
  },
  {
    name: '\\dAf',
    parts: 1,
    summary: 'list operator families',
    title: 'List of operator families',
    columns: ['AM', 'Operator family', 'Applicable types'],
    plusColumns: ['AM', 'Operator family', 'Applicable types', 'Owner'],
    match: 'name',
    // a family of an operator class of that type
    argTypes: { max: 1, spellings: false, hidden: 1, matches: (r, [t]) => String(r[r.length - 1] ?? '').split('\x02').some((i) => typeMatches(i, t as Exclude<TypeTest, '-'>)) },
    sql: (plus, _system, _server, typed) => `SELECT am.amname, ${visibleName('f.opfname', 'n.nspname', 'pg_opfamily_is_visible(f.oid)')},
        (SELECT string_agg(format_type(oc.opcintype, NULL), ', ') FROM pg_opclass oc WHERE oc.opcfamily = f.oid)${
          plus ? ', pg_get_userbyid(f.opfowner)' : ''
        }${typed ? `, (SELECT string_agg(${typeInfo('oc.opcintype')}, chr(2)) FROM pg_opclass oc WHERE oc.opcfamily = f.oid)` : ''}
      FROM pg_opfamily f JOIN pg_am am ON am.oid = f.opfmethod JOIN pg_namespace n ON n.oid = f.opfnamespace
      ORDER BY 1, 2`,
  },
  {
    name: '\\dAo',
    parts: 1,
    summary: 'list operators of operator families',
    title: 'List of operators of operator families',
    columns: ['AM', 'Operator family', 'Operator', 'Strategy', 'Purpose'],
    plusColumns: ['AM', 'Operator family', 'Operator', 'Strategy', 'Purpose', 'Sort opfamily'],
    numeric: ['Strategy'],
    match: 'name',
    argTypes: FAMILY_NAME,
    sql: (plus, _system, _server, typed) => `SELECT am.amname, ${visibleName('f.opfname', 'n.nspname', 'pg_opfamily_is_visible(f.oid)')},
        o.amopopr::regoperator::text, o.amopstrategy, CASE o.amoppurpose WHEN 's' THEN 'search' WHEN 'o' THEN 'ordering' END${
          plus ? `, CASE WHEN o.amopsortfamily <> 0 THEN ${visibleName('sf.opfname', 'sfn.nspname', 'pg_opfamily_is_visible(sf.oid)')} END` : ''
        }${typed ? `, ${familyInfo}` : ''}
      FROM pg_amop o JOIN pg_opfamily f ON f.oid = o.amopfamily JOIN pg_am am ON am.oid = f.opfmethod JOIN pg_namespace n ON n.oid = f.opfnamespace
      LEFT JOIN pg_opfamily sf ON sf.oid = o.amopsortfamily LEFT JOIN pg_namespace sfn ON sfn.oid = sf.opfnamespace
      ORDER BY 1, 2, o.amoplefttype = o.amoprighttype DESC, format_type(o.amoplefttype, NULL), format_type(o.amoprighttype, NULL), o.amopstrategy`,
  },
  {
    name: '\\dAp',
    parts: 1,
    summary: 'list support functions of operator families',
    title: 'List of support functions of operator families',
    columns: ['AM', 'Operator family', 'Registered left type', 'Registered right type', 'Number', 'Function'],
    plusColumns: ['AM', 'Operator family', 'Registered left type', 'Registered right type', 'Number', 'Function'],
    numeric: ['Number'],
    match: 'name',
    argTypes: FAMILY_NAME,
    // the function's name; with + its signature
    sql: (plus, _system, _server, typed) => `SELECT am.amname, ${visibleName('f.opfname', 'n.nspname', 'pg_opfamily_is_visible(f.oid)')},
        format_type(ap.amproclefttype, NULL), format_type(ap.amprocrighttype, NULL), ap.amprocnum, ${plus ? 'ap.amproc::regprocedure::text' : 'p.proname'}${
          typed ? `, ${familyInfo}` : ''
        }
      FROM pg_amproc ap JOIN pg_opfamily f ON f.oid = ap.amprocfamily JOIN pg_am am ON am.oid = f.opfmethod JOIN pg_namespace n ON n.oid = f.opfnamespace
      JOIN pg_proc p ON p.oid = ap.amproc
      ORDER BY 1, 2, ap.amproclefttype = ap.amprocrighttype DESC, 3, 4, 5`,
  },
  {
    name: '\\dy',
    parts: 1,
    summary: 'list event triggers',
    title: 'List of event triggers',
    columns: ['Name', 'Event', 'Owner', 'Enabled', 'Function', 'Tags'],
    plusColumns: ['Name', 'Event', 'Owner', 'Enabled', 'Function', 'Tags', 'Description'],
    match: 'name',
    sql: (plus) => `SELECT evtname, evtevent, pg_get_userbyid(e.evtowner),
        CASE evtenabled WHEN 'O' THEN 'enabled' WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' WHEN 'D' THEN 'disabled' END,
        e.evtfoid::regproc::text, array_to_string(ARRAY(SELECT x FROM unnest(evttags) AS t(x)), ', ')${
          plus ? `, obj_description(e.oid, 'pg_event_trigger')` : ''
        } FROM pg_event_trigger e ORDER BY 1`,
  },
  {
    name: '\\dO',
    summary: 'list collations',
    title: 'List of collations',
    columns: ['Schema', 'Name', 'Collate', 'Ctype', 'ICU Locale', 'Provider', 'Deterministic?'],
    plusColumns: ['Schema', 'Name', 'Collate', 'Ctype', 'ICU Locale', 'Provider', 'Deterministic?', 'Description'],
    match: 'schema',
    visibleLast: true,
    systemWithPattern: true,
    sql: (plus, system) => `SELECT n.nspname, c.collname, c.collcollate, c.collctype,
        to_jsonb(c) ->> 'colliculocale', CASE c.collprovider WHEN 'd' THEN 'default' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END,
        CASE WHEN c.collisdeterministic THEN 'yes' ELSE 'no' END${plus ? `, obj_description(c.oid, 'pg_collation')` : ''}, pg_collation_is_visible(c.oid)::text
      FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
      WHERE c.collencoding IN (-1, pg_char_to_encoding(getdatabaseencoding()))${system ? '' : ` AND ${NOT_SYSTEM('n.nspname')}`}
      ORDER BY 1, 2`,
  },
  {
    name: '\\da',
    summary: 'list aggregate functions',
    title: 'List of aggregate functions',
    columns: ['Schema', 'Name', 'Result data type', 'Argument data types', 'Description'],
    match: 'schema',
    visibleLast: true,
    systemWithPattern: true,
    sql: (_plus, system) => `SELECT n.nspname, p.proname, format_type(p.prorettype, NULL),
        CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END, obj_description(p.oid, 'pg_proc'), pg_function_is_visible(p.oid)::text
      FROM pg_proc p LEFT JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE p.prokind = 'a'${system ? '' : ` AND ${NOT_SYSTEM('n.nspname')}`} ORDER BY 1, 2, 4`,
  },
  {
    name: '\\dc',
    summary: 'list conversions',
    title: 'List of conversions',
    columns: ['Schema', 'Name', 'Source', 'Destination', 'Default?'],
    plusColumns: ['Schema', 'Name', 'Source', 'Destination', 'Default?', 'Description'],
    match: 'schema',
    visibleLast: true,
    systemWithPattern: true,
    sql: (plus, system) => `SELECT n.nspname, c.conname, pg_encoding_to_char(c.conforencoding), pg_encoding_to_char(c.contoencoding),
        CASE WHEN c.condefault THEN 'yes' ELSE 'no' END${plus ? `, obj_description(c.oid, 'pg_conversion')` : ''}, pg_conversion_is_visible(c.oid)::text
      FROM pg_conversion c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE true${system ? '' : ` AND ${NOT_SYSTEM('n.nspname')}`} ORDER BY 1, 2`,
  },
  {
    name: '\\dX',
    summary: 'list extended statistics',
    title: 'List of extended statistics',
    columns: ['Schema', 'Name', 'Definition', 'Ndistinct', 'Dependencies', 'MCV'],
    match: 'schema',
    visibleLast: true,
    sql: () => `SELECT es.stxnamespace::regnamespace::text, es.stxname,
        pg_get_statisticsobjdef_columns(es.oid) || ' FROM ' || es.stxrelid::regclass::text,
        CASE WHEN 'd' = ANY (es.stxkind) THEN 'defined' END, CASE WHEN 'f' = ANY (es.stxkind) THEN 'defined' END,
        CASE WHEN 'm' = ANY (es.stxkind) THEN 'defined' END, pg_statistics_obj_is_visible(es.oid)::text
      FROM pg_statistic_ext es ORDER BY 1, 2`,
  },
  {
    name: '\\do',
    summary: 'list operators',
    title: 'List of operators',
    columns: ['Schema', 'Name', 'Left arg type', 'Right arg type', 'Result type', 'Description'],
    plusColumns: ['Schema', 'Name', 'Left arg type', 'Right arg type', 'Result type', 'Function', 'Description'],
    match: 'schema',
    visibleLast: true,
    systemWithPattern: true,
    argTypes: OPERATOR_ARG_TYPES,
    sql: (plus, system, _server, typed) => `SELECT n.nspname, o.oprname,
        CASE WHEN o.oprkind = 'l' THEN NULL ELSE format_type(o.oprleft, NULL) END,
        CASE WHEN o.oprkind = 'r' THEN NULL ELSE format_type(o.oprright, NULL) END,
        format_type(o.oprresult, NULL)${plus ? ', o.oprcode::text' : ''},
        coalesce(obj_description(o.oid, 'pg_operator'), obj_description(o.oprcode, 'pg_proc'))${typed ? `,
        ${typeInfo('o.oprleft')}, ${typeInfo('o.oprright')}` : ''}, pg_operator_is_visible(o.oid)::text
      FROM pg_operator o LEFT JOIN pg_namespace n ON n.oid = o.oprnamespace
      ${system ? '' : `WHERE ${NOT_SYSTEM('n.nspname')}`} ORDER BY 1, 2, 3, 4`,
  },
  {
    name: '\\dC',
    summary: 'list casts',
    title: 'List of casts',
    columns: ['Source type', 'Target type', 'Function', 'Implicit?'],
    plusColumns: ['Source type', 'Target type', 'Function', 'Implicit?', 'Description'],
    match: 'keys',
    hidden: 4,
    keys: (r) => [
      { schema: String(r[r.length - 4] ?? ''), names: [String(r[0] ?? ''), String(r[r.length - 3] ?? '')] },
      { schema: String(r[r.length - 2] ?? ''), names: [String(r[1] ?? ''), String(r[r.length - 1] ?? '')] },
    ],
    sql: (plus) => `SELECT format_type(c.castsource, NULL), format_type(c.casttarget, NULL),
        CASE c.castmethod WHEN 'b' THEN '(binary coercible)' WHEN 'i' THEN '(with inout)' ELSE p.proname END,
        CASE c.castcontext WHEN 'e' THEN 'no' WHEN 'a' THEN 'in assignment' ELSE 'yes' END${plus ? ', d.description' : ''},
        ns.nspname, ts.typname, nt.nspname, tt.typname
      FROM pg_cast c LEFT JOIN pg_proc p ON c.castfunc = p.oid
      LEFT JOIN pg_type ts ON c.castsource = ts.oid LEFT JOIN pg_namespace ns ON ns.oid = ts.typnamespace
      LEFT JOIN pg_type tt ON c.casttarget = tt.oid LEFT JOIN pg_namespace nt ON nt.oid = tt.typnamespace
      LEFT JOIN pg_description d ON d.classoid = c.tableoid AND d.objoid = c.oid AND d.objsubid = 0
      ORDER BY 1, 2`,
  },
  {
    name: '\\dd',
    summary: 'list object descriptions',
    title: 'Object descriptions',
    columns: ['Schema', 'Name', 'Object', 'Description'],
    match: 'schema',
    systemWithPattern: true,
    sql: (_plus, system) => {
      const user = (schema: string) => (system ? '' : ` AND ${NOT_SYSTEM(schema)}`);
      return `SELECT DISTINCT tt.nspname, tt.name, tt.object, d.description FROM (
          SELECT pgc.oid, pgc.tableoid, n.nspname, pgc.conname::text AS name, 'table constraint' AS object
            FROM pg_constraint pgc JOIN pg_class c ON c.oid = pgc.conrelid LEFT JOIN pg_namespace n ON n.oid = c.relnamespace WHERE true${user('n.nspname')}
          UNION ALL SELECT pgc.oid, pgc.tableoid, n.nspname, pgc.conname::text, 'domain constraint'
            FROM pg_constraint pgc JOIN pg_type t ON t.oid = pgc.contypid LEFT JOIN pg_namespace n ON n.oid = t.typnamespace WHERE true${user('n.nspname')}
          UNION ALL SELECT o.oid, o.tableoid, n.nspname, o.opcname::text, 'operator class'
            FROM pg_opclass o JOIN pg_am am ON o.opcmethod = am.oid JOIN pg_namespace n ON n.oid = o.opcnamespace WHERE true${user('n.nspname')}
          UNION ALL SELECT opf.oid, opf.tableoid, n.nspname, opf.opfname::text, 'operator family'
            FROM pg_opfamily opf JOIN pg_am am ON opf.opfmethod = am.oid JOIN pg_namespace n ON opf.opfnamespace = n.oid WHERE true${user('n.nspname')}
          UNION ALL SELECT r.oid, r.tableoid, n.nspname, r.rulename::text, 'rule'
            FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class LEFT JOIN pg_namespace n ON n.oid = c.relnamespace WHERE r.rulename <> '_RETURN'${user('n.nspname')}
          UNION ALL SELECT t.oid, t.tableoid, n.nspname, t.tgname::text, 'trigger'
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid LEFT JOIN pg_namespace n ON n.oid = c.relnamespace WHERE true${user('n.nspname')}
        ) AS tt JOIN pg_description d ON tt.oid = d.objoid AND tt.tableoid = d.classoid AND d.objsubid = 0
        ORDER BY 1, 2, 3`;
    },
  },
  {
    name: '\\drds',
    parts: 1,
    summary: 'list per-role and per-database settings',
    title: 'List of settings',
    columns: ['Role', 'Database', 'Settings'],
    match: 'name',
    empty: 'Did not find any settings.',
    sql: () => `SELECT r.rolname, d.datname, array_to_string(s.setconfig, E'\\n')
      FROM pg_db_role_setting s LEFT JOIN pg_database d ON d.oid = s.setdatabase LEFT JOIN pg_roles r ON r.oid = s.setrole ORDER BY 1, 2`,
  },
  {
    name: '\\ddp',
    summary: 'list default privileges',
    title: 'Default access privileges',
    columns: ['Owner', 'Schema', 'Type', 'Access privileges'],
    match: 'owner-schema',
    sql: () => `SELECT pg_get_userbyid(d.defaclrole), n.nspname,
        CASE d.defaclobjtype WHEN 'r' THEN 'table' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'function' WHEN 'T' THEN 'type' WHEN 'n' THEN 'schema' END,
        ${acl('d.defaclacl')}
      FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace ORDER BY 1, 2, 3`,
  },
  {
    name: '\\dRp',
    parts: 1,
    summary: 'list replication publications',
    title: 'List of publications',
    columns: ['Name', 'Owner', 'All tables', 'Inserts', 'Updates', 'Deletes', 'Truncates', 'Via root'],
    match: 'name',
    sql: () => `SELECT pubname, pg_get_userbyid(pubowner), puballtables, pubinsert, pubupdate, pubdelete, pubtruncate, pubviaroot FROM pg_publication ORDER BY 1`,
  },
  {
    name: '\\dRs',
    parts: 1,
    summary: 'list replication subscriptions',
    title: 'List of subscriptions',
    columns: ['Name', 'Owner', 'Enabled', 'Publication'],
    match: 'name',
    sql: () => `SELECT subname, pg_get_userbyid(subowner), subenabled, subpublications::text FROM pg_subscription
      WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY 1`,
  },
  {
    name: '\\des',
    parts: 1,
    summary: 'list foreign servers',
    title: 'List of foreign servers',
    columns: ['Name', 'Owner', 'Foreign-data wrapper'],
    plusColumns: ['Name', 'Owner', 'Foreign-data wrapper', 'Access privileges', 'Type', 'Version', 'FDW options', 'Description'],
    match: 'name',
    sql: (plus) => `SELECT s.srvname, pg_get_userbyid(s.srvowner), f.fdwname${
      plus ? `, ${acl('s.srvacl')}, s.srvtype, s.srvversion, ${options('s.srvoptions')}, d.description` : ''
    } FROM pg_foreign_server s JOIN pg_foreign_data_wrapper f ON f.oid = s.srvfdw
      LEFT JOIN pg_description d ON d.classoid = s.tableoid AND d.objoid = s.oid AND d.objsubid = 0 ORDER BY 1`,
  },
  {
    name: '\\det',
    summary: 'list foreign tables',
    title: 'List of foreign tables',
    columns: ['Schema', 'Table', 'Server'],
    plusColumns: ['Schema', 'Table', 'Server', 'FDW options', 'Description'],
    match: 'schema',
    sql: (plus) => `SELECT n.nspname, c.relname, s.srvname${plus ? `, ${options('ft.ftoptions')}, d.description` : ''}
      FROM pg_foreign_table ft JOIN pg_class c ON c.oid = ft.ftrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_foreign_server s ON s.oid = ft.ftserver
      LEFT JOIN pg_description d ON d.classoid = c.tableoid AND d.objoid = c.oid AND d.objsubid = 0 ORDER BY 1, 2`,
  },
  {
    name: '\\deu',
    parts: 1,
    summary: 'list user mappings',
    title: 'List of user mappings',
    columns: ['Server', 'User name'],
    plusColumns: ['Server', 'User name', 'FDW options'],
    match: 'name',
    sql: (plus) => `SELECT um.srvname, um.usename${plus ? `, ${options('um.umoptions')}` : ''} FROM pg_user_mappings um ORDER BY 1, 2`,
  },
  {
    name: '\\dew',
    parts: 1,
    summary: 'list foreign-data wrappers',
    title: 'List of foreign-data wrappers',
    columns: ['Name', 'Owner', 'Handler', 'Validator'],
    plusColumns: ['Name', 'Owner', 'Handler', 'Validator', 'Access privileges', 'FDW options', 'Description'],
    match: 'name',
    sql: (plus) => `SELECT fdw.fdwname, pg_get_userbyid(fdw.fdwowner), fdw.fdwhandler::regproc::text, fdw.fdwvalidator::regproc::text${
      plus ? `, ${acl('fdw.fdwacl')}, ${options('fdw.fdwoptions')}, d.description` : ''
    } FROM pg_foreign_data_wrapper fdw LEFT JOIN pg_description d ON d.classoid = fdw.tableoid AND d.objoid = fdw.oid AND d.objsubid = 0 ORDER BY 1`,
  },
  ...(
    [
      ['\\dF', 'list text search configurations', 'List of text search configurations', 'pg_ts_config', 'cfg'],
      ['\\dFd', 'list text search dictionaries', 'List of text search dictionaries', 'pg_ts_dict', 'dict'],
      ['\\dFp', 'list text search parsers', 'List of text search parsers', 'pg_ts_parser', 'prs'],
      ['\\dFt', 'list text search templates', 'List of text search templates', 'pg_ts_template', 'tmpl'],
    ] as const
  ).map(([name, summary, title, table, prefix]): PsqlList => ({
    name,
    summary,
    title,
    columns: ['Schema', 'Name', 'Description'],
    match: 'schema',
    // psql lists these by visibility, not by S: the built-in ones in pg_catalog show
    sql: () => `SELECT n.nspname, x.${prefix}name, obj_description(x.oid, '${table}')
      FROM ${table} x LEFT JOIN pg_namespace n ON n.oid = x.${prefix}namespace ORDER BY 1, 2`,
  })),
  {
    name: '\\dP',
    summary: 'list partitioned tables and indexes',
    title: 'List of partitioned relations',
    columns: ['Schema', 'Name', 'Owner', 'Type', 'Table'],
    plusColumns: ['Schema', 'Name', 'Owner', 'Type', 'Table', 'Total size', 'Description'],
    match: 'schema',
    systemWithPattern: true,
    letters: 'itn',
    forLetters: partitionedList,
    sql: (plus, system) => `SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner),
        CASE c.relkind WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END, c2.relname${
          plus ? `, (SELECT pg_size_pretty(sum(pg_table_size(ppt.relid))) FROM pg_partition_tree(c.oid) ppt), obj_description(c.oid, 'pg_class')` : ''
        }
      FROM pg_class c LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_index i ON i.indexrelid = c.oid LEFT JOIN pg_class c2 ON i.indrelid = c2.oid
      WHERE c.relkind IN ('p', 'I') AND NOT c.relispartition${system ? '' : ` AND ${NOT_SYSTEM('n.nspname')}`}
      ORDER BY 1, 4 DESC, 2`,
  },
  {
    name: '\\lo_list',
    aliases: ['\\dl'],
    summary: 'list large objects',
    title: 'Large objects',
    columns: ['ID', 'Owner', 'Description'],
    plusColumns: ['ID', 'Owner', 'Access privileges', 'Description'],
    match: 'name',
    sql: (plus) => `SELECT oid, pg_get_userbyid(lomowner)${plus ? `, ${acl('lomacl')}` : ''}, obj_description(oid, 'pg_largeobject')
      FROM pg_largeobject_metadata ORDER BY 1`,
  },
]);

/** psql's \\df query; `kinds`: its filter on the kind of function (\\dfa ...), an AND clause or ''. */
const PSQL_DF_SQL = (plus: boolean, system: boolean, kinds: string, sqlBody = false, typed = false): string => `SELECT n.nspname, p.proname, pg_get_function_result(p.oid), pg_get_function_arguments(p.oid),
        CASE p.prokind WHEN 'a' THEN 'agg' WHEN 'w' THEN 'window' WHEN 'p' THEN 'proc' ELSE 'func' END${
          plus
            ? `, CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' WHEN 'v' THEN 'volatile' END,
        CASE p.proparallel WHEN 'r' THEN 'restricted' WHEN 's' THEN 'safe' WHEN 'u' THEN 'unsafe' END, pg_get_userbyid(p.proowner),
        CASE WHEN p.prosecdef THEN 'definer' ELSE 'invoker' END, ${acl('p.proacl')}, l.lanname,
        ${sqlBody ? 'CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid) ELSE p.prosrc END' : 'p.prosrc'}, obj_description(p.oid, 'pg_proc')`
            : ''
        }${typed ? `, p.pronargs, array_to_string(ARRAY(SELECT ${typeInfo('p.proargtypes[i]')} FROM generate_series(0, p.pronargs - 1) i ORDER BY i), chr(2))` : ''}, pg_function_is_visible(p.oid)::text
      FROM pg_proc p LEFT JOIN pg_namespace n ON n.oid = p.pronamespace LEFT JOIN pg_language l ON l.oid = p.prolang
      WHERE true${system ? '' : ` AND ${NOT_SYSTEM('n.nspname')}`}${kinds} ORDER BY 1, 2, 4`;

/**
 * psql's own forms of lists sqlsh has on every engine (\df, \dT, \di, \dn): on PostgreSQL these run
 * instead, for psql's + columns and its rule that a pattern finds system objects too.
 */
export const PSQL_LIST_FORMS: Readonly<Record<string, PsqlList>> = Object.freeze({
  '\\df': {
    name: '\\df',
    summary: 'list functions',
    title: 'List of functions',
    columns: ['Schema', 'Name', 'Result data type', 'Argument data types', 'Type'],
    plusColumns: ['Schema', 'Name', 'Result data type', 'Argument data types', 'Type', 'Volatility', 'Parallel', 'Owner', 'Security', 'Access privileges', 'Language', 'Source code', 'Description'],
    match: 'schema',
    systemWithPattern: true,
    visibleLast: true,
    letters: 'anptw',
    argTypes: FUNCTION_ARG_TYPES,
    forLetters: (letters) => ({ sql: (plus, system, server, typed) => PSQL_DF_SQL(plus, system, functionKinds(letters), server?.sqlBody, typed) }),
    sql: (plus, system, server, typed) => PSQL_DF_SQL(plus, system, '', server?.sqlBody, typed),
  },

  '\\dT': {
    name: '\\dT',
    summary: 'list data types',
    title: 'List of data types',
    columns: ['Schema', 'Name', 'Description'],
    plusColumns: ['Schema', 'Name', 'Internal name', 'Size', 'Elements', 'Owner', 'Access privileges', 'Description'],
    match: 'schema',
    systemWithPattern: true,
    altName: true,
    visibleLast: true,
    sql: (plus, system) => `SELECT n.nspname, format_type(t.oid, NULL)${
      plus
        ? `, t.typname, CASE WHEN t.typrelid <> 0 THEN 'tuple' WHEN t.typlen < 0 THEN 'var' ELSE t.typlen::text END,
        array_to_string(ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder), E'\\n'),
        pg_get_userbyid(t.typowner), ${acl('t.typacl')}`
        : ''
    }, obj_description(t.oid, 'pg_type'), t.typname, pg_type_is_visible(t.oid)::text
      FROM pg_type t LEFT JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE (t.typrelid = 0 OR (SELECT c.relkind = 'c' FROM pg_class c WHERE c.oid = t.typrelid))
        AND NOT EXISTS (SELECT 1 FROM pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid)${system ? '' : ` AND ${NOT_SYSTEM('n.nspname')}`}
      ORDER BY 1, 2`,
  },
  '\\di': {
    name: '\\di',
    summary: 'list indexes',
    title: 'List of relations',
    columns: ['Schema', 'Name', 'Type', 'Owner', 'Table'],
    plusColumns: ['Schema', 'Name', 'Type', 'Owner', 'Table', 'Persistence', 'Access method', 'Size', 'Description'],
    match: 'schema',
    systemWithPattern: true,
    classNames: true,
    empty: (pattern) => (pattern === undefined ? 'Did not find any relations.' : `Did not find any relation named "${pattern}".`),
    sql: (plus, system) => `SELECT n.nspname, c.relname, CASE c.relkind WHEN 'i' THEN 'index' WHEN 'I' THEN 'partitioned index' END,
        pg_get_userbyid(c.relowner), c2.relname${
          plus
            ? `, CASE c.relpersistence WHEN 'p' THEN 'permanent' WHEN 't' THEN 'temporary' WHEN 'u' THEN 'unlogged' END, am.amname,
        pg_size_pretty(pg_table_size(c.oid)), obj_description(c.oid, 'pg_class')`
            : ''
        }
      FROM pg_class c LEFT JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_am am ON am.oid = c.relam
      LEFT JOIN pg_index i ON i.indexrelid = c.oid LEFT JOIN pg_class c2 ON i.indrelid = c2.oid
      WHERE c.relkind IN ('i', 'I') AND n.nspname !~ '^pg_toast'${system ? '' : ` AND ${NOT_SYSTEM('n.nspname')}`}
      ORDER BY 1, 2`,
  },
  '\\dn': {
    name: '\\dn',
    parts: 2,
    summary: 'list schemas',
    title: 'List of schemas',
    columns: ['Name', 'Owner'],
    plusColumns: ['Name', 'Owner', 'Access privileges', 'Description'],
    match: 'name',
    systemWithPattern: true,
    sql: (plus, system) => `SELECT n.nspname, pg_get_userbyid(n.nspowner)${plus ? `, ${acl('n.nspacl')}, obj_description(n.oid, 'pg_namespace')` : ''}
      FROM pg_namespace n ${system ? '' : `WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'`} ORDER BY 1`,
  },
});

/** Runs one list: its query, PATTERN as psql matches it, psql's title and columns. */
export async function runPsqlList(given: PsqlList, src: DescribeSource, pattern: string | undefined, letters = '', argTypes: readonly string[] = []): Promise<MetaOutcome> {
  const list: PsqlList = given.forLetters ? { ...given, ...given.forLetters(letters, pattern) } : given;
  const plus = src.plus && list.plusColumns !== undefined;
  const system = src.system || (list.systemWithPattern === true && pattern !== undefined);
  // \\df+ shows a BEGIN ATOMIC body as psql does, where the server has them (PostgreSQL 14+)
  const sqlBody = plus && list.name === '\\df'
    ? await src.q("SELECT 1 FROM pg_attribute WHERE attrelid = 'pg_proc'::regclass AND attname = 'prosqlbody'").then((r) => r.length > 0, () => false)
    : false;
  // argument type patterns: the types' own names, each as a pattern of up to three parts, as psql's
  const typed = list.argTypes !== undefined && argTypes.length > 0;
  const tests: TypeTest[] = typed
    ? argTypes.map((w) => {
      const t = list.argTypes!.spellings ? typePattern(w) : w;
      return t === '-' && list.argTypes!.spellings ? t : compileNamePattern(t, src.database === undefined ? undefined : { maxParts: 3, database: src.database });
    })
    : [];
  let rows = (await src.q(list.sql(plus, system, { sqlBody }, typed))).filter(psqlFilter(list, src, pattern));
  if (list.visibleLast) rows = rows.map((r) => r.slice(0, -1));
  if (typed) rows = rows.filter((r) => list.argTypes!.matches(r, tests)).map((r) => r.slice(0, -list.argTypes!.hidden));
  const hidden = list.altName ? 1 : (list.hidden ?? 0);
  if (hidden > 0) rows = rows.map((r) => r.slice(0, -hidden));
  if (rows.length === 0 && list.empty) return { type: 'message', text: typeof list.empty === 'string' ? list.empty : list.empty(pattern), psqlError: true };
  let names = plus ? list.plusColumns! : list.columns;
  // psql's HIDE_TABLEAM: no Access method column
  const am = src.hideTableAm ? names.indexOf('Access method') : -1;
  if (am >= 0) {
    names = names.filter((_, i) => i !== am);
    rows = rows.map((r) => r.filter((_, i) => i !== am));
  }
  const columns = names.map((name) => ({ name, type: name === 'ID' ? 'oid' : list.numeric?.includes(name) ? 'int4' : 'text' }));
  return { type: 'tables', tables: [{ title: list.title, columns, rows, rowCount: true }] };
}

/**
 * psql's rule for a list's PATTERN: a schema in the pattern matches the schema, else the object
 * must be visible (its schema on the search path), with or without a pattern; a name pattern
 * matches the name (\ddp: the schema or the owner).
 */
function psqlFilter(list: PsqlList, src: DescribeSource, pattern: string | undefined): (row: Row) => boolean {
  const p = pattern === undefined ? undefined : compileNamePattern(pattern, src.database === undefined ? undefined : { maxParts: list.parts ?? 3, database: src.database });
  const search = src.catalog.data.searchPath.map((x) => x.toLowerCase());
  const cell = (r: Row, i: number) => String(r[i] ?? '');
  switch (list.match) {
    case 'name':
      return (r) => !p || p.name.test(cell(r, 0));
    case 'owner-schema':
      return (r) => !p || p.name.test(cell(r, 1)) || p.name.test(cell(r, 0));
    case 'schema':
      return (r) => {
        const visibility = list.visibleLast ? 1 : 0;
        const name = (n: RegExp) => n.test(cell(r, 1)) || (list.altName === true && n.test(cell(r, r.length - 1 - visibility)));
        if (p?.schema) return p.schema.test(cell(r, 0)) && name(p.name);
        if (p && !name(p.name)) return false;
        if (list.visibleLast) return cell(r, r.length - 1) === 'true';
        if (list.classNames) return search.includes(cell(r, 0).toLowerCase()) && (firstInPath(src.catalog).get(cell(r, 1)) ?? cell(r, 0)) === cell(r, 0);
        return search.length === 0 || search.includes(cell(r, 0).toLowerCase());
      };
    case 'keys':
      return (r) =>
        list.keys!(r).some((k) => {
          if (p?.schema) return p.schema.test(k.schema) && k.names.some((n) => p.name.test(n));
          if (p && !k.names.some((n) => p.name.test(n))) return false;
          return search.length === 0 || search.includes(k.schema.toLowerCase());
        });
  }
}
