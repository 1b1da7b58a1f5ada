/**
 * Writes Frames to the terminal, rewriting only the rows that changed since the previous frame.
 * Positions are relative to the first row of the editor area; the cursor is moved with CUU/CUD,
 * and new rows below the area are created with CR LF (which scrolls at the bottom of the screen).
 */
import type { Frame } from './layout.js';
import { rowsAboveAfterShrink, type ResizeReport } from './reflow.js';
import { joinText, ownControl, type TerminalText } from '../output/terminal-text.js';

/** Where frames go: only TerminalText (escaped rows and the renderer's own control sequences). */
export interface TerminalOutput {
  write(s: TerminalText): unknown;
}

const CR = ownControl('\r');
const ERASE_LINE = ownControl('\x1b[K');
const ERASE_BELOW = ownControl('\x1b[J');
const HIDE_CURSOR = ownControl('\x1b[?25l');
const SHOW_CURSOR = ownControl('\x1b[?25h');

export class Renderer {
  private prev: readonly TerminalText[] = [];
  /** Terminal cursor row, relative to the area's first row. */
  private row = 0;
  /** Rows of the screen that belong to the area (already exist below its first row). */
  private height = 1;
  /** Terminal cursor column after the last render. */
  private col = -1;
  private prevWidths: readonly number[] = [];
  /** Width of the terminal at the last render. */
  private cols = 0;

  constructor(private readonly out: TerminalOutput) {}

  /** Forget the previous frame: the next render rewrites everything from the area's first row. */
  invalidate(): void {
    this.prev = [];
    this.col = -1;
  }

  private moveTo(r: number): TerminalText {
    let s = '';
    if (r < this.row) s += `\x1b[${this.row - r}A`;
    else if (r > this.row) {
      const existing = Math.min(r, this.height - 1);
      if (existing > this.row) s += `\x1b[${existing - this.row}B`;
      for (let k = Math.max(existing, this.row); k < r; k++) s += '\r\n';
      this.height = Math.max(this.height, r + 1);
    }
    this.row = r;
    return ownControl(s);
  }

  /** Draw `f`; returns the bytes written (for tests and the benchmark). */
  render(f: Frame, cols: number): string {
    const parts: TerminalText[] = [];
    const n = f.rows.length;
    for (let r = 0; r < n; r++) {
      if (f.rows[r] === this.prev[r]) continue;
      parts.push(this.moveTo(r), CR, f.rows[r]!);
      if ((f.widths[r] ?? 0) < cols) parts.push(ERASE_LINE);
    }
    if (this.prev.length > n) parts.push(this.moveTo(n), CR, ERASE_BELOW);
    if (parts.length > 0 || f.cursorRow !== this.row || f.cursorCol !== this.col) {
      parts.push(this.moveTo(f.cursorRow), CR, ownControl(f.cursorCol > 0 ? `\x1b[${f.cursorCol}C` : ''));
    }
    this.col = f.cursorCol;
    this.prev = f.rows;
    this.prevWidths = f.widths;
    this.cols = cols;
    const body = joinText(parts);
    if (body === '') return '';
    const s = joinText([HIDE_CURSOR, body, SHOW_CURSOR]);
    this.out.write(s);
    return s;
  }

  /**
   * Terminal resized: move to the area's first row, clear to the end of the screen and redraw.
   * Nothing moves when the width grows (our rows are never soft-wrapped, so no terminal rejoins
   * them). When it shrinks, terminals differ in what they do with the rows already drawn, and the
   * way back up to the area's top has to follow what this one did (see `rowsAboveAfterShrink`).
   */
  resized(newCols: number, after: ResizeReport = {}): void {
    const up = this.cols > 0 && newCols < this.cols
      ? rowsAboveAfterShrink({ widths: this.prevWidths, row: this.row, col: Math.max(0, this.col), newCols, ...after })
      : this.row;
    this.out.write(ownControl((up > 0 ? `\x1b[${up}A` : '') + '\r\x1b[J'));
    this.row = 0;
    this.prev = [];
    this.height = 1;
    this.col = -1;
  }

  /** Ctrl-L: clear the screen; the area starts again at the top. */
  clearScreen(): void {
    this.out.write(ownControl('\x1b[H\x1b[2J'));
    this.row = 0;
    this.height = 1;
    this.prev = [];
    this.col = -1;
  }

  /** After the final frame: move below it and start a fresh line; the next area starts there. */
  finish(rowsInFrame: number): void {
    this.out.write(joinText([this.moveTo(Math.max(0, rowsInFrame - 1)), ownControl('\r\n')]));
    this.row = 0;
    this.height = 1;
    this.prev = [];
    this.col = -1;
  }
}
