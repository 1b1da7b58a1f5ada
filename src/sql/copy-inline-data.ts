/** The inline data of a script's COPY ... FROM STDIN (and psql's `\copy ... from stdin`), as psql reads it. */

/** psql's `\copy ... from stdin` in a script: the lines after it are its data. */
export const COPY_META_FROM_STDIN = /^\\copy\b[\s\S]*\bfrom\s+stdin\b/i;

/**
 * The inline data of a COPY ... FROM STDIN whose terminator ends at `from`: the lines after that line up
 * to a line `\\.` (or the end of the text), and the offset just past the `\\.` line; `terminated`: the
 * `\\.` line was there.
 */
export function inlineData(text: string, from: number): { data: string; end: number; terminated: boolean } {
  const nl = text.indexOf('\n', from);
  if (nl < 0) return { data: '', end: text.length, terminated: false };
  let at = nl + 1;
  while (at < text.length) {
    const eol = text.indexOf('\n', at);
    const lineEnd = eol < 0 ? text.length : eol;
    if (text.slice(at, lineEnd).replace(/\r$/, '') === '\\.') return { data: text.slice(nl + 1, at), end: eol < 0 ? text.length : eol + 1, terminated: true };
    at = lineEnd + 1;
  }
  const data = text.slice(nl + 1);
  return { data: data === '' || data.endsWith('\n') ? data : `${data}\n`, end: text.length, terminated: false };
}

/**
 * The inline data of a COPY ... FROM STDIN read as it is sent (a script read a piece at a time): the lines
 * after the COPY's line in `text`, then more of the script from `read` (undefined: its end), up to a line
 * `\\.`. What follows that line is the rest of the script (finish()).
 */
export class InlineCopyData {
  /** Read, not handed out yet; always starts at the start of a line. */
  private tail: string;
  private ended = false;
  private eof = false;
  private after = '';
  /** Line breaks of the data handed out and of the `\\.` line. */
  private newlines = 0;

  constructor(text: string, from: number, private readonly read: () => Promise<string | undefined>) {
    const nl = text.indexOf('\n', from);
    this.tail = nl < 0 ? '' : text.slice(nl + 1);
    if (nl < 0) this.ended = true; // no line after the COPY's: no data (as inlineData)
  }

  /** The data in pieces of whole lines (the last one of a script that ends without `\\.` given a line end). */
  async *data(): AsyncGenerator<string, void, undefined> {
    while (!this.ended) {
      const piece = await this.next();
      if (piece !== '') yield piece;
    }
  }

  /** Reads to the `\\.` line (past data the engine did not take): the script after it, and the line breaks up to there. */
  async finish(): Promise<{ readonly rest: string; readonly newlines: number }> {
    while (!this.ended) await this.next();
    return { rest: this.after, newlines: this.newlines };
  }

  /** Line breaks read so far (the `\\.` line's own once it was read). */
  get linesRead(): number {
    return this.newlines;
  }

  private async next(): Promise<string> {
    const t = this.tail;
    // the `\\.` line among the whole lines read (the last line too, at the end of the input)
    for (let at = 0; at < t.length; ) {
      const eol = t.indexOf('\n', at);
      if (eol < 0 && !this.eof) break;
      const lineEnd = eol < 0 ? t.length : eol;
      if (lineEnd - at <= 3 && t.slice(at, lineEnd).replace(/\r$/, '') === '\\.') {
        const data = t.slice(0, at);
        this.newlines += countNewlines(data) + (eol < 0 ? 0 : 1);
        this.after = eol < 0 ? '' : t.slice(eol + 1);
        this.tail = '';
        this.ended = true;
        return data;
      }
      at = lineEnd + 1;
    }
    if (this.eof) {
      // the input ended without `\\.`: the rest is data, its last line ended (as inlineData)
      this.newlines += countNewlines(t);
      this.tail = '';
      this.ended = true;
      return t === '' || t.endsWith('\n') ? t : `${t}\n`;
    }
    const lastNl = t.lastIndexOf('\n');
    const data = t.slice(0, lastNl + 1);
    this.newlines += countNewlines(data);
    this.tail = t.slice(lastNl + 1);
    const more = await this.read();
    if (more === undefined) this.eof = true;
    else this.tail += more;
    return data;
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
