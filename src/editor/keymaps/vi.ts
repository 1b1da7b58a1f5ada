/**
 * Vi bindings. Insert mode uses the emacs table plus these overrides; normal mode keys are parsed
 * by the vi command grammar (counts, operators, motions) in commands/vi.ts, after this table.
 */
import { emacsKeymap, menuKeymap } from './emacs.js';

export const viInsertKeymap: Readonly<Record<string, string>> = Object.freeze({
  ...emacsKeymap,
  escape: 'vi-normal-mode',
  'c-[': 'vi-normal-mode',
});

/**
 * The completion menu in insert mode: as in vim's popup menu, one Esc leaves insert mode and
 * closes the menu, keeping the text as it is (with a choice previewed, that choice).
 */
export const viInsertMenuKeymap: Readonly<Record<string, string>> = Object.freeze({
  ...menuKeymap,
  escape: 'vi-normal-mode',
  'c-[': 'vi-normal-mode',
});

/** Named keys in normal mode, handled before the vi grammar sees printable keys. */
export const viNormalKeymap: Readonly<Record<string, string>> = Object.freeze({
  left: 'backward-char',
  right: 'forward-char',
  up: 'previous-line',
  down: 'next-line',
  home: 'beginning-of-line',
  end: 'end-of-line',
  backspace: 'backward-char',
  delete: 'delete-forward',
  'c-c': 'abort-line',
  'c-d': 'delete-or-eof',
  'c-l': 'clear-screen',
  'c-r': 'search-start',
  'c-z': 'suspend',
  'm-enter': 'newline',
  f1: 'help',
  f2: 'toggle-smart-completion',
  f3: 'toggle-multi-line',
  f4: 'toggle-key-mode',
  f5: 'explain-buffer',
  paste: 'paste',
  tab: 'complete',
});
