/**
 * sqlite3Real and sqlitePrintfG against the real sqlite3 shell: doubles stored exactly (bound by the driver,
 * not parsed from SQL text), read back by `sqlite3 FILE` in list mode and through its printf('%!.20g').
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sqlite3Real } from '../../src/output/sqlite3-values.js';
import { sqlitePrintfG } from '../../src/output/sqlite3-printf.js';
import { tempDir } from '../meta/cli-helper.js';

test("a REAL's text is the sqlite3 shell's (%!.15g, and %!.20g for quote and insert), ties included, for edge cases and 3,000 random doubles", () => {
  const values = [
    5876922607.421875, 815628850460052.5, -74664241075515.75, -300756475925445.5, 1e300, 2, 0.1, 0.1 + 0.2, 1 / 3, -1.5e-9, 1e20, 1e100, 1e15, 999999999999999, 1e14, 123456789012345.6, 1e-4, 9.9999999999999995e-5,
    0.00012345, 5e-324, 1.7976931348623157e308, -0.5, 3.25, 100, 1234567.891, 2 ** 53, 2 ** 63, -(2 ** 70), 6.02214076e23, 0.999999999999999944,
  ];
  let seed = 12345;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 3000; i++) {
    const scale = 10 ** Math.floor(next() * 40 - 20);
    values.push((next() - 0.5) * scale * (i % 3 === 0 ? 1 : 7.3));
  }
  const file = join(tempDir(), 'reals.db');
  const db = new Database(file);
  db.exec('create table r(i integer primary key, x real)');
  const insert = db.prepare('insert into r(x) values (?)');
  db.transaction(() => values.forEach((v) => insert.run(v)))();
  db.close();
  // the shell's text of each REAL, and SQLite's own printf at 20 digits (what .mode quote and insert write)
  const r = spawnSync('sqlite3', [file, "select x || '|' || printf('%!.20g', x) from r order by i"], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const real = r.stdout.trimEnd().split('\n').map((l) => l.split('|'));
  assert.equal(real.length, values.length);
  // ties at the 15th digit go as SQLite's long-double arithmetic takes them (5876922607.421875 down, 815628850460052.5 up)
  const wrong = values.map((v, k) => [v, sqlite3Real(v), real[k]![0]] as const).filter(([, ours, theirs]) => ours !== theirs);
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${values.length} differ at 15 digits`);
  const wrong20 = values.map((v, k) => [v, sqlitePrintfG(v, 20), real[k]![1]] as const).filter(([v, ours, theirs]) => v !== 0 && ours !== theirs);
  assert.deepEqual(wrong20.slice(0, 10), [], `${wrong20.length} of ${values.length} differ at 20 digits`);
});
