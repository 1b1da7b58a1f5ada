import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Row } from '../../src/core/result.js';
import { createSink } from '../../src/output/create-sink.js';
import { OUTPUT_FORMATS, TABLE_STYLES, type TextOutput } from '../../src/output/sink.js';
import { Collector, cols, feed, options, render } from './collect-output.js';

const columns = cols('id', 'text', 'big', 'dec', 'blob', 'esc\x1b');
const rows: Row[] = [
  [1, '日本語', 9007199254740993n, { kind: 'decimal', text: '12345678901234567890.123456789' }, new Uint8Array([0xca, 0xfe]), 'a\x1b[31mb'],
  [2, '👍🏽 e\u0301', null, { kind: 'decimal', text: '-0.5' }, null, ''],
  [3, 'two\nlines', -7n, { kind: 'decimal', text: '0' }, new Uint8Array(), null],
];
const human = new Set(['table', 'expanded', 'markdown']);

describe('createSink: every format', () => {
  for (const format of OUTPUT_FORMATS) {
    test(`${format}: exact bigint/decimal, blob hex, wide text`, async () => {
      const text = await render(columns, rows, { format, nullString: 'NULL' });
      assert.ok(text.includes('9007199254740993'), text);
      assert.ok(text.includes('12345678901234567890.123456789'), text);
      // a blob's \x as each markup writes a backslash
      assert.ok(text.includes(format.startsWith('latex') ? '\\textbackslash{}xcafe' : format === 'troff-ms' ? '\\(rsxcafe' : '\\xcafe'), text);
      assert.ok(text.includes('日本語') && text.includes('👍🏽') && text.includes('e\u0301'));
    });

    test(`${format}: ESC is ${human.has(format) ? 'escaped' : 'kept exact or encoded by the format'}`, async () => {
      const text = await render(columns, rows, { format });
      if (human.has(format)) {
        assert.ok(!text.includes('\x1b'), JSON.stringify(text));
        assert.ok(text.includes('a\\x1B[31mb'));
      } else if (format === 'json' || format === 'jsonl') {
        assert.ok(text.includes('a\\u001b[31mb'));
      } else {
        assert.ok(text.includes('a\x1b[31mb'));
      }
    });

    test(`${format}: zero rows and zero columns do not throw`, async () => {
      await render(columns, [], { format });
      await render([], [], { format });
      await render([], [[]], { format });
    });

    test(`${format}: awaits write() promises (backpressure)`, async () => {
      let inFlight = 0;
      let overlapped = false;
      let writes = 0;
      const out: TextOutput = {
        write: async () => {
          if (inFlight > 0) overlapped = true;
          inFlight++;
          writes++;
          await new Promise((r) => setImmediate(r));
          inFlight--;
        },
      };
      const sink = createSink(out, options({ format }));
      await feed(sink, columns, rows, 1);
      assert.equal(inFlight, 0, 'all writes finished before end() resolved');
      assert.equal(overlapped, false);
      assert.ok(writes > 0);
    });
  }

  test('all table styles render the same cells', async () => {
    for (const tableStyle of TABLE_STYLES) {
      const text = await render(cols('a'), [['日本語']], { tableStyle });
      assert.ok(text.includes('日本語'), tableStyle);
    }
  });

  test('multiple result sets through one sink', async () => {
    for (const format of OUTPUT_FORMATS) {
      const out = new Collector();
      const sink = createSink(out, options({ format }));
      await feed(sink, cols('first'), [['one']]);
      await feed(sink, cols('second'), [['two']]);
      assert.ok(out.text.indexOf('one') < out.text.indexOf('two'), format);
      assert.ok(out.text.includes('second'), format);
    }
  });

  test('large streamed csv output keeps constant memory per batch', async () => {
    let bytes = 0;
    const out: TextOutput = { write: (t) => void (bytes += t.length) };
    const sink = createSink(out, options({ format: 'csv' }));
    await sink.begin(cols('a', 'b'));
    for (let s = 0; s < 300_000; s += 1000) {
      const batch: Row[] = [];
      for (let i = s; i < s + 1000; i++) batch.push([i, 'x']);
      const before = bytes;
      await sink.rows(batch);
      assert.ok(bytes > before, 'each batch is written out before the next arrives');
    }
    await sink.end({ rowCount: 300_000 });
  });
});
