/** `\e` and Ctrl-X: edit text in $VISUAL / $EDITOR (default vi) and return the result. */
import { spawnSync } from 'node:child_process';
import { withOriginalTerminal } from './quiet-terminal.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ExternalEdit {
  readonly text: string;
  /** Set when the editor could not be run or exited with an error; `text` is then the input. */
  readonly error?: string;
}

export function editorCommand(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.VISUAL || env.EDITOR || 'vi';
}

/**
 * Write `text` to a temporary .sql file, run the editor on it with the terminal inherited
 * (the caller must have left raw mode), read it back. One trailing newline is dropped.
 */
export function editExternally(text: string, env: Readonly<Record<string, string | undefined>> = process.env): ExternalEdit {
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-'));
  const file = join(dir, 'query.sql');
  try {
    writeFileSync(file, text.endsWith('\n') || text === '' ? text : text + '\n', { mode: 0o600 });
    const cmd = editorCommand(env);
    // The editor gets the terminal as the user set it (echo, line editing), not the quiet mode kept between reads.
    const r = withOriginalTerminal(() => spawnSync(`${cmd} '${file.replace(/'/g, `'\\''`)}'`, { shell: true, stdio: 'inherit', env: { ...env } }));
    if (r.error) return { text, error: `could not run editor '${cmd}': ${r.error.message}` };
    if (r.status !== 0) return { text, error: `editor '${cmd}' exited with status ${r.status ?? r.signal}` };
    return { text: readFileSync(file, 'utf8').replace(/\r?\n$/, '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
