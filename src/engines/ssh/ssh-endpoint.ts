/**
 * What `--ssh user@bastion:port` (or `ssh = "..."` on a saved connection) means once ~/.ssh/config
 * is applied: the host to dial, the user, the port, the key files to try in order, the known_hosts
 * files, and a ProxyJump hop. Plain data; reads the config file, nothing else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { ConnectError } from '../../core/errors.js';
import { resolveSshHost } from './ssh-config.js';

export interface SshEndpoint {
  /** As the user typed it (the name shown in messages). */
  readonly spec: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly keyFiles: readonly string[];
  readonly identitiesOnly: boolean;
  readonly knownHostsFiles: readonly string[];
  readonly jump?: SshEndpoint;
}

type Env = Readonly<Record<string, string | undefined>>;

/** '[user@]host[:port]', 'ssh://user@host:port', '[v6addr]:port'. */
export function parseSshSpec(spec: string): { user?: string; host: string; port?: number } {
  const s = spec.trim().replace(/^ssh:\/\//i, '').replace(/\/$/, '');
  const m = /^(?:([^@]+)@)?(\[[^\]]+\]|[^:@\s]+)(?::(\d+))?$/.exec(s);
  if (!m) throw new ConnectError(`--ssh expects [user@]host[:port] (or a Host of ~/.ssh/config), got ${JSON.stringify(spec)}`);
  const port = m[3] ? Number(m[3]) : undefined;
  if (port !== undefined && (port < 1 || port > 65535)) throw new ConnectError(`--ssh: invalid port ${m[3]} in ${JSON.stringify(spec)}`);
  return { ...(m[1] ? { user: decodeURIComponent(m[1]) } : {}), host: m[2]!.replace(/^\[(.*)\]$/, '$1'), ...(port ? { port } : {}) };
}

export function homeOf(env: Env): string {
  return env['HOME'] || homedir();
}

function localUser(env: Env): string {
  if (env['USER']) return env['USER'];
  try {
    return userInfo().username;
  } catch {
    return 'root';
  }
}

export function resolveSshEndpoint(spec: string, env: Env, keyFile?: string, depth = 0): SshEndpoint {
  const home = homeOf(env);
  const typed = parseSshSpec(spec);
  let text = '';
  try {
    text = readFileSync(join(home, '.ssh', 'config'), 'utf8');
  } catch {
    // no config: defaults only
  }
  const cfg = resolveSshHost(text, typed.host, { home, localUser: localUser(env) });
  const defaults = ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(home, '.ssh', f));
  const explicit = keyFile ? [isAbsolute(keyFile) ? keyFile : keyFile.startsWith('~/') ? join(home, keyFile.slice(2)) : resolve(keyFile)] : [];
  if (explicit[0] && !existsSync(explicit[0])) throw new ConnectError(`--ssh-key: no key file at ${explicit[0]}`);
  const keyFiles = [...new Set([...explicit, ...cfg.identityFiles, ...defaults])].filter((f) => f === explicit[0] || existsSync(f));
  let jump: SshEndpoint | undefined;
  if (cfg.proxyJump) {
    if (depth > 3) throw new ConnectError(`~/.ssh/config: ProxyJump chain for ${typed.host} is longer than 4 hops`);
    jump = resolveSshEndpoint(cfg.proxyJump.split(',')[0]!, env, undefined, depth + 1);
  }
  return Object.freeze({
    spec,
    host: cfg.hostName ?? typed.host,
    port: typed.port ?? cfg.port ?? 22,
    user: typed.user ?? cfg.user ?? localUser(env),
    keyFiles,
    identitiesOnly: cfg.identitiesOnly ?? false,
    knownHostsFiles: [cfg.userKnownHostsFile ?? join(home, '.ssh', 'known_hosts'), '/etc/ssh/ssh_known_hosts'],
    ...(jump ? { jump } : {}),
  });
}

/** 'alice@bastion:22' for messages. */
export function endpointLabel(e: SshEndpoint): string {
  return `${e.user}@${e.host.includes(':') ? `[${e.host}]` : e.host}:${e.port}`;
}
