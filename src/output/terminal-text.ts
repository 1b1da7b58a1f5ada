/**
 * TerminalText: text that is safe to write to a terminal. Only this module makes it, in three ways:
 *
 * - `safeText(s)` escapes text from outside (names, values, messages, errors, input echoed back,
 *   file names) with the program's one escaping rule (escape.ts): no C0/C1 control, ESC, BEL,
 *   bidi control or invisible character from data reaches the terminal raw;
 * - `term\`...\`` a template whose literal parts are the program's own text (trusted) and whose
 *   `${values}` are escaped;
 * - `styled()` / `ownControl()` add the program's own SGR colours and cursor sequences, AFTER the
 *   text inside was escaped.
 *
 * The terminal writer (terminal-writer.ts) and the editor's renderer accept only TerminalText, so a
 * new path to the screen cannot forget to escape: a plain string does not type-check there. The
 * type is a compile-time brand (a string at run time); a test (test/output/single-writer.test.ts)
 * checks that no file but this one makes the brand by a cast.
 */
import { escapeForTerminal, escapeKeepingSgr, escapeMessage } from './escape.js';

declare const TERMINAL_TEXT: unique symbol;
export type TerminalText = string & { readonly [TERMINAL_TEXT]: true };

export const EMPTY_TEXT = '' as TerminalText;
export const NEWLINE = '\n' as TerminalText;

export interface SafeTextOptions {
  /** Keep '\n' (messages and multi-line values laid out on several lines). Default false. */
  readonly newlines?: boolean;
}

/** Escapes text from outside for the terminal (see escape.ts for what is escaped and how). */
export function safeText(text: string, opts: SafeTextOptions = {}): TerminalText {
  return escapeForTerminal(text, opts.newlines === true) as TerminalText;
}

/**
 * Plain text with line breaks, e.g. a message of several lines: newlines and tabs kept, as psql prints
 * them (libpq's hint lines: "...failed: ...\n\tIs the server running ...?"; a COPY error's CONTEXT
 * line with the row's tabs); the rest escaped. A tab moves the cursor over nothing it could hide.
 */
export function safeLines(text: string): TerminalText {
  // a carriage return that ends a line (csv's \r\n, sqlite3's csv mode) moves nothing it could hide: kept
  if (text.includes('\r\n')) return text.split('\r\n').map(safeLines).join('\r\n') as TerminalText;
  return escapeMessage(text) as TerminalText;
}

/**
 * Template tag: literal parts are the program's own text and pass as they are; every `${value}`
 * is escaped (newlines in values too), e.g. term`unknown command ${word}\n`.
 */
export function term(strings: TemplateStringsArray, ...values: readonly (string | number | bigint | boolean)[]): TerminalText {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += escapeForTerminal(String(values[i])) + strings[i + 1]!;
  return out as TerminalText;
}

/** Concatenation keeps safety: no part holds a raw control, so the whole does not either. */
export function joinText(parts: readonly TerminalText[], separator: TerminalText = EMPTY_TEXT): TerminalText {
  return parts.join(separator) as TerminalText;
}

const SGR_PARAMS = /^[0-9;:]*$/;

/**
 * The program's own colours: `params` is an SGR parameter list from a theme ('1;38;5;75'), the
 * text inside was already escaped. An empty params list leaves the text unstyled.
 */
export function styled(params: string, text: TerminalText): TerminalText {
  if (params === '' || text === '') return text;
  if (!SGR_PARAMS.test(params)) throw new Error(`not an SGR parameter list: ${JSON.stringify(params)}`);
  return `\x1b[${params}m${text}\x1b[0m` as TerminalText;
}

/** One SGR sequence on its own (for renderers that switch styles between segments). */
export function sgr(params: string): TerminalText {
  if (!SGR_PARAMS.test(params)) throw new Error(`not an SGR parameter list: ${JSON.stringify(params)}`);
  return `\x1b[${params}m` as TerminalText;
}

const OWN_CONTROL = /^(?:\x1b\[[0-9;?>= ]*[A-Za-z@`~]|\r|\n|\x07)*$/;

/**
 * The renderer's own control sequences (cursor moves, erase, hide/show cursor, bracketed paste,
 * a BEL for "no"): CSI sequences, CR, LF and BEL only, never text. Only the terminal edge (the
 * renderer, the line editor, the terminal restore) calls this; a test keeps it that way.
 */
export function ownControl(sequence: string): TerminalText {
  if (!OWN_CONTROL.test(sequence)) throw new Error(`not a control sequence: ${JSON.stringify(sequence)}`);
  return sequence as TerminalText;
}

/**
 * The last guard at the terminal's edge for text that is already meant to be safe (a result
 * sink's output, whose values were escaped and whose colours are the program's own): SGR colour
 * sequences and newlines pass, every other control, bidi or invisible character is escaped. So a
 * path that forgot to escape can at worst change a colour, never move the cursor, clear the
 * screen, write the clipboard or reorder text.
 */
export function scrubForTerminal(text: string): TerminalText {
  return escapeKeepingSgr(text) as TerminalText;
}
