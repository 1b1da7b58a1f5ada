/** Writes all of `data` to `fd` at `position` (a file), however few bytes each write takes. */
import { writeSync } from 'node:fs';

export function writeAllAt(fd: number, data: Uint8Array, position: number): void {
  for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done, position + done);
}
