/** \copy ... TO: runs the query (or reads the table) and writes the rows to a local file or the output. */
import { createWriteStream } from 'node:fs';
import type { MetaContext, MetaOutcome } from '../meta-command.js';
import type { CopySpec } from './parse-copy.js';
import { formatDelimited, formatHeader } from './delimited-text.js';
import { streamOutput } from '../../output/stream-output.js';
import type { TextOutput } from '../../output/sink.js';
import { fileErrorReason } from '../file-error.js';
import { copyStatus } from './copy-from.js';

export async function copyTo(ctx: MetaContext, spec: CopySpec): Promise<MetaOutcome> {
  const s = ctx.session;
  const sql = spec.query ?? `SELECT ${spec.columns ?? '*'} FROM ${spec.table}`;
  let out: TextOutput = spec.stdio === 'pstdout' ? s.io.stdout : s.out;
  let stream: ReturnType<typeof createWriteStream> | undefined;
  if (spec.file !== undefined) {
    stream = createWriteStream(spec.file);
    const err = await new Promise<Error | undefined>((resolve) => {
      stream!.once('open', () => resolve(undefined));
      stream!.once('error', resolve);
    });
    if (err) return { type: 'error', message: `cannot write to ${JSON.stringify(spec.file)}: ${fileErrorReason(err)}` };
    out = streamOutput(stream);
  }
  let count = 0;
  let failed: unknown;
  try {
    for await (const ev of s.connection.execute(sql, ctx.opts.signal ? { signal: ctx.opts.signal } : {})) {
      if (ev.type === 'columns' && spec.header) await out.write(formatHeader(ev.columns.map((c) => c.name), spec));
      else if (ev.type === 'rows') {
        let chunk = '';
        for (const r of ev.rows) chunk += formatDelimited(r, spec);
        count += ev.rows.length;
        await out.write(chunk);
      }
    }
  } catch (e) {
    failed = e;
  } finally {
    if (stream) await new Promise<void>((resolve) => stream!.end(() => resolve()));
  }
  if (failed) throw failed;
  // psql says nothing after rows written where results go (they would be mixed with them)
  if (spec.file !== undefined) await copyStatus(ctx, count);
  return { type: 'ok' };
}
