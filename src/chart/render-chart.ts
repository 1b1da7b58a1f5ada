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
  } else {
    out.push(...(data.kind === 'bar' ? renderBar(data, data.seriesNames, look) : renderSpark(data, data.seriesNames, look)));
    if (data.labels.length < data.rows) notes.push(`first ${formatFigure(data.labels.length)} of ${formatFigure(data.rows)} rows shown (the screen's height)`);
  }
  for (const n of notes) out.push(line([[`(${n})`, '2']], look));
  return out;
}
