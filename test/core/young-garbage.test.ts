/**
 * The output side's heap keeping (core/young-garbage.ts): OldGarbage collects V8's old generation once
 * dead objects there have grown past its slack (and not before). Memory figures themselves are the
 * export bench's (bench/export.bench.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getHeapSpaceStatistics } from 'node:v8';
import { OldGarbage, gcFunction } from '../../src/core/young-garbage.js';

const oldUsed = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.space_used_size;

/** About `mb` MB of objects moved to the old generation (alive through two young collections), then dropped. */
function promotedGarbage(mb: number): void {
  let keep: { i: number; s: string }[] | undefined = Array.from({ length: mb * 12_000 }, (_, i) => ({ i, s: `value ${i}` }));
  gcFunction()!({ type: 'minor' });
  gcFunction()!({ type: 'minor' });
  assert.ok(keep.length > 0);
  keep = undefined;
}

test('OldGarbage: dead objects in the old generation beyond the slack are collected; below it, left to V8', () => {
  assert.ok(gcFunction(), 'gc() is reachable at run time');
  const garbage = new OldGarbage(false, 1, 4 << 20);
  garbage.handled(1); // the starting point
  promotedGarbage(1);
  const small = oldUsed();
  garbage.handled(1);
  assert.ok(oldUsed() >= small - (256 << 10), 'collected below the slack');
  promotedGarbage(12);
  const big = oldUsed();
  garbage.handled(1);
  const after = oldUsed();
  assert.ok(after < big - (4 << 20), `old generation ${(big / 1048576).toFixed(1)} MB -> ${(after / 1048576).toFixed(1)} MB`);
});
