/**
 * The csv fast path for DuckDB (ExecuteOptions.csv): DuckDB's own csv writer formats the rows,
 * `COPY (query) TO '<fifo>' (FORMAT csv, HEADER false)`, and sqlsh reads the named pipe and sends
 * the bytes on as 'bytes' events, so they still go out through sqlsh's one writer (the csv sink
 * wrote the header). No row objects, and no strings, are made in Node.
 *
 * The same pipe carries COPY text (a tab between values, no quoting, \N, text escaped in SQL) for the
 * aligned table and the other sinks (ExecuteOptions.copyText: 'copy-text' events), and for json and
 * jsonl, whose objects duckdb-json-rows.ts writes from it (ExecuteOptions.json: 'bytes' events).
 *
 * Taken only for one SELECT whose prepared statement describes every column with a type whose text
 * DuckDB writes as sqlsh does, or can be made to by an expression (duckdb-csv-columns.ts), with a
 * null string DuckDB treats alike (csvFastPathFor), outside a failed transaction. In a one-column text result the value
 * `\.` is quoted, as the csv sink does (BackslashDotQuoter). If the prepare or COPY's binding fails, nothing
 * was sent and the ordinary path runs the statement and reports its error.
 *
 * Memory: DuckDB runs COPY with one thread (its setting put back after): with more, its ordered
 * csv writer holds finished chunks of every thread (190 MB of peak RSS at 1M rows instead of 110).
 *
 * The pipe is made once per connection (mkfifo, in a private temp directory) and removed when the
 * connection closes or the process exits. Ctrl-C interrupts the connection; the pipe is read to its
 * end so DuckDB's writer never blocks on it.
 */
import { spawn } from 'node:child_process';
import { constants, mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnInfo, ResultEvent } from '../../core/result.js';
import { YoungGarbage } from '../../core/young-garbage.js';
import { columnPlan, copyTextEscaped, csvQuoted, isBooleanType, isNumericType, mayBeBackslashDot, mayNeedCopyEscapes, type DuckColumnType } from './duckdb-csv-columns.js';

/** The parts of @duckdb/node-api's prepared statement read here. */
export interface DuckPrepared {
  readonly statementType: number;
  readonly columnCount: number;
  columnName(i: number): string;
  columnType(i: number): DuckColumnType & { toString(): string };
  destroySync?(): void;
}

export interface CopyConn {
  prepare(sql: string): Promise<DuckPrepared>;
  run(sql: string): Promise<{ readonly rowsChanged: number | bigint }>;
}

const STATEMENT_SELECT = 1;

/**
 * At exit (process.exit() on EPIPE of `| head` too), one listener for all connections: each pipe still
 * being read is closed first, so DuckDB's writer, blocked on a full pipe that this process no longer
 * reads, fails instead of holding up the exit; then the pipes' directories are removed.
 */
const liveDirs = new Set<string>();
const liveReaders = new Set<PipeReader>();
let exitHooked = false;
function atExit(): void {
  for (const reader of liveReaders) reader.close();
  for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
  liveDirs.clear();
}
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', atExit);
}

/** A named pipe in a private temp directory, made on first use, removed on close or exit. */
export class CsvPipe {
  #dir: string | undefined;
  #making: Promise<string | undefined> | undefined;

  /**
   * The pipe's path, or undefined where no pipe can be made (no mkfifo). The first call starts
   * mkfifo without blocking the thread (a process start: tens of milliseconds on a loaded machine),
   * so the caller can prepare the statement meanwhile.
   */
  path(): Promise<string | undefined> {
    this.#making ??= this.make();
    return this.#making;
  }

  private async make(): Promise<string | undefined> {
    let dir: string | undefined;
    try {
      dir = mkdtempSync(join(tmpdir(), 'sqlsh-duckdb-'));
      this.#dir = dir;
      hookExit();
      liveDirs.add(dir);
      const path = join(dir, 'out.csv');
      const made = await new Promise<boolean>((resolve) => {
        const child = spawn('mkfifo', ['-m', '600', path], { stdio: 'ignore' });
        child.on('error', () => resolve(false));
        child.on('exit', (code) => resolve(code === 0));
      });
      return made && this.#dir === dir ? path : undefined;
    } catch {
      return undefined;
    }
  }

