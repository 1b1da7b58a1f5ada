/**
 * Where the editor area starts after the terminal got narrower. Terminals treat the rows already
 * on the screen in one of three ways when the width shrinks:
 *
 * - 'truncate' (XTerm, st, the Linux console): nothing is rewrapped, rows are cut at the new width;
 *   the cursor keeps its row and its column is clamped to the last one.
 * - 'follow' (VTE, kitty, Alacritty, iTerm2, tmux, Windows Terminal): every row wider than the
 *   screen is rewrapped and the cursor moves with the character it was on.
 * - 'xterm.js' (VS Code, Hyper, Tabby...): rows are rewrapped bottom-up, but every row added by a
 *   rewrap moves the cursor down one, wherever that row is (also below the cursor: the menu and the
 *   toolbar). The row it leaves alone as "the cursor's" is the one the cursor is on at that moment,
 *   so once something below has grown, the cursor's real row is rewrapped too. The column is clamped.
 *   When the screen also got shorter, it first drops lines below the cursor, blank or not: if the
 *   cursor ends on the last row, the rows of the area below it are gone.
 *
 * xterm.js and XTerm say who they are in their secondary device attributes (`terminalKindFromDa2`);
 * the others are told apart by the column of a cursor position report after the resize.
 */
export type TerminalKind = 'truncate' | 'follow' | 'xterm.js';

export interface ResizeReport {
  /** 0-based cursor column reported by the terminal after the resize. */
  readonly reportedCol?: number;
  /** 0-based cursor row reported after the resize, and the screen's height before and after. */
  readonly reportedRow?: number;
  readonly rowsBefore?: number;
  readonly rowsAfter?: number;
  readonly terminal?: TerminalKind;
}

export interface ShrinkInput extends ResizeReport {
  /** Display width of each row of the frame on screen, top to bottom. */
  readonly widths: readonly number[];
  /** The cursor's row within the frame and its column, before the resize. */
  readonly row: number;
  readonly col: number;
  readonly newCols: number;
}

/** The reply to CSI > c, e.g. '0;276;0' (without the leading '>' and final 'c'). */
export function terminalKindFromDa2(params: string): TerminalKind | undefined {
  const p = params.replace(/^>/, '').split(';');
  if (p[0] === '0' && p[1] === '276') return 'xterm.js';
  if (p[0] === '41') return 'truncate';
  return undefined;
}

const rowsAt = (w: number, n: number): number => Math.max(1, Math.ceil(w / n));

/**
 * How many rows above the cursor the area's first row is once the terminal has narrowed to
 * `newCols` (and rewrapped what it rewraps). Without `terminal`, the reported column decides: it
 * moved along with the cursor's rewrapped row -> 'follow'; clamped to the last column -> 'truncate';
 * no report, or the cursor's row did not need rewrapping -> 'follow'.
 */
export function rowsAboveAfterShrink(i: ShrinkInput): number {
  const n = Math.max(1, i.newCols);
  const kind = i.terminal ?? (i.col >= n && i.reportedCol !== undefined && i.reportedCol !== i.col % n ? 'truncate' : 'follow');
  const { widths, row } = i;
  if (kind === 'truncate') return row;
  if (kind === 'follow') {
    let up = Math.floor(i.col / n);
    for (let r = 0; r < row; r++) up += rowsAt(widths[r] ?? 0, n);
    return up;
  }
  // xterm.js: bottom-up; the row skipped is the one the (already moved) cursor is on.
  const shorter = (i.rowsAfter ?? 0) > 0 && (i.rowsAfter ?? 0) < (i.rowsBefore ?? 0);
  const dropped = shorter && i.reportedRow !== undefined && i.reportedRow >= i.rowsAfter! - 1;
  const last = dropped ? row : widths.length - 1;
  let added = 0;
  for (let r = last; r >= 0; r--) {
    const w = widths[r] ?? 0;
    if (w <= n || r === row + added) continue;
    added += rowsAt(w, n) - 1;
  }
  return row + added;
}
