/**
 * A V8 code cache for sqlsh's bundle (dist/bundle/*.js, CommonJS) and the packages installed with
 * it: what V8 compiled in one run (the bytecode of the functions that ran, not only the top level)
 * is kept in the user's cache directory, and the next run's modules start from it instead of
 * parsing and compiling again. Node 22 has this built in (module.enableCompileCache); Node 20 has
 * only vm.Script's cachedData, for CommonJS only, which is why the bundle is CommonJS
 * (scripts/bundle.mjs).
 *
 * bin/sqlsh.js installs it before requiring the bundle: Module.prototype._compile is wrapped for
 * the CommonJS files of dist/bundle and of sqlsh's node_modules (everything else compiles as usual).
 * The cache files are $XDG_CACHE_HOME/sqlsh (or ~/.cache/sqlsh) /code-<sqlsh version>-<node
 * version>-<arch>-<flags>-<install>-<sqlsh-FILE or pkg-NAME>.bin, each holding one entry per file, keyed by its
 * path, size, modification and change times, with a checksum of its bytes (V8 itself only checks the
 * source's length, its own version and flags). A cache file is rewritten (written aside, then renamed over) at exit only when
 * one of its files was compiled without an accepted entry; entries for files that changed or are
 * gone are dropped then, and cache files no run has written for 30 days are removed. A cache that is missing, unreadable, stale or rejected by V8 costs only the
 * compilation it would have saved: nothing here ever fails the program. SQLSH_CODE_CACHE=0 turns it off.
 * V8 takes a cache only under the flags that made it: caches are made under the flags of the start,
 * whatever an export changed since (core/runtime-flags.ts).
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { writeAllAt } from '../core/write-all.js';
import { underStartFlags } from '../core/runtime-flags.js';
import { maybeTerminal } from '../core/maybe-terminal.js';
import { homedir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';
import Module from 'node:module';
import { makeDirectory } from '../core/make-directory.js';

/** Inlined by the bundler (scripts/bundle.mjs). */
declare const SQLSH_VERSION: string | undefined;

/**
 * A cache file: MAGIC, then the entries (each from a 4-byte boundary), then the index, a JSON array
 * of [key, length, sum] in the entries' order, then the index's length (u32 LE). The index comes last
 * so that a file is written one entry at a time, each entry made, written and dropped in turn.
 */
const MAGIC = 'sqlsh-code-cache-4\n';

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

/**
 * Where the cache file lives: $XDG_CACHE_HOME/sqlsh or ~/.cache/sqlsh (undefined when there is no
 * home). One set of files for each place sqlsh is installed in (`install`, its bundle directory): the
 * entries of one install are never used by another, whose files have other paths, and a file shared
 * by every checkout on a machine had grown to twelve installs' entries, all read and written again at
 * each rewrite.
 */
export function codeCacheFile(env: Readonly<Record<string, string | undefined>> = process.env, install = ''): string | undefined {
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
  return join(base, 'sqlsh', `code-${version}-${process.version}-${process.arch}-${flags}-${shortHash(install)}.bin`);
}

/**
 * V8 checks a cache's version, flags and length, but in a release build not its bytes: code from a
 * damaged file would run. Writes are whole (written aside, then renamed), so what is left to fear is
 * a damaged disk block: each entry carries a sum of one 32-bit word in every 256 bytes (and its
 * length), checked when the entry is used. That finds any damaged block of 256 bytes or more, not a
 * single flipped bit, in about 0.1 ms; a real hash (node:crypto's SHA-1) costs 5-7 ms of every
 * start-up, loading node:crypto included. Entries start on 4-byte boundaries of the file.
 */
function digest(bytes: Buffer): string {
  const data = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes); // a copy on a 4-byte boundary
  const words = new Int32Array(data.buffer, data.byteOffset, data.length >> 2);
  let h = 0x811c9dc5 | 0;
  let sum = 0;
  for (let i = 0; i < words.length; i += 64) {
    const x = words[i]!;
    h = Math.imul(h ^ x, 0x01000193);
    sum = (sum + x) | 0;
  }
  return `${data.length}.${(h >>> 0).toString(36)}.${(sum >>> 0).toString(36)}`;
}

const pad4 = (n: number): number => (n + 3) & ~3;

/**
 * The entries of a cache file, read when asked for: key → its bytes, checked each time. The file
 * stays open (a cache file renamed over it by another sqlsh leaves this one's bytes as they were),
 * and only its index is held: a whole file held for the run was 3-8 MB more of every export's peak
 * memory (the MariaDB driver's cache alone is 4.8 MB), for bytes V8 reads once, at compile time.
 */
class CacheEntries {
  private readonly where = new Map<string, { offset: number; length: number; sum: string }>();
  private fd: number | undefined;

