/** The streaming histogram: exact counts in a bounded number of bins, whatever order the values come in. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { StreamingHistogram, niceStep } from '../../src/chart/streaming-histogram.js';

/** Counts by brute force over the bins the histogram reports. */
function bruteCounts(values: readonly number[], start: number, width: number, n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (const v of values) out[Math.min(n - 1, Math.floor((v - start) / width + 1e-9))]!++;
  return out;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('StreamingHistogram', () => {
  test('nice steps are 1, 2 or 5 times a power of ten', () => {
    assert.deepEqual([0.7, 1, 1.2, 3, 7, 42, 0.013].map(niceStep), [1, 1, 2, 5, 10, 50, 0.02]);
  });

  test('a range that keeps growing (right, then left) keeps every count exact in 64 bins', () => {
    const rnd = lcg(7);
    const values: number[] = [];
    for (let i = 0; i < 2000; i++) values.push(rnd() * 10); // warmup range 0..10
    for (let i = 0; i < 20000; i++) values.push(rnd() * 10000); // grows right
    for (let i = 0; i < 5000; i++) values.push(-rnd() * 50000); // grows left
    const h = new StreamingHistogram(64, 1024);
    for (const v of values) h.add(v);
    const r = h.result(64);
    assert.ok(r.counts.length <= 64, `at most 64 bins, got ${r.counts.length}`);
    assert.equal(r.counts.reduce((a, b) => a + b, 0), values.length, 'no value lost');
    assert.ok(r.start <= Math.min(...values) && r.start + r.width * r.counts.length > Math.max(...values), 'the bins cover every value');
    assert.deepEqual(r.counts, bruteCounts(values, r.start, r.width, r.counts.length));
    assert.equal(h.stats().count, values.length);
  });

  test('fewer values than the warmup are binned from their own range; merged to the bins asked for', () => {
    const h = new StreamingHistogram(64, 1024);
    for (let i = 0; i < 100; i++) h.add(i);
    const fine = h.result(64);
    assert.equal(fine.width, 5);
    assert.equal(fine.counts.length, 20);
    const coarse = h.result(6);
    assert.ok(coarse.counts.length <= 6);
    assert.equal(coarse.counts.reduce((a, b) => a + b, 0), 100);
  });

  test('one repeated value makes one bin; NaN and infinities are left out', () => {
    const h = new StreamingHistogram();
    for (let i = 0; i < 3000; i++) h.add(42);
    h.add(NaN);
    h.add(Infinity);
    const r = h.result(30);
    assert.deepEqual(r.counts, [3000]);
    assert.ok(r.start <= 42 && 42 < r.start + r.width);
  });

  test('memory does not grow with the values: the bin array keeps its length', () => {
    const h = new StreamingHistogram(16, 8);
    for (let i = 0; i < 100000; i++) h.add(i * (i % 2 ? 1 : -1));
    assert.ok(h.result(1000).counts.length <= 16);
  });
});
