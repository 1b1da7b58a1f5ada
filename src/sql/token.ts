/** The lexer's output: immutable tokens that cover the input exactly, in order, with no gaps. */

export type TokenType =
  | 'space' // spaces, tabs, newlines
  | 'line-comment' // -- ... or # ... (MySQL), up to but not including the newline
  | 'block-comment' // /* ... */ (nested in PostgreSQL)
  | 'executable-comment' // MySQL: the marks of /*!NNNNN ... */ and /*M!NNNNN ... */ (the opening and the `*/`); what is between is SQL
  | 'word' // bare word: keyword or unquoted identifier (the lexer does not decide which)
  | 'quoted-ident' // "ident", `ident`, [ident]
  | 'string' // '...', E'...', $tag$...$tag$, X'..', B'..', N'..', "..." in MySQL
  | 'number' // 42, 3.14, 1e10, 0x1F, .5
  | 'param' // $1, ?, :name, @name (bind parameters and MySQL @variables)
  | 'operator' // + - * / = <> != <= >= || :: -> ->> etc.
  | 'punct' // ( ) , ; . [ ]
  | 'backslash' // a backslash meta-command: from '\' to the end of the line
  | 'other'; // any character no rule claims (never an error: the lexer is total)

export interface Token {
  readonly type: TokenType;
  readonly text: string;
  /** Offset of the first character in the input (UTF-16 code units, like JS string indices). */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  /** True for a string, quoted identifier or block comment that the input ends inside of. */
  readonly unterminated?: boolean;
}

/** Tokens that carry no SQL meaning of their own: whitespace, comments, and the marks of a MySQL executable comment (its content is SQL). */
export function isTrivia(t: { readonly type: TokenType }): boolean {
  return t.type === 'space' || t.type === 'line-comment' || t.type === 'block-comment' || t.type === 'executable-comment';
}
