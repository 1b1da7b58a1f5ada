import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { displayWidth } from '../../src/output/display-width.js';
import { Collector, cols, render } from './collect-output.js';

describe('expanded sink', () => {
  test('psql-style records', async () => {
    const text = await render(cols('id', 'name'), [[1, 'ab'], [2, null]], { format: 'expanded', nullString: 'NULL' });
    assert.equal(text, '-[ RECORD 1 ]\nid   | 1\nname | ab\n-[ RECORD 2 ]\nid   | 2\nname | NULL\n');
  });

  test('every record header of one result has the same width (the widest value), as psql', async () => {
    const text = await render(cols('id', 'name'), [[1, 'a'], [2, 'hello world long'], [3, 'x']], { format: 'expanded' });
    const headers = text.split('\n').filter((l) => l.startsWith('-['));
    assert.deepEqual(headers, ['-[ RECORD 1 ]----------', '-[ RECORD 2 ]----------', '-[ RECORD 3 ]----------']);
  });

  test('record rule has a junction when names are long enough', async () => {
    const text = await render(cols('a_long_column_name'), [['x']], { format: 'expanded' });
    assert.equal(text.split('\n')[0], '-[ RECORD 1 ]------+--');
  });

  test('expanded "on" through a table format', async () => {
    const text = await render(cols('a'), [[1]], { expanded: 'on' });
    assert.ok(text.startsWith('-[ RECORD 1 ]'));
  });

  test('wide names are padded by display width', async () => {
    const text = await render(cols('日本', 'x'), [['1', '2']], { format: 'expanded' });
    assert.deepEqual(text.split('\n').slice(1, 3), ['日本 | 1', 'x    | 2']);
  });

  test('multi-line values and control characters', async () => {
    const text = await render(cols('v', 'e\x1b'), [['a\nb', 'x\x1b[2Jy']], { format: 'expanded' });
    assert.ok(text.includes('v     | a        +\n      | b\n'), text);
    assert.ok(text.includes('e\\x1B | x\\x1B[2Jy'), text);
    assert.ok(!text.includes('\x1b'));
  });

  test('long values wrap to the terminal width', async () => {
    const text = await render(cols('t'), [['word '.repeat(40)]], { format: 'expanded', width: 30 });
    for (const l of text.trimEnd().split('\n')) assert.ok(displayWidth(l) <= 30, l);
    assert.ok(text.split('\n').length > 5);
  });

  test('footer and zero rows', async () => {
    assert.equal(await render(cols('a'), [], { format: 'expanded', footer: true }), '(0 rows)\n');
    // psql: a row count only when there is no record (its footer in expanded mode)
    assert.equal(await render(cols('a'), [[1]], { format: 'expanded', footer: true }), '-[ RECORD 1 ]\na | 1\n');
  });

  test('\\x auto: a table that fits stays a table, a wide one becomes records', async () => {
    const narrow = await render(cols('a', 'b'), [[1, 'x']], { expanded: 'auto', width: 80 });
    assert.ok(narrow.startsWith(' a | b'));
    const wideText = await render(cols('a', 'b'), [[1, 'x'.repeat(100)]], { expanded: 'auto', width: 80 });
    assert.ok(wideText.startsWith('-[ RECORD 1 ]'), wideText);
    // without a terminal width, auto keeps the table
    const file = await render(cols('a', 'b'), [[1, 'x'.repeat(100)]], { expanded: 'auto' });
    assert.ok(file.startsWith(' a |'));
  });

  test('\\x auto switching mid-batch keeps every row', async () => {
    const { TableSink } = await import('../../src/output/table-sink.js');
    const { BORDER_STYLES } = await import('../../src/output/table-style.js');
    const out = new Collector(40);
    const sink = new TableSink(out, { style: BORDER_STYLES.psql, nullString: '', header: true, footer: true, color: false, autoExpand: true, blockRows: 3 });
    await sink.begin(cols('v'));
    await sink.rows([1, 2, 3, 4, 5, 6, 7].map((i) => [String(i).repeat(50)]));
    await sink.end({ rowCount: 7 });
    for (let i = 1; i <= 7; i++) assert.ok(out.text.includes(`RECORD ${i} `), `record ${i}`);
    assert.doesNotMatch(out.text, /\(7 rows\)/, 'records: no row count, as psql');
    assert.match(out.text, /7\n$/);
  });
});
