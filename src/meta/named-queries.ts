/**
 * Named queries (\ns, \n, \nd): a TOML file in the config directory, `[queries]` name = "SQL",
 * rewritten atomically (temporary file + rename) on every change.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { makeDirectory } from '../core/make-directory.js';

export type NamedQueries = ReadonlyMap<string, string>;

export async function loadNamedQueries(file: string): Promise<NamedQueries> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw e;
  }
  const { parse } = await import('smol-toml');
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`${file} is not valid TOML (${(e as Error).message.split('\n')[0]}); fix or delete it`);
  }
  const table = (doc['queries'] ?? {}) as Record<string, unknown>;
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(table)) if (typeof v === 'string') out.set(k, v);
  return out;
}

export async function saveNamedQueries(file: string, queries: NamedQueries): Promise<void> {
  const { stringify } = await import('smol-toml');
  const sorted = Object.fromEntries([...queries.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  const body = `# sqlsh named queries: \\ns NAME QUERY saves one, \\n NAME [ARGS...] runs it, \\nd NAME deletes it.\n# $1, $2 ... are replaced by the arguments, $* by all of them.\n\n${stringify({ queries: sorted })}\n`;
  makeDirectory(dirname(file), 0o777); // not Node's recursive mkdir: it never returns under /proc
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  await writeFile(tmp, body, { mode: 0o600 });
  await rename(tmp, file);
}

/** Replaces $1, $2 ... and $* with the arguments; an error names the missing ones. */
export function substituteArgs(query: string, args: readonly string[]): { ok: true; sql: string } | { ok: false; error: string } {
  const used = [...query.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
  const max = used.length ? Math.max(...used) : 0;
  if (args.length < max) {
    const missing = [...new Set(used.filter((n) => n > args.length))].sort((a, b) => a - b).map((n) => `$${n}`);
    return { ok: false, error: `needs ${max} argument${max === 1 ? '' : 's'}, got ${args.length}: missing ${missing.join(', ')}` };
  }
  const sql = query.replace(/\$(\d+|\*)/g, (whole, k: string) => (k === '*' ? args.join(', ') : (args[Number(k) - 1] ?? whole)));
  return { ok: true, sql };
}
