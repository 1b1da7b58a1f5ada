/** Test helpers: a TextOutput that collects text, and a run of a whole result through a sink. */
import type { ColumnInfo, Row } from '../../src/core/result.js';
import { createSink, type ExpandedMode } from '../../src/output/create-sink.js';
import type { OutputFormat, RenderOptions, ResultSink, TableStyle, TextOutput } from '../../src/output/sink.js';

export class Collector implements TextOutput {
  text = '';
  writes = 0;
  constructor(
    readonly columns?: number,
    readonly isTTY = columns !== undefined,
  ) {}
  write(t: string): void {
    this.text += t;
    this.writes++;
  }
}

export function cols(...names: string[]): ColumnInfo[] {
  return names.map((name) => ({ name, type: '' }));
}

export interface RenderArgs {
  format?: OutputFormat;
  tableStyle?: TableStyle;
  nullString?: string;
  header?: boolean;
  footer?: boolean;
  color?: boolean;
  expanded?: ExpandedMode;
  width?: number;
}

export function options(a: RenderArgs = {}): RenderOptions & { expanded?: ExpandedMode } {
  return {
    format: a.format ?? 'table',
    tableStyle: a.tableStyle ?? 'psql',
    nullString: a.nullString ?? '',
    header: a.header ?? true,
    footer: a.footer ?? false,
    color: a.color ?? false,
    ...(a.expanded ? { expanded: a.expanded } : {}),
  };
}

export async function feed(sink: ResultSink, columns: readonly ColumnInfo[], rows: readonly Row[], batch = 2): Promise<void> {
  await sink.begin(columns);
  for (let i = 0; i < rows.length; i += batch) await sink.rows(rows.slice(i, i + batch));
  await sink.end({ rowCount: rows.length });
}

/** Renders one result set and returns the text. */
export async function render(columns: readonly ColumnInfo[], rows: readonly Row[], a: RenderArgs = {}): Promise<string> {
  const out = new Collector(a.width);
  await feed(createSink(out, options(a)), columns, rows);
  return out.text;
}
