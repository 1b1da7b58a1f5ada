/**
 * mysql2's FLOAT/DOUBLE reading made exact (mysql-values.ts exactParseFloat): a text JavaScript
 * writes the same way is the same double as Number(); any other (exponents, 16 digits and more,
 * below 1e-6, a trailing zero) is handed over as the server's text, as the mysql client prints it.
 * mysql2's own reading was one unit in the last place off for 16- and 17-digit values past 2^53.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactParseFloat } from '../../src/engines/mysql/mysql-values.js';
import { formatNumber } from '../../src/output/format-value.js';

function read(text: string): number | string | null {
  const packet = { buffer: Buffer.from(`xx${text}yy`, 'latin1'), offset: 2 };
  const v = exactParseFloat.call(packet, text.length);
  assert.equal(packet.offset, 2 + text.length, 'the reading moves past the value');
  return v;
}

/** A number that JavaScript writes as the text, or else the text itself (an exponent, 16 digits and more, below 1e-6, a trailing zero). */
function assertRead(text: string): void {
  const v = read(text);
  if (typeof v === 'string') {
    assert.equal(v, text);
  } else {
    assert.ok(Object.is(v, Number(text)), text);
    assert.equal(formatNumber(v!), text);
  }
}

test('a number where JavaScript writes the same digits, else the text, for 200,000 texts: shortest, 17 digits, fixed, exponents', () => {
  let seed = 7;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 50_000; i++) {
    const x = (random() - 0.5) * 10 ** (random() * 40 - 20);
    for (const text of [String(x), x.toPrecision(17), x.toFixed(Math.min(20, Math.max(0, 15 - Math.floor(Math.log10(Math.abs(x) || 1))))), x.toExponential()]) {
      assertRead(text);
    }
  }
  for (const text of ['998.4264417004645', '998.4264417004644', '0', '-0', '+1.5', '1e-7', '1E+20', '9007199254740993', '0.30000000000000004', '123456789012345.67', '-1.7976931348623157e308', '0.000001']) {
    assertRead(text);
  }
  assert.equal(read('998.426441700464'), 998.426441700464);
  assert.equal(read('998.4264417004645'), '998.4264417004645'); // 16 digits: JavaScript might write others
  assert.ok(Object.is(read('-0'), -0));
  // the server's forms the mysql client prints as they are
  for (const text of ['1e300', '0.0000001', '1.2345678901234568e17', '1e15', '1e16', '1.5e20', '3.4e38', '100000000000000000']) assert.equal(read(text), text);
  assert.equal(exactParseFloat.call({ buffer: Buffer.alloc(0), offset: 0 }, null), null);
});
