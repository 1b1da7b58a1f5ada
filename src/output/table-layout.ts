/**
 * The pure part of the aligned table: cells (escaped text split into lines, measured once),
 * fitting column widths to a terminal, and rendering rules and rows with a border style.
 */
import type { Value } from '../core/result.js';
import { displayWidth, graphemes, truncateToWidth, wrapToWidth } from './display-width.js';
import { escapeCell } from './escape.js';
import { formatValue, isNumericValue } from './format-value.js';
import type { BorderStyle, RuleChars } from './table-style.js';

export interface Cell {
  /** Escaped text, one entry per line of the value. */
  readonly lines: readonly string[];
  /** Widest line, in cells. */
  readonly width: number;
  readonly numeric: boolean;
  readonly isNull: boolean;
}

const DIM = '\x1b[2m';
const UNDIM = '\x1b[22m';

export function textCell(text: string, numeric = false, isNull = false): Cell {
  if (text.indexOf('\n') < 0) return { lines: [text], width: displayWidth(text), numeric, isNull };
  const lines = text.split('\n');
  let width = 0;
  for (const l of lines) width = Math.max(width, displayWidth(l));
  return { lines, width, numeric, isNull };
}

export function valueCell(v: Value, nullString: string, psqlBooleans = false): Cell {
  if (v === null) return textCell(escapeCell(nullString), false, true);
  return textCell(escapeCell(formatValue(v, nullString, psqlBooleans)), isNumericValue(v));
}

/**
 * Column widths that fit budget cells in total: the widest columns are capped at a common
 * width (water filling), narrow ones keep their natural width. A column never gets less than
 * its minimum (minWidths[i]: its header, numbers unwrapped) nor less than minWidth. When even
 * that does not fit, nothing is wrapped: the natural widths come back, whole rows as psql prints
 * them, wider than budget (the pager scrolls sideways; cells cut into slivers cannot be read).
 */
export function fitWidths(natural: readonly number[], budget: number, minWidths: readonly number[] = [], minWidth = 4): number[] {
  let total = 0;
  for (const w of natural) total += w;
  if (total <= budget) return [...natural];
  const floor = natural.map((w, i) => Math.min(w, Math.max(minWidth, minWidths[i] ?? 0)));
  if (floor.reduce((a, b) => a + b, 0) > budget) return [...natural];
  // Columns pinned at their floor are taken out and the cap recomputed for the others.
  const pinned = new Array<boolean>(natural.length).fill(false);
  let cap = 0;
  for (let round = 0; round <= natural.length; round++) {
    let remaining = budget;
    const free: number[] = [];
    natural.forEach((w, i) => (pinned[i] ? (remaining -= floor[i]!) : free.push(w)));
    free.sort((a, b) => a - b);
    cap = Math.max(0, remaining);
    for (let k = 0; k < free.length; k++) {
      const left = free.length - k;
      if (free[k]! * left > remaining) {
        cap = Math.floor(Math.max(0, remaining) / left);
        break;
      }
      remaining -= free[k]!;
    }
    let changed = false;
    natural.forEach((w, i) => {
      if (!pinned[i] && floor[i]! > Math.min(w, cap)) {
        pinned[i] = true;
        changed = true;
      }
    });
    if (!changed) break;
  }
  const widths = natural.map((w, i) => (pinned[i] ? floor[i]! : Math.min(w, cap)));
  // Hand out the cells left over by rounding, left to right, to the capped columns.
  let spare = budget - widths.reduce((a, b) => a + b, 0);
  for (let i = 0; i < widths.length && spare > 0; i++) {
    if (natural[i]! > widths[i]!) {
      widths[i]!++;
      spare--;
    }
  }
  return widths;
}

/**
 * psql's wrapped format: while the table is wider than `columns`, take one cell from the column whose
 * width is the largest multiple of its average (the one that wraps the fewest values), a wide column
 * slightly preferred (1% of its width); never below its header. Nothing shrinks when even the headers do
 * not fit. `overhead`: the borders' and padding's cells; averages: each column's mean value width (integer).
 */
