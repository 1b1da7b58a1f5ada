/**
 * psql's commands around the session through the CLI: \prompt, \errverbose, \setenv with \!, \cd,
 * \encoding, and \copy FROM STDIN / PSTDIN on a file engine (psql-compare.test.ts runs them on PostgreSQL).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPostgres } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';
import { BIN, ROOT, fixtureDb, tempDir, testEnv } from './cli-helper.js';

/** sqlsh TARGET -f SCRIPT with `input` on standard input. */
function runScript(target: string, script: string, input = '', args: readonly string[] = []) {
  const dir = tempDir();
  const file = join(dir, 'script.sql');
  writeFileSync(file, script);
  const r = spawnSync(process.execPath, [BIN, target, ...args, '-f', file], { cwd: ROOT, env: testEnv(dir), input, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, dir };
}

describe('psql commands around the session', () => {
  const db = fixtureDb('sqlite');

  test('\\prompt in a script: the prompt where results go, the answer the next line of standard input', () => {
    const r = runScript(db, "\\prompt 'Your name: ' who\n\\prompt n\n\\echo [:who] [:n]\n", 'Ada Lovelace\n42\n');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'Your name: [Ada Lovelace] [42]\n');
    const none = runScript(db, '\\prompt x\n', '');
    assert.equal(none.status, 1);
    assert.match(none.stderr, /\\prompt: could not read value for variable/);
  });

  test('\\errverbose: the last error in full, or that there is none', () => {
    const r = runScript(db, '\\errverbose\nselect nosuch from tracks;\nselect 1;\n\\errverbose\n', '', ['--continue-on-error', '--format', 'csv']);
    assert.match(r.stdout, /^There is no previous error\.\n/);
    // the engine's code before the message, and the statement's line with a caret, as psql's verbose form
    // in a script as psql says it: FILE:LINE: error: ERROR: ...
    assert.match(r.stderr, /\n[^\n]*script\.sql:4: error: ERROR: {2}SQLITE_ERROR: no such column: nosuch\nLINE 1: select nosuch from tracks\n {15}\^\n$/);
  });

  test('\\setenv and \\!: the shell command sees the variable, its output comes in order; \\cd moves both', () => {
    const dir = realpathSync(tempDir());
    const r = runScript(db, `\\echo before\n\\setenv SQLSH_T_VAR hello\n\\! echo "shell: $SQLSH_T_VAR"\n\\cd ${dir}\n\\! pwd\n\\setenv SQLSH_T_VAR\n\\! echo "gone: [$SQLSH_T_VAR]"\n\\echo after\n`);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `before\nshell: hello\n${dir}\ngone: []\nafter\n`);
    // psql's \! takes its line as written: no variables put in (the shell's own $ still works)
    const asWritten = runScript(db, '\\set x 5\n\\! echo :x "$((2 + 3))"\n\\echo :x\n');
    assert.equal(asWritten.status, 0, asWritten.stderr);
    assert.equal(asWritten.stdout, ':x 5\n5\n');
    const bad = runScript(db, '\\cd /no/such/dir\n');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /\\cd: could not change directory to "\/no\/such\/dir": no such file or directory/);
  });

  test('\\encoding says UTF8 and accepts only it', () => {
    const r = runScript(db, '\\encoding\n\\encoding utf-8\n\\encoding LATIN1\n', '', ['--continue-on-error']);
    assert.equal(r.stdout, 'UTF8\n');
    assert.match(r.stderr, /\\encoding: sqlsh reads and writes UTF-8 only; "LATIN1"/);
  });

  test('\\copy FROM STDIN takes the lines up to \\. as data (never SQL), FROM PSTDIN the standard input', () => {
    const script = [
      'create table inbox (n int, note text);',
      '\\copy inbox from stdin',
      '1\tdrop table inbox;',
      '2\t\\N',
      '\\.',
      '\\copy inbox (n) from stdin csv',
      '3',
      '\\.',
      '\\copy inbox from pstdin',
      "select n, coalesce(note, '(null)') as note from inbox order by n;",
    ].join('\n');
    const r = runScript(db, `${script}\n`, '4\tfrom stdin\n\\.\nnot read\n', ['--format', 'csv']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'COPY 2\nCOPY 1\nCOPY 1\nn,note\n1,drop table inbox;\n2,(null)\n3,(null)\n4,from stdin\n');
  });
});

describe('\\errverbose on PostgreSQL', () => {
  test('the SQLSTATE, DETAIL, HINT, CONTEXT and LOCATION of the last error', async (t) => {
    const pg = await withServer(t, sharedPostgres);
    if (!pg) return;
    const r = runScript(pg.url, "do $$ begin raise exception 'boom' using detail = 'the detail', hint = 'the hint', errcode = '22012'; end $$;\n\\errverbose\n", '', ['--continue-on-error']);
    assert.match(r.stderr, /\n[^\n]*:2: error: ERROR: {2}22012: boom\nDETAIL: {2}the detail\nHINT: {2}the hint\nCONTEXT: {2}PL\/pgSQL function inline_code_block line 1 at RAISE\nLOCATION: {2}exec_stmt_raise, pl_exec\.c:\d+\n$/);
    // the error itself says where in PL/pgSQL, as psql does (CONTEXT)
    assert.match(r.stderr, /^[^\n]*ERROR: {2}boom\nDETAIL: {2}the detail\nHINT: {2}the hint\nCONTEXT: {2}PL\/pgSQL function inline_code_block line 1 at RAISE\n/);
  });
});
