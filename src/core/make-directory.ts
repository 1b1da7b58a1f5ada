/**
 * Creates a directory and its missing parents, one level at a time. Node's own
 * `mkdir(..., { recursive: true })` never returns where mkdir answers ENOENT under a parent that
 * exists (/proc/self/x, some FUSE and network file systems): sqlsh hung there with HOME=/proc/self.
 * Here every level is tried at most twice, so a path that cannot be made fails with its reason.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export function makeDirectory(dir: string, mode = 0o700): void {
  try {
    mkdirSync(dir, { mode });
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (statSync(dir).isDirectory()) return;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: dir });
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw e;
    makeDirectory(parent, mode);
  }
  mkdirSync(dir, { mode }); // the parent is there now; a second ENOENT is thrown, not retried
}
