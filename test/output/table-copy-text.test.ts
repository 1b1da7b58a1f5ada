/**
 * COPY text into the table sink (table-copy-text.ts): the same table as the rows it stands for,
 * whatever the chunks' boundaries (inside a value, inside a UTF-8 character, between a backslash
 * and its letter), to a file (spilled on bytes) and to a terminal (read back as rows).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Row } from '../../src/core/result.js';
import { createSink } from '../../src/output/create-sink.js';
import { copyTextInto, unescapeCopyText } from '../../src/output/table-copy-text.js';
import type { TableSink } from '../../src/output/table-sink.js';
import { Collector, cols, feed, options, type RenderArgs } from './collect-output.js';
import { streamOutput } from '../../src/output/stream-output.js';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const columns = [{ name: 'id', type: 'integer' }, ...cols('name', 'note'), { name: 'n', type: 'numeric' }];
const rows: Row[] = [
  [1, 'plain', 'a b', { kind: 'decimal', text: '1.50' }],
  [22, 'tab\there', 'line\nbreak\nthree', null],
  [null, 'back\\slash \\N', '', { kind: 'decimal', text: '-7' }],
  [4444, '日本語 👍🏽 cafe\u0301', 'esc \x1b[31m bel \x07 del \x7f', { kind: 'decimal', text: '12345678901234567890.5' }],
  [5, '\\N', 'cr\rx \b\f\v', { kind: 'decimal', text: 'NaN' }],
];
const copyText = Buffer.from(
  '1\tplain\ta b\t1.50\n22\ttab\\there\tline\\nbreak\\nthree\t\\N\n\\N\tback\\\\slash \\\\N\t\t-7\n' +
    '4444\t日本語 👍🏽 cafe\u0301\tesc \x1b[31m bel \x07 del \x7f\t12345678901234567890.5\n5\t\\\\N\tcr\\rx \\b\\f\\v\tNaN\n',
);
const numeric = [true, false, false, true];

async function viaCopy(chunks: readonly Uint8Array[], a: RenderArgs): Promise<{ text: string; spilled: number }> {
  const out = new Collector(a.width);
  const sink = createSink(out, options(a));
  await sink.begin(columns);
  for (const c of chunks) await copyTextInto(sink, c, numeric);
  await sink.end({ rowCount: rows.length });
  return { text: out.text, spilled: (sink as TableSink).spilled };
}

async function viaRows(a: RenderArgs): Promise<string> {
  const out = new Collector(a.width);
  await feed(createSink(out, options(a)), columns, rows);
  return out.text;
}

describe('table sink fed COPY text', () => {
  test('unescape: every COPY escape, a lone \\N text', () => {
    assert.equal(unescapeCopyText('a\\tb\\nc\\rd\\be\\ff\\vg\\\\h'), 'a\tb\nc\rd\be\ff\vg\\h');
    assert.equal(unescapeCopyText('\\\\N'), '\\N');
  });

  test('to a file: the table of the rows, spilled on bytes, for any chunk boundaries', async () => {
    for (const a of [{}, { nullString: 'NULL' }, { tableStyle: 'unicode' as const, footer: true }, { tableStyle: 'ascii' as const, header: false }]) {
      const expected = await viaRows(a);
      const whole = await viaCopy([copyText], a);
      assert.equal(whole.text, expected, JSON.stringify(a));
      assert.equal(whole.spilled, rows.length);
      for (const size of [1, 2, 3, 7, 13]) {
        const chunks: Buffer[] = [];
        for (let i = 0; i < copyText.length; i += size) chunks.push(copyText.subarray(i, i + size));
        assert.equal((await viaCopy(chunks, a)).text, expected, `chunks of ${size}`);
      }
    }
  });

  test('to a terminal: read back as rows, the same table', async () => {
    const a = { width: 200 };
    const r = await viaCopy([copyText.subarray(0, 50), copyText.subarray(50)], a);
    assert.equal(r.text, await viaRows(a));
    assert.equal(r.spilled, 0);
  });

  test('to a stream that keeps what it is given (a file opened with -o): no output buffer is filled again too soon', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlsh-copytext-'));
    try {
      const file = join(dir, 'out.txt');
      const stream = createWriteStream(file, { highWaterMark: 1 << 22 }); // takes whole chunks without asking to wait
      const lines: string[] = [];
      for (let i = 0; i < 30000; i++) lines.push(`${i}\tname ${i}\t${i % 7 === 0 ? '\\N' : 'x'.repeat(i % 13)}\t${i / 4}\n`);
      const bytes = Buffer.from(lines.join(''));
      const a = { footer: true };
      const toFile = createSink(streamOutput(stream), options(a));
      const toMemory = new Collector();
      const inMemory = createSink(toMemory, options(a));
      for (const [sink] of [[toFile], [inMemory]] as const) {
        await sink.begin(columns);
        for (let i = 0; i < bytes.length; i += 50000) await copyTextInto(sink, bytes.subarray(i, i + 50000), numeric);
        await sink.end({ rowCount: 30000 });
      }
      await new Promise<void>((resolve) => stream.end(resolve));
      assert.equal(readFileSync(file, 'utf8'), toMemory.text);
      assert.match(toMemory.text, /\(30000 rows\)\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
