/**
 * A script's results to a file, a pipe or /dev/null, written to the file descriptor itself.
 *
 * Node's stdout stream for a file is a SyncWriteStream and for a pipe a socket in blocking mode: both
 * write each chunk at once, so writing the descriptor directly gives the same bytes in the same order.
 * What it saves is the making of that stream, which loads Node's stream modules: several
 * milliseconds of a `sqlsh FILE.db -c "..."` start-up. The writes are the stream's writes (one
 * writeSync per chunk), so nothing else changes: an export's memory, the order with stderr, a
 * reader that goes away (EPIPE, or ECONNRESET from a socket: `onBrokenPipe`, as the stream's 'error' was).
 *
 * A descriptor someone left in non-blocking mode (EAGAIN) hands the rest of the output to the
 * stream `fallback()` gives, which waits for the pipe as Node's stdout always has.
 *
 * A terminal (`-o /dev/tty`) gets what stream-output.ts gives one: every write through the last
 * guard (scrubForTerminal), bytes decoded first. Files and pipes get the text exactly.
 */
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { decodeUtf8Escaped, encodeUtf8Escaped, hasEscapedBytes } from '../core/surrogate-escape.js';
import { OldGarbage } from '../core/young-garbage.js';
import { maybeTerminal } from '../core/maybe-terminal.js';
import { isReaderGone } from '../core/reader-gone.js';
import { streamOutput, type ByteOutput } from './stream-output.js';
import { scrubForTerminal } from './terminal-text.js';

/** Is the descriptor a terminal? A file, a pipe or /dev/null is answered without node:tty (core/maybe-terminal.ts). */
export function isTerminal(fd: number): boolean {
  return maybeTerminal(fd) && isatty(fd);
}

/** Results written to fd 1 (stdout) when it is not a terminal. */
export function fdOutput(onBrokenPipe: () => void, fd: number, fallbackStream: () => NodeJS.WritableStream): ByteOutput {
  const terminal = isTerminal(fd);
  const garbage = new OldGarbage(true);
  let fallback: ByteOutput | undefined;
  const put = (data: Uint8Array): void | Promise<void> => {
    let done = 0;
    try {
      while (done < data.length) done += writeSync(fd, data, done, data.length - done);
    } catch (e) {
      if (isReaderGone(e)) return onBrokenPipe();
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      fallback = streamOutput(fallbackStream());
      return fallback.writeBytes(data.subarray(done));
    }
  };
  return {
    write(text: string): void | Promise<void> {
      if (text === '') return;
      if (fallback) return fallback.write(text);
      garbage.handled(text.length);
      if (terminal) return put(Buffer.from(scrubForTerminal(text), 'utf8'));
      return put(hasEscapedBytes(text) ? encodeUtf8Escaped(text) : Buffer.from(text, 'utf8'));
    },
    writeBytes(bytes: Uint8Array): void | Promise<void> {
      if (bytes.length === 0) return;
      if (fallback) return fallback.writeBytes(bytes);
      if (terminal) return this.write(decodeUtf8Escaped(bytes));
      garbage.handled(bytes.length);
      return put(bytes);
    },
    holdsBytes(): boolean {
      return fallback?.holdsBytes?.() ?? false; // written before write() returns
    },
    columns: undefined,
    isTTY: terminal,
  };
}
