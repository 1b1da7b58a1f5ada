/**
 * Runs one backslash command line ('\\dt+ sales.*'): look the command up, check its arguments,
 * run it, then act on what it returned (render tables, print messages, report errors).
 */
import type { Session } from '../shell/session.js';
import type { MetaArgs, MetaOutcome, MetaRunOptions, StatementRunner } from './meta-command.js';
import { parseMetaArgs } from './meta-args.js';
import { PatternError } from './describe/name-pattern.js';
import { interpolateArgText } from '../sql/interpolate.js';
import { metaRegistry, mysqlClientLookup } from './meta-registry.js';
import { renderMetaTable } from './render-meta-table.js';
import { CancelledError, ConnectError, NotConnectedError, SqlError, UsageError } from '../core/errors.js';
import { nextCommandAt, WHOLE_LINE_COMMANDS } from '../sql/meta-line.js';
import { reachesOutside, SANDBOX_REFUSAL, SandboxRefusal } from './sandbox.js';
import { mysqlClientErrorLine } from './mysql-client-error.js';
import { RESTRICTED } from './restrict.js';
import { variableFlag } from '../sql/variables.js';

export type MetaRunResult = { readonly type: 'ok' } | { readonly type: 'quit' } | { readonly type: 'error' };

/** psql's commands that send the query buffer (its PSQL_CMD_SEND): their query's failure is not the command's. */
const SENDS_QUERY: ReadonlySet<string> = new Set(['\\g', '\\gx', '\\gset', '\\gexec', '\\gdesc', '\\crosstabview']);

/** Splits '\\dt+ foo' into ['\\dt+', 'foo']; '\\o|cmd' into ['\\o', '|cmd']. */
export function splitCommandWord(line: string): [string, string] {
  const text = line.trim();
  // as psql's: the name ends at whitespace or at the next backslash (`\\a\\t` is \\a, then \\t)
  const m = /^(\\[^\s|]?[^\s|\\]*)(.*)$/s.exec(text);
  if (!m) return [text, ''];
  return [m[1]!, m[2]!.trim()];
}

