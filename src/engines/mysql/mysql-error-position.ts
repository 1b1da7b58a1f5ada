/**
 * Best-effort 0-based position of a MySQL syntax error: the server says
 * "... near 'rest of the statement' at line N"; find that text on or after line N.
 */
export function mysqlErrorPosition(sql: string, message: string): number | undefined {
  const m = /near '([\s\S]*)' at line (\d+)\s*$/.exec(message);
  if (!m) return undefined;
  const near = m[1]!;
  const line = Number(m[2]);
  let lineStart = 0;
  for (let i = 1; i < line; i++) {
    const nl = sql.indexOf('\n', lineStart);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  if (near === '') return sql.replace(/[\s;]+$/, '').length;
  // The server quotes at most ~80 characters of the rest; search progressively shorter prefixes.
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
