/** The built binary against real SQLite files: stdout, stderr and exit codes, as a script sees them. */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, sandboxEnv } from '../helpers/run-cli.js';
import { displayWidth, loadDisplayWidth } from '../../src/output/display-width.js';

before(() => loadDisplayWidth());

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-cli-'));
const db = join(dir, 'shop.db');

before(() => {
  const r = runCli([
    db,
    '-c',
    `create table items (id integer primary key, name text not null, price numeric, big integer, data blob, note text);
     insert into items values (1, 'apple', 1.5, 9007199254740993, x'00ff', null), (2, '日本語', 20, -1, null, ''), (3, 'a,"b"', 3.25, 0, null, 'x');`,
  ]);
  assert.equal(r.code, 0, r.stderr);
});

describe('sqlsh -c against a SQLite file', () => {
  test('table format: aligned, NULL distinct from empty, exact big integer, hex blob, row count', () => {
    const r = runCli([db, '-c', 'select id, name, big, data, note from items order by id']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /9007199254740993/);
    assert.match(r.stdout, /\\x00ff/);
    assert.match(r.stdout, /NULL/);
    assert.match(r.stdout, /\(3 rows\)/);
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /id.*name.*big/);
    // Every row has its separators at the same display columns as the header, wide characters included.
    const bars = (line: string) => {
      const cols: number[] = [];
      let col = 0;
      for (const ch of line) {
        if (ch === '|') cols.push(col);
        col += displayWidth(ch);
      }
      return cols;
    };
    const rows = lines.slice(2, 5);
    assert.ok(rows.some((l) => l.includes('日本語')), r.stdout);
    for (const l of rows) assert.deepEqual(bars(l), bars(lines[0]!), `misaligned: ${JSON.stringify(l)}`);
  });

  test('csv: exact values, RFC 4180 quoting, NULL empty by default', () => {
    const r = runCli([db, '-c', 'select id, name, big, note from items order by id', '--format', 'csv']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'id,name,big,note\n1,apple,9007199254740993,\n2,日本語,-1,""\n3,"a,""b""",0,x\n');
  });

  test('--no-header and --null', () => {
    const r = runCli([db, '-c', 'select id, note from items where id = 1', '--format', 'csv', '--no-header', '--null', '(null)']);
    assert.equal(r.stdout, '1,(null)\n');
  });

  test('json keeps 64-bit integers exact', () => {
    const r = runCli([db, '-c', 'select id, big from items order by id', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /"big": ?9007199254740993/);
    const parsed = JSON.parse(r.stdout) as { id: number }[];
    assert.equal(parsed.length, 3);
  });

  test('jsonl, tsv, markdown, expanded', () => {
    assert.equal(runCli([db, '-c', 'select id, name from items where id < 3 order by id', '--format', 'jsonl']).stdout, '{"id":1,"name":"apple"}\n{"id":2,"name":"日本語"}\n');
    assert.equal(runCli([db, '-c', 'select id, name from items where id = 1', '--format', 'tsv']).stdout, 'id\tname\n1\tapple\n');
    assert.match(runCli([db, '-c', 'select id, name from items where id = 1', '--format', 'markdown']).stdout, /\| id \| name \|\n\| -+: \| -+ \|\n\| 1 \| apple \|/);
    assert.match(runCli([db, '-c', 'select id, name from items where id = 1', '--format', 'expanded']).stdout, /RECORD 1/);
  });

  test('several -c run in order', () => {
    const r = runCli([db, '-c', 'select 1 as a', '-c', 'select 2 as b', '--format', 'csv']);
    assert.equal(r.stdout, 'a\n1\nb\n2\n');
  });

  test('-o writes results to a file', () => {
    const out = join(dir, 'out.csv');
    const r = runCli([db, '-c', 'select id from items order by id', '--format', 'csv', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(readFileSync(out, 'utf8'), 'id\n1\n2\n3\n');
  });

  test('SQL piped on stdin runs as a script', () => {
    const r = runCli([db, '--format', 'csv'], { input: 'select 1 as one;\nselect 2 as two;\n' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'one\n1\ntwo\n2\n');
  });

  test('a failing statement: exit 1, engine message, line in the file and a caret; stops at the first failure', () => {
    const script = join(dir, 'bad.sql');
    writeFileSync(script, 'select 1 as ok;\n\nselect nme\n  from items;\nselect 2 as never;\n');
    const r = runCli([db, '-f', script, '--format', 'csv']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, 'ok\n1\n');
    assert.match(r.stderr, /no such column: nme/);
    assert.match(r.stderr, /bad\.sql:3/);
    const lines = r.stderr.split('\n');
    const at = lines.findIndex((l) => /select nme/.test(l));
    assert.ok(at >= 0, r.stderr);
    const caretCol = lines[at + 1]!.indexOf('^');
    assert.equal(lines[at]!.indexOf('nme'), caretCol, r.stderr);
  });

  test('--continue-on-error goes on, exit code still 1', () => {
    const r = runCli([db, '-c', 'select 1 as a; select * from nosuch; select 2 as b', '--format', 'csv', '--continue-on-error']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, 'a\n1\nb\n2\n');
    assert.match(r.stderr, /no such table: nosuch/);
  });

  test('DML prints a status tag in table format', () => {
    const copy = join(dir, 'dml.db');
    const r = runCli([copy, '-c', 'create table t (x); insert into t values (1), (2); update t set x = x + 1; delete from t where x = 2']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /INSERT.*2/);
    assert.match(r.stdout, /UPDATE 2/);
    assert.match(r.stdout, /DELETE 1/);
  });

  test('destructive statements never prompt in scripts; --confirm-destructive refuses them without a terminal', () => {
    const copy = join(dir, 'destroy.db');
    assert.equal(runCli([copy, '-c', 'create table t (x); insert into t values (1)']).code, 0);
    const r = runCli([copy, '-c', 'delete from t', '--confirm-destructive']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not run/);
    assert.equal(runCli([copy, '-c', 'select count(*) as n from t', '--format', 'csv']).stdout, 'n\n1\n');
    assert.equal(runCli([copy, '-c', 'delete from t']).code, 0);
    assert.equal(runCli([copy, '-c', 'select count(*) as n from t', '--format', 'csv']).stdout, 'n\n0\n');
  });

  test('a backslash command ending a statement: \\watch repeats it, others run and the statement follows', () => {
    const w = runCli([db, '-c', 'select 3 as c \\watch 0.2 c=2', '--format', 'csv']);
    assert.equal(w.code, 0, w.stderr);
    assert.equal((w.stdout.match(/^c\n3$/gm) ?? []).length, 2, w.stdout);
    const x = runCli([db], { input: 'select 1 as x\n\\x on\n' });
    assert.equal(x.code, 0, x.stderr);
    assert.match(x.stdout, /RECORD 1/);
  });

  test('\\c with an open transaction says it is rolled back; with --confirm-destructive a script keeps it', () => {
    const r = runCli(['-c', 'begin', '-c', '\\c :memory:', '-c', 'select 1 as one', '--format', 'csv']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /open transaction was rolled back/);
    const kept = runCli(['-c', 'begin', '-c', '\\c :memory:', '--confirm-destructive']);
    assert.equal(kept.code, 1);
    assert.match(kept.stderr, /not connected: the open transaction was kept/);
  });

  test('control characters are escaped in tables but exact in csv', () => {
    const r = runCli([db, '-c', "select 'a' || char(27) || '[31mred' as v"]);
    assert.ok(!r.stdout.includes('\x1b'), JSON.stringify(r.stdout));
    const csv = runCli([db, '-c', "select 'a' || char(27) || '[31mred' as v", '--format', 'csv']);
    assert.ok(csv.stdout.includes('\x1b'));
  });
});

describe('usage errors exit 2', () => {
  test('unknown flag', () => {
    const r = runCli(['--bogus']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option "--bogus"/);
  });

  test('unreadable file', () => {
    const r = runCli([db, '-f', join(dir, 'missing.sql')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read .*missing\.sql.*: no such file or directory \(ENOENT\)/);
  });

  test('a directory given as a script or as the output file', () => {
    const f = runCli([db, '-f', dir]);
    assert.equal(f.code, 2);
    assert.match(f.stderr, /cannot read .*: it is a directory \(EISDIR\)/);
    const o = runCli([db, '-c', 'select 1', '-o', join(dir, 'no-such-dir', 'out.csv')]);
    assert.equal(o.code, 2);
    assert.match(o.stderr, /cannot write to .*out\.csv.*: no such file or directory \(ENOENT\)/);
  });

  test('a saved connection the config file rejects: the config\'s reason comes with the error', () => {
    const env = sandboxEnv();
    mkdirSync(join(env.XDG_CONFIG_HOME!, 'sqlsh'), { recursive: true });
    writeFileSync(join(env.XDG_CONFIG_HOME!, 'sqlsh', 'config.toml'), '[connections.shop]\nuri = "postgres://a@b/c"\n');
    const r = runCli(['shop', '-c', 'select 1'], { env });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /connection "shop" needs url = /);
    assert.match(r.stderr, /no file or saved connection named "shop"/);
  });

  test('unreachable target: a directory that does not exist', () => {
    const r = runCli([join(dir, 'no', 'such', 'dir', 'x.db'), '-c', 'select 1']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /x\.db/);
  });

  test('a file that is not a database', () => {
    const p = join(dir, 'notes.txt');
    writeFileSync(p, 'hello world, not a database at all');
    const r = runCli([p, '-c', 'select 1']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not|neither/);
  });
});

describe('help, version, demo', () => {
  test('--help has examples; -V prints the version', () => {
    const h = runCli(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /Examples:/);
    assert.match(h.stdout, /--format FMT/);
    assert.match(runCli(['-V']).stdout, /^sqlsh \d+\.\d+\.\d+\n$/);
  });

  test('no target: in-memory SQLite', () => {
    const r = runCli(['-c', 'select 6 * 7 as answer', '--format', 'csv']);
    assert.equal(r.stdout, 'answer\n42\n');
  });

  test('--demo creates the demo database in the data directory once and never overwrites it', () => {
    const env = sandboxEnv();
    const r = runCli(['--demo', '-c', 'select count(*) as n from tracks', '--format', 'csv'], { env });
    assert.equal(r.code, 0, r.stderr);
    const n = Number(r.stdout.split('\n')[1]);
    assert.ok(n > 100, r.stdout);
    const file = join(env.XDG_DATA_HOME!, 'sqlsh', 'demo.db');
    assert.ok(existsSync(file));
    assert.equal(runCli(['--demo', '-c', 'delete from invoice_items'], { env }).code, 0);
    const again = runCli(['--demo', '-c', 'select count(*) as n from invoice_items', '--format', 'csv'], { env });
    assert.equal(again.stdout, 'n\n0\n');
  });
});
