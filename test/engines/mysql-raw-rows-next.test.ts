/**
 * MysqlRawRows.next() (mysql-raw-rows.ts) writes a row packet's values in one pass, with the
 * general way kept for what that pass cannot write (text that is not valid UTF-8, a csv value to
 * quote, binary). Here random row packets of every column kind
 * go through it and through a plain reference written value by value as the rules say, for csv under
 * several null strings and for COPY text; the bytes must be the same. Values hold the bytes that
 * matter: separators, quotes, line breaks, backslashes, `\.`, valid and invalid UTF-8, numbers in
 * the server's forms, lengths on either side of the one- and two-byte length prefixes, and rows
 * longer than an output chunk.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { MysqlRawRows, Kind, type Column } from '../../src/engines/mysql/mysql-raw-rows.js';

type Value = Buffer | null;

/** The text protocol's length-encoded value. */
function lengthEncoded(v: Value): Buffer {
  if (v === null) return Buffer.from([0xfb]);
  const n = v.length;
  let head: Buffer;
  if (n < 0xfb) head = Buffer.from([n]);
  else if (n < 0x10000) head = Buffer.from([0xfc, n & 0xff, n >> 8]);
  else if (n < 0x1000000) head = Buffer.from([0xfd, n & 0xff, (n >> 8) & 0xff, n >> 16]);
  else throw new Error('too long for the test');
  return Buffer.concat([head, v]);
}

