/** Text-changing commands shared by the emacs and vi-insert key maps. */
import { Document } from '../document.js';
import { edit, update, type EditorState } from '../editor-state.js';
import type { Command, CommandContext, CommandResult } from './command.js';
import { withEffect } from './command.js';

function kill(s: EditorState, start: number, end: number, cursor = start): EditorState {
  if (start >= end) return s;
  const killed = s.doc.text.slice(start, end);
  const doc = new Document(s.doc.text.slice(0, start) + s.doc.text.slice(end), cursor);
  return update(edit(s, doc), { killRing: Object.freeze([...s.killRing.slice(-19), killed]) });
}

export function insertText(s: EditorState, text: string): EditorState {
  return edit(s, s.doc.insert(text));
}

/** Normalise pasted text: CRLF and CR become LF, tabs stay. */
export function normalisePaste(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Enter: submit a complete statement (or anything with multi-line off), else insert a newline. */
export function acceptOrNewline(s: EditorState, ctx: CommandContext): CommandResult {
  const text = s.doc.text;
  if (!ctx.multiLine || ctx.inputStatus(text).complete) return withEffect(s, { type: 'submit', text });
  return insertText(s, '\n');
}

export const editing: Record<string, Command> = {
  'self-insert': (s, k) => (k.text ? insertText(s, k.text) : s),
  paste: (s, k) => insertText(s, normalisePaste(k.text ?? '')),
  'accept-line': (s, _k, ctx) => acceptOrNewline(s, ctx),
  newline: (s) => insertText(s, '\n'),
  'delete-backward': (s) => (s.doc.cursor === 0 ? s : edit(s, s.doc.replace(s.doc.charLeft(), s.doc.cursor, ''))),
  'delete-forward': (s) => {
    const c = s.doc.cursor;
    if (c >= s.doc.text.length) return s;
    return edit(s, new Document(s.doc.text.slice(0, c) + s.doc.text.slice(s.doc.charRight()), c));
  },
  'delete-or-eof': (s) => (s.doc.text === '' ? withEffect(s, { type: 'eof' }) : editing['delete-forward']!(s, { key: 'c-d' }, NO_CTX)),
  'kill-line': (s) => {
    const d = s.doc;
    const end = d.lineEnd();
    // At the end of a line, kill the newline (joining lines), like emacs.
    return kill(s, d.cursor, end === d.cursor && end < d.text.length ? end + 1 : end);
  },
  'kill-line-backward': (s) => kill(s, s.doc.lineStart(), s.doc.cursor),
  'kill-word-backward-ws': (s) => kill(s, s.doc.prevBigWordStart(), s.doc.cursor),
  'kill-word-forward': (s) => kill(s, s.doc.cursor, s.doc.nextWordEnd()),
  'kill-word-backward': (s) => kill(s, s.doc.prevAlnumWordStart(), s.doc.cursor),
  yank: (s) => {
    const last = s.killRing[s.killRing.length - 1];
    return last === undefined ? s : insertText(s, last);
  },
  undo: (s) => {
    const prev = s.undo[s.undo.length - 1];
    if (!prev) return s;
    return update(s, { doc: prev, undo: Object.freeze(s.undo.slice(0, -1)) });
  },
  'transpose-chars': (s) => {
    const d = s.doc;
    if (d.text.length < 2 || d.cursor === 0) return s;
    const at = d.cursor === d.text.length ? d.cursor - 1 : d.cursor;
    const t = d.text;
    return edit(s, new Document(t.slice(0, at - 1) + t[at] + t[at - 1] + t.slice(at + 1), at + 1));
  },
  /** Ctrl-C: drop the buffer (it stays visible above) and start a fresh prompt; on an empty buffer too. */
  'abort-line': (s) => withEffect(s, { type: 'abort' }),
  'clear-screen': (s) => withEffect(s, { type: 'clear-screen' }),
  'open-editor': (s) => withEffect(s, { type: 'open-editor' }),
  suspend: (s) => withEffect(s, { type: 'suspend' }),
  help: (s) => withEffect(s, { type: 'help' }),
  'explain-buffer': (s) => (s.doc.text.trim() === '' ? withEffect(s, { type: 'bell' }) : withEffect(s, { type: 'explain' })),
  'toggle-smart-completion': (s) => withEffect(s, { type: 'toggle', what: 'smart-completion' }),
  'toggle-multi-line': (s) => withEffect(s, { type: 'toggle', what: 'multi-line' }),
  'toggle-key-mode': (s) => withEffect(s, { type: 'toggle', what: 'key-mode' }),
  ignore: (s) => s,
};

const NO_CTX: CommandContext = { inputStatus: () => ({ complete: true }), history: [], multiLine: true };
