/**
 * COPY statements that move data through the client: `COPY table FROM STDIN`, `COPY (query) TO STDOUT`.
 * The server takes STDIN and STDOUT alike after either FROM or TO (`COPY t FROM STDOUT` reads from the
 * client, as psql sends it): the direction is the keyword's. A file or PROGRAM stays on the server.
 */
import type { LexOptions } from './dialect.js';
import { newScanState, scanToken } from './lexer.js';

/** 'in' for COPY ... FROM STDIN|STDOUT, 'out' for COPY ... TO STDOUT|STDIN, undefined for any other statement. */
export function copyStdioDirection(sql: string, lex: LexOptions): 'in' | 'out' | undefined {
  const st = newScanState();
  let pos = 0;
  let depth = 0;
  let first = true;
  let direction: 'in' | 'out' | undefined;
  while (pos < sql.length) {
    const start = pos;
    pos = scanToken(sql, lex, pos, first, st);
    if (st.type === 'space' || st.type === 'line-comment' || st.type === 'block-comment') continue;
    const word = st.type === 'word' ? sql.slice(start, pos).toLowerCase() : '';
    if (first) {
      if (word !== 'copy') return undefined;
      first = false;
      continue;
    }
    if (direction !== undefined) return word === 'stdin' || word === 'stdout' ? direction : undefined;
    if (st.type === 'punct' && sql[start] === '(') depth++;
    else if (st.type === 'punct' && sql[start] === ')') depth--;
    else if (depth === 0 && (word === 'from' || word === 'to')) direction = word === 'from' ? 'in' : 'out';
    else if (st.type === 'punct' && sql[start] === ';' && depth === 0) return undefined;
  }
  return undefined;
}
