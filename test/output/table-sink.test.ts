import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Row } from '../../src/core/result.js';
import { displayWidth, graphemes } from '../../src/output/display-width.js';
import { TableSink } from '../../src/output/table-sink.js';
import { BORDER_STYLES, psqlBorderStyle, type BorderStyle } from '../../src/output/table-style.js';

/** sqlsh's styles and psql's borders and line styles (\\pset border, linestyle). */
const EVERY_STYLE: readonly [string, BorderStyle][] = [
  ...(['psql', 'unicode', 'ascii'] as const).map((k): [string, BorderStyle] => [k, BORDER_STYLES[k]]),
  ...[0, 2].flatMap((border) =>
    (['ascii', 'old-ascii', 'unicode'] as const).map((linestyle): [string, BorderStyle] => [`border ${border} ${linestyle}`, psqlBorderStyle({ border, linestyle })]),
  ),
  ['border 1 old-ascii', psqlBorderStyle({ border: 1, linestyle: 'old-ascii' })],
  ['border 2 unicode double', psqlBorderStyle({ border: 2, linestyle: 'unicode', unicodeBorder: 'double', unicodeColumn: 'double', unicodeHeader: 'double' })],
];
import { Collector, cols, feed, render } from './collect-output.js';

/** Display columns of every separator character in a line. */
function separatorColumns(line: string, sep: string): number[] {
  const out: number[] = [];
  let col = 0;
  for (const ch of graphemes(line)) {
    if (ch === sep) out.push(col);
    col += displayWidth(ch);
  }
  return out;
}

const wide: Row[] = [
  [1, '日本語', { kind: 'decimal', text: '12345678901234567890.123456789' }],
  [22, '👍🏽', 9007199254740993n],
  [333, 'cafe\u0301', -1.5],
];

describe('table sink, psql style', () => {
  test('exact layout: centered header, numbers right-aligned, wide chars padded by width', async () => {
    const text = await render(cols('id', 'name'), [[1, '日本語'], [22, 'a']]);
    assert.equal(text, ' id |  name  \n----+--------\n  1 | 日本語\n 22 | a\n');
  });

  test('columns line up with CJK, emoji and combining marks', async () => {
    const text = await render(cols('id', 'name', 'n'), wide);
    const lines = text.trimEnd().split('\n').filter((l) => !l.startsWith('-'));
    const expected = separatorColumns(lines[0]!, '|');
    assert.equal(expected.length, 2);
    for (const l of lines) assert.deepEqual(separatorColumns(l, '|'), expected, l);
  });

  test('bigint and decimal are exact and right-aligned', async () => {
    const text = await render(cols('n'), [[9007199254740993n], [{ kind: 'decimal', text: '12345678901234567890.123456789' }], [1]]);
    assert.match(text, /\n {15}9007199254740993\n/);
    assert.match(text, /\n 12345678901234567890\.123456789\n/);
    assert.match(text, /\n {30}1\n/);
  });

  test('NULL is distinct from empty string with a visible null string', async () => {
    const text = await render(cols('a', 'b'), [[null, '']], { nullString: '∅' });
    assert.equal(text.split('\n')[2], ' ∅ | ');
  });

  test('NULL with the default null string shows nothing, dimmed null string with colour', async () => {
    assert.equal((await render(cols('a'), [[null]])).split('\n')[2], ' '); // psql: the space after the edge, nothing else
    const colored = await render(cols('a'), [[null]], { nullString: 'NULL', color: true });
    assert.ok(colored.includes('\x1b[2mNULL\x1b[22m'));
  });

  test('footer counts rows', async () => {
    assert.ok((await render(cols('a'), [[1], [2]], { footer: true })).endsWith('(2 rows)\n'));
    assert.ok((await render(cols('a'), [[1]], { footer: true })).endsWith('(1 row)\n'));
  });

  test('zero rows prints header and footer', async () => {
    assert.equal(await render(cols('abc'), [], { footer: true }), ' abc \n-----\n(0 rows)\n');
  });

  test('zero columns prints only the footer', async () => {
    assert.equal(await render([], [[], []], { footer: true }), '(2 rows)\n');
  });

  test('control characters in data and names are escaped', async () => {
    const text = await render(cols('x\x1b[31m'), [['a\x1b]0;pwned\x07b'], ['c\rd\te']]);
    assert.ok(!/[\x00-\x09\x0b-\x1f\x7f]/.test(text), JSON.stringify(text));
    assert.ok(text.includes('x\\x1B[31m'));
    assert.ok(text.includes('a\\x1B]0;pwned\\x07b'));
    // as psql: a tab is the spaces to the next multiple of 8 cells
    assert.ok(text.includes('c\\rd    e'), JSON.stringify(text));
  });

  test('multi-line values continue on the next line with +', async () => {
    const text = await render(cols('a', 'b'), [['one\ntwo', 'x']]);
    assert.equal(text, '  a  | b \n-----+---\n one+| x\n two | \n');
  });

  test('no header', async () => {
    assert.equal(await render(cols('a'), [['x']], { header: false }), ' x\n');
  });

  test('two result sets are separated by a blank line', async () => {
    const out = new Collector();
    const { createSink } = await import('../../src/output/create-sink.js');
    const { options } = await import('./collect-output.js');
    const sink = createSink(out, options());
    await feed(sink, cols('a'), [[1]]);
    await feed(sink, cols('b'), [[2]]);
    assert.equal(out.text, ' a \n---\n 1\n\n b \n---\n 2\n');
  });
});

