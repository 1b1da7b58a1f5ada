/**
 * Terminal resize while the editor owns the screen. On SIGWINCH the terminal has already resized
 * (and maybe rewrapped what was on it): ask it where the cursor went (a cursor position report)
 * and, the first time, who it is (secondary device attributes), then let the renderer find the
 * editor area again (reflow.ts). Nothing is drawn until the replies arrive or a short timeout ends.
 */
import type { KeyPress } from './key-press.js';
import { terminalKindFromDa2, type ResizeReport, type TerminalKind } from './reflow.js';

const REPLY_TIMEOUT_MS = 150;

export class ResizeWatcher {
  private timer: NodeJS.Timeout | undefined;
  private terminal: TerminalKind | undefined;
  private asked = false;
  /** Screen height when the editor last drew (before this resize). */
  private rows: number;

  /** `finish` runs once per resize (burst), with what the terminal told. */
  constructor(
    private readonly write: (s: string) => void,
    private readonly finish: (report: ResizeReport) => void,
    private readonly screenRows: () => number = () => 0,
  ) {
    this.rows = screenRows();
  }

  /** Between a resize and its replies: draw nothing (the screen is not where the renderer thinks). */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  resized(guard: (f: () => void) => void): void {
    if (this.timer) return;
    const askWho = !this.asked;
    this.asked = true;
    this.write((askWho ? '\x1b[>c' : '') + '\x1b[6n');
    this.timer = setTimeout(() => guard(() => this.done({})), REPLY_TIMEOUT_MS);
  }

  /** Consume a terminal reply key ('cpr', 'da2'); false for every other key. */
  reply(key: KeyPress): boolean {
    if (key.key === 'da2') {
      this.terminal ??= terminalKindFromDa2(key.text ?? '');
      return true;
    }
    if (key.key !== 'cpr') return false;
    if (this.timer) {
      const [row, col] = (key.text ?? '').split(';').map((n) => Number(n) - 1);
      this.done(Number.isFinite(col) && Number.isFinite(row) ? { reportedCol: col!, reportedRow: row! } : {});
    }
    return true;
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private done(report: ResizeReport): void {
    this.cancel();
    const rows = { rowsBefore: this.rows, rowsAfter: this.screenRows() };
    this.rows = rows.rowsAfter;
    this.finish(this.terminal ? { ...report, ...rows, terminal: this.terminal } : { ...report, ...rows });
  }
}
