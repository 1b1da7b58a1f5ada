/** Route one key to a command: Ctrl-R search first, then the open menu, then the mode's key map. */
import { commands } from './commands/index.js';
import { splitResult, type CommandContext, type Effect } from './commands/command.js';
import { closeMenu } from './commands/menu.js';
import { endSearch } from './commands/search.js';
import { clampNormal, viNormalKey } from './commands/vi.js';
import { update, type EditorState } from './editor-state.js';
import { isPrintable, type KeyPress } from './key-press.js';
import { emacsKeymap, menuKeymap, searchKeymap } from './keymaps/emacs.js';
import { viInsertKeymap, viInsertMenuKeymap, viNormalKeymap } from './keymaps/vi.js';

export interface KeyOutcome {
  readonly state: EditorState;
  readonly effect?: Effect;
  /** The command that ran, if any (the view uses it to decide whether to complete while typing). */
  readonly command?: string;
}

function runNamed(state: EditorState, name: string, key: KeyPress, ctx: CommandContext): KeyOutcome {
  const cmd = commands[name];
  if (!cmd) return { state };
  const { state: next, effect } = splitResult(cmd(state, key, ctx));
  return effect ? { state: next, effect, command: name } : { state: next, command: name };
}

export function handleKey(input: EditorState, key: KeyPress, ctx: CommandContext): KeyOutcome {
  let state = input.message !== undefined ? update(input, { message: undefined }) : input;

  if (state.search) {
    const name = searchKeymap[key.key] ?? (isPrintable(key) ? 'search-insert' : undefined);
    if (name) return runNamed(state, name, key, ctx);
    state = endSearch(state, ctx);
    if (key.key === 'enter' || key.key === 'c-j') return runNamed(state, 'accept-line', key, ctx);
  }

  if (state.menu) {
    const name = (state.mode === 'vi-insert' ? viInsertMenuKeymap : menuKeymap)[key.key];
    const enterWithoutSelection = key.key === 'enter' && state.menu.selected < 0;
    if (name && !enterWithoutSelection) return runNamed(state, name, key, ctx);
    state = closeMenu(state);
  }

  if (state.mode === 'vi-normal') {
    const name = viNormalKeymap[key.key];
    if (name) {
      const out = runNamed(update(state, { viPending: '' }), name, key, ctx);
      return out.state.mode === 'vi-normal' && name !== 'paste' ? { ...out, state: update(out.state, { doc: clampNormal(out.state.doc) }) } : out;
    }
    const { state: next, effect } = splitResult(viNormalKey(state, key, ctx));
    return effect ? { state: next, effect, command: 'vi' } : { state: next, command: 'vi' };
  }

  const map = state.mode === 'vi-insert' ? viInsertKeymap : emacsKeymap;
  const name = map[key.key] ?? (isPrintable(key) ? 'self-insert' : undefined);
  return name ? runNamed(state, name, key, ctx) : { state };
}
