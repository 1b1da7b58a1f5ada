/**
 * The MySQL/MariaDB catalog from information_schema, on its own short-lived session, in one query per
 * kind of object for all the user's databases (never one per table); the current one is the search path. A query the server refuses
 * (older versions, TiDB and friends) leaves its part empty instead of failing the whole catalog, and is
 * named in CatalogData.missing (the shell says so once).
 *
 * Required for completion: DATABASE(), information_schema.SCHEMATA, TABLES, COLUMNS. Optional:
 * STATISTICS (indexes, primary keys), KEY_COLUMN_USAGE + REFERENTIAL_CONSTRAINTS (foreign keys; without
 * the second, no ON DELETE/UPDATE), ROUTINES + PARAMETERS (functions), @@lower_case_table_names.
 * information_schema never refuses for privileges: it shows only what the user may use (a user
 * without routine privileges sees no routines, with no error), so a limited user simply completes
 * fewer names. mysql.proc and the other mysql.* tables are never read. TiDB, Vitess and Xpand answer
 * the same information_schema queries; one they lack is optional in the same way.
 */
import { CancelledError } from '../../core/errors.js';
import type { CatalogData, ColumnDef, ForeignKeyDef, FunctionDef, IndexDef, RelationDef, RelationKind } from '../../catalog/catalog-data.js';
import type { MysqlCore } from './mysql-connection.js';

type Raw = readonly unknown[];

function run(core: MysqlCore, sql: string): Promise<Raw[]> {
  return new Promise((resolve, reject) => {
    const rows: Raw[] = [];
    const q = core.query({ sql, rowsAsArray: true });
    q.on('result', (r) => void (Array.isArray(r) && rows.push(r)));
    q.on('error', reject);
    q.on('end', () => resolve(rows));
  });
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : String(v));
const optStr = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : str(v));
const lit = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
/**
 * Databases of the server itself: their tables and columns are read (system tables, like PostgreSQL's pg_catalog),
 * so `information_schema.|` and `SELECT * FROM information_schema.TABLES WHERE |` complete; they rank last and
 * are listed once their name is typed. Their indexes, keys and routines are not read.
 */
const SYSTEM_DATABASES = ['information_schema', 'mysql', 'performance_schema', 'sys'];
/** Tables in the other databases above which only the current database is read. */
const OTHER_TABLES_LIMIT = 2000;
const key = (schema: string, table: string): string => `${schema}\u0000${table}`;