export function psqlWrappedWidths(maxWidths: readonly number[], headerWidths: readonly number[], averages: readonly number[], overhead: number, columns: number): number[] {
  const wrap = [...maxWidths];
  let total = overhead + maxWidths.reduce((a, b) => a + b, 0);
  const headerTotal = overhead + headerWidths.reduce((a, b) => a + b, 0);
  if (columns <= 0 || columns < headerTotal) return wrap;
  while (total > columns) {
    let maxRatio = 0;
    let worst = -1;
    for (let i = 0; i < wrap.length; i++) {
      if (averages[i]! > 0 && wrap[i]! > headerWidths[i]!) {
        const ratio = wrap[i]! / averages[i]! + maxWidths[i]! * 0.01;
        if (ratio > maxRatio) {
          maxRatio = ratio;
          worst = i;
        }
      }
    }
    if (worst < 0) break;
    wrap[worst]!--;
    total--;
  }
  return wrap;
}

/** A line cut into pieces of at most `width` cells, character by character (psql's wrapped format); a wider character stands alone. */
export function cutToWidth(text: string, width: number): string[] {
  const pieces: string[] = [];
  let line = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = displayWidth(g);
    if (used + w > width && line !== '') {
      pieces.push(line);
      line = '';
      used = 0;
    }
    line += g;
    used += w;
  }
  pieces.push(line);
  return pieces;
}

export function renderRule(rule: RuleChars, widths: readonly number[]): string {
  let out = rule.left;
  for (let i = 0; i < widths.length; i++) {
    if (i > 0) out += rule.mid;
    out += rule.fill.repeat(widths[i]! + 2 * rule.pad);
  }
  return out + rule.right + '\n';
}

/** How a cell's visual line began: its value's first line, a wrapped piece, a line after a newline. */
export type LineStart = 'first' | 'wrap' | 'newline';

export interface VisualLine {
  readonly text: string;
  readonly width: number;
  /** The mark after it: the style's wrap or newline mark when the value goes on, else ' '. */
  readonly mark: string;
  readonly start: LineStart;
}

/** The lines a cell takes at width w: wrapped, marked, and cut to maxLines (last line ends in '…'). */
export function cellLines(cell: Cell, w: number, style: BorderStyle, maxLines: number, charWrap = false): VisualLine[] {
  const out: VisualLine[] = [];
  const n = cell.lines.length;
  for (let i = 0; i < n; i++) {
    const line = cell.lines[i]!;
    const pieces = cell.width <= w ? [line] : charWrap ? cutToWidth(line, w) : wrapToWidth(line, w);
    for (let j = 0; j < pieces.length; j++) {
      const mark = j < pieces.length - 1 ? style.wrapMark : i < n - 1 ? style.newlineMark : ' ';
      const text = pieces[j]!;
      const start: LineStart = j > 0 ? 'wrap' : i > 0 ? 'newline' : 'first';
      out.push({ text, width: cell.width <= w && n === 1 ? cell.width : displayWidth(text), mark, start });
    }
    if (out.length > maxLines) break;
  }
  if (out.length > maxLines) {
    out.length = maxLines;
    const last = out[maxLines - 1]!;
    // Always end in '…': append it when there is room, else cut the line to make room.
    const text = last.width + 1 <= w ? last.text + '…' : truncateToWidth(last.text + '…', w);
    out[maxLines - 1] = { text, width: displayWidth(text), mark: ' ', start: last.start };
  }
  return out;
}

export interface RowLayout {
  readonly style: BorderStyle;
  readonly widths: readonly number[];
  readonly maxLines: number;
  readonly color: boolean;
  /** Wrap values character by character at the width (psql's wrapped format), not at spaces. */
  readonly charWrap?: boolean;
}

function dimmed(text: string, cell: Cell, layout: RowLayout): string {
  return cell.isNull && layout.color && text !== '' ? DIM + text + UNDIM : text;
}

/**
 * The column names, as psql draws them: centred (or on the left in sqlsh's boxed styles), a name
 * with a newline on several lines with the style's marks, the line printed whole.
 */