export async function runMeta(session: Session, line: string, opts: MetaRunOptions, runner: StatementRunner): Promise<MetaRunResult> {
  const [word0, rest0] = splitCommandWord(line);
  // several commands on one line (psql): each runs in turn; a command taking the whole line keeps it
  // on the mysql client's command line its letters mean what the client means (mysql-client-commands.ts),
  // and one of them takes the rest of the line
  const client = session.mysqlClient ? mysqlClientLookup(word0, rest0) : undefined;
  if (!client && !WHOLE_LINE_COMMANDS.has(word0) && !rest0.startsWith('|')) {
    const at = nextCommandAt(rest0);
    if (at >= 0) {
      const first = await runMeta(session, `${word0} ${rest0.slice(0, at)}`.trimEnd(), opts, runner);
      // a failed command skips the rest of its line, as in psql; but a query that a command like \\gset
      // sent and that failed does not (unless ON_ERROR_STOP ends the script there)
      if (first.type === 'quit' || (first.type === 'error' && (opts.stopOnError || !SENDS_QUERY.has(word0)))) return first;
      const next = rest0.slice(at).replace(/^\\\\\s*/, '').trim();
      if (!next.startsWith('\\')) return first;
      const then = await runMeta(session, next, opts, runner);
      return then.type === 'ok' ? first : then;
    }
  }
  const where = opts.source ? `${opts.source}:${opts.line}: ` : '';
  // psql's level before its words where it names the file and line (a script), not at the prompt nor in -c
  const level = (l: 'error' | 'warning'): string => (where === '' ? '' : `${l}: `);
  const word = client?.word ?? word0;
  const registry = metaRegistry();
  const found = client?.found ?? registry.lookup(word);
  // psql puts variables into a command's arguments as that command runs (`\\g \\gset \\echo :x` reads the new x);
  // the scripting commands read theirs themselves
  const rest1 = client?.rest ?? rest0;
  const rest = found && !found.command.argsAsWritten && session.variables.size > 0 ? interpolateArgText(rest1, session.variables) : rest1;
  if (session.restrictKey !== undefined && word !== '\\unrestrict') {
    // psql's \restrict (pg_dump's files): nothing but \unrestrict runs, whatever the command (system-commands.ts)
    session.io.error(`${where}${level('error')}${RESTRICTED}`);
    return { type: 'error' };
  }
  if (!found) {
    if (word === '\\;') {
      // psql's `a \\; b` (one request of several statements) exists on PostgreSQL only
      session.io.error(`${where}\\; (psql's several statements in one request) works on PostgreSQL; on ${session.dialect.name} end each statement with ;`);
      return { type: 'error' };
    }
    // a script says it in psql's words; at the prompt with a suggestion
    if (!session.interactive) {
      session.io.error(`${where}${level('error')}invalid command ${word}`);
      return { type: 'error' };
    }
    const near = registry.closest(word);
    session.io.error(
      `${where}unknown command ${word}` + (near ? `; did you mean ${near}?` : '') + ' (\\? lists the commands)',
    );
    return { type: 'error' };
  }
  const { command } = found;
  let args = parseMetaArgs(rest, { backtickIdents: session.dialect.lex.backtickIdents });
  // psql: each argument past the last one the command takes is ignored (not expanded), said after the command ran
  const extra = args.words.slice(command.args.max).map((w) => w.replace(/^`(.*)`$/s, '$1'));
  const warnExtra = (): void => {
    for (const w of extra) session.io.error(`${where}${level('warning')}${word}: extra argument "${w}" ignored`);
  };
  if (extra.length > 0) {
    const max = command.args.max;
    args = { raw: args.tokens.slice(0, max).join(' '), words: args.words.slice(0, max), tokens: args.tokens.slice(0, max) };
  }
  if (!client && dropsTrailingSemicolons(command.name)) args = withoutTrailingSemicolons(args);
  const n = args.words.length;
  const syntax = `usage: ${command.syntax}`;
  if (n < command.args.min) {
    // a script says it in psql's words (the mysql client's and sqlite3's have their own commands)
    if (!session.interactive && !session.mysqlClient) session.io.error(`${where}${level('error')}${command.missingArgs ?? `${word}: missing required argument`}`);
    else session.io.error(`${where}${word}: missing argument; ${syntax}`);
    return { type: 'error' };
  }
  const choices = command.args.choices;
  if (choices && !command.args.choicesOffered && n > 0 && !choices.includes(args.words[0]!.toLowerCase())) {
    session.io.error(`${where}${word}: unknown value ${JSON.stringify(args.words[0])}; expected one of ${choices.join(', ')}`);
    return { type: 'error' };
  }
  const refuse = (): MetaRunResult => {
    // the client's line (`ERROR at line 3: Not allowed in the sandbox mode`) where sqlsh is the mysql client
    session.io.error(session.mysqlClient
      ? mysqlClientErrorLine(opts, SANDBOX_REFUSAL)
      : `${where}${word}: ${SANDBOX_REFUSAL} (\\- turned it on: no files, shell or environment)`);
    return { type: 'error' };
  };
  if (session.sandbox && reachesOutside(command, args)) return refuse();
  let outcome: MetaOutcome;
  try {
    outcome = await command.run({ session, runner, opts, invokedAs: word, plus: found.plus, system: found.system }, args);
  } catch (e) {
    if (e instanceof SandboxRefusal) return refuse();
    if (e instanceof PatternError || e instanceof NotConnectedError) outcome = { type: 'error', message: e.message, psql: true };
    else if (e instanceof SqlError || e instanceof UsageError || e instanceof ConnectError || e instanceof CancelledError) {
      outcome = { type: 'error', message: e.message };
    } else if (e instanceof Error && 'code' in e && typeof (e as NodeJS.ErrnoException).code === 'string') {
      outcome = { type: 'error', message: e.message };
    } else throw e;
  }
  const result = await report(session, outcome, word, where, syntax, opts, runner, level('error'));
  warnExtra();
  return result;
}

