/**
 * Display width of text in terminal cells, and helpers to truncate, pad and wrap text
 * to a width without splitting a wide character or a grapheme cluster.
 *
 * Width rules (from string-width): East Asian wide/fullwidth and emoji = 2 cells,
 * combining marks and zero-width characters = 0, everything else 1. Control characters
 * count as 0, so callers escape text (escape.ts) before measuring it.
 * The common case, printable ASCII, is measured by a quick scan without the library.
 *
 * string-width compiles large Unicode regexes and a segmenter when imported (tens of milliseconds),
 * so it is loaded only when a text needs it: on Node with require(esm) (20.19 and later) it is
 * required synchronously the first time a character outside the simple ranges is measured, so a
 * result of plain text (`sqlsh db -c "select 1"`) never pays for it. On an older Node it is
 * imported: loadDisplayWidth() before rendering results; until it has loaded, other text is
 * measured by a close approximation (never for results: renderers await the load).
 */
import { createRequire } from 'node:module';

type StringWidth = (text: string, options?: { countAnsiEscapeCodes?: boolean }) => number;

const WIDTH_OPTIONS = Object.freeze({ countAnsiEscapeCodes: true });
let stringWidth: StringWidth | undefined;
let loading: Promise<void> | undefined;
/** Node can require() an ES module (string-width is one) without a flag. */
const SYNC_LOAD = Boolean((process.features as { require_module?: boolean }).require_module);

let syncTried = false;

/** string-width, required at once (Node 20.19+); undefined when that is not possible. */
function requireStringWidth(): StringWidth | undefined {
  if (syncTried || !SYNC_LOAD) return undefined;
  syncTried = true;
  try {
    return (createRequire(import.meta.url)('string-width') as { default: StringWidth }).default;
  } catch {
    return undefined;
  }
}

function importStringWidth(): Promise<void> {
  loading ??= import('string-width').then((m) => {
    stringWidth = m.default as StringWidth;
  });
  return loading;
}

/** Makes the exact width tables available: at once where they load on first use, else by importing them. */
export function loadDisplayWidth(): Promise<void> {
  return SYNC_LOAD ? Promise.resolve() : importStringWidth();
}

const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Emoji_Modifier}]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/** Width by code point, for the moment before string-width has loaded (editor start-up, Node before 20.19). */
export function approximateWidth(text: string): number {
  let width = 0;
  let joined = false; // after a zero-width joiner the next character is part of the same emoji
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wasJoined = joined;
    joined = c === 0x200d;
    if (wasJoined || ZERO_WIDTH.test(ch)) continue;
    const simple = c < 0x10000 ? simpleWidth(c) : -1;
    if (simple >= 0) width += simple;
    else if (PICTOGRAPHIC.test(ch) || (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0x20000 && c <= 0x3fffd)) width += 2;
    else width += 1;
  }
  return width;
}

/** True when every char is printable ASCII (0x20-0x7e): width === length. */
export function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/**
 * Width of one UTF-16 unit when it is a simple character whose width does not depend on its
 * neighbours (Latin, Greek, Cyrillic letters; CJK ideographs, kana, Hangul syllables, fullwidth
 * forms), else -1 (the library decides: marks, joiners, emoji, controls, other scripts).
 */
function simpleWidth(c: number): number {
  if (c >= 0x20 && c < 0x7f) return 1;
  if (c < 0xa0) return -1;
  if (c < 0x300) return c === 0xad ? -1 : 1;
  if (c < 0x370) return -1;
  if (c < 0x483) return 1;
  if (c < 0x48a) return -1;
  if (c < 0x530) return 1;
  if (c >= 0x4e00 && c <= 0x9fff) return 2;
  if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa)) return 2;
  if (c >= 0xac00 && c <= 0xd7a3) return 2;
  if ((c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)) return 2;
  return -1;
}

const CACHE_LIMIT = 4096;
let cache = new Map<string, number>();

/** Width of text in terminal cells. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const w = simpleWidth(text.charCodeAt(i));
    if (w < 0) return libraryWidth(text);
    width += w;
  }
  return width;
}

function libraryWidth(text: string): number {
  stringWidth ??= requireStringWidth();
  if (!stringWidth) {
    void importStringWidth();
    return approximateWidth(text);
  }
  if (text.length > 256) return stringWidth(text, WIDTH_OPTIONS);
  let w = cache.get(text);
  if (w === undefined) {
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    w = stringWidth(text, WIDTH_OPTIONS);
    cache.set(text, w);
  }
  return w;
}

let segmenter: Intl.Segmenter | undefined;

/** The grapheme clusters of text (user-perceived characters). */
export function graphemes(text: string): string[] {
  if (isPrintableAscii(text)) return text.split('');
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const out: string[] = [];
  for (const s of segmenter.segment(text)) out.push(s.segment);
  return out;
}

/** Pads text with spaces on the right up to width cells (never truncates). */
export function padEndToWidth(text: string, width: number, textWidth = displayWidth(text)): string {
  return textWidth >= width ? text : text + ' '.repeat(width - textWidth);
}

/** Pads text with spaces on the left up to width cells (never truncates). */
export function padStartToWidth(text: string, width: number, textWidth = displayWidth(text)): string {
  return textWidth >= width ? text : ' '.repeat(width - textWidth) + text;
}

/**
 * Cuts text to at most width cells, ending it with ellipsis when something was cut.
 * Never splits a grapheme cluster; a wide character that does not fit is left out whole.
 */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const ellipsisWidth = displayWidth(ellipsis);
  if (ellipsisWidth > width) return '';
  const room = width - ellipsisWidth;
  let used = 0;
  let out = '';
  for (const g of graphemes(text)) {
    const w = displayWidth(g);
    if (used + w > room) break;
    out += g;
    used += w;
  }
  return out + ellipsis;
}

/**
 * Splits one line of text (no '\n') into pieces of at most width cells. Breaks after a space
 * when one is found in the second half of the piece, otherwise at the width (hard break).
 * Grapheme clusters are never split; a single cluster wider than width gets a piece of its own.
 */
export function wrapToWidth(text: string, width: number): string[] {
  if (width < 1) width = 1;
  if (displayWidth(text) <= width) return [text];
  const pieces: string[] = [];
  let line: string[] = [];
  let lineWidth = 0;
  let lastSpace = -1; // index in line of the last space
  let widthAtSpace = 0; // width of line up to and including that space
  const widths: number[] = [];
  for (const g of graphemes(text)) {
    const w = displayWidth(g);
    if (lineWidth + w > width && line.length > 0) {
      if (lastSpace >= 0 && widthAtSpace * 2 >= width && lastSpace < line.length - 1) {
        pieces.push(line.slice(0, lastSpace + 1).join(''));
        line = line.slice(lastSpace + 1);
        widths.splice(0, lastSpace + 1);
        lineWidth -= widthAtSpace;
      } else {
        pieces.push(line.join(''));
        line = [];
        widths.length = 0;
        lineWidth = 0;
      }
      lastSpace = -1;
      for (let i = 0; i < line.length; i++) if (line[i] === ' ') lastSpace = i;
      widthAtSpace = 0;
      for (let i = 0; i <= lastSpace; i++) widthAtSpace += widths[i]!;
    }
    line.push(g);
    widths.push(w);
    lineWidth += w;
    if (g === ' ') {
      lastSpace = line.length - 1;
      widthAtSpace = lineWidth;
    }
  }
  if (line.length > 0) pieces.push(line.join(''));
  return pieces;
}
