/**
 * Where the sqlite3 shell's text of a statement begins (what its `.trace` shows): sqlite3 reads its input a
 * line at a time and, with nothing buffered, drops a line that holds only white space and comments closed on
 * it; what follows a statement's `;` on its line is part of the same buffer but is dropped with it when it holds
 * no more; then SQLite is handed the text from its first character that is not white space (a comment before
 * the statement on its own line stays: `/* c *\/ select 1;`).
 */

/** A line that holds only white space, `--` comments and `/* *\/` comments closed on it. */
function blankLine(line: string): boolean {
  for (let i = 0; i < line.length; ) {
    const c = line[i]!;
    if (/\s/.test(c)) i++;
    else if (line.startsWith('--', i)) return true;
    else if (line.startsWith('/*', i)) {
      const end = line.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else return false;
  }
  return true;
}

/**
 * `before`: the text between the previous statement's end (its `;`, a dot-command's line, or the input's start)
 * and this statement's first token, only white space and comments: the offset in it where sqlite3's text of
 * the statement begins.
 */
export function sqlite3StatementStart(before: string): number {
  let at = 0;
  for (let nl = before.indexOf('\n', at); nl >= 0 && blankLine(before.slice(at, nl)); nl = before.indexOf('\n', at)) at = nl + 1;
  while (at < before.length && /\s/.test(before[at]!)) at++;
  return at;
}

/** What kind of EXPLAIN a statement is, by its first words (its text from its first token). */
export function sqliteExplainKind(sql: string): 'plan' | 'bytecode' | undefined {
  if (!/^explain\b/i.test(sql)) return undefined;
  return /^explain\s+query\s+plan\b/i.test(sql) ? 'plan' : 'bytecode';
}
