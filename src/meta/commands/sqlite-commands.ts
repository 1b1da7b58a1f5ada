/**
 * `\schema [PATTERN]`: the CREATE statements of a SQLite database as sqlite3's `.schema` prints them
 * (sqlite3 scripts' `.schema` maps here), compared with the sqlite3 3.40 binary:
 * - every schema (main, temp, attached) in order, rows in sqlite_schema order, `;` after each;
 * - PATTERN matches the table a row belongs to (an index or trigger comes with its table), as
 *   `lower(tbl_name) LIKE pattern` (GLOB when it holds `*`, `?` or `[`); `db.name` matches with the schema;
 * - a table whose name is quoted is written `CREATE TABLE IF NOT EXISTS "..."` (sqlite3 does so for .dump);
 * - a view or virtual table is followed by `/* name(col,...) *\/` (its columns);
 * - a statement ending in a comment gets the line break or `*\/` it needs before its `;`;
 * - another schema's name is put into its statements (`CREATE TABLE temp.t ...`);
 * - `--nosys` leaves out sqlite_ tables. Not done: `--indent`, and the eponymous virtual tables
 *   (pragma_...) sqlite3 also lists when a pattern matches them.
 */
import type { Row } from '../../core/result.js';
import type { MetaCommand, MetaContext, MetaOutcome } from '../meta-command.js';
import { fail, ok } from '../meta-command.js';
import { splitStatements } from '../../sql/splitter.js';
import { SQLITE_KEYWORDS, sqliteDialect } from '../../sql/dialects/sqlite.js';
import { sqlite3Name, sqlite3Quoted } from '../../output/sqlite3-values.js';

/** One query's rows; `typed`: as the sqlite3 shell needs them (INTEGER as bigint, REAL a number: ExecuteOptions.sqlite3Values). */
async function rows(ctx: MetaContext, sql: string, typed = false): Promise<Row[]> {
  const out: Row[] = [];
  for await (const ev of ctx.session.connection.execute(sql, { ...(typed ? { sqlite3Values: true } : {}), ...(ctx.opts.signal ? { signal: ctx.opts.signal } : {}) })) if (ev.type === 'rows') out.push(...ev.rows);
  return out;
}

const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** sqlite3's quoteChar (output/sqlite3-values.ts) with SQLite's own keywords. */
const quoted = (name: string): string => sqlite3Name(name, SQLITE_KEYWORDS);

const PREFIXES = ['TABLE', 'INDEX', 'UNIQUE INDEX', 'VIEW', 'TRIGGER', 'VIRTUAL TABLE'];

/** sqlite3's shell_add_schema: the schema's name put after CREATE <kind> for a schema other than main. */
function withSchema(sql: string, schema: string): string {
  if (schema === 'main' || !sql.startsWith('CREATE ')) return sql;
  for (const p of PREFIXES) {
    if (sql.startsWith(`CREATE ${p} `)) {
      const q = schema.toLowerCase() !== 'temp' && quoted(schema) !== schema ? ident(schema) : schema;
      return `CREATE ${p} ${q}.${sql.slice(8 + p.length)}`;
    }
  }
  return sql;
}

