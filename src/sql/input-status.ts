/** Whether a buffer is ready to run when the user presses Enter, and if not, why (for the continuation prompt). */
import type { LexOptions } from './dialect.js';
import { splitWithState } from './splitter.js';

export type OpenReason =
  | 'open-string'
  | 'open-quoted-identifier'
  | 'open-comment'
  | 'open-dollar-quote'
  | 'open-paren'
  | 'no-terminator'
  | 'open-block';

export interface InputStatus {
  readonly complete: boolean;
  readonly reason?: OpenReason;
}

const COMPLETE: InputStatus = Object.freeze({ complete: true });

/**
 * Complete when the last statement ends with a terminator (';', the delimiter, or a backslash command
 * like \g), when the input ends with a backslash command or DELIMITER line, or when it holds no SQL at
 * all (empty, whitespace, closed comments). Otherwise the reason names the innermost open construct.
 */
export function inputStatus(
  text: string,
  opts: LexOptions,
  options?: { readonly delimiter?: string; readonly mysqlDelimiterCommand?: boolean; readonly dotCommands?: boolean },
): InputStatus {
  const r = splitWithState(text, opts, options);
  if (r.openToken) {
    const t = r.openToken;
    switch (t.type) {
      case 'block-comment':
        return { complete: false, reason: 'open-comment' };
      case 'quoted-ident':
        return { complete: false, reason: 'open-quoted-identifier' };
      default:
        return { complete: false, reason: t.text.startsWith('$') ? 'open-dollar-quote' : 'open-string' };
    }
  }
  const last = r.statements[r.statements.length - 1];
  if (last === undefined || last.kind !== 'sql' || last.complete || last.text === '') return COMPLETE;
  if (r.blockDepth > 0) return { complete: false, reason: 'open-block' };
  if (r.parenDepth > 0) return { complete: false, reason: 'open-paren' };
  return { complete: false, reason: 'no-terminator' };
}

/**
 * The options a shell's buffer is read with: the session's delimiter, and the client commands of a line of
 * their own that Enter runs at once: the mysql client's DELIMITER, the sqlite3 shell's dot-commands (`.tables`).
 */
export function editorStatusOptions(dialect: { readonly id: string }, delimiter: string | undefined): { delimiter?: string; mysqlDelimiterCommand: boolean; dotCommands: boolean } {
  return { ...(delimiter ? { delimiter } : {}), mysqlDelimiterCommand: dialect.id === 'mysql', dotCommands: dialect.id === 'sqlite' };
}
