/**
 * Border characters of the aligned table styles, as psql draws them: a border (0, 1, 2) and a line
 * style (ascii, old-ascii, unicode, the unicode one with single or double lines for the outer
 * border, the column rules and the header rule). sqlsh's own boxed styles (\T ascii, \T unicode)
 * are psql's border 2 with the column names on the left instead of centred.
 */
import type { TableStyle } from './sink.js';

export interface RuleChars {
  readonly left: string;
  readonly mid: string;
  readonly right: string;
  readonly fill: string;
  /** Fill characters beside each column's width: 1 (the cell's padding), 0 with border 0. */
  readonly pad: number;
}

export type PsqlBorder = 0 | 1 | 2;
export type PsqlLineStyle = 'ascii' | 'old-ascii' | 'unicode';
export type UnicodeLine = 'single' | 'double';

/** psql's line options (\pset border, linestyle, unicode_border_linestyle, unicode_column_linestyle, unicode_header_linestyle). */
export interface PsqlLines {
  /** 0, 1, 2; more draws as 2 (html writes the number as it is). */
  readonly border: number;
  readonly linestyle: PsqlLineStyle;
  readonly unicodeBorder?: UnicodeLine;
  readonly unicodeColumn?: UnicodeLine;
  readonly unicodeHeader?: UnicodeLine;
}

export interface BorderStyle {
  readonly border: PsqlBorder;
  /** Row borders: left edge, between columns, right edge ('' where the border draws none). */
  readonly left: string;
  readonly mid: string;
  readonly right: string;
  /** Between columns on a line where the next column continues a wrapped value / a value after a newline / has no line left. */
  readonly midWrap: string;
  readonly midNewline: string;
  readonly midBlank: string;
  readonly top?: RuleChars;
  readonly headerRule: RuleChars;
  readonly bottom?: RuleChars;
  /** Before a cell line that continues a wrapped value / starts after a newline (borders 1 and 2). */
  readonly wrapLeft: string;
  readonly newlineLeft: string;
  /** After a cell line that continues because the value was wrapped / contains a newline. */
  readonly wrapMark: string;
  readonly newlineMark: string;
  /** The same for column names: before a name's later line, after a line that continues. */
  readonly headerNewlineLeft: string;
  readonly headerNewlineRight: string;
  /** psql's wrap_right_border: the marks go on the right (old-ascii puts a name's on the left). */
  readonly marksRight: boolean;
  /** Center header names (psql does); otherwise left-aligned. */
  readonly centerHeader: boolean;
  /** No right border: the last column's padding is left out of data lines (borders 0 and 1). */
  readonly trimRight: boolean;
  /** The top rule even without the column names (sqlsh's boxes, the mysql client's); psql draws none then. */
  readonly topWithoutHeader: boolean;
  /** Expanded records: the record line at the top of the output, between records, at the bottom; the value separator. */
  readonly recordTop: RuleChars;
  readonly recordMiddle: RuleChars;
  readonly recordBottom: RuleChars;
  readonly recordSep: string;
  /** The old-ascii line style (psql treats its marks differently in places). */
  readonly oldAscii: boolean;
}

const rule = (fill: string, left: string, mid: string, right: string, border: PsqlBorder): RuleChars =>
  Object.freeze({ fill, left: border === 2 ? left : '', mid: border === 0 ? ' ' : mid, right: border === 2 ? right : '', pad: border === 0 ? 0 : 1 });

/** The unicode box characters: [single, double] for each role. */
const H = ['─', '═'] as const;
const V = ['│', '║'] as const;
/** Corners and junctions by (vertical line, horizontal line), as psql picks them. */
const DOWN_RIGHT = ['┌', '╔'] as const;
const DOWN_LEFT = ['┐', '╗'] as const;
const UP_RIGHT = ['└', '╚'] as const;
const UP_LEFT = ['┘', '╝'] as const;
/** [vertical][horizontal] */
const V_RIGHT = [['├', '╞'], ['╟', '╠']] as const;
const V_LEFT = [['┤', '╡'], ['╢', '╣']] as const;
const CROSS = [['┼', '╪'], ['╫', '╬']] as const;
const DOWN_H = [['┬', '╤'], ['╥', '╦']] as const;
const UP_H = [['┴', '╧'], ['╨', '╩']] as const;