function renderHeader(cells: readonly Cell[], layout: RowLayout): string {
  const { style, widths } = layout;
  const n = widths.length;
  const columns = cells.map((c, i) => (c.width <= widths[i]! ? c.lines.map((text) => ({ text, width: displayWidth(text) })) : cellLines(c, widths[i]!, style, Number.MAX_SAFE_INTEGER)));
  let height = 1;
  for (const c of columns) height = Math.max(height, c.length);
  const border = style.border;
  let out = '';
  for (let h = 0; h < height; h++) {
    let line = style.left;
    for (let i = 0; i < n; i++) {
      const w = widths[i]!;
      const lines = columns[i]!;
      if (border !== 0 || (!style.marksRight && i > 0)) line += h > 0 ? style.headerNewlineLeft : ' ';
      const l = lines[h];
      if (l === undefined) line += spaces(w);
      else if (style.centerHeader) {
        const room = w - l.width;
        line += spaces(Math.floor(room / 2)) + l.text + spaces(room - Math.floor(room / 2));
      } else line += l.text + spaces(w - l.width);
      if (border !== 0 || style.marksRight) line += h < lines.length - 1 ? style.headerNewlineRight : ' ';
      if (border !== 0 && i < n - 1) line += style.mid;
    }
    out += line + style.right + '\n';
  }
  return out;
}

/** One table row (possibly several terminal lines), each line ending in '\n'. */
export function renderRow(cells: readonly Cell[], layout: RowLayout, header = false): string {
  if (header) return renderHeader(cells, layout);
  const { style, widths } = layout;
  const n = widths.length;
  // Fast path: every cell is one line that fits.
  let simple = true;
  for (let i = 0; i < n; i++) {
    const c = cells[i]!;
    if (c.lines.length !== 1 || c.width > widths[i]!) {
      simple = false;
      break;
    }
  }
  if (simple) return simpleRow(cells, layout) + '\n';
  const columns: VisualLine[][] = [];
  let height = 1;
  for (let i = 0; i < n; i++) {
    const lines = cellLines(cells[i]!, widths[i]!, style, layout.maxLines, layout.charWrap === true);
    columns.push(lines);
    height = Math.max(height, lines.length);
  }
  // psql's rules: a line that continues a value is marked on the left (borders 1 and 2) and the
  // line before it on the right; the rule between columns tells how the next column's line began;
  // without a right border the last column is not padded unless a mark follows it.
  const border = style.border;
  let out = '';
  for (let h = 0; h < height; h++) {
    let line = style.left;
    for (let i = 0; i < n; i++) {
      const cell = cells[i]!;
      const w = widths[i]!;
      const vl = columns[i]![h];
      const next = columns[i]![h + 1];
      const padded = border === 2 || i < n - 1;
      if (border !== 0) line += vl === undefined || vl.start === 'first' ? ' ' : vl.start === 'wrap' ? style.wrapLeft : style.newlineLeft;
      if (vl === undefined) {
        if (padded) line += spaces(w);
      } else if (cell.numeric) line += spaces(w - vl.width) + dimmed(vl.text, cell, layout);
      else {
        line += dimmed(vl.text, cell, layout);
        if (padded || next) line += spaces(w - vl.width);
      }
      if (next) line += next.start === 'wrap' ? style.wrapMark : style.newlineMark;
      else if (padded) line += ' ';
      if (border !== 0 && i < n - 1) {
        const nv = columns[i + 1]![h];
        line += nv === undefined ? style.midBlank : nv.start === 'wrap' ? style.midWrap : nv.start === 'newline' ? style.midNewline : style.mid;
      }
    }
    out += line + style.right + '\n';
  }
  return out;
}

const SPACES: string[] = [];
function spaces(n: number): string {
  if (n <= 0) return '';
  if (n < 256) return (SPACES[n] ??= ' '.repeat(n));
  return ' '.repeat(n);
}

/** A row whose cells are all one line that fits: the hot path of big results. */
function simpleRow(cells: readonly Cell[], layout: RowLayout): string {
  const { style, widths, color } = layout;
  const open = style.trimRight;
  const lead = style.border === 0 ? '' : ' ';
  const last = widths.length - 1;
  let line = style.left;
  for (let i = 0; i < widths.length; i++) {
    const cell = cells[i]!;
    let text = cell.lines[0]!;
    if (cell.isNull && color && text !== '') text = DIM + text + UNDIM;
    if (i > 0) line += style.mid;
    if (open && i === last) {
      line += cell.numeric ? lead + spaces(widths[i]! - cell.width) + text : lead + text;
      break;
    }
    const pad = spaces(widths[i]! - cell.width);
    line += cell.numeric ? lead + pad + text + ' ' : lead + text + pad + ' ';
  }
  return line + style.right;
}
