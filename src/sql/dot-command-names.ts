/**
 * The sqlite3 shell's dot-commands sqlsh runs (meta/dot-commands.ts maps each to its own command), with what
 * each does: the one list the error message, `.help` and completion after a `.` at a line's start share.
 */
export const DOT_COMMANDS: readonly (readonly [name: string, summary: string])[] = Object.freeze([
  ['.bail', 'stop after an error (on|off)'],
  ['.changes', 'after each statement, the rows it changed and the total (on|off)'],
  ['.databases', 'the attached databases and their files'],
  ['.dump', 'the database (or the tables matching a pattern) as SQL: --preserve-rowids, --data-only, --nosys, --newlines'],
  ['.echo', 'print each command before it runs (on|off)'],
  ['.exit', 'leave the shell'],
  ['.headers', 'column names in the output (on|off)'],
  ['.help', 'the commands'],
  ['.import', 'a file into a table, read as .mode says: .import [--csv|--ascii] [--skip N] [--schema S] FILE TABLE'],
  ['.indexes', 'the indexes (of the tables matching a pattern)'],
  ['.mode', 'the output mode: list, ascii, csv, tabs, line, column, table, box, markdown, quote, insert, html, tcl, json'],
  ['.nullvalue', 'the text shown for NULL'],
  ['.once', 'the next result into a file'],
  ['.output', 'the results into a file (no file: back to the screen)'],
  ['.print', 'print a line of text'],
  ['.quit', 'leave the shell'],
  ['.read', 'run the commands of a file'],
  ['.schema', 'the CREATE statements (of the tables matching a pattern)'],
  ['.separator', 'the separator between values (and rows)'],
  ['.show', 'the settings: mode, headers, separators, null value, output, widths'],
  ['.tables', 'the tables and views (matching a pattern)'],
  ['.timer', 'the time each statement takes (on|off)'],
  ['.width', 'the widths of the columnar modes\' columns (-N: to the right, 0: as needed)'],
].map((e) => Object.freeze(e) as readonly [string, string]));
