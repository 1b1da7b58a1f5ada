/**
 * Values as the sqlite3 shell prints them. A REAL is SQLite's own text of it (sqlite3_column_text):
 * `%!.15g`, 15 significant digits, trailing zeros dropped but one digit kept after the point, the
 * exponent (below 1e-4 or from 1e15 on) with a sign and at least two digits: `2.0`, `0.1`,
 * `0.333333333333333`, `1.0e+20`, `-1.5e-09`.
 */
export function sqlite3Real(x: number): string {
  if (Number.isNaN(x)) return ''; // SQLite stores NaN as NULL; never reached
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0.0';
  const [mantissa, exponent] = x.toExponential(14).split('e') as [string, string];
  const e = Number(exponent);
  if (e < -4 || e >= 15) {
    const m = trimZeros(mantissa);
    return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return trimZeros(x.toFixed(14 - e));
}

/** `2.50000` → `2.5`, `2.00000` → `2.0`, `20` → `20.0`. */
function trimZeros(s: string): string {
  if (!s.includes('.')) return `${s}.0`;
  const t = s.replace(/0+$/, '');
  return t.endsWith('.') ? `${t}0` : t;
}
