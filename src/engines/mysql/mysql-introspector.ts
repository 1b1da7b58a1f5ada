/**
 * The MySQL/MariaDB catalog from information_schema, on its own short-lived session, in one query per
 * kind of object for the whole current database (never one per table). A query the server refuses
 * (older versions, TiDB and friends) leaves its part empty instead of failing the whole catalog.
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
const key = (schema: string, table: string): string => `${schema}\u0000${table}`;

export async function introspectMysql(open: () => Promise<MysqlCore>, signal?: AbortSignal): Promise<CatalogData> {
  if (signal?.aborted) throw new CancelledError();
  const core = await open();
  core.on('error', () => {});
  const onAbort = (): void => core.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  const tryRun = async (sql: string): Promise<Raw[]> => {
    try {
      return await run(core, sql);
    } catch {
      if (signal?.aborted) throw new CancelledError();
      return [];
    }
  };
  try {
    const current = str((await tryRun('SELECT DATABASE()'))[0]?.[0]);
    const schemas = (await tryRun('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME')).map((r) => str(r[0]));
    if (!current) return freeze({ schemas, searchPath: [], relations: [], foreignKeys: [], indexes: [], functions: [], datatypes: [], databases: schemas });
    const db = lit(current);

    const tables = await tryRun(`SELECT TABLE_NAME, TABLE_TYPE, TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH, TABLE_COMMENT
      FROM information_schema.TABLES WHERE TABLE_SCHEMA = ${db} ORDER BY TABLE_NAME`);
    const columns = await tryRun(`SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, COLUMN_COMMENT
      FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${db} ORDER BY TABLE_NAME, ORDINAL_POSITION`);
    const stats = await tryRun(`SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART
      FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ${db} ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`);
    let fks = await tryRun(`SELECT k.CONSTRAINT_NAME, k.TABLE_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME,
        k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE
      FROM information_schema.KEY_COLUMN_USAGE k
      LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r
        ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
      WHERE k.TABLE_SCHEMA = ${db} AND k.REFERENCED_TABLE_NAME IS NOT NULL
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`);
    if (fks.length === 0) {
      fks = await tryRun(`SELECT CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME, NULL, NULL
        FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ${db} AND REFERENCED_TABLE_NAME IS NOT NULL
        ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`);
    }
    const routines = await tryRun(`SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, SPECIFIC_NAME
      FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ${db} ORDER BY ROUTINE_NAME`);
    const params = routines.length === 0 ? [] : await tryRun(`SELECT SPECIFIC_NAME, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER
      FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ${db} AND ORDINAL_POSITION > 0 ORDER BY SPECIFIC_NAME, ORDINAL_POSITION`);

    const colsByTable = new Map<string, ColumnDef[]>();
    for (const r of columns) {
      const list = colsByTable.get(str(r[0])) ?? [];
      // MariaDB writes a missing default as the bare word NULL (a string default is quoted: 'NULL').
      const rawDefault = optStr(r[4]);
      const def = rawDefault === 'NULL' ? undefined : rawDefault;
      const comment = optStr(r[5]);
      list.push({ name: str(r[1]), type: str(r[2]), nullable: str(r[3]) === 'YES', ...(def !== undefined ? { default: def } : {}), ...(comment ? { comment } : {}) });
      colsByTable.set(str(r[0]), list);
    }

    const indexes: IndexDef[] = [];
    const pkByTable = new Map<string, string[]>();
    let cur: { table: string; name: string; unique: boolean; columns: string[] } | undefined;
    const pushIndex = (): void => {
      if (!cur) return;
      const primary = cur.name === 'PRIMARY';
      if (primary) pkByTable.set(cur.table, cur.columns);
      indexes.push({ schema: current, table: cur.table, name: cur.name, columns: cur.columns, unique: cur.unique, primary });
    };
    for (const r of stats) {
      const table = str(r[0]);
      const name = str(r[1]);
      if (!cur || cur.table !== table || cur.name !== name) {
        pushIndex();
        cur = { table, name, unique: Number(r[2]) === 0, columns: [] };
      }
      const sub = optStr(r[4]);
      cur.columns.push(r[3] === null ? '(expression)' : sub ? `${str(r[3])}(${sub})` : str(r[3]));
    }
    pushIndex();

    const relations: RelationDef[] = tables.map((r) => {
      const name = str(r[0]);
      const type = str(r[1]);
      const kind: RelationKind = type === 'VIEW' ? 'view' : type === 'SYSTEM VIEW' ? 'system-table' : 'table';
      const rows = r[2] === null ? undefined : Number(r[2]);
      const size = r[3] === null ? undefined : Number(r[3]);
      const comment = optStr(r[4]);
      return {
        schema: current,
        name,
        kind,
        columns: colsByTable.get(name) ?? [],
        primaryKey: pkByTable.get(name) ?? [],
        ...(comment && kind !== 'view' ? { comment } : {}),
        ...(rows !== undefined && Number.isFinite(rows) && kind === 'table' ? { estimatedRows: rows } : {}),
        ...(size !== undefined && Number.isFinite(size) && kind === 'table' ? { sizeBytes: size } : {}),
      };
    });

    const foreignKeys: ForeignKeyDef[] = [];
    const fkByKey = new Map<string, { def: ForeignKeyDef; columns: string[]; refColumns: string[] }>();
    for (const r of fks) {
      const k = key(str(r[1]), str(r[0]));
      let entry = fkByKey.get(k);
      if (!entry) {
        const columns: string[] = [];
        const refColumns: string[] = [];
        const onDelete = optStr(r[6]);
        const onUpdate = optStr(r[7]);
        const def: ForeignKeyDef = {
          name: str(r[0]), schema: current, table: str(r[1]), columns, refSchema: str(r[3]) || current, refTable: str(r[4]), refColumns,
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
    for (const r of params) {
      const list = argsBySpecific.get(str(r[0])) ?? [];
      const mode = str(r[1]);
      list.push(`${mode && mode !== 'IN' ? `${mode} ` : ''}${str(r[2])} ${str(r[3])}`.trim());
      argsBySpecific.set(str(r[0]), list);
    }
    const functions: FunctionDef[] = routines.map((r) => {
      const procedure = str(r[1]) === 'PROCEDURE';
      const returns = optStr(r[2]);
      return {
        schema: current,
        name: str(r[0]),
        kind: procedure ? 'procedure' : 'function',
        args: (argsBySpecific.get(str(r[3])) ?? []).join(', '),
        ...(returns && !procedure ? { returns } : {}),
      };
    });

    return freeze({ schemas, searchPath: [current], relations, foreignKeys, indexes, functions, datatypes: [], databases: schemas });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    core.end(() => {});
  }
}

function freeze(c: CatalogData): CatalogData {
  return Object.freeze(c);
}
