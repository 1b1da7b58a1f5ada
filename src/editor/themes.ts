/**
 * Colour themes: a style class -> SGR parameters ('' = terminal default). 'dark' and 'light' use
 * the 256-colour palette, 'basic' only the 16 standard colours; 'none' is used when colour is off
 * (NO_COLOR, --no-color, a non-colour terminal) and keeps only reverse/underline/dim attributes.
 */
export type TokenStyle =
  | 'keyword' | 'function' | 'identifier' | 'quoted-ident' | 'string' | 'number' | 'comment'
  | 'operator' | 'punct' | 'param' | 'backslash' | 'unterminated' | 'other' | 'space';

export type UiStyle =
  | 'prompt' | 'continuation' | 'suggestion' | 'search-match' | 'search-prompt'
  | 'menu' | 'menu-selected' | 'menu-detail' | 'menu-detail-selected' | 'menu-scrollbar'
  | 'toolbar' | 'message';

export type StyleClass = TokenStyle | UiStyle;

export type Theme = Readonly<Record<StyleClass, string>> & { readonly name: string };

const base = {
  identifier: '', punct: '', space: '', other: '', prompt: '', continuation: '',
} as const;

const dark: Theme = Object.freeze({
  ...base, name: 'dark',
  keyword: '1;38;5;75', function: '38;5;80', 'quoted-ident': '38;5;179', string: '38;5;114', number: '38;5;209',
  comment: '3;38;5;245', operator: '38;5;176', param: '38;5;215', backslash: '1;38;5;170', unterminated: '4;38;5;203',
  suggestion: '38;5;242', 'search-match': '1;4;38;5;226', 'search-prompt': '38;5;250',
  menu: '38;5;252;48;5;237', 'menu-selected': '38;5;16;48;5;117', 'menu-detail': '38;5;246;48;5;237',
  'menu-detail-selected': '38;5;16;48;5;110', 'menu-scrollbar': '48;5;244', toolbar: '38;5;252;48;5;236', message: '38;5;180',
});

const light: Theme = Object.freeze({
  ...base, name: 'light',
  keyword: '1;38;5;25', function: '38;5;30', 'quoted-ident': '38;5;130', string: '38;5;28', number: '38;5;166',
  comment: '3;38;5;244', operator: '38;5;91', param: '38;5;130', backslash: '1;38;5;90', unterminated: '4;38;5;160',
  suggestion: '38;5;248', 'search-match': '1;4;38;5;161', 'search-prompt': '38;5;240',
  menu: '38;5;235;48;5;254', 'menu-selected': '38;5;231;48;5;25', 'menu-detail': '38;5;242;48;5;254',
  'menu-detail-selected': '38;5;231;48;5;31', 'menu-scrollbar': '48;5;246', toolbar: '38;5;235;48;5;252', message: '38;5;94',
});

const basic: Theme = Object.freeze({
  ...base, name: 'basic',
  keyword: '1;34', function: '36', 'quoted-ident': '33', string: '32', number: '35',
  comment: '90', operator: '35', param: '33', backslash: '1;35', unterminated: '4;31',
  suggestion: '90', 'search-match': '1;4;33', 'search-prompt': '',
  menu: '30;47', 'menu-selected': '97;44', 'menu-detail': '90;47', 'menu-detail-selected': '37;44',
  'menu-scrollbar': '100', toolbar: '30;47', message: '33',
});

const none: Theme = Object.freeze({
  ...base, name: 'none',
  keyword: '', function: '', 'quoted-ident': '', string: '', number: '', comment: '', operator: '', param: '',
  backslash: '', unterminated: '4', suggestion: '2', 'search-match': '4', 'search-prompt': '',
  menu: '', 'menu-selected': '7', 'menu-detail': '', 'menu-detail-selected': '7', 'menu-scrollbar': '7',
  toolbar: '7', message: '',
});

export const themes: Readonly<Record<string, Theme>> = Object.freeze({ dark, light, basic, none });

export interface ThemeChoice {
  readonly name: string;
  /** False for --no-color or a setting that turns colour off. */
  readonly color?: boolean;
  /** From tty.WriteStream.getColorDepth(): 1, 4, 8 or 24. */
  readonly colorDepth?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The theme to use: 'none' when colour is off, 'basic' on a 16-colour terminal, else the named one. */
export function pickTheme(c: ThemeChoice): Theme {
  const env = c.env ?? {};
  if (c.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb' || c.colorDepth === 1) return none;
  const chosen = themes[c.name] ?? dark;
  if (c.colorDepth !== undefined && c.colorDepth < 8 && chosen !== none) return basic;
  return chosen;
}
