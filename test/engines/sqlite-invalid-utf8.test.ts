/**
 * SQLite TEXT may hold any bytes. Text that is not valid UTF-8 must not silently become U+FFFD:
 * a table shows each bad byte as `\xNN`, csv and tsv to a file or pipe keep the exact bytes (as
 * sqlite3 does), and real U+FFFD characters stay what they are.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { decodeUtf8Escaped, encodeUtf8Escaped } from '../../src/core/surrogate-escape.js';
import { sqliteEngine } from '../../src/engines/sqlite/sqlite-engine.js';
import { BIN, sandboxEnv } from '../helpers/run-cli.js';
import { collect, tempDir } from './sqlite-test-helpers.js';

/** id, then the hex of the TEXT bytes stored. */
const VALUES: ReadonlyArray<readonly [number, string]> = [
  [1, '636166e9'], // 'caf' + a Latin-1 é byte
  [2, '61efbfbd62'], // 'a' U+FFFD 'b': valid UTF-8, a real replacement character
  [3, 'e282acff2c22410a'], // '€', 0xFF, then ',"A\n' (csv must quote it)
  [4, '706c61696e'], // 'plain'
  [5, 'eda080'], // an encoded surrogate: not UTF-8
  [6, 'c0af'], // an overlong '/'
];

function makeDb(dir: string): string {
  const path = join(dir, 'bytes.db');
  const db = new Database(path);
  db.exec('create table t (id integer, v text)');
  const ins = db.prepare(`insert into t values (?, cast(? as text))`);
  for (const [id, hex] of VALUES) ins.run(id, Buffer.from(hex, 'hex'));
  db.close();
  return path;
}

function sqlsh(args: readonly string[]): { stdout: Buffer; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: sandboxEnv(), timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr.toString(), status: r.status };
}

describe('sqlite text that is not valid UTF-8', () => {
  test('any bytes survive decoding and encoding again (the escape is lossless)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        assert.deepEqual(new Uint8Array(encodeUtf8Escaped(decodeUtf8Escaped(bytes))), bytes);
      }),
      { numRuns: 2000 },
    );
    assert.equal(decodeUtf8Escaped(Buffer.from('caf\u00e9 \u20ac \u{1f600}', 'utf8')), 'caf\u00e9 \u20ac \u{1f600}');
  });

  test('the engine gives the bytes, escaped; valid text, U+FFFD included, is unchanged', async (t) => {
    const conn = await sqliteEngine.connect({ engine: 'sqlite', path: makeDb(tempDir(t)) });
    try {
      const r = await collect(conn, 'select v from t order by id');
      assert.deepEqual(
        r.rows.map((row) => row[0]),
        ['caf\udce9', 'a\ufffdb', '\u20ac\udcff,"A\n', 'plain', '\udced\udca0\udc80', '\udcc0\udcaf'],
      );
    } finally {
      await conn.close();
    }
  });

  test('a table shows each bad byte as \\xNN', (t) => {
    const r = sqlsh([makeDb(tempDir(t)), '-c', 'select id, v from t where id in (1, 2, 5, 6) order by id']);
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout.toString('utf8');
    assert.match(out, /^ +1 \| caf\\xe9 *$/m);
    assert.match(out, /^ +2 \| a\ufffdb *$/m);
    assert.match(out, /^ +5 \| \\xed\\xa0\\x80 *$/m);
    assert.match(out, /^ +6 \| \\xc0\\xaf *$/m);
  });

  for (const format of ['csv', 'tsv'] as const) {
    test(`${format} to a pipe keeps the exact bytes`, (t) => {
      const r = sqlsh([makeDb(tempDir(t)), '-c', 'select v from t order by id', '--format', format, '--no-header']);
      assert.equal(r.status, 0, r.stderr);
      const b = (hex: string): Buffer => Buffer.from(hex, 'hex');
      const s = (text: string): Buffer => Buffer.from(text, 'utf8');
      const third = format === 'csv' ? Buffer.concat([s('"'), b('e282acff'), s(',""A\n"')]) : Buffer.concat([b('e282acff'), s(',"A\\n')]);
      const expected = Buffer.concat([b('636166e9'), s('\n'), b('61efbfbd62'), s('\n'), third, s('\nplain\n'), b('eda080'), s('\n'), b('c0af'), s('\n')]);
      assert.equal(r.stdout.toString('hex'), expected.toString('hex'));
    });
  }
});
