/**
 * A TextOutput over a Node writable stream (stdout, a file) with backpressure: write() returns
 * a promise that resolves on 'drain' when the stream's buffer is full, else nothing.
 * columns/isTTY are read live (a terminal may be resized).
 * On a terminal every write passes the last guard (scrubForTerminal): the sinks escape values,
 * and nothing but their SGR colours and newlines reaches the screen raw. Files and pipes get the
 * text exactly, including the bytes of text that is not valid UTF-8 (core/surrogate-escape.ts).
 */
import { decodeUtf8Escaped, encodeUtf8Escaped, hasEscapedBytes } from '../core/surrogate-escape.js';
import { OldGarbage } from '../core/young-garbage.js';
import type { TextOutput } from './sink.js';
import { scrubForTerminal } from './terminal-text.js';

type OutStream = NodeJS.WritableStream & { columns?: number; isTTY?: boolean };

/** A TextOutput that also takes UTF-8 bytes as they are (the table spill's rows, sqlite csv chunks). */
export interface ByteOutput extends TextOutput {
  writeBytes(bytes: Uint8Array): void | Promise<void>;
  /** The stream still holds bytes given to it (queued, not yet written): a caller must not reuse them. */
  holdsBytes?(): boolean;
}

/**
 * After writeBytes(out, bytes) (and its promise): may the caller fill that buffer again? Yes unless the
 * stream queued it (a file opened with -o is written asynchronously; stdout, a file or a pipe, synchronously on POSIX).
 */
export function bytesReusable(out: TextOutput): boolean {
  const b = out as Partial<ByteOutput>;
  if (typeof b.writeBytes !== 'function') return true; // decoded to text: the bytes were copied
  return typeof b.holdsBytes === 'function' && !b.holdsBytes();
}

/** UTF-8 bytes to out: as they are when it takes bytes, else decoded (escaped bytes kept as such). */
export function writeBytes(out: TextOutput, bytes: Uint8Array): void | Promise<void> {
  if (bytes.length === 0) return;
  const b = out as Partial<ByteOutput>;
  if (typeof b.writeBytes === 'function') return b.writeBytes(bytes);
  return out.write(decodeUtf8Escaped(bytes));
}

export function streamOutput(stream: OutStream): ByteOutput {
  const waitDrain = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        stream.off('drain', done);
        stream.off('close', done);
        stream.off('error', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
      stream.on('error', done);
    });
  // to a file or pipe (an export): dead objects moved to V8's old generation are collected as the
  // output goes by, and the young generation stops growing at 8 MB (young-garbage.ts)
  const garbage = stream.isTTY ? undefined : new OldGarbage(true);
  return {
    write(text: string): void | Promise<void> {
      if (text === '') return;
      garbage?.handled(text.length);
      const data = stream.isTTY ? scrubForTerminal(text) : hasEscapedBytes(text) ? encodeUtf8Escaped(text) : text;
      if (!stream.write(data)) return waitDrain();
    },
    writeBytes(bytes: Uint8Array): void | Promise<void> {
      if (bytes.length === 0) return;
      garbage?.handled(bytes.length);
      if (stream.isTTY) return this.write(decodeUtf8Escaped(bytes));
      if (!stream.write(bytes)) return waitDrain();
    },
    holdsBytes(): boolean {
      const queued = (stream as { writableLength?: number }).writableLength;
      return typeof queued !== 'number' || queued > 0;
    },
    get columns(): number | undefined {
      return stream.isTTY ? stream.columns : undefined;
    },
    get isTTY(): boolean {
      return stream.isTTY === true;
    },
  };
}
