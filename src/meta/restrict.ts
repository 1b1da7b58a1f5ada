/**
 * psql's restricted mode: `\restrict KEY` ... `\unrestrict KEY`. pg_dump writes the pair around every
 * plain-format dump (since PostgreSQL 17.6, 16.10, 15.14, 14.19 and 13.22) with a random key, so that data
 * a dump carries cannot end a line and run a backslash command. In between, the dispatcher refuses every
 * backslash command but `\unrestrict` (run-meta.ts); SQL runs as before. The key is read as any argument
 * (quotes, variables), and compared as written.
 */
import type { MetaCommand } from './meta-command.js';
import { ok, psqlFail } from './meta-command.js';

/** psql's words for any other command while restricted. */
export const RESTRICTED = 'backslash commands are restricted; only \\unrestrict is allowed';

export const restrictCommand: MetaCommand = {
  name: '\\restrict',
  group: 'General',
  syntax: '\\restrict KEY',
  summary: 'only \\unrestrict KEY runs from here (pg_dump files)',
  details: [
    'pg_dump puts `\\restrict` with a random key at the top of a plain-format dump and `\\unrestrict` with the',
    'same key at the end, so that nothing in the data can run a backslash command while it is restored.',
  ],
  args: { min: 1, max: 1, kinds: ['text'] },
  async run(ctx, args) {
    ctx.session.restrictKey = args.words[0]!;
    return ok;
  },
};

export const unrestrictCommand: MetaCommand = {
  name: '\\unrestrict',
  group: 'General',
  syntax: '\\unrestrict KEY',
  summary: 'end \\restrict: backslash commands run again',
  args: { min: 1, max: 1, kinds: ['text'] },
  async run(ctx, args) {
    const key = ctx.session.restrictKey;
    if (key === undefined) return psqlFail('\\unrestrict: not currently in restricted mode');
    if (args.words[0] !== key) return psqlFail('\\unrestrict: wrong key');
    ctx.session.restrictKey = undefined;
    return ok;
  },
};
