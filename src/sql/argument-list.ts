/** A function signature's argument list as text ('a numeric(10, 2), b text'), for completion and the language server. */

/** Split an argument list at its top-level commas: 'a numeric(10, 2), b text' → two. */
export function splitArgs(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of args) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}
