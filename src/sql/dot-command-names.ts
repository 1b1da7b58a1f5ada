/**
 * The sqlite3 shell's dot-commands sqlsh runs (meta/dot-commands.ts maps each to its own command), with what
 * each does: the one list the error message, `.help` and completion after a `.` at a line's start share.
 */
export const DOT_COMMANDS: readonly (readonly [name: string, summary: string])[] = Object.freeze([
  ['.backup', 'a copy of the database (or the attached DB) in a file, page by page as sqlite3 makes it: .backup [--async] [DB] FILE'],
  ['.bail', 'stop after an error (on|off)'],
  ['.binary', 'accepted (on|off): no line end is translated here'],
  ['.cd', 'change the current directory'],
  ['.changes', 'after each statement, the rows it changed and the total (on|off)'],
  ['.databases', 'the attached databases and their files'],
  ['.dump', 'the database (or the tables matching a pattern) as SQL: --preserve-rowids, --data-only, --nosys, --newlines'],
  ['.echo', 'print each command before it runs (on|off)'],
  ['.explain', 'EXPLAIN in sqlite3\'s explain mode and EXPLAIN QUERY PLAN as a tree (auto), every result in explain mode (on), neither (off)'],
  ['.eqp', 'before each statement its query plan, drawn as sqlite3 draws it (on|off|full: its bytecode too|trigger)'],
  ['.exit', 'leave the shell'],
  ['.fullschema', 'the schema as stored and ANALYZE\'s statistics as statements'],
  ['.headers', 'column names in the output (on|off)'],
  ['.help', 'the commands'],
  ['.import', 'a file into a table, read as .mode says: .import [--csv|--ascii] [--skip N] [--schema S] FILE TABLE'],
  ['.indexes', 'the indexes (of the tables matching a pattern)'],
  ['.load', 'an SQLite extension into the connection: .load FILE [ENTRYPOINT]'],
  ['.log', 'accepted: .log off (sqlsh writes no SQLite error log)'],
  ['.mode', 'the output mode: list, ascii, csv, tabs, line, column, table, box, markdown, quote, insert, html, tcl, json'],
  ['.nullvalue', 'the text shown for NULL'],
  ['.once', 'the next result into a file'],
  ['.open', 'the next statements run on this database file: .open [--new] [--readonly] [FILE] (no FILE: in memory)'],
  ['.output', 'the results into a file (no file: back to the screen)'],
  ['.parameter', 'values for the statements\' parameters: .parameter set :NAME VALUE, unset NAME, list, clear, init'],
  ['.print', 'print a line of text'],
  ['.prompt', 'accepted (sqlsh\'s prompt is its own)'],
  ['.quit', 'leave the shell'],
  ['.read', 'run the commands of a file'],
  ['.restore', 'the database (or the attached DB) replaced by the one in a file: .restore [DB] FILE'],
  ['.save', 'a copy of the database in a file (.backup main FILE)'],
  ['.scanstats', 'as sqlite3 built without them: a warning'],
  ['.schema', 'the CREATE statements (of the tables matching a pattern)'],
  ['.separator', 'the separator between values (and rows)'],
  ['.shell', 'run a command with /bin/sh (also .system)'],
  ['.show', 'the settings: mode, headers, separators, null value, output, widths'],
  ['.stats', 'accepted (on|off|stmt|vmstep) and shown by .show; SQLite\'s counters are not shown'],
  ['.system', 'run a command with /bin/sh (also .shell)'],
  ['.tables', 'the tables and views (matching a pattern)'],
  ['.timeout', 'the busy timeout, in milliseconds'],
  ['.timer', 'the time each statement takes (on|off)'],
  ['.trace', 'each statement\'s SQL as it runs: .trace [--stmt|--profile|--close] stdout|stderr|FILE|off'],
  ['.width', 'the widths of the columnar modes\' columns (-N: to the right, 0: as needed)'],
].map((e) => Object.freeze(e) as readonly [string, string]));

/**
 * sqlite3 (3.40) takes a dot-command by a prefix of its name: `.head on`, `.mo csv`, `.sch`. Each command's
 * shortest prefix, as sqlite3 reads them (`.s` is not `.schema`, `.ti` neither timeout nor timer); a name not
 * here takes no abbreviation. Read off the sqlite3 3.40 shell, prefix by prefix.
 */
const SHORTEST: readonly (readonly [name: string, shortest: number])[] = [
  ['backup', 3], ['bail', 3], ['binary', 3], ['fullschema', 2], ['load', 1], ['log', 3], ['changes', 3], ['databases', 2], ['dump', 1], ['echo', 1], ['eqp', 2], ['exit', 2], ['explain', 3],
  ['headers', 1], ['help', 3], ['indexes', 2], ['indices', 4], ['import', 1], ['mode', 1], ['nullvalue', 1], ['once', 2],
  ['open', 2], ['output', 1], ['parameter', 3], ['print', 3], ['prompt', 1], ['quit', 1], ['read', 3], ['restore', 3], ['save', 3],
  ['schema', 3], ['separator', 2], ['shell', 2], ['show', 3], ['stats', 2], ['system', 2], ['scanstats', 1], ['tables', 2], ['timeout', 5], ['trace', 1], ['width', 2],
];

/** The dot-command a word names (lower case, without the dot), its abbreviation read as sqlite3 reads it; else the word. */
export function dotCommandName(word: string): string {
  const w = word.toLowerCase();
  if (w === '') return w;
  for (const [name, shortest] of SHORTEST) if (name === w || (w.length >= shortest && name.startsWith(w))) return name;
  return w;
}
