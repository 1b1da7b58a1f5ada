/** \i, \copy, \g, \gx, \e, \watch, \? and \h through the CLI. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDb, sqlsh, sqlshChild, tempDir } from './cli-helper.js';

for (const engine of ['sqlite', 'duckdb'] as const) {
  describe(`running commands on ${engine}`, () => {
    const db = fixtureDb(engine);

    test('\\i reads relative paths from the including file', () => {
      const dir = tempDir();
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'main.sql'), "SELECT 'main' AS f;\n\\i sub/child.sql\n");
      writeFileSync(join(dir, 'sub', 'child.sql'), "SELECT 'child' AS f;\n\\i ../leaf.sql\n");
      writeFileSync(join(dir, 'leaf.sql'), "SELECT 'leaf' AS f;\n");
      const r = sqlsh(db, [`\\i ${join(dir, 'main.sql')}`, '\\T csv', `\\i ${join(dir, 'leaf.sql')}`]);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(r.stdout.match(/main|child|leaf/g), ['main', 'child', 'leaf', 'leaf']);
      const missing = sqlsh(db, ['\\i no-such-file.sql']);
      assert.equal(missing.status, 1);
      assert.match(missing.stderr, /\\i: cannot read "no-such-file\.sql": no such file or directory\n/);
      const directory = sqlsh(db, [`\\i ${dir}`, `\\o ${join(dir, 'no-dir', 'out.txt')}`, `\\copy (SELECT 1) TO '${join(dir, 'no-dir', 'x.csv')}'`], { args: ['--continue-on-error'] });
      assert.match(directory.stderr, /\\i: cannot read ".*": it is a directory\n/);
      assert.match(directory.stderr, /\\o: cannot write to ".*out\.txt": no such file or directory\n/);
      assert.match(directory.stderr, /\\copy: cannot write to ".*x\.csv": no such file or directory\n/);
    });

    test('\\i of a file that includes itself stops', () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'loop.sql'), '\\i loop.sql\n');
      const r = sqlsh(db, [`\\i ${join(dir, 'loop.sql')}`]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /nested more than 16 deep/);
    });

    test('\\copy (query) TO a CSV file, byte for byte', () => {
      const dir = tempDir();
      const r = sqlsh(db, [`\\copy (SELECT id, title, price FROM tracks ORDER BY id) TO 'out.csv' WITH (FORMAT csv, HEADER)`], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, 'COPY 3\n', 'psql prints COPY n where results go');
      assert.equal(readFileSync(join(dir, 'out.csv'), 'utf8'), 'id,title,price\n1,So What,1.29\n2,Sinnerman,\n3,"Blue, in Green",0.99\n');
      const t = sqlsh(db, [`\\copy artists TO 'a.tsv'`], { cwd: dir });
      assert.equal(t.status, 0, t.stderr);
      assert.equal(readFileSync(join(dir, 'a.tsv'), 'utf8'), '1\tMiles\n2\tNina\n');
    });

    test('\\copy table FROM a CSV file inserts every row in one transaction', () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'in.csv'), 'id;title;price\n10;"Naima; live";NA\n11;"Say ""yes""";2.50\n');
      const r = sqlsh(db, [
        `\\copy tracks (id, title, price) FROM 'in.csv' WITH (FORMAT csv, HEADER, DELIMITER ';', NULL 'NA')`,
        '\\T csv',
        'SELECT id, title, price FROM tracks WHERE id >= 10 ORDER BY id',
      ], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, 'COPY 2\nid,title,price\n10,Naima; live,\n11,"Say ""yes""",2.50\n'.replace('2.50', engine === 'sqlite' ? '2.5' : '2.50'));
    });

    test('a failing \\copy FROM leaves the table unchanged', () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'dup.csv'), '20,x,1\n1,duplicate id,1\n');
      const r = sqlsh(db, [`\\copy tracks (id, title, price) FROM 'dup.csv' CSV`, 'SELECT count(*) AS n FROM tracks WHERE id = 20'], {
        cwd: dir,
        args: ['--continue-on-error', '--format', 'csv'],
      });
      assert.match(r.stderr, /dup\.csv:1-2: .*nothing was copied/);
      assert.equal(r.stdout, 'n\n0\n');
    });

    test('\\g and \\gx re-run the last statement', () => {
      const r = sqlsh(db, ['SELECT 1 AS one', '\\g', '\\gx']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.match(/^ one \n-----\n +1\n/gm)?.length, 2);
      assert.match(r.stdout, /-\[ RECORD 1 \]-*\none \| 1\n/);
      const none = sqlsh(db, ['\\g']);
      assert.match(none.stderr, /no previous statement/);
    });

    test('\\e runs the edited statement in scripts', () => {
      const dir = tempDir();
      const editor = join(dir, 'editor.sh');
      writeFileSync(editor, '#!/bin/sh\nsed "s/41/42/" "$1" > "$1.new" && mv "$1.new" "$1"\n');
      chmodSync(editor, 0o755);
      const r = sqlsh(db, ['SELECT 41 AS answer', '\\e'], { env: { EDITOR: editor, VISUAL: '' } });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, / +41\n[\s\S]* +42\n/);
      const failing = sqlsh(db, ['SELECT 1', '\\e'], { env: { EDITOR: 'false', VISUAL: '' } });
      assert.equal(failing.status, 1);
      assert.match(failing.stderr, /editor "false" exited with status 1/);
    });

    test("\\ev and \\ef alone open psql's templates in $EDITOR; the text left is used as \\e uses it", () => {
      const dir = tempDir();
      const editor = join(dir, 'editor.sh');
      const seen = join(dir, 'seen.txt');
      writeFileSync(editor, `#!/bin/sh\nfor f; do :; done\necho "$@" >> ${seen}\ncat "$f" >> ${seen}\nprintf 'create view vv as select 7 as seven;' > "$f"\n`);
      chmodSync(editor, 0o755);
      const r = sqlsh(db, ['\\ev', 'select * from vv', '\\ef'], { env: { EDITOR: editor, VISUAL: '' } });
      const log = readFileSync(seen, 'utf8');
      assert.match(log, /^\S*statement\.sql\nCREATE VIEW  AS\n SELECT \n  -- something\.\.\.\n/);
      assert.match(log, /\n\S*statement\.sql\nCREATE FUNCTION \( \)\n RETURNS \n LANGUAGE \n -- common options: {2}IMMUTABLE {2}STABLE {2}STRICT {2}SECURITY DEFINER\nAS \$function\$\n\n\$function\$\n/);
      assert.match(r.stdout, / +7\n/);
    });

    test('\\watch c=N re-runs the last statement N times', () => {
      const r = sqlsh(db, ['SELECT count(*) AS n FROM artists', '\\watch 0.05 c=3']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.match(/^SELECT count\(\*\) AS n FROM artists {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(every 0\.05s\)\n/gm)?.length, 3);
      assert.equal(r.stdout.match(/^\(1 row\)$/gm)?.length, 4);
    });

    test('\\watch stops on an error', () => {
      const r = sqlsh(db, ['CREATE TABLE once (x INTEGER PRIMARY KEY)', 'INSERT INTO once VALUES (1)', '\\watch 0.05 c=5']);
      assert.equal(r.status, 1);
      assert.equal(r.stdout.match(/\(every 0\.05s\)/g)?.length, 1);
    });

    test('\\watch stops on Ctrl-C (SIGINT)', async () => {
      const child = sqlshChild(db, ['SELECT 1 AS tick', '\\watch 0.05']);
      let out = '';
      child.stderr.resume();
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if ((out.match(/\(every/g)?.length ?? 0) >= 2) resolve();
        });
      });
      child.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      assert.notEqual(code, null, 'exited by itself, not killed by the signal');
      assert.ok((out.match(/tick/g)?.length ?? 0) >= 2);
    });
  });
}

describe('help commands', () => {
  const db = fixtureDb('sqlite');

  test('\\? lists, \\? CMD explains, \\h reminds', () => {
    const r = sqlsh(db, ['\\?', '\\? dt', '\\h', '\\h insert', '\\h alter table']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^General\n {2}\\\? \[COMMAND\]|General\n/);
    assert.match(r.stdout, /\n {2}\\copy /);
    assert.match(r.stdout, /\\dt\[S\+\] \[PATTERN\]\n {2}list tables\n/);
    assert.match(r.stdout, /SQL help for SQLite/);
    assert.match(r.stdout, /INSERT: add rows \(SQLite\)\nINSERT \[OR REPLACE\|IGNORE\] INTO/);
    assert.match(r.stdout, /SQLite cannot change a column's type/);
    const bad = sqlsh(db, ['\\h frobnicate']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /no help for "frobnicate"/);
  });

  test('\\q stops the script', () => {
    const r = sqlsh(db, ['SELECT 1 AS a', '\\q', 'SELECT 2 AS b']);
    assert.equal(r.status, 0);
    assert.doesNotMatch(r.stdout, / b\n/);
  });
});