/** sqlite3's printSchemaLine: the statement and its `;`, with what a trailing comment needs before it. */
function schemaLine(sql: string): string {
  let z = sql;
  if (z.includes('/*') || z.includes('--')) {
    for (const term of ['', '*/', '\n']) {
      const sts = splitStatements(`${z}${term};`, sqliteDialect.lex);
      const last = sts[sts.length - 1];
      if (last && last.complete && !last.openToken && last.terminator === ';' && last.segmentEnd === z.length + term.length + 1) {
        z += term;
        break;
      }
    }
  }
  if (/^CREATE TABLE ['"]/.test(z)) return `CREATE TABLE IF NOT EXISTS ${z.slice(13)};\n`;
  return `${z};\n`;
}

const schema: MetaCommand = {
  name: '\\schema',
  group: 'Informational',
  syntax: '\\schema [--nosys] [PATTERN]',
  summary: "SQLite: the CREATE statements, as sqlite3's .schema",
  args: { min: 0, max: 2, kinds: ['pattern'] },
  run: (ctx, args) => writeSchema(ctx, args.words.map(unquoted)),
};

/** A word's double quotes, as psql's argument reader keeps them, taken off: the pattern as written. */
const unquoted = (w: string): string => w.replace(/^"(.*)"$/, '$1');

/** `.schema` / `\\schema`: `words` as written (--nosys, the pattern). */
export async function writeSchema(ctx: MetaContext, args: readonly string[]): Promise<MetaOutcome> {
  if (ctx.session.dialect.id !== 'sqlite') return fail('\\schema (sqlite3\'s .schema) reads a SQLite database: use \\d NAME here');
  const words = [...args];
  const nosys = words[0] === '--nosys';
  if (nosys) words.shift();
  if (words.some((w) => w.startsWith('--')) || words.length > 1) return fail('usage: \\schema [--nosys] [PATTERN] (sqlite3\'s --indent is not supported)');
  const pattern = words[0];
  const dbs = (await rows(ctx, 'select name from pragma_database_list')).map((r) => String(r[0]));
  const union = dbs
    .map((db, i) => `select sql, type, tbl_name, name, rowid, ${i + 1} as snum, ${literal(db)} as sname from ${ident(db)}.sqlite_schema`)
    .join(' union all ');
  const glob = pattern !== undefined && /[*?[]/.test(pattern);
  const where = [
    ...(pattern !== undefined
      ? [`${pattern.includes('.') ? "lower(printf('%s.%s', sname, tbl_name))" : 'lower(tbl_name)'} ${glob ? 'glob' : 'like'} ${literal(pattern)}${glob ? '' : " escape '\\'"}`]
      : []),
    ...(nosys ? ["name not like 'sqlite_%'"] : []),
    "type != 'meta'",
    'sql is not null',
  ].join(' and ');
  let text = '';
  for (const [sql, type, , name, , , sname] of await rows(ctx, `select * from (${union}) where ${where} order by snum, rowid`)) {
    let z = withSchema(String(sql), String(sname));
    if (type === 'view' || (type === 'table' && /^CREATE VIRTUAL TABLE /i.test(String(sql)))) {
      const cols = await rows(ctx, `select name from pragma_table_info(${literal(String(name))}, ${literal(String(sname))})`);
      const db = String(sname);
      const prefix = db === 'main' ? '' : `${db.toLowerCase() === 'temp' ? db : quoted(db)}.`;
      if (cols.length > 0) z += `\n/* ${prefix}${quoted(String(name))}(${cols.map((c) => quoted(String(c[0] ?? ''))).join(',')}) */`;
    }
    text += schemaLine(z);
  }
  if (text !== '') await ctx.session.out.write(text);
  return ok;
}

/**
 * sqlite3's `.fullschema`: the CREATE statements of main and temp as stored (no system tables, no column lists
 * of views), in the order they were made, then the statistics ANALYZE keeps, as statements that put them back
 * (or a comment that there are none), as sqlite3 3.40 writes them.
 */
export async function writeFullSchema(ctx: MetaContext): Promise<MetaOutcome> {
  const both = "select sql, type, name, rowid as x, 0 as db from main.sqlite_schema union all select sql, type, name, rowid, 1 from temp.sqlite_schema";
  let text = '';
  for (const [sql] of await rows(ctx, `select sql from (${both}) where type != 'meta' and sql notnull and name not like 'sqlite_%' order by x, db`)) text += `${String(sql)};\n`;
  const stats = (await rows(ctx, "select name from main.sqlite_schema where name in ('sqlite_stat1', 'sqlite_stat4') order by name")).map((r) => String(r[0]));
  if (stats.length === 0) text += '/* No STAT tables available */\n';
  else {
    text += 'ANALYZE sqlite_schema;\n';
    if (stats.includes('sqlite_stat1')) {
      for (const [line] of await rows(ctx, "select 'INSERT INTO sqlite_stat1 VALUES(' || quote(tbl) || ',' || quote(idx) || ',' || quote(stat) || ');' from sqlite_stat1")) text += `${String(line)}\n`;
    }
    if (stats.includes('sqlite_stat4')) {
      for (const [line] of await rows(ctx, "select 'INSERT INTO sqlite_stat4 VALUES(' || quote(tbl) || ',' || quote(idx) || ',' || quote(neq) || ',' || quote(nlt) || ',' || quote(ndlt) || ',' || quote(sample) || ');' from sqlite_stat4")) text += `${String(line)}\n`;
    }
    text += 'ANALYZE sqlite_schema;\n';
  }
  await ctx.session.out.write(text);
  return ok;
}

/**
 * `\\dump [PATTERN]`: the database as SQL text, as sqlite3 3.40's `.dump` writes it (sqlite3 scripts'
 * `.dump` maps here): PRAGMA foreign_keys=OFF and a transaction around each table's CREATE and its rows
 * as `INSERT INTO t VALUES(...)` (values as `.mode insert` writes them), sqlite_sequence's rows, then
 * the indexes, triggers and views. PATTERN (LIKE) picks the tables and other objects by name. Not done:
 * virtual tables' rows, --preserve-rowids, --data-only, --nosys.
 */
const dump: MetaCommand = {
  name: '\\dump',
  group: 'Informational',
  syntax: '\\dump [--preserve-rowids] [--data-only] [--nosys] [--newlines] [PATTERN ...]',
  summary: "SQLite: the database as SQL, as sqlite3's .dump",
  args: { min: 0, max: Infinity, kinds: ['pattern'] },
  run: async (ctx, args) => {
    const o = dumpOptions(args.words.map(unquoted));
    return 'error' in o ? fail(o.error) : writeDump(ctx, o.patterns, o.options);
  },
};

/** `.dump`'s words: its options (one dash or two) and its patterns; an unknown option is sqlite3's error. */
export function dumpOptions(words: readonly string[]): { readonly patterns: readonly string[]; readonly options: DumpOptions } | { readonly error: string } {
  const patterns: string[] = [];
  const options: { -readonly [K in keyof DumpOptions]: DumpOptions[K] } = {};
  for (const w of words) {
    if (!w.startsWith('-')) {
      patterns.push(w);
      continue;
    }
    const opt = w.replace(/^--/, '-');
    if (opt === '-preserve-rowids') options.preserveRowids = true;
    else if (opt === '-data-only') options.dataOnly = true;
    else if (opt === '-nosys') options.nosys = true;
    else if (opt === '-newlines') options.newlines = true;
    else return { error: `Unknown option "${w}" on ".dump"` };
  }
  return { patterns, options };
}

/** sqlite3's `.dump` options (3.40): INSERTs that keep the rowid, only the rows, no sqlite_ tables, line ends as they are. */
export interface DumpOptions {
  readonly preserveRowids?: boolean;
  readonly dataOnly?: boolean;
  readonly nosys?: boolean;
  readonly newlines?: boolean;
}

/** `.dump [OPTIONS] [PATTERN ...]` / `\\dump`: the patterns as written (LIKE, any of them). */
export async function writeDump(ctx: MetaContext, patterns: readonly string[], o: DumpOptions = {}): Promise<MetaOutcome> {
  if (ctx.session.dialect.id !== 'sqlite') return fail("\\dump (sqlite3's .dump) reads a SQLite database");
  const like = patterns.length === 0 ? 'true' : patterns.map((p) => `name LIKE ${literal(p)} ESCAPE '\\'`).join(' OR ');
  let text = o.dataOnly ? '' : 'PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n';
  const flush = async (): Promise<void> => {
    if (text.length > 0) await ctx.session.out.write(text);
    text = '';
  };
  let writableSchema = false;
  const tables = await rows(ctx, `SELECT name, type, sql FROM sqlite_schema AS o WHERE (${like}) AND type=='table' AND sql NOT NULL ORDER BY tbl_name='sqlite_sequence', rowid`);
  for (const [nameV, , sqlV] of tables) {
    const name = String(nameV);
    const sql = String(sqlV);
    if (o.nosys && name.startsWith('sqlite_')) continue;
    if (name === 'sqlite_sequence') text += o.dataOnly ? '' : 'DELETE FROM sqlite_sequence;\n';
    else if (/^sqlite_stat.$/.test(name)) text += o.dataOnly ? '' : 'ANALYZE sqlite_schema;\n';
    else if (name.startsWith('sqlite_')) continue;
    else if (/^CREATE VIRTUAL TABLE/.test(sql)) {
      if (o.dataOnly) continue;
      if (!writableSchema) text += 'PRAGMA writable_schema=ON;\n';
      writableSchema = true;
      text += `INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table',${literal(name)},${literal(name)},0,${literal(sql)});\n`;
      continue;
    } else if (!o.dataOnly) text += schemaLine(sql);
    // the rows, as INSERT statements (the table's name quoted as sqlite3 quotes it)
    const cols = await rows(ctx, `select name, type, pk from pragma_table_info(${literal(name)})`);
    if (cols.length === 0) continue;
    const names = cols.map((c) => String(c[0]));
    const rowid = o.preserveRowids ? await rowidName(ctx, name, cols) : undefined;
    const select = `SELECT ${[...(rowid ? [rowid] : []), ...names.map(quoted)].join(',')} FROM ${quoted(name)}`;
    const target = rowid ? `${quoted(name)}(${[rowid, ...names.map(quoted)].join(',')})` : quoted(name);
    for (const r of await rows(ctx, select, true)) {
      text += `INSERT INTO ${target} VALUES(${r.map((v) => sqlite3Quoted(v, !o.newlines)).join(',')});\n`;
      if (text.length > 1 << 16) await flush();
    }
  }
  if (!o.dataOnly) {
    for (const [sqlV] of await rows(ctx, `SELECT sql FROM sqlite_schema AS o WHERE (${like}) AND sql NOT NULL AND type IN ('index','trigger','view')`)) text += schemaLine(String(sqlV));
    if (writableSchema) text += 'PRAGMA writable_schema=OFF;\n';
    text += 'COMMIT;\n';
  }
  await flush();
  return ok;
}

/**
 * --preserve-rowids: the name a table's rowid is written under, the first of rowid, _rowid_ and oid that
 * is not a column's; none for a WITHOUT ROWID table, one whose INTEGER PRIMARY KEY is the rowid, or one
 * whose columns take all three names.
 */
async function rowidName(ctx: MetaContext, table: string, cols: readonly Row[]): Promise<string | undefined> {
  const pk = cols.filter((c) => Number(c[2]) > 0);
  if (pk.length === 1 && String(pk[0]![1]).toUpperCase() === 'INTEGER') return undefined;
  const wr = await rows(ctx, `select wr from pragma_table_list(${literal(table)}) where schema = 'main'`);
  if (Number(wr[0]?.[0]) === 1) return undefined;
  const taken = new Set(cols.map((c) => String(c[0]).toLowerCase()));
  return ['rowid', '_rowid_', 'oid'].find((n) => !taken.has(n));
}

/** sqlite3's columns of names (.tables, .indexes): as many columns of the longest name + 2 as fit 80, filled down. */
function nameColumns(names: readonly string[]): string {
  if (names.length === 0) return '';
  const width = Math.max(...names.map((n) => [...n].length));
  const cols = Math.max(1, Math.floor(80 / (width + 2)));
  const rowsN = Math.ceil(names.length / cols);
  let out = '';
  for (let i = 0; i < rowsN; i++) {
    for (let j = i; j < names.length; j += rowsN) out += `${j < rowsN ? '' : '  '}${names[j]!}${' '.repeat(width - [...names[j]!].length)}`;
    out += '\n';
  }
  return out;
}

/** The names of one kind in every schema (main's bare, others' as schema.name), sorted, as sqlite3 lists them. */
async function schemaNames(ctx: MetaContext, what: 'tables' | 'indexes', pattern: string): Promise<string[]> {
  const dbs = (await rows(ctx, 'select name from pragma_database_list')).map((r) => String(r[0]));
  const parts = dbs.map((db) => {
    const name = db === 'main' ? 'name' : `${literal(`${db}.`)}||name`;
    const where = what === 'tables'
      ? `type IN ('table','view') AND name NOT LIKE 'sqlite_%' AND name LIKE ${literal(pattern)}`
      : `type='index' AND tbl_name LIKE ${literal(pattern)}`;
    return `SELECT ${name} FROM ${ident(db)}.sqlite_schema WHERE ${where}`;
  });
  return (await rows(ctx, `${parts.join(' UNION ALL ')} ORDER BY 1`)).map((r) => String(r[0]));
}

/** `.tables` / `.indexes` (SQLite): the names matching `pattern` (as written; none: all) in sqlite3's columns. */
export async function writeNames(ctx: MetaContext, what: 'tables' | 'indexes', pattern: string | undefined): Promise<MetaOutcome> {
  await ctx.session.out.write(nameColumns(await schemaNames(ctx, what, pattern ?? '%')));
  return ok;
}

/** sqlite3's `.tables` / `.indexes`: the names of one kind, in sqlite3's columns (SQLite only; elsewhere the \d command to use). */
function nameListCommand(what: 'tables' | 'indexes', o: { syntax: string; summary: string; kind: 'pattern' | 'relation'; instead: string; aliases?: readonly string[] }): MetaCommand {
  return {
    name: `\\${what}`,
    ...(o.aliases ? { aliases: o.aliases } : {}),
    group: 'Informational',
    syntax: o.syntax,
    summary: o.summary,
    args: { min: 0, max: 1, kinds: [o.kind] },
    async run(ctx, args) {
      if (ctx.session.dialect.id !== 'sqlite') return fail(`\\${what} (sqlite3's .${what}) reads a SQLite database: use ${o.instead} here`);
      return writeNames(ctx, what, args.words[0]);
    },
  };
}

const tablesCommand = nameListCommand('tables', { syntax: '\\tables [PATTERN]', summary: "SQLite: table and view names, as sqlite3's .tables", kind: 'pattern', instead: '\\dt' });
const indexesCommand = nameListCommand('indexes', {
  syntax: '\\indexes [TABLE]', summary: "SQLite: index names, as sqlite3's .indexes", kind: 'relation', instead: '\\di', aliases: ['\\indices'],
});

/**
 * sqlite3's `.databases`: each attached database as `name: file r/w` (`""` for a database without a
 * file; temp only once it holds something, as sqlite3 has not opened it before).
 */
export const databasesCommand: MetaCommand = {
  name: '\\databases',
  group: 'Informational',
  syntax: '\\databases',
  summary: "SQLite: attached databases, as sqlite3's .databases",
  args: { min: 0, max: 0, kinds: [] },
  async run(ctx) {
    if (ctx.session.dialect.id !== 'sqlite') return fail("\\databases (sqlite3's .databases) reads a SQLite database: use \\l here");
    const readOnly = ctx.session.connection.info.readOnly === true;
    let text = '';
    for (const [name, file] of await rows(ctx, 'select name, file from pragma_database_list')) {
      if (name === 'temp' && Number((await rows(ctx, 'select count(*) from temp.sqlite_schema'))[0]?.[0]) === 0) continue;
      text += `${String(name)}: ${file ? String(file) : '""'} ${readOnly ? 'r/o' : 'r/w'}\n`;
    }
    await ctx.session.out.write(text);
    return ok;
  },
};

/** `\\import [OPTIONS] FILE TABLE`: sqlite3's .import (meta/sqlite3-import.ts). */
const importCommand: MetaCommand = {
  name: '\\import',
  outside: true,
  group: 'Informational',
  syntax: '\\import [--csv|--ascii] [--skip N] [--schema S] [-v] FILE TABLE',
  summary: "SQLite: a file into a table, as sqlite3's .import",
  args: { min: 2, max: 9, kinds: ['file', 'text'] },
  run: async (ctx, args) => (await import('../sqlite3-import.js')).sqlite3Import(ctx, args.words.map(unquoted)),
};

export const SQLITE_COMMANDS: readonly MetaCommand[] = [schema, dump, tablesCommand, indexesCommand, databasesCommand, importCommand];
