/**
 * What the user asked for with \chart / \gchart: the kind (bar, line, hist, spark, or none: choose)
 * and column names for x and the series. Parsing the words is pure; the columns are matched later,
 * once the result's columns are known (choose-columns.ts).
 */
export type ChartKind = 'bar' | 'line' | 'hist' | 'spark';
export const CHART_KINDS: readonly ChartKind[] = Object.freeze(['bar', 'line', 'hist', 'spark']);

export interface ChartRequest {
  /** undefined: chosen from the columns. */
  readonly kind?: ChartKind;
  /** Column for the x axis (bar: the category; spark: the row label; hist: the value). */
  readonly x?: string;
  /** Columns for the series. */
  readonly y: readonly string[];
}

const ALIASES: Readonly<Record<string, ChartKind>> = Object.freeze({
  bar: 'bar', bars: 'bar', line: 'line', lines: 'line', hist: 'hist', histogram: 'hist', spark: 'spark', sparkline: 'spark', sparklines: 'spark',
});

/** `[KIND] [X] [Y...]`; a first word that is a kind is the kind (a column named "bar": `\chart bar bar`). */
export function parseChartArgs(words: readonly string[]): ChartRequest {
  const kind = words.length > 0 ? ALIASES[words[0]!.toLowerCase()] : undefined;
  const rest = kind ? words.slice(1) : words;
  const cols = rest.map(unquote);
  return Object.freeze({ ...(kind ? { kind } : {}), ...(cols[0] !== undefined ? { x: cols[0] } : {}), y: Object.freeze(cols.slice(1)) });
}

function unquote(w: string): string {
  return /^".*"$/.test(w) && w.length >= 2 ? w.slice(1, -1).replace(/""/g, '"') : w;
}
