/**
 * The text the mysql/mariadb client sends for a statement of a script: by default (`--skip-comments`)
 * it drops every comment (`-- ...`, `# ...`, `/* ... *\/`) and keeps the rest as written, spaces and
 * line breaks around a comment included (a block comment right before a token leaves one space), so a
 * procedure body reaches the server without its comments.
 * Kept: `/*! ... *\/` and `/*M! ... *\/` (executable comments: the server runs them; the lexer reads
 * their content as SQL, so comments inside are dropped as the client drops them) and, unlike the
 * mariadb client, `/*+ ... *\/` optimizer hints (the mysql client keeps them; dropping one silently
 * would change a plan). A client command inside the statement (`\\-`, run when it was read) is not sent either.
 * Strings, quoted names and the text around them are never touched.
 */
import type { LexOptions } from './dialect.js';
import { newScanState, scanToken } from './lexer.js';

export function mysqlClientText(sql: string, lex: LexOptions): string {
  if (!sql.includes('--') && !sql.includes('#') && !sql.includes('/*') && !sql.includes('\\-')) return sql;
  const st = newScanState();
  let out = '';
  let copied = 0;
  for (let pos = 0; pos < sql.length; ) {
    const end = scanToken(sql, lex, pos, false, st);
    const comment = st.type === 'line-comment' || (st.type === 'block-comment' && !sql.startsWith('/*+', pos));
    if (st.type === 'backslash') {
      // a command read inside the statement (`\\-`, already run): not sent
      out += sql.slice(copied, pos);
      copied = end;
    } else if (comment) {
      // a block comment right before a token becomes one space (`1/* c */as` -> `1 as`), as the client writes it
      out += sql.slice(copied, pos) + (st.type === 'block-comment' && end < sql.length && !/\s/.test(sql[end]!) ? ' ' : '');
      copied = end;
    }
    pos = end;
  }
  return (out + sql.slice(copied)).trimEnd();
}
