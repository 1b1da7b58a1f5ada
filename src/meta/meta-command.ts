/**
 * The shape of one backslash command: a plain declaration (name, modifiers, syntax, help, argument
 * spec) plus run(). Help, lookup, "did you mean" and argument completion all come from these.
 * A command returns what should happen next; it never reaches into the loop.
 */
import type { ColumnInfo, Row } from '../core/result.js';
import type { Session } from '../shell/session.js';
import type { ResultSink, TextOutput } from '../output/sink.js';
import { variableFlag } from '../sql/variables.js';

export interface MetaRunOptions {
  /** 1-based line of the command in its source. */
  readonly line: number;
  /** File name ('migrate.sql') or a label ('<stdin>'), when run from a script. */
  readonly source?: string;
  readonly signal?: AbortSignal;
  readonly stopOnError: boolean;
  readonly confirmDestructive: boolean;
  readonly includeDepth?: number;
  /**
   * In a script: the lines after the command up to a line `\\.` (\\copy ... FROM STDIN reads them as its data);
   * as pieces when the script is read as it runs (PostgreSQL: sent as they are read, once the server takes them).
   */
  readonly inlineData?: string | AsyncIterable<string>;
  /** Called when the server takes inlineData (PostgreSQL's COPY): a COPY that failed first leaves the lines to be read as SQL. */
  readonly onCopyIn?: () => void;
  /** The line of the data's `\\.` (once read), where psql names what the server says about the data. */
  readonly copyEndLine?: number | (() => number);
}

/** What a meta-command hands on to the statements it runs (StatementRunner): its stop rule, confirmation, signal. */
export function runnerOptions(opts: MetaRunOptions): RunnerOptions {
  return { stopOnError: opts.stopOnError, confirmDestructive: opts.confirmDestructive, ...(opts.signal ? { signal: opts.signal } : {}) };
}

/** The same for one statement run in its place: its line and source too (errors name them). */
export function statementOptions(opts: MetaRunOptions): RunnerOptions & { readonly line: number } {
  return { ...runnerOptions(opts), line: opts.line, ...(opts.source ? { source: opts.source } : {}) };
}

/** What kind of thing an argument is: drives completion and the help text. */
export type MetaArgKind =
  | 'pattern'
  | 'relation'
  | 'file'
  | 'target'
  | 'named-query'
  | 'command'
  | 'setting'
  | 'keyword'
  | 'number'
  | 'text'
  | 'sql';

export interface MetaArgSpec {
  /** Fewest and most words (max Infinity for "the rest of the line"). */
  readonly min: number;
  readonly max: number;
  /** Kind of each positional argument; the last one repeats. */
  readonly kinds: readonly MetaArgKind[];
  /** Fixed choices for the first argument ('on', 'off', 'auto'), for completion and checking. */
  readonly choices?: readonly string[];
  /**
   * The choices are offered, not checked: the command reads its first argument itself, as psql does
   * (a boolean's unique prefix, `\\timing of`) and says in psql's words what it cannot read.
   */
  readonly choicesOffered?: boolean;
}

export type MetaGroup = 'General' | 'Help' | 'Informational' | 'Connection' | 'Output' | 'Running' | 'Named queries';

/** Parsed arguments: the raw rest of the line and its words. */
export interface MetaArgs {
  /** Text after the command word, trimmed. */
  readonly raw: string;
  /** Words with single quotes removed ('a b' → a b); double quotes kept (they matter to patterns). */
  readonly words: readonly string[];
  /** Words exactly as typed (quotes kept). */
  readonly tokens: readonly string[];
}

/** Options for running statements from a meta-command (\\i, \\e, \\g, \\watch, named queries). */
export interface RunnerOptions {
  /** File name for messages ('migrate.sql'), or a label like '-c 1'. */
  readonly source?: string;
  readonly signal?: AbortSignal;
  readonly stopOnError: boolean;
  readonly confirmDestructive: boolean;
  /** How deep \\i files are nested (a file including itself stops). */
  readonly includeDepth?: number;
}

/**
 * Runs SQL for the meta-commands that run statements. The shell hands one in through the context, so
 * meta/ never imports shell/ (the arrow points one way: the shell runs meta-commands, not the reverse).
 */
export interface StatementRunner {
  runScript(text: string, opts: RunnerOptions): Promise<{ readonly ok: boolean; readonly quit: boolean; readonly cancelled?: boolean }>;
  /** The same for a script read as it runs (a file: \\i, .read, source), a piece at a time; a read error is thrown. */
  runScriptInput(input: AsyncIterable<Uint8Array | string>, opts: RunnerOptions): Promise<{ readonly ok: boolean; readonly quit: boolean; readonly cancelled?: boolean }>;
  /** true: ran; false: failed (error printed); 'cancelled'. */
  /**
   * Runs a statement as typed. `lastResult`: the last result set is handed to it instead of shown (psql's
   * `a \\; b \\gset`: one request, the results before the last shown as usual).
   */
  runStatement(
    sql: string,
    opts: RunnerOptions & {
      readonly line: number;
      readonly terminator?: string;
      readonly lastResult?: (r: QueryRows) => void;
      /** A COPY ... FROM STDIN's data (ExecuteOptions.copyData), onCopyIn and the line of its `\\.` (MetaRunOptions). */
      readonly copyData?: string | AsyncIterable<string>;
      readonly onCopyIn?: () => void;
      readonly copyEndLine?: number | (() => number);
      /** The text is what is sent, as psql sends it: one request (PostgreSQL's simple query), not previewed. */
      readonly asSent?: boolean;
      readonly simpleQuery?: boolean;
    },
  ): Promise<boolean | 'cancelled'>;
  /**
   * Text shown to a person (help, listings, \\d output): through the pager when it does not fit the screen,
   * the rule results follow; otherwise to `fallback` (default: the terminal, never into \\o).
   */
  page(text: string, fallback?: TextOutput): Promise<void>;
  /**
   * Runs one statement and hands back its last result set instead of showing it (\\gset, \\gexec).
   * false: failed (error printed, ERROR/SQLSTATE set as for any statement); 'cancelled'.
   */
  queryRows(sql: string, opts: RunnerOptions & { readonly line: number; /** PostgreSQL: only describe the result (ExecuteOptions.describeOnly). */ readonly describeOnly?: boolean; /** \\gset's query: under psql's FETCH_COUNT one fetch of two rows through a cursor, as psql. */ readonly gset?: boolean }): Promise<QueryRows | false | 'cancelled'>;
  /**
   * Runs one statement and streams its result sets into `sink` instead of showing them (\\chart): memory
   * stays what the sink keeps. Errors and special variables as queryRows. true: ran.
   */
  queryInto(sql: string, opts: RunnerOptions & { readonly line: number }, sink: ResultSink): Promise<boolean | 'cancelled'>;
}

