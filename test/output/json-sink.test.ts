import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Row } from '../../src/core/result.js';
import { createSink } from '../../src/output/create-sink.js';
import { Collector, cols, feed, options, render } from './collect-output.js';

const rows: Row[] = [
  [1, 'a', null, true],
  [2.5, '日本語 👍🏽 e\u0301\n\x1b[0m"q"', '', false],
];

describe('json sink', () => {
  test('parses back to the input', async () => {
    const text = await render(cols('n', 's', 'x', 'b'), rows, { format: 'json' });
    assert.deepEqual(JSON.parse(text), [
      { n: 1, s: 'a', x: null, b: true },
      { n: 2.5, s: '日本語 👍🏽 e\u0301\n\x1b[0m"q"', x: '', b: false },
    ]);
  });

  test('bigint and decimal are raw exact numbers, json is embedded, NaN is a string, blob is hex', async () => {
    const text = await render(cols('big', 'dec', 'j', 'nan', 'inf', 'blob', 'nd', 't'), [[
      9007199254740993n,
      { kind: 'decimal', text: '12345678901234567890.123456789' },
      { kind: 'json', text: '{"k": [1,\n 2]}' },
      NaN,
      -Infinity,
      new Uint8Array([1, 2]),
      { kind: 'decimal', text: 'NaN' },
      { kind: 'temporal', text: '2024-01-02T03:04:05Z' },
    ]], { format: 'json' });
    assert.ok(text.includes('"big":9007199254740993,'));
    assert.ok(text.includes('"dec":12345678901234567890.123456789,'));
    assert.ok(text.includes('"j":{"k":[1,2]}'));
    const parsed = JSON.parse(text)[0];
    assert.equal(parsed.nan, 'NaN');
    assert.equal(parsed.inf, '-Infinity');
    assert.equal(parsed.blob, '\\x0102');
    assert.equal(parsed.nd, 'NaN');
    assert.equal(parsed.t, '2024-01-02T03:04:05Z');
    assert.deepEqual(parsed.j, { k: [1, 2] });
  });

  test('duplicate column names are made unique', async () => {
    const text = await render(cols('a', 'a', 'a_2', 'a'), [[1, 2, 3, 4]], { format: 'json' });
    assert.deepEqual(Object.keys(JSON.parse(text)[0]), ['a', 'a_2', 'a_2_2', 'a_3']);
  });

  test('zero rows is an empty array; two result sets are two arrays', async () => {
    assert.deepEqual(JSON.parse(await render(cols('a'), [], { format: 'json' })), []);
    const out = new Collector();
    const sink = createSink(out, options({ format: 'json' }));
    await feed(sink, cols('a'), [[1]]);
    await feed(sink, cols('b'), [[2], [3]]);
    const parts = out.text.trim().split('\n]\n').map((p, i, all) => (i < all.length - 1 ? p + ']' : p));
    assert.deepEqual(parts.map((p) => JSON.parse(p)), [[{ a: 1 }], [{ b: 2 }, { b: 3 }]]);
  });

  test('streams: rows are written as they arrive', async () => {
    const out = new Collector();
    const sink = createSink(out, options({ format: 'json' }));
    await sink.begin(cols('a'));
    await sink.rows([[1]]);
    assert.ok(out.text.includes('{"a":1}'));
    await sink.rows([[2]]);
    await sink.end({ rowCount: 2 });
    assert.deepEqual(JSON.parse(out.text), [{ a: 1 }, { a: 2 }]);
  });
});

describe('jsonl sink', () => {
  test('one object per line, parsed back', async () => {
    const text = await render(cols('n', 's', 'x', 'b'), rows, { format: 'jsonl' });
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.deepEqual(JSON.parse(lines[1]!).s, '日本語 👍🏽 e\u0301\n\x1b[0m"q"');
  });
  test('multi-line json values are compacted onto the line', async () => {
    const text = await render(cols('j', 'big'), [[{ kind: 'json', text: '{\n  "a": "x\\n y",\n  "b": 1\n}' }, 9007199254740993n]], { format: 'jsonl' });
    assert.equal(text, '{"j":{"a":"x\\n y","b":1},"big":9007199254740993}\n');
  });
});
