#!/usr/bin/env node
// Bundles the runtime into a few CommonJS files (dist/bundle/) so start-up pays neither ESM
// resolution for ~160 small modules nor, after the first run, their compilation (bin/sqlsh.js loads
// them through the V8 code cache of src/cli/code-cache.ts, which only CommonJS can use on Node 20).
// Sources stay small ES modules; tsc still compiles everything for the tests and the library entry.
//
// esbuild splits only ES modules, so the bundle is made in two steps: an ESM build with splitting
// (each lazy `import()` its own chunk, as before; packages external), then each output file turned
// into CommonJS on its own (imports of sibling chunks become require(), `import()` becomes a
// require() on first use, `import.meta.url` this file's URL). Module identity is the ESM build's:
// one copy of each module. dist/bundle/package.json says the .js files there are CommonJS.
// ES-module-only packages (string-width, get-east-asian-width) are bundled in, since Node 20 before
// 20.19 cannot require() them.
// The bundle is built aside and moved in file by file (chunks first, entries last), so a sqlsh
// started while a rebuild runs never finds it missing.
import { build, transform } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** Packages that are ES modules only: bundled in. Every other package stays external (required at run time). */
const BUNDLED_PACKAGES = new Set(['string-width', 'get-east-asian-width', 'strip-ansi', 'ansi-regex', 'emoji-regex']);
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED_PACKAGES.has(name) ? undefined : { external: true };
    });
  },
};

/**
 * Node's larger built-in modules load when first used, not when the chunk that names them loads:
 * `var import_x = require("node:child_process")` (esbuild's form for named imports, used only as
 * `import_x.name`) becomes a stand-in that requires the module on the first property read. So the
 * pager's child_process, the SQLite worker's worker_threads, a script's perf_hooks and v8 cost nothing
 * at start-up unless they are used.
 */
const LAZY_BUILTINS = ['child_process', 'worker_threads', 'perf_hooks', 'v8', 'readline', 'net', 'tls', 'crypto', 'dgram', 'http', 'https', 'zlib', 'fs/promises', 'string_decoder', 'stream', 'stream/promises', 'os'];
const LAZY_HELPER = 'var __sqlsh_lazy = (id) => { let m; return new Proxy({}, { get: (_, k) => (m ??= require(id))[k] }); };\n';
function lazyBuiltins(code) {
  let used = false;
  const out = code.replace(/^var (import_\w+) = require\("node:([\w/]+)"\);$/gm, (line, name, id) => {
    if (!LAZY_BUILTINS.includes(id)) return line;
    used = true;
    return `var ${name} = __sqlsh_lazy("node:${id}");`;
  });
  return used ? out.replace(/^"use strict";\n/, (m) => m + LAZY_HELPER) : out;
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'dist', 'bundle');
const tmp = `${out}.tmp-${process.pid}`;
rmSync(tmp, { recursive: true, force: true });
try {
  const esm = await build({
    absWorkingDir: root,
    entryPoints: {
      main: './src/cli/main.ts',
      // loaded by bin/sqlsh.js before the program: the password hiding and the code cache
      'process-title': './src/cli/process-title.ts',
      'code-cache': './src/cli/code-cache.ts',
      ...spawnedModules(),
    },
    outdir: tmp,
    write: false,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [externalPackages],
    define: { SQLSH_VERSION: JSON.stringify(version) },
    logLevel: 'warning',
  });
  mkdirSync(tmp, { recursive: true });
  for (const f of esm.outputFiles) {
    const name = f.path.slice(tmp.length + 1);
    const usesMeta = f.text.includes('import.meta');
    const cjs = await transform(f.text, {
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // import() of a chunk or package: require() when first used (a code-cached CommonJS file, no ESM loader)
      supported: { 'dynamic-import': false },
      define: usesMeta ? { 'import.meta.url': '__sqlsh_import_meta_url' } : {},
      // ES modules are strict; so stays their code
      banner: `"use strict";\n${usesMeta ? 'var __sqlsh_import_meta_url = require("node:url").pathToFileURL(__filename).href;\n' : ''}`,
      sourcefile: name,
      logLevel: 'warning',
    });
    writeFileSync(join(tmp, name), lazyBuiltins(cjs.code));
  }
  writeFileSync(join(tmp, 'package.json'), '{ "type": "commonjs" }\n');
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
