/**
 * The view as a pure function: editor state + prompt + terminal size -> a Frame of screen rows
 * (each exactly one terminal row, already styled with SGR) and the cursor position. Long lines are
 * wrapped here (never by the terminal) so the renderer can diff rows and move the cursor exactly.
 */
import type { Completion } from '../complete/completion.js';
import { displayWidth, graphemes } from '../output/display-width.js';
import { joinText, safeText, sgr, type TerminalText } from '../output/terminal-text.js';
import type { EditorState } from './editor-state.js';
import type { Span } from './highlight.js';
import { searchMatchRange } from './commands/search.js';
import type { StyleClass, Theme } from './themes.js';

export interface Frame {
  /** Terminal text only: every character from the buffer, prompt, menu or message was escaped. */
  readonly rows: readonly TerminalText[];
  /** Display width of each row (a full row must not be followed by erase-in-line). */
  readonly widths: readonly number[];
  readonly cursorRow: number;
  readonly cursorCol: number;
}

export interface LayoutInput {
  readonly state: EditorState;
  readonly prompt: string;
  /** Continuation prompt for buffer line `lineNo` (1-based, > 1). */
  readonly continuation: (lineNo: number) => string;
  readonly spans: readonly Span[];
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
  /** Rest of a history entry shown dimmed after the cursor. */
  readonly suggestion?: string;
  readonly toolbar?: string;
  /** Final frame after submit: no menu, toolbar, message or suggestion. */
  readonly final?: boolean;
  readonly menuHeight?: number;
  /**
   * Lay out only buffer lines firstLine.. (0-based) covering text offsets start..end (whole lines),
   * for buffers much taller than the screen: the rows that can be visible, not the whole buffer.
   */
  readonly window?: { readonly start: number; readonly end: number; readonly firstLine: number };
}

interface Seg { text: TerminalText; style: StyleClass | 'raw' }
interface Row { segs: Seg[]; width: number }

