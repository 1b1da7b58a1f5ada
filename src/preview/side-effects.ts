/**
 * Calls whose effect a rollback does not undo: the one list that both the DML preview and
 * `\explain analyze` consult before running a statement inside a transaction they roll back.
 * Built-in functions are known by name; the user's own functions (PostgreSQL, MySQL/MariaDB,
 * DuckDB macros) are looked up in the server's catalog at the time of asking and their bodies read
 * for the same names, and a volatile function in a language sqlsh cannot read is named as unknown.
 */
import type { Connection } from '../engines/engine.js';
import type { Value } from '../core/result.js';

/** Built-in functions whose effect stays after ROLLBACK, with what stays. */
const KNOWN: readonly (readonly [RegExp, string])[] = [
  [/^(nextval|setval)$/, 'the sequence keeps its new value'],
  // pg_advisory_xact_lock and pg_try_advisory_xact_lock end with the transaction: not listed.
  [/^pg_(try_)?advisory_(lock|lock_shared|unlock|unlock_shared|unlock_all)$/, 'the session-level advisory lock stays held (or released)'],
  [/^dblink\w*$/, 'work done through the other connection is not rolled back'],
  [/^lo_(import|export)$/, 'the file on the server is read or written'],
  [/^pg_(terminate|cancel)_backend$/, 'the other session is ended or cancelled'],
  [/^(pg_reload_conf|pg_switch_wal|pg_rotate_logfile|pg_create_restore_point)$/, 'the server acts on it at once'],
  [/^pg_(create_(physical|logical)_replication_slot|drop_replication_slot)$/, 'the replication slot stays created (or dropped)'],
  [/^pg_logical_emit_message$/, 'a non-transactional message is sent at once'],
  [/^(pg_file_write|pg_file_rename|pg_file_unlink|writefile)$/, 'the file is written'],
  [/^(sys_exec|sys_eval)$/, 'the operating-system command has run'],
  [/^(get_lock|release_lock|release_all_locks)$/, 'the named user lock stays held (or released)'],
  [/^load_extension$/, 'the extension is loaded into the connection'],
];

/** The first call in `calls` whose effect a rollback does not undo, with what stays; undefined when none. */
export function knownSideEffect(calls: readonly string[] | undefined): { readonly name: string; readonly stays: string } | undefined {
  for (const name of calls ?? []) {
    const hit = KNOWN.find(([re]) => re.test(name));
    if (hit) return { name, stays: hit[1] };
  }
  return undefined;
}

