/**
 * OpenSSH's known_hosts, read as ssh does: plain host patterns (comma lists, `*`/`?` wildcards, `!`
 * negation, `[host]:port` for a port other than 22), hashed entries (`|1|salt|HMAC-SHA1(salt, name)`),
 * and the @revoked marker (@cert-authority lines are skipped: certificates are not checked). A key is
 * accepted only when a line for this host holds exactly it; an unknown or changed key is refused with
 * the words and the command that fix it. Nothing is ever written to the file.
 */
import { createHash, createHmac } from 'node:crypto';

export interface KnownHostLine {
  readonly line: number;
  readonly marker?: 'revoked' | 'cert-authority';
  /** Plain patterns, or undefined for a hashed entry. */
  readonly patterns?: readonly string[];
  readonly hashed?: { readonly salt: Buffer; readonly hash: Buffer };
  readonly type: string;
  readonly key: Buffer;
}

export type HostKeyVerdict =
  | { readonly kind: 'known'; readonly line: number }
  | { readonly kind: 'unknown'; readonly otherTypes: readonly string[] }
  | { readonly kind: 'changed'; readonly line: number; readonly expected: string }
  | { readonly kind: 'revoked'; readonly line: number };

/** The name known_hosts stores for a host: 'host' on port 22, '[host]:port' otherwise. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** 'SHA256:...' as ssh-keygen -l prints it. */
export function keyFingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type inside an SSH public key blob (its first length-prefixed string). */
export function keyBlobType(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const n = blob.readUInt32BE(0);
  return blob.toString('latin1', 4, Math.min(4 + n, blob.length));
}

export function parseKnownHosts(text: string): readonly KnownHostLine[] {
  const out: KnownHostLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const words = lines[i]!.trim().split(/\s+/);
    if (words[0] === '' || words[0]!.startsWith('#')) continue;
    let marker: KnownHostLine['marker'];
    if (words[0] === '@revoked' || words[0] === '@cert-authority') marker = words.shift()!.slice(1) as KnownHostLine['marker'];
    if (words.length < 3) continue;
    const [hosts, type, b64] = words as [string, string, string];
    const key = Buffer.from(b64, 'base64');
    if (key.length === 0) continue;
    const base = { line: i + 1, type, key, ...(marker ? { marker } : {}) };
    const h = /^\|1\|([^|]+)\|([^|]+)$/.exec(hosts);
    if (h) out.push({ ...base, hashed: { salt: Buffer.from(h[1]!, 'base64'), hash: Buffer.from(h[2]!, 'base64') } });
    else out.push({ ...base, patterns: hosts.split(',') });
  }
  return out;
}

function wildcard(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(name);
}

/** ssh's pattern-list rule: a negated match excludes the line, else any positive match includes it. */
export function matchPatternList(patterns: readonly string[], name: string): boolean {
  let hit = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (wildcard(p.slice(1), name)) return false;
    } else if (wildcard(p, name)) hit = true;
  }
  return hit;
}

function lineMatches(l: KnownHostLine, name: string): boolean {
  if (l.hashed) return createHmac('sha1', l.hashed.salt).update(name).digest().equals(l.hashed.hash);
  return matchPatternList(l.patterns ?? [], name);
}

/** The key types known for this host (to prefer them when the server offers several). */
export function knownKeyTypes(lines: readonly KnownHostLine[], host: string, port: number): readonly string[] {
  const name = knownHostName(host, port);
  return [...new Set(lines.filter((l) => !l.marker && lineMatches(l, name)).map((l) => l.type))];
}

export function checkHostKey(lines: readonly KnownHostLine[], host: string, port: number, blob: Buffer): HostKeyVerdict {
  const name = knownHostName(host, port);
  const type = keyBlobType(blob);
  const mine = lines.filter((l) => lineMatches(l, name));
  const revoked = lines.find((l) => l.marker === 'revoked' && l.key.equals(blob));
  if (revoked) return { kind: 'revoked', line: revoked.line };
  const same = mine.find((l) => !l.marker && l.key.equals(blob));
  if (same) return { kind: 'known', line: same.line };
  const sameType = mine.find((l) => !l.marker && l.type === type);
  if (sameType) return { kind: 'changed', line: sameType.line, expected: keyFingerprint(sameType.key) };
  return { kind: 'unknown', otherTypes: [...new Set(mine.filter((l) => !l.marker).map((l) => l.type))] };
}

/** The refusal in words, with the way out. undefined when the key is known. */
export function hostKeyRefusal(verdict: HostKeyVerdict, host: string, port: number, blob: Buffer, file: string): string | undefined {
  const name = knownHostName(host, port);
  const fp = `${keyBlobType(blob)} ${keyFingerprint(blob)}`;
  const scan = `ssh-keyscan${port === 22 ? '' : ` -p ${port}`} ${host} >> ${file}`;
  switch (verdict.kind) {
    case 'known':
      return undefined;
    case 'unknown':
      return (
        `the SSH host key of ${name} is not in ${file} (the server offers ${fp}` +
        (verdict.otherTypes.length ? `; only ${verdict.otherTypes.join(', ')} keys are known for it` : '') +
        `). sqlsh never accepts an unknown host key: check the fingerprint with the server's administrator, ` +
        `then add it with \`${scan}\` (or connect once with \`ssh${port === 22 ? '' : ` -p ${port}`} ${host}\` and accept it there)`
      );
    case 'changed':
      return (
        `the SSH host key of ${name} has CHANGED: ${file} line ${verdict.line} holds ${verdict.expected}, the server now offers ${fp}. ` +
        `Someone may be intercepting the connection, or the host was reinstalled. Refused. If the new key is right, ` +
        `remove the old one with \`ssh-keygen -R '${name}'\` and add the new one with \`${scan}\``
      );
    case 'revoked':
      return `the SSH host key of ${name} (${fp}) is marked @revoked in ${file} line ${verdict.line}. Refused`;
  }
}