const SGR = /\x1b\[[0-9;:]*m/g;

export function stripSgr(s: string): string {
  return s.replace(SGR, '');
}

const TAB = safeText('    ');

/**
 * The cells of one grapheme. Controls, bidi and invisible characters (pasted, typed with a
 * quoted-insert, or in a name) are shown with the program's visible escapes (`\x1b`, `\u202e`).
 */
function charCells(g: string): { text: TerminalText; width: number } {
  if (g === '\t') return { text: TAB, width: 4 };
  const text = safeText(g);
  return { text, width: displayWidth(text) };
}

class RowBuilder {
  readonly rows: Row[] = [{ segs: [], width: 0 }];
  constructor(readonly cols: number) {}
  get row(): number { return this.rows.length - 1; }
  get col(): number { return this.rows[this.rows.length - 1]!.width; }
  newRow(): void { this.rows.push({ segs: [], width: 0 }); }
  /** Will a glyph of width w fit on the current row? If not, wrap first. */
  ensure(w: number): void { if (w > 0 && this.col + w > this.cols && this.col > 0) this.newRow(); }
  put(text: TerminalText, width: number, style: StyleClass | 'raw'): void {
    const r = this.rows[this.rows.length - 1]!;
    const last = r.segs[r.segs.length - 1];
    if (last && last.style === style && style !== 'raw') last.text = joinText([last.text, text]);
    else r.segs.push({ text, style });
    r.width += width;
  }
  /** Put a prompt that may contain SGR codes (kept) and text (escaped); wraps like text. */
  putAnsi(s: string): void {
    let i = 0;
    for (const m of s.matchAll(SGR)) {
      this.putPlain(s.slice(i, m.index), 'raw');
      this.put(sgr(m[0].slice(2, -1)), 0, 'raw');
      i = m.index + m[0].length;
    }
    this.putPlain(s.slice(i), 'raw');
  }
  putPlain(s: string, style: StyleClass | 'raw'): void {
    for (const g of graphemes(s)) {
      const c = charCells(g);
      this.ensure(c.width);
      this.put(c.text, c.width, style);
    }
  }
}

export function renderRow(r: Row, theme: Theme): TerminalText {
  const out: TerminalText[] = [];
  let cur: string | undefined = '';
  for (const seg of r.segs) {
    if (seg.style === 'raw') {
      out.push(seg.text);
      cur = undefined;
      continue;
    }
    const params = theme[seg.style];
    if (params !== cur) {
      if (cur === '' && params !== '') out.push(sgr(params));
      else {
        out.push(sgr('0'));
        if (params) out.push(sgr(params));
      }
      cur = params;
    }
    out.push(seg.text);
  }
  if (cur !== '') out.push(sgr('0'));
  return joinText(out);
}

function menuRows(items: readonly Completion[], selected: number, height: number, cols: number, anchor: number): Row[] {
  const n = items.length;
  const visible = Math.min(height, n);
  const top = selected < 0 ? 0 : Math.max(0, Math.min(selected - Math.floor(visible / 2), n - visible));
  const shown = items.slice(top, top + visible);
  // Names and details come from the database: flattened to one line, then escaped.
  const labels = shown.map((c) => menuText(c.display ?? c.text));
  // A backslash command's detail is its one-line help alone (its kind is plain from the backslash).
  const details = shown.map((c) => menuText(!c.detail ? c.kind : c.kind === 'meta-command' || c.detail.startsWith(c.kind) ? c.detail : `${c.kind} ${c.detail}`));
  const scroll = n > visible;
  // Details (signatures, help lines) take up to ~45% of a wide terminal, at least 28 cells.
  const detailW = Math.min(Math.max(28, Math.floor(cols * 0.45)), Math.max(...details.map(displayWidth)));
  const labelW = Math.max(1, Math.min(Math.max(...labels.map(displayWidth)), cols - detailW - 5));
  const width = Math.min(cols, labelW + detailW + 4 + (scroll ? 1 : 0));
  const x = Math.max(0, Math.min(anchor - 1, cols - width));
  const thumbStart = Math.floor((top / n) * visible);
  const thumbLen = Math.max(1, Math.round((visible / n) * visible));
  return shown.map((_, i) => {
    const sel = top + i === selected;
    const label = fit(labels[i]!, labelW);
    const detail = fit(details[i]!, detailW);
    const segs: Seg[] = [];
    if (x > 0) segs.push({ text: spaces(x), style: 'space' });
    segs.push({ text: joinText([SPACE, label, SPACE]), style: sel ? 'menu-selected' : 'menu' });
    segs.push({ text: joinText([SPACE, detail, SPACE]), style: sel ? 'menu-detail-selected' : 'menu-detail' });
    if (scroll) segs.push({ text: SPACE, style: i >= thumbStart && i < thumbStart + thumbLen ? 'menu-scrollbar' : 'menu' });
    return { segs, width: x + width };
  });
}

const SPACE = safeText(' ');
const spaces = (n: number): TerminalText => safeText(' '.repeat(Math.max(0, n)));

/** Text from outside for one row: runs of whitespace become one space, the rest is escaped. */
function menuText(s: string): TerminalText {
  return safeText(s.replace(/[\t\n\v\f\r ]+/g, ' '));
}

/** Escaped text cut or padded to w cells; a cut ends in '…'. Escapes are never cut in half. */
function fit(flat: TerminalText, w: number): TerminalText {
  const width = displayWidth(flat);
  if (width <= w) return joinText([flat, spaces(w - width)]);
  const out: TerminalText[] = [];
  let used = 0;
  for (const g of graphemes(flat)) {
    const gw = displayWidth(g);
    if (used + gw > w - 1) break;
    out.push(safeText(g)); // a grapheme of escaped text is escaped text: unchanged
    used += gw;
  }
  return joinText([...out, safeText('…'), spaces(w - 1 - used)]);
}

export function layout(inp: LayoutInput): Frame {
  const { state, theme } = inp;
  const cols = Math.max(10, inp.cols);
  const doc = state.doc;
  const b = new RowBuilder(cols);
  const search = state.search;
  if (search) {
    const label = `(${search.failed ? 'failed ' : ''}reverse-i-search${search.hereOnly ? ' this database' : ''})\`${search.query}': `;
    b.putPlain(label, 'search-prompt');
  } else {
    b.putAnsi(inp.window && inp.window.firstLine > 0 ? inp.continuation(inp.window.firstLine + 1) : inp.prompt);
  }
  const match = searchMatchRange(state);
  const menu = inp.final ? undefined : state.menu;
  const anchorOffset = menu ? (menu.items[Math.max(0, menu.selected)]?.replace.start ?? doc.cursor) : -1;
  let anchorCol = 0;
  let cursorRow = 0;
  let cursorCol = 0;
  let spanIdx = 0;
  const text = doc.text;
  const win = inp.window ?? { start: 0, end: text.length, firstLine: 0 };
  let offset = win.start;
  let lineNo = win.firstLine + 1;
  for (const g of lineGraphemes(text.slice(win.start, win.end))) {
    if (offset === anchorOffset) anchorCol = b.col;
    if (g === '\n' || g === '\r\n') {
      if (offset === doc.cursor) {
        if (b.col >= cols) b.newRow(); // a full row: the cursor goes to the start of the next one, as at the end
        cursorRow = b.row;
        cursorCol = b.col;
      }
      b.newRow();
      lineNo++;
      b.putAnsi(inp.continuation(lineNo));
      offset += g.length;
      continue;
    }
    while (spanIdx < inp.spans.length - 1 && inp.spans[spanIdx]!.end <= offset) spanIdx++;
    const span = inp.spans[spanIdx];
    let style: StyleClass = span && span.start <= offset && offset < span.end ? span.style : 'identifier';
    if (match && offset >= match.start && offset < match.end) style = 'search-match';
    const c = charCells(g);
    b.ensure(c.width);
    if (offset <= doc.cursor && doc.cursor < offset + g.length) { cursorRow = b.row; cursorCol = b.col; }
    b.put(c.text, c.width, style);
    offset += g.length;
  }
  if (offset === anchorOffset) anchorCol = b.col;
  if (doc.cursor >= offset) {
    if (b.col >= cols) b.newRow();
    cursorRow = b.row;
    cursorCol = b.col;
  }
  if (inp.suggestion && !inp.final && !search && !menu && doc.cursor === text.length) {
    const first = inp.suggestion.split('\n')[0]!;
    b.putPlain(first + (first.length < inp.suggestion.length ? ' …' : ''), 'suggestion');
  }
  let rows = b.rows;
  const bufferRows = rows.length;

  // Below the buffer: the menu, a message line, the toolbar, as room allows.
  const extra: Row[] = [];
  const tail: Row[] = [];
  if (!inp.final) {
    if (state.message) tail.push(...messageRows(state.message, cols));
    if (inp.toolbar) tail.push(textRow(inp.toolbar, 'toolbar', cols));
  }
  const screen = Math.max(1, inp.rows);
  const room = screen - bufferRows - tail.length;
  if (menu && menu.items.length > 0) {
    const h = Math.min(inp.menuHeight ?? 8, room);
    if (h >= 1) extra.push(...menuRows(menu.items, menu.selected, h, cols, anchorCol));
  }
  rows = [...rows, ...extra, ...(room >= 0 ? tail : [])];
  // Taller than the screen: keep a window of rows around the cursor.
  let top = 0;
  if (rows.length > screen && !inp.final) {
    // Keep the cursor in view with the rows under it (menu, toolbar) as far as they fit.
    top = Math.max(0, Math.min(cursorRow, rows.length - screen));
    rows = rows.slice(top, top + screen);
  }
  return {
    rows: rows.map((r) => renderRow(r, theme)),
    widths: rows.map((r) => r.width),
    cursorRow: cursorRow - top,
    cursorCol,
  };
}

/** The graphemes of `s` line by line (the ASCII fast path of graphemes() then applies per line); '\r\n' stays one. */
function* lineGraphemes(s: string): Generator<string> {
  for (let i = 0; ;) {
    const j = s.indexOf('\n', i);
    const line = j < 0 ? s.slice(i) : s.slice(i, j);
    const cr = j >= 0 && line.endsWith('\r');
    yield* graphemes(cr ? line.slice(0, -1) : line);
    if (j < 0) return;
    yield cr ? '\r\n' : '\n';
    i = j + 1;
  }
}

/** At most this many rows for a message, word-wrapped, so F1's help and long errors stay readable. */
const MESSAGE_ROWS = 3;

/** A message (F1 help, an editor error) word-wrapped to the width; the last row ends in '…' if it still does not fit. */
function messageRows(text: string, cols: number): Row[] {
  const flat = safeText(stripSgr(text).replace(/[\t\r\n]/g, ' '));
  const max = Math.max(1, cols - 1);
  const lines: string[] = [];
  let line = '';
  for (const word of flat.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (displayWidth(next) <= max || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  if (lines.length > MESSAGE_ROWS) lines.splice(MESSAGE_ROWS - 1, lines.length, lines.slice(MESSAGE_ROWS - 1).join(' '));
  return lines.map((l) => textRow(l, 'message', cols));
}

function textRow(text: string, style: StyleClass, cols: number): Row {
  const flat = safeText(stripSgr(text).replace(/[\t\r\n]/g, ' '));
  const shown = displayWidth(flat) > cols ? fit(flat, cols) : flat;
  const w = displayWidth(shown);
  return { segs: [{ text: joinText([shown, spaces(cols - w - 1)]), style }], width: Math.max(w, cols - 1) };
}
