/**
 * COPY ... FROM STDIN and COPY ... TO STDOUT through the PostgreSQL COPY protocol (pg-copy-streams).
 * FROM STDIN sends the data the caller gives (ExecuteOptions.copyData: a script's inline lines up to
 * `\.`); TO STDOUT yields the server's bytes as 'text' events, written where results go, with no
 * status line after them (as psql).
 */
import { createRequire } from 'node:module';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SqlError } from '../../core/errors.js';
import type { ResultEvent } from '../../core/result.js';
import type { ExecuteOptions } from '../engine.js';
import type { CopyHost } from './postgres-copy-csv.js';

type CopyStreams = {
  from(text: string): Writable & { readonly rowCount: number };
  to(text: string): Readable & { readonly rowCount: number };
};
let streams: CopyStreams | undefined;
/** pg-copy-streams is CommonJS and small: loaded on the first COPY only. */
export const loadCopyStreams = (): CopyStreams => (streams ??= createRequire(import.meta.url)('pg-copy-streams') as CopyStreams);
const load = loadCopyStreams;

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

const NOTICE_RESPONSE = 0x4e;
const IN_MESSAGE = 2; // pg-copy-streams' decoder state while it reads a message's content

/**
 * pg-copy-streams reads the socket itself during COPY ... TO and drops the NoticeResponse messages
 * it meets (RAISE NOTICE in a function the query calls). This catches them as its decoder takes their
 * content from its buffer, and hands each whole notice to onNotice; where the stream is not shaped so
 * (another version), nothing changes.
 */
export function captureCopyNotices(stream: object, onNotice: (message: string, severity?: string) => void): void {
  const s = stream as { _buffer?: { take?: (n: number) => Buffer }; _code?: number; _state?: number; _unreadMessageContentLength?: number };
  const buffer = s._buffer;
  if (!buffer || typeof buffer.take !== 'function' || s._state === undefined || s._unreadMessageContentLength === undefined) return;
  const take = buffer.take.bind(buffer);
  let parts: Buffer[] = [];
  buffer.take = (n: number): Buffer => {
    const chunk = take(n);
    if (s._code === NOTICE_RESPONSE && s._state === IN_MESSAGE) {
      parts.push(Buffer.from(chunk));
      if (s._unreadMessageContentLength === n) {
        const notice = noticeFields(Buffer.concat(parts));
        parts = [];
        if (notice.message !== undefined) onNotice(notice.message, notice.severity);
      }
    }
    return chunk;
  };
}

/** A NoticeResponse's fields: (type byte, text, NUL)* then NUL. */
function noticeFields(body: Buffer): { message?: string; severity?: string } {
  const out: { message?: string; severity?: string } = {};
  let p = 0;
  while (p < body.length && body[p] !== 0) {
    const type = body[p++]!;
    const end = body.indexOf(0, p);
    if (end < 0) break;
    const text = body.toString('utf8', p, end);
    if (type === 0x4d) out.message = text; // M
    else if (type === 0x53) out.severity = text; // S
    p = end + 1;
  }
  return out;
}

/** Direction of a COPY that uses the client's standard input or output. */
export function copyDirection(sql: string): 'in' | 'out' {
  return /\bfrom\s+(?:stdin|pstdin)\b/i.test(sql) ? 'in' : 'out';
}

export async function* copyStdio(host: CopyHost, sql: string, opts: ExecuteOptions): AsyncGenerator<ResultEvent> {
  const onAbort = (): void => void host.cancel();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (copyDirection(sql) === 'in') {
      if (opts.copyData === undefined) {
        throw new SqlError('COPY ... FROM STDIN reads its data from a script (the lines after it, up to a line \\.); interactively use \\copy ... FROM a file', { code: '0A000' });
      }
      const stream = host.client.query(load().from(sql) as never) as unknown as Writable & { readonly rowCount: number };
      await new Promise<void>((resolve, reject) => {
        stream.once('finish', resolve).once('error', reject);
        stream.end(opts.copyData, 'utf8');
      });
      yield { type: 'done', command: `COPY ${stream.rowCount}`, affected: stream.rowCount };
      return;
    }
    const stream = host.client.query(load().to(sql) as never) as unknown as Readable & { readonly rowCount: number };
    const notices: ResultEvent[] = [];
    captureCopyNotices(stream, (message, severity) => notices.push({ type: 'notice', message, ...(severity ? { severity } : {}) }));
    for await (const ev of copyOutText(stream)) {
      yield ev;
      if (notices.length > 0) yield* notices.splice(0);
    }
    if (notices.length > 0) yield* notices.splice(0);
    yield { type: 'done' }; // no status line, and ROW_COUNT 0 after it, as psql
  } catch (err) {
    if (err instanceof SqlError) throw err;
    throw host.translate(err, opts);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
