/**
 * \watch: re-runs the last statement every N seconds until Ctrl-C (the run's signal or SIGINT),
 * an error, or COUNT runs. On a terminal each run clears the screen first; a header gives the time.
 */
import type { MetaContext, MetaOutcome } from './meta-command.js';
import { ok } from './meta-command.js';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

export async function watchStatement(ctx: MetaContext, seconds: number, count: number): Promise<MetaOutcome> {
  const s = ctx.session;
  const sql = s.lastSql!;
  const abort = new AbortController();
  const stop = (): void => abort.abort();
  if (ctx.opts.signal?.aborted) return ok;
  ctx.opts.signal?.addEventListener('abort', stop);
  process.on('SIGINT', stop);
  try {
    for (let n = 0; n < count && !abort.signal.aborted; n++) {
      const clear = s.out.isTTY ? '\x1b[H\x1b[2J' : '';
      const oneLine = sql.replace(/\s+/g, ' ').trim();
      const shown = oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
      await s.out.write(`${clear}${new Date().toLocaleString()} (every ${seconds}s)  ${shown}\n\n`);
      const r = await ctx.runner.runStatement(sql, {
        line: ctx.opts.line,
        signal: abort.signal,
        stopOnError: true,
        confirmDestructive: n === 0 && ctx.opts.confirmDestructive,
        ...(ctx.opts.source ? { source: ctx.opts.source } : {}),
      });
      if (r === 'cancelled') break;
      if (r === false) return { type: 'error' };
      if (n + 1 < count) {
        await s.out.write('\n');
        await sleep(seconds * 1000, abort.signal);
      }
    }
  } finally {
    process.off('SIGINT', stop);
    ctx.opts.signal?.removeEventListener('abort', stop);
  }
  return ok;
}
