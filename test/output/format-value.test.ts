import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, formatValue, isNumericValue } from '../../src/output/format-value.js';

describe('formatValue', () => {
  test('null gives the null string', () => assert.equal(formatValue(null, 'NULL'), 'NULL'));
  test('booleans are true/false', () => assert.deepEqual([formatValue(true, ''), formatValue(false, '')], ['true', 'false']));
  test('shortest round-trip doubles', () => assert.equal(formatValue(0.1 + 0.2, ''), '0.30000000000000004'));
  test('large integers have no exponent', () => assert.equal(formatValue(1e21, ''), '1000000000000000000000'));
  test('Infinity and NaN', () => assert.deepEqual([Infinity, -Infinity, NaN].map((n) => formatValue(n, '')), ['Infinity', '-Infinity', 'NaN']));
  test('bigint keeps every digit', () => assert.equal(formatValue(9007199254740993n, ''), '9007199254740993'));
  test('decimal text is kept exactly', () => assert.equal(formatValue({ kind: 'decimal', text: '12345678901234567890.123456789' }, ''), '12345678901234567890.123456789'));
  test('blob as \\x hex', () => assert.equal(formatValue(new Uint8Array([0, 15, 255]), ''), '\\x000fff'));
  test('empty blob', () => assert.equal(bytesToHex(new Uint8Array()), '\\x'));
});

describe('isNumericValue', () => {
  test('numbers, bigint, decimal', () => {
    assert.equal(isNumericValue(1), true);
    assert.equal(isNumericValue(1n), true);
    assert.equal(isNumericValue({ kind: 'decimal', text: '1.5' }), true);
  });
  test('others are not', () => {
    for (const v of ['1', null, true, new Uint8Array(), { kind: 'json' as const, text: '1' }]) assert.equal(isNumericValue(v), false);
  });
});
