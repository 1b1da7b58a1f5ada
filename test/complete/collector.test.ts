/** The one ranking's key packing: match rank before tier, tier before recent use, recent use before length. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Collector, type Tier } from '../../src/complete/collector.js';
import { complete } from '../../src/complete/complete.js';
import { musicCatalog } from './music-catalog.js';

const order = (pattern: string, items: [string, Tier][], recent?: Map<string, number>, max = 100): string[] => {
  const c = new Collector(pattern, recent, false);
  for (const [name, tier] of items) c.add(name, tier, undefined, { text: name, kind: 'column' });
  return c.results(max, 0, 0).map((x) => x.text);
};

describe('collector ranking', () => {
  test('a prefix match beats a better tier with a weaker match', () => {
    assert.deepEqual(order('ab', [['xab', 0], ['a_b', 1], ['abz', 5]]), ['abz', 'a_b', 'xab']);
  });
  test('every tier 0..5 orders, below the match rank', () => {
    const items: [string, Tier][] = [['t5', 5], ['t4', 4], ['t3', 3], ['t2', 2], ['t1', 1], ['t0', 0]];
    assert.deepEqual(order('', items), ['t0', 't1', 't2', 't3', 't4', 't5']);
  });
  test('recent use orders within a tier, not across tiers; length then alphabet last', () => {
    const recent = new Map([['zzzzzz', 5]]);
    assert.deepEqual(order('', [['b', 2], ['zzzzzz', 2], ['a', 2], ['yy', 1]], recent), ['yy', 'zzzzzz', 'a', 'b']);
  });
  test('the cut keeps the best, whatever the arrival order', () => {
    const items: [string, Tier][] = [];
    for (let i = 0; i < 300; i++) items.push([`builtin_${i}`, 3]);
    items.push(['mine', 2], ['system', 5]);
    const got = order('', items, undefined, 10);
    assert.equal(got[0], 'mine');
    assert.ok(!got.includes('system'));
  });
});

describe('backslash commands with their help', () => {
  test('the summary is the detail; plain names still work', () => {
    const got = complete('\\d', 2, musicCatalog('postgres'), { metaCommands: [{ name: '\\dt', summary: 'list tables' }, 'd', { name: 'dv' }] });
    assert.deepEqual(got.map((c) => [c.text, c.detail]), [['\\d', undefined], ['\\dt', 'list tables'], ['\\dv', undefined]]);
  });
});
