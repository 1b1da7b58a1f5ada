/** Reads a line from the terminal without echoing it (passwords). Ctrl-C / Ctrl-D reject with CancelledError. */
import { closeSync, openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import type { Readable } from 'node:stream';
import { CancelledError } from '../core/errors.js';
import { safeText } from '../output/terminal-text.js';
import { stderrTerminal } from '../output/terminal-writer.js';

/** On standard input (the prompt on standard error), or on the controlling terminal's own streams. */
export function promptHidden(prompt: string, tty?: { readonly input: ReadStream; readonly output: WriteStream }): Promise<string> {
  return new Promise((resolve, reject) => {
    const input: NodeJS.ReadStream | ReadStream = tty ? tty.input : process.stdin;
    const output: NodeJS.WritableStream = tty ? tty.output : process.stderr;
    if (!input.isTTY) {
      reject(new Error('no terminal to ask for a password on'));
      return;
    }
    // Echo goes off before the prompt is shown: a password typed (or pasted) the moment the prompt
    // appears must never be echoed by the terminal, even if this process is descheduled in between.
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    output.write(safeText(prompt)); // 'Password for user NAME:' quotes a name from outside
    input.resume();
    let value = '';
    const done = (err?: Error) => {
      input.setRawMode(wasRaw);
      input.pause();
      input.off('data', onData);
      output.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      const chars = [...chunk.toString('utf8')];
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i]!;
        if (ch === '\r' || ch === '\n') {
          // what was typed after the Enter (the next answer, typed ahead) is read by whoever reads next
          const rest = chars.slice(i + 1).join('');
          done();
          if (rest !== '') input.unshift(Buffer.from(rest, 'utf8'));
          return;
        }
        if (ch === '\u0003') return done(new CancelledError('password entry cancelled'));
        if (ch === '\u0004' && value === '') return done(new CancelledError('password entry cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch === '\u0015') value = '';
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}

/**
 * The mysql client's -p alone: the password asked for before connecting, as the client asks: on the
 * terminal (standard input, or the controlling terminal when a script comes on standard input, as in
 * `mysql -p db < x.sql`), without echo; with no terminal at all, the prompt goes to standard error and
 * the first line of standard input is the password (the rest stays the script), as the client reads it.
 */
export async function askPasswordFirst(prompt: string): Promise<string> {
  if (process.stdin.isTTY) return promptHidden(prompt);
  let tty: { input: ReadStream; output: WriteStream } | undefined;
  try {
    const r = openSync('/dev/tty', 'r');
    let w: number | undefined;
    try {
      w = openSync('/dev/tty', 'w');
      tty = { input: new ReadStream(r), output: new WriteStream(w) }; // the prompt and a newline only
    } catch {
      if (w !== undefined) closeSync(w);
      closeSync(r);
    }
  } catch {
    // no controlling terminal
  }
  if (tty) {
    try {
      return await promptHidden(prompt, tty);
    } finally {
      tty.input.destroy();
      tty.output.destroy();
    }
  }
  stderrTerminal().write(safeText(prompt));
  return readLine(process.stdin);
}

/** One line of a stream (without its line end); what follows it is left to be read next. */
function readLine(input: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = Buffer.alloc(0);
    const finish = (line: Buffer, rest?: Buffer): void => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onError);
      input.pause();
      if (rest && rest.length > 0) input.unshift(rest);
      resolve(line.toString('utf8').replace(/\r$/, ''));
    };
    const onData = (chunk: Buffer): void => {
      seen = Buffer.concat([seen, chunk]);
      const nl = seen.indexOf(10);
      if (nl >= 0) finish(seen.subarray(0, nl), seen.subarray(nl + 1));
    };
    const onEnd = (): void => finish(seen);
    const onError = (e: Error): void => {
      input.off('data', onData);
      input.off('end', onEnd);
      reject(e);
    };
    input.on('data', onData);
    input.on('end', onEnd);
    input.on('error', onError);
  });
}
