/** Per-engine SQL facts as plain data: lexical flags, keywords, functions, types, quoting rules. */

export type EngineId = 'sqlite' | 'postgres' | 'mysql' | 'duckdb';

export const ENGINE_IDS: readonly EngineId[] = Object.freeze(['sqlite', 'postgres', 'mysql', 'duckdb']);

/** Lexical switches: the only differences between dialects that the lexer needs to know. */
export interface LexOptions {
  /** PostgreSQL/DuckDB $$...$$ and $tag$...$tag$ strings. */
  readonly dollarQuotes: boolean;
  /** PostgreSQL: /* /* nested *\/ *\/ comments. */
  readonly nestedComments: boolean;
  /** MySQL: # starts a line comment. */
  readonly hashComments: boolean;
  /** MySQL (and SQLite): `identifier`. */
  readonly backtickIdents: boolean;
  /** SQLite: [identifier]. */
  readonly bracketIdents: boolean;
  /** MySQL: backslash escapes inside '...' and "..." strings. (E'...' strings always honour backslashes where eStrings is on.) */
  readonly backslashEscapes: boolean;
  /** PostgreSQL: E'...' strings with backslash escapes. */
  readonly eStrings: boolean;
  /** MySQL: "..." is a string, not an identifier (the default sql_mode). */
  readonly doubleQuoteStrings: boolean;
  /**
   * MySQL: `/*!`, `/*!NNNNN`, `/*M!` and `/*M!NNNNN` open an executable comment, whose content the server
   * runs as SQL (when its version is at least NNNNN) and the mysql client reads as SQL: a `;` inside ends
   * the statement, a comment inside is a comment, and one made of such comments only is a statement.
   * The opening mark and the closing `*\/` are 'executable-comment' tokens; what is between is lexed as SQL.
   */
  readonly executableComments?: boolean;
  /** MySQL: `--` starts a comment only when followed by whitespace, a control character or the end of input. */
  readonly dashCommentNeedsSpace?: boolean;
  /**
   * MySQL client: argument-less commands such as \G, \g, \c are two characters when the letter is not
   * followed by another letter (`select 1\G select 2`); the rest of the line is more input. A backslash
   * command at the start of a statement, or a longer name (`\conninfo`, `\pset`, `\gx`), takes the whole line.
   */
  readonly shortBackslashCommands?: boolean;
  /** PostgreSQL: U&'...' strings and U&"..." identifiers with Unicode escapes (one token each). */
  readonly unicodeStrings?: boolean;
  /**
   * psql: `\;` is a `;` that does not end the statement: the parts go to the server in one request.
   * One 'punct' token whose text is `\;` (the splitter reads on; run-script sends the parts together).
   */
  readonly escapedSemicolon?: boolean;
  /**
   * psql: `\\` ends a backslash command's arguments and what follows on the line is SQL (`\x \\ select 1;`).
   * The backslash token then ends after the `\\`.
   */
  readonly metaSeparator?: boolean;
}

export interface SqlDialect {
  readonly id: EngineId;
  /** Human name: 'SQLite', 'PostgreSQL', 'MySQL/MariaDB', 'DuckDB'. */
  readonly name: string;
  readonly lex: LexOptions;
  /** Upper-case keywords known to this dialect (for highlighting and completion). */
  readonly keywords: ReadonlySet<string>;
  /** Upper-case reserved words: an identifier spelled like one must be quoted. */
  readonly reserved: ReadonlySet<string>;
  /** Built-in function names, lower case. */
  readonly functions: readonly string[];
  /** Built-in type names, lower case. */
  readonly datatypes: readonly string[];
  /** How unquoted identifiers are folded by the engine: PostgreSQL 'lower', others 'none' (case-insensitive or preserved). */
  readonly identifierFolding: 'lower' | 'none';
  /** Quote an identifier for this dialect, doubling the quote character inside. */
  quoteIdent(name: string): string;
  /** True when `name` cannot be written bare (reserved word, special characters, or case folding would change it). */
  needsQuoting(name: string): boolean;
}
