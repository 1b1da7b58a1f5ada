/**
 * Output through a pager process (less by default). The pager's stdin is a pipe we write to with
 * backpressure; its stdout/stderr are the terminal. When the user quits the pager before the
 * output is complete (the pipe breaks, EPIPE), the output stops accepting text quietly and
 * closedEarly becomes true, so the caller can cancel the running query.
 *
 * Command: the given one, else $PAGER, else 'less -SRXF' (run through the shell, so arguments and
 * pipelines work). LESS=-SRXF is set for the pager only when LESS is unset.
 */
import { scrubForTerminal } from './terminal-text.js';
import { spawn } from 'node:child_process';
import type { TextOutput } from './sink.js';

export interface PagerOutput extends TextOutput {
  /** Ends the pager's input and waits until the pager exits. */
  close(): Promise<void>;
  /** True when the pager went away before close() (the user quit it, or it failed). */
  readonly closedEarly: boolean;
}

export const DEFAULT_PAGER = 'less -SRXF';

export async function openPager(
  command: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
  terminal: { readonly columns?: number } = process.stdout,
): Promise<PagerOutput> {
  const cmd = command?.trim() || env['PAGER']?.trim() || DEFAULT_PAGER;
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  if (childEnv['LESS'] === undefined) childEnv['LESS'] = '-SRXF';

  const child = spawn(cmd, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: childEnv });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', (e) => reject(new Error(`could not start the pager '${cmd}': ${e.message}; set another with \\pager CMD or $PAGER`)));
  });

  const stdin = child.stdin!;
  let closing = false;
  let gone = false; // the pager's input can no longer be written
  let closedEarly = false;
  const waiters = new Set<() => void>();
  const wakeAll = (): void => {
    for (const w of waiters) w();
    waiters.clear();
  };
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.once('exit', () => {
    gone = true;
    if (!closing) closedEarly = true;
    wakeAll();
  });
  stdin.on('error', () => {
    // EPIPE (the user quit) or any other write failure: stop quietly.
    gone = true;
    if (!closing) closedEarly = true;
    wakeAll();
  });
  stdin.on('drain', wakeAll);

  return {
    write(text: string): void | Promise<void> {
      if (gone || closing || text === '') return;
      // The pager shows it on the terminal (less -R passes SGR through): the same last guard as stdout.
      if (stdin.write(scrubForTerminal(text))) return;
      return new Promise<void>((resolve) => {
        if (gone) return resolve();
        waiters.add(resolve);
      });
    },
    get columns(): number | undefined {
      return terminal.columns;
    },
    isTTY: true,
    get closedEarly(): boolean {
      return closedEarly;
    },
    async close(): Promise<void> {
      if (!closing) {
        closing = true;
        if (!gone) stdin.end();
      }
      await exited;
    },
  };
}
