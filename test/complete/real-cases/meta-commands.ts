/** Backslash commands at the start of a line, with their one-line help as the detail; their arguments. */
import type { Case } from '../case-runner.js';
import { all4, dk, my, pg, sl } from '../real-case-builders.js';

const ctx = { context: 'meta-commands' };
const metaCommands = [
  { name: '\\d', summary: 'describe a table, view, index or sequence' },
  { name: '\\dt', summary: 'list tables' },
  { name: '\\dv', summary: 'list views' },
  { name: '\\df', summary: 'list functions' },
  { name: '\\dn', summary: 'list schemas' },
  { name: '\\dT', summary: 'list data types' },
  { name: '\\c', summary: 'connect to another database' },
  { name: '\\i', summary: 'run commands from a file' },
  { name: '\\x', summary: 'toggle expanded output' },
  'q',
];
const m: Partial<Case> = { ...ctx, opts: { metaCommands } };

/** SQLite: the sqlite3 shell's dot-commands at a line's start; nowhere else, and not on the other engines. */
export const dotCases: Case[] = [
  sl('.ta|', [], [], { ...ctx, first: '.tables' }),
  sl('.sc|', [], [], { ...ctx, first: '.schema' }),
  sl('.|', ['.tables', '.schema', '.mode', '.headers', '.import', '.dump', '.quit', '.help'], ['SELECT'], ctx),
  sl('select 1;\n.hea|', [], [], { ...ctx, first: '.headers' }),
  sl('select a.|', [], ['.tables'], ctx),
  pg('.ta|', [], ['.tables'], ctx),
];

/** Strings and dot-command arguments that name files on this machine: their directory's entries (listed by a stub here). */
const files: Partial<Case> = { ...ctx, opts: { listFiles: (dir: string) => (dir === '/data/' ? ['sales.csv', 'sales.parquet', 'archive/'] : ['notes.sql']) } };
export const fileCases: Case[] = [
  dk("SELECT * FROM read_csv('/data/s|", ['/data/sales.csv', '/data/sales.parquet'], [], files),
  dk("SELECT * FROM read_parquet('/data/|')", ['/data/sales.parquet', '/data/archive/'], [], files),
  dk("SELECT * FROM '/data/|", ['/data/sales.csv'], [], files),
  dk("COPY t TO '/data/s|", ['/data/sales.csv'], [], files),
  sl("ATTACH '/data/|' AS other", ['/data/sales.csv'], [], files),
  sl('.read |', ['notes.sql'], [], files),
  sl('.import --csv /data/s|', ['/data/sales.csv'], [], files),
  sl('.import /data/sales.csv o|', ['orders', 'order_items'], ['/data/sales.csv'], files),
  // a string that is a value, and PostgreSQL's COPY (the server's files): no file names
  dk("SELECT '/data/|'", [], ['/data/sales.csv'], files),
  pg("COPY users FROM '/data/|'", [], ['/data/sales.csv'], files),
];

export const metaCases: Case[] = [
  all4('\\|', ['\\d', '\\dt', '\\c', '\\q'], [], m),
  all4('\\d|', ['\\d', '\\dt', '\\dv', '\\df'], ['\\c'], m),
  all4('SELECT 1;\n\\|', ['\\dt'], [], m),
  pg('\\dt |', ['users', 'orders', 'shop'], [], m),
  pg('\\dt shop.|', ['orders', 'customers'], ['users'], m),
  pg('\\dn |', ['shop', 'hr', '"Custom"'], [], m),
  pg('\\df |', ['price_with_tax'], [], m),
  pg('\\dT |', ['order_status'], [], m),
  pg('\\d "Cus|', [], [], m),
  my('\\dt |', ['users', 'orders'], [], m),
  sl('\\d |', ['users', 'Artists'], [], m),
];
