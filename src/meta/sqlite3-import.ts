/**
 * sqlite3's `.import [OPTIONS] FILE TABLE` (and sqlsh's `\import`), as sqlite3 3.40 imports:
 * - the input's separators follow the output mode (list `|`, tabs a tab, csv `,`, `.separator` too; csv's
 *   `\r\n` row separator is read as `\n`), or `--csv` (`,` and `\n`) or `--ascii` and ascii mode (0x1F and 0x1E, no quotes);
 *   without a sqlite3 output state (`\import` at the prompt, no `.mode` yet) csv;
 * - options with one dash or two: `--csv`, `--ascii`, `--skip N` (records left out first), `--schema S`, `-v`
 *   (`Added N rows with M errors using K lines of input`);
 * - FILE `|command`: the command's output (`<pipe>` in messages);
 * - a missing table is created from the first record (sqlite-import-text.ts: `?` for an empty name, `_N` after
 *   names given twice); each record becomes a row, its fields as text: too few are filled with NULL and too
 *   many dropped, each with sqlite3's warning (`f.csv:2: expected 3 columns but found 2 - filling the rest with NULL`);
 *   a row that fails is said (`f.csv:2: INSERT failed: ...`) and the others go in; nothing is printed on success.
 */
import type { MetaContext, MetaOutcome } from './meta-command.js';
import { importColumnNames, importCreateTable, readImportText, type ImportRecord } from './sqlite3-import-text.js';

const ROWS_PER_INSERT = 200;
/** sqlite3 3.40's help for .import, which it prints after a usage error. */
const USAGE = `Usage:
.import FILE TABLE       Import data from FILE into TABLE
   Options:
     --ascii               Use \\037 and \\036 as column and row separators
     --csv                 Use , and \\n as column and row separators
     --skip N              Skip the first N rows of input
     --schema S            Target table to be S.TABLE
     -v                    "Verbose" - increase auxiliary output
   Notes:
     *  If TABLE does not exist, it is created.  The first row of input
        determines the column names.
     *  If neither --csv or --ascii are used, the input mode is derived
        from the ".mode" output mode
     *  If FILE begins with "|" then it is a command that generates the
        input text.`;

const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A usage error as sqlite3 writes it: on stdout. */
async function usageError(ctx: MetaContext, text: string): Promise<MetaOutcome> {
  await ctx.session.io.stdout.write(`${text} ${USAGE}\n`);
  return { type: 'error' };
}

