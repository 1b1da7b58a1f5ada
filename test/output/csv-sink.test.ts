import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Row } from '../../src/core/result.js';
import { Collector, cols, render } from './collect-output.js';
import { CsvSink } from '../../src/output/csv-sink.js';

/** A strict RFC 4180 reader (LF or CRLF records); returns null for unquoted empty fields. */
export function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let field: string | null;
    if (text[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            s += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else s += text[i++];
      }
      field = s;
    } else {
      let j = i;
      while (j < text.length && text[j] !== ',' && text[j] !== '\n') j++;
      field = j === i ? null : text.slice(i, j);
      if (field?.includes('"')) throw new Error(`bare quote in ${field}`);
      i = j;
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text[i] === '\n') {
      rows.push(row);
      row = [];
      i++;
    } else if (i < text.length) throw new Error(`junk after field at ${i}`);
  }
  if (row.length) rows.push(row);
  return rows;
}

const tricky: Row[] = [
  ['plain', 'with,comma', 'with "quote"'],
  ['line\nbreak', 'cr\r\nlf', ''],
  [null, '日本語 👍🏽 e\u0301', '\x1b[31mred'],
];

describe('csv sink', () => {
  test('parses back to the same data (NULL vs empty string kept apart)', async () => {
    const text = await render(cols('a', 'b', 'c'), tricky, { format: 'csv' });
    assert.deepEqual(parseCsv(text), [['a', 'b', 'c'], ...tricky]);
  });

  test('exact output', async () => {
    const text = await render(cols('a', 'b'), [['x', null], ['', 'y"z']], { format: 'csv' });
    assert.equal(text, 'a,b\nx,\n"","y""z"\n');
  });

  test('numbers, bigint, decimal, blob, boolean', async () => {
    const text = await render(cols('a', 'b', 'c', 'd', 'e'), [[1.5, 9007199254740993n, { kind: 'decimal', text: '12345678901234567890.123456789' }, new Uint8Array([0xde, 0xad]), true]], { format: 'csv' });
    assert.equal(text.split('\n')[1], '1.5,9007199254740993,12345678901234567890.123456789,\\xdead,true');
  });

  test('no header, custom null string (a text equal to it is quoted)', async () => {
    const text = await render(cols('a'), [[null], ['NULL']], { format: 'csv', header: false, nullString: 'NULL' });
    assert.equal(text, 'NULL\n"NULL"\n');
  });

  test('column names with control characters are kept exact', async () => {
    const text = await render(cols('a\x1bb', 'c,d'), [], { format: 'csv' });
    assert.equal(text, 'a\x1bb,"c,d"\n');
  });

  test('zero columns writes empty records', async () => {
    assert.equal(await render([], [[]], { format: 'csv' }), '\n');
  });

  test("psql's csv format: an empty string is nothing, as NULL; \\. quoted in any column; booleans t/f", async () => {
    const out = new Collector();
    const sink = new CsvSink(out, { nullString: '', header: true, psql: true, psqlBooleans: true });
    await sink.begin(cols('a', 'b', 'c', 'd'));
    await sink.rows([['', null, '\\.', true], ['x,y', 'NULL', 'q"', false]]);
    assert.equal(out.text, 'a,b,c,d\n,,"\\.",t\n"x,y",NULL,"q""",f\n');
  });

  test("psql's csv: the null string is written as any text (not quoted for being it)", async () => {
    const out = new Collector();
    const sink = new CsvSink(out, { nullString: 'N,A', header: false, psql: true });
    await sink.begin(cols('a', 'b'));
    await sink.rows([[null, 'N,A'], [null, 'x']]);
    assert.equal(out.text, '"N,A","N,A"\n"N,A",x\n');
  });

  test("with . or \\ as separator every field is quoted (psql's rule); NULL too in psql's csv only", async () => {
    for (const psql of [true, false]) {
      const out = new Collector();
      const sink = new CsvSink(out, { nullString: '', header: true, delimiter: '.', psql });
      await sink.begin(cols('a', 'b', 'c'));
      await sink.rows([['d1', 1.5, null]]);
      assert.equal(out.text, psql ? '"a"."b"."c"\n"d1"."1.5".""\n' : '"a"."b"."c"\n"d1"."1.5".\n');
    }
  });
});
