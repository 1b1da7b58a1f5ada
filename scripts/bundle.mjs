#!/usr/bin/env node
// Bundles the runtime into a few files (dist/bundle/) so start-up does not pay ESM resolution for
// ~160 small modules. Sources stay small modules; tsc still compiles everything for the tests.
// Lazy `import()`s become separate chunks, loaded on first use as before. Packages stay external.
// The bundle is built aside and moved in file by file (chunks first, entries last), so a sqlsh
// started while a rebuild runs never finds it missing.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Modules started as workers or child processes (`new URL('./x.js', import.meta.url)`) become entries of their own. */
function spawnedModules() {
  const entries = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) {
        for (const m of readFileSync(p, 'utf8').matchAll(/new URL\('\.\/([\w-]+)\.js', import\.meta\.url\)/g)) {
          entries[m[1]] = './' + join(dir, `${m[1]}.ts`).slice(root.length);
        }
      }
    }
  };
  walk(join(root, 'src'));
  return entries;
}
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'dist', 'bundle');
const tmp = join(root, 'dist', `bundle.tmp-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
try {
  await build({
    absWorkingDir: root,
    entryPoints: { main: './src/cli/main.ts', ...spawnedModules() },
    outdir: tmp,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    define: { SQLSH_VERSION: JSON.stringify(version) },
    logLevel: 'warning',
  });
  mkdirSync(out, { recursive: true });
  const files = readdirSync(tmp);
  const isEntry = (f) => !f.startsWith('chunk-');
  for (const f of [...files.filter((f) => !isEntry(f)), ...files.filter(isEntry)]) renameSync(join(tmp, f), join(out, f));
  // Old chunks no current file refers to: remove once no process started a minute ago can still load them.
  const keep = new Set(files);
  for (const f of readdirSync(out)) {
    if (!keep.has(f) && Date.now() - statSync(join(out, f)).mtimeMs > 60_000) rmSync(join(out, f), { force: true });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
