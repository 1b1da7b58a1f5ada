/** Function candidates: bare names inserted (as pgcli does), `name()` in the menu, the signature as detail when the catalog has one. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCatalog, signatureOf } from '../../src/catalog/catalog.js';
import { complete } from '../../src/complete/complete.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { musicCatalog, musicData } from './music-catalog.js';

describe('function completion detail', () => {
  test('a catalog function shows its signature and inserts the bare name', () => {
    const got = complete('SELECT track_co', 15, musicCatalog('postgres'));
    const f = got.find((c) => c.kind === 'function' && c.text === 'track_count');
    assert.ok(f, `expected track_count; got ${JSON.stringify(got.map((c) => c.text))}`);
    assert.equal(f.display, 'track_count()');
    assert.equal(f.detail, '(integer) → integer');
  });
  test('a built-in function the catalog does not list has no detail', () => {
    const f = complete('SELECT coales', 13, musicCatalog('postgres')).find((c) => c.text === 'coalesce');
    assert.ok(f);
    assert.equal(f.detail, undefined);
    assert.equal(f.text, 'coalesce');
  });
  test('schema-qualified and table functions show the signature too', () => {
    const q = 'SELECT * FROM sales.';
    const f = complete(q, q.length, musicCatalog('postgres')).find((c) => c.text === 'monthly_report');
    assert.equal(f?.detail, 'table (integer)');
  });
  test('overloads are listed, at most three, case-insensitively', () => {
    const data = musicData('postgres');
    const fns = [1, 2, 3, 4].map((i) => ({ schema: 'public', name: 'Over', kind: 'function' as const, args: 'int'.repeat(i), returns: 'int' }));
    const c = buildCatalog({ ...data, functions: [...data.functions, ...fns] }, postgresDialect);
    assert.equal(c.functionSignature('over'), '(int) → int | (intint) → int | (intintint) → int | +1 more');
    assert.equal(c.functionSignature('nope'), undefined);
  });
  test('signatureOf names non-plain kinds', () => {
    assert.equal(signatureOf({ schema: 's', name: 'a', kind: 'aggregate', args: 'numeric', returns: 'numeric' }), 'aggregate (numeric) → numeric');
    assert.equal(signatureOf({ schema: 's', name: 'p', kind: 'procedure' }), 'procedure ()');
  });
});
