/**
 * A script file opened to be read as it runs (runScriptInput), in chunks of 64 KB: small enough that
 * memory holds little more than a piece of the script (a 78 MB pg_dump restores in 76 MB; with 1 MB
 * chunks it took 152), large enough to cost nothing. Throws the open's error (ENOENT ...); a read error
 * (EISDIR) comes from the iteration.
 */
import { open } from 'node:fs/promises';
import type { ReadStream } from 'node:fs';

const CHUNK_BYTES = 1 << 16;

export async function openScript(path: string): Promise<ReadStream> {
  return (await open(path, 'r')).createReadStream({ highWaterMark: CHUNK_BYTES });
}