export async function sqlite3Import(ctx: MetaContext, words: readonly string[]): Promise<MetaOutcome> {
  const s = ctx.session;
  if (s.dialect.id !== 'sqlite') return { type: 'error', message: "sqlite3's .import loads into a SQLite database: use \\copy TABLE FROM FILE here" };
  let file: string | undefined;
  let table: string | undefined;
  let schema: string | undefined;
  let skip = 0;
  let verbose = false;
  let format: 'mode' | 'csv' | 'ascii' = 'mode';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('-') && w.length > 1 && file === undefined) {
      const opt = w.replace(/^--/, '-');
      if (opt === '-csv') format = 'csv';
      else if (opt === '-ascii') format = 'ascii';
      else if (opt === '-v') verbose = true;
      else if (opt === '-skip' && i + 1 < words.length) skip = Math.max(0, Number.parseInt(words[++i]!, 10) || 0);
      else if (opt === '-schema' && i + 1 < words.length) schema = words[++i]!;
      else return usageError(ctx, `ERROR: unknown option: "${opt}". `);
    } else if (file === undefined) file = w;
    else if (table === undefined) table = w;
    else return usageError(ctx, `ERROR: extra argument: "${w}". `);
  }
  if (file === undefined) return usageError(ctx, 'ERROR: missing FILE argument.');
  if (table === undefined) return usageError(ctx, 'ERROR: missing TABLE argument.');

  // the separators
  const o = s.sqlite3Output;
  const sep = format === 'csv' || (format === 'mode' && o === undefined) ? { col: ',', row: '\n' }
    : format === 'ascii' ? { col: '\x1f', row: '\x1e' }
    : { col: o!.colSeparator, row: o!.mode === 'csv' && o!.rowSeparator === '\r\n' ? '\n' : o!.rowSeparator };
  if (sep.col.length === 0) return { type: 'error', message: 'Error: non-null column separator required for import' };
  if (sep.col.length > 1) return { type: 'error', message: 'Error: multi-character column separators not allowed for import' };
  if (sep.row.length === 0) return { type: 'error', message: 'Error: non-null row separator required for import' };
  if (sep.row.length > 1) return { type: 'error', message: 'Error: multi-character row separators not allowed for import' };

  // the text
  const label = file.startsWith('|') ? '<pipe>' : file;
  let text: string;
  try {
    text = file.startsWith('|') ? await commandOutput(file.slice(1)) : await (await import('node:fs/promises')).readFile(file, 'utf8');
  } catch {
    return { type: 'error', message: `Error: cannot open "${file}"` };
  }
  if (!file.startsWith('|') && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // (a byte-order mark)
  const read = readImportText(text, { ...sep, quotes: format !== 'ascii' && !(format === 'mode' && o?.mode === 'ascii') });
  const said = (r: ImportRecord): void => {
    for (const w of r.warnings ?? []) s.io.error(`${label}:${w.line}: ${w.text}`);
  };
  read.slice(0, skip).forEach(said);
  const records = read.slice(skip);

  // the table: its columns, or made from the first record
  const target = `${schema !== undefined ? `${q(schema)}.` : ''}${q(table)}`;
  const info = `select count(*) from pragma_table_info(${literal(table)}${schema !== undefined ? `, ${literal(schema)}` : ''})`;
  let width = 0;
  try {
    width = Number((await rows(ctx, info))[0]?.[0] ?? 0);
  } catch {
    width = 0;
  }
  if (width === 0) {
    const header = records.shift();
    if (!header) return { type: 'error', message: `${label}: empty file` };
    said(header);
    const { names, renamed } = importColumnNames(header.fields);
    if (renamed.length > 0) s.io.error(`Columns renamed during .import ${file} due to duplicates:\n${renamed.map(([a, b]) => `"${a}" to "${b}"`).join(',\n')}`);
    const create = importCreateTable(target, names);
    if (verbose) await s.out.write(`${create}\n\n`); // (-v: the statement that makes the table, as sqlite3 shows it)
    try {
      await run(ctx, create);
    } catch (e) {
      return { type: 'error', message: `${create} failed:\n${(e as Error).message}` };
    }
    width = names.length;
  }

  // the rows: each record's fields as text, NULL for the missing ones
  const own = s.connection.transactionStatus() === 'idle';
  const head = `INSERT INTO ${target} VALUES`;
  const values = (r: ImportRecord): string => {
    said(r);
    if (r.fields.length < width) s.io.error(`${label}:${r.line}: expected ${width} columns but found ${r.fields.length} - filling the rest with NULL`);
    else if (r.fields.length > width) s.io.error(`${label}:${r.line}: expected ${width} columns but found ${r.fields.length} - extras ignored`);
    const vs: string[] = [];
    for (let k = 0; k < width; k++) vs.push(k < r.fields.length ? literal(r.fields[k]!) : 'NULL');
    return `(${vs.join(',')})`;
  };
  let errors = 0;
  if (own) await run(ctx, 'BEGIN');
  try {
    for (let i = 0; i < records.length; i += ROWS_PER_INSERT) {
      const batch = records.slice(i, i + ROWS_PER_INSERT);
      const tuples = batch.map(values);
      try {
        await run(ctx, `${head}${tuples.join(',')}`);
      } catch {
        // one row at a time: each failure said, the others kept (as sqlite3 inserts)
        for (let k = 0; k < batch.length; k++) {
          try {
            await run(ctx, `${head}${tuples[k]!}`);
          } catch (e) {
            errors++;
            s.io.error(`${label}:${batch[k]!.line}: INSERT failed: ${(e as Error).message}`);
          }
        }
      }
    }
  } finally {
    if (own) await run(ctx, 'COMMIT');
  }
  if (verbose) {
    const lines = text.split('\n').length - 1;
    await s.out.write(`Added ${records.length - errors} rows with ${errors} errors using ${lines} lines of input\n`);
  }
  if (s.interactive) void s.refreshCatalog();
  return errors > 0 ? { type: 'error' } : { type: 'ok' };
}

async function run(ctx: MetaContext, sql: string): Promise<void> {
  for await (const _ of ctx.session.connection.execute(sql, ctx.opts.signal ? { signal: ctx.opts.signal } : {})) void _;
}

async function rows(ctx: MetaContext, sql: string): Promise<(readonly unknown[])[]> {
  const out: (readonly unknown[])[] = [];
  for await (const ev of ctx.session.connection.execute(sql)) if (ev.type === 'rows') out.push(...ev.rows);
  return out;
}

/** What `/bin/sh -c command` writes on its standard output (its errors go to stderr), as text. */
async function commandOutput(command: string): Promise<string> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', reject);
    child.once('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
