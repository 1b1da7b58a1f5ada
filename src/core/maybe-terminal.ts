/**
 * Could this descriptor be a terminal? Answered without node:tty (which loads node:net and Node's
 * stream modules, several milliseconds of a start-up): only a character device can be one, and
 * /dev/null (a script's stdin or stdout in a benchmark, a cron job) is not. True means "ask isatty";
 * false is certain. Used by the code cache's choice of start kind and by output/fd-output.ts.
 */
import { fstatSync, statSync } from 'node:fs';

let devNullRdev: number | undefined;

export function maybeTerminal(fd: number): boolean {
  let st;
  try {
    st = fstatSync(fd);
  } catch {
    return false; // not open
  }
  if (!st.isCharacterDevice()) return false;
  if (devNullRdev === undefined) {
    try {
      devNullRdev = statSync('/dev/null').rdev;
    } catch {
      devNullRdev = -1; // no /dev/null to compare with (a bare chroot): a character device may be a terminal
    }
  }
  return st.rdev !== devNullRdev;
}
