/**
 * An immutable buffer: the text and the cursor offset (UTF-16 index), answering questions about
 * lines, columns and words. Editing happens in commands, which build new Documents.
 */

/** Character classes for word motions: word characters, punctuation, whitespace. */
export function charClass(ch: string | undefined): 0 | 1 | 2 {
  if (ch === undefined || /\s/.test(ch)) return 0;
  return /[\p{L}\p{N}_$]/u.test(ch) ? 1 : 2;
}

let seg: Intl.Segmenter | undefined;
function segmenter(): Intl.Segmenter {
  seg ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return seg;
}

export class Document {
  readonly text: string;
  readonly cursor: number;

  constructor(text = '', cursor: number = text.length) {
    this.text = text;
    this.cursor = Math.max(0, Math.min(cursor, text.length));
    Object.freeze(this);
  }

  withCursor(cursor: number): Document {
    return new Document(this.text, cursor);
  }

  /** Replace [start, end) with `insert`, putting the cursor after the inserted text. */
  replace(start: number, end: number, insert: string): Document {
    const text = this.text.slice(0, start) + insert + this.text.slice(end);
    return new Document(text, start + insert.length);
  }

  insert(s: string): Document {
    return this.replace(this.cursor, this.cursor, s);
  }

  get textBefore(): string {
    return this.text.slice(0, this.cursor);
  }

  get textAfter(): string {
    return this.text.slice(this.cursor);
  }

  get lines(): readonly string[] {
    return this.text.split('\n');
  }

  /** Zero-based line of the cursor. */
  get row(): number {
    let n = 0;
    for (let i = this.text.indexOf('\n'); i !== -1 && i < this.cursor; i = this.text.indexOf('\n', i + 1)) n++;
    return n;
  }

  /** Zero-based column of the cursor in UTF-16 units. */
  get col(): number {
    return this.cursor - this.lineStart();
  }

  get lineCount(): number {
    let n = 1;
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) n++;
    return n;
  }

  get isFirstLine(): boolean {
    return this.text.lastIndexOf('\n', this.cursor - 1) === -1;
  }

  get isLastLine(): boolean {
    return this.text.indexOf('\n', this.cursor) === -1;
  }

  /** Offset of the start of the line holding `at` (default: the cursor). */
  lineStart(at: number = this.cursor): number {
    return at === 0 ? 0 : this.text.lastIndexOf('\n', at - 1) + 1;
  }

  /** Offset of the end of the line holding `at` (just before its newline). */
  lineEnd(at: number = this.cursor): number {
    const i = this.text.indexOf('\n', at);
    return i === -1 ? this.text.length : i;
  }

  /** Offset of (line, col), clamped to the line's length. */
  offsetOf(line: number, col: number): number {
    let start = 0;
    for (let l = 0; l < line; l++) {
      const nl = this.text.indexOf('\n', start);
      if (nl === -1) return this.text.length;
      start = nl + 1;
    }
    return Math.min(start + col, this.lineEnd(start));
  }

  /** Offset one line up (or down) at the same column, or undefined on the first (last) line. */
  verticalMove(delta: -1 | 1, col: number = this.col): number | undefined {
    const row = this.row + delta;
    if (row < 0 || row >= this.lineCount) return undefined;
    return this.offsetOf(row, col);
  }

  /** Offset of the grapheme (user-perceived character) boundary before `at`. */
  charLeft(at: number = this.cursor): number {
    if (at <= 0) return 0;
    const c = this.text.charCodeAt(at - 1);
    if (c < 0x300) return at - 1;
    let prev = this.lineStart(at);
    for (const seg of segmenter().segment(this.text.slice(prev, at))) prev = this.lineStart(at) + seg.index;
    return prev;
  }

  /** Offset of the grapheme boundary after `at`. */
  charRight(at: number = this.cursor): number {
    if (at >= this.text.length) return this.text.length;
    const c = this.text.charCodeAt(at);
    const n = this.text.charCodeAt(at + 1);
    if (c < 0x300 && (Number.isNaN(n) || n < 0x300)) return at + 1;
    const first = segmenter().segment(this.text.slice(at, this.lineEnd(at) + 1))[Symbol.iterator]().next();
    return at + (first.done ? 1 : first.value.segment.length);
  }

  /** Start of the next word after the cursor (vi `w`), crossing lines. */
  nextWordStart(from: number = this.cursor): number {
    const t = this.text;
    let i = from;
    const c = charClass(t[i]);
    if (c !== 0) while (i < t.length && charClass(t[i]) === c) i++;
    while (i < t.length && charClass(t[i]) === 0) i++;
    return i;
  }

  /** End of the current or next word (exclusive offset), as emacs Alt-F. */
  nextWordEnd(from: number = this.cursor): number {
    const t = this.text;
    let i = from;
    while (i < t.length && charClass(t[i]) !== 1) i++;
    while (i < t.length && charClass(t[i]) === 1) i++;
    return i;
  }

  /** Last character of the word (vi `e`), inclusive offset. */
  viWordEnd(from: number = this.cursor): number {
    const t = this.text;
    let i = from + 1;
    while (i < t.length && charClass(t[i]) === 0) i++;
    const c = charClass(t[i]);
    while (i + 1 < t.length && charClass(t[i + 1]) === c) i++;
    return Math.min(i, Math.max(0, t.length - 1));
  }

  /** Start of the previous word (vi `b`; classes: word vs punctuation). */
  prevWordStart(from: number = this.cursor): number {
    const t = this.text;
    let i = from;
    while (i > 0 && charClass(t[i - 1]) === 0) i--;
    const c = charClass(t[i - 1]);
    while (i > 0 && charClass(t[i - 1]) === c && c !== 0) i--;
    return i;
  }

  /** Start of the previous word made of word characters only (emacs Alt-B). */
  prevAlnumWordStart(from: number = this.cursor): number {
    const t = this.text;
    let i = from;
    while (i > 0 && charClass(t[i - 1]) !== 1) i--;
    while (i > 0 && charClass(t[i - 1]) === 1) i--;
    return i;
  }

  /** Start of the whitespace-delimited word before the cursor (Ctrl-W). */
  prevBigWordStart(from: number = this.cursor): number {
    const t = this.text;
    let i = from;
    while (i > 0 && /\s/.test(t[i - 1]!)) i--;
    while (i > 0 && !/\s/.test(t[i - 1]!)) i--;
    return i;
  }

  /** Offset of the first non-blank character of the cursor's line (vi `^`). */
  firstNonBlank(at: number = this.cursor): number {
    let i = this.lineStart(at);
    const end = this.lineEnd(at);
    while (i < end && /[ \t]/.test(this.text[i]!)) i++;
    return i;
  }
}