/** What a value becomes, one rule at a time. */
function reference(columns: readonly Column[], format: 'csv' | 'copy-text', nullString: string, rows: readonly (readonly Value[])[]): Buffer {
  const csv = format === 'csv';
  const nullBytes = csv ? Buffer.from(nullString, 'utf8') : Buffer.from('\\N');
  const single = columns.length === 1;
  const parts: Buffer[] = [];
  const value = (b: Buffer): Buffer => {
    if (!csv) {
      let s = '';
      for (const c of b) s += c === 0x09 ? '\\t' : c === 0x0a ? '\\n' : c === 0x5c ? '\\\\' : String.fromCharCode(c);
      return Buffer.from(s, 'latin1');
    }
    const quote =
      b.some((c) => c === 0x2c || c === 0x22 || c === 0x0d || c === 0x0a) ||
      b.equals(nullBytes) ||
      (single && b.length === 2 && b[0] === 0x5c && b[1] === 0x2e);
    if (!quote) return b;
    return Buffer.concat([Buffer.from('"'), Buffer.from(b.toString('latin1').replace(/"/g, '""'), 'latin1'), Buffer.from('"')]);
  };
  const text = (s: string): Buffer => value(Buffer.from(s, 'utf8'));
  for (const row of rows) {
    row.forEach((v, i) => {
      if (i > 0) parts.push(Buffer.from(csv ? ',' : '\t'));
      if (v === null) return void parts.push(nullBytes);
      const col = columns[i]!;
      switch (col.kind) {
        case Kind.Plain:
          parts.push(nullBytes.length === 0 || !csv ? v : value(v));
          break;
        case Kind.Binary:
          parts.push(text('\\x' + v.toString('hex')));
          break;
        default:
          parts.push(isUtf8(v) ? value(v) : text(v.toString('utf8')));
      }
    });
    parts.push(Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

/** The rows through MysqlRawRows, each packet at an offset inside a larger buffer, taken as the connection takes them. */
function throughNext(columns: readonly Column[], format: 'csv' | 'copy-text', nullString: string, rows: readonly (readonly Value[])[]): Buffer {
  const reader = new MysqlRawRows(columns, format, nullString);
  const out: Buffer[] = [];
  const taken = (b: Buffer | undefined): void => {
    if (!b) return;
    out.push(Buffer.from(b)); // COPY text's buffer is filled again once released
    if (format === 'copy-text') reader.release();
  };
  for (const row of rows) {
    const payload = Buffer.concat(row.map(lengthEncoded));
    const buffer = Buffer.concat([Buffer.from([1, 2, 3, 4, 5]), payload, Buffer.from([0xfe, 0, 0])]);
    reader.next({ buffer, offset: 5, end: 5 + payload.length });
    taken(reader.take());
  }
  taken(reader.take(true));
  return Buffer.concat(out);
}

const BYTES = [0x61, 0x7a, 0x30, 0x39, 0x20, 0x2c, 0x22, 0x09, 0x0a, 0x0d, 0x5c, 0x2e, 0x4e, 0x78, 0x1b, 0x7f, 0x80, 0xbf, 0xc3, 0xa9, 0xe6, 0x97, 0xa5, 0xf0, 0x9f, 0x91, 0x8d, 0xff];
const UTF8 = ['é', '日本', '👍🏽', 'cafe\u0301'];

const textValue: fc.Arbitrary<Buffer> = fc.oneof(
  fc.array(fc.constantFrom(...BYTES), { maxLength: 12 }).map((b) => Buffer.from(b)),
  fc.array(fc.oneof(fc.constantFrom(...UTF8), fc.string({ maxLength: 4 })), { maxLength: 5 }).map((s) => Buffer.from(s.join(''), 'utf8')),
  fc.constantFrom('', '\\.', '\\N', 'NULL', ',', '"x"', '∅').map((s) => Buffer.from(s, 'utf8')),
  // on either side of the one-byte and two-byte length prefixes, and past an output chunk
  fc.tuple(fc.constantFrom(250, 251, 252, 300, 65535, 65536, 70000), fc.constantFrom(0x61, 0x09, 0x2c, 0xe9)).map(([n, c]) => Buffer.alloc(n, c)),
);
const floatValue: fc.Arbitrary<Buffer> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => String(x)),
  fc.constantFrom('1e20', '1.5e-7', '-0', '0', '0.1', '1.25', '0.000001', '0.0000001', '123456789012345.6', '1234567890123456789', '3.4e38', '-1.7976931348623157e308', '1.10'),
).map((s) => Buffer.from(s, 'latin1'));
const plainValue: fc.Arbitrary<Buffer> = fc
  .constantFrom('0', '-128', '18446744073709551615', '2024-02-29 13:14:15.123456', '0000-00-00', '-838:59:59.5', '1234567890123456789012345678.0123456789', '', 'NULL')
  .map((s) => Buffer.from(s, 'latin1'));
const binaryValue: fc.Arbitrary<Buffer> = fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b));

/** FLOAT/DOUBLE: the server's text, as the other numbers. */
const FLOAT: Column = { kind: Kind.Plain, numeric: true, json: 'decimal' };
const KINDS: readonly Column[] = [
  { kind: Kind.Plain, numeric: true },
  { kind: Kind.Text, numeric: false },
  FLOAT,
  { kind: Kind.Binary, numeric: false },
];
const valueOf = (c: Column): fc.Arbitrary<Value> =>
  fc.option(c.kind === Kind.Text ? textValue : c === FLOAT ? floatValue : c.kind === Kind.Binary ? binaryValue : plainValue, { freq: 5 });

const result = fc
  .array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 6 })
  .chain((columns) => fc.tuple(fc.constant(columns), fc.array(fc.tuple(...columns.map(valueOf)), { minLength: 1, maxLength: 40 })));

describe('MysqlRawRows.next: the bytes the rules give', () => {
  test('csv under several null strings, and COPY text, on random row packets', () => {
    fc.assert(
      fc.property(result, fc.constantFrom('', 'NULL', '\\N', ',', '"x"', '∅'), ([columns, rows], nullString) => {
        assert.deepEqual(throughNext(columns, 'csv', nullString, rows), reference(columns, 'csv', nullString, rows));
        assert.deepEqual(throughNext(columns, 'copy-text', nullString, rows), reference(columns, 'copy-text', nullString, rows));
      }),
      { numRuns: 400 },
    );
  });

  test('text that is not valid UTF-8 is decoded as the driver decodes it, in a row with values after it', () => {
    const columns = [KINDS[1]!, KINDS[2]!, KINDS[1]!, KINDS[3]!];
    const rows: Value[][] = [
      [Buffer.from([0xff, 0x09, 0xfe, 0x5c]), Buffer.from('1e20'), Buffer.from('a\tb'), Buffer.from([0, 1])],
      [Buffer.alloc(300, 0xff), Buffer.from('0.1'), Buffer.alloc(300, 0x09), Buffer.alloc(5, 0xab)],
      [Buffer.from([0xc3]), null, Buffer.from('é,"'), null],
      // decoded, the first value takes three bytes for one: more than the row's room, which the rest still needs
      [Buffer.alloc(100_000, 0xff), Buffer.from('1e20'), Buffer.alloc(100_000, 0x09), Buffer.alloc(3, 0xab)],
      [Buffer.alloc(100_000, 0xff), Buffer.from('1e20'), Buffer.alloc(100_000, 0x22), Buffer.alloc(3, 0xab)],
    ];
    for (const nullString of ['', 'NULL'])
      assert.deepEqual(throughNext(columns, 'csv', nullString, rows).toString('utf8'), reference(columns, 'csv', nullString, rows).toString('utf8'));
    const copy = throughNext(columns, 'copy-text', '', rows).toString('utf8');
    assert.equal(copy, reference(columns, 'copy-text', '', rows).toString('utf8'));
    assert.ok(copy.startsWith('\uFFFD\\t\uFFFD\\\\\t1e20\ta\\tb\t\\\\x0001\n'));
  });
});