  /** The entries of `file`; none when the file is missing, unreadable or not ours. */
  static read(file: string): CacheEntries {
    const entries = new CacheEntries();
    let fd: number | undefined;
    try {
      fd = openSync(file, 'r');
      const size = fstatSync(fd).size;
      const magic = Buffer.alloc(MAGIC.length);
      const tail = Buffer.alloc(4);
      if (size < MAGIC.length + 4 || readSync(fd, magic, 0, magic.length, 0) !== magic.length || magic.toString('latin1') !== MAGIC) throw new Error('not ours');
      readSync(fd, tail, 0, 4, size - 4);
      const indexLength = tail.readUInt32LE(0);
      const indexStart = size - 4 - indexLength;
      if (indexStart < MAGIC.length) throw new Error('cut short');
      const indexBytes = Buffer.alloc(indexLength);
      readSync(fd, indexBytes, 0, indexLength, indexStart);
      const index = JSON.parse(indexBytes.toString('utf8')) as [string, number, string][];
      let offset = pad4(MAGIC.length);
      for (const [key, length, sum] of index) {
        if (offset + length > indexStart) break; // not ours after all: keep what fits
        entries.where.set(key, { offset, length, sum });
        offset = pad4(offset + length);
      }
      entries.fd = fd;
    } catch {
      // missing, unreadable, cut short or not ours: start empty
      if (fd !== undefined) closeSync(fd);
    }
    return entries;
  }

  /** The entry for `key`, when its bytes are the ones that were written. */
  get(key: string): Buffer | undefined {
    const entry = this.where.get(key);
    if (!entry || this.fd === undefined) return undefined;
    try {
      const data = Buffer.allocUnsafeSlow(entry.length); // on a 4-byte boundary, for digest()
      if (readSync(this.fd, data, 0, entry.length, entry.offset) !== entry.length) return undefined;
      return digest(data) === entry.sum ? data : undefined;
    } catch {
      return undefined;
    }
  }

