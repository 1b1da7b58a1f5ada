/**
 * The V8 code cache of the bundle (src/cli/code-cache.ts) as a user meets it: written by the first
 * run in $XDG_CACHE_HOME/sqlsh, taken (not rewritten) by the next, and never a reason to fail:
 * garbage in a cache file, entries whose bytes are noise or damaged, a file cut short, a cache
 * directory that cannot be made, SQLSH_CODE_CACHE=0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { BIN, runCli, sandboxEnv } from '../helpers/run-cli.js';
import { PtySession } from '../e2e/pty-harness.js';
import { codeCacheFile, startKind } from '../../src/cli/code-cache.js';

const SCRIPT = ['-c', "select 1 as one, 'x' as two", '--format', 'csv'];
const EXPECTED = 'one,two\n1,x\n';

function cacheFiles(dir: string): string[] {
  try {
    return readdirSync(join(dir, 'sqlsh')).filter((f) => f.endsWith('.bin')).sort();
  } catch {
    return [];
  }
}

function run(env: Record<string, string>): void {
  const r = runCli([':memory:', ...SCRIPT], { env });
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.equal(r.stdout, EXPECTED);
}

test('the first run writes the cache, the next one uses it without writing again', () => {
  const cache = mkdtempSync(join(tmpdir(), 'sqlsh-cc-'));
  const env = sandboxEnv({ XDG_CACHE_HOME: cache });
  // a config file: read with smol-toml, a package outside the bundle (better-sqlite3's JS is in it)
  mkdirSync(join(env.XDG_CONFIG_HOME!, 'sqlsh'), { recursive: true });
  writeFileSync(join(env.XDG_CONFIG_HOME!, 'sqlsh', 'config.toml'), 'timing = false\n');
  run(env);
  const files = cacheFiles(cache);
  assert.ok(files.some((f) => /^code-.*-sqlsh-main\.bin$/.test(f)), `the bundle's main file has a cache: ${files.join(' ')}`);
  assert.ok(files.some((f) => /-pkg-smol-toml\.bin$/.test(f)), `so has a package it loads: ${files.join(' ')}`);
  for (const f of files) assert.equal(statSync(join(cache, 'sqlsh', f)).mode & 0o077, 0, `${f} is private`);
  const before = new Map(files.map((f) => [f, statSync(join(cache, 'sqlsh', f)).mtimeMs]));
  run(env);
  for (const [f, mtime] of before) assert.equal(statSync(join(cache, 'sqlsh', f)).mtimeMs, mtime, `${f} was taken, not rewritten`);
  assert.deepEqual(cacheFiles(cache).filter((f) => !f.endsWith('.tmp')), files, 'no new file, no file left aside');
});

test('an export that changes V8 flags as it runs (gc(), the young generation held) leaves a cache the next run takes', () => {
  // V8 refuses a cache stamped with other flags than its own at start: such an export used to be
  // refused its cache every time, compiling everything again and rewriting the cache at its end
  const cache = mkdtempSync(join(tmpdir(), 'sqlsh-cc-flags-'));
  const env = sandboxEnv({ XDG_CACHE_HOME: cache });
  // DuckDB's csv goes through a pipe whose pieces are collected with gc() every 2 MB (duckdb-copy-csv.ts)
  const sql = "select i, 'row ' || i as name, i * 0.5 as half from range(300000) t(i)";
  const exportRows = (): void => {
    const r = spawnSync(process.execPath, [BIN, 'duckdb::memory:', '-c', sql, '--format', 'csv'], { env, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.split('\n').length, 300002);
  };
  exportRows();
  const files = cacheFiles(cache);
  assert.ok(files.some((f) => /-sqlsh-main\.bin$/.test(f)), files.join(' '));
  const before = new Map(files.map((f) => [f, statSync(join(cache, 'sqlsh', f)).mtimeMs]));
  exportRows();
  for (const [f, mtime] of before) assert.equal(statSync(join(cache, 'sqlsh', f)).mtimeMs, mtime, `${f} was taken, not rewritten`);
  run(env);
  for (const [f, mtime] of before) assert.equal(statSync(join(cache, 'sqlsh', f)).mtimeMs, mtime, `${f} was taken by a short script too`);
});

test('garbage or a stale entry in a cache file is ignored and replaced', () => {
  const cache = mkdtempSync(join(tmpdir(), 'sqlsh-cc-'));
  const env = sandboxEnv({ XDG_CACHE_HOME: cache });
  run(env);
  const main = cacheFiles(cache).find((f) => f.endsWith('-sqlsh-main.bin'))!;
  const path = join(cache, 'sqlsh', main);
  const good = readFileSync(path);

  writeFileSync(path, Buffer.from('not a cache at all\n'.repeat(100)));
  run(env);
  assert.ok(readFileSync(path).length > 1000, 'rewritten with real entries');

  // The right header and index, but every entry's bytes are noise: V8 refuses them, the run compiles.
  // (the entries lie between the header and the index, whose length ends the file)
  const broken = Buffer.from(good);
  const indexStart = broken.length - 4 - broken.readUInt32LE(broken.length - 4);
  assert.equal(broken.toString('utf8', indexStart, indexStart + 2), '[[', 'the index is at the end');
  for (let i = 32; i < indexStart; i++) broken[i] = (i * 7919) & 0xff;
  writeFileSync(path, broken);
  run(env);

  // A block of bytes changed in the middle of the code (V8 itself would take it: it checks no sum there).
  const damaged = Buffer.from(good);
  for (let i = 0; i < 600; i++) damaged[Math.floor(good.length * 0.6) + i]! ^= 0x5a; // a damaged disk block
  writeFileSync(path, damaged);
  run(env);
  assert.notDeepEqual(readFileSync(path), damaged, 'the damaged entry was replaced');

  // Cut short in the middle of an entry.
  writeFileSync(path, good.subarray(0, Math.floor(good.length / 2)));
  run(env);
});

test('each install has its own cache files, and files no run has written for 30 days are removed', () => {
  const env = sandboxEnv({ XDG_CACHE_HOME: '/x' });
  assert.notEqual(codeCacheFile(env, '/one/dist/bundle'), codeCacheFile(env, '/two/dist/bundle'));
  assert.equal(codeCacheFile(env, '/one/dist/bundle'), codeCacheFile(env, '/one/dist/bundle'));

  const cache = mkdtempSync(join(tmpdir(), 'sqlsh-cc-prune-'));
  const dir = join(cache, 'sqlsh');
  mkdirSync(dir, { recursive: true });
  const old = join(dir, 'code-0.0.1-v18.0.0-x64-00000000-00000000-sqlsh-main.bin');
  const recent = join(dir, 'code-0.0.1-v18.0.0-x64-00000000-11111111-sqlsh-main.bin');
  const other = join(dir, 'notes.txt');
  for (const f of [old, recent, other]) writeFileSync(f, 'x');
  const longAgo = new Date(Date.now() - 40 * 86_400_000);
  utimesSync(old, longAgo, longAgo);
  utimesSync(other, longAgo, longAgo);
  run(sandboxEnv({ XDG_CACHE_HOME: cache })); // a first run: it writes its cache
  assert.ok(!existsSync(old), 'a cache file unused for 40 days is removed');
  assert.ok(existsSync(recent), 'one written lately stays');
  assert.ok(existsSync(other), 'a file that is not a cache file stays');
});

test('a cache directory that cannot be made, or SQLSH_CODE_CACHE=0: the run is the same, nothing is written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-cc-'));
  const file = join(dir, 'a-file');
  writeFileSync(file, '');
  run(sandboxEnv({ XDG_CACHE_HOME: file })); // .../a-file/sqlsh: not a directory
  run(sandboxEnv({ XDG_CACHE_HOME: '/proc/self' })); // mkdir answers ENOENT there: must not hang
  const off = mkdtempSync(join(tmpdir(), 'sqlsh-cc-'));
  run(sandboxEnv({ XDG_CACHE_HOME: off, SQLSH_CODE_CACHE: '0' }));
  assert.deepEqual(cacheFiles(off), []);
});

test('startKind: -c/-f (or a file or pipe on stdin) is a script; the interactive shell keeps its own cache of the bundle', async () => {
  assert.equal(startKind(['db.sqlite', '-c', 'select 1']), 'script');
  assert.equal(startKind(['-f', 'x.sql']), 'script');
  assert.equal(startKind(['--command=select 1']), 'script');
  // (this test's own stdin is not a terminal)
  assert.equal(startKind([]), 'script');

  const cache = mkdtempSync(join(tmpdir(), 'sqlsh-cc-kind-'));
  const env = sandboxEnv({ XDG_CACHE_HOME: cache });
  run(env);
  const session = PtySession.spawn(process.execPath, [BIN, ':memory:'], { env });
  try {
    await session.waitForText(/:memory:> /);
    session.pty.write('\\q\r');
    await session.waitForExit();
  } finally {
    session.kill();
  }
  const files = cacheFiles(cache);
  assert.ok(files.some((f) => /-sqlsh-main\.bin$/.test(f)), `the script's: ${files.join(' ')}`);
  assert.ok(files.some((f) => /-sqlsh-tty-main\.bin$/.test(f)), `the shell's main.js: ${files.join(' ')}`);
  assert.ok(files.some((f) => /-sqlsh-tty-main-shell\.bin$/.test(f)), `the shell's own file: ${files.join(' ')}`);
});

test('a session that ends by a signal (its terminal closed) has still left its cache once it has run 1.5 s', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'sqlsh-cc-hup-'));
  // a script waiting on its stdin (a pipe kept open), then SIGHUP: no exit handler runs
  const p = spawn(process.execPath, [BIN, ':memory:'], { env: sandboxEnv({ XDG_CACHE_HOME: cache }), stdio: ['pipe', 'ignore', 'ignore'] });
  await new Promise((r) => setTimeout(r, 400));
  assert.deepEqual(cacheFiles(cache), [], 'not yet: written 1.5 s after the start');
  await new Promise((r) => setTimeout(r, 2100));
  p.kill('SIGHUP');
  await new Promise((r) => p.on('close', r));
  assert.ok(cacheFiles(cache).some((f) => /-sqlsh-main\.bin$/.test(f)), `written before the signal: ${cacheFiles(cache).join(' ')}`);
});
