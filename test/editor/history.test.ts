import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { History } from '../../src/editor/history.js';
import { at, ctx, show, type } from './helpers.js';

function tmpFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'sqlsh-hist-')), 'sub', 'history');
}

describe('History file', () => {
  test('multi-line entries survive a round trip whole, file mode 0600', () => {
    const f = tmpFile();
    const h = History.load(f);
    h.add('select 1\nfrom t;');
    h.add('select "a\\nb";');
    assert.equal(statSync(f).mode & 0o777, 0o600);
    assert.deepEqual(History.load(f).entries, ['select 1\nfrom t;', 'select "a\\nb";']);
  });
  test('entries record their database; older lines (plain strings) still load; Up/Down and suggestions prefer the database', () => {
    const f = tmpFile();
    const old = History.load(f);
    old.add('select 0 as old;'); // no database: written as older versions did
    const h = History.load(f);
    h.database = 'sqlite:/a.db';
    h.add('select 1 as on_a;');
    h.database = 'duckdb:/b.duckdb';
    h.add('select 1 as on_b;');
    const lines = readFileSync(f, 'utf8').trim().split('\n');
    assert.deepEqual(lines, ['"select 0 as old;"', '{"text":"select 1 as on_a;","db":"sqlite:/a.db"}', '{"text":"select 1 as on_b;","db":"duckdb:/b.duckdb"}']);
    const again = History.load(f);
    assert.deepEqual(again.entries, ['select 0 as old;', 'select 1 as on_a;', 'select 1 as on_b;']);
    again.database = 'sqlite:/a.db';
    assert.deepEqual(again.here, ['select 0 as old;', 'select 1 as on_a;']);
    assert.equal(again.suggest('select 1 as on'), '_a;', 'the same database first, though older');
    assert.equal(again.suggest('select 1 as on_b'), ';', 'another database when nothing here matches');
  });
  test('consecutive duplicates and blank entries are not stored', () => {
    const h = History.inMemory();
    h.add('select 1;');
    h.add('select 1;');
    h.add('   ');
    h.add('select 2;');
    h.add('select 1;');
    assert.deepEqual(h.entries, ['select 1;', 'select 2;', 'select 1;']);
  });
  test('bounded: keeps the newest maxEntries, also after compaction on disk', () => {
    const f = tmpFile();
    const h = History.load(f, { maxEntries: 10 });
    for (let i = 0; i < 200; i++) h.add(`select ${i};`);
    assert.equal(h.entries.length, 10);
    assert.equal(h.entries[9], 'select 199;');
    const lines = readFileSync(f, 'utf8').trim().split('\n').length;
    assert.ok(lines <= 10 + 50, `file has ${lines} lines`);
    assert.deepEqual(History.load(f, { maxEntries: 10 }).entries, h.entries);
  });
  test('a hand-written plain line is read as text', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'sqlsh-hist-')), 'h');
    writeFileSync(f, 'select 1;\n"select 2;"\n');
    assert.deepEqual(History.load(f).entries, ['select 1;', 'select 2;']);
  });
  test('suggest gives the rest of the newest entry with the prefix', () => {
    const h = History.inMemory(['select * from a;', 'select * from b;', 'insert x;']);
    assert.equal(h.suggest('select *'), ' from b;');
    assert.equal(h.suggest('update'), undefined);
    assert.equal(h.suggest(''), undefined);
  });
  test('search finds the newest match at or before a position, case-insensitively', () => {
    const h = History.inMemory(['SELECT 1;', 'insert;', 'select 2;']);
    assert.equal(h.search('select'), 2);
    assert.equal(h.search('select', 1), 0);
    assert.equal(h.search('nothing'), -1);
  });
});

describe('history navigation', () => {
  const c = ctx({ history: ['select 1;', 'select a,\n  b\nfrom t;', 'select 3;'] });
  test('Up on the first line shows older entries; Down comes back to the draft', () => {
    let s = type(at('dra|ft'), '\x1b[A', c).state;
    assert.equal(s.doc.text, 'select 3;');
    s = type(s, '\x1b[A', c).state;
    assert.equal(s.doc.text, 'select a,\n  b\nfrom t;');
    assert.equal(s.doc.row, 0, 'going back stops on the first line so Up keeps going back');
    s = type(s, '\x1b[A', c).state;
    assert.equal(s.doc.text, 'select 1;');
    s = type(s, '\x1b[A', c).state;
    assert.equal(s.doc.text, 'select 1;', 'no older entry');
    s = type(s, '\x1b[B\x1b[B', c).state;
    assert.equal(s.doc.text, 'select 3;', 'going forward lands on the last line');
    s = type(s, '\x1b[B', c).state;
    assert.equal(show(s), 'draft|');
  });
  test('Up on a later line moves up within the buffer', () => {
    assert.equal(type(at('a\nb|'), '\x1b[A', c).state.doc.text, 'a\nb');
  });
});

describe('Ctrl-R reverse search', () => {
  const c = ctx({ history: ['select * from users;', 'delete from orders;', 'select id from orders;'] });
  test('finds the newest match and highlights its position', () => {
    const s = type(at(''), '\x12ord', c).state;
    assert.equal(s.search?.query, 'ord');
    assert.equal(s.doc.text, 'select id from orders;');
    assert.equal(s.doc.cursor, 'select id from '.length);
  });
  test('Ctrl-R again finds an older match', () => {
    assert.equal(type(at(''), '\x12ord\x12', c).state.doc.text, 'delete from orders;');
  });
  test('no match is marked as failed and keeps the last match', () => {
    const s = type(at(''), '\x12usersX', c).state;
    assert.equal(s.search?.failed, true);
    assert.equal(s.doc.text, 'select * from users;');
  });
  test('Esc restores the original buffer', () => {
    const s = type(at('mine|'), '\x12ord\x1b', c).state;
    assert.equal(s.search, undefined);
    assert.equal(s.doc.text, 'mine');
  });
  test('Enter accepts and submits the match', () => {
    const r = type(at(''), '\x12users\r', c);
    assert.deepEqual(r.effects, [{ type: 'submit', text: 'select * from users;' }]);
  });
  test('another key accepts the match and then acts', () => {
    const s = type(at(''), '\x12delete\x05', c).state;
    assert.equal(s.search, undefined);
    assert.equal(show(s), 'delete from orders;|');
  });
  test('Backspace shortens the query', () => {
    assert.equal(type(at(''), '\x12users\x7f\x7f\x7f\x7f\x7f', c).state.search?.query, '');
  });
});
