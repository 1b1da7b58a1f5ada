/**
 * The password file (~/.pgpass, PGPASSFILE, passfile=), read the way libpq reads it:
 * lines `hostname:port:database:username:password`, `*` matches anything, `\:` and `\\` escape,
 * `#` starts a comment line, the first matching line wins. On Unix the file is ignored when
 * group or others can read it (it must be 0600 or stricter).
 */
import { readFileSync, statSync } from 'node:fs';

export interface PgpassQuery {
  /** Host name, or a Unix socket directory (matched as 'localhost' too). */
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

export type PgpassResult =
  | { readonly kind: 'found'; readonly password: string }
  | { readonly kind: 'none' }
  /** The file exists but was ignored; reason says why and what to do. */
  | { readonly kind: 'ignored'; readonly reason: string };

/** Split one line into its fields, honouring `\:` and `\\`. */
export function splitPgpassLine(line: string): string[] {
  const fields: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
    } else if (ch === ':' && fields.length < 4) {
      fields.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  fields.push(cur);
  return fields;
}

/** The password for `q` from the text of a password file, or undefined. */
export function matchPgpass(text: string, q: PgpassQuery): string | undefined {
  const hostNames = q.host.startsWith('/') || q.host === '' ? ['localhost', q.host] : [q.host];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const f = splitPgpassLine(raw);
    if (f.length < 5) continue;
    const [h, p, d, u, pw] = f as [string, string, string, string, string];
    const ok = (pattern: string, value: string): boolean => pattern === '*' || pattern === value;
    if (
      (h === '*' || hostNames.includes(h)) &&
      ok(p, String(q.port)) &&
      ok(d, q.database) &&
      ok(u, q.user)
    ) {
      return pw;
    }
  }
  return undefined;
}

export function lookupPgpass(file: string, q: PgpassQuery): PgpassResult {
  let mode: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { kind: 'none' };
    mode = st.mode;
  } catch {
    return { kind: 'none' };
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    return {
      kind: 'ignored',
      reason: `password file "${file}" has group or world access and was ignored; run chmod 0600 "${file}"`,
    };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { kind: 'none' };
  }
  const pw = matchPgpass(text, q);
  return pw === undefined ? { kind: 'none' } : { kind: 'found', password: pw };
}
