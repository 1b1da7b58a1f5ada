import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, formatNumber, formatValue, isNumericValue } from '../../src/output/format-value.js';

describe('formatValue', () => {
  test('null gives the null string', () => assert.equal(formatValue(null, 'NULL'), 'NULL'));
  test('booleans are true/false', () => assert.deepEqual([formatValue(true, ''), formatValue(false, '')], ['true', 'false']));
  test('shortest round-trip doubles', () => assert.equal(formatValue(0.1 + 0.2, ''), '0.30000000000000004'));
  test('doubles beyond 2^53 get an exponent, as psql shows float8', () => assert.equal(formatValue(1e21, ''), '1e+21'));
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

describe('doubles beyond exact integers print as psql prints float8', () => {
  test('2^62 and 1e100 use an exponent instead of invented digits', () => {
    assert.equal(formatNumber(2 ** 62), '4.611686018427388e+18');
    assert.equal(formatNumber(1e100), '1e+100');
    assert.equal(formatNumber(-(2 ** 60)), '-1.152921504606847e+18');
  });
  test('integers a double holds exactly stay plain', () => {
    assert.equal(formatNumber(2 ** 53 - 1), '9007199254740991');
    assert.equal(formatNumber(-123456789012), '-123456789012');
  });
  test('negative zero keeps its sign', () => assert.equal(formatNumber(-0), '-0'));
});
