/** \d and friends on real SQLite and DuckDB files with the fixture schema, through the CLI. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureDb, sqlsh } from './cli-helper.js';

const SQLITE_D_TRACKS = `              Table "main.tracks"
  Column   |     Type     | Nullable | Default${' '}
-----------+--------------+----------+---------
 id        | INTEGER      | not null |${' '}
 artist_id | INTEGER      |          |${' '}
 title     | VARCHAR(200) | not null |${' '}
 price     | DECIMAL(6,2) |          | 0.99
Indexes:
    PRIMARY KEY (id)
    "ix_tracks_title" (title)
Check constraints:
    CHECK (price >= 0)
Foreign-key constraints:
    FOREIGN KEY (artist_id) REFERENCES artists(id)

`;

describe('describe commands on SQLite', () => {
  const db = fixtureDb('sqlite');

  test('\\d tracks is laid out like psql', () => {
    const r = sqlsh(db, ['\\d tracks']);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, SQLITE_D_TRACKS);
  });

  test('\\d artists shows the unique index and who references it', () => {
    const r = sqlsh(db, ['\\d artists']);
    assert.match(r.stdout, /^ {12}Table "main\.artists"\n/);
    assert.match(r.stdout, /Indexes:\n {4}PRIMARY KEY \(id\)\n {4}"sqlite_autoindex_artists_1" UNIQUE \(name\)\n/);
    assert.match(r.stdout, /Referenced by:\n {4}TABLE "tracks" FOREIGN KEY \(artist_id\) REFERENCES artists\(id\)\n/);
  });

  test('triggers appear under Triggers:', () => {
    const r = sqlsh(db, ['CREATE TEMP TABLE log (msg TEXT)', 'CREATE TEMP TRIGGER trg_tracks AFTER INSERT ON tracks BEGIN INSERT INTO log VALUES (new.title); END', '\\d tracks']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Triggers:\n {4}trg_tracks AFTER INSERT ON tracks BEGIN INSERT INTO log VALUES \(new\.title\); END\n/);
  });

  test('lists with patterns', () => {
    const r = sqlsh(db, ['\\dt', '\\dt tr*', '\\dt main.a*', '\\dv', '\\di', '\\d']);
    assert.equal(r.status, 0, r.stderr);
    const [dt, dtTr, dtMain, dv, di, d] = r.stdout.split(/(?=^ *List of)/m);
    assert.equal(dt, '    List of relations\n Schema |  Name   | Type  \n--------+---------+-------\n main   | artists | table\n main   | tracks  | table\n(2 rows)\n\n', "psql's blank line ends the list");
    assert.match(dtTr!, /tracks/);
    assert.doesNotMatch(dtTr!, /artists/);
    assert.match(dtMain!, /artists/);
    assert.doesNotMatch(dtMain!, /tracks/);
    assert.match(dv!, / main {3}\| v_tracks \| view\n\(1 row\)/);
    assert.match(di!, /ix_tracks_title \| index +\| tracks \| title/);
    assert.match(d!, /v_tracks \| view/);
    assert.match(d!, /\(3 rows\)/);
  });

  test('+ adds sizes; \\d+ on a view shows its definition', () => {
    const r = sqlsh(db, ['\\dt+ tracks', '\\d+ v_tracks']);
    assert.match(r.stdout, /Rows \| +Size +\| Description/);
    assert.match(r.stdout, /View "main\.v_tracks"[\s\S]*View definition:\n SELECT t\.title, a\.name FROM tracks t JOIN artists a/);
  });

  test('commands that do not apply say why in one line', () => {
    for (const [cmd, why] of [
      ['\\dx', /^SQLite has no extensions/],
      ['\\du', /^SQLite has no users or roles/],
      ['\\ds', /^SQLite has no sequences/],
      ['\\dm', /^SQLite has no materialized views/],
      ['\\dT', /^SQLite has no user-defined types/],
    ] as const) {
      const r = sqlsh(db, [cmd]);
      assert.equal(r.status, 0, `${cmd}: ${r.stderr}`);
      assert.match(r.stderr, why, cmd);
      assert.equal(r.stderr.trim().split('\n').length, 1, `${cmd}: one line`);
    }
  });

  test('\\dn, \\l, \\df', () => {
    const r = sqlsh(db, ['\\dn', '\\l', '\\df abs']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /List of schemas\n Name \n-+\n main\n/);
    assert.match(r.stdout, new RegExp(` main \\| ${db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\n`));
    assert.match(r.stdout, / main +\| abs +\|/);
  });

  test('an unknown relation is an error; an unknown command is said in psql\'s words (at the prompt with a suggestion: e2e/shell-meta)', () => {
    const r = sqlsh(db, ['\\d nope']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /Did not find any relation named "nope"/);
    const t = sqlsh(db, ['\\describ']);
    assert.equal(t.status, 1);
    assert.equal(t.stderr, 'invalid command \\describ\n'); // (-c: psql's words alone, as psql says them there)
    const a = sqlsh(db, ['\\x sideways']);
    assert.match(a.stderr, /unrecognized value "sideways" for "expanded"\nAvailable values are: on, off, auto\./);
  });

  test('\\d follows \\T (csv)', () => {
    const r = sqlsh(db, ['\\T csv', '\\dt']);
    assert.equal(r.stdout, 'Schema,Name,Type\nmain,artists,table\nmain,tracks,table\n');
  });

  test('\\conninfo names the file and \\c switches, keeping the old connection on failure', () => {
    const other = fixtureDb('duckdb');
    const r = sqlsh(db, ['\\conninfo', '\\c /nonexistent/dir/x.duckdb', '\\conninfo', `\\c ${other}`, '\\conninfo', '\\dt'], { args: ['--continue-on-error'] });
    assert.match(r.stderr, new RegExp(`You are connected to SQLite database file "${db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`));
    assert.match(r.stderr, /Previous connection kept: SQLite database file/);
    assert.match(r.stderr, /You are now connected to DuckDB database file/);
    assert.match(r.stdout, /artists/);
  });
});

describe('describe commands on DuckDB', () => {
  const db = fixtureDb('duckdb');

  test('\\d tracks has every section', () => {
    const r = sqlsh(db, ['\\d tracks']);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^ +Table "main\.tracks"\n +Column +\| +Type +\| Nullable \| Default \n/);
    assert.match(r.stdout, /\n id +\| INTEGER +\| not null \|/);
    assert.match(r.stdout, /\n title +\| VARCHAR +\| not null \|/);
    assert.match(r.stdout, /\n price +\| DECIMAL\(6,2\) +\| +\| 0\.99/);
    assert.match(r.stdout, /Indexes:\n {4}"[^"]+" PRIMARY KEY \(id\)\n {4}"ix_tracks_title" \(title\)\n/);
    assert.match(r.stdout, /Foreign-key constraints:\n {4}"[^"]+" FOREIGN KEY \(artist_id\) REFERENCES artists\(id\)\n/);
    assert.match(r.stdout, /Check constraints:\n {4}CHECK\(\(price >= 0\)\)\n/);
  });

  test('\\d artists: referenced by', () => {
    const r = sqlsh(db, ['\\d artists']);
    assert.match(r.stdout, /Referenced by:\n {4}TABLE "tracks" CONSTRAINT "[^"]+" FOREIGN KEY \(artist_id\) REFERENCES artists\(id\)/);
  });

  test('lists, sequences, types, extensions', () => {
    const r = sqlsh(db, ['CREATE SEQUENCE seq_ids', "CREATE TYPE mood AS ENUM ('sad', 'ok')", '\\dt', '\\ds', '\\dT', '\\dx json', '\\l', '\\dn']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /List of relations\n Schema \| +Name +\| Type +\n-+\+-+\+-+\n main +\| artists \| table\n main +\| tracks +\| table\n\(2 rows\)/);
    assert.match(r.stdout, /List of sequences[\s\S]* main +\| seq_ids \| sequence/);
    assert.match(r.stdout, /List of data types[\s\S]* main +\| mood/);
    assert.match(r.stdout, /List of installed extensions[\s\S]* json +\| true/);
    assert.match(r.stdout, /List of databases[\s\S]* music +\|/);
    assert.match(r.stdout, /List of schemas\n Name \n-+\n main\n/);
  });

  test('\\du and \\dm do not apply', () => {
    const r = sqlsh(db, ['\\du', '\\dm']);
    assert.equal(r.status, 0);
    assert.match(r.stderr, /^DuckDB has no users or roles.*\nDuckDB has no materialized views\n$/);
  });

  test('\\d+ v_tracks shows the view definition', () => {
    const r = sqlsh(db, ['\\d+ v_tracks']);
    assert.match(r.stdout, /View "main\.v_tracks"[\s\S]*View definition:\n SELECT/);
  });
});
