/**
 * The mysql client's commands written as words, as sqlsh's backslash commands: `use db` is `\u db`,
 * `source FILE` is `\. FILE`, `quit` and `exit` are `\q`. The client reads them in two places: a
 * line at a statement's start (the splitter hands it over as a meta line, src/sql/splitter.ts),
 * and a statement ended by the delimiter whose first word is a command that takes an argument
 * (`use db;`, `source FILE;`, `use;`: the delimiter is not part of the argument). `quit;` and
 * `exit;` are not commands there: the client sends them to the server, as sqlsh does.
 */

const WITH_ARGUMENT: Readonly<Record<string, string>> = { use: '\\u', source: '\\.' };
const ALONE: Readonly<Record<string, string>> = { quit: '\\q', exit: '\\q' };

/**
 * On the mysql client's command line only (session.mysqlClient): `connect [db [host]]` is its \\r, `tee FILE` \\T,
 * `system CMD` \\!, `prompt [TEXT]` \\R, `charset NAME` \\C.
 */
const CLIENT_WITH_ARGUMENT: Readonly<Record<string, string>> = { ...WITH_ARGUMENT, connect: '\\r', tee: '\\T', system: '\\!', prompt: '\\R', charset: '\\C' };

/**
 * On the mysql client's command line only: commands that take nothing, alone on their line or ended by
 * the delimiter (`status`, `status;`; `status x` is SQL), unlike quit and exit.
 */
const CLIENT_ALONE: Readonly<Record<string, string>> = {
  status: '\\s', notee: '\\t', warnings: '\\W', nowarning: '\\w', rehash: '\\#', nopager: '\\n', clear: '\\c', print: '\\p',
};

/** A word's entry, never an Object.prototype name's (`constructor x;` is SQL). */
const entry = (table: Readonly<Record<string, string>>, word: string): string | undefined => (Object.hasOwn(table, word) ? table[word] : undefined);

/** The backslash command for `text` (a line, or a statement's text when `statement`), or undefined. */
export function mysqlClientCommand(text: string, statement: boolean, client = false): string | undefined {
  const m = /^\s*([A-Za-z]+)(?:([ \t\r\n])([^]*))?$/.exec(text);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  const rest = (m[3] ?? '').trim();
  const command = entry(client ? CLIENT_WITH_ARGUMENT : WITH_ARGUMENT, word);
  if (command !== undefined) return rest === '' ? command : `${command} ${rest}`;
  if (rest !== '') return undefined;
  return (client ? entry(CLIENT_ALONE, word) : undefined) ?? (statement ? undefined : entry(ALONE, word));
}
