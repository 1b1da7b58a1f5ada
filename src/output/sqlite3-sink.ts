/**
 * The sqlite3 shell's output modes (3.40), byte for byte, for sqlite3 scripts: once a script sets
 * `.mode`, `.headers`, `.separator` or `.nullvalue`, its results are written as sqlite3 writes them.
 *
 * - list, tabs, ascii: values joined by the column separator, rows ended by the row separator, the header
 *   (names) first when headers are on; no quoting.
 * - csv: the same with ',' and '\r\n', a value quoted ("" doubled) when it is empty or holds a control
 *   character, a space, '"', '\'', a byte outside ASCII or the separator; NULL is the null value, unquoted.
 * - line: `name = value` per column, names right-aligned to the longest (at least 5), a blank line
 *   between records.
 * - column, table, box, markdown: the result is read whole for the widths (sqlite3 does the same);
 *   values left-aligned, widths in characters (not display cells: sqlite3 3.40 counts code points),
 *   a tab padded to the next multiple of 8, a newline starts a new line in the cell. column mode
 *   prints its header when headers are on (`.mode column` turns them on unless `.headers` was given),
 *   the others always, centred. When a row takes several lines, rows are divided (a blank line in
 *   column mode, a rule in table and box; markdown does not divide).
 *
 * NULL is the null value (sqlite3's default: empty). REALs and blobs come as text from the engine
 * (ExecuteOptions.sqlite3Values: `2.0`, `1.0e+20`). An empty result writes nothing.
 */
import type { ColumnInfo, Row, Value } from '../core/result.js';
import type { ResultSink, ResultSummary, TextOutput } from './sink.js';
import { sqlite3Name, sqlite3Quoted, sqlite3Real } from './sqlite3-values.js';
import { bytesText, encodeUtf8Escaped, hasEscapedBytes } from '../core/surrogate-escape.js';
import { explainHeader, explainIndents, explainRow, isExplainListing } from './sqlite3-explain.js';
import { sqlite3PlanText, sqliteRowsFrom } from '../plan/parse-sqlite-plan.js';

/**
 * The modes `.mode` sets, and two more: 'explain', the mode of `.explain on` and of an EXPLAIN statement under
 * `.explain auto` (sqlite3-explain.ts); 'eqp', an EXPLAIN QUERY PLAN statement's rows drawn as its tree under
 * `.explain auto`.
 */
export type Sqlite3Mode = 'list' | 'ascii' | 'csv' | 'tabs' | 'column' | 'line' | 'box' | 'table' | 'markdown' | 'quote' | 'insert' | 'html' | 'tcl' | 'json' | 'explain' | 'eqp';
export const SQLITE3_MODES: readonly Sqlite3Mode[] = Object.freeze(['list', 'ascii', 'csv', 'tabs', 'column', 'line', 'box', 'table', 'markdown', 'quote', 'insert', 'html', 'tcl', 'json']);

const HTML_ESCAPES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };

/** sqlite3's html mode escaping of a value or name. */
function sqlite3Html(text: string): string {
  return text.replace(/[<>&"']/g, (c) => HTML_ESCAPES[c]!);
}

const utf8 = new TextEncoder();

/** sqlite3's C string (tcl mode): in double quotes, \\ \" \t \n \r, other bytes that are not printable ASCII as octal; a zero byte ends it. */
export function sqlite3CString(text: string): string {
  let out = '"';
  for (const b of hasEscapedBytes(text) ? encodeUtf8Escaped(text) : utf8.encode(text)) {
    if (b === 0) break;
    if (b === 0x5c) out += '\\\\';
    else if (b === 0x22) out += '\\"';
    else if (b === 0x09) out += '\\t';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b < 0x20 || b >= 0x7f) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out}"`;
}

/** The sqlite3 shell's output state, as its dot-commands set it (meta/dot-commands.ts). */
export interface Sqlite3Output {
  readonly mode: Sqlite3Mode;
  readonly header: boolean;
  readonly nullValue: string;
  readonly colSeparator: string;
  readonly rowSeparator: string;
  /** `.mode insert TABLE`: the table the INSERT statements name (default "table"). */
  readonly insertTable?: string;
  /** SQLite's own keywords (sql/dialects/sqlite.ts SQLITE_KEYWORDS): `.mode insert` quotes a table or column named like one. */
  readonly keywords?: ReadonlySet<string>;
  /** `.width N ...` for the columnar modes: N > 0 that many characters (longer values wrap), -N the same to the right, 0 as wide as needed. */
  readonly widths?: readonly number[];
  /** `.changes on`: after each statement, `changes: N   total_changes: M` (written by the script runner). */
  readonly changes?: boolean;
  /** The columnar modes' `--wrap N` (undefined: 60): a column `.width` leaves as wide as needed wraps there (0 or less: never). */
  readonly wrap?: number;
  /** The columnar modes' `--wordwrap on`: a wrapped value is cut after a space where it can. */
  readonly wordWrap?: boolean;
  /** The columnar modes' `--quote` (and qbox): values as SQL literals, NULL as NULL. */
  readonly quote?: boolean;
  /** `.explain off` or `on` (undefined: auto, an EXPLAIN statement in explain mode and EXPLAIN QUERY PLAN as a tree). */
  readonly autoExplain?: false;
  /** The mode `.explain on` replaced, which `.explain off` and `.explain auto` set again. */
  readonly normalMode?: Sqlite3Mode;
}

/** sqlite3's start: list mode, no headers, '|' and '\n', NULL empty. */
export const SQLITE3_DEFAULT: Sqlite3Output = Object.freeze({ mode: 'list', header: false, nullValue: '', colSeparator: '|', rowSeparator: '\n' });

function text(v: Value, nullValue: string): string {
  if (v === null) return nullValue;
  if (typeof v === 'string') return v;
  // a number is a REAL (INTEGER comes as bigint: ExecuteOptions.sqlite3Values)
  if (typeof v === 'number') return sqlite3Real(v);
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Uint8Array) {
    const end = v.indexOf(0);
    return bytesText(end < 0 ? v : v.subarray(0, end));
  }
  return v.text;
}

/** A value in a columnar mode's `--quote` (qbox): text in single quotes, a blob as x'hex', NULL as NULL, numbers as they are. */
function columnarQuoted(v: Value): string {
  if (v === null) return 'NULL';
  if (v instanceof Uint8Array) return `x'${Buffer.from(v).toString('hex')}'`;
  if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
  return text(v, '');
}

/** sqlite3's csv quoting: needed for an empty value, a control character, space, '"', '\'', DEL or beyond ASCII, or the separator. */
export function sqlite3Csv(value: string, separator: string): string {
  // eslint-disable-next-line no-control-regex
  const needs = value === '' || /[\x00-\x20"'\x7f-\uffff]/.test(value) || value.includes(separator);
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A cell's lines as sqlite3 3.40 lays them out: split at each control character but the tab (a newline, and a
 * CR or ESC too, which are dropped; CR LF is one break), a last break ends the value. Tabs stay (expandTabs, or
 * wrapLines under a `.width`).
 */
function cellLines(value: string): string[] {
  const parts = value.split(/\r\n|[\x00-\x08\x0a-\x1f]/);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** A line's tabs as spaces to the next multiple of 8. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  let n = 0;
  for (const ch of line) {
    if (ch === '\t') {
      do {
        out += ' ';
        n++;
      } while (n % 8 !== 0);
    } else {
      out += ch;
      n++;
    }
  }
  return out;
}

/**
 * Width in characters (code points), as sqlite3 3.40 measures a column: it counts the bytes that start
 * a UTF-8 sequence, so of a blob's stray bytes (escaped as U+DC80-U+DCFF) those of 0x80-0xBF count nothing.
 */
const chars = (s: string): number => {
  let n = 0;
  for (const c of s) {
    const u = c.charCodeAt(0);
    if (u < 0xdc80 || u > 0xdcbf) n++;
  }
  return n;
};

const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - chars(s)));
/** The first `w` characters. */
const cut = (s: string, w: number): string => [...s].slice(0, w).join('');
const padLeft = (s: string, w: number): string => ' '.repeat(Math.max(0, w - chars(s))) + s;

