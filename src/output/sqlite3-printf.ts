/**
 * SQLite 3.40's own printf of a double, `%!.Ng`, as the sqlite3 shell writes REALs: it scales and
 * takes digits in x87 80-bit long double (a 64-bit mantissa, rounded to nearest even after each
 * step), so its last digits are not the exactly rounded ones JavaScript gives. This emulates that
 * arithmetic with BigInt, step for step (printf.c: etGENERIC, et_getdigit), for the values where the
 * two differ: ties at 15 digits, and the 20 digits of `.mode quote` / `.mode insert`.
 */

/** A positive long double: m * 2^e, m exactly 64 bits (or 0). */
interface LD {
  readonly m: bigint;
  readonly e: number;
}

const LIMIT = 1n << 64n;

function bitLength(m: bigint): number {
  return m === 0n ? 0 : m.toString(2).length;
}

/** m * 2^e rounded to 64 bits, to nearest, ties to even; `sticky`: something nonzero lies below m's last bit. */
function round(m: bigint, e: number, sticky = false): LD {
  if (m === 0n) return { m: 0n, e: 0 };
  const n = bitLength(m);
  if (n > 64) {
    const shift = BigInt(n - 64);
    const rem = m & ((1n << shift) - 1n);
    let q = m >> shift;
    const half = 1n << (shift - 1n);
    if (rem > half || (rem === half && (sticky || (q & 1n) === 1n))) q += 1n;
    let ex = e + Number(shift);
    if (q === LIMIT) {
      q >>= 1n;
      ex += 1;
    }
    return { m: q, e: ex };
  }
  return { m: m << BigInt(64 - n), e: e - (64 - n) };
}

function fromDouble(x: number): LD {
  if (x === 0) return { m: 0n, e: 0 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (exp === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = exp - 1075;
  }
  return round(mant, e);
}

function mul(a: LD, b: LD): LD {
  if (a.m === 0n || b.m === 0n) return { m: 0n, e: 0 };
  return round(a.m * b.m, a.e + b.e);
}

function div(a: LD, b: LD): LD {
  if (a.m === 0n) return a;
  const num = a.m << 130n;
  const q = num / b.m;
  const r = num % b.m;
  return round(q, a.e - 130 - b.e, r !== 0n);
}

/** a + b, both positive. */
function add(a: LD, b: LD): LD {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  // exact sum: align to the smaller exponent (the gap is small for the values printf meets; capped for safety)
  const gap = Math.max(a.e, b.e) - e;
  if (gap > 400) return a.e > b.e ? a : b;
  return round((a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e);
}

/** a - b with 0 <= b <= a. */
function sub(a: LD, b: LD): LD {
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  const d = (a.m << BigInt(a.e - e)) - (b.m << BigInt(b.e - e));
  return d <= 0n ? { m: 0n, e: 0 } : round(d, e);
}

function cmp(a: LD, b: LD): number {
  if (a.m === 0n || b.m === 0n) return a.m === 0n ? (b.m === 0n ? 0 : -1) : 1;
  const ea = a.e + 63;
  const eb = b.e + 63;
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.m < b.m ? -1 : a.m > b.m ? 1 : 0;
}

/** The integer part (a is below 10 when asked). */
function trunc(a: LD): number {
  if (a.m === 0n || a.e <= -64) return 0;
  return Number(a.e >= 0 ? a.m << BigInt(a.e) : a.m >> BigInt(-a.e));
}

const fromInt = (n: number): LD => fromDouble(n);
const TEN = fromInt(10);
const ONE = fromInt(1);
const E8 = fromDouble(1e8);
const E10 = fromDouble(1e10);
const E100 = fromDouble(1e100);
const E_8 = fromDouble(1e-8);
const TENTH = fromDouble(0.1);
const ROUNDERS = [5.0e-1, 5.0e-2, 5.0e-3, 5.0e-4, 5.0e-5, 5.0e-6, 5.0e-7, 5.0e-8, 5.0e-9, 5.0e-10];

/**
 * SQLite's `%!.{precision}g` of x (x finite and not zero: callers handle those): the sqlite3 shell's
 * text of a REAL is `%!.15g`; `.mode quote` and `.mode insert` write `%!.20g`.
 */
export function sqlitePrintfG(x: number, precision: number): string {
  const sign = x < 0 ? '-' : '';
  let value = fromDouble(Math.abs(x));
  let p = precision > 0 ? precision - 1 : precision;
  // the rounder is a double: arRound[p % 10] scaled by 1e-10 per ten
  let idx = p & 0xfff;
  let rounder = ROUNDERS[idx % 10]!;
  while (idx >= 10) {
    rounder *= 1.0e-10;
    idx -= 10;
  }
  // normalize to 1 <= value < 10, counting the exponent
  let exp = 0;
  let scale = ONE;
  while (cmp(value, mul(E100, scale)) >= 0 && exp <= 350) {
    scale = mul(scale, E100);
    exp += 100;
  }
  while (cmp(value, mul(E10, scale)) >= 0 && exp <= 350) {
    scale = mul(scale, E10);
    exp += 10;
  }
  while (cmp(value, mul(TEN, scale)) >= 0 && exp <= 350) {
    scale = mul(scale, TEN);
    exp++;
  }
  value = div(value, scale);
  while (cmp(value, E_8) < 0) {
    value = mul(value, E8);
    exp -= 8;
  }
  while (cmp(value, ONE) < 0) {
    value = mul(value, TEN);
    exp--;
  }
  if (exp > 350) return `${sign}Inf`;
  value = add(value, fromDouble(rounder));
  if (cmp(value, TEN) >= 0) {
    value = mul(value, TENTH);
    exp++;
  }
  const useExp = exp < -4 || exp > p;
  if (!useExp) p -= exp;
  let nsd = 26; // 16 + 10 for the ! flag
  const digit = (): string => {
    if (nsd <= 0) return '0';
    nsd--;
    const d = trunc(value);
    value = mul(sub(value, fromInt(d)), TEN);
    return String(d);
  };
  let out = '';
  let e2 = useExp ? 0 : exp;
  if (e2 < 0) out += '0';
  else for (; e2 >= 0; e2--) out += digit();
  out += '.';
  for (e2++; e2 < 0; p--, e2++) out += '0';
  while (p-- > 0) out += digit();
  // trailing zeros go, but one digit stays after the point (the ! flag)
  out = out.replace(/0+$/, '');
  if (out.endsWith('.')) out += '0';
  if (useExp) {
    const ae = Math.abs(exp);
    out += `e${exp < 0 ? '-' : '+'}${ae >= 100 ? String(ae) : String(ae).padStart(2, '0')}`;
  }
  return sign + out;
}