describe('table sink, other styles', () => {
  test('ascii boxes', async () => {
    const text = await render(cols('a', 'bb'), [[1, 'x']], { tableStyle: 'ascii' });
    assert.equal(text, '+---+----+\n| a | bb |\n+---+----+\n| 1 | x  |\n+---+----+\n');
  });
  test('unicode boxes', async () => {
    const text = await render(cols('a'), [['日']], { tableStyle: 'unicode' });
    assert.equal(text, '┌────┐\n│ a  │\n├────┤\n│ 日 │\n└────┘\n');
  });
  test('unicode box lines up with wide characters', async () => {
    const text = await render(cols('id', 'name', 'n'), wide, { tableStyle: 'unicode' });
    const lines = text.trimEnd().split('\n');
    for (const l of lines) assert.equal(displayWidth(l), displayWidth(lines[0]!), l);
  });
});

describe('table sink, fitting a terminal', () => {
  const long = 'lorem ipsum dolor sit amet '.repeat(6).trim();

  test('every line fits the terminal width and nothing is lost', async () => {
    const text = await render(cols('id', 'text', 'n'), [[1, long, 42], [2, '日本語'.repeat(20), 7]], { width: 40 });
    for (const l of text.trimEnd().split('\n')) assert.ok(displayWidth(l) <= 40, `${displayWidth(l)}: ${l}`);
    // a wrapped value's lines: '.' after a line that goes on, '.' before the line that continues it (psql's marks)
    const joined = text.split('\n').map((l) => l.split('|')[1]?.trim().replace(/\.$/, '').replace(/^\./, '') ?? '').join(' ');
    assert.ok(joined.replace(/\s+/g, ' ').includes('lorem ipsum dolor sit amet lorem'), joined);
    assert.ok(text.includes('42'));
  });

  test('wrapped lines keep the separators aligned', async () => {
    const text = await render(cols('id', 'text'), [[1, long], [2, '日本語'.repeat(20)]], { width: 30 });
    const lines = text.trimEnd().split('\n').filter((l) => !l.startsWith('-'));
    const expected = separatorColumns(lines[0]!, '|');
    for (const l of lines) assert.deepEqual(separatorColumns(l, '|'), expected, l);
  });

  test('very long cells are cut after maxLines with an ellipsis', async () => {
    const out = new Collector(30);
    const sink = new TableSink(out, { style: BORDER_STYLES.psql, nullString: '', header: true, footer: false, color: false, maxLines: 3 });
    await feed(sink, cols('t'), [['x'.repeat(1000)]]);
    const lines = out.text.trimEnd().split('\n');
    assert.equal(lines.length, 2 + 3);
    assert.ok(lines[4]!.endsWith('…'), lines[4]);
  });

  test('a value is never wrapped narrower than its header; when the table cannot fit so, rows are whole', async () => {
    const names = ['customer_id', 'first_name', 'last_name', 'company', 'city', 'country', 'email'];
    const row = [1, 'Rosa', 'Schmidt', null, 'Buenos Aires', 'Argentina', 'rosa.schmidt1@example.org'];
    const text = await render(cols(...names), [row], { width: 40, nullString: 'NULL' });
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, 3, text);
    assert.equal(lines[2], '           1 | Rosa       | Schmidt   | NULL    | Buenos Aires | Argentina | rosa.schmidt1@example.org');
    // A table that fits with readable pieces still wraps its long value.
    const fits = await render(cols('id', 'note'), [[1, 'lorem ipsum dolor sit amet '.repeat(3).trim()]], { width: 30 });
    for (const l of fits.trimEnd().split('\n')) assert.ok(displayWidth(l) <= 30, l);
  });

  test('without a terminal nothing is wrapped', async () => {
    const text = await render(cols('t'), [[long]]);
    assert.ok(text.includes(long));
  });
});

