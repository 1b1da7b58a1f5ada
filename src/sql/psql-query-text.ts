/**
 * The exact text psql 15 sends for a piece of a script (its query buffer), so that a server's
 * statement log is the same under sqlsh as under psql. psql reads a script line by line:
 * - whitespace and `--` comments before the first other token of a request are dropped, a `/* *\/`
 *   comment is kept (it starts the request, even alone: `/* c *\/;` is sent);
 * - an empty line outside quotes and comments is skipped whole (its newline too), every other line
 *   is joined to the buffer with a newline;
 * - the terminating `;` is part of the text; `\;` becomes `;` and the request goes on;
 * - a backslash command at the start of a line takes back the newline that joined its line.
 * Variables (`:name`) are replaced afterwards, by the caller, on this text.
 */
import type { LexOptions } from './dialect.js';
import { newScanState, scanToken } from './lexer.js';

export interface PsqlQueryText {
  /** The text psql would have in its buffer (what it sends at `;`, `\g`, or the end of the input). */
  readonly text: string;
  /** Offset in the input of the first character taken into the buffer (-1 when nothing was taken). */
  readonly start: number;
  /** The buffer holds a token that is SQL (not only comments and `;`). */
  readonly hasSql: boolean;
  /** The buffer holds `\;`: several statements in one request. */
  readonly joined: boolean;
}

const LF = 10, BACKSLASH = 92;

/**
 * psql's buffer after reading input[from, to) with `carry` already in it (SQL left over from before
 * a backslash command that did not take it; its `start` is an offset in the same input). The range is one segment of the splitter: up to and
 * including its `;` or its backslash command line.
 */
export function psqlQueryText(input: string, from: number, to: number, lex: LexOptions, carry?: PsqlQueryText): PsqlQueryText {
  return psqlQueryTextAsIs(input, from, to, lex, carry) ?? psqlQueryTextWithoutFastPath(input, from, to, lex, carry);
}

/**
 * The common case, without a string built token by token: no backslash (no command, no `\;`) and no empty
 * line from the first token taken on. Then psql's buffer is the carry plus the range as it is written from
 * that token on. undefined when the case is not that one.
 */
function psqlQueryTextAsIs(input: string, from: number, to: number, lex: LexOptions, carry?: PsqlQueryText): PsqlQueryText | undefined {
  const buf = carry?.text ?? '';
  let hasSql = carry?.hasSql ?? false;
  const st = newScanState();
  let pos = from;
  if (buf === '') {
    // blanks and -- comments before the first token taken are dropped
    while (pos < to) {
      const end = scanToken(input, lex, pos, true, st);
      if (st.type !== 'space' && st.type !== 'line-comment') break;
      pos = end;
    }
    if (pos >= to) return { text: buf, start: carry?.start ?? -1, hasSql, joined: carry?.joined ?? false };
  }
  // a backslash (a command, `\\;`), or an empty line that would be skipped (a newline after a newline, or one
  // that ends the input), from there on: the general way (blanks and comments before it hold no command)
  if (to === input.length && input.charCodeAt(to - 1) === LF) return undefined;
  for (let i = pos; i < to; i++) {
    const c = input.charCodeAt(i);
    if (c === BACKSLASH || (c === LF && input.charCodeAt(i + 1) === LF)) return undefined;
  }
  for (let at = pos; !hasSql && at < to; ) {
    const end = scanToken(input, lex, at, false, st);
    const type = st.type;
    if (type !== 'space' && type !== 'line-comment' && type !== 'block-comment' && !(type === 'punct' && input.charCodeAt(at) === 59)) hasSql = true;
    at = end;
  }
  const start = carry?.start ?? -1;
  return { text: buf + input.slice(pos, to), start: start < 0 ? pos : start, hasSql, joined: carry?.joined ?? false };
}

/** psqlQueryText read token by token (every case; the reference its fast path is tested against). */
export function psqlQueryTextWithoutFastPath(input: string, from: number, to: number, lex: LexOptions, carry?: PsqlQueryText): PsqlQueryText {
  let buf = carry?.text ?? '';
  let start = carry?.start ?? -1;
  let hasSql = carry?.hasSql ?? false;
  let joined = carry?.joined ?? false;
  const st = newScanState();
  const take = (s: string, at: number): void => {
    if (s === '') return;
    if (start < 0) start = at;
    buf += s;
  };
  let pos = from;
  let atStart = buf === '';
  while (pos < to) {
    let end = scanToken(input, lex, pos, atStart, st);
    if (end > to) end = to;
    const type = st.type;
    if (type === 'space') {
      if (buf !== '') {
        let s = '';
        for (let i = pos; i < end; i++) {
          const c = input.charCodeAt(i);
          // a newline joins the next line, unless that line is empty (skipped) or there is none
          if (c === LF && (i + 1 >= input.length || input.charCodeAt(i + 1) === LF)) continue;
          s += input[i];
        }
        take(s, pos);
      }
    } else if (type === 'line-comment') {
      if (buf !== '') take(input.slice(pos, end), pos);
    } else if (type === 'backslash') {
      // The newline that joined this line goes again when nothing else came on the line.
      if (pos > 0 && input.charCodeAt(pos - 1) === LF && buf.endsWith('\n')) buf = buf.slice(0, -1);
      break;
    } else if (type === 'punct' && input.startsWith('\\;', pos)) {
      joined = true;
      take(';', pos);
    } else {
      if (type !== 'block-comment' && !(type === 'punct' && input.charCodeAt(pos) === 59)) hasSql = true;
      take(input.slice(pos, end), pos);
      atStart = false;
    }
    pos = end;
  }
  return { text: buf, start, hasSql, joined };
}

/**
 * What psql's ECHO=all (`-a`) prints for the input lines in [from, to): each line as psql reads it,
 * before it runs anything on that line, except an empty line outside quotes and comments (psql skips
 * those unread). `from` is where a statement starts; `to` is just past a newline, or the end of the input.
 */
export function psqlEchoLines(input: string, from: number, to: number, lex: LexOptions): string {
  if (from >= to) return '';
  // offsets of line starts that lie inside a string, quoted name or comment
  const inside = new Set<number>();
  const st = newScanState();
  for (let pos = from; pos < to; ) {
    const end = scanToken(input, lex, pos, false, st);
    if (st.type === 'string' || st.type === 'quoted-ident' || st.type === 'block-comment') {
      for (let i = input.indexOf('\n', pos); i >= 0 && i < end - 1; i = input.indexOf('\n', i + 1)) inside.add(i + 1);
    }
    pos = end;
  }
  let out = '';
  for (let at = from; at < to; ) {
    const nl = input.indexOf('\n', at);
    const end = nl < 0 || nl >= to ? to : nl;
    const line = input.slice(at, end);
    if (line !== '' || inside.has(at)) out += `${line}\n`;
    at = end + 1;
  }
  return out;
}
