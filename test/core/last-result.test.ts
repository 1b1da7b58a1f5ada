/**
 * The kept copy of the last result (core/last-result.ts) when its rows come as COPY text (a table,
 * expanded, markdown or unaligned output to a file or pipe): kept as bytes, read back into the same
 * rows only when asked, whatever the chunk cuts; a copy (the producer reuses its buffers); and only
 * counted past the limits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CopyTextRows } from '../../src/core/copy-text-rows.js';
import { KEEP_ROWS, ResultKeeper } from '../../src/core/last-result.js';
import type { ColumnInfo, Row } from '../../src/core/result.js';

const columns: readonly ColumnInfo[] = [{ name: 'id', type: 'int' }, { name: 'name', type: 'text' }, { name: 'ok', type: 'bool' }];
const numeric = [true, false, false];
const booleans = [false, false, true];

function copyText(n: number, from = 1): string {
  let s = '';
  for (let i = from; i < from + n; i++) s += `${i}\t${i % 5 === 0 ? '\\N' : `name\\t${i} \u00e9\u4e2d`}\t${i % 2 === 0 ? 'true' : 'false'}\n`;
  return s;
}

const expected = (text: string): Row[] => {
  const r = new CopyTextRows(numeric, booleans);
  return [...r.push(Buffer.from(text)), ...r.end()];
};

test('COPY text cut anywhere (inside a row, inside a UTF-8 character) is read back into the rows', () => {
  const text = copyText(300);
  const bytes = Buffer.from(text);
  for (const cut of [1, 7, 64, 1000, bytes.length]) {
    const keeper = new ResultKeeper();
    keeper.begin(columns);
    for (let at = 0; at < bytes.length; at += cut) keeper.copyText(bytes.subarray(at, at + cut), numeric, booleans);
    const r = keeper.result('select ...', true)!;
    assert.equal(r.rowCount, 300, `cut ${cut}: counted`);
    assert.deepEqual(r.rows, expected(text), `cut ${cut}: the rows`);
    assert.equal(r.rows, r.rows, 'read back once');
  }
});

test('the bytes are copied: a producer that reuses its buffer does not change the kept rows', () => {
  const keeper = new ResultKeeper();
  keeper.begin(columns);
  const buffer = Buffer.from(copyText(10));
  keeper.copyText(buffer, numeric, booleans);
  buffer.fill(0x41); // the producer writes its next chunk into the same buffer
  assert.deepEqual(keeper.result('q', true)!.rows, expected(copyText(10)));
});

test('rows then COPY text, in order; past the limits only the count; not all read: no rows', () => {
  const keeper = new ResultKeeper();
  keeper.begin(columns);
  const first: Row[] = [['0', 'zero', true]];
  keeper.rows(first);
  keeper.copyText(Buffer.from(copyText(5)), numeric, booleans);
  assert.deepEqual(keeper.result('q', true)!.rows, [...first, ...expected(copyText(5))]);
  assert.equal(keeper.result('q', false)!.rows, undefined, 'a result not read to its end keeps no rows');

  const big = new ResultKeeper();
  big.begin(columns);
  const chunk = Buffer.from(copyText(1000));
  for (let i = 0; i <= KEEP_ROWS / 1000; i++) big.copyText(chunk, numeric, booleans);
  const r = big.result('q', true)!;
  assert.equal(r.rows, undefined, 'more than KEEP_ROWS rows: not kept');
  assert.equal(r.rowCount, KEEP_ROWS + 1000);
});
