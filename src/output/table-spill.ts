/**
 * A spill file for the aligned table: rows of rendered cells written to a temporary file while
 * the column widths are measured over the whole result, then read back in order. The first
 * MEMORY_BYTES of records stay in memory and the file is made only when more come, so a small
 * result (most statements of a script) touches no file.
 *
 * The file lives in os.tmpdir() and is unlinked as soon as it is open (POSIX), so it disappears
 * whatever happens to the process (Ctrl-C, an error, a kill); where an open file cannot be
 * unlinked (Windows) it is removed by close() or, at the latest, when the process exits.
 *
 * Record format: one row per record, ended by RS (U+001E); cells separated by US (U+001F); each
 * cell is one flag character ('n' number, 'z' NULL, 't' text), its width in cells, ':', then the
 * cell's escaped text (written by table-sink.ts).
 * Escaped text (escape.ts) never holds a C0 control other than '\n', so RS and US cannot clash,
 * and in UTF-8 no byte of a multi-byte character is below 0x80: the file is read back as bytes
 * (table-replay.ts).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync } from 'node:fs';
import { writeAllAt } from '../core/write-all.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OldGarbage } from '../core/young-garbage.js';

export const CELL_SEP = '\x1f';
export const ROW_END = '\x1e';
const ROW_END_BYTE = 0x1e;
const READ_CHUNK = 1 << 17;
/** Records held in memory before the file is made. */
const MEMORY_BYTES = 1 << 20;

/** An abandoned spill (a statement cancelled or failed mid-result: end() never came) closes its file when collected. */
const abandoned = new FinalizationRegistry<{ fd: number }>((held) => {
  if (held.fd >= 0) closeSync(held.fd);
});

export class TableSpill {
  readonly #held: { fd: number } = { fd: -1 };
  #dir: string | undefined;
  #written = 0;
  /** The records while they are few (no file yet); undefined once the file is made. */
  #memory: Buffer[] | undefined = [];
  readonly #removeOnExit = (): void => this.#removeDir();
  /**
   * The spill is where a long table's rows go while it is measured: its dead objects promoted to V8's
   * old generation are collected as they go by, as an export's are (output/stream-output.ts). Without it
   * a DuckDB table of 1M rows, whose rows are objects, peaked at 150 MB, 25 MB of it dead rows.
   */
  readonly #garbage = new OldGarbage(true);

  #open(): void {
    const dir = mkdtempSync(join(tmpdir(), 'sqlsh-table-'));
    const path = join(dir, 'rows');
    this.#held.fd = openSync(path, 'w+', 0o600);
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
    this.appendBytes(Buffer.from(text, 'utf8'));
  }

  /** Records already as UTF-8 bytes (table-copy-text.ts). */
  appendBytes(buf: Uint8Array): void {
    if (buf.length === 0) return;
    const memory = this.#memory;
    if (memory) {
      if (this.#written + buf.length <= MEMORY_BYTES) {
        memory.push(Buffer.from(buf)); // a copy: the caller's buffer may be a view it reuses
        this.#written += buf.length;
        return;
      }
      this.#memory = undefined;
      this.#open();
      const held = Buffer.concat(memory, this.#written);
      this.#written = 0;
      this.#writeAll(held);
    }
    this.#writeAll(buf);
  }

  #writeAll(buf: Uint8Array): void {
    writeAllAt(this.#held.fd, buf, this.#written);
    this.#written += buf.length;
    this.#garbage.handled(buf.length);
  }

  /**
   * The file's bytes in order, in chunks that hold whole records only (each chunk ends with ROW_END;
   * a record longer than a chunk makes the chunk grow). A chunk is only valid until the next one.
   */
  *chunks(): Generator<Buffer> {
    if (this.#memory) {
      // Each append holds whole records, so the joined memory ends with ROW_END.
      if (this.#written > 0) yield Buffer.concat(this.#memory, this.#written);
      return;
    }
    let buf = Buffer.allocUnsafe(READ_CHUNK);
    let pos = 0;
    let kept = 0; // bytes of an unfinished record at buf's start
    while (pos < this.#written) {
      if (kept === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, kept);
        buf = bigger;
      }
      const n = readSync(this.#held.fd, buf, kept, Math.min(buf.length - kept, this.#written - pos), pos);
      if (n <= 0) break;
      pos += n;
      const filled = kept + n;
      const end = buf.lastIndexOf(ROW_END_BYTE, filled - 1) + 1;
      if (end > 0) yield buf.subarray(0, end);
      kept = filled - end;
      if (kept > 0) buf.copy(buf, 0, end, filled);
    }
  }

  close(): void {
    this.#memory = undefined;
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