const alnum = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9]$/.test(c);

/**
 * A cell's lines cut after at most `w` characters (`--wordwrap on`), as sqlite3 3.40 cuts them: after a space in
 * the second half of the piece (the space stays at the piece's end), else where a letter or digit meets another
 * character there (then the spaces after the cut are left out), else at `w`.
 */
function wordWrapLines(lines: readonly string[], w: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const cs = [...line];
    if (cs.length === 0) out.push('');
    for (let i = 0; i < cs.length; ) {
      let j = Math.min(cs.length, i + w);
      if (j - i >= w) {
        // (the second half counted in UTF-8 bytes, as sqlite3 counts it)
        const at = [0];
        for (let m = i; m < j; m++) at.push(at[at.length - 1]! + Buffer.byteLength(cs[m]!));
        const later = (k: number): boolean => at[k - i]! > at[j - i]! / 2;
        let k = j;
        while (later(k) && !/\s/.test(cs[k - 1]!)) k--;
        if (!later(k)) for (k = j; later(k) && alnum(cs[k - 1]) === alnum(cs[k]); k--);
        if (later(k)) {
          out.push(cs.slice(i, k).join(''));
          for (i = k; i < cs.length && cs[i] === ' '; i++);
          continue;
        }
      }
      out.push(cs.slice(i, j).join(''));
      i = j;
    }
  }
  return out;
}

/**
 * A cell's lines cut every `w` characters (`.width`): sqlite3 wraps by characters, not words. A tab is spaces to
 * the next multiple of 8 of its piece, or to the piece's end (the rest of it is lost at the cut), as in sqlite3 3.40.
 */
function wrapLines(lines: readonly string[], w: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let piece = '';
    let n = 0;
    for (const ch of line) {
      if (n >= w) {
        out.push(piece);
        piece = '';
        n = 0;
      }
      if (ch === '\t') {
        do {
          piece += ' ';
          n++;
        } while (n % 8 !== 0 && n < w);
      } else {
        piece += ch;
        n++;
      }
    }
    out.push(piece);
  }
  return out;
}
const centre = (s: string, w: number): string => {
  const room = Math.max(0, w - chars(s));
  const left = Math.floor(room / 2);
  return ' '.repeat(left) + s + ' '.repeat(room - left);
};