/**
 * The commands whose arguments psql reads without the semicolons they end with (`\\c chinook;` connects to
 * chinook, `\\dt actor;` lists actor, `\\i file.sql;` reads file.sql, as psql 15): the \\d family, \\l,
 * \\z, \\c, \\cd, \\i, \\ir, \\o, \\w, \\s, \\e, \\x, \\t, \\C, \\encoding, \\password and the large-object
 * commands. The others keep them (`\\set v 1;` sets `1;`, `\\pset null x;`, `\\g file;`, `\\timing on;` is an error).
 */
const SEMICOLONS_DROPPED = new Set(['\\l', '\\s', '\\z', '\\c', '\\cd', '\\i', '\\o', '\\w', '\\e', '\\x', '\\t', '\\C', '\\encoding', '\\password', '\\lo_import', '\\lo_export', '\\lo_unlink', '\\lo_list']);
function dropsTrailingSemicolons(name: string): boolean {
  return SEMICOLONS_DROPPED.has(name) || (name.startsWith('\\d') && name !== '\\dump' && name !== '\\databases');
}

/** Each argument without its trailing semicolons; one that was only semicolons is no argument (psql's NULL). */
function withoutTrailingSemicolons(args: MetaArgs): MetaArgs {
  if (!args.words.some((w) => w.endsWith(';'))) return args;
  const words: string[] = [];
  const tokens: string[] = [];
  args.words.forEach((w, i) => {
    const word = w.replace(/;+$/, '');
    if (word === '') return;
    words.push(word);
    tokens.push(args.tokens[i]!.replace(/;+$/, ''));
  });
  return { raw: tokens.join(' '), words, tokens };
}

/** Prints a command's outcome (its message, error or tables). */
async function report(session: Session, outcome: MetaOutcome, word: string, where: string, syntax: string, opts: MetaRunOptions, runner: StatementRunner, error: string): Promise<MetaRunResult> {
  switch (outcome.type) {
    case 'ok':
      return { type: 'ok' };
    case 'quit':
      return { type: 'quit' };
    case 'message':
      if (outcome.psqlError && !session.interactive) session.io.error(`${where}${error}${outcome.text}`);
      else if (outcome.stdout) await session.io.stdout.write(`${outcome.text}\n`);
      else session.io.message(outcome.text);
      return { type: 'ok' };
    case 'usage':
      session.io.error(`${where}${word}: ${outcome.message}; ${syntax}`);
      return { type: 'error' };
    case 'error':
      if (outcome.endsScript && !session.interactive) {
        // psql leaves a script whose connection failed with 2 (3 when ON_ERROR_STOP stopped it)
        if (outcome.message) session.io.error(`${where}${error}${outcome.message}`);
        session.exitStatus = variableFlag(session.variables, 'ON_ERROR_STOP') === true ? 3 : 2;
        return { type: 'quit' };
      }
      if (outcome.message && outcome.psql) session.io.error(`${where}${error}${outcome.message}`);
      else if (outcome.message) session.io.error(`${where}${word}: ${outcome.message}`);
      if (outcome.then !== undefined && variableFlag(session.variables, 'QUIET') !== true) await session.io.stdout.write(`${outcome.then}\n`);
      return { type: 'error' };
    case 'tables':
      for (let i = 0; i < outcome.tables.length; i++) {
        // between tables a blank line, unless each ends with psql's own already (scripts, \o)
        if (i > 0 && !session.renderOptions().blankLineAfter) await session.out.write('\n');
        await renderMetaTable(session, outcome.tables[i]!, runner.page);
      }
      return { type: 'ok' };
  }
}
