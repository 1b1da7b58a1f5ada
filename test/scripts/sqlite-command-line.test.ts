/**
 * sqlite3's command line, `sqlite3 [OPTIONS] FILE [SQL ...]`, run by sqlite3 and by sqlsh on copies of one
 * database file: the same stdout byte for byte and the same success. Its options are the dot-commands they
 * stand for (-csv keeps a newline line end, where .mode csv writes \r\n), and SQL after the file runs in order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, tempDir, testEnv } from '../meta/cli-helper.js';

const LINES: readonly (readonly string[])[] = [
  ['FILE', 'select * from t'],
  ['FILE', 'select * from t', 'select count(*) from t', '.tables'],
  ['-csv', '-header', 'FILE', 'select * from t'],
  ['FILE', '-csv', 'select * from t'],
  ['-tabs', 'FILE', 'select * from t'],
  ['-json', 'FILE', 'select * from t'],
  ['-line', 'FILE', 'select * from t'],
  ['-box', '-header', 'FILE', 'select * from t'],
  ['-column', '-header', 'FILE', 'select * from t'],
  ['-markdown', 'FILE', 'select * from t'],
  ['-html', 'FILE', 'select * from t'],
  ['-quote', 'FILE', 'select * from t'],
  ['-separator', ';', '-nullvalue', 'NIL', 'FILE', 'select * from t'],
  ['-cmd', '.mode box', 'FILE', 'select * from t'],
  ['--csv', '--header', 'FILE', 'select a from t'],
  ['-readonly', '-list', 'FILE', 'select count(*) from t'],
  // -newline sets the row separator only, -csv the column one only (each keeps the other), -ascii both
  ['-newline', 'XX', 'FILE', 'select * from t'],
  ['-newline', 'XX', '-csv', 'FILE', 'select * from t'],
  ['-csv', '-newline', ';', 'FILE', 'select * from t'],
  ['-separator', ';', '-newline', 'XX', '-tabs', 'FILE', 'select * from t'],
  ['-ascii', 'FILE', 'select * from t'],
  ['-ascii', '-newline', 'XX', 'FILE', 'select * from t'],
  ['-eqp', 'FILE', 'select * from t where a > 1'],
  ['-mmap', '0', '-nofollow', 'FILE', 'select count(*) from t'],
  // -echo echoes none of the command line's own words (nor -cmd's, nor the -init file: it is read first); a .read file's lines it does
  ['-echo', 'FILE', '.tables', 'select 1'],
  ['-echo', '-cmd', 'select 5', 'FILE', 'select 1'],
  ['-cmd', '.echo on', 'FILE', 'select 1'],
  ['-echo', '-init', 'INIT', 'FILE', 'select 1', '.read INIT'],
  ['-init', 'INIT', '-header', 'FILE', 'select 1 as one'],
];

test("sqlite3's command lines give sqlite3's output", (t) => {
  if (spawnSync('sqlite3', ['-version']).status !== 0) {
    if (process.env.CI === 'true') assert.fail('sqlite3 is not installed');
    t.skip('sqlite3 is not installed');
    return;
  }
  const dir = tempDir();
  const base = join(dir, 'base.db');
  assert.equal(spawnSync('sqlite3', [base, "create table t(a, b); insert into t values (1, 'x,y'), (2, NULL), (3, 'é \"q\"')"]).status, 0);
  const init = join(dir, 'init.sql');
  writeFileSync(init, 'select 7 as seven;\n');
  for (const [i, line] of LINES.entries()) {
    const [a, b] = [join(dir, `a${i}.db`), join(dir, `b${i}.db`)];
    copyFileSync(base, a);
    copyFileSync(base, b);
    const words = (db: string): string[] => line.map((w) => (w === 'FILE' ? db : w.replace('INIT', init)));
    const real = spawnSync('sqlite3', words(a), { encoding: 'utf8', input: '' });
    const ours = spawnSync(process.execPath, [BIN, ...words(b)], { encoding: 'utf8', input: '', env: testEnv(tempDir()) });
    assert.equal(ours.stdout, real.stdout, `sqlsh ${line.join(' ')}\n${ours.stderr}`);
    assert.equal(ours.status === 0, real.status === 0, `success of ${line.join(' ')}: ${ours.stderr}`);
  }
  assert.ok(!existsSync(join(dir, 'sv')), '-csv is not read as psql\'s -c sv');
});
