/** Drives a statement's result events into sinks: one sink per result set, notices and status aside. */
import type { NoticeExtra, ResultEvent } from '../core/result.js';
import { createSink, type ExpandedMode } from '../output/create-sink.js';
import { loadDisplayWidth } from '../output/display-width.js';
import { isDocumentFormat, type RenderOptions, type ResultSink, type TextOutput } from '../output/sink.js';
import { htmlEscape } from '../output/html-sink.js';
import { writeBytes } from '../output/stream-output.js';
import { copyTextInto } from '../output/table-copy-text.js';
import { nowMs } from '../core/now-ms.js';

export interface RenderHooks {
  /** Server notices and warnings (stderr in scripts, the screen interactively). */
  notice(message: string, severity?: string, position?: number, extra?: NoticeExtra): void | Promise<void>;
  /** Status line for a statement without a result set ('INSERT 0 1', html's `<p>INSERT 0 1</p>`); called only for psql's formats. */
  status?(command: string): void | Promise<void>;
  /** A COPY ... TO STDOUT's status (`COPY 1`): psql writes it to the query output when `\g FILE` took the rows. */
  copyStatus?(status: string): void | Promise<void>;
}

export interface RenderedSummary {
  readonly rowCount: number;
  readonly command?: string;
  readonly affected?: number;
  readonly resultSets: number;
  /** The columns of the last result set. */
  readonly columns?: number;
  /** The warnings the engine counted and its own words on the statement (the last statement's: 'done'). */
  readonly warnings?: number;
  readonly info?: string;
}

/** A sink that begins (prints its header) only once a row comes: a result without rows shows nothing. */
class BeginOnFirstRow implements ResultSink {
  private columns: Parameters<ResultSink['begin']>[0] = [];
  private begun = false;

  constructor(private readonly inner: ResultSink) {}

  begin(columns: Parameters<ResultSink['begin']>[0]): void {
    this.columns = columns;
  }

  async rows(batch: Parameters<ResultSink['rows']>[0]): Promise<void> {
    if (batch.length === 0) return;
    if (!this.begun) {
      this.begun = true;
      await this.inner.begin(this.columns);
    }
    await this.inner.rows(batch);
  }

  async end(summary: Parameters<ResultSink['end']>[0]): Promise<void> {
    if (this.begun) await this.inner.end(summary);
  }
}

export async function renderEvents(
  events: AsyncIterable<ResultEvent>,
  out: TextOutput,
  options: RenderOptions & { expanded?: ExpandedMode },
  hooks: RenderHooks,
  startedAt: number = nowMs(),
): Promise<RenderedSummary> {
  let sink: ResultSink | undefined;
  let rowCount = 0;
  let totalRows = 0;
  let resultSets = 0;
  let command: string | undefined;
  let affected: number | undefined;
  let preformatted = false;
  let notifications: string[] | undefined;
  let warnings: number | undefined;
  let columnCount: number | undefined;
  let info: string | undefined;
  const finishSink = async (cmd?: string) => {
    if (!sink) return;
    const s = sink;
    sink = undefined;
    await s.end({ rowCount, command: cmd, elapsedMs: nowMs() - startedAt });
  };
  for await (const ev of events) {
    switch (ev.type) {
      case 'columns': {
        await finishSink();
        columnCount = ev.columns.length;
        await loadDisplayWidth();
        const created = options.hideEmptyResults ? new BeginOnFirstRow(createSink(out, options)) : createSink(out, options);
        sink = created;
        resultSets++;
        rowCount = 0;
        await created.begin(ev.columns);
        break;
      }
      case 'rows':
        if (sink) {
          rowCount += ev.rows.length;
          totalRows += ev.rows.length;
          await sink.rows(ev.rows);
        }
        break;
      case 'text': // the server formatted the rows (ExecuteOptions.csv, .tsv): the sink wrote the header
        if (sink) {
          preformatted = true;
          await out.write(ev.text);
        } else await out.write(ev.text); // COPY ... TO STDOUT: the server's bytes, as they are
        break;
      case 'copy-text': // rows as COPY text (ExecuteOptions.copyText): the table sink reads them without row objects
        if (sink) {
          preformatted = true;
          await copyTextInto(sink, ev.bytes, ev.numeric, ev.booleans);
        }
        break;
      case 'bytes': // the same as UTF-8 bytes (csv, tsv, json, jsonl, unaligned, markdown)
        if (sink) preformatted = true;
        if (sink?.bytes) await sink.bytes(ev.bytes);
        else await writeBytes(out, ev.bytes);
        break;
      case 'notice':
        await hooks.notice(ev.message, ev.severity, ev.position, ev.extra);
        break;
      case 'notification': // psql prints them after the statement's results and status, where results go
        (notifications ??= []).push(
          `Asynchronous notification "${ev.channel}"${ev.payload ? ` with payload "${ev.payload}"` : ''} received from server process with PID ${ev.pid}.\n`,
        );
        break;
      case 'done':
        // rows the engine wrote itself; or rows with nothing to write (no columns: psql's `(3 rows)`)
        if ((preformatted || (sink && rowCount === 0)) && ev.rowCount !== undefined) {
          rowCount += ev.rowCount;
          totalRows += ev.rowCount;
        }
        command = ev.command;
        affected = ev.affected;
        warnings = ev.warnings;
        info = ev.info;
        if (sink) {
          await finishSink(ev.command);
          // psql: rows of INSERT, UPDATE or DELETE ... RETURNING are followed by the command's status
          if (ev.command && hooks.status && statusFormat(options) && /^(INSERT|UPDATE|DELETE)\b/.test(ev.command)) await hooks.status(statusText(ev.command, options));
        } else if (ev.command && hooks.status && statusFormat(options)) await hooks.status(statusText(ev.command, options));
        if (ev.copyStatus && hooks.copyStatus) await hooks.copyStatus(ev.copyStatus);
        // done.warnings is not printed here: the engine already sent the count and each warning as notices.
        break;
    }
  }
  await finishSink(command);
  for (const line of notifications ?? []) await out.write(line);
  return { rowCount: totalRows, command, affected, resultSets, ...(columnCount !== undefined ? { columns: columnCount } : {}), ...(warnings ? { warnings } : {}), ...(info ? { info } : {}) };
}

/**
 * The formats that print a command's status line: psql's, all of them (aligned, expanded, unaligned,
 * its csv, html, asciidoc, latex, latex-longtable, troff-ms), not sqlsh's machine formats (tsv, json,
 * jsonl, markdown, COPY's csv), whose output is data alone.
 */
const statusFormat = (o: RenderOptions): boolean =>
  o.format === 'table' || o.format === 'expanded' || o.format === 'unaligned' || o.format === 'html' || isDocumentFormat(o.format) || (o.format === 'csv' && o.psqlCsv === true);

/** A command's status line as the format writes it, or undefined when the format writes none. */
export function statusLine(command: string, o: RenderOptions): string | undefined {
  return statusFormat(o) ? statusText(command, o) : undefined;
}

/** The status line as the format writes it: html's in a paragraph, as psql writes it. */
const statusText = (command: string, o: RenderOptions): string => (o.format === 'html' ? `<p>${htmlEscape(command)}</p>` : command);
