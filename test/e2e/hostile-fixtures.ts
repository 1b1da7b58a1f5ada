/**
 * Hostile databases for the terminal-injection test: on each engine, names (database, schema,
 * table, column, function) and values that hold ESC[2J (clear the screen), an OSC 52 clipboard
 * write, a C1 CSI (U+009B), BEL, U+202E (right-to-left override) and U+200B (zero-width space).
 *
 * Every payload starts with the marker PWN directly followed by its control, so a payload that
 * reached the terminal raw shows as "PWN" + a control byte in what the pty received; escaped, it
 * shows as "PWN\x1b..." (a backslash after the marker). The program's own colours never sit
 * between PWN and the byte after it (it styles whole names), so this cannot pass by accident.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection, ConnectionTarget } from '../../src/engines/engine.js';
import { engineById } from '../../src/engines/registry.js';
import type { EngineId } from '../../src/sql/dialect.js';

export const PAYLOADS: Readonly<Record<string, string>> = Object.freeze({
  'ESC[2J': 'PWN\x1b[2JNWP',
  'OSC 52': 'PWN\x1b]52;c;cHduZWQ=\x07NWP',
  'C1 CSI': 'PWN\u009b2JNWP',
  BEL: 'PWN\x07NWP',
  'U+202E': 'PWN\u202eNWP',
  'U+200B': 'PWN\u200bNWP',
});
export const PAYLOAD_LIST: readonly string[] = Object.values(PAYLOADS);

/** Controls that must never follow the marker in the raw bytes, and never appear at all (C1, bidi, invisible). */
// (The program's own ESC[0m or ESC[K may follow PWN where the editor wraps a long line there.)
const AFTER_MARKER = /PWN(?:\x1b\[2J|\x1b\]|[\x00-\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff])/;
const NEVER = /[\x80-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u2060\ufeff]/;
const OSC = /\x1b\]/;
const CLEAR = /\x1b\[2J/;

/** How each payload looks when it reached the terminal raw. */
const RAW_FORMS: Readonly<Record<string, RegExp>> = Object.freeze({
  'ESC[2J': /PWN\x1b\[2J/,
  'OSC 52': /PWN\x1b\]52/,
  'C1 CSI': /PWN\u009b/,
  BEL: /PWN\x07/,
  'U+202E': /PWN\u202e/,
  'U+200B': /PWN\u200b/,
});

/** The payload kinds (keys of PAYLOADS) that reached the terminal raw in this output. */
export function leakedKinds(raw: string): string[] {
  return Object.keys(RAW_FORMS).filter((k) => RAW_FORMS[k]!.test(raw));
}

/** What is wrong with raw pty output (empty when nothing from data reached the terminal raw). */
export function leaks(raw: string): string[] {
  const out: string[] = [];
  const m = AFTER_MARKER.exec(raw);
  if (m) out.push(`raw control after a payload marker: ${JSON.stringify(raw.slice(Math.max(0, m.index - 10), m.index + 14))}`);
  const n = NEVER.exec(raw);
  if (n) out.push(`raw C1/bidi/invisible U+${n[0].charCodeAt(0).toString(16).padStart(4, '0')}: ${JSON.stringify(raw.slice(Math.max(0, n.index - 10), n.index + 10))}`);
  if (OSC.test(raw)) out.push('an OSC sequence (ESC ]) reached the terminal');
  if (CLEAR.test(raw)) out.push('ESC[2J (clear screen) reached the terminal');
  return out;
}

export interface HostileDb {
  readonly engine: EngineId;
  /** The shell's command-line target. */
  readonly target: string;
  /** Quoted hostile table names, in PAYLOAD_LIST order. */
  readonly tables: readonly string[];
  /** quote an identifier for this engine */
  quote(name: string): string;
  /** A statement that sends a notice/warning quoting a payload; undefined where the engine has none. */
  readonly notice?: string;
  readonly hasSchemas: boolean;
  readonly hasFunctions: boolean;
  /** The hostile database or file name as the prompt would show it unescaped (it is checked once, on its own probe). */
  readonly promptName: string;
}

async function open(target: ConnectionTarget): Promise<Connection> {
  const engine = await engineById(target.engine).load();
  return engine.connect(target, { env: { HOME: '/nonexistent-home', PGPASSFILE: '/nonexistent', PGSERVICEFILE: '/nonexistent' } });
}

async function exec(conn: Connection, sql: string): Promise<void> {
  for await (const _ of conn.execute(sql)) void _;
}

const dq = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const bq = (s: string): string => `\`${s.replace(/`/g, '``')}\``;
const sq = (s: string): string => `'${s.replace(/'/g, "''")}'`;

async function fill(conn: Connection, quote: (s: string) => string, schema?: string): Promise<string[]> {
  const tables: string[] = [];
  for (let i = 0; i < PAYLOAD_LIST.length; i++) {
    const p = PAYLOAD_LIST[i]!;
    const name = (schema ? `${quote(schema)}.` : '') + quote(`t${i}_${p}`);
    await exec(conn, `create table ${name} (${quote(`c_${p}`)} varchar(60), id int)`);
    await exec(conn, `insert into ${name} values (${sq(p)}, ${i})`);
    tables.push(quote(`t${i}_${p}`));
  }
  return tables;
}

