import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Row } from '../../src/core/result.js';
import { BYTE_BUDGET, BatchEncoder, MAX_BATCH_VALUES } from '../../src/engines/sqlite/sqlite-batch-encoder.js';
import { BatchReader } from '../../src/engines/sqlite/sqlite-batch-reader.js';
import type { RowBatch } from '../../src/engines/sqlite/sqlite-protocol.js';

/** Takes the encoder's batch across a (simulated) thread boundary, its buffer transferred. */
function ship(encoder: BatchEncoder): RowBatch {
  const { batch, transfer } = encoder.take();
  return structuredClone(batch, { transfer: [transfer] });
}

function readAll(batch: RowBatch, maxRows = 1_000_000): Row[][] {
  const reader = new BatchReader(batch);
  const slices: Row[][] = [];
  for (let rows; (rows = reader.next(maxRows)); ) slices.push(rows);
  return slices;
}

describe('sqlite row batches (worker -> main thread)', () => {
  test('every kind of value comes back exactly, with its type', () => {
    const blob = Buffer.from([0, 255, 16]);
    const pooled = Buffer.from('pooled bytes'); // a view on Node's shared pool
    const raws: unknown[][] = [
      [1n, 'text', 1.5, null, blob],
      [9007199254740991n, '', -0, 9007199254740992n, pooled],
      [-9007199254740991n, 'ü字 😀', Infinity, -9223372036854775808n, new Uint8Array(0)],
      [9223372036854775807n, 'a\u0000b', 2 ** 60, null, null],
    ];
    const encoder = new BatchEncoder(5, 100);
    for (const raw of raws) encoder.add(raw);
    assert.equal(encoder.rowCount, 4);
    const [rows] = readAll(ship(encoder));
    assert.deepEqual(rows, [
      [1, 'text', 1.5, null, new Uint8Array([0, 255, 16])],
      [9007199254740991, '', -0, 9007199254740992n, new Uint8Array(Buffer.from('pooled bytes'))],
      [-9007199254740991, 'ü字 😀', Infinity, -9223372036854775808n, new Uint8Array(0)],
      [9223372036854775807n, 'a\u0000b', 2 ** 60, null, null],
    ]);
    assert.ok(Object.is(rows![1]![2], -0));
    assert.equal(typeof rows![0]![0], 'number');
    const bytes = rows![1]![4] as Uint8Array;
    assert.equal(bytes.constructor, Uint8Array);
    assert.equal(bytes.buffer.byteLength, bytes.byteLength, 'a blob is an exact-size array, not a view on a pool');
  });

  test('a batch is handed on in slices of at most maxRows rows, in order', () => {
    const encoder = new BatchEncoder(2, 1000);
    for (let i = 0; i < 250; i++) encoder.add([BigInt(i), `row ${i}`]);
    const slices = readAll(ship(encoder), 64);
    assert.deepEqual(
      slices.map((s) => s.length),
      [64, 64, 64, 58],
    );
    const rows = slices.flat();
    assert.deepEqual(rows[0], [0, 'row 0']);
    assert.deepEqual(rows[249], [249, 'row 249']);
  });

  test('the encoder starts a fresh batch after each take', () => {
    const encoder = new BatchEncoder(1, 3);
    encoder.add(['a']);
    encoder.add(['b']);
    encoder.add(['c']);
    assert.ok(encoder.full);
    const first = ship(encoder);
    assert.equal(encoder.rowCount, 0);
    assert.ok(!encoder.full);
    encoder.add(['d']);
    assert.deepEqual(readAll(first).flat(), [['a'], ['b'], ['c']]);
    assert.deepEqual(readAll(ship(encoder)).flat(), [['d']]);
  });

  test('batches stay bounded: big text or blobs fill a batch early; many columns mean fewer rows', () => {
    const encoder = new BatchEncoder(1, 1000);
    const big = 'x'.repeat(Math.ceil(BYTE_BUDGET / 3));
    encoder.add([big]);
    encoder.add([new Uint8Array(10)]);
    encoder.add([big]);
    assert.ok(!encoder.full);
    encoder.add([big]);
    assert.ok(encoder.full, 'more than BYTE_BUDGET of text and blobs');
    assert.deepEqual(readAll(ship(encoder)).flat(), [[big], [new Uint8Array(10)], [big], [big]]);

    const columns = 1000;
    const wide = new BatchEncoder(columns, 1000);
    const rowsPerBatch = Math.floor(MAX_BATCH_VALUES / columns);
    for (let i = 0; i < rowsPerBatch; i++) {
      assert.ok(!wide.full);
      wide.add(new Array(columns).fill(null));
    }
    assert.ok(wide.full, `a batch of ${columns} columns holds ${rowsPerBatch} rows`);
  });
});
