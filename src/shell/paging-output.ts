/**
 * Interactive result output: holds text back until it is known whether it fits the screen. Output
 * taller or wider than the terminal goes through the pager; output that fits is written directly,
 * so a small result never starts a pager process. When the user quits the pager early, onQuit is
 * called so the running query can be cancelled. The time spent waiting for the pager to take more
 * text (the user reading) is counted in waitedMs, so \timing can leave it out.
 *
 * pageText() is the same rule for text that is not a result (\? and other long help).
 */
import { displayWidth } from '../output/display-width.js';
import { openPager, type PagerOutput } from '../output/pager.js';
import type { TextOutput } from '../output/sink.js';
import type { Session } from './session.js';
import { nowMs } from '../core/now-ms.js';

export class PagingOutput implements TextOutput {
  readonly isTTY = true;
  readonly columns: number;
  private readonly rows: number;
  private held: string[] = [];
  private lines = 0;
  private partialWidth = 0;
  private pager: PagerOutput | undefined;
  private failed = false;

  constructor(
    private readonly direct: TextOutput,
    private readonly pagerCommand: string,
    size: { columns: number; rows: number },
    private readonly onQuit: () => void,
    /** \\pset pager_min_lines: fewer lines than this never start the pager. */
    private readonly minLines = 0,
    /** psql's `\\pset pager always`: any output goes through the pager, short or not. */
    private readonly always = false,
  ) {
    this.columns = size.columns;
    this.rows = size.rows;
  }

  /** Milliseconds spent waiting for the pager to take text (the user reading): not the statement's time. */
  waitedMs = 0;

  async write(text: string): Promise<void> {
    if (this.pager) {
      if (this.pager.closedEarly) return;
      const wait = this.pager.write(text);
      if (wait) {
        const from = nowMs();
        await wait;
        this.waitedMs += nowMs() - from;
      }
      if (this.pager.closedEarly) this.onQuit();
      return;
    }
    if (this.failed) return void (await this.direct.write(text));
    this.held.push(text);
    if (this.always) return this.startPager();
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const piece = text.slice(start, nl < 0 ? undefined : nl);
      this.partialWidth += displayWidth(piece.replace(/\x1b\[[0-9;]*m/g, ''));
      if (this.partialWidth > this.columns && this.lines + 1 >= this.minLines) return this.startPager();
      if (nl < 0) break;
      this.lines++;
      this.partialWidth = 0;
      start = nl + 1;
    }
    if (this.lines >= Math.max(this.rows - 1, this.minLines)) await this.startPager();
  }

  private async startPager(): Promise<void> {
    try {
      this.pager = await openPager(this.pagerCommand || undefined, process.env, { columns: this.columns });
    } catch (e) {
      this.failed = true;
      await this.direct.write(`sqlsh: ${(e as Error).message}\n`);
      await this.flushDirect();
      return;
    }
    const text = this.held.join('');
    this.held = [];
    const from = nowMs();
    await this.pager.write(text);
    this.waitedMs += nowMs() - from;
  }

  private async flushDirect(): Promise<void> {
    const text = this.held.join('');
    this.held = [];
    if (text) await this.direct.write(text);
  }

  /** Everything written: flush what was held, or wait for the pager to be closed by the user. */
  async close(): Promise<void> {
    if (this.pager) await this.pager.close();
    else await this.flushDirect();
  }
}

/**
 * The pager for output shown to a person: interactive, no \o redirection, a terminal, a pager command
 * ($PAGER or the setting). Undefined otherwise. onQuit runs when the user quits the pager early.
 */
export function terminalPager(session: Session, onQuit: () => void = () => {}): (PagingOutput & { quit: boolean }) | undefined {
  if (!session.interactive || session.output) return undefined; // first: a script need not make Node's stdout stream
  const stdout = process.stdout;
  const command = process.env.PAGER ?? session.settings.pager;
  if (!stdout.isTTY || !command.trim()) return undefined;
  const p = new PagingOutput(session.io.stdout, command, { columns: stdout.columns || 80, rows: stdout.rows || 24 }, () => {
    p.quit = true;
    onQuit();
  }, session.settings.pager_min_lines, session.pagerAlways) as PagingOutput & { quit: boolean };
  p.quit = false;
  return p;
}

/**
 * Text shown to a person (help, settings lists): on the screen, through the pager when it does not fit
 * it (the same rule as results); to stdout when there is no terminal or pager (never into \o).
 */
export async function pageText(session: Session, text: string, fallback: TextOutput = session.io.stdout): Promise<void> {
  const paging = terminalPager(session);
  if (!paging) return void (await fallback.write(text));
  await paging.write(text);
  await paging.close();
}
