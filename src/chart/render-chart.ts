/**
 * A chart as lines of TerminalText: what was chosen ("bar chart: x = country, y = total"), the chart
 * for its kind, and notes on what is not shown (rows past the screen, thinned points, NULLs).
 */
import type { TerminalText } from '../output/terminal-text.js';
import type { ChartData } from './chart-data.js';
import { formatFigure, line, type ChartLook } from './chart-look.js';
import { renderBar, renderHist } from './render-bars.js';
import { renderLine } from './render-line.js';
import { renderSpark } from './render-spark.js';

export function renderChart(data: ChartData, look: ChartLook): TerminalText[] {
  const out: TerminalText[] = [line([[data.choice.said, '2']], look)];
  const notes: string[] = [];
  if (data.kind === 'hist') {
    out.push(...renderHist(data, look));
    const s = data.stats;
    notes.push(`${formatFigure(s.count)} values, min ${formatFigure(s.min)}, max ${formatFigure(s.max)}, mean ${formatFigure(s.mean)}`);
    if (data.skipped) notes.push(`${formatFigure(data.skipped)} NULL or not a number, left out`);
  } else if (data.kind === 'line') {
    out.push(...renderLine(data, data.seriesNames, look));
    if (data.stride > 1) notes.push(`${formatFigure(data.rows)} rows: every ${data.stride}th row drawn (${formatFigure(data.xs.length)} points)`);
    if (data.skipped) notes.push(`${formatFigure(data.skipped)} rows without an x value left out`);
    const flat = flatSeries(data.ys, data.seriesNames, data.choice.said);
    if (flat) notes.push(flat);
  } else {
    out.push(...(data.kind === 'bar' ? renderBar(data, data.seriesNames, look) : renderSpark(data, data.seriesNames, look)));
    if (data.labels.length < data.rows) notes.push(`first ${formatFigure(data.labels.length)} of ${formatFigure(data.rows)} rows shown (the screen's height)`);
  }
  for (const n of notes) out.push(line([[`(${n})`, '2']], look));
  return out;
}

/**
 * Series on one axis whose peaks differ 20x or more: the small one is a flat line at the bottom.
 * Says which, and how to see its shape (chart it alone).
 */
function flatSeries(ys: readonly (readonly (number | undefined)[])[], names: readonly string[], said: string): string | undefined {
  if (names.length < 2) return undefined;
  const peak = names.map((_, s) => ys.reduce((m, row) => Math.max(m, Math.abs(row[s] ?? 0)), 0));
  const big = peak.indexOf(Math.max(...peak));
  const small = names.map((_, s) => s).filter((s) => s !== big && peak[s]! > 0 && peak[big]! / peak[s]! >= 20);
  if (small.length === 0) return undefined;
  const x = /x = ([^,]+),/.exec(said)?.[1] ?? 'X';
  const ratio = Math.round(peak[big]! / Math.max(...small.map((s) => peak[s]!)));
  const list = small.map((s) => names[s]).join(', ');
  const how = small.length === 1 ? `peaks ${ratio}x below ${names[big]} and looks` : `peak ${ratio}x or more below ${names[big]} and look`;
  return `${list} ${how} flat: \\chart line ${x} ${names[small[0]!]} draws it alone`;
}
