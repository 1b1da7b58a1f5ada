/**
 * \copy on PostgreSQL, as psql does it: the COPY statement psql sends for its arguments
 * (psql-copy-query.ts), COPY ... FROM STDIN or TO STDOUT, with the data read or written on this computer
 * through the COPY protocol: a file, a program, the script's lines after the command (or lines typed at
 * the shell's `>>` prompt), or the process's standard input or output. The server reads the rows and the
 * options (text, csv, binary is refused as text data; HEADER, FORCE_QUOTE ...), so what is loaded, what is
 * written and every error are the server's, as with psql; a file is read and sent a piece at a time.
 */
import { open, stat } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { statementOptions, type MetaContext, type MetaOutcome } from '../meta-command.js';
import { strerror } from '../../core/file-reason.js';
import { psqlCopyQuery, type PsqlCopy } from './psql-copy-query.js';
import { standardInputLines, typedLines } from './copy-from.js';

export async function copyOnServer(ctx: MetaContext, args: string): Promise<MetaOutcome> {
  const s = ctx.session;
  const parsed = psqlCopyQuery(args, s.dialect.lex.backslashEscapes === true);
  if (!parsed.ok) return { type: 'error', message: parsed.error, psql: true };
  const copy = parsed.copy;
  return copy.from ? copyIn(ctx, copy) : copyOut(ctx, copy);
}

/** psql's expand_tilde: `~/x` in the home directory (the process's HOME), relative names from the working directory. */
function localPath(file: string): string {
  const home = process.env['HOME'] || homedir();
  return resolve(process.cwd(), file === '~' ? home : file.startsWith('~/') ? `${home}${file.slice(1)}` : file);
}

/** The statement, as the runner runs any (psql's errors, notices, `COPY n`, ON_ERROR_STOP ...). */
async function send(ctx: MetaContext, sql: string, extra: { copyData?: string | AsyncIterable<string> } = {}): Promise<MetaOutcome> {
  const r = await ctx.runner.runStatement(sql, {
    ...statementOptions(ctx.opts),
    ...(extra.copyData !== undefined ? { copyData: extra.copyData } : {}),
    ...(ctx.opts.onCopyIn ? { onCopyIn: ctx.opts.onCopyIn } : {}),
    ...(ctx.opts.copyEndLine !== undefined ? { copyEndLine: ctx.opts.copyEndLine } : {}),
    // (sent as psql sends it: one request, not previewed)
    asSent: true,
    simpleQuery: true,
  });
  return r === true ? { type: 'ok' } : { type: 'error' };
}

async function copyIn(ctx: MetaContext, copy: PsqlCopy): Promise<MetaOutcome> {
  const target = copy.target;
  if (target.kind === 'file') {
    const path = localPath(target.file);
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      if ((await stat(path)).isDirectory()) return { type: 'error', message: `${target.file}: cannot copy from/to a directory`, psql: true };
      handle = await open(path, 'r');
    } catch (e) {
      return { type: 'error', message: `${target.file}: ${strerror(e)}`, psql: true };
    }
    const stream = handle.createReadStream({ encoding: 'utf8', highWaterMark: 1 << 16 });
    try {
      return await send(ctx, copy.sql, { copyData: stream as AsyncIterable<string> });
    } finally {
      stream.destroy();
      await handle.close().catch(() => undefined);
    }
  }
  if (target.kind === 'program') {
    const child = spawn('/bin/sh', ['-c', target.command], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => {
      child.once('close', (code) => resolve(code));
      child.once('error', () => resolve(127));
    });
    // (taken at once: Node drops what a child that exited wrote to a pipe no one reads yet)
    const output = child.stdout.pipe(new PassThrough());
    output.setEncoding('utf8');
    const r = await send(ctx, copy.sql, { copyData: output as AsyncIterable<string> });
    child.stdout.destroy();
    const code = await exited;
    if (code !== 0 && r.type === 'ok') return { type: 'error', message: `${target.command}: child process exited with exit code ${String(code)}`, psql: true };
    return r;
  }
  if (target.kind === 'pstdio') return send(ctx, copy.sql, { copyData: standardInputLines() });
  // STDIN: a script's lines after the command (its runner hands them over), or lines typed at the shell's prompt
  if (ctx.opts.inlineData !== undefined) return send(ctx, copy.sql, { copyData: ctx.opts.inlineData });
  const typed = await typedLines(ctx);
  if (typed === false) return { type: 'error', message: 'FROM STDIN needs the data after the command (in a script) or typed at the prompt; give a file instead' };
  if (typed === undefined) return { type: 'error', message: 'cancelled: nothing was copied' };
  return send(ctx, copy.sql, { copyData: typed });
}

async function copyOut(ctx: MetaContext, copy: PsqlCopy): Promise<MetaOutcome> {
  const s = ctx.session;
  const target = copy.target;
  // STDOUT: where results go, with no `COPY n` after the rows (as COPY ... TO STDOUT)
  if (target.kind === 'stdio') return send(ctx, copy.sql);
  const { openOutput } = await import('../open-output.js');
  let destination: Awaited<ReturnType<typeof openOutput>> | undefined;
  if (target.kind === 'file') {
    const path = localPath(target.file);
    try {
      if ((await stat(path).catch(() => undefined))?.isDirectory()) return { type: 'error', message: `${target.file}: cannot copy from/to a directory`, psql: true };
      destination = await openOutput({ file: path });
    } catch (e) {
      return { type: 'error', message: `${target.file}: ${strerror(e)}`, psql: true };
    }
  } else if (target.kind === 'program') destination = await openOutput({ command: target.command });
  const before = s.output;
  const resultsBefore = s.queryOutput;
  // the rows to the file, program or standard output; `COPY n` where results go (psql: none after rows
  // on the standard output that results go to as well)
  s.queryOutput = target.kind === 'pstdio' && before === undefined ? undefined : s.out;
  s.output = destination ?? (target.kind === 'pstdio' ? s.io.stdout : before);
  try {
    return await send(ctx, copy.sql);
  } finally {
    s.output = before;
    s.queryOutput = resultsBefore;
    await destination?.close();
  }
}
