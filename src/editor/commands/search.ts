/**
 * Ctrl-R: incremental reverse search through history, case-insensitive. It searches every entry,
 * whatever database it was typed on; Ctrl-R on an empty query narrows it to the current database
 * (and again widens it).
 */
import { Document } from '../document.js';
import { update, type EditorState, type SearchState } from '../editor-state.js';
import type { Command, CommandContext } from './command.js';

/** Find the newest entry at or before `from` containing `query`; -1 if none. */
export function findOlder(entries: readonly string[], query: string, from: number): number {
  const q = query.toLowerCase();
  for (let i = Math.min(from, entries.length - 1); i >= 0; i--) {
    if (entries[i]!.toLowerCase().includes(q)) return i;
  }
  return -1;
}

/** The entries a search looks through. */
function searched(ctx: CommandContext, search: SearchState): readonly string[] {
  return search.hereOnly ? ctx.history : (ctx.historyAll ?? ctx.history);
}

function show(s: EditorState, ctx: CommandContext, search: SearchState, from: number): EditorState {
  if (search.query === '') return update(s, { search: { ...search, match: -1, failed: false }, doc: search.original });
  const entries = searched(ctx, search);
  const i = findOlder(entries, search.query, from);
  if (i < 0) return update(s, { search: Object.freeze({ ...search, failed: true }) });
  const text = entries[i]!;
  const at = text.toLowerCase().indexOf(search.query.toLowerCase());
  return update(s, { search: Object.freeze({ ...search, match: i, failed: false }), doc: new Document(text, at) });
}

/** The query's match range in the buffer, for highlighting. */
export function searchMatchRange(s: EditorState): { start: number; end: number } | undefined {
  const q = s.search;
  if (!q || q.match < 0 || q.failed || q.query === '') return undefined;
  const start = s.doc.text.toLowerCase().indexOf(q.query.toLowerCase());
  return start < 0 ? undefined : { start, end: start + q.query.length };
}

export function endSearch(s: EditorState, ctx?: CommandContext): EditorState {
  const q = s.search;
  if (!q || q.match < 0) return update(s, { search: undefined });
  // Up/Down go on from the match when it indexes their list (the current database's entries, a
  // subsequence of all: the same list when as long).
  const sameList = q.hereOnly || !ctx?.historyAll || ctx.historyAll.length === ctx.history.length;
  return update(s, { search: undefined, historyIndex: sameList ? q.match : undefined });
}

export const search: Record<string, Command> = {
  'search-start': (s, _k, ctx) => {
    if (s.search) {
      // Ctrl-R on an empty query: this database only, or every database again.
      if (s.search.query === '') return update(s, { search: Object.freeze({ ...s.search, hereOnly: !s.search.hereOnly }) });
      // Ctrl-R again: the next older match.
      const from = s.search.match < 0 ? searched(ctx, s.search).length - 1 : s.search.match - 1;
      const next = show(s, ctx, s.search, from);
      return next.search?.failed ? update(s, { search: { ...s.search, failed: true } }) : next;
    }
    return update(s, { search: Object.freeze({ query: '', match: -1, failed: false, original: s.doc }), menu: undefined });
  },
  'search-insert': (s, k, ctx) => {
    if (!s.search || !k.text) return s;
    const q = { ...s.search, query: s.search.query + k.text };
    return show(s, ctx, q, s.search.match < 0 ? searched(ctx, q).length - 1 : s.search.match);
  },
  'search-backspace': (s, _k, ctx) => {
    if (!s.search) return s;
    const q = { ...s.search, query: [...s.search.query].slice(0, -1).join('') };
    return show(s, ctx, q, searched(ctx, q).length - 1);
  },
  'search-cancel': (s) => (s.search ? update(s, { doc: s.search.original, search: undefined }) : s),
  'search-accept': (s, _k, ctx) => endSearch(s, ctx),
};
