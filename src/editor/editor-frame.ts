/** Everything the view needs for one frame, gathered from the editor's state and options. */
import type { SqlDialect } from '../sql/dialect.js';
import { inputStatus } from '../sql/input-status.js';
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
  const statusOpts = settings.delimiter ? { delimiter: settings.delimiter } : undefined;
  const statusOf = (t: string): string | undefined => inputStatus(t, dialect.lex, statusOpts).reason;
  const whole = lines.length > PER_LINE_REASONS ? statusOf(text) : undefined;
  const reasons = new Map<number, string | undefined>();
  // The continuation prompt of line n says why the text up to line n-1 is not a complete statement.
  const continuation = (lineNo: number): string => {
    if (!reasons.has(lineNo)) reasons.set(lineNo, whole ?? statusOf(lines.slice(0, lineNo - 1).join('\n')));
    return i.prompt.continuation(reasons.get(lineNo), lineNo);
  };
  const showSuggestion = state.doc.cursor === text.length && text !== '' && !text.includes('\n');
  const suggestion = showSuggestion ? i.history.suggest(text) : undefined;
  return layout({
    state,
    prompt: i.prompt.prompt,
    continuation,
    spans: theme.name === 'none' ? [] : highlight(text, dialect),
    theme,
    cols: i.cols,
    rows: i.rows,
    ...(suggestion ? { suggestion } : {}),
    ...(settings.toolbar !== false && !i.final ? { toolbar: toolbarText(settings, state, i.toolbarHints) } : {}),
    final: i.final,
    menuHeight: settings.menuHeight ?? 8,
  });
}

export function toolbarText(settings: EditorSettings, state: EditorState, hints?: string): string {
  const on = (b: boolean): string => (b ? 'ON' : 'off');
  const mode = settings.keyMode === 'vi' ? `Vi-${state.mode === 'vi-normal' ? 'normal' : 'insert'}` : 'Emacs';
  const base = ` [F2] Smart completion: ${on(settings.smartCompletion)}  [F3] Multi-line: ${on(settings.multiLine)}  [F4] ${mode}  [F1] Help`;
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
