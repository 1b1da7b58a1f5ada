/**
 * A line chart: y axis labels on the left, the plot, an x axis with its first, middle and last label,
 * and a legend. With Unicode and colour each cell holds 2x4 Braille dots, so lines are drawn at
 * twice the width and four times the height of the grid, each series in its colour (a cell shared
 * by two series takes the colour of the last). Without colour and with several series, or in ASCII,
 * each series is drawn at cell resolution with its own mark (• × + o / * + o x), so the lines stay
 * apart on any terminal. Points are joined in x order; a NULL breaks the line.
 */
import type { TerminalText } from '../output/terminal-text.js';
import type { LineData } from './chart-data.js';
import { displayWidth, truncateToWidth } from '../output/display-width.js';
import { escapeForTerminal } from '../output/escape.js';
import { formatTick, formatTime, line, seriesSgr, type ChartLook, type Seg } from './chart-look.js';
import { legend } from './render-bars.js';

const MARKS_UNICODE = ['•', '×', '+', 'o', '◆', '*'];
const MARKS_ASCII = ['*', '+', 'o', 'x', '#', '@'];
/** Braille dot bits by [dx][dy]. */
const DOT = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];

export function renderLine(data: LineData, names: readonly string[], look: ChartLook): TerminalText[] {
  const braille = look.unicode && (look.color || names.length === 1);
  const marks = look.unicode ? MARKS_UNICODE : MARKS_ASCII;
  const markOf = (s: number): string => marks[s % marks.length]!;
  let { yMin, yMax } = data;
  if (!(yMax >= yMin)) { yMin = 0; yMax = 1; }
  if (yMax === yMin) { const d = Math.abs(yMax) > 0 ? Math.abs(yMax) * 0.1 : 1; yMin -= d; yMax += d; }
  const rows = Math.max(3, look.height);
  const ticks = Array.from({ length: rows }, (_, r) => ((r % 4 === 0 && rows - 1 - r >= 2) || r === rows - 1 ? formatTick(yMax - (r / (rows - 1)) * (yMax - yMin)) : ''));
  const yw = Math.max(...ticks.map((t) => t.length));
  const cols = Math.max(10, look.width - yw - 2);
  const sx = braille ? 2 : 1, sy = braille ? 4 : 1;
  const W = cols * sx, H = rows * sy;
  const dots = new Uint8Array(cols * rows);
  const owner = new Int8Array(cols * rows).fill(-1);
  const chars: string[] = new Array<string>(cols * rows).fill(' ');
  const span = data.xMax - data.xMin;
  const px = (x: number): number => (span > 0 ? Math.round(((x - data.xMin) / span) * (W - 1)) : Math.floor(W / 2));
  const py = (y: number): number => H - 1 - Math.round(((y - yMin) / (yMax - yMin)) * (H - 1));
  const plot = (x: number, y: number, s: number): void => {
    const c = Math.floor(x / sx) + Math.floor(y / sy) * cols;
    if (braille) dots[c]! |= DOT[x % 2]![y % 4]!;
    else chars[c] = markOf(s);
    owner[c] = s;
  };
  const order = data.xs.map((_, i) => i).sort((a, b) => data.xs[a]! - data.xs[b]!);
  names.forEach((_, s) => {
    let prev: [number, number] | undefined;
    for (const i of order) {
      const y = data.ys[i]![s];
      if (y === undefined) { prev = undefined; continue; }
      const p: [number, number] = [px(data.xs[i]!), py(y)];
      if (prev) segment(prev, p, (x, yy) => plot(x, yy, s));
      else plot(p[0], p[1], s);
      prev = p;
    }
  });
  const out: TerminalText[] = [];
  const v = look.unicode ? ['┤', '│', '└', '─', '┬'] : ['+', '|', '+', '-', '+'];
  for (let r = 0; r < rows; r++) {
    const segs: Seg[] = [[ticks[r]!.padStart(yw) + ' ', '2'], [ticks[r] ? v[0]! : v[1]!, '2']];
    let run = '';
    let runOwner = -2;
    for (let c = 0; c < cols; c++) {
      const k = r * cols + c;
      const ch = braille ? (dots[k] ? String.fromCharCode(0x2800 + dots[k]!) : ' ') : chars[k]!;
      const o = ch === ' ' ? -1 : owner[k]!;
      if (o !== runOwner && run) { segs.push([run, runOwner >= 0 ? seriesSgr(runOwner) : '']); run = ''; }
      runOwner = o;
      run += ch;
    }
    if (run) segs.push([run.replace(/ +$/, ''), runOwner >= 0 ? seriesSgr(runOwner) : '']);
    out.push(line(segs, look));
  }
  out.push(line([[' '.repeat(yw + 1) + v[2] + v[3]!.repeat(cols), '2']], look));
  out.push(line([[' '.repeat(yw + 2) + xLabels(data, cols), '2']], look));
  out.push(legend(names, look, (s) => (braille ? (look.unicode ? '⠤⠤' : '--') : markOf(s))));
  return out;
}

function xLabel(data: LineData, x: number, which: 'first' | 'last' | 'mid'): string {
  if (data.xScale === 'time') {
    const own = which === 'first' ? data.firstLabel : which === 'last' ? data.lastLabel : undefined;
    const made = formatTime(x, data.xMax - data.xMin);
    // months written as 2026-01: the middle label too
    return own ?? (which === 'mid' && /^\d{4}-\d{2}$/.test(data.firstLabel ?? '') ? made.slice(0, 7) : made);
  }
  if (data.xScale === 'ordinal') return which === 'first' ? data.firstLabel ?? String(x) : which === 'last' ? data.lastLabel ?? String(x) : '';
  return formatTick(x);
}

/** First label at the left, last at the right, the middle one centred when there is room (widths in cells). */
function xLabels(data: LineData, cols: number): string {
  const half = Math.max(1, Math.floor(cols / 2) - 1);
  const fit = (text: string, width: number): string => truncateToWidth(escapeForTerminal(text), width, '~');
  const first = fit(xLabel(data, data.xMin, 'first'), data.xMax !== data.xMin ? half : cols);
  const last = data.xMax !== data.xMin ? fit(xLabel(data, data.xMax, 'last'), half) : '';
  const mid = data.xMax !== data.xMin ? fit(xLabel(data, (data.xMin + data.xMax) / 2, 'mid'), half) : '';
  const fw = displayWidth(first), lw = displayWidth(last), mw = displayWidth(mid);
  if (!last) return first;
  const midAt = Math.floor((cols - mw) / 2);
  if (mid && midAt >= fw + 2 && midAt + mw + 2 <= cols - lw) return first + ' '.repeat(midAt - fw) + mid + ' '.repeat(cols - lw - midAt - mw) + last;
  return first + ' '.repeat(Math.max(1, cols - fw - lw)) + last;
}

/** Bresenham's line from a to b, calling dot() for every point on it. */
function segment(a: readonly [number, number], b: readonly [number, number], dot: (x: number, y: number) => void): void {
  let [x0, y0] = a;
  const [x1, y1] = b;
  const dx = Math.abs(x1 - x0), dy = -Math.abs(y1 - y0);
  const stepX = x0 < x1 ? 1 : -1, stepY = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    dot(x0, y0);
    if (x0 === x1 && y0 === y1) return;
    const e2 = 2 * err;
    if (e2 >= dy) { err += dy; x0 += stepX; }
    if (e2 <= dx) { err += dx; y0 += stepY; }
  }
}
