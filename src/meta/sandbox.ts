/**
 * The mysql client's sandbox mode: after `\\-` (which every mariadb-dump file since 10.11.8 starts with,
 * as `/*M!999999\\- enable the sandbox mode *\/`) a script may no longer reach outside the session, so
 * a dump cannot run a shell command or read or write a file. The commands that would are declared with
 * `outside` (meta-command.ts) and refused by the dispatcher; a `` `command` `` in arguments is refused where
 * it would run. A refusal is an error like any other (the script stops unless it goes on past errors).
 */
import type { MetaArgs, MetaCommand } from './meta-command.js';

/** The client's words. */
export const SANDBOX_REFUSAL = 'Not allowed in the sandbox mode';

/** Thrown where a refused action would happen inside a command (a shell command in its arguments). */
export class SandboxRefusal extends Error {
  constructor() {
    super(SANDBOX_REFUSAL);
  }
}

/** True when the command, with these arguments, reaches outside the session. */
export function reachesOutside(command: MetaCommand, args: MetaArgs): boolean {
  const o = command.outside;
  return o === true || (typeof o === 'function' && o(args));
}

/** Arguments given at all (`\\o FILE`, `\\pager less`; `\\o` alone goes back to the screen). */
export const withArguments = (args: MetaArgs): boolean => args.raw.trim() !== '';
