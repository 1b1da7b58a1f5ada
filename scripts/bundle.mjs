#!/usr/bin/env node
// Bundles the runtime into a few files (dist/bundle/) so start-up does not pay ESM resolution for
// ~160 small modules. Sources stay small modules; tsc still compiles everything for the tests.
// Lazy `import()`s become separate chunks, loaded on first use as before. Packages stay external.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist/bundle', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'src/cli/main.ts',
    // Spawned as a child process by the SQLite engine: new URL('./sqlite-process.js', import.meta.url).
    'sqlite-process': 'src/engines/sqlite/sqlite-process.ts',
  },
  outdir: 'dist/bundle',
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
