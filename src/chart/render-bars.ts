/**
 * Horizontal bars: one line per category (bar chart) or per bin (histogram), the label on the left,
 * the bar, then the value. Bars are drawn in eighths of a cell with Unicode blocks, in whole '#'
 * cells in ASCII. Several series: one line per series under each category; with colour they differ
 * by colour, without it by the fill (█ ▓ ▒ ░, or # = + - in ASCII), shown in the legend. Negative
 * values are drawn in ░ (ASCII -), as long as their magnitude, with the figure's '-'.
 */
import type { TerminalText } from '../output/terminal-text.js';
import type { BarData, HistData } from './chart-data.js';
import { fitLabel, formatFigure, formatFigures, labelWidth, line, seriesSgr, type ChartLook, type Seg } from './chart-look.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const FILLS_UNICODE = ['█', '▓', '▒', '░'];
const FILLS_ASCII = ['#', '=', '+', '-'];

function fillFor(series: number, look: ChartLook): string {
  const fills = look.unicode ? FILLS_UNICODE : FILLS_ASCII;
  return look.color ? fills[0]! : fills[series % fills.length]!;
}

/** A bar `cells` long (fractional), in the series' fill. */
export function barText(cells: number, series: number, look: ChartLook, negative = false): string {
  const fill = negative ? (look.unicode ? '░' : '-') : fillFor(series, look);
  if (!look.unicode || fill !== '█') return fill.repeat(Math.round(cells));
  const full = Math.floor(cells);
  const eighth = Math.round((cells - full) * 8);
  return eighth === 8 ? '█'.repeat(full + 1) : '█'.repeat(full) + EIGHTHS[eighth];
}

interface BarLine {
  readonly label: string;
  readonly value: number | undefined;
  readonly series: number;
}

function drawBars(items: readonly BarLine[], look: ChartLook, seriesCount: number): TerminalText[] {
  const labels = Math.min(Math.max(0, ...items.map((b) => labelWidth(b.label))), Math.max(6, Math.floor(look.width * 0.35)));
  const figures = formatFigures(items.map((b) => b.value));
  const figWidth = Math.max(...figures.map((f) => f.length));
  const room = Math.max(4, look.width - labels - figWidth - 3);
  const max = Math.max(0, ...items.map((b) => Math.abs(b.value ?? 0)));
  const axis = look.unicode ? '│' : '|';
  return items.map((b, i) => {
    const cells = max > 0 && b.value !== undefined ? (Math.abs(b.value) / max) * room : 0;
    const bar = barText(cells, b.series, look, b.value !== undefined && b.value < 0);
    const segs: Seg[] = [[fitLabel(b.label, labels, look.unicode) + ' ', ''], [axis, '2'], [bar, seriesSgr(b.series)]];
    segs.push([' '.repeat(Math.max(0, room - bar.length) + 1), ''], [figures[i]!.padStart(figWidth), b.value === undefined ? '2' : '']);
    void seriesCount;
    return line(segs, look);
  });
}

/** A legend line: each series' mark and name. */
export function legend(names: readonly string[], look: ChartLook, marks: (i: number) => string): TerminalText {
  const segs: Seg[] = [];
  names.forEach((n, i) => {
    if (i > 0) segs.push(['   ', '']);
    segs.push([marks(i), seriesSgr(i)], [' ', ''], [n, '']);
  });
  return line(segs, look);
}

export function renderBar(data: BarData, names: readonly string[], look: ChartLook): TerminalText[] {
  const items: BarLine[] = [];
  data.labels.forEach((label, r) => {
    names.forEach((_, s) => items.push({ label: s === 0 ? label : '', value: data.values[r]![s], series: s }));
  });
  const out: TerminalText[] = [];
  if (names.length > 1) out.push(legend(names, look, (i) => fillFor(i, look).repeat(2)));
  out.push(...drawBars(items, look, names.length));
  return out;
}

export function renderHist(data: HistData, look: ChartLook): TerminalText[] {
  const { start, width, counts } = data.bins;
  const edge = (i: number): string => formatFigure(Number((start + i * width).toPrecision(12)));
  const dash = look.unicode ? ' – ' : ' - ';
  const one = data.bins.integers && width === 1; // each bin holds one integer: label it with that
  const items: BarLine[] = counts.map((c, i) => ({ label: one ? edge(i) : `${edge(i)}${dash}${edge(i + 1)}`, value: c, series: 0 }));
  const lefts = counts.map((_, i) => edge(i).length);
  const lw = Math.max(...lefts);
  // align the dashes: pad each range's start on the left
  const aligned = items.map((b, i) => ({ ...b, label: ' '.repeat(lw - lefts[i]!) + b.label }));
  return drawBars(aligned, look, 1);
}
