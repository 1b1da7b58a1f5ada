/**
 * A histogram of a stream of numbers in constant memory, with exact counts. Two passes (min/max,
 * then counts) are not possible on a stream, so:
 *
 * - the first `warmup` values (1,024) are kept, then the bin width is chosen from their range: a
 *   "nice" step (1, 2 or 5 x 10^k) that spreads them over about half the bins;
 * - bins are aligned on multiples of the width (bin a covers [a*w, (a+1)*w)), and `bins` of them are
 *   kept (a window of bin numbers starting at `base`);
 * - a later value outside the window first slides the window when the occupied bins and the value fit
 *   in it; otherwise the width doubles and neighbouring bins merge (bin a goes to floor(a/2)), which
 *   keeps every count exact, until they fit.
 *
 * Memory is the warmup buffer plus the bins, whatever the number of rows. The price: widths are
 * nice steps times a power of two, so a range that grew late has coarser bins than two passes
 * would give; the renderer merges pairs down to the screen's height anyway.
 */
export interface HistogramBins {
  /** Bin i covers [start + i*width, start + (i+1)*width). */
  readonly start: number;
  readonly width: number;
  readonly counts: readonly number[];
  /** Every value was an integer (then bins are at least 1 wide, and a bin 1 wide holds one value). */
  readonly integers: boolean;
}

export interface HistogramStats {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

export class StreamingHistogram {
  private pending: number[] | undefined = [];
  private readonly counts: number[];
  private base = 0;
  private width = 1;
  count = 0;
  private sum = 0;
  min = Infinity;
  max = -Infinity;
  private integers = true;

  /** `bins`: bins kept (the renderer shows at most half as many); `warmup`: values kept before the width is set. */
  constructor(private readonly bins = 64, private readonly warmup = 1024) {
    this.counts = new Array<number>(bins).fill(0);
  }

  add(v: number): void {
    if (!Number.isFinite(v)) return;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (this.integers && !Number.isInteger(v)) this.integers = false;
    if (this.pending) {
      this.pending.push(v);
      if (this.pending.length >= this.warmup) this.settle();
      return;
    }
    this.place(v);
  }

  private settle(): void {
    const values = this.pending!;
    this.pending = undefined;
    const span = this.max - this.min;
    const scale = Math.max(Math.abs(this.max), Math.abs(this.min));
    this.width = span > 0 ? niceStep(span / (this.bins / 2)) : niceStep(scale > 0 ? scale / 100 : 1);
    // integers in bins narrower than 1 would leave empty bins between them
    if (this.integers && this.width < 1) this.width = 1;
    this.base = Math.floor(this.min / this.width);
    for (const v of values) this.place(v);
  }

  private place(v: number): void {
    const a = Math.floor(v / this.width);
    if (a < this.base || a >= this.base + this.bins) this.makeRoom(a);
    const i = Math.floor(v / this.width) - this.base;
    this.counts[Math.min(this.bins - 1, Math.max(0, i))]!++;
  }

  /** Slides or widens the window until bin `a` (at the present width) is inside it. */
  private makeRoom(a: number): void {
    for (;;) {
      let first = -1;
      let last = -1;
      for (let i = 0; i < this.bins; i++) {
        if (this.counts[i] === 0) continue;
        if (first < 0) first = i;
        last = i;
      }
      const lo = first < 0 ? a : Math.min(a, this.base + first);
      const hi = first < 0 ? a : Math.max(a, this.base + last);
      if (hi - lo < this.bins) {
        const shift = lo - this.base;
        const moved = new Array<number>(this.bins).fill(0);
        for (let i = 0; i < this.bins; i++) if (this.counts[i]) moved[i - shift] = this.counts[i]!;
        for (let i = 0; i < this.bins; i++) this.counts[i] = moved[i]!;
        this.base = lo;
        return;
      }
      const newBase = Math.floor(this.base / 2);
      const merged = new Array<number>(this.bins).fill(0);
      for (let i = 0; i < this.bins; i++) if (this.counts[i]) merged[Math.floor((this.base + i) / 2) - newBase]! += this.counts[i]!;
      for (let i = 0; i < this.bins; i++) this.counts[i] = merged[i]!;
      this.base = newBase;
      this.width *= 2;
      a = Math.floor(a / 2);
    }
  }

  stats(): HistogramStats {
    return Object.freeze({ count: this.count, min: this.min, max: this.max, mean: this.count ? this.sum / this.count : NaN });
  }

  /** The occupied bins (empty ones at either end left out), merged in pairs until at most `maxBins`. */
  result(maxBins: number): HistogramBins {
    if (this.pending) this.settle();
    let first = this.counts.findIndex((c) => c > 0);
    if (first < 0) return Object.freeze({ start: 0, width: this.width, counts: Object.freeze([]), integers: this.integers });
    let last = this.bins - 1;
    while (this.counts[last] === 0) last--;
    let width = this.width;
    let base = this.base + first;
    let counts = this.counts.slice(first, last + 1);
    while (counts.length > Math.max(1, maxBins)) {
      const nb = Math.floor(base / 2);
      const merged: number[] = [];
      for (let i = 0; i < counts.length; i++) {
        const j = Math.floor((base + i) / 2) - nb;
        merged[j] = (merged[j] ?? 0) + counts[i]!;
      }
      counts = Array.from(merged, (c) => c ?? 0);
      base = nb;
      width *= 2;
    }
    return Object.freeze({ start: base * width, width, counts: Object.freeze(counts), integers: this.integers });
  }
}
