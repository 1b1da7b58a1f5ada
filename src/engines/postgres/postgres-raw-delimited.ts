/**
 * csv, tsv and psql's unaligned format to a file or pipe (ExecuteOptions.csv / tsv / unaligned)
 * without row objects: the DataRow messages taken off the socket (DataRowTap, postgres-raw-rows.ts)
 * become the lines the csv sink (output/csv-sink.ts), the tsv sink (output/tsv-sink.ts) or the
 * unaligned sink (output/unaligned-sink.ts) writes, byte for byte, for what pgTextParser
 * (postgres-values.ts) makes of the server's text:
 *
 *   bool -> true/false; float4/float8 -> the server's digits when they are JavaScript's, else
 *   formatNumber(Number(text)); bytea -> \x hex; everything else the server's text as it is.
 *   csv: a field is quoted (its quotes doubled) when it holds a comma, a quote, CR or LF, or equals the
 *   null string (so with the default '' an empty string is ""); NULL is the null string; a one-column
 *   row whose value is \. is quoted. psql's csv (ExecuteOptions.csv.psql): a field is quoted when it
 *   holds a comma, a quote, CR or LF, or is \. (in any column); NULL is the null string quoted as any
 *   text; booleans t/f and floats as the server wrote them (psql's values). tsv: backslash, tab, LF and CR are written \\ \t \n \r; NULL is
 *   the null string as it is. unaligned: values as they are, booleans t/f (psql's), joined by the
 *   field separator; NULL is the null string; each row starts with the record separator unless it is
 *   the first record (no header); a row without columns is nothing.
 *
 * This replaced COPY (query) TO STDOUT, where the server formats csv: the server is the slower side of an
 * export (COPY with sqlsh's float rewrite took 0.54 s of its time for 1M rows, DataRows less), and this
 * path runs inside a transaction too. psql --csv reads DataRows as well.
 */
import { RowBytes } from '../../core/row-bytes.js';
import { digitsAreJs, formatNumber } from '../../output/format-value.js';
import type { PgFieldDesc } from './postgres-driver.js';
import { byteaHex, Kind, kindOf, PgCopyTextWriter } from './postgres-raw-rows.js';
import { FIRST_ROWS } from '../../output/expanded-sink.js';
import { escapeMarkdownCell } from '../../output/markdown-sink.js';

const COMMA = 0x2c, QUOTE = 0x22, CR = 0x0d, LF = 0x0a, TAB = 0x09, BACKSLASH = 0x5c, DOT = 0x2e;

/** DataRow message bodies to csv or tsv lines, as UTF-8 bytes. */
export class PgDelimitedWriter extends RowBytes {
  private kinds: Kind[] = [];
  private single = false;
  private readonly nullBytes: Buffer;
  private readonly sep: number;

  /** psql's csv format: its quoting, booleans t/f, the server's floats. */
  private readonly psql: boolean;
  /** NULL as written: the null string (in psql's csv quoted as any text would be). */
  private readonly nullField: Buffer;

