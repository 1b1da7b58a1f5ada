/** `\? variables`: the psql variables sqlsh gives a meaning to, in sqlsh's words (psql's topic, its own text). */
const VARIABLES: readonly (readonly [string, string])[] = [
  ['AUTOCOMMIT', 'off: a statement outside a transaction opens one (BEGIN first) [on]'],
  ['COMP_KEYWORD_CASE', 'lower, upper, preserve-lower or preserve-upper [preserve-upper]'],
  ['DBNAME', 'the database connected to (set on connecting)'],
  ['ECHO', 'none, errors (the failed statement), queries (each statement as sent) or all (every input line) [none]'],
  ['ENCODING', "the client's encoding (set on connecting)"],
  ['ERROR', 'true if the last statement failed, else false'],
  ['FETCH_COUNT', 'rows fetched at a time (0: the whole result) [0]'],
  ['HIDE_TABLEAM', 'on: no access method in \\d+ and the + lists [off]'],
  ['HOST', 'the server connected to (set on connecting)'],
  ['LAST_ERROR_MESSAGE', "the last failed statement's message"],
  ['LAST_ERROR_SQLSTATE', "the last failed statement's SQLSTATE"],
  ['ON_ERROR_ROLLBACK', 'on or interactive: each statement in a transaction runs after a savepoint [off]'],
  ['ON_ERROR_STOP', "on: a script stops at its first error; off: it goes on [unset: sqlsh's rule, stop]"],
  ['PORT', 'the port connected to (set on connecting)'],
  ['QUIET', 'on: no status lines, as -q [off]'],
  ['ROW_COUNT', 'rows the last statement returned or changed'],
  ['SERVER_VERSION_NAME', "the server's version (set on connecting)"],
  ['SERVER_VERSION_NUM', "the server's version as a number (set on connecting)"],
  ['SHOW_ALL_RESULTS', 'off: of several statements sent at once (\\;) only the last result is shown [on]'],
  ['SHOW_CONTEXT', 'never, errors or always: when CONTEXT lines are shown [errors]'],
  ['SQLSTATE', "the last statement's SQLSTATE (00000 when it worked)"],
  ['USER', 'the user connected as (set on connecting)'],
  ['VERBOSITY', 'default, verbose, terse or sqlstate: how much of an error is shown [default]'],
];

export function variablesHelp(): string {
  const width = Math.max(...VARIABLES.map(([n]) => n.length));
  const lines = VARIABLES.map(([name, doc]) => `  ${name.padEnd(width)}  ${doc}`);
  return `List of specially treated variables\n\n${lines.join('\n')}\n\nSet one with \\set NAME VALUE (or -v NAME=VALUE); :NAME puts one into SQL. \\set alone lists them.\n`;
}
