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

/**
 * The mysql client's line for a connection it could not make, from sqlsh's ConnectError (its `cause`, the driver's
 * error): the server's refusal as the server words it (`ERROR 1045 (28000): Access denied for user ...`,
 * `ERROR 1049 (42000): Unknown database 'x'`), or the MariaDB client library's words for a server it did not reach
 * (no such host, nothing listening, no socket); undefined for another failure (sqlsh's own words then).
 */
export function mysqlClientConnectLine(e: unknown, target: { readonly host?: string; readonly socket?: string }): string | undefined {
  const cause = (e as { cause?: { errno?: number; sqlState?: string; sqlMessage?: string; code?: string; params?: { host?: string; socketPath?: string } } }).cause;
  if (!cause) return undefined;
  if (cause.sqlMessage !== undefined && cause.errno !== undefined) return `ERROR ${cause.errno} (${cause.sqlState ?? 'HY000'}): ${cause.sqlMessage}`;
  const host = cause.params?.host ?? target.host ?? 'localhost';
  // the resolver's status in the client's parentheses: EAI_NONAME -2, EAI_AGAIN -3
  if (cause.code === 'ENOTFOUND' || cause.code === 'EAI_AGAIN') return `ERROR 2005 (HY000): Unknown server host '${host}' (${cause.code === 'EAI_AGAIN' ? -3 : -2})`;
  // (the client library connects without blocking: its errno there is EINPROGRESS's, 115)
  if (cause.code === 'ECONNREFUSED') return `ERROR 2002 (HY000): Can't connect to server on '${host}' (115)`;
  if (cause.code === 'ENOENT') return `ERROR 2002 (HY000): Can't connect to local server through socket '${cause.params?.socketPath ?? target.socket ?? ''}' (2)`;
  return undefined;
}