  constructor(
    private readonly format: 'csv' | 'tsv',
    private readonly nullString: string,
    psql = false,
  ) {
    super(false);
    this.psql = psql && format === 'csv';
    this.nullBytes = Buffer.from(nullString, 'utf8');
    this.sep = format === 'csv' ? COMMA : TAB;
    this.nullField = this.psql && (/[,"\r\n]/.test(nullString) || nullString === '\\.') ? Buffer.from(`"${nullString.replace(/"/g, '""')}"`, 'utf8') : this.nullBytes;
  }

  setFields(fields: readonly PgFieldDesc[]): void {
    this.kinds = fields.map((f) => kindOf(f.dataTypeID));
    this.single = fields.length === 1;
  }

  /** One DataRow's body, buf[s, e): int16 count, then per value int32 length (-1: NULL) and the bytes. */
  row(buf: Buffer, s: number, e: number): void {
    const n = buf.readInt16BE(s);
    let p = s + 2;
    this.reserve(e - s + 16);
    const csv = this.format === 'csv';
    for (let i = 0; i < n; i++) {
      if (i > 0) {
        this.reserve(1);
        this.out[this.pos++] = this.sep;
      }
      const len = buf.readInt32BE(p);
      p += 4;
      if (len < 0) {
        this.bytes(this.nullField, 0, this.nullField.length);
        continue;
      }
      const vs = p;
      p += len;
      switch (this.kinds[i]) {
        case Kind.Bool:
          this.text(buf[vs] === 0x74 ? (this.psql ? 't' : 'true') : this.psql ? 'f' : 'false');
          break;
        case Kind.Float:
          if (this.psql || digitsAreJs(buf, vs, p)) {
            if (csv) this.csvField(buf, vs, p);
            else this.bytes(buf, vs, p);
          } else this.text(formatNumber(Number(buf.toString('latin1', vs, p))));
          break;
        case Kind.Bytea:
          if (this.psql) this.csvField(buf, vs, p); // psql's csv: the server's text, in its bytea_output
          else this.text(byteaHex(buf, vs, p));
          break;
        default:
          if (!csv) this.copyEscaped(buf, vs, p, true);
          else if ((this.single || this.psql) && len === 2 && buf[vs] === BACKSLASH && buf[vs + 1] === DOT) this.ascii('"\\."');
          else this.csvField(buf, vs, p);
      }
    }
    this.reserve(1);
    this.out[this.pos++] = LF;
  }

  /** Text of single-byte characters (true/false, numbers, \x hex), as its format writes it. */
  private text(text: string): void {
    if (this.format === 'tsv') this.ascii(text.charCodeAt(0) === BACKSLASH ? '\\' + text : text);
    else this.ascii(text === this.nullString && !this.psql ? '"' + text + '"' : text);
  }

  /** A csv field: quoted when it holds a separator, quote or line break, or equals the null string. */
  private csvField(buf: Buffer, s: number, e: number): void {
    let quote = !this.psql && e - s === this.nullBytes.length && buf.compare(this.nullBytes, 0, this.nullBytes.length, s, e) === 0;
    let quotes = 0;
    for (let k = s; k < e; k++) {
      const c = buf[k]!;
      if (c === COMMA || c === CR || c === LF) quote = true;
      else if (c === QUOTE) {
        quote = true;
        quotes++;
      }
    }
    if (!quote) return this.bytes(buf, s, e);
    this.reserve(e - s + quotes + 2);
    this.out[this.pos++] = QUOTE;
    if (quotes === 0) this.bytes(buf, s, e);
    else {
      const out = this.out;
      let pos = this.pos;
      for (let k = s; k < e; k++) {
        const c = buf[k]!;
        if (c === QUOTE) out[pos++] = QUOTE;
        out[pos++] = c;
      }
      this.pos = pos;
    }
    this.out[this.pos++] = QUOTE;
  }
}

/** DataRow message bodies to psql's unaligned records (output/unaligned-sink.ts), as UTF-8 bytes. */
export class PgUnalignedWriter extends PgCopyTextWriter {
  private readonly nullBytes: Buffer;
  private readonly fs: Buffer;
  private readonly rs: Buffer;
  /** A record was written (the header, or a row): the next row starts with the record separator. */
  private open: boolean;

  constructor(options: { readonly nullString: string; readonly fieldSeparator: string; readonly recordSeparator: string; readonly header: boolean }) {
    super(false, true); // psql's values: t / f, and floats and bytea as the server wrote them
    this.nullBytes = Buffer.from(options.nullString, 'utf8');
    this.fs = Buffer.from(options.fieldSeparator, 'utf8');
    this.rs = Buffer.from(options.recordSeparator, 'utf8');
    this.open = options.header;
  }

  /** One DataRow's body, buf[s, e): int16 count, then per value int32 length (-1: NULL) and the bytes. */
  override writesCopyText(): boolean {
    return false;
  }

  override row(buf: Buffer, s: number, _e: number): void {
    const n = buf.readInt16BE(s);
    if (n === 0) return; // psql prints cells: a row without columns prints nothing
    let p = s + 2;
    if (this.open) this.bytes(this.rs, 0, this.rs.length);
    this.open = true;
    for (let i = 0; i < n; i++) {
      if (i > 0) this.bytes(this.fs, 0, this.fs.length);
      const len = buf.readInt32BE(p);
      p += 4;
      if (len < 0) {
        this.bytes(this.nullBytes, 0, this.nullBytes.length);
        continue;
      }
      const vs = p;
      p += len;
      if (!this.shownValue(this.kinds[i], buf, vs, p, 't', 'f')) this.bytes(buf, vs, p);
    }
  }
}

const PIPE = 0x7c, SP = 0x20;

/**
 * DataRow message bodies for the markdown sink (output/markdown-sink.ts): the first FIRST_ROWS rows
 * as COPY text, which the sink makes into rows to judge its numeric columns before it writes the
 * header; then, once `switched`, its table rows as bytes: `| a | b |`, a cell of printable ASCII copied
 * with '|' as '\|', any other made by escapeMarkdownCell, NULL the null string's cell.
 */
export class PgMarkdownWriter extends PgCopyTextWriter {
  /** The first rows were handed on as COPY text: the rest are markdown. */
  switched = false;
  private readonly nullCell: Buffer;

  constructor(nullString: string) {
    super(false); // markdown pieces go to the output, which may hold them a while
    this.nullCell = Buffer.from(escapeMarkdownCell(nullString), 'utf8');
  }

  override writesCopyText(): boolean {
    return !this.switched;
  }

  /** Before the next row: hand the COPY text on first (true once, at FIRST_ROWS rows). */
  get switching(): boolean {
    return !this.switched && this.rows >= FIRST_ROWS;
  }

  override row(buf: Buffer, s: number, e: number): void {
    if (!this.switched) return super.row(buf, s, e);
    const n = buf.readInt16BE(s);
    let p = s + 2;
    this.reserve(e - s + 4 * n + 4);
    this.out[this.pos++] = PIPE;
    for (let i = 0; i < n; i++) {
      this.reserve(1);
      this.out[this.pos++] = SP;
      const len = buf.readInt32BE(p);
      p += 4;
      if (len < 0) this.bytes(this.nullCell, 0, this.nullCell.length);
      else {
        const vs = p;
        p += len;
        if (!this.shownValue(this.kinds[i], buf, vs, p, 'true', 'false')) this.cell(buf, vs, p);
      }
      this.reserve(2);
      this.out[this.pos++] = SP;
      this.out[this.pos++] = PIPE;
    }
    this.reserve(1);
    this.out[this.pos++] = LF;
    this.rows++;
  }

  /** A text cell: printable ASCII copied with '|' escaped; anything else through escapeMarkdownCell. */
  private cell(buf: Buffer, s: number, e: number): void {
    let pipes = 0;
    for (let k = s; k < e; k++) {
      const c = buf[k]!;
      if (c < 0x20 || c > 0x7e) {
        const text = escapeMarkdownCell(buf.toString('utf8', s, e));
        this.reserve(text.length * 3);
        this.pos += this.out.write(text, this.pos, 'utf8');
        return;
      }
      if (c === PIPE) pipes++;
    }
    if (pipes === 0) return this.bytes(buf, s, e);
    this.reserve(e - s + pipes);
    const out = this.out;
    let pos = this.pos;
    for (let k = s; k < e; k++) {
      const c = buf[k]!;
      if (c === PIPE) out[pos++] = BACKSLASH;
      out[pos++] = c;
    }
    this.pos = pos;
  }
}
