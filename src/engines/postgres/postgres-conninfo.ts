/**
 * Parse a libpq connection string, URI or keyword/value form, into libpq keywords.
 * Multiple hosts stay comma-separated in `host` and `port`, as libpq keeps them:
 *   postgres://alice:pw@h1:5432,h2:5433/shop?sslmode=require -> { user, password, host: 'h1,h2', port: '5432,5433', dbname, sslmode }
 *   postgres:///shop?host=/var/run/postgresql                  -> { host: '/var/run/postgresql', dbname: 'shop' }
 *   "host=localhost dbname='my db'"                           -> { host: 'localhost', dbname: 'my db' }
 */
import { ConnectError } from '../../core/errors.js';

/** The keywords we understand; others are rejected the way libpq rejects them. */
export const PG_KEYWORDS: ReadonlySet<string> = new Set([
  'host', 'hostaddr', 'port', 'dbname', 'user', 'password', 'passfile', 'service', 'sslmode', 'sslrootcert',
  'sslcert', 'sslkey', 'application_name', 'fallback_application_name', 'connect_timeout', 'options',
  'keepalives', 'keepalives_idle',
  // accepted and ignored (libpq features pg does not have or we do not need)
  'target_session_attrs', 'keepalives_interval', 'keepalives_count',
  'gssencmode', 'krbsrvname', 'channel_binding', 'requiressl', 'load_balance_hosts', 'sslcompression',
  'client_encoding', 'sslnegotiation', 'tcp_user_timeout',
]);

export function isPostgresUri(text: string): boolean {
  return /^(postgres|postgresql|pg):\/\//i.test(text);
}

function decode(s: string, what: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new ConnectError(`invalid percent-encoding in the connection URI's ${what}: check for a stray '%'`);
  }
}

function checkKeyword(key: string, form: string): void {
  if (!PG_KEYWORDS.has(key)) throw new ConnectError(`invalid ${form} "${key}" in the connection string: see the libpq connection parameters`);
}

function parseUri(uri: string): Record<string, string> {
  const out: Record<string, string> = {};
  const rest = uri.replace(/^[a-z]+:\/\//i, '');
  const q = rest.indexOf('?');
  const beforeQuery = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? '' : rest.slice(q + 1);
  const slash = beforeQuery.indexOf('/');
  const authority = slash < 0 ? beforeQuery : beforeQuery.slice(0, slash);
  const path = slash < 0 ? '' : beforeQuery.slice(slash + 1);
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
    if (user) out['user'] = decode(user, 'user name');
    if (colon >= 0) out['password'] = decode(userinfo.slice(colon + 1), 'password');
  }
  const hostlist = at >= 0 ? authority.slice(at + 1) : authority;
  if (hostlist) {
    const hosts: string[] = [];
    const ports: string[] = [];
    for (const part of hostlist.split(',')) {
      let host = part;
      let port = '';
      if (part.startsWith('[')) {
        const end = part.indexOf(']');
        if (end < 0) throw new ConnectError(`unterminated IPv6 address "[" in the connection URI host "${part}"`);
        host = part.slice(1, end);
        if (part[end + 1] === ':') port = part.slice(end + 2);
      } else {
        const c = part.lastIndexOf(':');
        if (c >= 0) {
          host = part.slice(0, c);
          port = part.slice(c + 1);
        }
      }
      hosts.push(decode(host, 'host'));
      ports.push(port);
    }
    if (hosts.some((h) => h !== '')) out['host'] = hosts.join(',');
    if (ports.some((p) => p !== '')) out['port'] = ports.join(',');
  }
  if (path) out['dbname'] = decode(path, 'database name');
  if (query) {
    for (const pair of query.split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      if (eq < 0) throw new ConnectError(`missing "=" after "${pair}" in the connection URI's query`);
      let key = decode(pair.slice(0, eq), 'query');
      const value = decode(pair.slice(eq + 1).replace(/\+/g, ' '), 'query');
      if (key === 'ssl' && value === 'true') key = 'sslmode'; // JDBC-style ?ssl=true
      checkKeyword(key, 'URI query parameter');
      out[key] = key === 'sslmode' && value === 'true' ? 'require' : value;
    }
  }
  return out;
}

function parseKeywordValue(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  const n = text.length;
  const skipWs = (): void => {
    while (i < n && /\s/.test(text[i]!)) i++;
  };
  while (true) {
    skipWs();
    if (i >= n) break;
    const keyStart = i;
    while (i < n && text[i] !== '=' && !/\s/.test(text[i]!)) i++;
    const key = text.slice(keyStart, i);
    skipWs();
    if (text[i] !== '=') throw new ConnectError(`missing "=" after "${key}" in the connection string`);
    i++;
    skipWs();
    let value = '';
    if (text[i] === "'") {
      i++;
      let closed = false;
      while (i < n) {
        const ch = text[i]!;
        if (ch === '\\' && i + 1 < n) {
          value += text[i + 1];
          i += 2;
        } else if (ch === "'") {
          i++;
          closed = true;
          break;
        } else {
          value += ch;
          i++;
        }
      }
      if (!closed) throw new ConnectError(`unterminated quoted string in the connection string (value of "${key}")`);
    } else {
      while (i < n && !/\s/.test(text[i]!)) {
        if (text[i] === '\\' && i + 1 < n) i++;
        value += text[i];
        i++;
      }
    }
    checkKeyword(key, 'connection option');
    out[key] = value;
  }
  return out;
}

/** Keywords of a URI or of a `key=value ...` string. Throws ConnectError on malformed input. */
export function parseConninfo(text: string): Record<string, string> {
  if (isPostgresUri(text)) return parseUri(text);
  if (text.includes('=')) return parseKeywordValue(text);
  throw new ConnectError(`"${text.replace(/:[^@/]*@/, ':***@')}" is not a PostgreSQL URI: expected postgres://user@host:port/database`);
}
