/**
 * What a result column holds, for charting: numbers, dates/times, text, or something else. Decided
 * from the first non-NULL value the result gives (values carry their kind: numbers, bigints, decimal
 * and temporal TypedText), and from the engine's type name when the first batch is all NULL.
 */
import { isTypedText, type ColumnInfo, type Value } from '../core/result.js';

export type ColumnKind = 'number' | 'temporal' | 'text' | 'other';

const NUMERIC_TYPE = /int|dec|numeric|real|double|float|number|money|serial/i;
const TEMPORAL_TYPE = /date|time|interval/i;
const TEXT_TYPE = /char|text|string|enum|clob|name/i;

export function valueKind(v: Value): ColumnKind | undefined {
  if (v === null) return undefined;
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'string') return 'text';
  if (isTypedText(v)) return v.kind === 'decimal' ? 'number' : v.kind === 'temporal' ? 'temporal' : 'other';
  return 'other';
}

/** Kinds of every column from the first rows seen (up to `sample` rows per column). */
export function columnKinds(columns: readonly ColumnInfo[], rows: readonly (readonly Value[])[], sample = 100): readonly ColumnKind[] {
  return Object.freeze(
    columns.map((c, i) => {
      const n = Math.min(rows.length, sample);
      let found: ColumnKind | undefined;
      let dates = 0;
      for (let r = 0; r < n; r++) {
        const v = rows[r]![i] ?? null;
        const k = valueKind(v);
        if (k === undefined) continue;
        if (k !== 'text') return k;
        found = 'text';
        // SQLite (and text columns anywhere) hold dates as ISO text: all of them dates, a date column
        if (toTime(v) === undefined) break;
        dates++;
      }
      if (found === 'text') return dates > 0 && n > 0 && isAllDates(rows, i, n) ? 'temporal' : TEMPORAL_TYPE.test(c.type) && !NUMERIC_TYPE.test(c.type) ? 'temporal' : 'text';
      if (NUMERIC_TYPE.test(c.type)) return 'number';
      if (TEMPORAL_TYPE.test(c.type)) return 'temporal';
      if (TEXT_TYPE.test(c.type)) return 'text';
      return 'other';
    }),
  );
}

function isAllDates(rows: readonly (readonly Value[])[], i: number, n: number): boolean {
  for (let r = 0; r < n; r++) {
    const v = rows[r]![i] ?? null;
    if (v !== null && toTime(v) === undefined) return false;
  }
  return true;
}

/** A value as a finite number, or undefined (NULL, text, NaN, infinities). */
export function toNumber(v: Value): number | undefined {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'bigint') n = Number(v);
  else if (v !== null && isTypedText(v) && v.kind === 'decimal') n = Number(v.text);
  else return undefined;
  return Number.isFinite(n) ? n : undefined;
}

/** A date/time value as milliseconds since the epoch (UTC when no zone is given), or undefined. */
export function toTime(v: Value): number | undefined {
  const text = typeof v === 'string' ? v : v !== null && isTypedText(v) ? v.text : undefined;
  if (text === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let t = Date.UTC(+y!, +mo! - 1, d ? +d : 1, h ? +h : 0, mi ? +mi : 0, s ? +s : 0, frac ? Math.round(Number(frac) * 1000) : 0);
  if (zone && zone !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    t -= (z[1] === '-' ? -1 : 1) * (+z[2]! * 60 + (z[3] ? +z[3] : 0)) * 60000;
  }
  return Number.isFinite(t) ? t : undefined;
}
