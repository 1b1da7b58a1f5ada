/**
 * How a chart looks on this terminal: its size, Unicode or ASCII glyphs (from the locale), colour or
 * not, and the small helpers every renderer shares: a line built from styled segments (text escaped,
 * colours the program's own), numbers for labels, fitting labels to a width.
 */
import { displayWidth, padEndToWidth, padStartToWidth, truncateToWidth } from '../output/display-width.js';
import { escapeForTerminal } from '../output/escape.js';
import { joinText, safeText, styled, type TerminalText } from '../output/terminal-text.js';

export interface ChartLook {
  /** Columns to fill. */
  readonly width: number;
  /** Rows the plot area may take (line chart), or most bars / bins / sparkline rows. */
  readonly height: number;
  /** Block and Braille characters; false: ASCII only. */
  readonly unicode: boolean;
  /** SGR colours (16-colour palette only, so every theme and the ansi theme read them). */
  readonly color: boolean;
}

/** True when the locale's character set is UTF-8: the first of LC_ALL, LC_CTYPE, LANG that is set decides. */
export function localeIsUtf8(env: Readonly<Record<string, string | undefined>>): boolean {
  const v = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(v);
}

/** Series colours: the 16-colour palette's foregrounds (cyan, yellow, magenta, green, blue, red). */
export const SERIES_SGR: readonly string[] = Object.freeze(['36', '33', '35', '32', '34', '31']);
export const seriesSgr = (i: number): string => SERIES_SGR[i % SERIES_SGR.length]!;

/** A segment: the text (program's own glyphs or data, escaped here) and its SGR parameters ('' plain). */
export type Seg = readonly [text: string, sgr: string];

export function line(segs: readonly Seg[], look: ChartLook): TerminalText {
  return joinText(segs.map(([t, p]) => (look.color ? styled(p, safeText(t)) : safeText(t))));
}

/** Data text made visible (escapes) and cut or padded to exactly `width` cells. */
export function fitLabel(text: string, width: number, unicode: boolean, align: 'left' | 'right' = 'left'): string {
  const shown = truncateToWidth(escapeForTerminal(text), width, unicode ? '…' : '~');
  return align === 'left' ? padEndToWidth(shown, width) : padStartToWidth(shown, width);
}

/** Width of data text as it will be shown (escaped). */
export const labelWidth = (text: string): number => displayWidth(escapeForTerminal(text));

function group(intText: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A value as a label: integers with thousands separators, others with at most 6 significant digits. */
export function formatFigure(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return (n < 0 ? '-' : '') + group(String(Math.abs(n)));
  const a = Math.abs(n);
  if (a >= 1e15 || a < 1e-4) return n.toExponential(2);
  const [i, f] = String(Number(n.toPrecision(6))).split('.');
  return group(i!) + (f ? `.${f}` : '');
}

/**
 * Figures shown one under another (bar values): each as formatFigure, then all with the same number
 * of decimals (the most any of them needs), so the column does not mix 48,360 and 43,483.3.
 */
export function formatFigures(values: readonly (number | undefined)[]): string[] {
  const one = values.map((v) => (v === undefined ? undefined : formatFigure(v)));
  const decimals = Math.max(0, ...one.map((f) => (f && /^-?[\d,]+\.\d+$/.test(f) ? f.split('.')[1]!.length : 0)));
  return values.map((v, i) => {
    const f = one[i];
    if (v === undefined || f === undefined) return 'NULL';
    if (decimals === 0 || !/^-?[\d,]+(\.\d+)?$/.test(f)) return f;
    const [int, frac] = Math.abs(v).toFixed(decimals).split('.');
    return `${v < 0 ? '-' : ''}${group(int!)}.${frac}`;
  });
}

/** A short axis label: 3 significant digits, with k, M, G, T for large magnitudes. */
export function formatTick(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e3 && a < 1e15) {
    const units: readonly [number, string][] = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
    for (const [u, s] of units) if (a >= u) return `${Number((n / u).toPrecision(3))}${s}`;
  }
  if (a !== 0 && (a < 1e-3 || a >= 1e15)) return n.toExponential(1);
  return String(Number(n.toPrecision(3)));
}

const two = (n: number): string => String(n).padStart(2, '0');

/** A time axis label, as precise as the span needs (UTC, as the values were read). */
export function formatTime(ms: number, spanMs: number): string {
  const d = new Date(ms);
  const day = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  if (spanMs >= 2 * 86400000 && d.getUTCHours() === 0 && d.getUTCMinutes() === 0) return day;
  if (spanMs >= 2 * 86400000) return day;
  return `${day} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}
