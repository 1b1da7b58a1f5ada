/**
 * A result sink that feeds a chart instead of a table: it sees the columns, picks what to draw from
 * the first batch of rows, and hands every row to a bounded accumulator (chart-data.ts), so a result of
 * any size is charted in constant memory. After end(), outcome() says what to draw or why it cannot.
 * A statement that gives several result sets (MySQL procedures) is charted by its last one.
 */
import type { ColumnInfo, Row } from '../core/result.js';
import type { ResultSink, ResultSummary } from '../output/sink.js';
import type { ChartRequest } from './chart-request.js';
import { columnKinds } from './column-kind.js';
import { chooseColumns, type ChartChoice } from './choose-columns.js';
import { accumulatorFor, type Accumulator, type ChartData } from './chart-data.js';

export interface ChartLimits {
  /** Bars or sparkline rows kept (about the screen's height). */
  readonly maxItems: number;
  /** Points kept for a line chart. */
  readonly maxPoints: number;
  /** Most bins a histogram shows. */
  readonly histBins: number;
}

export type ChartOutcome = ChartData | { readonly error: string };

export class ChartSink implements ResultSink {
  private columns: readonly ColumnInfo[] | undefined;
  private choice: ChartChoice | undefined;
  private acc: Accumulator | undefined;
  private error: string | undefined;
  private count = 0;
  private summary: ResultSummary | undefined;

  constructor(private readonly request: ChartRequest, private readonly limits: ChartLimits) {}

  begin(columns: readonly ColumnInfo[]): void {
    this.columns = columns;
    this.choice = undefined;
    this.acc = undefined;
    this.error = undefined;
    this.count = 0;
  }

  rows(batch: readonly Row[]): void {
    if (this.error !== undefined || batch.length === 0 || !this.columns) return;
    if (!this.acc) {
      const c = chooseColumns(this.columns, columnKinds(this.columns, batch), this.request);
      if ('error' in c) return void (this.error = c.error);
      this.choice = c;
      this.acc = accumulatorFor(c, this.limits);
    }
    const acc = this.acc;
    for (const row of batch) acc.add(row);
    this.count += batch.length;
  }

  end(summary: ResultSummary): void {
    this.summary = summary;
  }

  /** Without a request for a kind, what the columns alone would give (for the error when no rows came). */
  outcome(): ChartOutcome {
    if (!this.columns) {
      const tag = this.summary?.command;
      return { error: `the statement returned no rows to chart${tag ? ` (${tag})` : ''}` };
    }
    if (this.error !== undefined) return { error: this.error };
    if (!this.acc || !this.choice) {
      const names = this.columns.map((c) => c.name).join(', ');
      return { error: `the query returned no rows: nothing to chart (columns: ${names})` };
    }
    const choice = this.choice;
    const data = this.acc.finish();
    return Object.freeze({ ...data, choice, seriesNames: choice.ys.map((i) => this.columns![i]!.name), rows: this.count, skipped: this.acc.skipped });
  }
}
