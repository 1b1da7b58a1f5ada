/** Named queries are saved in the config directory and survive a restart. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDb, sqlsh, tempDir } from './cli-helper.js';

describe('named queries', () => {
  for (const engine of ['sqlite', 'duckdb'] as const) {
    test(`save, run with arguments in a second run, list, delete (${engine})`, () => {
      const db = fixtureDb(engine);
      const home = tempDir();
      const save = sqlsh(db, ['\\ns by_artist SELECT title FROM tracks WHERE artist_id = $1 ORDER BY title', '\\ns pick SELECT name FROM artists WHERE id IN ($*) ORDER BY id'], { home });
      assert.equal(save.status, 0, save.stderr);
      assert.match(save.stderr, /Saved named query by_artist\./);
      const file = join(home, 'config', 'sqlsh', 'named-queries.toml');
      assert.match(readFileSync(file, 'utf8'), /by_artist = "SELECT title FROM tracks WHERE artist_id = \$1 ORDER BY title"/);

      const run = sqlsh(db, ['\\n by_artist 1', '\\n pick 1 2', '\\n'], { home, args: ['--format', 'csv'] });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, 'title\n"Blue, in Green"\nSo What\nname\nMiles\nNina\nName,Query\nby_artist,SELECT title FROM tracks WHERE artist_id = $1 ORDER BY title\npick,SELECT name FROM artists WHERE id IN ($*) ORDER BY id\n');

      const missing = sqlsh(db, ['\\n by_artist'], { home });
      assert.equal(missing.status, 1);
      assert.match(missing.stderr, /\\n: by_artist needs 1 argument, got 0: missing \$1/);

      const del = sqlsh(db, ['\\nd by_artist', '\\n by_artist 1'], { home });
      assert.match(del.stderr, /Deleted named query by_artist\.\n.*no named query "by_artist"/);
      assert.doesNotMatch(readFileSync(file, 'utf8'), /by_artist/);
    });
  }
});
