/** Properties: complete and suggest never throw, and every range lies within the text and holds the cursor. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { complete } from '../../src/complete/complete.js';
import { lex } from '../../src/sql/lexer.js';
import type { Token } from '../../src/sql/token.js';
import type { EngineId } from '../../src/sql/dialect.js';
import type { Catalog } from '../../src/catalog/catalog.js';
import type { Case } from './case-runner.js';
import { loadSnapshot } from './real/load-snapshot.js';
import { readdirSync } from 'node:fs';
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
  test('every inserted candidate lexes as itself and leaves the rest of the text read the same way', async () => {
    const realCases: { q: string; engines: readonly EngineId[] }[] = [];
    const dir = new URL('./real-cases/', import.meta.url);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.js'))) {
      const mod = (await import(new URL(f, dir).href)) as Record<string, unknown>;
      for (const c of Object.values(mod).filter(Array.isArray).flat() as Case[]) realCases.push({ q: c.q, engines: c.engines ?? ALL });
    }
    let checked = 0;
    for (const q of LONG) {
      for (let i = 0; i <= q.length; i++) {
        for (const e of ALL) checked += checkInsertions(q, i, musicCatalog(e), 30) + checkInsertions(q.slice(0, i), i, musicCatalog(e), 30);
      }
    }
    for (const c of realCases) {
      const at = c.q.indexOf('|');
      const text = c.q.slice(0, at) + c.q.slice(at + 1);
      for (const e of c.engines) checked += checkInsertions(text, at, loadSnapshot(e), 400);
    }
    assert.ok(checked > 10000, `only ${checked} insertions checked`);
  });
});

const shape = (t: Token, shift: number): string => `${t.type}:${t.text}@${t.start + shift}`;

/**
 * Insert each candidate at its range and compare tokenizations: the inserted text lexes to exactly the tokens
 * the candidate lexes to alone, the text before and after keeps its tokens (shifted). Inside a $$ function body
 * (one string token to the outer text) the same holds for the body's own text. Returns how many were checked.
 */
function checkInsertions(text: string, cursor: number, catalog: Catalog, max: number): number {
  const opts = catalog.dialect.lex;
  const before = lex(text, opts);
  let n = 0;
  for (const c of complete(text, cursor, catalog, { maxResults: max })) {
    const { start, end } = c.replace;
    const at = before.find((t) => t.start < start && start <= t.end && t.type === 'backslash');
    if (at || c.kind === 'file' || c.kind === 'meta-command' || c.kind === 'setting') continue; // a backslash line is one token
    // a sequence named in nextval('...'): the text goes inside the string, which stays one string token
    const inString = before.find((t) => t.type === 'string' && !/^\$/.test(t.text) && t.start < start && end <= t.end && (start < t.end || t.unterminated === true));
    if (inString) {
      assert.ok(c.kind === 'sequence' || c.kind === 'schema', `only a sequence (nextval('|) or a schema (SET SCHEMA '|) completes inside a plain string: ${JSON.stringify(c.text)} in ${JSON.stringify(text)}`);
      const next = text.slice(0, start) + c.text + text.slice(end);
      const outer = lex(next, opts).find((t) => t.start === inString.start);
      assert.equal(outer?.type, 'string', 'the string stays a string');
      assert.equal(outer?.end, inString.end + c.text.length - (end - start), 'and ends where it did');
      n++;
      continue;
    }
    const where = `inserting ${JSON.stringify(c.text)} at ${start}..${end} of ${JSON.stringify(text)} (${catalog.dialect.id})`;
    const body = before.find((t) => t.type === 'string' && t.start < start && end < t.end);
    const tag = body ? /^\$[^$]*\$/.exec(body.text)?.[0] : undefined;
    if (body && tag) {
      // the body stays one string token outside, and reads as SQL the same way inside
      const next = text.slice(0, start) + c.text + text.slice(end);
      const outer = lex(next, opts).find((t) => t.start === body.start);
      assert.equal(outer?.end, body.end + c.text.length - (end - start), `${where}: the function body ends elsewhere`);
      const from = body.start + tag.length;
      const to = body.unterminated ? body.end : body.end - tag.length;
      compare(text.slice(from, to), start - from, end - from, c.text, opts, where);
    } else {
      compare(text, start, end, c.text, opts, where);
    }
    n++;
  }
  return n;
}

function compare(text: string, start: number, end: number, insert: string, opts: Catalog['dialect']['lex'], where: string): void {
  const before = lex(text, opts);
  const after = lex(text.slice(0, start) + insert + text.slice(end), opts);
  const own = lex(insert, opts).map((t) => shape(t, start));
  const mid = after.filter((t) => t.start >= start && t.end <= start + insert.length).map((t) => shape(t, 0));
  assert.deepEqual(mid, own, `${where}: the candidate's tokens change in place`);
  // (blanks may be split by the insertion: compare the other tokens)
  const solid = (t: Token): boolean => t.type !== 'space';
  const head = (ts: readonly Token[]): string[] => ts.filter((t) => solid(t) && t.end <= start).map((t) => shape(t, 0));
  assert.deepEqual(head(after), head(before), `${where}: the text before it reads differently`);
  const tail = after.filter((t) => solid(t) && t.start >= start + insert.length).map((t) => shape(t, 0));
  const was = before.filter((t) => solid(t) && t.start >= end).map((t) => shape(t, insert.length - (end - start)));
  assert.deepEqual(tail, was, `${where}: the text after it reads differently`);
}
