/**
 * The mysql client's outputs write a binary value's bytes as they are, a byte that is not UTF-8 too
 * (the client does; a U+FFFD there changed the data), and its table measures such a byte as one byte
 * wide and no cell on screen, as the client does. Checked against the mariadb client by hand:
 * `mariadb -t -e "select x'41ff42' a"`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MysqlBatchSink } from '../../src/output/mysql-batch-sink.js';
import { MysqlTableSink } from '../../src/output/mysql-table-sink.js';
import { MysqlHtmlSink } from '../../src/output/mysql-markup-sinks.js';
import { mysqlConverter } from '../../src/engines/mysql/mysql-values.js';
import { encodeUtf8Escaped } from '../../src/core/surrogate-escape.js';
import type { ResultSink } from '../../src/output/sink.js';
import { Collector } from './collect-output.js';

const stray = new Uint8Array([0x41, 0xff, 0x42]);

async function bytesOf(make: (out: Collector) => ResultSink, value: unknown): Promise<Buffer> {
  const out = new Collector();
  const sink = make(out);
  await sink.begin([{ name: 'a', type: 'varbinary', nullable: false }]);
  await sink.rows([[value as Uint8Array]]);
  await sink.end({ rowCount: 1 } as never);
  return encodeUtf8Escaped(out.text);
}

test('the mysql client outputs write a binary value that is not UTF-8 byte for byte', async () => {
  const batch = await bytesOf((o) => new MysqlBatchSink(o, { nullString: 'NULL', header: true }), stray);
  assert.deepEqual([...batch], [...Buffer.from('a\nA'), 0xff, ...Buffer.from('B\n')]);
  const html = await bytesOf((o) => new MysqlHtmlSink(o, { nullString: 'NULL', header: true } as never), stray);
  assert.ok(html.includes(Buffer.from([0x41, 0xff, 0x42])), html.toString('latin1'));
  // the client's table: three bytes wide, padded by the two cells A and B take
  const table = await bytesOf((o) => new MysqlTableSink(o, { nullString: 'NULL', header: true }), stray);
  assert.deepEqual(table.toString('latin1').split('\n').slice(0, 4), ['+-----+', '| a   |', '+-----+', '| A\xffB  |']);
});

test('the mysql command line reads a BIT, a geometry and a binary column as their bytes, not U+FFFD', () => {
  const convert = mysqlConverter({ name: 'a', columnType: 253, characterSet: 63, flags: 0 }, true);
  assert.deepEqual([...encodeUtf8Escaped(convert(Buffer.from(stray)) as string)], [...stray]);
});
