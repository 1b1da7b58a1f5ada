/**
 * The published package installs and runs: `npm pack` the project (as built), `npm install -g` the
 * tarball into a temporary prefix with HOME and the working directory outside the source tree,
 * then run the installed `sqlsh` on SQLite and DuckDB files and `import('sqlsh')` from a scratch
 * project. One install serves every check. npm's cache is the machine's, so the dependencies come
 * from it when they are there (--prefer-offline); node-gyp's headers come from the machine's
 * nodedir (the installed node's own include/node) instead of a download.
 * better-sqlite3 gets its binary the way an online install does, as a prebuilt (prebuild-install),
 * here made from the project's own build of the same version and Node ABI and offered as a local
 * prebuild, because compiling SQLite from source takes 2-7 minutes on a busy 2-core machine.
 * SQLSH_TEST_BUILD_FROM_SOURCE=1 skips that and compiles it, as an offline user without a prebuilt does.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'sqlsh-pack-'));
const home = join(tmp, 'home');
const prefix = join(tmp, 'prefix');
const work = join(tmp, 'work');
for (const d of [home, prefix, work]) mkdirSync(d);
after(() => rmSync(tmp, { recursive: true, force: true }));

/** The machine's npm setting (read with the real HOME, before the test's HOME hides ~/.npmrc). */
function npmConfig(key: string): string {
  try {
    const v = execFileSync('npm', ['config', 'get', key], { cwd: tmp, encoding: 'utf8', env: cleanEnv(process.env['HOME'] ?? '') }).trim();
    return v === 'undefined' || v === 'null' ? '' : v;
  } catch {
    return '';
  }
}

/** The environment without what `npm test` passes down (npm_config_*, npm_package_*), with HOME set. */
function cleanEnv(homeDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD') env[k] = v;
  env['HOME'] = homeDir;
  return env;
}

function run(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 600_000): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd, env, timeout: timeoutMs, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

let installEnv: NodeJS.ProcessEnv;
let installed: { packMs: number; installMs: number; tarball: string; installLog: string } | undefined;
let installError: unknown;

before(async () => {
  try {
    const cache = npmConfig('cache');
    const nodeInclude = join(dirname(dirname(process.execPath)), 'include', 'node', 'common.gypi');
    const nodedir = npmConfig('nodedir') || (existsSync(nodeInclude) ? dirname(dirname(process.execPath)) : '');
    installEnv = cleanEnv(home);
    if (cache) installEnv['npm_config_cache'] = cache;
    if (nodedir) installEnv['npm_config_nodedir'] = nodedir;
    const prebuilds = await localPrebuild();
    if (prebuilds) installEnv['npm_config_better_sqlite3_local_prebuilds'] = prebuilds;
    let t0 = performance.now();
    // The project as built (npm test builds first); --ignore-scripts: no `prepare` rebuild here.
    await run('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp], root, cleanEnv(process.env['HOME'] ?? ''));
    const packMs = performance.now() - t0;
    const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack made a tarball');
    t0 = performance.now();
    const r = await run('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--allow-scripts=sqlsh,better-sqlite3', join(tmp, tarball)], work, installEnv);
    installed = { packMs, installMs: performance.now() - t0, tarball: join(tmp, tarball), installLog: r.stdout + r.stderr };
  } catch (err) {
    installError = err;
  }
});

/** The project's better-sqlite3 binary as a prebuild-install tarball (name-vX-node-vABI-platform-arch.tar.gz), or undefined. */
async function localPrebuild(): Promise<string | undefined> {
  if (process.env['SQLSH_TEST_BUILD_FROM_SOURCE'] === '1') return undefined;
  const pkg = join(root, 'node_modules', 'better-sqlite3');
  if (!existsSync(join(pkg, 'build', 'Release', 'better_sqlite3.node'))) return undefined;
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const dir = join(tmp, 'prebuilds');
  mkdirSync(dir);
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  await run('tar', ['-czf', join(dir, name), '-C', pkg, 'build/Release/better_sqlite3.node'], pkg, process.env);
  return dir;
}

