/**
 * The sqlite3 shell's explain mode (3.40), as `.explain on`, `.explain auto` (an EXPLAIN statement) and `.eqp full`
 * write: the first eight columns at fixed widths (4, 13, 4, 4, 4, 13, 2, 13) two spaces apart, the names cut to
 * their width and padded, the values neither cut nor padded in the last column; a header and its rule always.
 * An EXPLAIN listing (addr, opcode, p1 ... comment) indents its opcodes two spaces per loop around them: the rows
 * a backward jump of a Next, Prev, VNext, VPrev, SorterNext or Return goes over, and those of a backward Goto to
 * a Yield, SeekLT, SeekGT, RowSetRead or Rewind (or one with p1 set). A trigger's program, listed after the
 * statement's with its addresses from 0 again, is indented by its own jumps.
 */

export const EXPLAIN_WIDTHS: readonly number[] = Object.freeze([4, 13, 4, 4, 4, 13, 2, 13]);
export const EXPLAIN_COLUMNS: readonly string[] = Object.freeze(['addr', 'opcode', 'p1', 'p2', 'p3', 'p4', 'p5', 'comment']);

const LOOP_ENDS: ReadonlySet<string> = new Set(['Next', 'Prev', 'VNext', 'VPrev', 'SorterNext', 'Return']);
const LOOP_STARTS: ReadonlySet<string> = new Set(['Yield', 'SeekLT', 'SeekGT', 'RowSetRead', 'Rewind']);

/** The columns are an EXPLAIN listing's. */
export function isExplainListing(names: readonly string[]): boolean {
  return names.length === EXPLAIN_COLUMNS.length && names.every((n, i) => n === EXPLAIN_COLUMNS[i]);
}

/** Each row's indentation in spaces; rows: addr, opcode, p1, p2 as text. */
export function explainIndents(rows: readonly (readonly string[])[]): number[] {
  const indent = rows.map(() => 0);
  rows.forEach((r, i) => {
    const [addr, opcode, p1, p2] = [Number(r[0]), r[1] ?? '', Number(r[2]), Number(r[3])];
    if (!Number.isInteger(addr) || !Number.isInteger(p2)) return;
    const target = i - addr + p2; // (the row of address p2 in this row's program)
    if (target < 0 || target >= i) return;
    if (LOOP_ENDS.has(opcode) && p2 > 0) for (let k = target; k < i; k++) indent[k]! += 2;
    else if (opcode === 'Goto' && (LOOP_STARTS.has(rows[target]![1] ?? '') || p1 !== 0)) for (let k = target; k < i; k++) indent[k]! += 2;
  });
  return indent;
}

/** The header and its rule, for up to eight names. */
export function explainHeader(names: readonly string[], pad: (s: string, w: number) => string, cut: (s: string, w: number) => string): string {
  const shown = names.slice(0, EXPLAIN_WIDTHS.length);
  return `${shown.map((n, i) => pad(cut(n, EXPLAIN_WIDTHS[i]!), EXPLAIN_WIDTHS[i]!)).join('  ')}\n${shown.map((_, i) => '-'.repeat(EXPLAIN_WIDTHS[i]!)).join('  ')}\n`;
}

/** One row (its first eight values), `indent` spaces before its second value. */
export function explainRow(values: readonly string[], pad: (s: string, w: number) => string, indent = 0): string {
  const shown = values.slice(0, EXPLAIN_WIDTHS.length);
  const last = shown.length - 1;
  return `${shown.map((v, i) => (i === 1 ? ' '.repeat(indent) : '') + (i === last ? v : pad(v, EXPLAIN_WIDTHS[i]!))).join('  ')}\n`;
}
