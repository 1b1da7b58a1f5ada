/** COPY text -> sqlsh tsv (postgres-copy-csv.ts CopyTextToTsv), split into chunks at every place. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CopyTextToTsv, tsvFastPathFor } from '../../src/engines/postgres/postgres-copy-csv.js';

test('\\b, \\f, \\v become their characters; \\\\, \\t, \\n, \\r and other text stay; any chunk split gives the same', () => {
  const copy = String.raw`a\bb\fc\vd` + '\t' + String.raw`\\b \\\b \\\\v \t\n\r \x` + '\n' + String.raw`end\\`;
  const want = 'a\bb\fc\vd\t' + String.raw`\\b \\` + '\b' + String.raw` \\\\v \t\n\r \x` + '\n' + String.raw`end\\`;
  const whole = new CopyTextToTsv();
  assert.equal(whole.push(copy) + whole.end(), want);
  for (let i = 0; i <= copy.length; i++) {
    for (let j = i; j <= copy.length; j++) {
      const c = new CopyTextToTsv();
      const got = c.push(copy.slice(0, i)) + c.push(copy.slice(i, j)) + c.push(copy.slice(j)) + c.end();
      assert.equal(got, want, `split at ${i}, ${j}`);
    }
  }
});

test('null strings COPY would refuse or that hold a backslash take the ordinary path', () => {
  assert.equal(tsvFastPathFor(''), true);
  assert.equal(tsvFastPathFor('NULL'), true);
  for (const odd of ['\\N', 'a\tb', 'a\nb', 'a\rb']) assert.equal(tsvFastPathFor(odd), false, JSON.stringify(odd));
});
