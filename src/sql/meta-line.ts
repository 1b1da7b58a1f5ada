/**
 * How a backslash command line divides, as psql reads it: the commands whose argument is the rest of the
 * line (backslashes and all), and where a command's arguments end (at the next backslash outside quotes).
 * Shared by the lexer (psql's `\\` separator: SQL may follow on the line) and meta/run-meta (several commands).
 */

/** Commands whose argument is the rest of the line, backslashes and all (psql's OT_WHOLE_LINE and the like). */
export const WHOLE_LINE_COMMANDS: ReadonlySet<string> = new Set(['\\!', '\\copy', '\\sf', '\\sf+', '\\sv', '\\sv+', '\\ef', '\\ev', '\\h', '\\help', '\\?', '\\prompt']);

/**
 * psql ends a backslash command's arguments at the next backslash outside quotes (`\set a 1 \set b 2`
 * is two commands; `\\` alone ends one): the index where the next command starts, or -1.
 */
export function nextCommandAt(rest: string): number {
  let quote: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (quote) {
      if (c === quote) {
        if (quote === "'" && rest[i + 1] === "'") i++;
        else quote = undefined;
      } else if (c === '\\' && quote === "'") i++; // psql: \' inside a quoted argument
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '\\') return i;
  }
  return -1;
}

/**
 * The end of a backslash command that starts at `from` (its backslash) on a line ending at `lineEnd`: after
 * psql's `\\` separator (outside quotes; what follows on the line is SQL), else the line's end. A whole-line
 * command (`\! cmd \\ x`) takes the whole line.
 */
export function metaCommandEnd(text: string, from: number, lineEnd: number): number {
  let i = from + 1;
  while (i < lineEnd && !/[\s\\]/.test(text[i]!)) i++;
  if (i === from + 1 || WHOLE_LINE_COMMANDS.has(text.slice(from, i))) return lineEnd;
  for (;;) {
    const at = nextCommandAt(text.slice(i, lineEnd));
    if (at < 0) return lineEnd;
    const b = i + at;
    if (text[b + 1] === '\\') return b + 2;
    // another command on the line (`\set a 1 \echo x`): its own name, then on
    i = b + 1;
    while (i < lineEnd && !/[\s\\]/.test(text[i]!)) i++;
    if (WHOLE_LINE_COMMANDS.has(text.slice(b, i))) return lineEnd;
  }
}
