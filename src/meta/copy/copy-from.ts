/**
 * \copy TABLE FROM 'file': reads a local CSV/text file and inserts its rows through the connection,
 * several rows per INSERT, inside one transaction (unless one is already open: then it joins it).
 * Values are sent as quoted string literals, which every engine converts to the column's type.
 */
import { readFile } from 'node:fs/promises';
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
  const file = spec.file!;
  let input: string;
  try {
    input = await readFile(file, 'utf8');
  } catch (e) {
    return { type: 'error', message: `cannot read ${JSON.stringify(file)}: ${fileErrorReason(e)}` };
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
  s.io.message(`COPY ${done}`);
  if (s.interactive) void s.refreshCatalog();
  return { type: 'ok' };
}