const FILE_NAME = `db_${PAYLOADS['ESC[2J']}_${PAYLOADS['U+202E']}`;

export async function hostileSqlite(): Promise<HostileDb> {
  const path = join(mkdtempSync(join(tmpdir(), 'sqlsh-hostile-')), `${FILE_NAME}.db`);
  const conn = await open({ engine: 'sqlite', path });
  try {
    const tables = await fill(conn, dq);
    // invalid UTF-8 with an ESC inside, stored as text
    await exec(conn, `create table ${dq('bytes_' + PAYLOADS.BEL)} (v text)`);
    await exec(conn, `insert into ${dq('bytes_' + PAYLOADS.BEL)} values (cast(x'50574e1bff5b324a4e5750' as text))`);
    await exec(conn, `create view ${dq('v_' + PAYLOADS['OSC 52'])} as select 1 as ${dq('x_' + PAYLOADS['C1 CSI'])}`);
    return { engine: 'sqlite', target: path, tables, quote: dq, hasSchemas: false, hasFunctions: false, promptName: FILE_NAME };
  } finally {
    await conn.close();
  }
}

/** Fills a DuckDB file (run in a child process: DuckDB keeps the file locked while its process has it open). */
export async function makeDuckdbFile(path: string): Promise<void> {
  const conn = await open({ engine: 'duckdb', path });
  try {
    const schema = `s_${PAYLOADS['ESC[2J']}`;
    await exec(conn, `create schema ${dq(schema)}`);
    await fill(conn, dq, schema);
    await fill(conn, dq);
    await exec(conn, `create macro ${dq('f_' + PAYLOADS['OSC 52'])}(a) as a + 1`);
  } finally {
    await conn.close();
  }
}

export async function hostileDuckdb(): Promise<HostileDb> {
  const path = join(mkdtempSync(join(tmpdir(), 'sqlsh-hostile-')), `${FILE_NAME}.duckdb`);
  const self = JSON.stringify(import.meta.url);
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `(await import(${self})).makeDuckdbFile(${JSON.stringify(path)}).then(() => process.exit(0))`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`could not make the DuckDB fixture: ${r.stderr}`);
  const tables = PAYLOAD_LIST.map((p, i) => dq(`t${i}_${p}`));
  return { engine: 'duckdb', target: path, tables, quote: dq, hasSchemas: true, hasFunctions: true, promptName: FILE_NAME };
}

/** A hostile database on the PostgreSQL server behind adminUrl; the target URL opens it (the prompt shows its name). */
export async function hostilePostgres(adminUrl: string): Promise<HostileDb> {
  const dbName = `d_${process.pid}_${PAYLOADS['ESC[2J']}`;
  const admin = await open({ engine: 'postgres', url: adminUrl });
  try {
    await exec(admin, `drop database if exists ${dq(dbName)}`);
    await exec(admin, `create database ${dq(dbName)}`);
  } finally {
    await admin.close();
  }
  const u = new URL(adminUrl);
  u.pathname = '/' + encodeURIComponent(dbName);
  const url = u.toString();
  const conn = await open({ engine: 'postgres', url });
  try {
    const schema = `s_${PAYLOADS['U+202E']}`;
    await exec(conn, `create schema ${dq(schema)}`);
    await fill(conn, dq, schema);
    const tables = await fill(conn, dq);
    await exec(conn, `create function ${dq('f_' + PAYLOADS['OSC 52'])}(a int) returns int language sql as 'select a + 1'`);
    const notice = `do $$ begin raise notice '%', 'PWN' || chr(27) || '[2JNWP' || chr(155) || 'x'; end $$;`;
    return { engine: 'postgres', target: url, tables, quote: dq, notice, hasSchemas: true, hasFunctions: true, promptName: dbName };
  } finally {
    await conn.close();
  }
}

/** A hostile database (= schema) on the MariaDB server; the target URL opens it. */
export async function hostileMariadb(adminUrl: string): Promise<HostileDb> {
  const dbName = `d${process.pid}_${PAYLOADS['ESC[2J']}`;
  const admin = await open({ engine: 'mysql', url: adminUrl });
  try {
    await exec(admin, `drop database if exists ${bq(dbName)}`);
    await exec(admin, `create database ${bq(dbName)}`);
  } finally {
    await admin.close();
  }
  const u = new URL(adminUrl);
  u.pathname = '/' + encodeURIComponent(dbName);
  const url = u.toString();
  const conn = await open({ engine: 'mysql', url });
  try {
    const tables = await fill(conn, bq);
    await exec(conn, `create function ${bq('f_' + PAYLOADS['OSC 52'])}(a int) returns int deterministic return a + 1`).catch(() => undefined);
    const notice = `select cast(${sq(PAYLOADS['ESC[2J'])} as signed) as n;`;
    return { engine: 'mysql', target: url, tables, quote: bq, notice, hasSchemas: true, hasFunctions: true, promptName: dbName };
  } finally {
    await conn.close();
  }
}
