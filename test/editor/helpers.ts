/** Test helpers: feed raw terminal bytes through the decoder and the dispatcher. */
import type { Completion } from '../../src/complete/completion.js';
import type { CommandContext, Effect } from '../../src/editor/commands/command.js';
import { handleKey } from '../../src/editor/dispatch.js';
import { Document } from '../../src/editor/document.js';
import { initialState, type EditMode, type EditorState } from '../../src/editor/editor-state.js';
import { KeyDecoder } from '../../src/editor/key-decoder.js';
import { inputStatus } from '../../src/sql/input-status.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';

export function ctx(over: Partial<CommandContext> = {}): CommandContext {
  const history = over.history ?? [];
  return {
    inputStatus: (t) => inputStatus(t, sqliteDialect.lex),
    history,
    multiLine: true,
    suggestion: (t) => {
      for (let i = history.length - 1; i >= 0; i--) if (t && history[i]!.startsWith(t) && history[i] !== t) return history[i]!.slice(t.length);
      return undefined;
    },
    ...over,
  };
}

export interface Run {
  readonly state: EditorState;
  readonly effects: readonly Effect[];
}

/** Type raw bytes (e.g. 'abc\x01' = a b c Ctrl-A) into a state; a trailing lone ESC is flushed. */
export function type(from: EditorState | string, raw: string, c: CommandContext = ctx(), mode: EditMode = 'emacs'): Run {
  let state = typeof from === 'string' ? initialState(from, mode) : from;
  const d = new KeyDecoder();
  const keys = [...d.feed(raw), ...d.flush()];
  const effects: Effect[] = [];
  for (const k of keys) {
    const out = handleKey(state, k, c);
    state = out.state;
    if (out.effect) effects.push(out.effect);
  }
  return { state, effects };
}

/** A state with text and the cursor at the `|` marker. */
export function at(marked: string, mode: EditMode = 'emacs'): EditorState {
  const i = marked.indexOf('|');
  const text = marked.replace('|', '');
  return { ...initialState(text, mode), doc: new Document(text, i < 0 ? text.length : i) };
}

/** Render a state's document back with a `|` at the cursor. */
export function show(s: EditorState): string {
  return s.doc.text.slice(0, s.doc.cursor) + '|' + s.doc.text.slice(s.doc.cursor);
}

export function staticCompleter(words: readonly string[]): (text: string, cursor: number) => readonly Completion[] {
  return (text, cursor) => {
    const m = /[\w]*$/.exec(text.slice(0, cursor))!;
    return words
      .filter((w) => w.toLowerCase().startsWith(m[0].toLowerCase()))
      .map((w) => ({ text: w, replace: { start: cursor - m[0].length, end: cursor }, kind: 'table' as const }));
  };
}
