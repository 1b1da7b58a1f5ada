/**
 * psql's numericlocale (`\pset numericlocale on`): in the columns of numbers, the digits before the decimal
 * point are grouped by thousands (`1,234,567.891`, `-1,234`), as psql does in the C locale (a comma every three
 * digits, a point before the fraction). What does not start with digits stays as it is (`NaN`, `$100.00`), and
 * an exponent keeps its place (`1e+20`). The values become decimal text, so every layout still aligns them right.
 */
import type { ColumnInfo, ResultEvent, Row, Value } from '../core/result.js';
import { formatValue, isNumericValue, NUMERIC_TYPE } from './format-value.js';

/** The digits of a number's text grouped by thousands; other text as it is. */
export function groupDigits(text: string): string {
  const m = /^([+-]?)(\d+)(.*)$/s.exec(text);
  if (!m) return text;
  const digits = m[2]!;
  const lead = digits.length % 3 || 3;
  let out = digits.slice(0, lead);
  for (let i = lead; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return m[1]! + out + m[3]!;
}

function grouped(v: Value): Value {
  if (v === null) return v;
  return Object.freeze({ kind: 'decimal' as const, text: groupDigits(formatValue(v, '')) });
}

/** The events with the numbers of their numeric columns (by type; by value where the type is unknown) grouped. */
export async function* withNumericLocale(events: AsyncIterable<ResultEvent>): AsyncGenerator<ResultEvent> {
  let columns: readonly ColumnInfo[] = [];
  let typed: boolean[] = [];
  for await (const e of events) {
    if (e.type === 'columns') {
      columns = e.columns;
      typed = columns.map((c) => NUMERIC_TYPE.test(c.type ?? ''));
      yield e;
    } else if (e.type === 'rows') {
      const rows: Row[] = e.rows.map((row) => row.map((v, i) => (v !== null && (typed[i] || (columns[i]?.type === '' && isNumericValue(v))) ? grouped(v) : v)));
      yield { type: 'rows', rows };
    } else yield e;
  }
}
