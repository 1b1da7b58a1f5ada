/**
 * LOAD DATA LOCAL INFILE's file (mysql-local-infile.ts): served only for a statement that starts with
 * LOAD ... LOCAL, as the client's library serves it; a server asking during any other statement gets
 * nothing and the statement fails with the library's `Load data local infile forbidden`; a file that
 * cannot be opened fails with the library's `File 'x' not found (Errcode: 2)`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { localFileFailure, localInfileStream } from '../../src/engines/mysql/mysql-local-infile.js';
import { loadsLocalFile, readsLocalFile } from '../../src/sql/mysql-local-infile.js';
import { tempDir } from '../meta/cli-helper.js';

async function read(stream: Readable): Promise<Buffer | Error> {
  const chunks: Buffer[] = [];
  try {
    for await (const c of stream) chunks.push(c as Buffer);
  } catch (e) {
    return e as Error;
  }
  return Buffer.concat(chunks);
}

test('which statements read a local file', () => {
  for (const sql of ["LOAD DATA LOCAL INFILE 'f' INTO TABLE t", "load data low_priority local infile 'f' into table t", "load  xml\nlocal infile 'f' into table t", "LOAD DATA CONCURRENT LOCAL INFILE 'f' INTO TABLE t"]) {
    assert.ok(loadsLocalFile(sql), sql);
    assert.ok(readsLocalFile(`/* c */ -- x\n ${sql}`), sql);
  }
  for (const sql of ["LOAD DATA INFILE 'f' INTO TABLE t", "select 'LOAD DATA LOCAL INFILE'", ' LOAD DATA LOCAL INFILE x', "/*!40101 LOAD DATA LOCAL INFILE 'f' INTO TABLE t */"]) assert.ok(!loadsLocalFile(sql), sql);
  assert.ok(!readsLocalFile("select 1; -- LOAD DATA LOCAL INFILE 'f'"));
});

test('the file for a LOAD ... LOCAL statement; refused for any other; the client library words for a missing file', async () => {
  const dir = tempDir();
  const file = join(dir, 'rows.txt');
  writeFileSync(file, 'a\nb\n');
  assert.deepEqual(await read(localInfileStream(file, `LOAD DATA LOCAL INFILE '${file}' INTO TABLE t`)), Buffer.from('a\nb\n'));
  const refused = await read(localInfileStream(file, 'SELECT 1'));
  assert.ok(refused instanceof Error);
  assert.deepEqual(localFileFailure(refused), { message: 'Load data local infile forbidden', vendorCode: 2000 });
  const missing = await read(localInfileStream('missing.txt', "LOAD DATA LOCAL INFILE 'missing.txt' INTO TABLE t"));
  assert.deepEqual(localFileFailure(missing), { message: "File 'missing.txt' not found (Errcode: 2)", vendorCode: 2 });
  assert.deepEqual(await read(localInfileStream(dir, `LOAD DATA LOCAL INFILE '${dir}' INTO TABLE t`)), Buffer.alloc(0), 'a directory reads as empty');
  assert.equal(localFileFailure(new Error('other')), undefined);
});
