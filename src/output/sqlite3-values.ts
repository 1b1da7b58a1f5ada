/**
 * Values as the sqlite3 shell prints them. A REAL is SQLite's own text of it (sqlite3_column_text):
 * `%!.15g`, 15 significant digits, trailing zeros dropped but one digit kept after the point, the
 * exponent (below 1e-4 or from 1e15 on) with a sign and at least two digits: `2.0`, `0.1`,
 * `0.333333333333333`, `1.0e+20`, `-1.5e-09`. Checked against the sqlite3 shell on thousands of
 * doubles (test/output/sqlite3-values.test.ts). One known difference: SQLite 3.40 rounds in 80-bit long
 * double, so a value exactly halfway between two 15-digit texts goes either way there; sqlsh goes to
 * the one nearer zero, as SQLite does for most of them (`5876922607.421875` → `5876922607.42187`).
 */
export function sqlite3Real(x: number): string {
  if (Number.isNaN(x)) return ''; // SQLite stores NaN as NULL; never reached
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0.0';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  // the exact decimal digits: a tie (…5 then zeros after the 15th digit) is cut, not rounded up
  const [exact, exactExp] = a.toExponential(100).split('e') as [string, string];
  const all = exact.replace('.', '');
  let digits: string;
  let e: number;
  if (all[15] === '5' && /^0*$/.test(all.slice(16))) {
    digits = all.slice(0, 15);
    e = Number(exactExp);
  } else {
    const [m, ex] = a.toExponential(14).split('e') as [string, string];
    digits = m.replace('.', '');
    e = Number(ex);
  }
  if (e < -4 || e >= 15) return `${sign}${trimZeros(`${digits[0]}.${digits.slice(1)}`)}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  const fixed = e >= 0 ? `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}` : `0.${'0'.repeat(-e - 1)}${digits}`;
  return sign + trimZeros(fixed);
}

/** `2.50000` → `2.5`, `2.00000` → `2.0`, `20.` → `20.0`. */
function trimZeros(s: string): string {
  const t = s.replace(/0+$/, '');
  return t.endsWith('.') ? `${t}0` : t;
}
