import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { streamOutput } from '../../src/output/stream-output.js';

describe('streamOutput', () => {
  test('waits for drain when the stream is full, and keeps all text in order', async () => {
    const chunks: string[] = [];
    let pending = 0;
    const stream = new Writable({
      highWaterMark: 16,
      decodeStrings: false,
      write(chunk: string, _enc, cb) {
        pending++;
        setImmediate(() => {
          chunks.push(chunk);
          pending--;
          cb();
        });
      },
    });
    const out = streamOutput(stream);
    let waited = 0;
    for (let i = 0; i < 50; i++) {
      const r = out.write(`line ${i} with some text\n`);
      if (r instanceof Promise) {
        waited++;
        await r;
        assert.ok(stream.writableLength <= 16, 'resolved only after the buffer drained');
      }
    }
    await new Promise<void>((resolve) => stream.end(resolve));
    assert.ok(waited > 0, 'write returned a promise when the buffer was full');
    assert.equal(pending, 0);
    assert.equal(chunks.join(''), Array.from({ length: 50 }, (_, i) => `line ${i} with some text\n`).join(''));
  });

  test('columns only for a terminal', () => {
    const s = new Writable({ write: (_c, _e, cb) => cb() }) as Writable & { columns?: number; isTTY?: boolean };
    s.columns = 99;
    assert.equal(streamOutput(s).columns, undefined);
    s.isTTY = true;
    assert.equal(streamOutput(s).columns, 99);
    assert.equal(streamOutput(s).isTTY, true);
  });
});

describe('streamOutput.writeBytes', () => {
  test('a file or pipe gets the bytes as they are (invalid UTF-8 too); a terminal gets them decoded and escaped', async () => {
    const got: Buffer[] = [];
    const s = new Writable({
      write(chunk: Buffer, _e, cb) {
        got.push(Buffer.from(chunk));
        cb();
      },
    }) as Writable & { isTTY?: boolean };
    const bytes = Buffer.from([0x61, 0xff, 0x0a, 0xe6, 0x97, 0xa5]);
    await streamOutput(s).writeBytes(bytes);
    assert.deepEqual(Buffer.concat(got), bytes);
    got.length = 0;
    s.isTTY = true;
    await streamOutput(s).writeBytes(Buffer.from('a\x07b\n'));
    assert.equal(Buffer.concat(got).toString(), 'a\\x07b\n');
  });
});