export async function introspectMysql(open: () => Promise<MysqlCore>, signal?: AbortSignal): Promise<CatalogData> {
  if (signal?.aborted) throw new CancelledError();
  const core = await open();
  core.on('error', () => {});
  const onAbort = (): void => core.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  const missing: string[] = [];
  const tryRun = async (sql: string, what?: string): Promise<Raw[]> => {
    try {
      return await run(core, sql);
    } catch {
      if (signal?.aborted) throw new CancelledError();
      if (what && !missing.includes(what)) missing.push(what);
      return [];
    }
  };
  try {
    const current = str((await tryRun('SELECT DATABASE()'))[0]?.[0]);
    const schemas = (await tryRun('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME')).map((r) => str(r[0]));
    // Every user database, so `other_db.` completes too, unless the others are many (information_schema then
    // opens thousands of table definitions): then only the current one. The current one is the search path.
    const system = SYSTEM_DATABASES.map(lit).join(', ');
    const otherTables = Number(str((await tryRun(`SELECT COUNT(*) FROM information_schema.TABLES
      WHERE TABLE_SCHEMA NOT IN (${system}) AND TABLE_SCHEMA <> ${lit(current)}`))[0]?.[0]) || 0);
    const inDbs = (col: string): string =>
      (otherTables <= OTHER_TABLES_LIMIT ? `(${col} NOT IN (${system}) OR ${col} = ${lit(current)})` : `${col} = ${lit(current)}`);
    const lowerCaseNames = Number(str((await tryRun('SELECT @@lower_case_table_names'))[0]?.[0]) || 0);

    const withSystem = (col: string): string => `(${inDbs(col)} OR ${col} IN (${system}))`;
    const tables = await tryRun(`SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH, TABLE_COMMENT
      FROM information_schema.TABLES WHERE ${withSystem('TABLE_SCHEMA')} ORDER BY TABLE_SCHEMA, TABLE_NAME`, 'tables (information_schema.TABLES)');
    const columns = await tryRun(`SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, COLUMN_COMMENT
      FROM information_schema.COLUMNS WHERE ${withSystem('TABLE_SCHEMA')} ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`, 'columns (information_schema.COLUMNS)');
    const stats = await tryRun(`SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART
      FROM information_schema.STATISTICS WHERE ${inDbs('TABLE_SCHEMA')} ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`, 'indexes and primary keys (information_schema.STATISTICS)');
    let fks = await tryRun(`SELECT k.CONSTRAINT_NAME, k.TABLE_SCHEMA, k.TABLE_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME,
        k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE
      FROM information_schema.KEY_COLUMN_USAGE k
      LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r
        ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
      WHERE ${inDbs('k.TABLE_SCHEMA')} AND k.REFERENCED_TABLE_NAME IS NOT NULL
      ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`);
    if (fks.length === 0) {
      fks = await tryRun(`SELECT CONSTRAINT_NAME, TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME, NULL, NULL
        FROM information_schema.KEY_COLUMN_USAGE WHERE ${inDbs('TABLE_SCHEMA')} AND REFERENCED_TABLE_NAME IS NOT NULL
        ORDER BY TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`, 'foreign keys (information_schema.KEY_COLUMN_USAGE)');
    }
    const routines = await tryRun(`SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, SPECIFIC_NAME
      FROM information_schema.ROUTINES WHERE ${inDbs('ROUTINE_SCHEMA')} ORDER BY ROUTINE_SCHEMA, ROUTINE_NAME`, 'functions and procedures (information_schema.ROUTINES)');
    const params = routines.length === 0 ? [] : await tryRun(`SELECT SPECIFIC_SCHEMA, SPECIFIC_NAME, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER
      FROM information_schema.PARAMETERS WHERE ${inDbs('SPECIFIC_SCHEMA')} AND ORDINAL_POSITION > 0 ORDER BY SPECIFIC_SCHEMA, SPECIFIC_NAME, ORDINAL_POSITION`);

    // the accounts (and MariaDB's roles) the user may see, as GRANT takes them ('name'@'host'): for completion only
    const grantees = (await tryRun('SELECT DISTINCT GRANTEE FROM information_schema.USER_PRIVILEGES ORDER BY 1')).map((r) => str(r[0]));

    // the collations and character sets (COLLATE |, CHARACTER SET |, SET NAMES |): for completion only
    const collations = (await tryRun('SELECT COLLATION_NAME, CHARACTER_SET_NAME FROM information_schema.COLLATIONS ORDER BY 1'))
      .map((r) => Object.freeze({ name: str(r[0]), ...(optStr(r[1]) ? { charset: str(r[1]) } : {}) }));
    const charsets = (await tryRun('SELECT CHARACTER_SET_NAME FROM information_schema.CHARACTER_SETS ORDER BY 1')).map((r) => str(r[0]));

    const colsByTable = new Map<string, ColumnDef[]>();
    for (const row of columns) {
      const k = key(str(row[0]), str(row[1]));
      const r = row.slice(1);
      const list = colsByTable.get(k) ?? [];
      // MariaDB writes a missing default as the bare word NULL (a string default is quoted: 'NULL').
      const rawDefault = optStr(r[4]);
      const def = rawDefault === 'NULL' ? undefined : rawDefault;
      const comment = optStr(r[5]);
      list.push({ name: str(r[1]), type: str(r[2]), nullable: str(r[3]) === 'YES', ...(def !== undefined ? { default: def } : {}), ...(comment ? { comment } : {}) });
      colsByTable.set(k, list);
    }

    const indexes: IndexDef[] = [];
    const pkByTable = new Map<string, string[]>();
    let cur: { schema: string; table: string; name: string; unique: boolean; columns: string[] } | undefined;
    const pushIndex = (): void => {
      if (!cur) return;
      const primary = cur.name === 'PRIMARY';
      if (primary) pkByTable.set(key(cur.schema, cur.table), cur.columns);
      indexes.push({ schema: cur.schema, table: cur.table, name: cur.name, columns: cur.columns, unique: cur.unique, primary });
    };
    for (const row of stats) {
      const schema = str(row[0]);
      const r = row.slice(1);
      const table = str(r[0]);
      const name = str(r[1]);
      if (!cur || cur.schema !== schema || cur.table !== table || cur.name !== name) {
        pushIndex();
        cur = { schema, table, name, unique: Number(r[2]) === 0, columns: [] };
      }
      const sub = optStr(r[4]);
      cur.columns.push(r[3] === null ? '(expression)' : sub ? `${str(r[3])}(${sub})` : str(r[3]));
    }
    pushIndex();

    const relations: RelationDef[] = tables.map((row) => {
      const schema = str(row[0]);
      const r = row.slice(1);
      const name = str(r[0]);
      const type = str(r[1]);
      const kind: RelationKind = type === 'SYSTEM VIEW' || SYSTEM_DATABASES.includes(schema.toLowerCase()) ? 'system-table' : type === 'VIEW' ? 'view' : 'table';
      const rows = r[2] === null ? undefined : Number(r[2]);
      const size = r[3] === null ? undefined : Number(r[3]);
      const comment = optStr(r[4]);
      return {
        schema,
        name,
        kind,
        columns: colsByTable.get(key(schema, name)) ?? [],
        primaryKey: pkByTable.get(key(schema, name)) ?? [],
        ...(comment && kind !== 'view' ? { comment } : {}),
        ...(rows !== undefined && Number.isFinite(rows) && kind === 'table' ? { estimatedRows: rows } : {}),
        ...(size !== undefined && Number.isFinite(size) && kind === 'table' ? { sizeBytes: size } : {}),
      };
    });

    const foreignKeys: ForeignKeyDef[] = [];
    const fkByKey = new Map<string, { def: ForeignKeyDef; columns: string[]; refColumns: string[] }>();
    for (const row of fks) {
      const schema = str(row[1]);
      const r = [row[0], ...row.slice(2)];
      const k = `${key(schema, str(r[1]))}\u0000${str(r[0])}`;
      let entry = fkByKey.get(k);
      if (!entry) {
        const columns: string[] = [];
        const refColumns: string[] = [];
        const onDelete = optStr(r[6]);
        const onUpdate = optStr(r[7]);
        const def: ForeignKeyDef = {
          name: str(r[0]), schema, table: str(r[1]), columns, refSchema: str(r[3]) || schema, refTable: str(r[4]), refColumns,
          ...(onDelete ? { onDelete } : {}), ...(onUpdate ? { onUpdate } : {}),
        };
        entry = { def, columns, refColumns };
        fkByKey.set(k, entry);
        foreignKeys.push(def);
      }
      entry.columns.push(str(r[2]));
      entry.refColumns.push(str(r[5]));
    }

    const argsBySpecific = new Map<string, string[]>();
    for (const row of params) {
      const r = row.slice(1);
      const k = key(str(row[0]), str(r[0]));
      const list = argsBySpecific.get(k) ?? [];
      const mode = str(r[1]);
      list.push(`${mode && mode !== 'IN' ? `${mode} ` : ''}${str(r[2])} ${str(r[3])}`.trim());
      argsBySpecific.set(k, list);
    }
    const functions: FunctionDef[] = routines.map((row) => {
      const schema = str(row[0]);
      const r = row.slice(1);
      const procedure = str(r[1]) === 'PROCEDURE';
      const returns = optStr(r[2]);
      return {
        schema,
        name: str(r[0]),
        kind: procedure ? 'procedure' : 'function',
        args: (argsBySpecific.get(key(schema, str(r[3]))) ?? []).join(', '),
        ...(returns && !procedure ? { returns } : {}),
      };
    });

    return freeze({
      schemas, searchPath: current ? [current] : [], relations, foreignKeys, indexes, functions, datatypes: [], types: [],
      tableNamesCaseSensitive: lowerCaseNames === 0, databases: schemas,
      // MariaDB's sequences are tables of type SEQUENCE (DROP SEQUENCE | offers them)
      sequences: tables.filter((r) => str(r[2]) === 'SEQUENCE').map((r) => ({ schema: str(r[0]), name: str(r[1]) })),
      roles: Object.freeze(grantees.filter((g) => g !== '')),
      collations: Object.freeze(collations),
      charsets: Object.freeze(charsets),
      ...(missing.length ? { missing: Object.freeze(missing) } : {}),
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    core.end(() => {});
  }
}

function freeze(c: CatalogData): CatalogData {
  return Object.freeze(c);
}
