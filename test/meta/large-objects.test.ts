/** psql's \lo_import, \lo_export, \lo_unlink and \lo_list (\dl) on a real PostgreSQL server; elsewhere they say they are PostgreSQL's. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPostgres } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';
import { fixtureDb, sqlsh, tempDir } from './cli-helper.js';

test('a file goes in as a large object and comes out the same bytes; LASTOID, \\dl, \\lo_unlink', async (t) => {
  const pg = await withServer(t, sharedPostgres);
  if (!pg) return;
  const dir = tempDir();
  const source = join(dir, 'in.bin');
  const copy = join(dir, 'out.bin');
  const bytes = Buffer.from([0, 1, 2, 255, 0x27, 0x5c, 10, 13, 0xc3, 0xa9]);
  writeFileSync(source, bytes);
  const r = sqlsh(pg.url, [`\\lo_import '${source}' 'it''s mine'`, '\\echo :LASTOID', '\\dl', `\\lo_export :LASTOID '${copy}'`, '\\lo_unlink :LASTOID', '\\lo_list']);
  assert.equal(r.status, 0, r.stderr);
  const oid = /^lo_import (\d+)\n(\d+)\n/.exec(r.stdout);
  assert.ok(oid && oid[1] === oid[2], r.stdout);
  assert.match(r.stdout, new RegExp(`Large objects\\n[\\s\\S]* ${oid![1]} \\| \\S+ +\\| it's mine\\n\\(1 row\\)`));
  assert.match(r.stdout, new RegExp(`\\nlo_export\\nlo_unlink ${oid![1]}\\n`));
  assert.deepEqual(readFileSync(copy), bytes);
  assert.doesNotMatch(r.stdout.slice(r.stdout.indexOf('lo_unlink')), new RegExp(` ${oid![1]} \\|`), 'gone after \\lo_unlink');
  const missing = sqlsh(pg.url, [`\\lo_import '${join(dir, 'nope.bin')}'`]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /\\lo_import: cannot read ".*nope\.bin": no such file or directory/);
});

test('on SQLite the large-object commands say they are PostgreSQL\'s', () => {
  const r = sqlsh(fixtureDb('sqlite'), ['\\lo_unlink 1']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /large objects are PostgreSQL's; SQLite has none/);
});
