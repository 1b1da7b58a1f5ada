/**
 * COPY ... FROM STDIN and COPY ... TO STDOUT through the PostgreSQL COPY protocol. FROM STDIN
 * (pg-copy-streams) sends the data the caller gives (ExecuteOptions.copyData: a script's inline lines
 * up to `\.`); TO STDOUT (postgres-copy-out.ts) yields the server's bytes as 'text' events, written
 * where results go, with no status line after them (as psql: the 'done' event's copyStatus is written
 * only when `\g FILE` took the rows), and the notices sent meanwhile.
 */
import { createRequire } from 'node:module';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SqlError } from '../../core/errors.js';
import { CopyOut } from './postgres-copy-out.js';
import type { ResultEvent } from '../../core/result.js';
import type { ExecuteOptions } from '../engine.js';
import type { PgClient } from './postgres-driver.js';

/** What COPY needs from its connection. */
export interface CopyHost {
  readonly client: PgClient;
  cancel(): Promise<void>;
  translate(err: unknown, opts: ExecuteOptions): Error;
}

type CopyStreams = { from(text: string): Writable & { readonly rowCount: number } };
let streams: CopyStreams | undefined;
/** pg-copy-streams is CommonJS and small: loaded on the first COPY ... FROM STDIN only. */
const load = (): CopyStreams => (streams ??= createRequire(import.meta.url)('pg-copy-streams') as CopyStreams);

/** The bytes of a COPY ... TO STDOUT stream as text events, UTF-8 sequences never cut between chunks. */
export async function* copyOutText(stream: Readable): AsyncGenerator<ResultEvent> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    const text = decoder.write(chunk as Buffer);
    if (text !== '') yield { type: 'text', text };
  }
  const tail = decoder.end();
  if (tail !== '') yield { type: 'text', text: tail };
}

/**
 * Data read as it is sent (a script read a piece at a time): nothing before the server takes it (a COPY
 * that fails first leaves the lines to be read as SQL), then each piece as the server keeps up; after a
 * failure the pieces are read on and dropped, as psql reads a COPY's lines up to `\.` before it reports.
 */
async function sendPieces(stream: Writable, data: AsyncIterable<string>, accepted: Promise<void>, finished: Promise<void>): Promise<void> {
  let failed = false;
  const failure = finished.then(() => undefined, () => void (failed = true));
  await Promise.race([accepted, failure]);
  if (failed) return;
  for await (const piece of data) {
    if (failed) continue;
    if (!stream.write(piece, 'utf8')) await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), failure]);
  }
  if (!failed) stream.end();
}

/** direction: src/sql/copy-statement.ts's (COPY ... FROM STDIN reads the client's data, COPY ... TO STDOUT writes it). */
export async function* copyStdio(host: CopyHost, sql: string, direction: 'in' | 'out', opts: ExecuteOptions): AsyncGenerator<ResultEvent> {
  const onAbort = (): void => void host.cancel();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (direction === 'in') {
      if (opts.copyData === undefined) {
        throw new SqlError('COPY ... FROM STDIN reads its data from a script (the lines after it, up to a line \\.); interactively use \\copy ... FROM a file', { code: '0A000' });
      }
      const query = load().from(sql) as Writable & { readonly rowCount: number; handleCopyInResponse(connection: unknown): void };
      const onCopyIn = opts.onCopyIn;
      // the server takes the data: say so before it is sent (a COPY that fails before this read none of it)
      let accept!: () => void;
      const accepted = new Promise<void>((resolve) => (accept = resolve));
      const takes = query.handleCopyInResponse.bind(query);
      query.handleCopyInResponse = (connection: unknown) => {
        onCopyIn?.();
        accept();
        takes(connection);
      };
      const stream = host.client.query(query as never) as unknown as Writable & { readonly rowCount: number };
      const finished = new Promise<void>((resolve, reject) => stream.once('finish', resolve).once('error', reject));
      const data = opts.copyData;
      if (typeof data === 'string') stream.end(data, 'utf8');
      else await sendPieces(stream, data, accepted, finished);
      await finished;
      yield { type: 'done', command: `COPY ${stream.rowCount}`, affected: stream.rowCount };
      return;
    }
    const notices: ResultEvent[] = [];
    const stream = host.client.query(new CopyOut(sql, (message, severity, position, extra) => notices.push({ type: 'notice', message, ...(severity ? { severity } : {}), ...(position !== undefined ? { position } : {}), ...(extra ? { extra } : {}) })) as never) as unknown as CopyOut;
    for await (const ev of copyOutText(stream)) {
      yield ev;
      if (notices.length > 0) yield* notices.splice(0);
    }
    if (notices.length > 0) yield* notices.splice(0);
    await stream.completed; // (its CommandComplete, with the row count, comes after the rows)
    // no status line, and ROW_COUNT 0 after it, as psql; its status for \g FILE
    yield { type: 'done', copyStatus: `COPY ${stream.rowCount}` };
  } catch (err) {
    if (err instanceof SqlError) throw err;
    throw host.translate(err, opts);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
