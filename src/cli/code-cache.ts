/**
 * A V8 code cache for sqlsh's own bundle (dist/bundle/*.js, CommonJS): what V8 compiled in one run
 * (the bytecode of the functions that ran, not only the top level) is kept in the user's cache
 * directory, and the next run's modules start from it instead of parsing and compiling again.
 * Node 22 has this built in (module.enableCompileCache); Node 20 has only vm.Script's cachedData,
 * and for CommonJS only, which is why the bundle is CommonJS (scripts/bundle.mjs).
 *
 * bin/sqlsh.js installs it before requiring the bundle: Module.prototype._compile is wrapped for
 * files in the bundle's directory (packages and everything else compile as usual). The cache is one
 * file, $XDG_CACHE_HOME/sqlsh (or ~/.cache/sqlsh) /code-<sqlsh version>-<node version>-<arch>-<flags>.bin,
 * holding one entry per bundle file, keyed by its path, size and modification time (V8 itself only
 * checks the source's length, its own version and flags). It is rewritten (written aside, then
 * renamed over) at exit only when a bundle file was compiled without an accepted entry; then entries
 * for files that changed or are gone are dropped. A cache that is missing, unreadable, stale or
 * rejected by V8 costs only the compilation it would have saved: nothing here ever fails the program.
 * SQLSH_CODE_CACHE=0 turns it off.
 */
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';
import Module from 'node:module';
import { makeDirectory } from '../core/make-directory.js';

/** Inlined by the bundler (scripts/bundle.mjs). */
declare const SQLSH_VERSION: string | undefined;

const MAGIC = 'sqlsh-code-cache-1\n';

type CompileFn = (this: NodeModule, content: string, filename: string, ...rest: unknown[]) => unknown;
interface ModuleInternals {
  prototype: { _compile: CompileFn; require(id: string): unknown };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths?(request: string, parent: NodeModule): string[] | null;
  _extensions: unknown;
  _cache: unknown;
}

interface Loaded {
  readonly key: string;
  readonly script: Script;
}

/** FNV-1a, as hex: a short stable name for Node's flags. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Where the cache file lives: $XDG_CACHE_HOME/sqlsh or ~/.cache/sqlsh (undefined when there is no home). */
export function codeCacheFile(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  let base: string;
  if (xdg && xdg.startsWith('/')) base = xdg;
  else {
    const home = env.HOME || homedir();
    if (!home) return undefined;
    base = join(home, '.cache');
  }
  const version = typeof SQLSH_VERSION === 'string' ? SQLSH_VERSION : 'dev';
  // V8 refuses code made under other flags (--expose-gc, --max-old-space-size ...): one file per set of them.
  const flags = shortHash(`${process.execArgv.join(' ')}\0${env.NODE_OPTIONS ?? ''}`);
  return join(base, 'sqlsh', `code-${version}-${process.version}-${process.arch}-${flags}.bin`);
}

/** The entries of a cache file: key → cached data. Empty when the file is missing, unreadable or not ours. */
function readCache(file: string): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  try {
    const data = readFileSync(file);
    if (data.toString('latin1', 0, MAGIC.length) !== MAGIC) return entries;
    const indexLength = data.readUInt32LE(MAGIC.length);
    let offset = MAGIC.length + 4 + indexLength;
    const index = JSON.parse(data.toString('utf8', MAGIC.length + 4, offset)) as [string, number][];
    for (const [key, length] of index) {
      if (offset + length > data.length) break; // cut short: keep what is whole
      entries.set(key, data.subarray(offset, offset + length));
      offset += length;
    }
  } catch {
    // missing or unreadable: start empty
  }
  return entries;
}

function writeCache(file: string, entries: ReadonlyMap<string, Buffer>): void {
  const index: [string, number][] = [];
  const parts: Buffer[] = [];
  for (const [key, data] of entries) {
    index.push([key, data.length]);
    parts.push(data);
  }
  const indexBytes = Buffer.from(JSON.stringify(index));
  const header = Buffer.alloc(MAGIC.length + 4);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(indexBytes.length, MAGIC.length);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    makeDirectory(dirname(file)); // not mkdir's recursive: it never returns under /proc/self
    writeFileSync(tmp, Buffer.concat([header, indexBytes, ...parts]), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}

/** The key of a bundle file: its path, size and modification time (a rebuild changes them). */
function fileKey(filename: string): string | undefined {
  try {
    const st = statSync(filename);
    return `${filename}\0${st.size}\0${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}

let installed = false;

/**
 * Compiles the CommonJS files under `bundleDir` through the code cache from now on.
 * Returns false (and does nothing) when it is turned off or there is nowhere to keep the cache.
 */
export function installCodeCache(bundleDir: string, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (installed || env.SQLSH_CODE_CACHE === '0') return false;
  const file = codeCacheFile(env);
  if (!file) return false;
  installed = true;
  const M = Module as unknown as ModuleInternals;
  const prefix = bundleDir.endsWith(sep) ? bundleDir : bundleDir + sep;
  let cache: Map<string, Buffer> | undefined;
  const loaded: Loaded[] = [];
  let dirty = false;
  const original = M.prototype._compile;

  M.prototype._compile = function compile(this: NodeModule, content: string, filename: string, ...rest: unknown[]): unknown {
    const key = filename.startsWith(prefix) && filename.endsWith('.js') ? fileKey(filename) : undefined;
    if (key === undefined) return original.call(this, content, filename, ...rest);
    cache ??= readCache(file);
    const cachedData = cache.get(key);
    // The same wrapper and file name Node itself compiles a CommonJS module with.
    const script = new Script(M.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    if (!cachedData || script.cachedDataRejected) dirty = true;
    loaded.push({ key, script });
    const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const mod = this;
    const require = ((id: string) => mod.require(id)) as NodeJS.Require;
    const resolve = ((request: string, options?: unknown) => M._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
    if (M._resolveLookupPaths) resolve.paths = (request: string) => M._resolveLookupPaths!(request, mod);
    require.resolve = resolve;
    require.main = process.mainModule;
    (require as { extensions: unknown }).extensions = M._extensions;
    (require as { cache: unknown }).cache = M._cache;
    return fn.call(mod.exports, mod.exports, require, mod, filename, dirname(filename));
  };

  process.once('exit', () => {
    if (!dirty) return;
    try {
      // The code of this run (with every function compiled so far), then what other runs left for
      // files this one did not load, as long as those files are unchanged.
      const next = new Map<string, Buffer>();
      for (const { key, script } of loaded) next.set(key, script.createCachedData());
      for (const [key, data] of cache ?? []) {
        if (next.has(key)) continue;
        const filename = key.slice(0, key.indexOf('\0'));
        if (!next.has(key) && fileKey(filename) === key) next.set(key, data);
      }
      writeCache(file, next);
    } catch {
      // a cache is never worth a failure
    }
  });
  return true;
}
