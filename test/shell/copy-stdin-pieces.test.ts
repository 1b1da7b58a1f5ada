/**
 * \copy ... from stdin on an engine without the COPY protocol (SQLite): a script read a few characters
 * at a time (runScriptInput's pieces) still gives \copy all its data lines, up to `\.`, and none of them
 * are run as SQL afterwards.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, tempDir, testEnv } from '../meta/cli-helper.js';

test('\\copy ... from stdin in a script read in pieces of 20 characters gets all its lines', () => {
  const dir = tempDir();
  const script = join(dir, 'copy.sql');
  writeFileSync(script, 'create table c (a int, b text);\n\\copy c from stdin\n1\tone\n2\ttwo\n3\tthree\n4\tfour\n\\.\nselect count(*) as n from c;\n');
  for (const piece of ['20', '7']) {
    const db = join(dir, `c${piece}.db`);
    const r = spawnSync(process.execPath, [BIN, db, '-f', script], { env: testEnv(dir, { SQLSH_SCRIPT_PIECE_CHARS: piece }), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^COPY 4$/m, r.stdout);
    assert.match(r.stdout, /^ +4 *$/m, r.stdout);
  }
});
