/**
 * The parts of ~/.ssh/config (ssh_config(5)) a tunnel needs: Host blocks (pattern lists with `*`, `?`
 * and `!`), HostName (with %h), User, Port, IdentityFile (several; ~ and %d %u %h %r %p expanded),
 * IdentitiesOnly, ProxyJump (one hop is followed), UserKnownHostsFile, StrictHostKeyChecking (only
 * to say that sqlsh is always strict). As ssh does, the first value found for a keyword wins,
 * IdentityFile accumulates, and `Match` blocks are skipped (their conditions are not evaluated).
 * Written here because no well-kept npm parser is installed (npm install is not allowed this round).
 */
import { matchPatternList } from './known-hosts.js';

export interface SshHostConfig {
  readonly hostName?: string;
  readonly user?: string;
  readonly port?: number;
  readonly identityFiles: readonly string[];
  readonly identitiesOnly?: boolean;
  readonly proxyJump?: string;
  readonly userKnownHostsFile?: string;
}

interface Entry {
  readonly key: string;
  readonly value: string;
}
interface Block {
  /** undefined: before the first Host line (applies to every host); null: a Match block (skipped). */
  readonly patterns: readonly string[] | undefined | null;
  readonly entries: Entry[];
}

function splitLine(line: string): [string, string] | undefined {
  const m = /^\s*([A-Za-z]+)\s*(?:=\s*|\s+)(.*?)\s*$/.exec(line);
  if (!m) return undefined;
  let value = m[2]!;
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
  return [m[1]!.toLowerCase(), value];
}

export function parseSshConfig(text: string): readonly Block[] {
  const blocks: Block[] = [{ patterns: undefined, entries: [] }];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const kv = splitLine(line);
    if (!kv) continue;
    const [key, value] = kv;
    if (key === 'host') blocks.push({ patterns: value.split(/\s+/).map((p) => p.replace(/^"|"$/g, '')), entries: [] });
    else if (key === 'match') blocks.push({ patterns: null, entries: [] });
    else blocks[blocks.length - 1]!.entries.push({ key, value });
  }
  return blocks;
}

export interface ExpandContext {
  readonly home: string;
  readonly localUser: string;
}

function expand(value: string, host: string, user: string, port: number, ctx: ExpandContext): string {
  const tilde = value.startsWith('~/') ? ctx.home + value.slice(1) : value;
  return tilde.replace(/%([%dhurp])/g, (_m, c: string) => ({ '%': '%', d: ctx.home, h: host, u: ctx.localUser, r: user, p: String(port) })[c]!);
}

/** The settings for `alias` (what the user typed as the bastion's host name). */
export function resolveSshHost(text: string, alias: string, ctx: ExpandContext): SshHostConfig {
  const first = new Map<string, string>();
  const identity: string[] = [];
  for (const b of parseSshConfig(text)) {
    if (b.patterns === null) continue;
    if (b.patterns !== undefined && !matchPatternList(b.patterns, alias)) continue;
    for (const e of b.entries) {
      if (e.key === 'identityfile') identity.push(e.value);
      else if (!first.has(e.key)) first.set(e.key, e.value);
    }
  }
  const hostName = first.get('hostname')?.replace(/%h/g, alias);
  const portText = first.get('port');
  const port = portText && /^\d+$/.test(portText) ? Number(portText) : undefined;
  const user = first.get('user');
  const host = hostName ?? alias;
  const x = (v: string) => expand(v, host, user ?? ctx.localUser, port ?? 22, ctx);
  const jump = first.get('proxyjump');
  const known = first.get('userknownhostsfile');
  return Object.freeze({
    ...(hostName ? { hostName } : {}),
    ...(user ? { user } : {}),
    ...(port ? { port } : {}),
    identityFiles: Object.freeze(identity.map(x)),
    ...(first.get('identitiesonly')?.toLowerCase() === 'yes' ? { identitiesOnly: true } : {}),
    ...(jump && jump.toLowerCase() !== 'none' ? { proxyJump: jump } : {}),
    ...(known && known.toLowerCase() !== 'none' ? { userKnownHostsFile: x(known.split(/\s+/)[0]!) } : {}),
  });
}