  keys(): string[] {
    return [...this.where.keys()];
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Writes a cache file aside, one entry at a time (`entries` makes each when asked for; undefined
 * skips it), then renames it over the old one.
 */
function writeCache(file: string, entries: Iterable<[string, () => Buffer | undefined]>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    makeDirectory(dirname(file)); // not mkdir's recursive: it never returns under /proc/self
    fd = openSync(tmp, 'w', 0o600);
    const zeros = Buffer.alloc(4);
    let offset = 0;
    const put = (data: Buffer): void => {
      writeAllAt(fd!, data, offset);
      offset += data.length;
      const pad = pad4(offset) - offset;
      if (pad) {
        writeAllAt(fd!, zeros.subarray(0, pad), offset);
        offset += pad;
      }
    };
    put(Buffer.from(MAGIC, 'latin1'));
    const index: [string, number, string][] = [];
    for (const [key, make] of entries) {
      const data = make();
      if (!data) continue;
      index.push([key, data.length, digest(data)]);
      put(data);
    }
    const indexBytes = Buffer.from(JSON.stringify(index));
    const tail = Buffer.alloc(4);
    tail.writeUInt32LE(indexBytes.length, 0);
    writeAllAt(fd, Buffer.concat([indexBytes, tail]), offset);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch {
    try {
      if (fd !== undefined) closeSync(fd);
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}

/** Days after which a cache file no run has written is removed (when another is written). */
const PRUNE_DAYS = 30;

/** Removes the cache files no run has written for PRUNE_DAYS (other sqlsh or Node versions, other installs, gone or unused). */
function pruneOld(dir: string): void {
  try {
    const before = Date.now() - PRUNE_DAYS * 86_400_000;
    for (const name of readdirSync(dir)) {
      if (!name.startsWith('code-') || !(name.endsWith('.bin') || name.endsWith('.tmp'))) continue;
      const path = join(dir, name);
      try {
        if (statSync(path).mtimeMs < before) unlinkSync(path);
      } catch {
        // gone meanwhile, or not ours to remove
      }
    }
  } catch {
    // no listing: nothing is pruned
  }
}

/**
 * The key of a file: its path, size, modification and change times. A rebuild or a reinstall
 * changes them (npm gives every file of a package the same modification time, but writing a file
 * changes its change time).
 */
function fileKey(filename: string): string | undefined {
  try {
    const st = statSync(filename);
    return `${filename}\0${st.size}\0${st.mtimeMs}\0${st.ctimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * A cache file's part of the name: 'sqlsh-main' ... for a file of the bundle; for a dependency, the package the bundle
 * required, with everything it loads (pg with pg-protocol, pg-types ...): one file to read for each.
 */
function groupOf(mod: NodeModule, filename: string, bundlePrefix: string, modulesPrefix: string, kind: StartKind): string | undefined {
  if (!filename.endsWith('.js') && !filename.endsWith('.cjs')) return undefined;
  // one per bundle file (main.js, main-shell-<hash>.js ...) and kind of start: a script reads main.js's only
  if (filename.startsWith(bundlePrefix)) return `sqlsh-${kind === 'terminal' ? 'tty-' : ''}${filename.slice(bundlePrefix.length).replace(/(-[0-9A-F]{8})?\.c?js$/, '')}`;
  if (!filename.startsWith(modulesPrefix)) return undefined;
  let root = filename;
  for (let m = (mod as { parent?: NodeModule | null }).parent; m?.filename?.startsWith(modulesPrefix); m = (m as { parent?: NodeModule | null }).parent) {
    root = m.filename;
  }
  const parts = root.slice(modulesPrefix.length).split(sep);
  const name = parts[0]!.startsWith('@') ? `${parts[0]}+${parts[1]}` : parts[0]!;
  return /^[\w.+@-]+$/.test(name) ? `pkg-${name}` : undefined;
}

interface Group {
  readonly file: string;
  readonly entries: CacheEntries;
  readonly loaded: Loaded[];
  dirty: boolean;
}

let installed = false;

/**
 * The two kinds of start run different code of the same files: a script (-c, -f, a pipe) the
 * statement runner and the sinks, the interactive shell the editor and the completer, with the
 * runner loaded only after the prompt. V8's cache of a file holds the functions compiled by the run
 * that wrote it, so one written by a script would leave the shell to compile its own functions of
 * main.js on every start, and the other way round: each kind keeps its own cache of the bundle.
 * Told apart without making process.stdin (that loads Node's streams): a terminal on stdin (a
 * character device other than /dev/null: core/maybe-terminal.ts) and no -c/-f is an interactive start. A wrong guess only
 * costs the compilation the cache would have saved.
 */
export type StartKind = 'script' | 'terminal';

export function startKind(argv: readonly string[]): StartKind {
  if (argv.some((a) => /^(-[cf]|--command|--file|--execute)(=|$)/.test(a))) return 'script';
  return maybeTerminal(0) ? 'terminal' : 'script';
}

/**
 * Besides at exit, the cache is written this long after start-up: an interactive session often ends
 * by its terminal closing (SIGHUP), which skips 'exit' handlers, and its next start would find no cache.
 */
const EARLY_WRITE_MS = 1500;

/**
 * Compiles the CommonJS files of the bundle in `bundleDir` (dist/bundle), and those of the packages
 * installed with sqlsh (its node_modules: better-sqlite3, pg, mysql2 ...), through the code cache
 * from now on: one cache file for the bundle, one for each package, each read when a first file of
 * it loads. Returns false (and does nothing) when it is turned off or there is nowhere to keep it.
 */
export function installCodeCache(bundleDir: string, env: Readonly<Record<string, string | undefined>> = process.env, kind: StartKind = 'script'): boolean {
  if (installed || env.SQLSH_CODE_CACHE === '0') return false;
  const base = codeCacheFile(env, bundleDir);
  if (!base) return false;
  installed = true;
  const M = Module as unknown as ModuleInternals;
  const bundlePrefix = bundleDir.endsWith(sep) ? bundleDir : bundleDir + sep;
  const modulesPrefix = join(bundleDir, '..', '..', 'node_modules') + sep;
  const groups = new Map<string, Group>();
  const original = M.prototype._compile;

  M.prototype._compile = function compile(this: NodeModule, content: string, filename: string, ...rest: unknown[]): unknown {
    const format = rest[0];
    const name = format === undefined || format === 'commonjs' ? groupOf(this, filename, bundlePrefix, modulesPrefix, kind) : undefined;
    const key = name === undefined ? undefined : fileKey(filename);
    if (name === undefined || key === undefined) return original.call(this, content, filename, ...rest);
    let group = groups.get(name);
    if (!group) {
      const file = base.replace(/\.bin$/, `-${name}.bin`);
      group = { file, entries: CacheEntries.read(file), loaded: [], dirty: false };
      groups.set(name, group);
    }
    const cachedData = group.entries.get(key);
    // The same wrapper and file name Node itself compiles a CommonJS module with (a #! line is blanked, as Node does).
    const source = content.startsWith('#!') ? content.replace(/^#![^\n]*/, '') : content;
    let script: Script;
    try {
      script = new Script(M.wrap(source), { filename, ...(cachedData ? { cachedData } : {}) });
    } catch {
      return original.call(this, content, filename, ...rest); // not CommonJS after all (ESM syntax): Node knows what to do
    }
    if (!cachedData || script.cachedDataRejected) group.dirty = true;
    group.loaded.push({ key, script });
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

  const writeDirty = (): void => {
    let wrote = false;
    for (const group of groups.values()) {
      if (!group.dirty) continue;
      wrote = true;
      group.dirty = false;
      try {
        // The code of this run (with every function compiled so far), then what other runs left for
        // files this one did not load, as long as those files are unchanged.
        const next = new Map<string, () => Buffer | undefined>();
        // under the flags V8 had at start: the next start refuses a cache stamped with others (core/runtime-flags.ts)
        for (const { key, script } of group.loaded) next.set(key, () => underStartFlags(() => script.createCachedData()));
        for (const key of group.entries.keys()) {
          if (next.has(key) || fileKey(key.slice(0, key.indexOf('\0'))) !== key) continue;
          next.set(key, () => group.entries.get(key));
        }
        writeCache(group.file, next);
      } catch {
        // a cache is never worth a failure
      }
    }
    if (wrote) pruneOld(dirname(base));
  };
  process.once('exit', () => {
    writeDirty();
    for (const group of groups.values()) group.entries.close();
  });
  setTimeout(writeDirty, EARLY_WRITE_MS).unref();
  return true;
}
