/**
 * The demo database: a small music store, generated deterministically (seeded PRNG, fixed dates)
 * so every user gets the same rows. Built into a temporary file beside the target and linked into
 * place only when complete, so an interrupted build never leaves a half file and an existing file
 * is never overwritten.
 */
import { existsSync, linkSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { fileErrorReason } from '../../core/file-reason.js';
import { makeDirectory } from '../../core/make-directory.js';
import { betterSqliteBinding } from './sqlite-native.js';
import type BetterSqlite3 from 'better-sqlite3';
import {
  ADJECTIVES, CITIES, DemoRandom, FIRST_NAMES, GENRES, LAST_NAMES, MEDIA_TYPES, NOUNS, PLAYLISTS, SPECIAL_ARTISTS, WORDS,
} from './demo-words.js';

/** Stored in PRAGMA user_version; bump when the schema or the data changes. */
export const DEMO_SCHEMA_VERSION = 1;
const SEED = 20240611;

const SCHEMA = `
CREATE TABLE genres (
  genre_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE media_types (
  media_type_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE artists (
  artist_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT,
  formed_year INTEGER CHECK (formed_year BETWEEN 1900 AND 2100)
);
CREATE TABLE albums (
  album_id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  artist_id INTEGER NOT NULL REFERENCES artists (artist_id),
  release_year INTEGER CHECK (release_year BETWEEN 1900 AND 2100),
  label TEXT
);
CREATE TABLE tracks (
  track_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  album_id INTEGER NOT NULL REFERENCES albums (album_id),
  track_number INTEGER NOT NULL CHECK (track_number > 0),
  genre_id INTEGER REFERENCES genres (genre_id),
  media_type_id INTEGER NOT NULL REFERENCES media_types (media_type_id),
  composer TEXT,
  milliseconds INTEGER NOT NULL CHECK (milliseconds > 0),
  bytes INTEGER,
  unit_price NUMERIC NOT NULL DEFAULT 0.99 CHECK (unit_price >= 0)
);
CREATE TABLE playlists (
  playlist_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE playlist_tracks (
  playlist_id INTEGER NOT NULL REFERENCES playlists (playlist_id) ON DELETE CASCADE,
  track_id INTEGER NOT NULL REFERENCES tracks (track_id),
  position INTEGER NOT NULL,
  PRIMARY KEY (playlist_id, track_id)
) WITHOUT ROWID;
CREATE TABLE employees (
  employee_id INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  title TEXT NOT NULL,
  reports_to INTEGER REFERENCES employees (employee_id),
  hire_date TEXT NOT NULL,
  email TEXT NOT NULL
);
CREATE TABLE customers (
  customer_id INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  company TEXT,
  city TEXT NOT NULL,
  country TEXT NOT NULL,
  email TEXT NOT NULL,
  support_rep_id INTEGER REFERENCES employees (employee_id),
  newsletter INTEGER NOT NULL DEFAULT 0 CHECK (newsletter IN (0, 1))
);
CREATE TABLE invoices (
  invoice_id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  invoice_date TEXT NOT NULL,
  billing_city TEXT,
  billing_country TEXT,
  total NUMERIC NOT NULL DEFAULT 0 CHECK (total >= 0)
);
CREATE TABLE invoice_items (
  invoice_item_id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices (invoice_id) ON DELETE CASCADE,
  track_id INTEGER NOT NULL REFERENCES tracks (track_id),
  unit_price NUMERIC NOT NULL,
  quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0)
);
CREATE INDEX albums_artist_id_idx ON albums (artist_id);
CREATE INDEX tracks_album_id_idx ON tracks (album_id);
CREATE INDEX tracks_genre_id_idx ON tracks (genre_id);
CREATE INDEX tracks_media_type_id_idx ON tracks (media_type_id);
CREATE INDEX playlist_tracks_track_id_idx ON playlist_tracks (track_id);
CREATE INDEX employees_reports_to_idx ON employees (reports_to);
CREATE UNIQUE INDEX employees_email_key ON employees (email);
CREATE UNIQUE INDEX customers_email_key ON customers (email);
CREATE INDEX customers_support_rep_id_idx ON customers (support_rep_id);
CREATE INDEX invoices_customer_id_idx ON invoices (customer_id);
CREATE INDEX invoice_items_invoice_id_idx ON invoice_items (invoice_id);
CREATE INDEX invoice_items_track_id_idx ON invoice_items (track_id);
CREATE VIEW track_details AS
  SELECT t.track_id, t.name AS track, al.title AS album, ar.name AS artist, g.name AS genre,
         printf('%d:%02d', t.milliseconds / 60000, (t.milliseconds / 1000) % 60) AS duration, t.unit_price
  FROM tracks t
  JOIN albums al ON al.album_id = t.album_id
  JOIN artists ar ON ar.artist_id = al.artist_id
  LEFT JOIN genres g ON g.genre_id = t.genre_id;
CREATE VIEW album_sales AS
  SELECT al.album_id, al.title, ar.name AS artist, count(ii.invoice_item_id) AS items_sold,
         round(coalesce(sum(ii.unit_price * ii.quantity), 0), 2) AS revenue
  FROM albums al
  JOIN artists ar ON ar.artist_id = al.artist_id
  LEFT JOIN tracks t ON t.album_id = al.album_id
  LEFT JOIN invoice_items ii ON ii.track_id = t.track_id
  GROUP BY al.album_id;
`;

const DAY_MS = 86_400_000;
const isoDate = (daysSince2015: number): string => new Date(Date.UTC(2015, 0, 1) + daysSince2015 * DAY_MS).toISOString().slice(0, 10);
const slug = (s: string): string => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase() || 'user';

function fill(db: BetterSqlite3.Database): void {
  const rnd = new DemoRandom(SEED);
  const ins = (sql: string): BetterSqlite3.Statement => db.prepare(sql);
  const genre = ins('INSERT INTO genres (genre_id, name) VALUES (?, ?)');
  GENRES.forEach((g, i) => genre.run(i + 1, g));
  const media = ins('INSERT INTO media_types (media_type_id, name) VALUES (?, ?)');
  MEDIA_TYPES.forEach((m, i) => media.run(i + 1, m));

  const artist = ins('INSERT INTO artists (artist_id, name, country, formed_year) VALUES (?, ?, ?, ?)');
  const artistCount = 140;
  for (let id = 1; id <= artistCount; id++) {
    const special = id % 23 === 0 ? SPECIAL_ARTISTS[(id / 23 - 1) % SPECIAL_ARTISTS.length] : undefined;
    const name = special?.[0] ?? (rnd.chance(0.5) ? `The ${rnd.pick(ADJECTIVES)} ${rnd.pick(NOUNS)}` : `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`);
    const country = special?.[1] ?? (rnd.chance(0.1) ? null : rnd.pick(CITIES)[1]);
    artist.run(id, name, country, rnd.chance(0.15) ? null : rnd.int(1960, 2020));
  }

  const album = ins('INSERT INTO albums (album_id, title, artist_id, release_year, label) VALUES (?, ?, ?, ?, ?)');
  const track = ins(
    'INSERT INTO tracks (track_id, name, album_id, track_number, genre_id, media_type_id, composer, milliseconds, bytes, unit_price) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const labels = ['Northwind Records', 'Blue Harbor', 'Static Bloom', 'Independent', 'Kōyō Music'];
  let trackId = 0;
  const albumCount = 460;
  for (let id = 1; id <= albumCount; id++) {
    const artistId = ((id * 7919) % artistCount) + 1;
    const title = rnd.chance(0.3) ? `${rnd.pick(WORDS)} ${rnd.pick(WORDS)}` : `${rnd.pick(ADJECTIVES)} ${rnd.pick(WORDS)}`;
    album.run(id, title, artistId, rnd.int(1965, 2024), rnd.chance(0.2) ? null : rnd.pick(labels));
    const genreId = rnd.int(1, GENRES.length);
    const n = rnd.int(6, 14);
    for (let k = 1; k <= n; k++) {
      const ms = rnd.int(95_000, 420_000);
      const mediaId = rnd.chance(0.7) ? 1 : rnd.int(2, MEDIA_TYPES.length);
      const price = mediaId === 3 ? 1.29 : 0.99;
      const composer = rnd.chance(0.3) ? null : `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
      track.run(++trackId, `${rnd.pick(WORDS)} ${rnd.pick(NOUNS)}`, id, k, rnd.chance(0.03) ? null : genreId, mediaId, composer, ms, Math.floor(ms * 32.1), price);
    }
  }

  const playlist = ins('INSERT INTO playlists (playlist_id, name) VALUES (?, ?)');
  const entry = ins('INSERT OR IGNORE INTO playlist_tracks (playlist_id, track_id, position) VALUES (?, ?, ?)');
  PLAYLISTS.forEach((name, i) => {
    playlist.run(i + 1, name);
    if (name === 'Empty Playlist') return;
    const n = rnd.int(40, 300);
    for (let p = 1; p <= n; p++) entry.run(i + 1, rnd.int(1, trackId), p);
  });

  const employee = ins('INSERT INTO employees (employee_id, first_name, last_name, title, reports_to, hire_date, email) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const staff: readonly (readonly [string, string, string, number | null])[] = [
    ['Marta', 'Kowalski', 'General Manager', null], ['Ken', 'Tanaka', 'Sales Manager', 1], ['Lucía', 'Vidal', 'IT Manager', 1],
    ['Anders', 'Lindqvist', 'Sales Support Agent', 2], ['Priya', 'Okafor', 'Sales Support Agent', 2], ['Tom', 'Weber', 'Sales Support Agent', 2],
    ['Noor', 'Yilmaz', 'IT Staff', 3], ['Felix', 'Moreau', 'IT Staff', 3], ['王', '芳', 'Sales Support Agent', 2],
  ];
  staff.forEach(([first, last, title, boss], i) =>
    employee.run(i + 1, first, last, title, boss, isoDate(rnd.int(0, 2000)), `${slug(first)}${i + 1}.${slug(last)}@example.com`),
  );

  const customer = ins(
    'INSERT INTO customers (customer_id, first_name, last_name, company, city, country, email, support_rep_id, newsletter) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const customerCount = 320;
  const home: Array<readonly [string, string]> = [];
  for (let id = 1; id <= customerCount; id++) {
    const first = rnd.pick(FIRST_NAMES);
    const last = rnd.pick(LAST_NAMES);
    const place = rnd.pick(CITIES);
    home.push(place);
    const company = rnd.chance(0.75) ? null : `${rnd.pick(NOUNS)} ${rnd.pick(['GmbH', 'Ltd', 'Inc.', 'S.A.', '株式会社'])}`;
    customer.run(id, first, last, company, place[0], place[1], `${slug(first)}.${slug(last)}${id}@example.org`, rnd.chance(0.05) ? null : rnd.pick([4, 5, 6, 9]), rnd.chance(0.4) ? 1 : 0);
  }

  const invoice = ins('INSERT INTO invoices (invoice_id, customer_id, invoice_date, billing_city, billing_country, total) VALUES (?, ?, ?, ?, ?, ?)');
  const item = ins('INSERT INTO invoice_items (invoice_item_id, invoice_id, track_id, unit_price, quantity) VALUES (?, ?, ?, ?, ?)');
  const priceOf = db.prepare('SELECT unit_price FROM tracks WHERE track_id = ?').pluck();
  let itemId = 0;
  for (let id = 1; id <= 2400; id++) {
    const cust = rnd.int(1, customerCount);
    const [city, country] = home[cust - 1]!;
    const n = rnd.int(1, 5);
    let cents = 0;
    const items: Array<[number, number, number]> = [];
    for (let k = 0; k < n; k++) {
      const t = rnd.int(1, trackId);
      const price = priceOf.get(t) as number;
      const qty = rnd.chance(0.9) ? 1 : rnd.int(2, 3);
      cents += Math.round(price * 100) * qty;
      items.push([t, price, qty]);
    }
    invoice.run(id, cust, isoDate(2200 + Math.floor(id * 0.9) + rnd.int(0, 2)), rnd.chance(0.02) ? null : city, country, cents / 100);
    for (const [t, price, qty] of items) item.run(++itemId, id, t, price, qty);
  }
}

/** Creates the demo database at `path` unless a file is already there. */
export async function ensureDemoDatabase(path: string): Promise<{ path: string; created: boolean }> {
  if (existsSync(path)) return { path, created: false };
  try {
    return await buildDemoDatabase(path);
  } catch (e) {
    // A read-only or odd HOME (a file, no permission): say so in words, with the way out.
    const reason = (e as { code?: string }).code === 'SQLITE_CANTOPEN' ? 'cannot create a file there' : fileErrorReason(e);
    throw new UserError(
      `cannot create the demo database at ${JSON.stringify(path)}: ${reason}. Set XDG_DATA_HOME (or HOME) to a writable directory.`,
      { cause: e },
    );
  }
}

async function buildDemoDatabase(path: string): Promise<{ path: string; created: boolean }> {
  const dir = dirname(path);
  makeDirectory(dir);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.building`);
  const Database = (await import('better-sqlite3')).default;
  try {
    const nativeBinding = betterSqliteBinding(); // (the bundle holds better-sqlite3's JS: its own search would look beside it)
    const db = new Database(tmp, nativeBinding ? { nativeBinding } : {});
    try {
      db.pragma('journal_mode = MEMORY');
      db.pragma('foreign_keys = ON');
      db.transaction(() => {
        db.exec(SCHEMA);
        fill(db);
      })();
      db.exec('ANALYZE');
      db.pragma(`user_version = ${DEMO_SCHEMA_VERSION}`);
    } finally {
      db.close();
    }
    try {
      linkSync(tmp, path); // fails if a file appeared meanwhile: never overwrite
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return { path, created: false };
      if (existsSync(path)) return { path, created: false };
      renameSync(tmp, path); // file systems without hard links
      return { path, created: true };
    }
    return { path, created: true };
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or never created
    }
  }
}
