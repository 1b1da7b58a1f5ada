/** Options of `complete`: all optional, plain data plus two callbacks supplied by the shell. */

export interface CompleteOptions {
  /** Context-aware completion (default true). False (the F2 toggle): keywords and names matching the prefix. */
  readonly smart?: boolean;
  /** Keyword case: 'upper', 'lower', or 'auto' = follow the user's typing (default 'auto'). */
  readonly keywordCase?: 'upper' | 'lower' | 'auto';
  /** At most this many candidates (default 100). */
  readonly maxResults?: number;
  /**
   * Recently used names -> weight (higher = more recent or more often). Ranked before unused names of the same match rank.
   * Keyed as the engine resolves a name: on PostgreSQL an unquoted name lower-cased and a quoted one exact; elsewhere lower case.
   */
  readonly recent?: ReadonlyMap<string, number>;
  /**
   * Meta-command names, with or without the leading backslash ('d', 'dt', '\\c'), or with their one-line help
   * (`{ name: '\\dt', summary: 'list tables' }`), shown as the candidate's detail.
   */
  readonly metaCommands?: readonly (string | MetaCommandName)[];
  /** Candidates for a meta-command's argument (other than files, databases and relations, which are built in). */
  readonly metaArgs?: (command: string, prefix: string) => readonly string[];
  /**
   * Entries of a directory for file-path completion: names, directories ending with '/'.
   * `dir` is the typed directory part ('' for the current directory, 'data/', '~/x/', '/tmp/'). No fs access happens otherwise.
   */
  readonly listFiles?: (dir: string) => readonly string[];
}

/** A backslash command for the menu: its name and its one-line help. */
export interface MetaCommandName {
  readonly name: string;
  readonly summary?: string;
}
