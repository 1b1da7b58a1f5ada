/** Meta-commands, file paths through the listFiles callback, and the exact replacement ranges. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../src/complete/complete.js';
import type { CompleteOptions } from '../../src/complete/complete-options.js';
import { musicCatalog } from './music-catalog.js';
import { checkCase, runCases, type Case } from './case-runner.js';

const META = ['d', 'dt', 'dn', 'df', 'c', 'i', 'o', 'copy', 'q', 'timing'];
const dirs: Record<string, readonly string[]> = { '': ['data/', 'init.sql', 'notes.txt', '.hidden.sql'], 'data/': ['one.sql', 'two.sql'] };
const opts: CompleteOptions = { metaCommands: META, listFiles: (d) => dirs[d] ?? [], metaArgs: (cmd) => (cmd === 'timing' ? ['on', 'off'] : []) };

const cases: Case[] = [
  { q: '\\|', opts, has: ['\\d', '\\dt', '\\c', '\\q'] },
  { q: '\\d|', opts, first: '\\d', has: ['\\dt', '\\dn', '\\df'], not: ['\\c'] },
  { q: '\\ti|', opts, first: '\\timing' },
  // \ns NAME QUERY: the query completes as SQL
  { q: '\\ns top SELECT a.| FROM albums a', opts, has: ['title', 'album_id'], not: ['track_id'] },
  { q: '\\ns top SELECT * FROM alb|', opts, first: 'albums' },
  { q: '\\d |', opts, has: ['tracks', 'albums', 'sales'] },
  { q: '\\dt al|', opts, has: ['albums', 'album_sales'], not: ['tracks'] },
  { q: '\\d sales.|', opts, has: ['orders'], not: ['tracks'] },
  { q: '\\dn |', opts, has: ['sales'], not: ['tracks'] },
  { q: '\\df track|', opts, has: ['track_count'] },
  { q: '\\c |', opts, has: ['music', 'warehouse'], not: ['tracks'] },
  { q: '\\c wa|', opts, first: 'warehouse' },
  { q: '\\i |', opts, has: ['data/', 'init.sql', 'notes.txt'], not: ['.hidden.sql'] },
  { q: '\\i in|', opts, first: 'init.sql' },
  { q: '\\i data/|', opts, has: ['data/one.sql', 'data/two.sql'], not: ['init.sql'] },
  { q: '\\i data/tw|', opts, first: 'data/two.sql' },
  { q: '\\o no|', opts, first: 'notes.txt' },
  { q: "\\copy tracks from '|", opts, has: ['init.sql', 'data/'] },
  { q: "\\copy tracks from 'data/o|'", opts, first: 'data/one.sql' },
  { q: '\\copy |', opts, has: ['tracks'] },
  { q: '\\timing |', opts, has: ['on', 'off'] },
  { q: '\\i |', none: true },
  { q: 'SELECT 1;\n\\d|', opts, has: ['\\dt'] },
  { q: '\\d tracks\nSELECT | FROM albums', opts, has: ['title'], not: ['\\d'] },
];

runCases('meta-commands and file paths', cases.map((c) => ({ ...c, engines: c.engines ?? ['postgres', 'sqlite'] })));

describe('replacement ranges', () => {
  const pg = musicCatalog('postgres');
  const at = (marked: string): { text: string; cursor: number } => ({ text: marked.replace('|', ''), cursor: marked.indexOf('|') });

  test('a word typed at the end is replaced whole', () => {
    const { text, cursor } = at('SELECT * FROM alb|');
    const r = complete(text, cursor, pg);
    assert.deepEqual(r[0]?.replace, { start: 14, end: 17 });
  });
  test('a cursor inside a word replaces the whole word', () => {
    const { text, cursor } = at('SELECT al|bum_id FROM albums');
    const r = complete(text, cursor, pg);
    assert.ok(r.length > 0);
    assert.deepEqual(r[0]?.replace, { start: 7, end: 15 });
    assert.equal(r[0]?.text, 'album_id');
  });
  test('a partially typed quoted identifier is replaced from its opening quote', () => {
    const { text, cursor } = at('SELECT * FROM "My Ta|');
    const data = { ...pg.data, relations: [...pg.data.relations, { schema: 'public', name: 'My Table', kind: 'table' as const, columns: [], primaryKey: [] }] };
    const r = complete(text, cursor, buildWith(data));
    assert.equal(r[0]?.text, '"My Table"');
    assert.deepEqual(r[0]?.replace, { start: 14, end: 20 });
  });
  test('a quoted name not closed yet ends at the cursor: the rest of the statement is kept and read', () => {
    const my = musicCatalog('mysql');
    // without its closing quote the name would run on to the next quote or the end of the text
    const cases: [string, typeof pg, string, number][] = [
      ['SELECT `ti| FROM albums', my, '`title`', 7],
      ['SELECT * FROM `alb| WHERE album_id = 1', my, '`albums`', 14],
      ['SELECT a.`ti| FROM albums a', my, '`title`', 9],
      ['SELECT `ti|\nFROM albums;\nSELECT `name` FROM tracks;', my, '`title`', 7],
      ['SELECT * FROM albums WHERE "ti| = 1', pg, '"title"', 27],
      ['SELECT a."ti| FROM albums a', pg, '"title"', 9],
    ];
    for (const [marked, catalog, first, start] of cases) {
      const { text, cursor } = at(marked);
      const r = complete(text, cursor, catalog);
      assert.equal(r[0]?.text, first, marked);
      assert.deepEqual(r[0]?.replace, { start, end: cursor }, marked);
    }
    // a closed quoted name with a space in it is one name, as before
    const { text, cursor } = at('SELECT * FROM "My| Table" WHERE x = 1');
    const data = { ...pg.data, relations: [...pg.data.relations, { schema: 'public', name: 'My Table', kind: 'table' as const, columns: [], primaryKey: [] }] };
    const r = complete(text, cursor, buildWith(data));
    assert.equal(r[0]?.text, '"My Table"');
    assert.deepEqual(r[0]?.replace, { start: 14, end: 24 });
  });
  test('after a dot only the name after it is replaced', () => {
    const { text, cursor } = at('SELECT a.ti| FROM albums a');
    const r = complete(text, cursor, pg);
    assert.equal(r[0]?.text, 'title');
    assert.deepEqual(r[0]?.replace, { start: 9, end: 11 });
  });
  test('an empty word has an empty range at the cursor', () => {
    const { text, cursor } = at('SELECT * FROM |');
    for (const c of complete(text, cursor, pg)) assert.deepEqual(c.replace, { start: 14, end: 14 });
  });
  test('meta-command names replace from the backslash', () => {
    const r = complete('\\d', 2, pg, { metaCommands: ['dt'] });
    assert.deepEqual(r[0], { text: '\\dt', replace: { start: 0, end: 2 }, kind: 'meta-command' });
  });
  test('a file path in quotes replaces only the path', () => {
    const { text, cursor } = at("\\copy t from 'da|");
    const r = complete(text, cursor, pg, { listFiles: () => ['data/'] });
    assert.deepEqual(r[0]?.replace, { start: 14, end: 16 });
  });
  test('results are frozen', () => {
    const r = complete('SELECT * FROM ', 14, pg);
    assert.ok(Object.isFrozen(r) && Object.isFrozen(r[0]) && Object.isFrozen(r[0]?.replace));
  });
  test('the shared runner rejects a missing expectation', () => {
    assert.throws(() => checkCase({ q: 'SELECT * FROM |', has: ['no_such_table'], engines: ['postgres'] }, 'postgres'));
  });
});

import { buildCatalog } from '../../src/catalog/catalog.js';
import type { CatalogData } from '../../src/catalog/catalog-data.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
function buildWith(data: CatalogData) {
  return buildCatalog(data, postgresDialect);
}

describe('a relation hidden by a same-named one earlier on the path', () => {
  test("is written with its schema (SQLite's attached databases)", async () => {
    const { sqliteDialect } = await import('../../src/sql/dialects/sqlite.js');
    const rel = (schema: string, name: string) => ({ schema, name, kind: 'table' as const, columns: [], primaryKey: [] });
    const data: CatalogData = { schemas: ['main', 'sch'], searchPath: ['main', 'sch'], relations: [rel('main', 'tabl'), rel('sch', 'tabl'), rel('sch', 'only_there')], foreignKeys: [], indexes: [], functions: [], datatypes: [], databases: [] };
    const cat = buildCatalog(data, sqliteDialect);
    const texts = complete('SELECT * FROM ', 14, cat).map((c) => c.text);
    assert.ok(texts.includes('tabl') && texts.includes('sch.tabl') && texts.includes('only_there'), texts.join(', '));
  });
});
