/**
 * sqlite3Real against the real sqlite3 shell: doubles stored exactly (bound by the driver, not parsed
 * from SQL text), read back by `sqlite3 FILE` in list mode, line for line the same text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sqlite3Real } from '../../src/output/sqlite3-values.js';
import { tempDir } from '../meta/cli-helper.js';

test("a REAL's text is the sqlite3 shell's (%!.15g), for edge cases and 3,000 random doubles", () => {
  const values = [
    2, 0.1, 0.1 + 0.2, 1 / 3, -1.5e-9, 1e20, 1e100, 1e15, 999999999999999, 1e14, 123456789012345.6, 1e-4, 9.9999999999999995e-5,
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
  const r = spawnSync('sqlite3', [file, 'select x from r order by i'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const real = r.stdout.trimEnd().split('\n');
  assert.equal(real.length, values.length);
  // SQLite 3.40 rounds in 80-bit long double: a value halfway between two 15-digit texts may go either way
  // there (5876922607.421875 down, 815628850460052.5 up); sqlsh cuts ties. Everything else is the same text.
  const nearTie = (v: number): boolean => /^(50{3}|49{3})/.test(Math.abs(v).toExponential(40).replace('.', '').slice(15));
  const wrong = values.map((v, k) => [v, sqlite3Real(v), real[k]] as const).filter(([v, ours, theirs]) => ours !== theirs && !nearTie(v));
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${values.length} differ`);
});
