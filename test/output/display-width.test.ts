import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { approximateWidth, displayWidth, graphemes, loadDisplayWidth, padEndToWidth, padStartToWidth, truncateToWidth, wrapToWidth } from '../../src/output/display-width.js';

const TRICKY = ['日本語', '👍🏽', 'e\u0301', 'a\u200bb', '👨‍👩‍👧', 'Ｆｕｌｌ', '한국어', 'ﾊﾝｶｸ', '🇯🇵', '☀️'];

describe('displayWidth before the width tables load (start-up)', () => {
  test('on Node with require(esm), the exact width is there at once, without waiting for a load', () => {
    if (!(process.features as { require_module?: boolean }).require_module) return;
    // where the approximation is off (a conjunct, a text-style symbol, a wide bracket), the exact width
    assert.deepEqual(['क्षि', '▶', '\u2329', '↔'].map((t) => [approximateWidth(t), displayWidth(t)]), [[3, 2], [2, 1], [1, 2], [2, 1]]);
  });
  test('the approximation agrees with string-width on common wide, emoji and zero-width text', async () => {
    const approx = TRICKY.map((t) => approximateWidth(t));
    await loadDisplayWidth();
    assert.deepEqual(approx, TRICKY.map((t) => displayWidth(t)));
  });
});

describe('displayWidth', () => {
  before(() => loadDisplayWidth());
  test('ASCII counts one cell per char', () => assert.equal(displayWidth('hello, world'), 12));
  test('CJK counts two cells per char', () => assert.equal(displayWidth('日本語'), 6));
  test('emoji with skin tone is one two-cell cluster', () => assert.equal(displayWidth('👍🏽'), 2));
  test('combining mark is zero width', () => assert.equal(displayWidth('e\u0301'), 1));
  test('zero-width space is zero', () => assert.equal(displayWidth('a\u200bb'), 2));
  test('empty string', () => assert.equal(displayWidth(''), 0));
});

describe('graphemes', () => {
  test('keeps clusters whole', () => assert.deepEqual(graphemes('ae\u0301👍🏽'), ['a', 'e\u0301', '👍🏽']));
});

describe('pad', () => {
  test('padEnd by width', () => assert.equal(padEndToWidth('日本', 6), '日本  '));
  test('padStart by width', () => assert.equal(padStartToWidth('é', 3), '  é'));
  test('never truncates', () => assert.equal(padEndToWidth('abcdef', 3), 'abcdef'));
});

describe('truncateToWidth', () => {
  test('short text unchanged', () => assert.equal(truncateToWidth('abc', 5), 'abc'));
  test('cuts with an ellipsis', () => assert.equal(truncateToWidth('abcdef', 4), 'abc…'));
  test('does not split a wide char', () => {
    const t = truncateToWidth('日本語', 4);
    assert.equal(t, '日…');
    assert.ok(displayWidth(t) <= 4);
  });
  test('does not split an emoji cluster', () => assert.equal(truncateToWidth('a👍🏽b', 3), 'a…'));
  test('zero width gives empty', () => assert.equal(truncateToWidth('abc', 0), ''));
});

describe('wrapToWidth', () => {
  test('text that fits is one piece', () => assert.deepEqual(wrapToWidth('abc', 3), ['abc']));
  test('hard wraps at width', () => assert.deepEqual(wrapToWidth('abcdefgh', 3), ['abc', 'def', 'gh']));
  test('prefers breaking after a space', () => assert.deepEqual(wrapToWidth('hello world foo', 8), ['hello ', 'world ', 'foo']));
  test('wide chars never split and pieces fit', () => {
    const pieces = wrapToWidth('日本語日本語', 5);
    assert.equal(pieces.join(''), '日本語日本語');
    for (const p of pieces) assert.ok(displayWidth(p) <= 5, p);
    assert.deepEqual(pieces, ['日本', '語日', '本語']);
  });
  test('a cluster wider than the width gets its own piece', () => assert.deepEqual(wrapToWidth('日a', 1), ['日', 'a']));
  test('combining marks stay with their base', () => {
    const pieces = wrapToWidth('e\u0301e\u0301e\u0301', 2);
    assert.deepEqual(pieces, ['e\u0301e\u0301', 'e\u0301']);
  });
});

describe('displayWidth fast paths agree with string-width', () => {
  test('every BMP character, alone and after a letter', async () => {
    const { default: stringWidth } = await import('string-width');
    const bad: string[] = [];
    for (let c = 0x20; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const s of [ch, 'a' + ch, ch + ch]) {
        if (displayWidth(s) !== stringWidth(s, { countAnsiEscapeCodes: true })) bad.push(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
      }
      if (bad.length > 5) break;
    }
    assert.deepEqual(bad, []);
  });
});
