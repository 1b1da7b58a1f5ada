/** makeCompleter against a real SQLite session: meta-commands, their arguments, files, the catalog, recent names. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { sqlshPaths } from '../../src/config/paths.js';
import type { SavedConnection } from '../../src/config/load-config.js';
import { engineById } from '../../src/engines/registry.js';
import { Session } from '../../src/shell/session.js';
import { listDirectory, makeCompleter, warmUpCompleter, type Completer } from '../../src/shell/completer.js';

before(() => warmUpCompleter());

let dir: string;
let session: Session;
let completer: Completer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sqlsh-completer-'));
  const engine = await engineById('sqlite').load();
  const connection = await engine.connect({ engine: 'sqlite', path: join(dir, 'music.db') });
  for (const sql of [
    'CREATE TABLE artists (artist_id INTEGER PRIMARY KEY, name TEXT)',
    'CREATE TABLE albums (album_id INTEGER PRIMARY KEY, title TEXT, artist_id INTEGER REFERENCES artists (artist_id))',
    'CREATE TABLE genres (genre_id INTEGER PRIMARY KEY, name TEXT)',
    'CREATE TABLE tracks (track_id INTEGER PRIMARY KEY, name TEXT, album_id INTEGER REFERENCES albums (album_id), genre_id INTEGER)',
  ]) {
    for await (const e of connection.execute(sql)) void e;
  }
  const scripts = join(dir, 'scripts');
  mkdirSync(join(scripts, 'data'), { recursive: true });
  for (const f of ['migrate.sql', 'seed.sql', '.secret.sql']) writeFileSync(join(scripts, f), 'select 1;\n');
  const connections = new Map<string, SavedConnection>([
    ['prod', { name: 'prod', url: 'postgres://app:hunter2@db.example.com/shop' }],
    ['local', { name: 'local', url: join(dir, 'other.db') }],
  ]);
  session = new Session({
    connection,
    settings: DEFAULT_SETTINGS,
    interactive: false,
    paths: sqlshPaths({ HOME: dir }),
    connections,
    io: { stdout: { write: () => undefined }, message: () => undefined, error: () => undefined },
  });
  completer = makeCompleter(session);
});
after(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Candidate texts at the end of `text`. */
const texts = (text: string): string[] => completer(text, text.length).map((c) => c.text);

test('meta-command names complete after a backslash', () => {
  const all = texts('\\');
  for (const n of ['\\dt', '\\x', '\\i', '\\c', '\\?']) assert.ok(all.includes(n), `expected ${n}; got ${JSON.stringify(all)}`);
  const d = texts('\\d');
  assert.ok(d.includes('\\d') && d.includes('\\dt'), JSON.stringify(d));
  assert.ok(!d.includes('\\x'), JSON.stringify(d));
});

test('\\i completes file paths, directories with a slash, hidden files only after a dot', () => {
  const base = `${dir}/scripts/`;
  const got = texts(`\\i ${base}`);
  assert.deepEqual([...got].sort(), [`${base}data/`, `${base}migrate.sql`, `${base}seed.sql`]);
  assert.equal(texts(`\\i ${base}mi`)[0], `${base}migrate.sql`);
  assert.equal(texts(`\\i ${base}.s`)[0], `${base}.secret.sql`);
  assert.deepEqual(texts(`\\i ${dir}/no-such-dir/`), []);
  const c = completer(`\\i ${base}se`, `\\i ${base}se`.length)[0];
  assert.deepEqual(c?.replace, { start: 3, end: `\\i ${base}se`.length }, 'the whole path argument is replaced');
});

test('listDirectory: sorted, directories marked, ~ expanded, errors give nothing', () => {
  const scripts = join(dir, 'scripts');
  assert.deepEqual(listDirectory(`${scripts}/`, false), ['data/', 'migrate.sql', 'seed.sql']);
  assert.deepEqual(listDirectory(`${scripts}/`, true), ['.secret.sql', 'data/', 'migrate.sql', 'seed.sql']);
  assert.deepEqual(listDirectory(join(scripts, 'migrate.sql'), false), [], 'a file is not a directory');
  const home = process.env['HOME'];
  process.env['HOME'] = scripts;
  try {
    assert.deepEqual(listDirectory('~/', false), ['data/', 'migrate.sql', 'seed.sql']);
  } finally {
    process.env['HOME'] = home;
  }
});

test('\\x offers its choices; \\set offers setting names, then that setting\'s values', () => {
  assert.deepEqual([...texts('\\x ')].sort(), ['auto', 'off', 'on']);
  assert.deepEqual(texts('\\x o').slice(0, 2).sort(), ['off', 'on'], 'prefix matches first');
  assert.ok(texts('\\set keyword_c').includes('keyword_case'));
  assert.deepEqual([...texts('\\set keyword_case ')].sort(), ['auto', 'lower', 'upper']);
  assert.deepEqual([...texts('\\set timing ')].sort(), ['off', 'on']);
  assert.ok(texts('\\? \\d').includes('\\dt'), '\\? completes command names');
});

test('\\c offers saved connections first, without their passwords', () => {
  const got = completer('\\c ', 3);
  assert.deepEqual(got.slice(0, 2).map((c) => c.text), ['local', 'prod']);
  assert.ok(!got.some((c) => (c.detail ?? '').includes('hunter2')), JSON.stringify(got));
  assert.deepEqual(texts('\\c pr'), ['prod']);
});

test('tables complete after FROM once the catalog is loaded; keywords before', async () => {
  assert.equal(session.catalog, undefined, 'no catalog yet');
  const early = completer('SELECT * FROM ', 14);
  assert.ok(!early.some((c) => c.text === 'tracks'), 'no tables before the catalog loads');
  assert.ok(texts('SEL').includes('SELECT'), 'keywords complete while the catalog loads');
  await session.catalogReady();
  const got = texts('SELECT * FROM ');
  for (const t of ['artists', 'albums', 'genres', 'tracks']) assert.ok(got.includes(t), `expected ${t}; got ${JSON.stringify(got)}`);
  assert.ok(texts('SELECT * FROM albums a JOIN ').includes('tracks t ON t.album_id = a.album_id'));
  assert.ok(texts('\\d tr').includes('tracks'), '\\d completes relations');
});

test('the session\'s keyword_case and smart_completion settings apply at each call', async () => {
  await session.catalogReady();
  const saved = session.settings;
  try {
    session.set('keyword_case', 'lower');
    assert.equal(texts('SEL')[0], 'select');
    session.set('keyword_case', 'upper');
    assert.equal(texts('sel')[0], 'SELECT');
    session.set('smart_completion', false);
    // without context, every name that starts with the prefix is offered, columns included
    assert.ok(texts('SELECT * FROM genre_').includes('genre_id'));
    session.set('smart_completion', true);
    assert.ok(!texts('SELECT * FROM genre_').includes('genre_id'), 'columns are not offered after FROM when smart');
  } finally {
    session.settings = saved;
  }
});

test('recently run names rank first: noteExecuted and session.lastSql', async () => {
  await session.catalogReady();
  const before = texts('SELECT * FROM ');
  assert.notEqual(before[0], 'tracks', `precondition: ${JSON.stringify(before.slice(0, 5))}`);
  completer.noteExecuted('select name from "tracks" where track_id = 1');
  assert.equal(texts('SELECT * FROM ')[0], 'tracks');
  assert.ok(completer.recent.has('track_id') && !completer.recent.has('select') && !completer.recent.has('where'));
  session.lastSql = 'SELECT * FROM genres';
  assert.equal(texts('SELECT * FROM ')[0], 'genres', 'the last statement run is the most recent');
});
