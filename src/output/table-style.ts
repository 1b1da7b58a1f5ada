/** Border characters of the aligned table styles (\T psql | unicode | ascii). */
import type { TableStyle } from './sink.js';

export interface RuleChars {
  readonly left: string;
  readonly mid: string;
  readonly right: string;
  readonly fill: string;
}

export interface BorderStyle {
  /** Row borders: left edge, between columns, right edge. */
  readonly left: string;
  readonly mid: string;
  readonly right: string;
  readonly top?: RuleChars;
  readonly headerRule: RuleChars;
  readonly bottom?: RuleChars;
  /** Shown after a cell line that continues because the value contains a newline. */
  readonly newlineMark: string;
  /** Shown after a cell line that continues because the value was wrapped to the column width. */
  readonly wrapMark: string;
  /** Center header names (psql does); otherwise left-aligned. */
  readonly centerHeader: boolean;
  /** Trim trailing spaces of every line (styles without a right border). */
  readonly trimRight: boolean;
  /** Expanded records: the rule character, the junction under the separator, the separator. */
  readonly recordFill: string;
  readonly recordJunction: string;
  readonly recordSep: string;
}

export const BORDER_STYLES: Readonly<Record<Exclude<TableStyle, 'markdown'>, BorderStyle>> = Object.freeze({
  psql: Object.freeze({
    left: '', mid: '|', right: '',
    headerRule: Object.freeze({ left: '', mid: '+', right: '', fill: '-' }),
    newlineMark: '+', wrapMark: '.', centerHeader: true, trimRight: true,
    recordFill: '-', recordJunction: '+', recordSep: '|',
  }),
  ascii: Object.freeze({
    left: '|', mid: '|', right: '|',
    top: Object.freeze({ left: '+', mid: '+', right: '+', fill: '-' }),
    headerRule: Object.freeze({ left: '+', mid: '+', right: '+', fill: '-' }),
    bottom: Object.freeze({ left: '+', mid: '+', right: '+', fill: '-' }),
    newlineMark: '+', wrapMark: '.', centerHeader: false, trimRight: false,
    recordFill: '-', recordJunction: '+', recordSep: '|',
  }),
  unicode: Object.freeze({
    left: '│', mid: '│', right: '│',
    top: Object.freeze({ left: '┌', mid: '┬', right: '┐', fill: '─' }),
    headerRule: Object.freeze({ left: '├', mid: '┼', right: '┤', fill: '─' }),
    bottom: Object.freeze({ left: '└', mid: '┴', right: '┘', fill: '─' }),
    newlineMark: '↵', wrapMark: '…', centerHeader: false, trimRight: false,
    recordFill: '─', recordJunction: '┬', recordSep: '│',
  }),
});

/** Cells taken by borders and padding for n columns (everything but the column widths). */
export function borderOverhead(style: BorderStyle, n: number): number {
  if (n === 0) return 0;
  return style.left.length + style.right.length + style.mid.length * (n - 1) + 2 * n;
}