function sqlsh(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return run(join(prefix, 'bin', 'sqlsh'), args, work, cleanEnv(home), 60_000);
}

test('npm install -g of the packed tarball works on a clean prefix', (t) => {
  if (installError) throw installError;
  assert.ok(installed);
  t.diagnostic(`npm pack ${Math.round(installed.packMs)} ms, npm install -g ${Math.round(installed.installMs / 1000)} s`);
  // better-sqlite3's script, allowed by name as the README says, is not in npm's warning (sqlsh's own,
  // from a local tarball, is not matched by name; ssh2's and cpu-features' optional native speedups may be).
  const warned = installed.installLog.split('\n').filter((l) => /install-scripts\s+\S+@\d/.test(l)).join('\n');
  assert.doesNotMatch(warned, /\bbetter-sqlite3@/);
  assert.ok(existsSync(join(prefix, 'lib', 'node_modules', 'sqlsh', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')));
  assert.ok(existsSync(join(prefix, 'bin', 'sqlsh')), 'the bin link');
});

test('the tarball is the runtime only: bundle, types, bin, README, the addon source; no tests, sources or maps', async () => {
  if (installError) throw installError;
  const { stdout } = await run('tar', ['-tzf', installed!.tarball], tmp, process.env);
  const files = stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  for (const f of ['bin/sqlsh.js', 'dist/bundle/main.js', 'dist/src/index.js', 'dist/src/cli/process-title.js', 'dist/types/index.d.ts', 'README.md', 'binding.gyp', 'package.json']) {
    assert.ok(files.includes(f), `${f} is in the package`);
  }
  const stray = files.filter((f) => /^(test|dist\/test|bench|dist\/bench|scripts)\//.test(f) || f.endsWith('.map') || (f.startsWith('src/') && !f.startsWith('src/engines/sqlite/native/')));
  assert.deepEqual(stray, []);
});

test('the installed sqlsh runs: --version, SQLite and DuckDB files', async () => {
  if (installError) throw installError;
  const v = await sqlsh(['--version']);
  assert.match(v.stdout, /^sqlsh \d+\.\d+\.\d+/);
  for (const file of ['x.db', 'x.duckdb']) {
    const r = await sqlsh([join(tmp, file), '-c', "select 40 + 2 as answer"]);
    assert.match(r.stdout, /answer[\s\S]*42[\s\S]*\(1 row\)/, `${file}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stderr, '');
  }
});

test("import('sqlsh') from a scratch project: connect, query, catalog, complete", async () => {
  if (installError) throw installError;
  const proj = join(tmp, 'proj');
  mkdirSync(join(proj, 'node_modules'), { recursive: true });
  writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  // As `npm link sqlsh` would: the installed package, not the source tree.
  symlinkSync(join(prefix, 'lib', 'node_modules', 'sqlsh'), join(proj, 'node_modules', 'sqlsh'));
  assert.ok(existsSync(join(proj, 'node_modules', 'sqlsh', 'dist', 'types', 'index.d.ts')), 'types for the library API');
  writeFileSync(
    join(proj, 'main.mjs'),
    `import { connect, complete } from 'sqlsh';
const db = await connect(process.argv[2]);
await db.query('create table albums (album_id integer primary key, title text)');
const rows = (await db.query('select 6 * 7 as n')).rows;
const catalog = await db.catalog();
const text = 'select title from alb';
console.log(JSON.stringify({ rows, first: complete(text, text.length, catalog)[0]?.text }));
await db.close();
`,
  );
  const r = await run(process.execPath, ['main.mjs', join(tmp, 'lib.db')], proj, cleanEnv(home), 60_000);
  assert.deepEqual(JSON.parse(r.stdout.trim()), { rows: [[42]], first: 'albums' });
});
