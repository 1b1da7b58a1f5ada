/**
 * The csv fast path: the server formats the rows (COPY (query) TO STDOUT WITH (FORMAT csv)) and
 * the bytes go to the output as they arrive, with no row objects in between.
 *
 * Taken only outside a transaction, for an eligible query (postgres-copy-query.ts). First a
 * LIMIT 0 probe describes the columns (names and types, for the header and for the three type
 * families whose text sqlsh writes differently); if the probe fails, nothing was sent and the
 * ordinary path runs the statement and reports its error with the right position.
 *
 * Notices sent during COPY are dropped by pg-copy-streams (the ordinary path shows them);
 * Ctrl-C sends the usual cancel request and COPY ends with CancelledError.
 */
import type { Readable } from 'node:stream';
import type { ColumnInfo, ResultEvent } from '../../core/result.js';
import type { ExecuteOptions } from '../engine.js';
import type { PgClient, PgFieldDesc } from './postgres-driver.js';
import { copyCsvStatement, describeQuery, isFloatType } from './postgres-copy-query.js';
import { copyOutText, loadCopyStreams } from './postgres-copy-stdio.js';


export interface CopyHost {
  readonly client: PgClient;
  columnType(f: PgFieldDesc): string;
  cancel(): Promise<void>;
  translate(err: unknown, opts: ExecuteOptions): Error;
  isDead(): boolean;
}


interface Described {
  readonly fields: readonly PgFieldDesc[];
}

/**
 * Runs query through COPY and yields 'columns', 'text' events and 'done'. Returns false (having
 * yielded nothing) when the fast path does not apply after all: the caller runs the ordinary path.
 */
export async function* copyCsv(host: CopyHost, query: string, opts: ExecuteOptions): AsyncGenerator<ResultEvent, boolean> {
  const client = host.client;
  let described: Described;
  try {
    described = (await client.query({ text: describeQuery(query), rowMode: 'array' })) as unknown as Described;
  } catch {
    return false; // the ordinary path reports the statement's own error
  }
  const fields = described.fields;
  if (!fields || fields.length === 0) return false;
  if (fields.some((f) => isFloatType(f.dataTypeID)) && !(await shortestFloats(client))) return false;
  const columns: ColumnInfo[] = fields.map((f) => Object.freeze({ name: f.name, type: host.columnType(f) }));
  const stream = client.query(
    loadCopyStreams().to(copyCsvStatement(query, fields.map((f) => f.dataTypeID), opts.csv!.nullString)) as never,
  ) as unknown as Readable & { readonly rowCount: number };
  let finished = false;
  const onAbort = (): void => void host.cancel();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    yield { type: 'columns', columns: Object.freeze(columns) };
    yield* copyOutText(stream);
    finished = true;
    const n = stream.rowCount;
    yield { type: 'done', command: `SELECT ${n}`, rowCount: n };
    return true;
  } catch (err) {
    finished = true;
    throw host.translate(err, opts);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    // The reader stopped early (a sink failed, the pager quit): stop the server and drain the stream.
    if (!finished && !host.isDead()) {
      await host.cancel();
      await new Promise<void>((resolve) => {
        stream.once('end', resolve).once('error', () => resolve()).once('close', resolve);
        stream.resume();
      });
    }
  }
}

/** Floats print as shortest round-trip text (extra_float_digits >= 1), which the rewrite assumes. */
async function shortestFloats(client: PgClient): Promise<boolean> {
  try {
    const r = await client.query({ text: "select current_setting('extra_float_digits')", rowMode: 'array' });
    return Number(r.rows[0]?.[0]) >= 1;
  } catch {
    return false;
  }
}
