/** Properties: complete and suggest never throw, and every range lies within the text and holds the cursor. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { complete } from '../../src/complete/complete.js';
import { suggest } from '../../src/complete/suggest.js';
import { ALL } from './case-runner.js';
import { DIALECTS, musicCatalog } from './music-catalog.js';

const PIECES = ['SELECT ', 'FROM ', 'albums ', 'a', '.', ',', '(', ')', ' JOIN ', ' ON ', '=', "'", '"', '`', '[', ']', '--', '/*', '*/',
  '\\d ', '\\i ', '\n', ';', '::', 'WITH x AS ', 'WHERE ', 'tracks t ', '$$', '#', 'UPDATE ', 'SET ', 'INSERT INTO ', 'é', '🎵', ' '];
const sqlish = fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 60 }), sqlish, fc.string({ unit: 'binary', maxLength: 30 }));

function checkAll(text: string, cursor: number): void {
  for (const e of ALL) {
    suggest(text, cursor, DIALECTS[e]);
    const c = Number.isFinite(cursor) ? Math.max(0, Math.min(text.length, Math.floor(cursor))) : text.length;
    for (const r of complete(text, cursor, musicCatalog(e), { metaCommands: ['d'], listFiles: () => ['x.sql', 'dir/'] })) {
      assert.ok(r.replace.start >= 0 && r.replace.end <= text.length && r.replace.start <= r.replace.end, `range ${JSON.stringify(r.replace)} outside ${text.length}`);
      assert.ok(r.replace.start <= c && c <= r.replace.end, `range ${JSON.stringify(r.replace)} misses cursor ${c}`);
      assert.equal(typeof r.text, 'string');
    }
  }
}

describe('properties', () => {
  test('never throws; ranges within the text and around the cursor', () => {
    fc.assert(fc.property(anyText, fc.nat(80), (text, cur) => checkAll(text, Math.min(cur, text.length))), { numRuns: 300 });
  });
  test('cursor values outside the text are clamped, not thrown on', () => {
    for (const cur of [-5, 1e9, Number.NaN, 2.5]) checkAll('SELECT * FROM al', cur);
  });
  const LONG = [
    `WITH top AS (SELECT a.album_id, count(*) AS n FROM albums a JOIN tracks t ON t.album_id = a.album_id GROUP BY a.album_id)
SELECT ar.name, al.title, top.n FROM top JOIN albums al ON al.album_id = top.album_id
JOIN artists ar ON ar.artist_id = al.artist_id WHERE top.n > (SELECT avg(n) FROM top) ORDER BY top.n DESC LIMIT 10;`,
    `INSERT INTO invoice_items (invoice_id, track_id, unit_price, quantity)
SELECT i.invoice_id, t.track_id, t.unit_price, 1 FROM invoices i, tracks t WHERE i.total > 10 AND t.name LIKE 'A%' -- comment
RETURNING invoice_item_id;`,
    `UPDATE tracks SET unit_price = unit_price * 1.1 WHERE album_id IN (SELECT album_id FROM albums WHERE "release_date" < '2000-01-01');
\\d tracks
SELECT x::integer, $$ body $$, E'esc\\'' FROM (SELECT 1 AS x) AS s(x) /* done */;`,
  ];
  test('every prefix of long realistic queries completes without error', () => {
    for (const q of LONG) for (let i = 0; i <= q.length; i++) checkAll(q.slice(0, i), i);
  });
  test('every cursor position inside long queries completes without error', () => {
    for (const q of LONG) for (let i = 0; i <= q.length; i++) checkAll(q, i);
  });
});
