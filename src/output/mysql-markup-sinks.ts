/**
 * The mysql client's markup outputs, as the MariaDB client writes them to a file or pipe:
 * - `-H` / `--html`: each result one `<TABLE BORDER=1>` on one line, no line break at all, `<TH>` names
 *   (not with `-N`), `<TD>` values with `<`, `>`, `&` and `"` escaped (a zero byte as a space), NULL as `NULL`; an empty result
 *   writes nothing;
 * - `-X` / `--xml`: each result an XML document, `<resultset statement="...">` (even for no rows), a `<row>`
 *   per row, a `<field name="...">` per value, NULL as `xsi:nil="true"`.
 */
import type { ColumnInfo, Row, Value } from '../core/result.js';
import { formatValue } from './format-value.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';
import { bytesText } from '../core/surrogate-escape.js';

const XML_ESCAPES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };

/** The client's escaping in both markups (its xmlencode_print): `<`, `>`, `&`, `"`; a quote `'` stays. */
export function mysqlMarkupText(text: string): string {
  return text.replace(/[<>&"]/g, (c) => XML_ESCAPES[c]!);
}

function valueText(v: Value): string {
  return v instanceof Uint8Array ? bytesText(v) : formatValue(v, '');
}

export class MysqlHtmlSink implements ResultSink {
  private names: readonly string[] = [];
  private started = false;

  constructor(
    private readonly out: TextOutput,
    private readonly o: { readonly header: boolean },
  ) {}

  begin(columns: readonly ColumnInfo[]): void {
    this.names = columns.map((c) => c.name);
    this.started = false;
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    let text = '';
    if (!this.started) {
      this.started = true;
      text += '<TABLE BORDER=1>';
      if (this.o.header) text += `<TR>${this.names.map((n) => `<TH>${mysqlMarkupText(n)}</TH>`).join('')}</TR>`;
    }
    for (const row of batch) {
      text += `<TR>${this.names.map((_, i) => {
        const v = row[i] ?? null;
        return `<TD>${v === null ? 'NULL' : mysqlMarkupText(valueText(v)).replace(/\0/g, ' ')}</TD>`;
      }).join('')}</TR>`;
    }
    await this.out.write(text);
  }

  async end(_summary: ResultSummary): Promise<void> {
    if (this.started) await this.out.write('</TABLE>');
  }
}

export class MysqlXmlSink implements ResultSink {
  private names: readonly string[] = [];

  constructor(
    private readonly out: TextOutput,
    /** The statement as sent: the document's `statement` attribute. */
    private readonly statement: string,
  ) {}

  async begin(columns: readonly ColumnInfo[]): Promise<void> {
    this.names = columns.map((c) => c.name);
    await this.out.write(`<?xml version="1.0"?>\n\n<resultset statement="${mysqlMarkupText(this.statement)}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`);
  }

  async rows(batch: readonly Row[]): Promise<void> {
    if (batch.length === 0) return;
    let text = '';
    for (const row of batch) {
      text += '\n  <row>\n';
      for (let i = 0; i < this.names.length; i++) {
        const v = row[i] ?? null;
        const name = mysqlMarkupText(this.names[i]!);
        text += v === null ? `\t<field name="${name}" xsi:nil="true" />\n` : `\t<field name="${name}">${mysqlMarkupText(valueText(v)).replace(/\0/g, ' ')}</field>\n`;
      }
      text += '  </row>\n';
    }
    await this.out.write(text);
  }

  async end(_summary: ResultSummary): Promise<void> {
    await this.out.write('</resultset>\n');
  }
}