const idx = (l: UnicodeLine | undefined): 0 | 1 => (l === 'double' ? 1 : 0);

/** psql's style for a border and line style (centerHeader false: sqlsh's boxed styles). */
export function psqlBorderStyle(lines: PsqlLines, centerHeader = true): BorderStyle {
  const border: PsqlBorder = lines.border <= 0 ? 0 : lines.border >= 2 ? 2 : 1;
  const base = { border, centerHeader, trimRight: border < 2, topWithoutHeader: !centerHeader };
  if (lines.linestyle === 'unicode') {
    const b = idx(lines.unicodeBorder);
    const c = idx(lines.unicodeColumn);
    const h = idx(lines.unicodeHeader);
    const top = rule(H[b], DOWN_RIGHT[b], DOWN_H[c][b], DOWN_LEFT[b], border);
    const middle = rule(H[h], V_RIGHT[b][h], CROSS[c][h], V_LEFT[b][h], border);
    const bottom = rule(H[b], UP_RIGHT[b], UP_H[c][b], UP_LEFT[b], border);
    return Object.freeze({
      ...base,
      left: border === 2 ? V[b] : '', mid: border === 0 ? '' : V[c], right: border === 2 ? V[b] : '',
      midWrap: V[c], midNewline: V[c], midBlank: V[c],
      ...(border === 2 ? { top, bottom } : {}),
      headerRule: middle,
      wrapLeft: '…', newlineLeft: ' ', wrapMark: '…', newlineMark: '↵',
      headerNewlineLeft: ' ', headerNewlineRight: '↵', marksRight: true,
      recordTop: top, recordMiddle: middle, recordBottom: bottom, recordSep: V[c], oldAscii: false,
    });
  }
  const ascii = rule('-', '+', '+', '+', border);
  const old = lines.linestyle === 'old-ascii';
  return Object.freeze({
    ...base,
    left: border === 2 ? '|' : '', mid: border === 0 ? '' : '|', right: border === 2 ? '|' : '',
    midWrap: old ? ';' : '|', midNewline: old ? ':' : '|', midBlank: old ? ' ' : '|',
    ...(border === 2 ? { top: ascii, bottom: ascii } : {}),
    headerRule: ascii,
    wrapLeft: old ? ' ' : '.', newlineLeft: ' ', wrapMark: old ? ' ' : '.', newlineMark: old ? ' ' : '+',
    headerNewlineLeft: old ? '+' : ' ', headerNewlineRight: old ? ' ' : '+', marksRight: !old,
    recordTop: ascii, recordMiddle: ascii, recordBottom: ascii, recordSep: '|', oldAscii: old,
  });
}

export const DEFAULT_PSQL_LINES: PsqlLines = Object.freeze({ border: 1, linestyle: 'ascii' });

export const BORDER_STYLES: Readonly<Record<Exclude<TableStyle, 'markdown'>, BorderStyle>> = Object.freeze({
  psql: psqlBorderStyle(DEFAULT_PSQL_LINES),
  ascii: psqlBorderStyle({ border: 2, linestyle: 'ascii' }, false),
  unicode: psqlBorderStyle({ border: 2, linestyle: 'unicode' }, false),
});

/** The style a table is drawn with: psql's lines for the psql style, else sqlsh's own box. */
export function borderStyleFor(tableStyle: TableStyle, lines: PsqlLines | undefined): BorderStyle {
  if (tableStyle === 'psql' || tableStyle === 'markdown') return lines ? psqlBorderStyle(lines) : BORDER_STYLES.psql;
  return BORDER_STYLES[tableStyle];
}

/** Cells taken by borders and padding for n columns (everything but the column widths). */
export function borderOverhead(style: BorderStyle, n: number): number {
  if (n === 0) return 0;
  if (style.border === 0) return n; // one space after each column (psql counts the last one too)
  return style.left.length + style.right.length + style.mid.length * (n - 1) + 2 * n;
}
