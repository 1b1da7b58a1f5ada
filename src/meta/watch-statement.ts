/**
 * \watch: re-runs the last statement every N seconds until Ctrl-C (the run's signal or SIGINT),
 * an error, or COUNT runs. On a terminal each run clears the screen first. The header is psql's:
 * the title (here the statement, on one line, cut to the terminal's width), then the time and the
 * interval; the time is local and ISO-like, the same in every locale:
 *
 *   select count(*) from tracks  2026-12-04 14:59:05 (every 2s)
 */
import type { MetaContext, MetaOutcome } from './meta-command.js';
import { ok } from './meta-command.js';
import { stdoutTerminal } from '../output/terminal-writer.js';
import { ownControl } from '../output/terminal-text.js';

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

const two = (n: number): string => String(n).padStart(2, '0');

/** Local time as 2026-12-04 14:59:05. */
function isoLocalTime(d: Date): string {
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** The header line of one run (without the newline). */
export function watchHeader(sql: string, seconds: number, when: Date, columns: number | undefined): string {
  const tail = `${isoLocalTime(when)} (every ${seconds}s)`;
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  const room = Math.max(20, (columns && columns > 0 ? columns : 80) - tail.length - 2);
  const shown = oneLine.length > room ? `${oneLine.slice(0, room - 3)}...` : oneLine;
  return `${shown}  ${tail}`;
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
      // Clearing the screen is the program's own control: it goes through the terminal writer
      // (results on a terminal pass a guard that lets only colours through).
      if (s.out.isTTY) stdoutTerminal().write(ownControl('\x1b[H\x1b[2J'));
      await s.out.write(`${watchHeader(sql, seconds, new Date(), s.out.columns)}\n\n`);
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
