/** The completion menu: open, move the selection (previewing it in the buffer), accept, dismiss. */
import type { Completion } from '../../complete/completion.js';
import type { Document } from '../document.js';
import { edit, update, type EditorState } from '../editor-state.js';
import { withEffect, type Command } from './command.js';

/** The document with `c` applied to `origin`: exactly replace.start..replace.end is replaced. */
export function applyCompletion(origin: Document, c: Completion): Document {
  const start = Math.max(0, Math.min(c.replace.start, origin.text.length));
  const end = Math.max(start, Math.min(c.replace.end, origin.text.length));
  return origin.replace(start, end, c.text);
}

/** Open the menu over the current buffer; `selected` -1 opens it without changing the buffer. */
export function openMenu(s: EditorState, items: readonly Completion[], selected = -1): EditorState {
  if (items.length === 0) return update(s, { menu: undefined });
  const menu = Object.freeze({ items, origin: s.doc, selected: -1 });
  const opened = update(s, { menu });
  return selected >= 0 ? select(opened, selected) : opened;
}

export function select(s: EditorState, index: number): EditorState {
  const m = s.menu;
  if (!m) return s;
  const doc = index < 0 ? m.origin : applyCompletion(m.origin, m.items[index]!);
  return update(s, { doc, menu: Object.freeze({ ...m, selected: index }) });
}

export function closeMenu(s: EditorState): EditorState {
  if (!s.menu) return s;
  // Record the accepted completion as one undoable edit from the menu's origin.
  const base = update(s, { doc: s.menu.origin, menu: undefined });
  return edit(base, s.doc);
}

function step(delta: number): Command {
  return (s) => {
    const m = s.menu;
    if (!m) return s;
    const n = m.items.length;
    const next = m.selected < 0 ? (delta > 0 ? 0 : n - 1) : (((m.selected + delta) % n) + n) % n;
    return select(s, next);
  };
}

export const menu: Record<string, Command> = {
  /** Tab: cycle when open; otherwise complete now: one candidate is inserted, several open the menu. */
  complete: (s, k, ctx) => {
    if (s.menu) return step(1)(s, k, ctx);
    const items = ctx.complete?.(s.doc.text, s.doc.cursor) ?? [];
    if (items.length === 0) return withEffect(s, { type: 'bell' });
    if (items.length === 1) return edit(s, applyCompletion(s.doc, items[0]!));
    return openMenu(s, items, 0);
  },
  'menu-next': step(1),
  'menu-previous': step(-1),
  'menu-page-down': step(8),
  'menu-page-up': step(-8),
  'menu-accept': (s) => closeMenu(s),
  'menu-cancel': (s) => (s.menu ? update(s, { doc: s.menu.origin, menu: undefined }) : s),
};
