/**
 * What the top level prints for a failure, and the exit code. Expected failures are typed
 * (UserError and its UsageError, ConnectError, CancelledError) and print one sentence; anything
 * else is a bug: one line with a hint, the stack only with SQLSH_DEBUG=1. Never a password.
 */
import { CancelledError, ConnectError, UserError } from '../core/errors.js';
import { redactUrl } from '../engines/target.js';
import { maskConnectionPassword } from '../core/mask-password.js';

const safe = (message: string): string => maskConnectionPassword(redactUrl(message));

export function describeFailure(e: unknown, env: Readonly<Record<string, string | undefined>> = process.env): { text: string; code: number } {
  if (e instanceof UserError) return { text: `sqlsh: ${safe(e.message)}`, code: e.exitCode };
  if (e instanceof ConnectError) return { text: `sqlsh: ${safe(e.message)}`, code: 2 };
  if (e instanceof CancelledError) return { text: `sqlsh: ${e.message}`, code: 2 };
  const err = e instanceof Error ? e : new Error(String(e));
  const first = safe((err.message.split('\n')[0] ?? '').trim());
  const debug = env.SQLSH_DEBUG ? `\n${safe(err.stack ?? '')}` : '';
  return { text: `sqlsh: internal error: ${err.name}: ${first} (a bug in sqlsh; SQLSH_DEBUG=1 shows where)${debug}`, code: 70 };
}
