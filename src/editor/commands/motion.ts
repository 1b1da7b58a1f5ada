/** Cursor motions (no text change) and history navigation on Up/Down. */
import { Document } from '../document.js';
import { update, type EditorState } from '../editor-state.js';
import type { Command, CommandContext } from './command.js';

function moveTo(s: EditorState, cursor: number): EditorState {
  return cursor === s.doc.cursor ? s : update(s, { doc: s.doc.withCursor(cursor) });
}

/** Show history entry `index` (entries.length = back to the draft). */
export function showHistory(s: EditorState, ctx: CommandContext, index: number, atTop: boolean): EditorState {
  const entries = ctx.history;
  if (index < 0 || index > entries.length) return s;
  const draft = s.historyIndex === undefined ? s.doc.text : s.draft;
  if (index === entries.length) {
    return update(s, { doc: new Document(draft), historyIndex: undefined, draft: '' });
  }
  const text = entries[index]!;
  // Going back, stop at the end of the first line so the next Up keeps going back in history;
  // going forward, stop at the very end so the next Down keeps going forward.
  const cursor = atTop ? new Document(text, 0).lineEnd(0) : text.length;
  return update(s, { doc: new Document(text, cursor), historyIndex: index, draft });
}

export function historyOlder(s: EditorState, ctx: CommandContext): EditorState {
  const cur = s.historyIndex ?? ctx.history.length;
  return showHistory(s, ctx, cur - 1, true);
}

export function historyNewer(s: EditorState, ctx: CommandContext): EditorState {
  if (s.historyIndex === undefined) return s;
  return showHistory(s, ctx, s.historyIndex + 1, false);
}

/** Accept the dimmed history suggestion when the cursor is at the end; otherwise run `fallback`. */
function acceptSuggestionOr(fallback: (s: EditorState) => EditorState): Command {
  return (s, _k, ctx) => {
    if (s.doc.cursor === s.doc.text.length && s.doc.text !== '') {
      const rest = ctx.suggestion?.(s.doc.text);
      if (rest) return update(s, { doc: new Document(s.doc.text + rest) });
    }
    return fallback(s);
  };
}

export const motion: Record<string, Command> = {
  'backward-char': (s) => moveTo(s, s.doc.charLeft()),
  'forward-char': acceptSuggestionOr((s) => moveTo(s, s.doc.charRight())),
  'beginning-of-line': (s) => moveTo(s, s.doc.lineStart()),
  'end-of-line': acceptSuggestionOr((s) => moveTo(s, s.doc.lineEnd())),
  'beginning-of-buffer': (s) => moveTo(s, 0),
  'end-of-buffer': (s) => moveTo(s, s.doc.text.length),
  'backward-word': (s) => moveTo(s, s.doc.prevAlnumWordStart()),
  'forward-word': (s) => moveTo(s, s.doc.nextWordEnd()),
  'previous-line': (s, _k, ctx) => {
    const up = s.doc.verticalMove(-1);
    return up === undefined ? historyOlder(s, ctx) : moveTo(s, up);
  },
  'next-line': (s, _k, ctx) => {
    const down = s.doc.verticalMove(1);
    return down === undefined ? historyNewer(s, ctx) : moveTo(s, down);
  },
  'history-older': (s, _k, ctx) => historyOlder(s, ctx),
  'history-newer': (s, _k, ctx) => historyNewer(s, ctx),
};
