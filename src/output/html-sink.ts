/**
 * psql's html format (`\pset format html`, `--format html`), byte for byte as psql 15 writes it: a
 * `<table border="1">`, a `<caption>` for the title, a row of `<th align="center">` names, then one
 * `<tr valign="top">` per row with each value escaped (`&amp; &lt; &gt; &quot;`, a line break as
 * `<br />`, leading spaces as `&nbsp;`, an empty value as `&nbsp; `) and aligned right for number
 * columns; after the table `<p>(N rows)<br />\n</p>` unless tuples only. In expanded mode each record is
 * a `Record N` row followed by one `<th>name</th><td>value</td>` row per column. Rows stream.
 */
import type { ColumnInfo, Row } from '../core/result.js';
import { formatValue, isNumericValue, NUMERIC_TYPE } from './format-value.js';
import { footerLines, type ResultSink, type ResultSummary, type TextOutput } from './sink.js';

export interface HtmlOptions {
  readonly nullString: string;
  /** Header and footer (off with tuples only). */
  readonly header: boolean;
  readonly footer: boolean;
  /** psql's expanded mode: a Record N row, then a name / value row per column. */
  readonly expanded?: boolean;
  /** psql's \\pset border, written as the table's border attribute (default 1). */
  readonly border?: number;
  readonly title?: string;
  /** psql's own footer lines, in place of `(N rows)` (RenderOptions.footers). */
  readonly footers?: readonly string[];
  /** Booleans as psql's t / f. */
  readonly psqlBooleans?: boolean;
  /** Attributes written into the <table> tag (psql's tableattr). */
  readonly tableAttr?: string;
}

/** psql's html_escaped_print: &, <, >, " escaped, newlines as <br />, the value's leading spaces as &nbsp;. */
export function htmlEscape(text: string): string {
  let out = '';
  let leading = true;
  for (const ch of text) {
    switch (ch) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case '\n':
        out += '<br />\n';
        break;
      case ' ':
        out += leading ? '&nbsp;' : ' ';
        break;
      default:
        out += ch;
    }
    if (ch !== ' ') leading = false;
  }
  return out;
}

export class HtmlSink implements ResultSink {
  private names: readonly string[] = [];
  private right: boolean[] = [];
  private typed: boolean[] = [];
  private record = 0;

  constructor(
    private readonly out: TextOutput,
    private readonly options: HtmlOptions,
  ) {}

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    this.names = columns.map((c) => c.name);
    this.right = columns.map((c) => NUMERIC_TYPE.test(c.type));
    this.typed = columns.map((c) => c.type !== '' && c.type !== 'unknown');
    this.record = 0;
    let text = `<table border="${this.options.border ?? 1}"${this.options.tableAttr ? ` ${this.options.tableAttr}` : ''}>\n`;
    if (this.options.title !== undefined && this.options.header) text += `  <caption>${htmlEscape(this.options.title)}</caption>\n`;
    if (this.options.header && !this.options.expanded) {
      text += '  <tr>\n';
      for (const n of this.names) text += `    <th align="center">${htmlEscape(n)}</th>\n`;
      text += '  </tr>\n';
    }
    await this.out.write(text);
  }

  private cell(v: Row[number] | undefined, i: number): string {
    const value = v ?? null;
    const right = this.right[i] || (!this.typed[i] && value !== null && isNumericValue(value));
    const text = formatValue(value, this.options.nullString, this.options.psqlBooleans);
    // a value of spaces and tabs only (or nothing) is a non-breaking space, as psql writes it
    const shown = /^[ \t]*$/.test(text) ? '&nbsp; ' : htmlEscape(text);
    return `    <td align="${right ? 'right' : 'left'}">${shown}</td>\n`;
  }

  async rows(batch: readonly Row[]): Promise<void> {
    let text = '';
    for (const row of batch) {
      if (this.options.expanded) {
        text += this.options.header ? `\n  <tr><td colspan="2" align="center">Record ${++this.record}</td></tr>\n` : '\n  <tr><td colspan="2">&nbsp;</td></tr>\n';
        for (let i = 0; i < this.names.length; i++) text += `  <tr valign="top">\n    <th>${htmlEscape(this.names[i]!)}</th>\n${this.cell(row[i], i)}  </tr>\n`;
        continue;
      }
      text += '  <tr valign="top">\n';
      for (let i = 0; i < this.names.length; i++) text += this.cell(row[i], i);
      text += '  </tr>\n';
    }
    if (text !== '') await this.out.write(text);
  }

  async end(summary: ResultSummary): Promise<void> {
    let text = '</table>\n';
    // the default footer, (N rows), is not written under expanded records; a table's own footers are
    const lines = footerLines(this.options, summary.rowCount, !this.options.expanded);
    if (lines.length > 0) text += `<p>${lines.map((l) => `${htmlEscape(l)}<br />\n`).join('')}</p>`;
    await this.out.write(`${text}\n`);
  }
}
