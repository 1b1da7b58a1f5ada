/** SQLite: checks parsed from the CREATE TABLE text, triggers and views from sqlite_schema, dbstat sizes. */
import type { EngineExtras } from './engine-extras.js';
import { sqlString, text } from './query-rows.js';

const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** CHECK (...) clauses of a CREATE TABLE statement, with their CONSTRAINT name when given. */
export function checkClauses(createSql: string): string[] {
  const out: string[] = [];
  const re = /(?:\bCONSTRAINT\s+("(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|\w+)\s+)?\bCHECK\s*\(/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(createSql))) {
    let depth = 1;
    let i = m.index + m[0].length;
    let quote: string | undefined;
    for (; i < createSql.length && depth > 0; i++) {
      const ch = createSql[i]!;
      if (quote) {
        if (ch === quote) quote = undefined;
      } else if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '(') depth++;
      else if (ch === ')') depth--;
    }
    const expr = createSql.slice(m.index + m[0].length, i - 1).trim();
    out.push(`${m[1] ? `${m[1]} ` : ''}CHECK (${expr})`);
    re.lastIndex = i;
  }
  return out;
}

export const sqliteExtras: EngineExtras = Object.freeze<EngineExtras>({
  missing: {
    sequences: 'SQLite has no sequences (INTEGER PRIMARY KEY AUTOINCREMENT counters live in sqlite_sequence)',
    roles: 'SQLite has no users or roles (access is the file\'s permissions)',
    extensions: 'SQLite has no extensions to list (loadable extensions are not tracked by the database)',
    matviews: 'SQLite has no materialized views',
    types: 'SQLite has no user-defined types',
  },
  systemSchemas: [],
  async checks(q, schema, table) {
    const rows = await q(`SELECT sql FROM ${ident(schema)}.sqlite_schema WHERE type = 'table' AND name = ${sqlString(table)}`);
    return checkClauses(text(rows[0]?.[0]));
  },
  async triggers(q, schema, table) {
    // Temporary triggers may sit on a main table: they live in temp.sqlite_schema.
    const from = (db: string) => `SELECT name, sql FROM ${ident(db)}.sqlite_schema WHERE type = 'trigger' AND tbl_name = ${sqlString(table)}`;
    const rows = await q(`SELECT sql FROM (${from(schema)}${schema !== 'temp' ? ` UNION ALL ${from('temp')}` : ''}) ORDER BY name`);
    return rows.map((r) => text(r[0]).replace(/\s+/g, ' ').replace(/^CREATE\s+(TEMP\w*\s+)?TRIGGER\s+(IF NOT EXISTS\s+)?/i, ''));
  },
  async viewDefinition(q, schema, name) {
    const rows = await q(`SELECT sql FROM ${ident(schema)}.sqlite_schema WHERE type = 'view' AND name = ${sqlString(name)}`);
    const sql = text(rows[0]?.[0]);
    const m = /\bAS\s+([\s\S]*)$/i.exec(sql);
    return m ? m[1]!.trim() : sql || undefined;
  },
  async sizes(q) {
    const m = new Map<string, number>();
    try {
      for (const r of await q(`SELECT schema, name, SUM(pgsize) FROM dbstat GROUP BY schema, name`)) m.set(`${text(r[0])}.${text(r[1])}`, Number(r[2]));
    } catch {
      // dbstat is not compiled in: no sizes
    }
    return m;
  },
  async databases(q) {
    const rows = await q('PRAGMA database_list');
    return {
      title: 'List of databases',
      columns: [
        { name: 'Name', type: 'text' },
        { name: 'File', type: 'text' },
      ],
      rows: rows.map((r) => [text(r[1]), text(r[2]) || ':memory:']),
      rowCount: true,
    };
  },
});
