/**
 * LOAD DATA LOCAL INFILE, as the mysql client does it: the server names the file the statement gave,
 * and it is read from the current directory (a name relative to it) and sent; mysql2 streams it
 * (its infileStreamFactory). Only for a LOAD ... LOCAL statement (sql/mysql-local-infile.ts); a
 * request during any other fails it as the client's library does: `Load data local infile forbidden`,
 * error 2000 (HY000). A file that cannot be read fails the statement in the client's words: `File
 * 'x.txt' not found (Errcode: 2)`, error 2 (HY000); a directory reads as empty, as in the client.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { loadsLocalFile } from '../../sql/mysql-local-infile.js';

/** The errors of reading a local file, told apart from the driver's own (mysql-connection.ts translate): the file's name. */
const LOCAL_FILE_ERRORS = new WeakMap<object, string>();
/** The request refused (not a LOAD ... LOCAL statement). */
const FORBIDDEN = 'Load data local infile forbidden';

/** The file the server asked for, as a stream for mysql2, or a stream that fails. */
export function localInfileStream(name: string, sql: string): Readable {
  if (!loadsLocalFile(sql)) return failing(name, new Error(FORBIDDEN));
  try {
    if (statSync(name).isDirectory()) return Readable.from([]);
  } catch (e) {
    return failing(name, e as Error);
  }
  const stream = createReadStream(name);
  stream.once('error', (e) => LOCAL_FILE_ERRORS.set(e, name));
  return stream;
}

function failing(name: string, err: Error): Readable {
  LOCAL_FILE_ERRORS.set(err, name);
  return new Readable({
    read() {
      this.destroy(err);
    },
  });
}

/** The client's words for a local file that could not be sent, or undefined when `err` is not one. */
export function localFileFailure(err: unknown): { readonly message: string; readonly vendorCode: number } | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const name = LOCAL_FILE_ERRORS.get(err);
  if (name === undefined) return undefined;
  if ((err as Error).message === FORBIDDEN) return { message: FORBIDDEN, vendorCode: 2000 };
  const errno = Math.abs((err as NodeJS.ErrnoException).errno ?? 1);
  return { message: `File '${name}' not found (Errcode: ${errno})`, vendorCode: 2 };
}
