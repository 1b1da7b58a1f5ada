/**
 * The mysql client's tables (`mysql -t ... < script.sql`, to a file or pipe), as the MariaDB client draws them
 * (its print_table): a column is as wide as its widest value in bytes (UTF-8), or its name, or 4 for `NULL`
 * when it may hold NULL; values are written as they are (a tab or line break inside one too; a zero byte as
 * a space) and padded by the cells they take on screen (a wide character two, a character outside the BMP
 * none, as the client counts them); numbers, and NULL in a column of numbers, to the right. The client
 * keeps the whole result to measure it, and so does this sink.
 */
import type { ColumnInfo, Row, Value } from '../core/result.js';
import { displayWidth } from './display-width.js';
import { formatValue } from './format-value.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';
import { bytesText, encodeUtf8Escaped, hasEscapedBytes } from '../core/surrogate-escape.js';

/** The client's numeric field types (its IS_NUM): right-aligned. */
const NUMERIC = /^(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real|year|null)\b/i;

/** The client's longest column (MAX_COLUMN_LENGTH): wider values are not padded past it. */
const MAX_COLUMN = 1024;

/** Bytes of text in UTF-8 (the client measures values so); a byte that is not UTF-8 (escaped) is one. */
const byteLength = (text: string): number => (hasEscapedBytes(text) ? encodeUtf8Escaped(text).length : Buffer.byteLength(text, 'utf8'));

/** The screen cells the client counts for text (its numcells): ASCII one each, wide characters two, beyond the BMP and stray bytes none. */
export function mysqlCells(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) n += 1;
    else if (cp > 0xffff || (cp >= 0xdc80 && cp <= 0xdcff)) continue; // beyond the BMP, or a byte that is not UTF-8
    else n += displayWidth(ch) === 2 ? 2 : 1;
  }
  return n;
}

interface Cell {
  readonly text: string;
  readonly bytes: number;
}

export class MysqlTableSink implements ResultSink {
  private columns: readonly ColumnInfo[] = [];
  private cells: Cell[][] = [];

  constructor(
    private readonly out: TextOutput,
    private readonly o: { readonly nullString: string; readonly header: boolean },
  ) {}

  begin(columns: readonly ColumnInfo[]): void {
    this.columns = columns;
    this.cells = [];
  }

  private cell(v: Value | undefined): Cell {
    if (v === null || v === undefined) return { text: this.o.nullString, bytes: 0 };
    if (v instanceof Uint8Array) return { text: bytesText(v).replace(/\0/g, ' '), bytes: v.length };
    const text = formatValue(v, '');
    return { text: text.replace(/\0/g, ' '), bytes: byteLength(text) };
  }

  rows(batch: readonly Row[]): void {
    for (const row of batch) this.cells.push(this.columns.map((_, i) => this.cell(row[i])));
  }

  async end(_summary: ResultSummary): Promise<void> {
    const cols = this.columns;
    if (cols.length === 0) return;
    const widths = cols.map((c, i) => {
      let w = this.o.header ? byteLength(c.name) : 0;
      for (const row of this.cells) if (row[i]!.bytes > w) w = row[i]!.bytes;
      if (w < 4 && c.nullable !== false) w = 4; // room for NULL
      return w;
    });
    const numeric = cols.map((c) => NUMERIC.test(c.type));
    const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
    const pad = (n: number): string => (n > 0 ? ' '.repeat(n) : '');
    let text = line;
    if (this.o.header) {
      text += `|${cols.map((c, i) => ` ${c.name}${pad(Math.min(widths[i]!, MAX_COLUMN) - mysqlCells(c.name))} |`).join('')}\n${line}`;
    }
    for (const row of this.cells) {
      let s = '|';
      for (let i = 0; i < cols.length; i++) {
        const c = row[i]!;
        const room = pad(Math.min(widths[i]!, MAX_COLUMN) - mysqlCells(c.text));
        s += numeric[i] ? ` ${room}${c.text} |` : ` ${c.text}${room} |`;
      }
      text += `${s}\n`;
    }
    text += line;
    this.cells = [];
    await this.out.write(text);
  }
}
