/**
 * Keeps iconv-lite's table of encodings unloaded while only CESU-8 is asked for.
 *
 * mysql2 decodes the server version of every handshake as 'cesu8', which is no Buffer encoding, so
 * it asks iconv-lite, whose first getCodec() loads every encoding it knows (a dozen modules read and
 * compiled from disk, the single-byte tables among them): about 5 MB of the peak RSS of a MariaDB
 * session that never decodes anything but UTF-8 (sqlsh asks for utf8mb4). Here iconv-lite's
 * `encodings` is a stand-in that answers 'cesu8' from iconv-lite's own internal codecs and, on the
 * first other name, puts the full table in its place exactly as getCodec() would have built it, so
 * any other character set still decodes as before. Nothing is done when iconv-lite is not the shape
 * this expects (another version): then it loads its table as it always did.
 */
import { createRequire } from 'node:module';

interface IconvLite {
  encodings: Record<string, unknown> | null;
  _codecDataCache?: Record<string, unknown>;
  getCodec?: unknown;
}

/** The names the stand-in answers without the full table: only internal.js defines them. */
const INTERNAL_ONLY = new Set(['cesu8', '_internal']);

function lighten(req: NodeJS.Require, done: Set<unknown>): void {
  let iconv: IconvLite;
  let internal: Record<string, unknown>;
  try {
    iconv = req('iconv-lite') as IconvLite;
    if (done.has(iconv)) return;
    done.add(iconv);
    if (iconv.encodings !== null || typeof iconv.getCodec !== 'function' || typeof iconv._codecDataCache !== 'object') return;
    const ownRequire = createRequire(req.resolve('iconv-lite'));
    internal = ownRequire('../encodings/internal.js') as Record<string, unknown>;
    if (typeof internal._internal !== 'function' || typeof internal.cesu8 !== 'object') return;
    const full = (): Record<string, unknown> => {
      // as iconv-lite's getCodec() builds it: every module's definitions merged into one object
      const all: Record<string, unknown> = Object.create(null);
      const raw = ownRequire('../encodings') as Record<string, Record<string, unknown>>;
      for (const key in raw) if (Object.hasOwn(raw, key)) all[key] = raw[key];
      iconv.encodings = all;
      return all;
    };
    iconv.encodings = new Proxy(Object.create(null) as Record<string, unknown>, {
      get: (_, key) => (typeof key === 'string' && INTERNAL_ONLY.has(key) ? internal[key] : full()[key as string]),
    });
  } catch {
    // not there, or not as expected: iconv-lite loads its table itself
  }
}

let lightened = false;

/**
 * Installs the stand-in in the iconv-lite that mysql2 uses (resolved from sqlsh's code, as the bundled
 * mysql2 resolves it, and from mysql2's own folder, as an unbundled one does). Call after loading mysql2.
 */
export function lightenMysqlIconv(): void {
  if (lightened) return;
  lightened = true;
  const done = new Set<unknown>();
  const req = createRequire(import.meta.url);
  lighten(req, done);
  try {
    lighten(createRequire(req.resolve('mysql2')), done);
  } catch {
    // mysql2 not resolvable from here: the first one is the one it uses
  }
}
