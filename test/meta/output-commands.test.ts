/** \x, \T, \pset, \o, \timing, \pager: the next result's layout and destination change. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDb, sqlsh, tempDir } from './cli-helper.js';

for (const engine of ['sqlite', 'duckdb'] as const) {
  describe(`output commands on ${engine}`, () => {
    const db = fixtureDb(engine);
    const q = 'SELECT id, name FROM artists ORDER BY id';

    test('\\x on switches the next result to expanded records, \\x off back', () => {
      const r = sqlsh(db, [q, '\\x on', q, '\\x off', q]);
      assert.equal(r.status, 0, r.stderr);
      const parts = r.stdout.split(/\(2 rows\)\n\n|(?=Expanded display is off)/);
      assert.match(parts[0]!, /^ id \| name *\n/);
      assert.match(parts[1]!, /^Expanded display is on\.\n-\[ RECORD 1 \]-*\n/);
      assert.match(parts[1]!, /\nname +\| Nina\n\n$/, "no row count after records, then psql's blank line");
      assert.match(parts[2]!, /^Expanded display is off\.\n id \| name *\n/);
      assert.match(r.stdout, /Expanded display is on\.\n[\s\S]*Expanded display is off\./, 'on stdout, as psql prints it');
    });

    test("\\gdesc lists the query's columns and types without printing its rows; the query stays the last one", () => {
      const r = sqlsh(db, [`${q} \\gdesc`, '\\gdesc', "CREATE TABLE gd_none AS SELECT 1 AS x \\gdesc"]);
      assert.equal(r.status, 1, 'CREATE ... AS is no query here: the subquery fails');
      assert.match(r.stdout, /^ Column \| +Type +\n-+\+-+\n id +\| \S+ *\n name +\| \S+ *\n\(2 rows\)\n\n Column/);
      assert.doesNotMatch(r.stdout, /Miles/, 'not run for its rows');
      const none = sqlsh(db, ['SELECT 1 WHERE false \\gdesc']);
      assert.equal(none.status, 0, none.stderr);
      assert.match(none.stdout, /^ Column \| +Type/);
    });

    test('\\T changes the format of the next result', () => {
      const r = sqlsh(db, ['\\T csv', q, '\\T json', q, '\\T markdown', q, '\\T ascii', q]);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(r.stdout.startsWith('id,name\n1,Miles\n2,Nina\n[{"id":1,"name":"Miles"},{"id":2,"name":"Nina"}]\n') || r.stdout.startsWith('id,name\n1,Miles\n2,Nina\n[\n'), r.stdout);
      assert.match(r.stdout, /\| id \| name \|\n\| -+: \| -+ \|\n\| 1 \| Miles \|\n/);
      assert.match(r.stdout, /\+----\+-------\+\n\| id \| name {2}\|\n/);
      const bad = sqlsh(db, ['\\T html']);
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /expected one of psql, unicode, ascii, markdown, table, csv, tsv, json, jsonl/);
    });

    test('\\pset null changes how NULL is shown', () => {
      const r = sqlsh(db, ['\\pset null (none)', 'SELECT price FROM tracks WHERE id = 2']);
      assert.match(r.stdout, /\(none\)/);
      // alone it says what NULL looks like now, as psql (it does not reset it)
      const now = sqlsh(db, ['\\pset null (none)', '\\pset null', '\\T csv', 'SELECT price FROM tracks WHERE id = 2']);
      assert.equal(now.stdout, 'Null display is "(none)".\nNull display is "(none)".\nprice\n(none)\n');
      const unset = sqlsh(db, ['\\pset null', '\\T csv', '\\pset null']);
      assert.equal(unset.stdout, 'Null display is "NULL".\nNull display is "".\n', 'unset: what the format shows');
      const shown = sqlsh(db, ['\\pset', '\\pset null ~', '\\pset']);
      // psql's list: the null display that applies, quoted as psql quotes it
      assert.match(shown.stdout, /^null {21}'NULL'$/m, 'unset: the default that applies');
      assert.match(shown.stdout, /^null {21}'~'$/m);
    });

    test('\\o FILE writes results to the file byte for byte, \\o goes back', () => {
      const dir = tempDir();
      const file = join(dir, 'out.txt');
      const r = sqlsh(db, ['\\T csv', `\\o ${file}`, q, 'SELECT 42 AS answer', '\\o', 'SELECT 7 AS seven']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(file, 'utf8'), 'id,name\n1,Miles\n2,Nina\nanswer\n42\n');
      assert.equal(r.stdout, 'seven\n7\n');
    });

    test('\\o |command pipes results to a shell command', () => {
      const dir = tempDir();
      const file = join(dir, 'piped.txt');
      const r = sqlsh(db, ['\\T csv', `\\o |tr a-z A-Z > ${file}`, q, '\\o']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(file, 'utf8'), 'ID,NAME\n1,MILES\n2,NINA\n');
    });

    test('\\timing reports the time of each statement', () => {
      const r = sqlsh(db, ['\\timing on', q, '\\timing off', q]);
      assert.equal(r.status, 0, r.stderr);
      // in a script, psql's line on stdout after the result (`Time: 0.321 ms`), once
      assert.equal(r.stdout.match(/^Time: \d+\.\d{3} ms$/gm)?.length, 1, r.stdout);
      assert.doesNotMatch(r.stderr, /Time:/);
      assert.match(r.stdout, /Timing is on\.[\s\S]*\(2 rows\)\n\nTime: [\d.]+ ms\nTiming is off\./, 'on stdout, as psql prints it');
    });

    test("psql's timing line, with the clock time from a second on", async () => {
      const { psqlTiming } = await import('../../src/shell/run-script.js');
      assert.equal(psqlTiming(12.3456), 'Time: 12.346 ms');
      assert.equal(psqlTiming(61234), 'Time: 61234.000 ms (01:01.234)');
      assert.equal(psqlTiming(3_723_500), 'Time: 3723500.000 ms (01:02:03.500)');
      assert.equal(psqlTiming(90_000_000), 'Time: 90000000.000 ms (1 d 01:00:00.000)');
    });

    test('\\pager and \\set change settings', () => {
      // a name that is not a setting is a psql variable (script-commands.ts)
      const r = sqlsh(db, ['\\pager off', '\\pager more', '\\set null_string ~', 'SELECT NULL AS n', '\\set nope 1', '\\echo :nope']);
      assert.match(r.stderr, /Pager is off\.\nPager is "more"\./);
      assert.match(r.stdout, /^ n *\n-+\n ~\n[\s\S]*^1\n/m);
    });
  });
}
