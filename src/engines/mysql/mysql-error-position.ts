/**
 * Best-effort 0-based position of a MySQL syntax error: the server says
 * "... near 'rest of the statement' at line N". The near-text is the rest of the statement from the
 * bad token on, so when the statement ends with it the position is `length - near.length` (trailing
 * whitespace and ';' ignored). The server quotes at most ~80 characters, so a longer rest arrives cut
 * short: then the text is searched for on or after line N.
 */
export function mysqlErrorPosition(sql: string, message: string): number | undefined {
  const m = /near '([\s\S]*)' at line (\d+)\s*$/.exec(message);
  if (!m) return undefined;
  const near = m[1]!;
  const line = Number(m[2]);
  const body = sql.replace(/[\s;]+$/, '');
  const tail = near.replace(/[\s;]+$/, '');
  if (tail === '') return body.length;
  if (body.endsWith(tail)) return body.length - tail.length;
  let lineStart = 0;
  for (let i = 1; i < line; i++) {
    const nl = sql.indexOf('\n', lineStart);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  // A cut-short near-text: search progressively shorter prefixes.
  for (const len of [near.length, 40, 20, 10, 5]) {
    const probe = near.slice(0, len);
    if (!probe) continue;
    const at = sql.indexOf(probe, lineStart);
    if (at >= 0) return at;
    const anywhere = sql.indexOf(probe);
    if (anywhere >= 0) return anywhere;
  }
  return lineStart < sql.length ? lineStart : undefined;
}