/** A result set kept as data. */
export interface QueryRows {
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly Row[];
}

export interface MetaContext {
  readonly session: Session;
  /** Runs statements on the session (given by the shell). */
  readonly runner: StatementRunner;
  readonly opts: MetaRunOptions;
  /** The command word as typed: '\\dt+'. */
  readonly invokedAs: string;
  /** '+' given: more detail (sizes, comments). */
  readonly plus: boolean;
  /** 'S' given: include system objects. */
  readonly system: boolean;
}

/** A small result to render through the normal sinks (\d and friends). */
export interface MetaTable {
  readonly title?: string;
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly Row[];
  /** Lines printed after the table, in each format's form (Indexes:, Foreign-key constraints: ...); not with tuples only. */
  readonly footer?: readonly string[];
  /** Print '(N rows)' (lists do, \d NAME does not). */
  readonly rowCount?: boolean;
  /** false: a table even with \x (a relation's column list, as psql shows it). */
  readonly expanded?: false;
}

export type MetaOutcome =
  | { readonly type: 'ok' }
  | { readonly type: 'quit' }
  /**
   * A failure; message printed by the dispatcher (with file:line in scripts), after the command's name,
   * or (psql: psql's own words) as psql prints it: alone at the prompt, after `error: ` in a script.
   */
  | {
      readonly type: 'error';
      readonly message?: string;
      readonly psql?: boolean;
      /**
       * In a script the session cannot go on (psql's \\connect that failed: a script must not run its
       * statements on another database than it asked for): the script ends there with psql's exit status 2
       * (3 under ON_ERROR_STOP); at the prompt only the error.
       */
      readonly endsScript?: boolean;
      /** What psql prints on stdout after this error (`\\timing foo`: how timing stands), unless QUIET. */
      readonly then?: string;
    }
  /** One line of information (printed as a message, not a result; on stdout when psql prints it there). */
  | { readonly type: 'message'; readonly text: string; readonly stdout?: boolean; /** psql says it as an error (`error: ` in a script) though the command succeeds. */ readonly psqlError?: boolean }
  /** Wrong arguments: the dispatcher adds the command's syntax. */
  | { readonly type: 'usage'; readonly message: string }
  /** Tables to render in order. */
  | { readonly type: 'tables'; readonly tables: readonly MetaTable[] };

export interface MetaCommand {
  /** With the backslash: '\\dt'. */
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Modifier characters accepted after the name: '+', 'S'. */
  readonly modifiers?: string;
  readonly group: MetaGroup;
  /** '\\dt[S+] [PATTERN]'. */
  readonly syntax: string;
  /** One line for \?. */
  readonly summary: string;
  /** More lines for \? CMD. */
  readonly details?: readonly string[];
  readonly args: MetaArgSpec;
  /** psql's error in a script when an argument is missing, where it is not `\\X: missing required argument`. */
  readonly missingArgs?: string;
  /**
   * The shell puts no variables into the arguments: the command reads them as written (the scripting
   * commands put them in themselves, with psql's quoting; \! takes its line as psql does, untouched).
   */
  readonly argsAsWritten?: boolean;
  /**
   * It reaches outside the session (the file system, a shell, the environment, another database): true,
   * or true for these arguments (`\\o FILE` but not `\\o`). Refused in sandbox mode (`\\-`, src/meta/sandbox.ts).
   */
  readonly outside?: boolean | ((args: MetaArgs) => boolean);
  run(ctx: MetaContext, args: MetaArgs): Promise<MetaOutcome>;
}

export const ok: MetaOutcome = Object.freeze({ type: 'ok' });
export const usage = (message: string): MetaOutcome => ({ type: 'usage', message });
export const fail = (message: string): MetaOutcome => ({ type: 'error', message });
/** A failure in psql's own words, printed as psql prints it (`error: ` before it in a script). */
export const psqlFail = (message: string): MetaOutcome => ({ type: 'error', message, psql: true });
export const info = (text: string): MetaOutcome => ({ type: 'message', text });
/** A confirmation psql prints on stdout ("Output format is unaligned.", "Timing is on."). */
export const confirmed = (text: string): MetaOutcome => ({ type: 'message', text, stdout: true });
/** psql's confirmation on stdout, left out under QUIET (-q), as in psql. */
export function said(ctx: MetaContext, text: string): MetaOutcome {
  return text === '' || variableFlag(ctx.session.variables, 'QUIET') === true ? ok : confirmed(text);
}

export const NO_ARGS: MetaArgSpec = Object.freeze({ min: 0, max: 0, kinds: [] });
export const PATTERN_ARG: MetaArgSpec = Object.freeze({ min: 0, max: 1, kinds: ['pattern'] as const });