/** sqlite3's output_json_string: `"` and `\\` escaped, control characters as \\b \\f \\n \\r \\t or \\u00XX, the rest as it is. */
function sqlite3Json(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const c = text.charCodeAt(i);
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (c <= 0x1f) out += c === 8 ? '\\b' : c === 12 ? '\\f' : c === 10 ? '\\n' : c === 13 ? '\\r' : c === 9 ? '\\t' : `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A value in sqlite3's json mode: null, an INTEGER as it is, a REAL as %!.20g (1e999 for infinity), a blob's bytes and text as strings. */
function jsonValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint' || typeof v === 'number') return sqlite3Quoted(v, false);
  if (v instanceof Uint8Array) return sqlite3Json(bytesText(v)); // (its bytes as they are: invalid UTF-8 carried escaped)
  return sqlite3Json(typeof v === 'string' ? v : typeof v === 'object' && 'text' in v ? String((v as { text: unknown }).text) : String(v));
}

const RULES = {
  box: { top: ['┌', '┬', '┐'], mid: ['├', '┼', '┤'], bottom: ['└', '┴', '┘'], h: '─', v: '│' },
  table: { top: ['+', '+', '+'], mid: ['+', '+', '+'], bottom: ['+', '+', '+'], h: '-', v: '|' },
} as const;

export class Sqlite3Sink implements ResultSink {
  private names: string[] = [];
  private count = 0;
  /** The columnar modes' rows (as cell lines), kept for the widths. */
  private cells: string[][][] = [];
  /** An EXPLAIN listing's rows (for its indentation), an EXPLAIN QUERY PLAN's (for its tree). */
  private held: (readonly unknown[])[] = [];

  constructor(
    private readonly out: TextOutput,
    private readonly o: Sqlite3Output,
  ) {}

  begin(columns: readonly ColumnInfo[]): void {
    this.names = columns.map((c) => c.name);
    this.count = 0;
    this.cells = [];
    this.held = [];
  }

  async rows(batch: readonly Row[]): Promise<void> {
    const { o } = this;
    let chunk = '';
    for (const row of batch) {
      const values = row.map((v) => text(v, o.nullValue));
      switch (o.mode) {
        case 'list':
        case 'ascii':
        case 'tabs':
          if (this.count === 0 && o.header) chunk += this.names.join(o.colSeparator) + o.rowSeparator;
          chunk += values.join(o.colSeparator) + o.rowSeparator;
          break;
        case 'html':
          if (this.count === 0 && o.header) chunk += `<TR>${this.names.map((n) => `<TH>${sqlite3Html(n)}</TH>\n`).join('')}</TR>\n`;
          chunk += `<TR>${values.map((v) => `<TD>${sqlite3Html(v)}</TD>\n`).join('')}</TR>\n`;
          break;
        case 'tcl':
          if (this.count === 0 && o.header) chunk += this.names.map(sqlite3CString).join(o.colSeparator) + o.rowSeparator;
          chunk += values.map(sqlite3CString).join(o.colSeparator) + o.rowSeparator;
          break;
        case 'csv': {
          const q = (v: string, i: number): string => (row[i] === null ? v : sqlite3Csv(v, o.colSeparator));
          if (this.count === 0 && o.header) chunk += this.names.map((n) => sqlite3Csv(n, o.colSeparator)).join(o.colSeparator) + o.rowSeparator;
          chunk += values.map(q).join(o.colSeparator) + o.rowSeparator;
          break;
        }
        case 'quote':
          if (this.count === 0 && o.header) chunk += this.names.map((n) => sqlite3Quoted(n, false)).join(o.colSeparator) + o.rowSeparator;
          chunk += row.map((v) => sqlite3Quoted(v, false)).join(o.colSeparator) + o.rowSeparator;
          break;
        case 'insert': {
          const kw = o.keywords ?? new Set<string>();
          const cols = o.header ? `(${this.names.map((n) => sqlite3Name(n, kw)).join(',')})` : '';
          chunk += `INSERT INTO ${sqlite3Name(o.insertTable ?? 'table', kw)}${cols} VALUES(${row.map((v) => sqlite3Quoted(v, true)).join(',')});${o.rowSeparator}`;
          break;
        }
        case 'json':
          // sqlite3's json mode: one object a line, the array opened by the first row and closed after the last
          chunk += `${this.count === 0 ? '[{' : ',\n{'}${row.map((v, i) => `${sqlite3Json(this.names[i]!)}:${jsonValue(v)}`).join(',')}}`;
          break;
        case 'explain':
          if (isExplainListing(this.names)) this.held.push(values);
          else chunk += (this.count === 0 ? explainHeader(this.names, pad, cut) : '') + explainRow(values, pad);
          break;
        case 'eqp':
          this.held.push(row);
          break;
        case 'line': {
          const w = Math.max(5, ...this.names.map(chars));
          if (this.count > 0) chunk += o.rowSeparator;
          chunk += values.map((v, i) => `${' '.repeat(Math.max(0, w - chars(this.names[i]!)))}${this.names[i]} = ${v}\n`).join('');
          break;
        }
        default:
          this.cells.push(o.quote ? row.map((v) => cellLines(columnarQuoted(v))) : values.map(cellLines));
      }
      this.count++;
    }
    if (chunk) await this.out.write(chunk);
  }

  async end(_summary: ResultSummary): Promise<void> {
    const { o } = this;
    if (o.mode === 'explain' || o.mode === 'eqp') {
      const held = this.held;
      this.held = [];
      if (held.length === 0) return;
      if (o.mode === 'eqp') return void (await this.out.write(sqlite3PlanText(sqliteRowsFrom(held))));
      const rows = held as string[][];
      const indents = explainIndents(rows);
      await this.out.write(explainHeader(this.names, pad, cut) + rows.map((r, i) => explainRow(r, pad, indents[i])).join(''));
      return;
    }
    if (o.mode === 'json') {
      if (this.count > 0) await this.out.write(']\n');
      return;
    }
    if (o.mode !== 'column' && o.mode !== 'box' && o.mode !== 'table' && o.mode !== 'markdown') return;
    if (this.cells.length === 0) return;
    const header = o.mode !== 'column' || o.header;
    // .width: a set width wraps the values and cuts the name; a negative one aligns to the right; a column without
    // one wraps at the mode's --wrap (60)
    const spec = this.names.map((_, i) => o.widths?.[i] ?? 0);
    const wrapAt = o.wrap ?? 60;
    const cutAt = spec.map((w) => (w !== 0 ? Math.abs(w) : wrapAt > 0 ? wrapAt : 0));
    const wrap = (lines: readonly string[], w: number): string[] => (o.wordWrap ? wordWrapLines(lines.map(expandTabs), w) : wrapLines(lines, w));
    const names = this.names.map((n, i) => (cutAt[i] !== 0 ? wrapLines([n], cutAt[i]!)[0] ?? '' : n));
    this.cells = this.cells.map((r) => r.map((c, i) => (cutAt[i] !== 0 ? wrap(c, cutAt[i]!) : c.map(expandTabs))));
    const widths = names.map((name, i) => {
      if (spec[i] !== 0) return Math.abs(spec[i]!);
      let w = header ? chars(name) : 0;
      for (const r of this.cells) for (const line of r[i]!) w = Math.max(w, chars(line));
      return w;
    });
    const right = spec.map((w) => w < 0);
    const data = (s: string, w: number, i: number): string => (right[i] ? padLeft(s, w) : pad(s, w));
    const multiLine = this.cells.some((r) => r.some((c) => c.length > 1));
    const lines: string[] = [];
    const rowLines = (r: readonly (readonly string[])[], cell: (s: string, w: number, i: number) => string, sep: string, open: string, close: string): void => {
      const height = Math.max(1, ...r.map((c) => c.length));
      for (let k = 0; k < height; k++) lines.push(open + r.map((c, i) => cell(c[k] ?? '', widths[i]!, i)).join(sep) + close);
    };
    if (o.mode === 'column') {
      if (header) {
        rowLines(names.map((x) => [x]), data, '  ', '', '');
        lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
      }
      this.cells.forEach((r, k) => {
        if (k > 0 && multiLine) lines.push('');
        rowLines(r, data, '  ', '', '');
      });
    } else if (o.mode === 'markdown') {
      rowLines(names.map((x) => [x]), centre, ' | ', '| ', ' |');
      lines.push(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
      for (const r of this.cells) rowLines(r, data, ' | ', '| ', ' |');
    } else {
      const s = RULES[o.mode];
      const rule = (ends: readonly [string, string, string]): string => ends[0] + widths.map((w) => s.h.repeat(w + 2)).join(ends[1]) + ends[2];
      lines.push(rule(s.top));
      rowLines(names.map((x) => [x]), centre, ` ${s.v} `, `${s.v} `, ` ${s.v}`);
      lines.push(rule(s.mid));
      this.cells.forEach((r, k) => {
        if (k > 0 && multiLine) lines.push(rule(s.mid));
        rowLines(r, data, ` ${s.v} `, `${s.v} `, ` ${s.v}`);
      });
      lines.push(rule(s.bottom));
    }
    this.cells = [];
    await this.out.write(`${lines.join('\n')}\n`);
  }
}
