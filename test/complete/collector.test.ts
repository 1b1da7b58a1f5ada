/** The one ranking's key packing: prefix before tier, tier before the kind of match, then recent use, then length. */
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
  test('a prefix match beats a better tier with a weaker match; past the prefix, the tier before the kind of match', () => {
    assert.deepEqual(order('ab', [['xab', 0], ['a_b', 1], ['abz', 5]]), ['abz', 'xab', 'a_b']);
    // in one tier a word-boundary match before a subsequence
    assert.deepEqual(order('et', [['entrytext', 1], ['each_text', 1], ['json_each_text', 3]]), ['each_text', 'entrytext', 'json_each_text']);
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
  test('a word that is both a keyword and a built-in function is offered once, where it ranks best', () => {
    const c = new Collector('form', undefined, false);
    c.add('format', 3, 'fn\u0000\u0000format', { text: 'format', kind: 'function' });
    c.add('FORMAT', 2, 'kw\u0000FORMAT', { text: 'FORMAT', kind: 'keyword' });
    c.add('format', 1, 'col\u0000format', { text: 'format', kind: 'column' });
    assert.deepEqual(c.results(10, 0, 0).map((x) => `${x.text} ${x.kind}`), ['format column', 'FORMAT keyword']);
  });
  test('text typed in capitals says nothing of case: the shorter name first', () => {
    const c = (typed: string): string[] => {
      const col = new Collector(typed.toLowerCase(), undefined, false, typed);
      col.add('NOWAIT', 3, undefined, { text: 'NOWAIT', kind: 'keyword' });
      col.add('now', 3, undefined, { text: 'now', kind: 'function' });
      return col.results(10, 0, 0).map((x) => x.text);
    };
    assert.deepEqual(c('NOW'), ['now', 'NOWAIT']);
    assert.deepEqual(c('now'), ['now', 'NOWAIT']);
    assert.deepEqual(c('Now'), ['now', 'NOWAIT']);
  });
});

describe('backslash commands with their help', () => {
  test('the summary is the detail; plain names still work', () => {
    const got = complete('\\d', 2, musicCatalog('postgres'), { metaCommands: [{ name: '\\dt', summary: 'list tables' }, 'd', { name: 'dv' }] });
    assert.deepEqual(got.map((c) => [c.text, c.detail]), [['\\d', undefined], ['\\dt', 'list tables'], ['\\dv', undefined]]);
  });
});
