/**
 * The entries of a directory as completion offers them: names sorted, directories with a trailing '/', `~`
 * for the home directory, hidden entries only when asked. Used by the shell's completer and the language
 * server for file names (\i, read_csv('...'), .read). Never throws: an unreadable directory has no entries.
 */
import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';

export function listDirectory(dir: string, showHidden: boolean): readonly string[] {
  let path = dir === '' ? '.' : dir;
  if (path === '~' || path.startsWith('~/')) path = homedir() + path.slice(1);
  try {
    const out: string[] = [];
    for (const e of readdirSync(path, { withFileTypes: true })) {
      if (!showHidden && e.name.startsWith('.')) continue;
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) {
        try {
          isDir = statSync(`${path.endsWith('/') ? path : `${path}/`}${e.name}`).isDirectory();
        } catch {
          isDir = false; // a dangling link is offered as a file
        }
      }
      out.push(isDir ? `${e.name}/` : e.name);
    }
    return out.sort();
  } catch {
    return [];
  }
}

