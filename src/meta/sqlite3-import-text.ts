/**
 * The text of a sqlite3 `.import`, read as sqlite3 3.40 reads it (checked against the 3.40.1 binary):
 * records end at the row separator and fields at the column separator, both one character.
 * - `quotes` (every mode but ascii): a field that starts with `"` runs to the `"` before a separator or the
 *   end (`""` is one `"`; a `"` before anything else is kept, with a warning); in a field without quotes a
 *   `\r` before a `\n` row separator is dropped; an empty line is a record of one empty field.
 * - ascii (no quotes): the separators only.
 * A separator at the very end starts no record. Each record knows the line it starts on.
 */

export interface ImportRecord {
  readonly fields: readonly string[];
  /** 1-based line the record starts on. */
  readonly line: number;
  /** What sqlite3 warns about while reading it (`unescaped " character`), with the line. */
  readonly warnings?: readonly { readonly line: number; readonly text: string }[];
}

export interface ImportTextOptions {
  readonly col: string;
  readonly row: string;
  readonly quotes: boolean;
}

/** The records of `text`, each with the warnings sqlite3 writes while reading it. */
export function readImportText(text: string, o: ImportTextOptions): readonly ImportRecord[] {
  const records: ImportRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const warnings: { line: number; text: string }[] = [];
    const fields: string[] = [];
    // one record: fields up to the row separator (or the end)
    for (;;) {
      let field = '';
      let endedBy: 'col' | 'row' | 'end' = 'end';
      if (o.quotes && text[i] === '"') {
        const quoteLine = line;
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i]!;
          if (c === '"') {
            const next = text[i + 1];
            if (next === '"') {
              field += '"';
              i += 2;
              continue;
            }
            if (next === undefined || next === o.col || next === o.row || (next === '\r' && o.row === '\n' && text[i + 1 + 1] === '\n')) {
              i += next === '\r' ? 2 : 1;
              closed = true;
              break;
            }
            warnings.push({ line, text: 'unescaped " character' });
            field += '"';
            i++;
            continue;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (!closed) warnings.push({ line: quoteLine, text: 'unterminated "-quoted field' });
      } else {
        while (i < n && text[i] !== o.col && text[i] !== o.row) {
          if (text[i] === '\n') line++;
          field += text[i++];
        }
        if (o.quotes && o.row === '\n' && field.endsWith('\r') && text[i] === '\n') field = field.slice(0, -1);
      }
      if (i < n && (text[i] === o.col || text[i] === o.row)) {
        endedBy = text[i] === o.col ? 'col' : 'row';
        if (text[i] === '\n') line++;
        i++;
      }
      fields.push(field);
      if (endedBy !== 'col') break;
    }
    records.push(warnings.length > 0 ? { fields, line: start, warnings } : { fields, line: start });
  }
  return records;
}

/**
 * The columns sqlite3 3.40 gives a table `.import` creates from a header: an empty name is `?`; names that
 * appear more than once (in any case) each get `_N`, N its column's position from 1. `renamed`: [old, new] pairs.
 */
export function importColumnNames(header: readonly string[]): { readonly names: readonly string[]; readonly renamed: readonly (readonly [string, string])[] } {
  const base = header.map((h) => (h === '' ? '?' : h));
  const count = new Map<string, number>();
  for (const b of base) count.set(b.toLowerCase(), (count.get(b.toLowerCase()) ?? 0) + 1);
  const renamed: [string, string][] = [];
  const names = base.map((b, k) => {
    if ((count.get(b.toLowerCase()) ?? 0) < 2) return b;
    const to = `${b}_${k + 1}`;
    renamed.push([b, to]);
    return to;
  });
  return { names, renamed };
}

/** The CREATE TABLE sqlite3 3.40 writes for them: `"name" TEXT` each, a line break after every fourth. */
export function importCreateTable(qualifiedTable: string, names: readonly string[]): string {
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  let sql = `CREATE TABLE ${qualifiedTable}(\n`;
  names.forEach((name, k) => {
    if (k > 0) sql += k % 4 === 0 ? ',\n ' : ', ';
    sql += `${q(name)} TEXT`;
  });
  return `${sql})`;
}
