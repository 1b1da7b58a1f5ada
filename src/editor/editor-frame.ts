/** Everything the view needs for one frame, gathered from the editor's state and options. */
import type { SqlDialect } from '../sql/dialect.js';
import { editorStatusOptions, inputStatus } from '../sql/input-status.js';
import type { Document } from './document.js';
import type { EditorSettings } from './editor-settings.js';
import type { EditorState, MenuState } from './editor-state.js';
import { highlight } from './highlight.js';
import type { History } from './history.js';
import { layout, type Frame } from './layout.js';
import { pickTheme } from './themes.js';

export interface FrameInput {
  readonly state: EditorState;
  readonly prompt: { readonly prompt: string; continuation(reason: string | undefined, lineNo: number): string };
  readonly settings: EditorSettings;
  readonly dialect: SqlDialect;
  readonly history: Pick<History, 'suggest'>;
  readonly cols: number;
  readonly rows: number;
  readonly colorDepth?: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly toolbarHints?: string;
  readonly final: boolean;
}

/** Lines beyond this many get the whole buffer's reason instead of one lexing per line. */
const PER_LINE_REASONS = 50;

export function buildFrame(i: FrameInput): Frame {
  const { settings, dialect, state } = i;
  const theme = pickTheme({ name: settings.theme, color: settings.color, colorDepth: i.colorDepth, env: i.env });
  const text = state.doc.text;
  const lines = text.split('\n');
  const statusOpts = editorStatusOptions(dialect, settings.delimiter);
  const statusOf = (t: string): string | undefined => inputStatus(t, dialect.lex, statusOpts).reason;
  const manyLines = lines.length > PER_LINE_REASONS;
  const whole = manyLines ? statusOf(text) : undefined;
  const reasons = new Map<number, string | undefined>();
  // The continuation prompt of line n says why the text up to line n-1 is not a complete statement.
  const continuation = (lineNo: number): string => {
    if (!reasons.has(lineNo)) reasons.set(lineNo, manyLines ? whole : statusOf(lines.slice(0, lineNo - 1).join('\n')));
    return i.prompt.continuation(reasons.get(lineNo), lineNo);
  };
  const showSuggestion = state.doc.cursor === text.length && text !== '' && !text.includes('\n');
  const suggestion = showSuggestion ? i.history.suggest(text) : undefined;
  const window = i.final ? undefined : visibleLines(lines, state.doc.row, i.rows);
  return layout({
    state,
    prompt: i.prompt.prompt,
    continuation,
    spans: theme.name === 'none' ? [] : highlight(text, dialect, window),
    ...(window ? { window } : {}),
    theme,
    cols: i.cols,
    rows: i.rows,
    ...(suggestion ? { suggestion } : {}),
    ...(settings.toolbar !== false && !i.final ? { toolbar: toolbarText(settings, state, i.toolbarHints) } : {}),
    final: i.final,
    menuHeight: settings.menuHeight ?? 8,
  });
}

/**
 * For a buffer taller than the screen, the lines that can be on it: the window of rows shown keeps
 * the cursor's row in view (layout.ts), so no line more than a screen away from the cursor's line
 * is. Laying out and highlighting only these keeps a keystroke's cost independent of the buffer's
 * length. The window has more than a screenful of lines, so layout leaves out the menu and toolbar
 * exactly as it would for the whole buffer.
 */
export function visibleLines(lines: readonly string[], cursorLine: number, screenRows: number): { start: number; end: number; firstLine: number } | undefined {
  const reach = Math.max(1, screenRows) + 1;
  if (lines.length <= 2 * reach + 1) return undefined;
  const first = Math.max(0, cursorLine - reach);
  const last = Math.min(lines.length - 1, cursorLine + reach);
  let start = 0;
  for (let l = 0; l < first; l++) start += lines[l]!.length + 1;
  let end = start;
  for (let l = first; l <= last; l++) end += lines[l]!.length + (l < last ? 1 : 0);
  return { start, end, firstLine: first };
}

export function toolbarText(settings: EditorSettings, state: EditorState, hints?: string): string {
  const on = (b: boolean): string => (b ? 'ON' : 'off');
  const mode = settings.keyMode === 'vi' ? `Vi-${state.mode === 'vi-normal' ? 'normal' : 'insert'}` : 'Emacs';
  const base = ` [F2] Smart completion: ${on(settings.smartCompletion)}  [F3] Multi-line: ${on(settings.multiLine)}  [F4] ${mode}  [F5] Plan  [F1] Help`;
  return hints ? `${base}  ${hints}` : base;
}

/** The candidates of `menu` that still match the word being typed in `doc`, for display only. */
export function narrowMenu(menu: MenuState, doc: Document): MenuState | undefined {
  const start = menu.items[0]?.replace.start ?? doc.cursor;
  if (start > doc.cursor) return undefined;
  const word = doc.text.slice(start, doc.cursor).toLowerCase().replace(/^["`[]/, '');
  if (/\s/.test(word)) return undefined;
  const items = menu.items.filter((c) => (c.display ?? c.text).toLowerCase().replace(/^["`[]/, '').startsWith(word));
  return items.length ? Object.freeze({ items, origin: doc, selected: -1 }) : undefined;
}
