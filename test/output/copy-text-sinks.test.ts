/**
 * Expanded, unaligned and markdown output fed COPY text (their copyText(): rows until the first
 * rows are out, then bytes) against the same rows fed as rows: the same bytes, for any values
 * (NULL, booleans, numbers, escapes, control characters, wide and invalid text, '|', trailing
 * spaces), any chunk boundaries, after the first 1000 rows and inside them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ColumnInfo, Row, Value } from '../../src/core/result.js';
import { createSink } from '../../src/output/create-sink.js';
import { FIRST_ROWS } from '../../src/output/expanded-sink.js';
import type { RenderOptions, TextOutput } from '../../src/output/sink.js';
import { copyTextInto } from '../../src/output/table-copy-text.js';
import { options, type RenderArgs } from './collect-output.js';

/** A file or pipe that takes bytes (as stdout does), keeping every byte it is given. */
class Bytes implements TextOutput {
  private parts: Buffer[] = [];
  write(t: string): void {
    this.parts.push(Buffer.from(t));
  }
  writeBytes(b: Uint8Array): void {
    this.parts.push(Buffer.from(b)); // a copy: the writer fills its buffer again
  }
  holdsBytes(): boolean {
    return false;
  }
  get bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

const columns: ColumnInfo[] = [
  { name: 'id', type: 'integer' },
  { name: 'name', type: 'text' },
  { name: 'ok', type: 'boolean' },
  { name: 'amount', type: 'numeric' },
  { name: 'note ', type: 'text' },
];
const numeric = [true, false, false, true, false];
const booleans = [false, false, true, false, false];

/** One row as COPY text. */
function copyLine(row: Row): string {
  return (
    row
      .map((v) => {
        if (v === null) return '\\N';
        if (typeof v === 'boolean') return v ? 'true' : 'false';
        if (typeof v === 'object' && v !== null && 'text' in v) return v.text;
        return String(v).replace(/[\\\t\n\r\b\f\v]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v' })[c]!);
      })
      .join('\t') + '\n'
  );
}

const dec = (text: string): Value => Object.freeze({ kind: 'decimal' as const, text });
const filler = (i: number): Row => [dec(String(i)), `name ${i}`, i % 2 === 0, dec(`${i}.5`), i % 3 === 0 ? null : 'x'];

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', 'trail  ', 'a|b', '|', 'two\nlines', 'tab\there', '\\N', 'back\\slash', 'esc \x1b[31m', 'bel\x07', '漢字', 'e\u0301', '\u202e', 'cr\r', 'x'.repeat(200)),
);
const row = fc.tuple(fc.option(fc.integer().map((n) => dec(String(n)))), fc.option(text), fc.option(fc.boolean()), fc.option(fc.constantFrom(dec('1.50'), dec('-7'), dec('NaN'), dec('12345678901234567890.5'))), fc.option(text)).map((r) => r as Row);

type Args = RenderArgs & Partial<Pick<RenderOptions, 'fieldSeparator' | 'recordSeparator'>>;

async function viaRows(rows: readonly Row[], a: Args): Promise<Buffer> {
  const out = new Bytes();
  const sink = createSink(out, { ...options(a), ...a });
  await sink.begin(columns);
  for (let i = 0; i < rows.length; i += 50) await sink.rows(rows.slice(i, i + 50));
  await sink.end({ rowCount: rows.length });
  return out.bytes;
}

async function viaCopy(rows: readonly Row[], a: Args, cut: (bytes: Buffer) => Buffer[]): Promise<Buffer> {
  const out = new Bytes();
  const sink = createSink(out, { ...options(a), ...a });
  await sink.begin(columns);
  for (const chunk of cut(Buffer.from(rows.map(copyLine).join('')))) await copyTextInto(sink, chunk, numeric, booleans);
  await sink.end({ rowCount: rows.length });
  return out.bytes;
}

const FORMATS: Args[] = [
  { format: 'expanded' },
  { format: 'expanded', nullString: 'NULL', footer: true, tableStyle: 'unicode' },
  { format: 'expanded', nullString: 'two\nlines', tableStyle: 'ascii' },
  { format: 'table', expanded: 'on', footer: true },
  { format: 'unaligned' },
  { format: 'unaligned', nullString: 'NULL', fieldSeparator: ',', recordSeparator: ';', header: false, footer: true },
  { format: 'unaligned', fieldSeparator: '\0', recordSeparator: '\0' },
  { format: 'markdown' },
  { format: 'markdown', nullString: 'N|A' },
  { format: 'table', tableStyle: 'markdown', header: false },
];

const cutEvery = (size: number) => (b: Buffer) => {
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += size) out.push(b.subarray(i, i + size));
  return out;
};

describe('expanded, unaligned and markdown fed COPY text', () => {
  test('the same bytes as the rows, after the first rows (the byte path) and within them, for any values and chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: FORMATS.length - 1 }), fc.integer({ min: 1, max: 5000 }), fc.boolean(), async (tricky, f, size, early) => {
        const rows: Row[] = [];
        if (early) rows.push(...tricky); // in the first rows: they set the record headers' width and markdown's rules
        for (let i = 0; i < FIRST_ROWS; i++) rows.push(filler(i));
        rows.push(...tricky, filler(-1), ...tricky);
        const a = FORMATS[f]!;
        const expected = await viaRows(rows, a);
        assert.equal((await viaCopy(rows, a, cutEvery(size))).toString('latin1'), expected.toString('latin1'), JSON.stringify(a));
      }),
      { numRuns: 60 },
    );
  });

  test('every format: one chunk, chunks of 1 to 13 bytes, a last row without its newline, fewer rows than the first batch', async () => {
    const rows: Row[] = [];
    for (let i = 0; i < FIRST_ROWS + 40; i++) rows.push(i % 17 === 0 ? [null, 'tab\there', false, dec('-7'), ' sp '] : filler(i));
    for (const a of FORMATS) {
      for (const n of [rows.length, 5]) {
        const some = rows.slice(0, n);
        const expected = await viaRows(some, a);
        assert.ok(expected.length > 0);
        for (const cut of [(b: Buffer) => [b], cutEvery(1), cutEvery(13), (b: Buffer) => [b.subarray(0, -1)]]) {
          const got = await viaCopy(some, a, cut);
          assert.equal(got.toString('latin1'), expected.toString('latin1'), `${JSON.stringify(a)} ${n} rows`);
        }
      }
    }
  });

  test('the byte path writes values as they are: numbers, dates and text of printable ASCII are copied, not re-made', async () => {
    // a value the rows would show differently from its COPY text would show here (none may)
    const rows: Row[] = [];
    for (let i = 0; i < FIRST_ROWS + 3; i++) rows.push([dec(String(i)), '2020-01-01 10:00:00', true, dec('1e+20'), 'a  b']);
    const expanded = (await viaCopy(rows, { format: 'expanded' }, (b) => [b])).toString();
    assert.match(expanded, /-\[ RECORD 1003 \]-+\nid {5}\| 1002\nname {3}\| 2020-01-01 10:00:00\nok {5}\| true\namount \| 1e\+20\nnote {3}\| a {2}b\n$/);
    const unaligned = (await viaCopy(rows, { format: 'unaligned', footer: true }, (b) => [b])).toString();
    assert.match(unaligned, /\n1002\|2020-01-01 10:00:00\|t\|1e\+20\|a {2}b\n\(1003 rows\)\n$/);
  });
});
