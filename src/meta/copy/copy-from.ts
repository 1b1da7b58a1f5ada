/**
 * \copy TABLE FROM 'file': reads a local CSV/text file and inserts its rows through the connection,
 * several rows per INSERT, inside one transaction (unless one is already open: then it joins it).
 * Values are sent as quoted string literals, which every engine converts to the column's type.
 *
 * FROM STDIN, as psql: in a script the lines after the command up to `\.`; in the shell, lines typed
 * at a `>>` prompt up to `\.`. FROM PSTDIN: the process's standard input, up to `\.` or its end.
 */
import { readFile } from 'node:fs/promises';
import { readLine } from '../read-line.js';
import type { MetaContext, MetaOutcome } from '../meta-command.js';
import type { CopySpec } from './parse-copy.js';
import { parseDelimited } from './delimited-text.js';
import { sqlString } from '../describe/query-rows.js';
import { fileErrorReason } from '../file-error.js';

const ROWS_PER_INSERT = 200;

async function run(ctx: MetaContext, sql: string): Promise<void> {
  for await (const _ of ctx.session.connection.execute(sql, ctx.opts.signal ? { signal: ctx.opts.signal } : {})) {
    // drain
  }
}

export async function copyFrom(ctx: MetaContext, spec: CopySpec): Promise<MetaOutcome> {
  const s = ctx.session;
  const file = spec.file ?? (spec.stdio === 'pstdin' ? 'PSTDIN' : 'STDIN');
  let input: string;
  if (spec.file !== undefined) {
    try {
      input = await readFile(file, 'utf8');
    } catch (e) {
      return { type: 'error', message: `cannot read ${JSON.stringify(file)}: ${fileErrorReason(e)}` };
    }
  } else {
    const asking = spec.stdio === 'stdin' && ctx.opts.inlineData === undefined;
    const typed = asking ? await typedLines(ctx) : undefined;
    if (typed === false) return { type: 'error', message: 'FROM STDIN needs the data after the command (in a script) or typed at the prompt; give a file instead' };
    if (asking && typed === undefined) return { type: 'error', message: 'cancelled: nothing was copied' };
    input = spec.stdio === 'pstdin' ? standardInputLines() : typed ?? (await textOf(ctx.opts.inlineData ?? ''));
  }
  const records = parseDelimited(input, spec);
  if (spec.header) records.shift();
  const backslashes = s.dialect.lex.backslashEscapes;
  const literal = (v: string | null): string => (v === null ? 'NULL' : sqlString(v, backslashes));
  const width = records[0]?.fields.length ?? 0;
  const bad = records.find((r) => r.fields.length !== width);
  if (bad) return { type: 'error', message: `${file}:${bad.line}: ${bad.fields.length} fields where the first row has ${width}; nothing was copied` };
  const head = `INSERT INTO ${spec.table}${spec.columns ? ` (${spec.columns})` : ''} VALUES `;
  const own = s.connection.transactionStatus() === 'idle';
  if (own) await run(ctx, s.dialect.id === 'mysql' ? 'START TRANSACTION' : 'BEGIN');
  let done = 0;
  try {
    for (let i = 0; i < records.length; i += ROWS_PER_INSERT) {
      const batch = records.slice(i, i + ROWS_PER_INSERT);
      const values = batch.map((r) => `(${r.fields.map(literal).join(', ')})`).join(',\n');
      try {
        await run(ctx, head + values);
      } catch (e) {
        const first = batch[0]!.line;
        const last = batch[batch.length - 1]!.line;
        throw Object.assign(e as Error, { message: `${file}:${first === last ? first : `${first}-${last}`}: ${(e as Error).message}` });
      }
      done += batch.length;
    }
    if (own) await run(ctx, 'COMMIT');
  } catch (e) {
    if (own) await run(ctx, 'ROLLBACK').catch(() => undefined);
    return { type: 'error', message: `${(e as Error).message}${own ? '; nothing was copied' : ''}` };
  }
  await copyStatus(ctx, done);
  if (s.interactive) void s.refreshCatalog();
  return { type: 'ok' };
}

/** psql's `COPY n` after \copy: where results go (stdout, or the \o file), unless QUIET. */
export async function copyStatus(ctx: MetaContext, n: number): Promise<void> {
  if (ctx.session.variables.get('QUIET')?.toLowerCase() === 'on') return;
  if (ctx.session.interactive) ctx.session.io.message(`COPY ${n}`);
  else await ctx.session.out.write(`COPY ${n}\n`);
}

/**
 * The shell: psql's prompt for the rows, then lines at `>> ` up to `\\.` or Ctrl-D (an empty line is a row).
 * false: no prompt to ask on; undefined: Ctrl-C (nothing is copied).
 */
export async function typedLines(ctx: MetaContext): Promise<string | false | undefined> {
  const io = ctx.session.io;
  if (!ctx.session.interactive || (!io.askLines && !io.ask)) return false;
  io.message('Enter data to be copied followed by a newline.\nEnd with a backslash and a period on a line by itself, or an EOF signal.');
  if (io.askLines) {
    const lines = await io.askLines('>> ', (line) => line === '\\.');
    return lines === undefined ? undefined : lines.map((l) => `${l}\n`).join('');
  }
  let text = '';
  for (;;) {
    const line = await io.ask!('>> ');
    if (line === '\\.' || line === '') return text;
    text += `${line}\n`;
  }
}

/** Inline data whole (read in pieces, it comes as pieces). */
async function textOf(data: string | AsyncIterable<string>): Promise<string> {
  if (typeof data === 'string') return data;
  let text = '';
  for await (const piece of data) text += piece;
  return text;
}

/** The process's standard input (PSTDIN), up to a line `\.` or its end. */
export function standardInputLines(): string {
  let text = '';
  for (let line = readLine(0); line !== undefined && line !== '\\.'; line = readLine(0)) text += `${line}\n`;
  return text;
}
