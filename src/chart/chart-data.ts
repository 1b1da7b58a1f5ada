/**
 * The data a chart draws, gathered from a stream of rows in bounded memory (one accumulator per kind):
 * - bar and spark keep the first `maxItems` rows (a screen holds no more) and count the rest;
 * - line keeps at most `maxPoints` points: when full, every other point is dropped and from then on
 *   only every 2nd (4th, ...) row is taken, so a long series is evenly thinned; the axes still cover
 *   every row (exact min/max);
 * - hist bins every value (streaming-histogram.ts).
 */
import type { Row, Value } from '../core/result.js';
import { formatValue } from '../output/format-value.js';
import type { ChartChoice } from './choose-columns.js';
import { toNumber, toTime } from './column-kind.js';
import { StreamingHistogram, type HistogramBins, type HistogramStats } from './streaming-histogram.js';

export interface BarData {
  readonly kind: 'bar' | 'spark';
  readonly labels: readonly string[];
  /** values[row][series]; undefined for NULL. */
  readonly values: readonly (readonly (number | undefined)[])[];
}
export interface LineData {
  readonly kind: 'line';
  /** 'time': x in ms since the epoch; 'number'; 'ordinal': the row number, labels kept for the ends. */
  readonly xScale: 'time' | 'number' | 'ordinal';
  readonly xs: readonly number[];
  readonly ys: readonly (readonly (number | undefined)[])[];
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
  /** Ordinal: the first and last row's x; time: the x at either end, as the data wrote it. */
  readonly firstLabel?: string;
  readonly lastLabel?: string;
  /** 1: every row is a point; n: every nth row. */
  readonly stride: number;
}
export interface HistData {
  readonly kind: 'hist';
  readonly bins: HistogramBins;
  readonly stats: HistogramStats;
}
export type ChartData = (BarData | LineData | HistData) & {
  readonly choice: ChartChoice;
  readonly seriesNames: readonly string[];
  /** Rows read. */
  readonly rows: number;
  /** Values left out: NULL or not a number (hist), rows with no usable x (line). */
  readonly skipped: number;
};

export interface Accumulator {
  add(row: Row): void;
  finish(): BarData | LineData | HistData;
  skipped: number;
}

const label = (v: Value | undefined): string => (v === undefined ? '' : formatValue(v, 'NULL'));

export function accumulatorFor(choice: ChartChoice, limits: { readonly maxItems: number; readonly maxPoints: number; readonly histBins: number }): Accumulator {
  if (choice.kind === 'hist') return histAccumulator(choice.ys[0]!, limits.histBins);
  if (choice.kind === 'line') return lineAccumulator(choice, limits.maxPoints);
  return itemsAccumulator(choice, limits.maxItems);
}

function itemsAccumulator(choice: ChartChoice, maxItems: number): Accumulator {
  const labels: string[] = [];
  const values: (number | undefined)[][] = [];
  let n = 0;
  return {
    skipped: 0,
    add(row) {
      n++;
      if (labels.length >= (choice.kind === 'bar' ? Math.max(1, Math.floor(maxItems / choice.ys.length)) : maxItems)) return;
      labels.push(choice.x !== undefined ? label(row[choice.x]) : String(n));
      values.push(choice.ys.map((i) => toNumber(row[i] ?? null)));
    },
    finish: () => ({ kind: choice.kind as 'bar' | 'spark', labels, values }),
  };
}

function histAccumulator(col: number, bins: number): Accumulator {
  const h = new StreamingHistogram(bins * 2);
  const acc: Accumulator = {
    skipped: 0,
    add(row) {
      const v = toNumber(row[col] ?? null);
      if (v === undefined) acc.skipped++;
      else h.add(v);
    },
    finish: () => ({ kind: 'hist', bins: h.result(bins), stats: h.stats() }),
  };
  return acc;
}

function lineAccumulator(choice: ChartChoice, maxPoints: number): Accumulator {
  const xScale: LineData['xScale'] = choice.x === undefined || choice.xKind === 'text' || choice.xKind === 'other' ? 'ordinal' : choice.xKind === 'temporal' ? 'time' : 'number';
  let xs: number[] = [];
  let ys: (number | undefined)[][] = [];
  let stride = 1;
  let n = 0;
  let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
  let firstLabel: string | undefined, lastLabel: string | undefined;
  const acc: Accumulator = {
    skipped: 0,
    add(row) {
      n++;
      const xv = choice.x === undefined ? null : row[choice.x] ?? null;
      const x = xScale === 'ordinal' ? n : xScale === 'time' ? toTime(xv) : toNumber(xv);
      if (x === undefined) return void acc.skipped++;
      if (xScale === 'ordinal' && choice.x !== undefined) {
        if (n === 1) firstLabel = label(xv);
        lastLabel = label(xv);
      }
      const y = choice.ys.map((i) => toNumber(row[i] ?? null));
      if (x < xMin) {
        xMin = x;
        if (xScale === 'time') firstLabel = label(xv); // the ends of a time axis as the data writes them ('2024-03')
      }
      if (x > xMax) {
        xMax = x;
        if (xScale === 'time') lastLabel = label(xv);
      }
      for (const v of y) {
        if (v === undefined) continue;
        if (v < yMin) yMin = v;
        if (v > yMax) yMax = v;
      }
      if ((n - 1) % stride !== 0) return;
      xs.push(x);
      ys.push(y);
      if (xs.length >= maxPoints) {
        xs = xs.filter((_, i) => i % 2 === 0);
        ys = ys.filter((_, i) => i % 2 === 0);
        stride *= 2;
      }
    },
    finish: () => ({
      kind: 'line', xScale, xs, ys, xMin, xMax, yMin, yMax, stride,
      ...(firstLabel !== undefined ? { firstLabel } : {}), ...(lastLabel !== undefined ? { lastLabel } : {}),
    }),
  };
  return acc;
}
