/**
 * Parses the arguments of \copy: `(query) TO 'file' [WITH] (FORMAT csv, HEADER)` or
 * `table [(cols)] FROM 'file' [csv options]`, in the new (parenthesised) or the old word syntax.
 */

export interface CopySpec {
  readonly direction: 'to' | 'from';
  /** TO: the query (without parentheses); undefined when a table was given. */
  readonly query?: string;
  /** The table as written (may be schema-qualified or quoted). */
  readonly table?: string;
  /** The column list as written, without parentheses. */
  readonly columns?: string;
  /** undefined: STDOUT / STDIN (see `stdio`). */
  readonly file?: string;
  /** STDIN / STDOUT: the script's own lines (or the shell's), PSTDIN / PSTDOUT: the process's standard input and output. */
  readonly stdio?: 'stdin' | 'pstdin' | 'stdout' | 'pstdout';
  readonly format: 'csv' | 'text';
  readonly header: boolean;
  readonly delimiter: string;
  readonly nullString: string;
  readonly quote: string;
}

type Parsed = { readonly ok: true; readonly spec: CopySpec } | { readonly ok: false; readonly error: string };

/** Reads a balanced (...) group starting at s[i] === '(' ; returns the inside and the index after ')'. */
function group(s: string, i: number): [string, number] | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let j = i; j < s.length; j++) {
    const ch = s[j]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return [s.slice(i + 1, j), j + 1];
  }
  return undefined;
}

/** Option words: 'x', "x", or bare words; parentheses and commas separate. */
function words(s: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:'((?:[^']|'')*)'|"((?:[^"]|"")*)"|([^\s,()']+)|([,()]))/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[1] !== undefined) out.push(`'${m[1].replace(/''/g, "'")}`);
    else if (m[2] !== undefined) out.push(m[2]);
    else if (m[3] !== undefined) out.push(m[3]);
    if (re.lastIndex >= s.length) break;
  }
  return out;
}

const str = (w: string | undefined): string | undefined => (w === undefined ? undefined : w.startsWith("'") ? w.slice(1) : w);

export function parseCopy(raw: string): Parsed {
  // psql reads a `;` as a word of its own and ends there: `\copy t to stdout;` is stdout, not a file named `stdout;`
  const s = raw.trim().replace(/\s*;+$/, '');
  let i = 0;
  let query: string | undefined;
  let table: string | undefined;
  let columns: string | undefined;
  if (s.startsWith('(')) {
    const g = group(s, 0);
    if (!g) return { ok: false, error: 'the query in parentheses is not closed' };
    query = g[0].trim();
    i = g[1];
  } else {
    const m = /^((?:"(?:[^"]|"")*"|`[^`]*`|[^\s(."`]+)(?:\.(?:"(?:[^"]|"")*"|`[^`]*`|[^\s(."`]+))*)\s*/.exec(s);
    if (!m) return { ok: false, error: 'give a table name or a (query)' };
    table = m[1]!;
    i = m[0].length;
    if (s[i] === '(') {
      const g = group(s, i);
      if (!g) return { ok: false, error: 'the column list is not closed' };
      columns = g[0].trim();
      i = g[1];
    }
  }
  const rest = words(s.slice(i));
  const dir = rest.shift()?.toLowerCase();
  if (dir !== 'to' && dir !== 'from') return { ok: false, error: 'expected FROM or TO after the table or query' };
  if (dir === 'from' && query !== undefined) return { ok: false, error: 'FROM needs a table, not a query' };
  const target = rest.shift();
  if (target === undefined) return { ok: false, error: `expected a file name after ${dir.toUpperCase()}` };
  const bare = target.toLowerCase();
  const file = !target.startsWith("'") && ['stdout', 'stdin', 'pstdout', 'pstdin'].includes(bare) ? undefined : str(target)!;
  const stdio = file === undefined ? (bare as NonNullable<CopySpec['stdio']>) : undefined;
  if (stdio && (dir === 'from') !== stdio.endsWith('stdin')) return { ok: false, error: `${dir.toUpperCase()} ${bare.toUpperCase()}: ${dir === 'from' ? 'read from STDIN or PSTDIN' : 'write to STDOUT or PSTDOUT'}` };
  let format: 'csv' | 'text' | undefined;
  let header = false;
  let delimiter: string | undefined;
  let nullString: string | undefined;
  let quote = '"';
  const opts = rest.filter((w) => w !== '(' && w !== ')' && w !== ',' && w.toLowerCase() !== 'with');
  for (let k = 0; k < opts.length; k++) {
    const w = opts[k]!.toLowerCase();
    const next = (): string | undefined => {
      if (opts[k + 1]?.toLowerCase() === 'as') k++;
      return str(opts[++k]);
    };
    if (w === 'csv') format = 'csv';
    else if (w === 'text') format = 'text';
    else if (w === 'format') {
      const f = next()?.toLowerCase();
      if (f !== 'csv' && f !== 'text') return { ok: false, error: `unsupported FORMAT ${JSON.stringify(f ?? '')}; use csv or text` };
      format = f;
    } else if (w === 'header') {
      const v = opts[k + 1]?.toLowerCase();
      if (v && ['true', 'false', 'on', 'off', '1', '0'].includes(v)) {
        header = ['true', 'on', '1'].includes(v);
        k++;
      } else header = true;
    } else if (w === 'delimiter') delimiter = next();
    else if (w === 'null') nullString = next();
    else if (w === 'quote') quote = next() ?? '"';
    else if (w === 'encoding') next();
    else return { ok: false, error: `unknown option ${JSON.stringify(opts[k])}; options: FORMAT, HEADER, DELIMITER, NULL, QUOTE` };
  }
  format ??= file !== undefined && /\.csv$/i.test(file) ? 'csv' : 'text';
  delimiter ??= format === 'csv' ? ',' : '\t';
  if ([...delimiter].length !== 1) return { ok: false, error: `DELIMITER must be one character, got ${JSON.stringify(delimiter)}` };
  if ([...quote].length !== 1) return { ok: false, error: `QUOTE must be one character, got ${JSON.stringify(quote)}` };
  return {
    ok: true,
    spec: Object.freeze({
      direction: dir,
      ...(query !== undefined ? { query } : {}),
      ...(table !== undefined ? { table } : {}),
      ...(columns !== undefined ? { columns } : {}),
      ...(file !== undefined ? { file } : {}),
      ...(stdio !== undefined ? { stdio } : {}),
      format,
      header,
      delimiter,
      nullString: nullString ?? (format === 'csv' ? '' : '\\N'),
      quote,
    }),
  };
}
