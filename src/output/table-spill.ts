/**
 * A spill file for the aligned table: rows of rendered cells written to a temporary file while
 * the column widths are measured over the whole result, then read back in order.
 *
 * The file lives in os.tmpdir() and is unlinked as soon as it is open (POSIX), so it disappears
 * whatever happens to the process (Ctrl-C, an error, a kill); where an open file cannot be
 * unlinked (Windows) it is removed by close() or, at the latest, when the process exits.
 *
 * Record format: one row per record, ended by RS (U+001E); cells separated by US (U+001F); each
 * cell is one flag character ('n' number, 'z' NULL, 't' text), its width in cells, ':', then the
 * cell's escaped text (written by table-sink.ts).
 * Escaped text (escape.ts) never holds a C0 control other than '\n', so RS and US cannot clash.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

export const CELL_SEP = '\x1f';
export const ROW_END = '\x1e';
const READ_CHUNK = 1 << 17;

/** An abandoned spill (a statement cancelled or failed mid-result: end() never came) closes its file when collected. */
const abandoned = new FinalizationRegistry<{ fd: number }>((held) => {
  if (held.fd >= 0) closeSync(held.fd);
});

export class TableSpill {
  readonly #held: { fd: number };
  #dir: string | undefined;
  #written = 0;
  readonly #removeOnExit = (): void => this.#removeDir();

  constructor() {
    const dir = mkdtempSync(join(tmpdir(), 'sqlsh-table-'));
    const path = join(dir, 'rows');
    this.#held = { fd: openSync(path, 'w+', 0o600) };
    abandoned.register(this, this.#held, this);
    this.#dir = dir;
    try {
      unlinkSync(path);
      rmSync(dir, { recursive: true, force: true });
      this.#dir = undefined;
    } catch {
      process.once('exit', this.#removeOnExit);
    }
  }

  /** The directory still on disk (only where an open file cannot be unlinked). */
  get path(): string | undefined {
    return this.#dir;
  }

  append(text: string): void {
    if (text === '') return;
    const buf = Buffer.from(text, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(this.#held.fd, buf, off, buf.length - off, this.#written + off);
    this.#written += buf.length;
  }

  /** Every record in order, in groups (one group per chunk read), without the terminators. */
  *records(): Generator<string[]> {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    const decoder = new StringDecoder('utf8');
    let pos = 0;
    let rest = '';
    while (pos < this.#written) {
      const n = readSync(this.#held.fd, buf, 0, Math.min(READ_CHUNK, this.#written - pos), pos);
      if (n <= 0) break;
      pos += n;
      const text = rest + decoder.write(buf.subarray(0, n));
      const parts = text.split(ROW_END);
      rest = parts.pop()!;
      if (parts.length > 0) yield parts;
    }
    rest += decoder.end();
    if (rest !== '') yield rest.split(ROW_END).filter((r) => r !== '');
  }

  close(): void {
    if (this.#held.fd >= 0) {
      closeSync(this.#held.fd);
      this.#held.fd = -1;
      abandoned.unregister(this);
    }
    this.#removeDir();
  }

  #removeDir(): void {
    if (this.#dir === undefined) return;
    rmSync(this.#dir, { recursive: true, force: true });
    this.#dir = undefined;
    process.off('exit', this.#removeOnExit);
  }
}