describe('table sink, bounded memory', () => {
  test('300k rows in batches of 1000 never hold more than one block', async () => {
    let written = 0;
    let lines = 0;
    const out = {
      write(t: string): void {
        written += t.length;
        for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) lines++;
      },
    };
    const sink = new TableSink(out, { style: BORDER_STYLES.psql, nullString: '', header: true, footer: true, color: false, blockRows: 500 });
    await sink.begin(cols('id', 'name', 'v'));
    const total = 300_000;
    for (let start = 0; start < total; start += 1000) {
      const batch: Row[] = [];
      for (let i = start; i < start + 1000; i++) batch.push([i, `name ${i}`, i % 7 === 0 ? null : i * 0.5]);
      await sink.rows(batch);
      assert.ok(sink.peakBufferedRows <= 500, `held ${sink.peakBufferedRows} rows`);
    }
    await sink.end({ rowCount: total });
    assert.ok(sink.peakBufferedRows <= 500);
    assert.ok(written > total * 10);
    // one header + rule, every row, the footer
    assert.equal(sink.headerCount, 1);
    assert.equal(lines, total + 2 + 1);
  });

  test('on a terminal, a later, wider block repeats the header with the new widths', async () => {
    const out = new Collector(80);
    const sink = new TableSink(out, { style: BORDER_STYLES.psql, nullString: '', header: true, footer: false, color: false, blockRows: 2 });
    await feed(sink, cols('a'), [['x'], ['y'], ['much wider'], ['z']]);
    assert.equal(sink.headerCount, 2);
    assert.equal(out.text, ' a \n---\n x\n y\n     a      \n------------\n much wider\n z\n');
  });

  test('to a file, a later, wider block widens the one table: header once (rows spilled, not held)', async () => {
    const out = new Collector();
    const sink = new TableSink(out, { style: BORDER_STYLES.psql, nullString: '', header: true, footer: true, color: false, blockRows: 2 });
    await feed(sink, cols('a', 'n'), [['x', 1], ['y', null], ['much wider', 100], ['z\nline', 2]]);
    assert.equal(sink.headerCount, 1);
    assert.equal(sink.spilled, 4);
    assert.ok(sink.peakBufferedRows <= 2);
    assert.equal(
      out.text,
      '     a      |  n  \n------------+-----\n x          |   1\n y          |    \n much wider | 100\n z         +|   2\n line       | \n(4 rows)\n',
    );
  });

  test('to a file, every style gives the same text spilled or held in memory', async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 50; i++) rows.push([i * 37, i % 5 === 0 ? null : `v${'x'.repeat(i % 13)}`, i % 3 === 0 ? 'two\nlines' : '日本']);
    for (const [name, style] of EVERY_STYLE) {
      const texts: string[] = [];
      for (const blockRows of [1000, 3]) {
        const out = new Collector();
        const sink = new TableSink(out, { style, nullString: 'NULL', header: true, footer: true, color: false, blockRows });
        await feed(sink, cols('id', 'name', 'note'), rows, 7);
        assert.equal(sink.spilled, blockRows === 3 ? 50 : 0);
        texts.push(out.text);
      }
      assert.equal(texts[1], texts[0], name);
    }
  });
});

