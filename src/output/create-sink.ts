/**
 * The one way to get a renderer: format + options -> a streaming ResultSink.
 *
 * format 'expanded' or expanded 'on' -> expanded records; expanded 'auto' -> a table that switches
 * to expanded records when it would be wider than out.columns; format 'table' with tableStyle
 * 'markdown' -> the markdown sink.
 *
 * csv, tsv, json and jsonl are exact in files and pipes. Written to a terminal (or the pager),
 * they are still on a terminal: their text is escaped whole (newlines kept), so a value cannot
 * carry a raw ESC, C1, BEL or bidi control to the screen (JSON's own escaping leaves C1 and bidi
 * raw, and an SGR sequence in a csv value would otherwise pass the edge's colour guard).
 */
import { CsvSink } from './csv-sink.js';
import { ExpandedSink } from './expanded-sink.js';
import { JsonSink } from './json-sink.js';
import { JsonlSink } from './jsonl-sink.js';
import { MarkdownSink } from './markdown-sink.js';
import { isMachineFormat, type RenderOptions, type ResultSink, type TextOutput } from './sink.js';
import { safeLines } from './terminal-text.js';
import { TableSink } from './table-sink.js';
import { borderStyleFor } from './table-style.js';
import { TsvSink } from './tsv-sink.js';
import { UnalignedRecordsSink, UnalignedSink } from './unaligned-sink.js';
import { HtmlSink } from './html-sink.js';
import { DocumentSink } from './psql-document-sinks.js';
import { Sqlite3Sink } from './sqlite3-sink.js';

import { MysqlBatchSink } from './mysql-batch-sink.js';
import { MysqlTableSink } from './mysql-table-sink.js';
import { MysqlHtmlSink, MysqlXmlSink } from './mysql-markup-sinks.js';
import { VerticalSink } from './vertical-sink.js';

/** 'vertical': the mysql client's `*** 1. row ***` records (`\\G` on MySQL/MariaDB). */
export type ExpandedMode = 'off' | 'on' | 'auto' | 'vertical';

export function createSink(out: TextOutput, options: RenderOptions & { readonly expanded?: ExpandedMode }): ResultSink {
  const { format, nullString, header, footer, color, blankLineAfter, psqlBooleans } = options;
  const title = options.title !== undefined ? { title: options.title } : {};
  const footers = options.footers !== undefined ? { footers: options.footers } : {};
  if (options.mysqlMarkup === 'html') return new MysqlHtmlSink(out.isTTY ? escapedOutput(out) : out, { header });
  if (options.mysqlMarkup === 'xml') return new MysqlXmlSink(out.isTTY ? escapedOutput(out) : out, options.statement ?? '');
  if (options.sqlite3) return new Sqlite3Sink(out.isTTY ? escapedOutput(out) : out, options.sqlite3);
  if (options.expanded === 'vertical') return new VerticalSink(out.isTTY ? escapedOutput(out) : out, { nullString: 'NULL', header });
  if (options.mysqlBatch && format === 'tsv' && options.expanded !== 'on') return new MysqlBatchSink(out.isTTY ? escapedOutput(out) : out, { nullString, header: header && !options.mysqlSilent });
  if (isMachineFormat(format) && out.isTTY) out = escapedOutput(out);
  const style = borderStyleFor(options.tableStyle, options.psqlLines);
  switch (format) {
    case 'csv':
      return new CsvSink(out, { nullString, header, ...(options.psqlCsv ? { psql: true, ...(psqlBooleans ? { psqlBooleans } : {}) } : {}), ...(options.csvFieldSeparator !== undefined ? { delimiter: options.csvFieldSeparator } : {}), ...(options.expanded === 'on' ? { expanded: true } : {}) });
    case 'tsv':
      return new TsvSink(out, { nullString, header });
    case 'json':
      return new JsonSink(out);
    case 'jsonl':
      return new JsonlSink(out);
    case 'markdown':
      return new MarkdownSink(out, { nullString, header });
    case 'html':
      return new HtmlSink(out, {
        nullString, header, footer, expanded: options.expanded === 'on', border: options.psqlLines?.border ?? 1, ...title, ...footers, ...(psqlBooleans ? { psqlBooleans } : {}),
        ...(options.tableAttr ? { tableAttr: options.tableAttr } : {}),
      });
    case 'asciidoc':
    case 'latex':
    case 'latex-longtable':
    case 'troff-ms':
      return new DocumentSink(out, {
        format, nullString, header, footer, expanded: options.expanded === 'on', border: options.psqlLines?.border ?? 1, ...title, ...footers, ...(psqlBooleans ? { psqlBooleans } : {}),
        ...(options.tableAttr && format === 'latex-longtable' ? { tableAttr: options.tableAttr } : {}),
      });
    case 'unaligned':
      if (options.expanded === 'on') return new UnalignedRecordsSink(out, { nullString, fieldSeparator: options.fieldSeparator, recordSeparator: options.recordSeparator, ...(header ? title : {}), ...(header ? footers : {}) });
      return new UnalignedSink(out, { nullString, header: header && !options.mysqlSilent, footer, fieldSeparator: options.fieldSeparator, recordSeparator: options.recordSeparator, ...title, ...footers });
    case 'expanded':
      return new ExpandedSink(out, { style, nullString, header, footer, color, blankLineAfter, psqlBooleans, ...title, ...footers, ...wrapTo(options, out), ...segmentOf(options) });
    case 'table':
    default:
      if (options.expanded === 'on') return new ExpandedSink(out, { style, nullString, header, footer, color, blankLineAfter, psqlBooleans, ...title, ...footers, ...wrapTo(options, out), ...segmentOf(options) });
      if (options.tableStyle === 'markdown') return new MarkdownSink(out, { nullString, header });
      if (options.mysqlTables && options.tableStyle === 'ascii') return new MysqlTableSink(out.isTTY ? escapedOutput(out) : out, { nullString, header });
      return new TableSink(out, {
        style, nullString, header, footer, color, blankLineAfter, psqlBooleans, ...title, ...footers, autoExpand: options.expanded === 'auto', ...(options.autoExpandColumns !== undefined ? { autoExpandColumns: options.autoExpandColumns } : {}),
        ...(options.wrapped ? { wrapped: true, ...(options.wrapColumns !== undefined ? { wrapColumns: options.wrapColumns } : {}) } : {}),
        ...segmentOf(options),
      });
  }
}

/** A part of a result psql prints in parts (FETCH_COUNT): aligned tables and records lay each out on its own. */
const segmentOf = (options: RenderOptions): { segment?: NonNullable<RenderOptions['segment']> } => (options.segment ? { segment: options.segment } : {});

/** psql's wrapped format for expanded records: the width they fit (\\pset columns, else the screen's; none: not wrapped). */
function wrapTo(options: RenderOptions, out: TextOutput): { wrapColumns?: number } {
  const columns = options.wrapColumns ?? (out.columns !== undefined && out.columns > 0 ? out.columns : undefined);
  return options.wrapped && columns !== undefined ? { wrapColumns: columns } : {};
}

/** The output seen through the program's escaping: for exact formats written to a terminal. */
function escapedOutput(out: TextOutput): TextOutput {
  return {
    write: (text: string) => out.write(safeLines(text)),
    get columns() {
      return out.columns;
    },
    isTTY: true,
  };
}
