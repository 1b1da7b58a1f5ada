/**
 * \e: opens $VISUAL / $EDITOR (else vi) on a file, with the terminal in normal (cooked) mode and
 * the editor owning stdin/stdout, and returns the text it left.
 */
import { spawnSync } from 'node:child_process';
import { withTerminalForChild } from '../editor/quiet-terminal.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export type EditResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** `line`: the editor opens there (psql's PSQL_EDITOR_LINENUMBER_ARG, `+` by default: `vi +12 FILE`). */
export async function editText(file: string | undefined, initial: string, env: NodeJS.ProcessEnv = process.env, line?: number): Promise<EditResult> {
  const editor = env['VISUAL']?.trim() || env['EDITOR']?.trim() || 'vi';
  let dir: string | undefined;
  let path: string;
  if (file !== undefined) {
    path = resolve(file);
    if (!existsSync(path)) writeFileSync(path, '');
  } else {
    dir = mkdtempSync(join(tmpdir(), 'sqlsh-edit-'));
    path = join(dir, 'statement.sql');
    writeFileSync(path, initial === '' ? '' : `${initial.replace(/\s+$/, '')}\n`);
  }
  try {
    const at = line === undefined ? '' : `${env['PSQL_EDITOR_LINENUMBER_ARG'] ?? '+'}${line} `;
    const r = withTerminalForChild(() => spawnSync(`${editor} ${at}${shellQuote(path)}`, { shell: '/bin/sh', stdio: 'inherit', env }));
    if (r.error) return { ok: false, error: `cannot start the editor ${JSON.stringify(editor)}: ${r.error.message}` };
    if (r.status !== 0) return { ok: false, error: `the editor ${JSON.stringify(editor)} exited with status ${r.status ?? r.signal}; nothing was run` };
    return { ok: true, text: readFileSync(path, 'utf8') };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
