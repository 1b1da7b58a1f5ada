/** Opens the destination of \o: a file (truncated) or a shell command's standard input. */
import { createWriteStream } from 'node:fs';
import { spawn } from 'node:child_process';
import { streamOutput } from '../output/stream-output.js';
import type { TextOutput } from '../output/sink.js';

export type RedirectedOutput = TextOutput & { close(): Promise<void>; readonly description: string };

export async function openOutput(target: { file: string } | { command: string }, _source?: string): Promise<RedirectedOutput> {
  if ('file' in target) {
    const stream = createWriteStream(target.file);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    const out = streamOutput(stream);
    return {
      write: (t) => out.write(t),
      description: target.file,
      close: () => new Promise<void>((resolve) => stream.end(() => resolve())),
    };
  }
  const child = spawn('/bin/sh', ['-c', target.command], {
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  child.stdin.on('error', () => undefined); // the command may exit before reading everything
  const out = streamOutput(child.stdin);
  return {
    write: (t) => out.write(t),
    description: `|${target.command}`,
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