/** Names called in a function body (`word(`), lower case. */
function callsIn(body: string): string[] {
  return [...body.matchAll(/([A-Za-z_][A-Za-z0-9_$]*)\s*\(/g)].map((m) => (m[1] as string).toLowerCase());
}

function text(v: Value | undefined): string {
  return v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? v.text : String(v);
}

function literalList(names: readonly string[]): string {
  return names.map((n) => `'${n.replace(/'/g, "''")}'`).join(', ');
}

/** Languages whose body sqlsh reads for the known calls; anything else (plpython3u, C ...) is unknown. */
const READABLE_LANGUAGES = new Set(['sql', 'plpgsql']);

function catalogSql(engine: string, names: readonly string[]): string | undefined {
  const list = literalList(names);
  switch (engine) {
    case 'postgres':
      return 'select p.proname, p.provolatile, l.lanname, coalesce(p.prosrc, \'\') from pg_proc p join pg_namespace n on n.oid = p.pronamespace ' +
        `join pg_language l on l.oid = p.prolang where lower(p.proname) in (${list}) and n.nspname not in ('pg_catalog', 'information_schema')`;
    case 'mysql':
      return "select routine_name, 'v', 'sql', routine_definition from information_schema.routines where routine_type = 'FUNCTION' " +
        `and routine_schema = database() and lower(routine_name) in (${list})`;
    case 'duckdb':
      return "select function_name, 'v', 'sql', coalesce(macro_definition, '') from duckdb_functions() where not internal " +
        `and function_type in ('macro', 'table_macro') and lower(function_name) in (${list})`;
    default:
      return undefined;
  }
}

/**
 * Why a rollback may not undo what the user's own functions called by the statement do, in words;
 * undefined when none of them does anything sqlsh knows a rollback cannot undo. Reads the server's
 * catalog (one query); a failure to read it is itself a reason (the functions could not be checked).
 */
export async function userFunctionEffect(conn: Connection, calls: readonly string[] | undefined, signal?: AbortSignal): Promise<string | undefined> {
  const names = [...new Set(calls ?? [])].filter((n) => !knownSideEffect([n]));
  const sql = names.length ? catalogSql(conn.dialect.id, names) : undefined;
  if (!sql) return undefined;
  const found: { name: string; volatile: boolean; language: string; body: string | undefined }[] = [];
  try {
    for await (const e of conn.execute(sql, signal ? { signal } : {})) {
      if (e.type !== 'rows') continue;
      for (const r of e.rows) {
        found.push({ name: text(r[0]), volatile: text(r[1]) === 'v', language: text(r[2]).toLowerCase(), body: r[3] === null ? undefined : text(r[3]) });
      }
    }
  } catch (e) {
    return `sqlsh could not read the definitions of ${names.join('(), ')}() to check them (${(e as Error).message.split('\n')[0]})`;
  }
  for (const f of found) {
    if (f.body === undefined) return `${f.name}() is a stored function whose body sqlsh cannot read, so what it does outside the transaction is unknown`;
    const inner = knownSideEffect(callsIn(f.body));
    if (inner) return `${f.name}() calls ${inner.name}(), whose effect a rollback does not undo: ${inner.stays}`;
    if (f.volatile && !READABLE_LANGUAGES.has(f.language)) {
      return `${f.name}() is a volatile ${f.language} function: a rollback undoes its writes to this database, but not what it does outside it (files, network, other servers)`;
    }
  }
  return undefined;
}

const INSERTS = new Set(['INSERT', 'REPLACE', 'MERGE', 'UPSERT']);

function columnsSql(engine: string, target: string): string | undefined {
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const [schema, table] = target.includes('.') ? [target.slice(0, target.lastIndexOf('.')), target.slice(target.lastIndexOf('.') + 1)] : [undefined, target];
  switch (engine) {
    case 'postgres':
      return 'select a.attname from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum ' +
        `where a.attrelid = to_regclass(${lit(target)}) and a.attnum > 0 and not a.attisdropped ` +
        "and (a.attidentity <> '' or pg_get_expr(d.adbin, d.adrelid) like '%nextval(%') order by a.attnum";
    case 'mysql':
      return `select column_name from information_schema.columns where table_schema = ${schema ? lit(schema) : 'database()'} ` +
        `and lower(table_name) = lower(${lit(table)}) and lower(extra) like '%auto_increment%'`;
    case 'duckdb':
      return `select column_name from information_schema.columns where lower(table_name) = lower(${lit(table)}) ` +
        `${schema ? `and lower(table_schema) = lower(${lit(schema)}) ` : ''}and column_default like '%nextval(%' order by ordinal_position`;
    default:
      return undefined;
  }
}

/**
 * An INSERT into a table whose key comes from a sequence (PostgreSQL serial/identity, DuckDB
 * DEFAULT nextval, MariaDB/MySQL AUTO_INCREMENT) takes numbers that a rollback does not give back:
 * what stays, in words; undefined when nothing does (or it cannot be read).
 */
export async function sequenceTaken(conn: Connection, cls: { readonly keyword: string; readonly change?: { readonly target?: string } }, signal?: AbortSignal): Promise<string | undefined> {
  const target = cls.change?.target;
  const sql = target && INSERTS.has(cls.keyword) ? columnsSql(conn.dialect.id, target) : undefined;
  if (!sql) return undefined;
  const columns: string[] = [];
  try {
    for await (const e of conn.execute(sql, signal ? { signal } : {})) if (e.type === 'rows') for (const r of e.rows) columns.push(text(r[0]));
  } catch {
    return undefined;
  }
  if (columns.length === 0) return undefined;
  const what = conn.dialect.id === 'mysql' ? 'an AUTO_INCREMENT counter' : 'a sequence';
  return `${target}.${columns[0]} takes its numbers from ${what}, and the numbers the insert takes are not given back by a rollback (the next ones skip them)`;
}
