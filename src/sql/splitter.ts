/**
 * Splits a buffer or script into statements without a database: `;` (or a custom MySQL delimiter)
 * outside strings, comments, dollar quotes, parentheses and trigger/procedure BEGIN ... END bodies;
 * backslash meta-commands; the MySQL client's DELIMITER command.
 *
 * The segments [segmentStart, segmentEnd) of the returned statements tile the input exactly.
 * A statement whose `text` is '' holds only whitespace, comments and/or a terminator (e.g. the
 * second `;` of `;;`, or trailing comments): callers should skip it when running statements.
 */
import type { LexOptions } from './dialect.js';
import { StatementReader } from './statement-reader.js';
import type { Token } from './token.js';

export { clientDelimiterArg } from './statement-reader.js';

export interface Statement {
  /**
   * sql: a SQL statement; meta: a backslash command line (on MySQL also the client's `use db`,
   * `source FILE`, `quit` and `exit` lines); delimiter: a MySQL client `DELIMITER x` line.
   */
  readonly kind: 'sql' | 'meta' | 'delimiter';
  /**
   * sql: the statement without its terminator, from its first SQL token to its last one (leading and
   * trailing whitespace and comments dropped, comments inside kept; a MySQL executable comment
   * `/*! ... *\/` is SQL); '' when there is no SQL.
   * meta: the command line, e.g. '\\dt foo'. delimiter: the line, e.g. 'DELIMITER //'.
   */
  readonly text: string;
  /** Offset of `text` in the input (for an empty text: the segment start). */
  readonly start: number;
  readonly end: number;
  /** The segments of all statements tile the input: joining them reproduces it exactly. */
  readonly segmentStart: number;
  readonly segmentEnd: number;
  /** sql: ended by a terminator; meta/delimiter: always true. */
  readonly complete: boolean;
  /** ';', the custom delimiter, or a backslash command that ended the statement like '\\g', '\\G', '\\watch 2'. */
  readonly terminator?: string;
  /** 1-based line number of `start` in the input. */
  readonly line: number;
  /**
   * The mysql client's commands that act where they are read and leave the statement open around them
   * (`\\-`, sandbox mode: `/*M!999999\\- enable the sandbox mode *\/`), in order: run them before this
   * statement. An sql statement's text still holds them (the client does not send them: mysqlClientText).
   */
  readonly inlineCommands?: readonly { readonly text: string; readonly line: number }[];
  /**
   * Only on the last statement, when the input ends inside a string, quoted identifier, block
   * comment or dollar quote: that token. A script that ends so is an error (as in psql), not a
   * statement to run with its end cut off.
   */
  readonly openToken?: Token;
}

/** What an open token at the end of the input is, in words: 'unterminated quoted string'. */
export function unterminatedWhat(t: Token): string {
  if (t.type === 'block-comment') return 'unterminated /* comment';
  if (t.type === 'quoted-ident') return 'unterminated quoted identifier';
  if (t.type === 'string' && t.text.startsWith('$')) return 'unterminated dollar-quoted string';
  return 'unterminated quoted string';
}

export interface SplitOptions {
  /** The statement delimiter to start with (default ';'). */
  readonly delimiter?: string;
  /** Recognise the MySQL client's `DELIMITER x`, `use db`, `source FILE`, `quit` and `exit` lines (on for the MySQL dialect). */
  readonly mysqlDelimiterCommand?: boolean;
  /** With mysqlDelimiterCommand, `use`, `source`, `quit` and `exit` lines too (default true; completion reads `USE db` as SQL). */
  readonly mysqlLineCommands?: boolean;
  /** sqlite3's dot-commands: a line starting with '.' where a statement starts is a 'meta' line (on for SQLite scripts). */
  readonly dotCommands?: boolean;
  /**
   * The mysql client's command line: its `\\d DELIM` where a statement starts is a 'delimiter' line, as
   * DELIMITER is (`\\d //`, `\\d//`); the delimiter is its first word, backslashes dropped. Its commands
   * that take nothing (\\c \\p \\t \\n \\W \\w \\#) are two characters there too (`\\W select 1`), and a
   * `connect [db [host]]` line is its command, as `use db` is.
   */
  readonly mysqlClientDelimiter?: boolean;
}


/** The statements plus what was still open at the end of the input (used by inputStatus). */
export interface SplitResult {
  readonly statements: readonly Statement[];
  /** The last token when the input ends inside it (unterminated string, quoted identifier, comment, dollar quote). */
  readonly openToken?: Token;
  /** Open parentheses in the last statement. */
  readonly parenDepth: number;
  /** Open BEGIN/CASE ... END blocks in the last statement. */
  readonly blockDepth: number;
  /** The delimiter in force at the end of the input. */
  readonly delimiter: string;
}

export function splitStatements(text: string, opts: LexOptions, options?: SplitOptions): readonly Statement[] {
  return splitWithState(text, opts, options).statements;
}

export function splitWithState(text: string, opts: LexOptions, options?: SplitOptions): SplitResult {
  const reader = new StatementReader(text, opts, options, true);
  const statements: Statement[] = [];
  for (let s = reader.next(); s !== undefined; s = reader.next()) statements.push(s);
  return { statements, ...reader.tail() };
}

/** What splitLazily returns after its last statement: SplitResult without the statements. */
export type SplitTail = Omit<SplitResult, 'statements'>;

/**
 * The statements one at a time, each as soon as its end is read: a script runner that goes on reading
 * elsewhere (after a COPY ... FROM STDIN's data) stops there, so the text after it is not split for nothing.
 */
export function splitLazily(text: string, opts: LexOptions, options?: SplitOptions): Generator<Statement, SplitTail, undefined> {
  return split(text, opts, options, true);
}

/**
 * splitLazily without its fast path (every token read the one general way): the reference the property
 * tests hold the fast path to. Not for use elsewhere.
 */
export function splitLazilyWithoutFastPath(text: string, opts: LexOptions, options?: SplitOptions): Generator<Statement, SplitTail, undefined> {
  return split(text, opts, options, false);
}

function* split(text: string, opts: LexOptions, options: SplitOptions | undefined, fast: boolean): Generator<Statement, SplitTail, undefined> {
  const reader = new StatementReader(text, opts, options, fast);
  for (let s = reader.next(); s !== undefined; s = reader.next()) yield s;
  return reader.tail();
}

