/** The whole state of the line editor as immutable plain data. */
import type { Completion } from '../complete/completion.js';
import { Document } from './document.js';

export type EditMode = 'emacs' | 'vi-insert' | 'vi-normal';

export interface MenuState {
  /** Candidates computed for `origin` (text and cursor at the time of the request). */
  readonly items: readonly Completion[];
  readonly origin: Document;
  /** Selected index, or -1 when nothing is selected yet (the buffer shows `origin`). */
  readonly selected: number;
}

export interface SearchState {
  readonly query: string;
  /** Index into the history entries of the current match, or -1 for none. */
  readonly match: number;
  readonly failed: boolean;
  /** The buffer before the search began (restored on cancel). */
  readonly original: Document;
  /** Only entries typed on the current database (Ctrl-R on an empty query switches); default: all. */
  readonly hereOnly?: boolean;
}

export interface EditorState {
  readonly doc: Document;
  readonly mode: EditMode;
  readonly menu?: MenuState;
  /** Index of the history entry shown, or undefined while editing the draft. */
  readonly historyIndex?: number;
  /** The text being edited before history navigation began. */
  readonly draft: string;
  readonly search?: SearchState;
  readonly killRing: readonly string[];
  readonly undo: readonly Document[];
  /** Vi normal mode: keys typed so far of an incomplete command (count, operator...). */
  readonly viPending: string;
  /** A one-off line shown under the buffer (help hint, toggle notice). */
  readonly message?: string;
}

export function initialState(text = '', mode: EditMode = 'emacs'): EditorState {
  return Object.freeze({
    doc: new Document(text),
    mode,
    draft: '',
    killRing: Object.freeze([]),
    undo: Object.freeze([]),
    viPending: '',
  });
}

/** Shallow update that keeps the result frozen; `undefined` values remove optional fields. */
export function update(s: EditorState, patch: Partial<EditorState>): EditorState {
  const next: Record<string, unknown> = { ...s, ...patch };
  for (const k of Object.keys(patch)) if ((patch as Record<string, unknown>)[k] === undefined) delete next[k];
  return Object.freeze(next) as unknown as EditorState;
}

const UNDO_LIMIT = 200;

/** Set a new document, remembering the old one for undo when the text changed. */
export function edit(s: EditorState, doc: Document): EditorState {
  if (doc.text === s.doc.text) return update(s, { doc });
  const undo = [...s.undo.slice(-UNDO_LIMIT + 1), s.doc];
  return update(s, { doc, undo: Object.freeze(undo), historyIndex: undefined });
}
