/**
 * Which columns a chart draws: the ones the user named, or sensible ones (the first text or date
 * column as x, the numeric columns as series), with a sentence saying what was chosen, or the reason
 * the result cannot be charted. Pure: columns and their kinds in, a choice out.
 */
import type { ColumnInfo } from '../core/result.js';
import type { ChartKind, ChartRequest } from './chart-request.js';
import type { ColumnKind } from './column-kind.js';

export interface ChartChoice {
  readonly kind: ChartKind;
  /** Column index of x (bar: category, line: x axis, spark: row label); undefined: the row number. */
  readonly x?: number;
  readonly xKind?: ColumnKind;
  /** Column indexes of the series (hist: the one column). */
  readonly ys: readonly number[];
  /** What was chosen, for the user: "bar chart: x = country, y = total". */
  readonly said: string;
}

export type ChoiceResult = ChartChoice | { readonly error: string };

const KIND_NAME: Readonly<Record<ChartKind, string>> = { bar: 'bar chart', line: 'line chart', hist: 'histogram', spark: 'sparklines' };

function describe(columns: readonly ColumnInfo[], kinds: readonly ColumnKind[]): string {
  const list = columns.slice(0, 8).map((c, i) => `${c.name} (${kinds[i] === 'other' ? c.type || 'other' : kinds[i]})`);
  return list.join(', ') + (columns.length > 8 ? `, … ${columns.length - 8} more` : '');
}

export function chooseColumns(columns: readonly ColumnInfo[], kinds: readonly ColumnKind[], req: ChartRequest): ChoiceResult {
  if (columns.length === 0) return { error: 'the statement returned no columns to chart' };
  const find = (name: string): number | { error: string } => {
    let i = columns.findIndex((c) => c.name === name);
    if (i < 0) {
      const folded = columns.map((c, j) => (c.name.toLowerCase() === name.toLowerCase() ? j : -1)).filter((j) => j >= 0);
      if (folded.length === 1) i = folded[0]!;
    }
    return i >= 0 ? i : { error: `no column ${JSON.stringify(name)} in the result; its columns are ${describe(columns, kinds)}` };
  };
  let x: number | undefined;
  if (req.x !== undefined) {
    const f = find(req.x);
    if (typeof f !== 'number') return f;
    x = f;
  }
  const named: number[] = [];
  for (const name of req.y) {
    const f = find(name);
    if (typeof f !== 'number') return f;
    if (kinds[f] !== 'number') return { error: `column ${JSON.stringify(columns[f]!.name)} is not numeric (${kinds[f]}): a series needs numbers` };
    named.push(f);
  }
  const numeric = kinds.map((k, i) => (k === 'number' ? i : -1)).filter((i) => i >= 0);
  const firstOf = (want: (k: ColumnKind) => boolean): number | undefined => {
    const i = kinds.findIndex(want);
    return i >= 0 ? i : undefined;
  };
  const noNumbers = (): { error: string } => ({
    error: `the result has no numeric column (${describe(columns, kinds)}); a chart needs numbers, e.g. count(*) ... GROUP BY`,
  });

  let kind = req.kind;
  if (kind === undefined) {
    const label = x ?? firstOf((k) => k !== 'number');
    if (label !== undefined && kinds[label] !== 'number') kind = kinds[label] === 'temporal' ? 'line' : 'bar';
    else if (x !== undefined) kind = 'line';
    else kind = numeric.length === 1 ? 'hist' : 'line';
    if (label !== undefined && req.x === undefined && kinds[label] !== 'number') x = label;
  }

  if (kind === 'hist') {
    if (req.y.length > 0) return { error: 'a histogram draws one numeric column: \\chart hist [COLUMN]' };
    const v = x ?? numeric[0];
    if (v === undefined) return noNumbers();
    if (kinds[v] !== 'number') return { error: `column ${JSON.stringify(columns[v]!.name)} is not numeric (${kinds[v]}): a histogram counts numbers` };
    return done({ kind, ys: [v] }, columns);
  }
  if (kind === 'line' && x === undefined) {
    x = firstOf((k) => k === 'temporal') ?? firstOf((k) => k === 'text' || k === 'other') ?? (numeric.length >= 2 ? numeric[0] : undefined);
  }
  if ((kind === 'bar' || kind === 'spark') && x === undefined) x = firstOf((k) => k !== 'number');
  const ys = named.length > 0 ? named : numeric.filter((i) => i !== x);
  if (ys.length === 0) return x !== undefined && kinds[x] === 'number' && numeric.length === 1 ? { error: `only one numeric column (${columns[x]!.name}) and it is the x axis: nothing to draw against it; try \\chart hist` } : noNumbers();
  if (kind === 'spark' && ys.length < 2) {
    return { error: `sparklines run along a row's numeric columns and this result has one (${columns[ys[0]!]!.name}); try \\chart line or \\chart hist` };
  }
  return done({ kind, ...(x !== undefined ? { x, xKind: kinds[x] } : {}), ys }, columns);
}

function done(c: Omit<ChartChoice, 'said'>, columns: readonly ColumnInfo[]): ChartChoice {
  const name = (i: number): string => columns[i]!.name;
  const ys = c.ys.map(name).join(', ');
  let said: string;
  if (c.kind === 'hist') said = `histogram of ${ys}`;
  else if (c.kind === 'spark') said = `sparklines of ${ys}${c.x !== undefined ? ` per ${name(c.x)}` : ' per row'}`;
  else said = `${KIND_NAME[c.kind]}: x = ${c.x !== undefined ? name(c.x) : 'row number'}, y = ${ys}`;
  return Object.freeze({ ...c, ys: Object.freeze([...c.ys]), said });
}
