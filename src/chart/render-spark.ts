/**
 * Sparklines, one per row: the row's label, then one character per numeric column from ▁ to █
 * (ASCII: _ . - = + * # @), scaled between the row's own least and greatest value, which follow it.
 */
import type { TerminalText } from '../output/terminal-text.js';
import type { BarData } from './chart-data.js';
import { fitLabel, formatFigure, labelWidth, line, seriesSgr, type ChartLook } from './chart-look.js';

const LEVELS_UNICODE = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const LEVELS_ASCII = ['_', '.', '-', '=', '+', '*', '#', '@'];

export function sparkline(values: readonly (number | undefined)[], unicode: boolean): string {
  const levels = unicode ? LEVELS_UNICODE : LEVELS_ASCII;
  const present = values.filter((v): v is number => v !== undefined);
  if (present.length === 0) return ' '.repeat(values.length);
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  return values.map((v) => (v === undefined ? ' ' : hi === lo ? levels[3]! : levels[Math.round(((v - lo) / (hi - lo)) * 7)]!)).join('');
}

export function renderSpark(data: BarData, names: readonly string[], look: ChartLook): TerminalText[] {
  const labels = Math.min(Math.max(0, ...data.labels.map(labelWidth)), Math.max(6, Math.floor(look.width * 0.35)));
  const out: TerminalText[] = [line([[' '.repeat(labels + 1), ''], [`${names[0]}${look.unicode ? ' … ' : ' .. '}${names[names.length - 1]}`, '2']], look)];
  data.labels.forEach((label, r) => {
    const vals = data.values[r]!;
    const present = vals.filter((v): v is number => v !== undefined);
    const range = present.length ? `${formatFigure(Math.min(...present))} … ${formatFigure(Math.max(...present))}` : 'NULL';
    const spark = sparkline(vals, look.unicode);
    out.push(line([[fitLabel(label, labels, look.unicode), ''], [' ', ''], [spark, seriesSgr(0)], ['  ', ''], [look.unicode ? range : range.replace(/…/g, '..'), '2']], look));
  });
  return out;
}
