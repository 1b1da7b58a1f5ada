/**
 * The table of backslash commands, built once from the declarations: lookup (with + and S
 * modifiers), "did you mean", and the help text for \? and \? CMD.
 */
import type { MetaCommand, MetaGroup } from './meta-command.js';
import { editDistance } from '../core/edit-distance.js';
import { GENERAL_COMMANDS } from './commands/general-commands.js';
import { DESCRIBE_COMMANDS } from './commands/describe-commands.js';
import { CONNECTION_COMMANDS } from './commands/connection-commands.js';
import { OUTPUT_COMMANDS } from './commands/output-commands.js';
import { RUNNING_COMMANDS } from './commands/running-commands.js';
import { NAMED_QUERY_COMMANDS } from './commands/named-query-commands.js';
import { SCRIPT_COMMANDS } from './commands/script-commands.js';
import { CHART_COMMANDS } from './commands/chart-commands.js';
import { PLAN_COMMANDS } from './commands/plan-commands.js';
import { SQLITE_COMMANDS } from './commands/sqlite-commands.js';
import { SYSTEM_COMMANDS } from './commands/system-commands.js';
import { LARGE_OBJECT_COMMANDS } from './commands/large-object-commands.js';
import { MYSQL_CLIENT_COMMANDS } from './commands/mysql-client-commands.js';

export interface MetaLookup {
  readonly command: MetaCommand;
  readonly plus: boolean;
  readonly system: boolean;
}

export interface MetaRegistry {
  readonly commands: readonly MetaCommand[];
  /** Every name and alias, with the backslash. */
  readonly names: readonly string[];
  lookup(word: string): MetaLookup | undefined;
  /** The closest valid command to a mistyped one, when one is close enough. */
  closest(word: string): string | undefined;
  /** \?: every command, one line each, by group. */
  helpList(): string;
  /** \? CMD: the details of one command, or undefined. */
  helpFor(word: string): string | undefined;
}

const GROUP_ORDER: readonly MetaGroup[] = ['General', 'Help', 'Informational', 'Connection', 'Output', 'Running', 'Named queries'];

function build(commands: readonly MetaCommand[]): MetaRegistry {
  const byName = new Map<string, MetaCommand>();
  for (const c of commands) {
    for (const n of [c.name, ...(c.aliases ?? [])]) {
      if (byName.has(n)) throw new Error(`meta-command ${n} is declared twice`);
      byName.set(n, c);
    }
  }
  const names = Object.freeze([...byName.keys()].sort());

  const lookup = (word: string): MetaLookup | undefined => {
    const exact = byName.get(word);
    if (exact) return { command: exact, plus: false, system: false };
    let best: { name: string; command: MetaCommand; rest: string } | undefined;
    for (const [name, command] of byName) {
      if (!command.modifiers || !word.startsWith(name) || word.length === name.length) continue;
      const rest = word.slice(name.length);
      const okRest = [...rest].every((ch) => command.modifiers!.includes(ch)) && new Set(rest).size === rest.length;
      if (okRest && (!best || name.length > best.name.length)) best = { name, command, rest };
    }
    return best ? { command: best.command, plus: best.rest.includes('+'), system: best.rest.includes('S') } : undefined;
  };

  const closest = (word: string): string | undefined => {
    const bare = word.replace(/[+S]+$/, '') || word;
    // a case slip (\X, \Timing) when only one name matches without case
    const folded = names.filter((n) => n.toLowerCase() === word.toLowerCase());
    if (folded.length === 1) return folded[0];
    let ties: string[] = [];
    let bestD = Infinity;
    for (const n of names) {
      const d = Math.min(editDistance(word, n), editDistance(bare, n));
      if (d < bestD) {
        bestD = d;
        ties = [n];
      } else if (d === bestD) ties.push(n);
    }
    const limit = word.length <= 3 ? 1 : 2;
    if (ties.length === 0 || bestD > limit) return undefined;
    // Several different commands equally close (\! is one edit from \c, \d, \e...): no real guess.
    const cmds = new Set(ties.map((n) => byName.get(n)!));
    if (cmds.size > 1) return undefined;
    const [cmd] = cmds;
    return ties.includes(cmd!.name) ? cmd!.name : ties.reduce((a, b) => (b.length < a.length ? b : a));
  };

  const helpList = (): string => {
    const width = Math.min(28, Math.max(...commands.map((c) => c.syntax.length)) + 2);
    const out: string[] = [];
    for (const g of GROUP_ORDER) {
      const list = commands.filter((c) => c.group === g);
      if (list.length === 0) continue;
      if (out.length) out.push('');
      out.push(g);
      for (const c of list) {
        const syn = c.syntax.length >= width ? `${c.syntax}\n  ${' '.repeat(width)}` : c.syntax.padEnd(width);
        out.push(`  ${syn}${c.summary}`);
      }
    }
    out.push('', 'Patterns: * matches any text, ? one character, schema.name a schema; "Quoted" is exact.');
    out.push('\\? CMD explains one command; \\h KEYWORD reminds SQL syntax.');
    return out.join('\n') + '\n';
  };

  const helpFor = (word: string): string | undefined => {
    const w = word.startsWith('\\') ? word : `\\${word}`;
    const found = lookup(w);
    if (!found) return undefined;
    const c = found.command;
    const lines = [c.syntax, `  ${c.summary}`];
    for (const d of c.details ?? []) lines.push(`  ${d}`);
    if (c.aliases?.length) lines.push(`  Also: ${c.aliases.join(', ')}`);
    return lines.join('\n') + '\n';
  };

  return Object.freeze({ commands, names, lookup, closest, helpList, helpFor });
}

let registry: MetaRegistry | undefined;

/** The registry (built on first use; immutable). */
export function metaRegistry(): MetaRegistry {
  registry ??= build(
    Object.freeze([
      ...GENERAL_COMMANDS,
      ...SCRIPT_COMMANDS,
      ...DESCRIBE_COMMANDS,
      ...CONNECTION_COMMANDS,
      ...OUTPUT_COMMANDS,
      ...RUNNING_COMMANDS,
      ...NAMED_QUERY_COMMANDS,
      ...CHART_COMMANDS,
      ...PLAN_COMMANDS,
      ...SQLITE_COMMANDS,
      ...SYSTEM_COMMANDS,
      ...LARGE_OBJECT_COMMANDS,
    ]),
  );
  return registry;
}

const CLIENT_BY_NAME: ReadonlyMap<string, MetaCommand> = new Map(MYSQL_CLIENT_COMMANDS.map((c) => [c.name, c]));

/**
 * The command a word names on the mysql client's command line (session.mysqlClient): the client's
 * meaning of \\c \\p \\r \\d \\C \\T \\t \\n \\W \\w \\# first, then sqlsh's commands. A word sqlsh does
 * not know that starts with one of the client's letters is that command with the rest as its argument
 * (`\\d//`, `\\Cutf8`), as the client reads one letter. Returns the command word and the argument text.
 */
export function mysqlClientLookup(word: string, rest: string): { readonly word: string; readonly rest: string; readonly found: MetaLookup } | undefined {
  const exact = CLIENT_BY_NAME.get(word);
  if (exact) return { word, rest, found: { command: exact, plus: false, system: false } };
  if (metaRegistry().lookup(word)) return undefined;
  const head = CLIENT_BY_NAME.get(word.slice(0, 2));
  if (!head) return undefined;
  return { word: word.slice(0, 2), rest: `${word.slice(2)} ${rest}`.trim(), found: { command: head, plus: false, system: false } };
}
