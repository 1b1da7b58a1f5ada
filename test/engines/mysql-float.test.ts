/**
 * mysql2's number reading made exact (mysql-values.ts exactParseFloat): the same double as Number()
 * for the texts a server sends, shortest and 17-digit forms, exponents, signs, DECIMAL-like digits.
 * mysql2's own reading was one unit in the last place off for 16- and 17-digit values past 2^53.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactParseFloat } from '../../src/engines/mysql/mysql-values.js';

function read(text: string): number | null {
  const packet = { buffer: Buffer.from(`xx${text}yy`, 'latin1'), offset: 2 };
  const v = exactParseFloat.call(packet, text.length);
  assert.equal(packet.offset, 2 + text.length, 'the reading moves past the value');
  return v;
}

test('the same double as Number() for 200,000 texts: shortest, 17 digits, fixed, exponents', () => {
  let seed = 7;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 50_000; i++) {
    const x = (random() - 0.5) * 10 ** (random() * 40 - 20);
    for (const text of [String(x), x.toPrecision(17), x.toFixed(Math.min(20, Math.max(0, 15 - Math.floor(Math.log10(Math.abs(x) || 1))))), x.toExponential()]) {
      assert.ok(Object.is(read(text), Number(text)), text);
    }
  }
  for (const text of ['998.4264417004645', '998.4264417004644', '0', '-0', '+1.5', '1e-7', '1E+20', '9007199254740993', '0.30000000000000004', '123456789012345.67', '-1.7976931348623157e308', '0.000001']) {
    assert.ok(Object.is(read(text), Number(text)), text);
  }
  assert.equal(read('998.4264417004645'), 998.4264417004645);
  assert.equal(exactParseFloat.call({ buffer: Buffer.alloc(0), offset: 0 }, null), null);
});
