/**
 * The mysql client's error line for what it does itself (its commands, not a statement the server
 * ran): `ERROR at line 3: ...`, with the server's number and SQLSTATE when the server said no
 * (`ERROR 1049 (42000) at line 1: Unknown database 'x'`), and ` in file: 'x.sql'` inside a sourced file.
 */
import type { MetaRunOptions } from './meta-command.js';

export function mysqlClientErrorLine(opts: Pick<MetaRunOptions, 'line' | 'source' | 'includeDepth'>, message: string, server?: { readonly vendorCode?: number; readonly code?: string }): string {
  const number = server?.vendorCode !== undefined ? ` ${server.vendorCode} (${server.code ?? 'HY000'})` : '';
  const file = opts.includeDepth && opts.source ? ` in file: '${opts.source}'` : '';
  return `ERROR${number} at line ${opts.line}${file}: ${message}`;
}

/**
 * The argument of the client's `use` and `source`: the first word, or, when it starts with a quote
 * (' " `), what is inside the quotes; words after it are left alone, as the client leaves them.
 */
export function mysqlClientArgument(raw: string): string {
  const text = raw.trim();
  const q = text[0];
  if (q === "'" || q === '"' || q === '`') {
    const close = text.indexOf(q, 1);
    return close < 0 ? text.slice(1) : text.slice(1, close);
  }
  return /^\S*/.exec(text)![0];
}
