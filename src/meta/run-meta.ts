/** Placeholder until the meta-command layer lands: \q only. */
import type { Session } from '../shell/session.js';

export type MetaRunResult = { readonly type: 'ok' } | { readonly type: 'quit' } | { readonly type: 'error' };

export async function runMeta(session: Session, line: string, _opts: { line: number; source?: string }): Promise<MetaRunResult> {
  const name = line.trim().split(/\s+/)[0] ?? '';
  if (name === '\\q' || name === '\\quit') return { type: 'quit' };
  session.io.error(`unknown command ${JSON.stringify(name)}; \\? lists the commands`);
  return { type: 'error' };
}
