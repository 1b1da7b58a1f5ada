/**
 * MySQL/MariaDB statements that have the client send a file of its own: `LOAD DATA [LOW_PRIORITY |
 * CONCURRENT] LOCAL INFILE 'file' ...` and `LOAD XML LOCAL INFILE`. The engine serves the server's
 * request for a file only for a statement that, as sent, starts so (as the client's library: one
 * after a comment, sent as ` LOAD ...`, is refused), and the sandbox mode refuses them before they are sent.
 */
const LOCAL_LOAD = /^LOAD\s+(?:DATA|XML)\s+(?:(?:LOW_PRIORITY|CONCURRENT)\s+)?LOCAL\s/i;
/** Blanks and comments (not executable ones) before a statement's first word. */
const LEADING = /^(?:\s|\/\*(?![!+])[^]*?\*\/|(?:--\s|#)[^\n]*(?:\n|$))*/;

/** The statement, exactly as sent, may have the server ask for a local file. */
export function loadsLocalFile(sql: string): boolean {
  return LOCAL_LOAD.test(sql);
}

/** The statement, after blanks and comments, reads a local file (what the sandbox mode refuses). */
export function readsLocalFile(sql: string): boolean {
  return LOCAL_LOAD.test(sql.replace(LEADING, ''));
}