describe('table sink, spilled rows rendered from bytes (table-replay.ts)', () => {
  /** A file-like output taking bytes (as streamOutput does) and text. */
  class ByteCollector {
    readonly parts: Buffer[] = [];
    byteWrites = 0;
    write(t: string): void {
      this.parts.push(Buffer.from(t, 'utf8'));
    }
    writeBytes(b: Uint8Array): void {
      this.parts.push(Buffer.from(b));
      this.byteWrites++;
    }
    get text(): string {
      return Buffer.concat(this.parts).toString('utf8');
    }
  }

  const long = 'long value '.repeat(12);
  const rows: Row[] = [];
  for (let i = 0; i < 60; i++) {
    rows.push([
      i % 4 === 0 ? null : i * 1001,
      i % 5 === 0 ? null : ['plain', '', '日本語', 'tab\there', 'esc\x1b[31m', 'cafe\u0301', '👍🏽', long][i % 8]!,
      i % 6 === 0 ? 'two\nlines' : i % 7 === 0 ? 12345678901234567890n : i % 9 === 0 ? true : -1.5 * i,
      i % 11 === 0 ? new Uint8Array([0, 255, 16]) : { kind: 'decimal', text: `${i}.50` },
    ]);
  }

  test('the same bytes spilled (through writeBytes or text) as held in memory, in every style, NULLs dimmed or not', async () => {
    for (const [name, style] of EVERY_STYLE) {
      for (const color of [false, true]) {
        for (const nullString of ['', 'NULL', '∅']) {
          const opts = { style, nullString, header: true, footer: true, color };
          const memory = new Collector();
          await feed(new TableSink(memory, { ...opts, blockRows: 1000 }), cols('n', 'name', 'mixed', 'dec'), rows, 7);
          const bytes = new ByteCollector();
          const spilledToBytes = new TableSink(bytes as never, { ...opts, blockRows: 4 });
          await feed(spilledToBytes, cols('n', 'name', 'mixed', 'dec'), rows, 7);
          assert.equal(spilledToBytes.spilled, rows.length);
          assert.ok(bytes.byteWrites > 0, 'rows went out as bytes');
          const text = new Collector();
          await feed(new TableSink(text, { ...opts, blockRows: 4 }), cols('n', 'name', 'mixed', 'dec'), rows, 7);
          const label = `${name} color=${color} null=${JSON.stringify(nullString)}`;
          assert.equal(bytes.text, memory.text, label);
          assert.equal(text.text, memory.text, label);
        }
      }
    }
  });

  test('a NULL in a column typed as a number is right-aligned when spilled, as in memory', async () => {
    const columns = [{ name: 'amount', type: 'integer' }, { name: 'x', type: 'text' }];
    const data: Row[] = [[null, 'a'], [null, 'bb'], [null, null]];
    const memory = new Collector();
    await feed(new TableSink(memory, { style: BORDER_STYLES.psql, nullString: 'NULL', header: true, footer: false, color: false }), columns, data);
    const spilled = new ByteCollector();
    await feed(new TableSink(spilled as never, { style: BORDER_STYLES.psql, nullString: 'NULL', header: true, footer: false, color: false, blockRows: 1 }), columns, data);
    assert.equal(spilled.text, memory.text);
    assert.match(memory.text, /\n   NULL \| a\n/);
  });

  test('a record longer than the read chunk (a 300 kB value) comes back whole', async () => {
    const big = 'x'.repeat(300_000);
    const memory = new Collector();
    const opts = { style: BORDER_STYLES.psql, nullString: '', header: true, footer: false, color: false };
    await feed(new TableSink(memory, opts), cols('a', 'b'), [[1, 'short'], [2, big], [3, 'z']]);
    const spilled = new ByteCollector();
    await feed(new TableSink(spilled as never, { ...opts, blockRows: 1 }), cols('a', 'b'), [[1, 'short'], [2, big], [3, 'z']]);
    assert.equal(spilled.text, memory.text);
  });
});
