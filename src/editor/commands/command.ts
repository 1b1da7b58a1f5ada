/** What a command is: a pure function from state (and key) to a new state, maybe with an effect. */
import type { Completion } from '../../complete/completion.js';
import type { EditorState } from '../editor-state.js';
import type { KeyPress } from '../key-press.js';

export type ToggleName = 'smart-completion' | 'multi-line' | 'key-mode';

export type Effect =
  | { readonly type: 'submit'; readonly text: string }
  | { readonly type: 'eof' }
  /** Ctrl-C: leave the current text on screen, start again with an empty buffer. */
  | { readonly type: 'abort' }
  | { readonly type: 'clear-screen' }
  | { readonly type: 'open-editor' }
  | { readonly type: 'suspend' }
  | { readonly type: 'toggle'; readonly what: ToggleName }
  | { readonly type: 'help' }
  /** F5: show the plan of the statement at the cursor (\\explain), without running it. */
  | { readonly type: 'explain' }
  | { readonly type: 'bell' };

export interface InputStatusLike {
  readonly complete: boolean;
  readonly reason?: string;
}

/** What commands may read from outside the state; all synchronous. */
export interface CommandContext {
  /** Is the buffer a complete statement (Enter submits) or not (Enter inserts a newline)? */
  inputStatus(text: string): InputStatusLike;
  /** History entries of the current database (and of no known one), oldest first: Up/Down. */
  readonly history: readonly string[];
  /** Every history entry, whatever the database (Ctrl-R); history when absent. */
  readonly historyAll?: readonly string[];
  readonly multiLine: boolean;
  complete?(text: string, cursor: number): readonly Completion[];
  /** The rest of a history entry that starts with `text`, for the dimmed suggestion. */
  suggestion?(text: string): string | undefined;
}

export type CommandResult = EditorState | { readonly state: EditorState; readonly effect: Effect };

export type Command = (state: EditorState, key: KeyPress, ctx: CommandContext) => CommandResult;

export function withEffect(state: EditorState, effect: Effect): CommandResult {
  return { state, effect };
}

export function splitResult(r: CommandResult): { state: EditorState; effect?: Effect } {
  return 'state' in r && 'effect' in r ? r : { state: r as EditorState };
}