  remove(): void {
    if (this.#dir) {
      rmSync(this.#dir, { recursive: true, force: true });
      liveDirs.delete(this.#dir);
    }
    this.#dir = undefined;
    this.#making = Promise.resolve(undefined);
  }
}

/**
 * Null strings DuckDB's writer treats as sqlsh's csv does (NULL written as it is; a value whose text
 * equals it quoted, numbers too). DuckDB refuses one holding the quote or the delimiter; a line
 * break or a lone `\.` (quoted by the one-column rule) takes the ordinary path here.
 */
export function csvFastPathFor(nullString: string): boolean {
  return !/["\r\n,]/.test(nullString) && nullString !== '\\.';
}

/** The statement without trailing semicolons and blanks, fit to stand inside parentheses. */
function innerQuery(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}

const quoteLiteral = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * What COPY writes: sqlsh's csv (with its null string); or COPY text, for the aligned table and the
 * other sinks ('text'), or made into the json or jsonl sink's objects (duckdb-json-rows.ts).
 */
export type CopyFormat =
  | { readonly format: 'csv'; readonly nullString: string }
  | { readonly format: 'text' }
  | { readonly format: 'json'; readonly lines: boolean };

export interface CopyPlan {
  readonly copy: string;
  readonly columns: readonly ColumnInfo[];
  /** csv: one text column whose value may be `\.`, quoted as the csv sink quotes it. */
  readonly quoteBackslashDot: boolean;
  /** text: the columns whose values are numbers (right-aligned) and booleans (table-copy-text.ts). */
  readonly numeric: readonly boolean[];
  readonly booleans: readonly boolean[];
  readonly types: readonly DuckColumnType[];
}

const TAB = '\t';

/**
 * The COPY statement and the columns, or undefined when the result cannot take the fast path.
 * csv: DuckDB's writer with QUOTE '' (it quotes nothing), the quoting sqlsh's csv does made in SQL
 * (csvQuoted). text: COPY's text format made with DuckDB's csv writer: a tab between values, no
 * quoting, NULL as \N, and a text value's backslashes, tabs and newlines escaped in SQL (copyTextEscaped).
 */
export function planCopy(prepared: DuckPrepared, sql: string, target: string, tzOffsetMinutes: number, format: CopyFormat = { format: 'csv', nullString: '' }): CopyPlan | undefined {
  if (prepared.statementType !== STATEMENT_SELECT || prepared.columnCount === 0) return undefined;
  const n = prepared.columnCount;
  const text = format.format !== 'csv';
  const columns: ColumnInfo[] = [];
  const select: string[] = [];
  const names: string[] = [];
  const numeric: boolean[] = [];
  const booleans: boolean[] = [];
  const types: DuckColumnType[] = [];
  let rewritten = false;
  for (let i = 0; i < n; i++) {
    const t = prepared.columnType(i);
    const type: DuckColumnType = { typeId: t.typeId, ...(t.alias ? { alias: t.alias } : {}) };
    columns.push({ name: prepared.columnName(i), type: t.alias ?? t.toString() });
    types.push(type);
    numeric.push(isNumericType(type));
    booleans.push(isBooleanType(type));
    const ref = `c${i + 1}`;
    names.push(ref);
    const plan = columnPlan(type, ref, tzOffsetMinutes);
    if (plan.kind === 'no') return undefined;
    let expr = plan.kind === 'expr' ? plan.sql.replace(/\s*\n\s*/g, ' ') : undefined;
    if (text && mayNeedCopyEscapes(type)) expr = copyTextEscaped(expr ?? ref);
    if (format.format === 'csv') expr = csvQuoted(type, expr ?? ref, format.nullString) ?? expr;
    if (expr !== undefined) rewritten = true;
    // on one line: an error's LINE n in the COPY text is then line n of the statement as typed
    select.push(expr !== undefined ? `${expr} AS ${ref}` : ref);
  }
  const inner = innerQuery(sql);
  // A trailing line comment in the query would hide the closing parenthesis: hence the newline.
  const query = rewritten ? `SELECT ${select.join(', ')} FROM (${inner}\n) AS sqlsh_q(${names.join(', ')})` : `${inner}\n`;
  const options = text
    ? `FORMAT csv, HEADER false, DELIMITER ${quoteLiteral(TAB)}, QUOTE '', NULLSTR '\\N', USE_TMP_FILE false`
    : `FORMAT csv, HEADER false, QUOTE '', NULLSTR ${quoteLiteral(format.nullString)}, USE_TMP_FILE false`;
  return {
    copy: `COPY (${query}) TO ${quoteLiteral(target)} (${options})`,
    columns,
    quoteBackslashDot: !text && n === 1 && mayBeBackslashDot(prepared.columnType(0)),
    numeric,
    booleans,
    types,
  };
}

/**
 * Reads the pipe on the event loop (a non-blocking pipe handle, one reused 64 KiB buffer, each piece
 * copied out of it) while COPY runs. A writer end of our own holds the pipe open from the start, so the reader never sees an
 * early end of file (before DuckDB opens it) and never blocks in open() (when COPY fails before
 * opening it); release() drops it once COPY is over, and the reader then ends after DuckDB's bytes.
 */
export class PipeReader {
  readonly #socket: Socket;
  readonly #queue: Buffer[] = [];
  readonly #young = new YoungGarbage();
  #writer: number | undefined;
  #ended = false;
  #paused = false;
  #error: Error | undefined;
  #wake: (() => void) | undefined;
  bytes = 0;

  constructor(path: string) {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      this.#writer = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (err) {
      closeSync(fd);
      throw err;
    }
    hookExit();
    liveReaders.add(this);
    const buffer = Buffer.allocUnsafe(1 << 16);
    // onread (Node's reused read buffer) is in net.Socket's options since Node 12; @types lacks it there.
    this.#socket = new Socket({
      fd,
      readable: true,
      writable: false,
      onread: {
        buffer,
        callback: (n: number, buf: Uint8Array): boolean => {
          this.bytes += n;
          if (n > 0) this.#queue.push(Buffer.from(buf.subarray(0, n)));
          // the pieces live outside V8's heap: collect them every 2 MB (a scavenge of almost nothing)
          this.#young.handled(n);
          this.#wake?.();
          // a few pieces ahead of the writer at most: then the pipe fills and DuckDB waits
          this.#paused = this.#queue.length >= 4;
          return !this.#paused;
        },
      },
    } as ConstructorParameters<typeof Socket>[0]);
    this.#socket.on('end', () => {
      this.#ended = true;
      this.#wake?.();
    });
    this.#socket.on('error', (err) => {
      this.#error = err;
      this.#wake?.();
    });
  }

  /** COPY is over: the reader ends once DuckDB's bytes are read. */
  release(): void {
    if (this.#writer === undefined) return;
    closeSync(this.#writer);
    this.#writer = undefined;
  }

  /** The next bytes, or undefined at the end. */
  async next(): Promise<Buffer | undefined> {
    for (;;) {
      const piece = this.#queue.shift();
      if (piece !== undefined) {
        if (this.#paused && this.#queue.length < 4) {
          this.#paused = false;
          this.#socket.resume();
        }
        return piece;
      }
      if (this.#error) throw this.#error;
      if (this.#ended) return undefined;
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = undefined;
    }
  }

  close(): void {
    liveReaders.delete(this);
    this.release();
    this.#socket.destroy();
  }
}

/** Events of the fast path, after 'columns': text pieces; the count of rows at the end. */
export type CopyEvent = ResultEvent;

/**
 * For a one-column result: quotes a record that is exactly `\.` (csv sink does, so that the line
 * does not read as COPY's end-of-data marker; DuckDB's writer leaves it bare). A record starts after
 * a newline that is outside quotes; in csv, outside quotes means an even number of '"' so far.
 * A piece ending in the middle of a possible `\.` line keeps up to two characters for the next one.
 */
export class BackslashDotQuoter {
  #quotes = 0;
  #atStart = true; // the last character given out was a newline outside quotes (or nothing yet)
  #carry = '';

  push(piece: string): string {
    let text = this.#carry + piece;
    this.#carry = '';
    // hold back a tail that could be the start of a `\.` line: '\' or '\.' at a record start
    const tail = text.endsWith('\\.') ? 2 : text.endsWith('\\') ? 1 : 0;
    if (tail) {
      this.#carry = text.slice(text.length - tail);
      text = text.slice(0, text.length - tail);
    }
    let out = '';
    let from = 0;
    for (;;) {
      const hit = text.indexOf('\\.\n', from);
      if (hit < 0) break;
      this.count(text, from, hit);
      const start = hit === 0 ? this.#atStart : text.charCodeAt(hit - 1) === 10;
      if (start && this.#quotes % 2 === 0) {
        out += text.slice(from, hit) + '"\\."\n';
        this.#atStart = true;
      } else {
        out += text.slice(from, hit + 3);
        this.#atStart = this.#quotes % 2 === 0;
      }
      from = hit + 3;
    }
    this.count(text, from, text.length);
    if (text.length > from) this.#atStart = text.charCodeAt(text.length - 1) === 10 && this.#quotes % 2 === 0;
    return out + text.slice(from);
  }

  /** What is held back, at the end (a `\.` without its newline is not a record of its own here). */
  end(): string {
    const rest = this.#carry;
    this.#carry = '';
    return rest;
  }

  private count(text: string, from: number, to: number): void {
    for (let i = text.indexOf('"', from); i >= 0 && i < to; i = text.indexOf('"', i + 1)) this.#quotes++;
  }
}
