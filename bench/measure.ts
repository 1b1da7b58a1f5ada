/**
 * What the process benchmarks share: one run of a command under GNU time (wall seconds, peak RSS),
 * its stdout to /dev/null, and the median of several.
 */
import { closeSync, existsSync, openSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export interface Measured {
  readonly seconds: number;
  readonly maxRssMb: number;
  readonly ok: boolean;
  readonly err: string;
}

export const has = (bin: string): boolean => existsSync(bin);

/** Runs `cmd` under /usr/bin/time; `stdin`: a file to read standard input from. */
export function measure(cmd: readonly string[], opts: { readonly env?: NodeJS.ProcessEnv; readonly cwd?: string; readonly stdin?: string } = {}): Measured {
  const devnull = openSync('/dev/null', 'w');
  const input = opts.stdin ? openSync(opts.stdin, 'r') : 'ignore';
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], { stdio: [input, devnull, 'pipe'], env: { ...process.env, ...opts.env }, ...(opts.cwd ? { cwd: opts.cwd } : {}) });
  closeSync(devnull);
  if (typeof input === 'number') closeSync(input);
  const lines = (r.stderr?.toString() ?? String(r.error ?? '')).trim().split('\n');
  const [sec, kb] = (lines.at(-1) ?? '').split(' ');
  return { seconds: Number(sec), maxRssMb: Number(kb) / 1024, ok: r.status === 0, err: lines.slice(0, -1).join(' ').slice(0, 160) };
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
