/**
 * The csv and tsv fast path: the server formats the rows (COPY (query) TO STDOUT WITH (FORMAT csv),
 * or FORMAT text for tsv) and the bytes go to the output as they arrive, with no row objects in between.
 *
 * Taken only outside a transaction, for an eligible query (postgres-copy-query.ts). First a
 * LIMIT 0 probe describes the columns (names and types, for the header and for the three type
 * families whose text sqlsh writes differently); if the probe fails, nothing was sent and the
 * ordinary path runs the statement and reports its error with the right position.
 *
 * Notices sent during COPY (which pg-copy-streams drops) are caught (postgres-copy-stdio.ts) and come
 * as 'notice' events, as on the ordinary path; Ctrl-C sends the usual cancel request and COPY ends with CancelledError.
 */
import type { Readable } from 'node:stream';
import type { ColumnInfo, ResultEvent } from '../../core/result.js';
import type { ExecuteOptions } from '../engine.js';
import type { PgClient, PgFieldDesc } from './postgres-driver.js';
import { copyCsvStatement, describeQuery, isFloatType } from './postgres-copy-query.js';
import { copyOutText } from './postgres-copy-stdio.js';
import { CopyOut } from './postgres-copy-out.js';


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
 * The tsv fast path (ExecuteOptions.tsv) reads COPY's text format, whose escaping is sqlsh's tsv
 * (\\, \t, \n, \r; the null string as it is) except that COPY also writes backspace, form feed and
 * vertical tab as \b, \f and \v, which sqlsh's tsv leaves as they are: those three are put back.
 * A null string that COPY would refuse or that holds a backslash takes the ordinary path.
 */
export function tsvFastPathFor(nullString: string): boolean {
  return !/[\\\r\n\t]/.test(nullString);
}

/** COPY text -> sqlsh tsv: \b, \f, \v back to their characters (a backslash is always escaped, so a pair never spans a data backslash). */
export class CopyTextToTsv {
  private carry = '';

  push(chunk: string): string {
    let text = this.carry + chunk;
    this.carry = '';
    if (text.endsWith('\\')) {
      // a lone trailing backslash waits for its partner; an escaped one (\\) is complete
      let n = 0;
      for (let i = text.length - 1; i >= 0 && text[i] === '\\'; i--) n++;
      if (n % 2 === 1) {
        this.carry = '\\';
        text = text.slice(0, -1);
      }
    }
    return text.indexOf('\\') === -1 ? text : text.replace(/\\([\\bfv])/g, (m, c: string) => (c === 'b' ? '\b' : c === 'f' ? '\f' : c === 'v' ? '\v' : m));
  }

  end(): string {
    const rest = this.carry;
    this.carry = '';
    return rest;
  }
}

/**
 * Runs query through COPY and yields 'columns', 'text' events and 'done'. Returns false (having
 * yielded nothing) when the fast path does not apply after all: the caller runs the ordinary path.
 * csv for ExecuteOptions.csv, else tsv (ExecuteOptions.tsv).
 */
export async function* copyCsv(host: CopyHost, query: string, opts: ExecuteOptions): AsyncGenerator<ResultEvent, boolean> {
  const tsv = opts.csv ? undefined : opts.tsv;
  if (!opts.csv && !(tsv && tsvFastPathFor(tsv.nullString))) return false;
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
  let finished = false;
  const notices: ResultEvent[] = [];
  const stream = client.query(
    new CopyOut(
      tsv
        ? copyCsvStatement(query, fields.map((f) => f.dataTypeID), tsv.nullString, 'text')
        : copyCsvStatement(query, fields.map((f) => f.dataTypeID), opts.csv!.nullString),
      (message, severity) => notices.push({ type: 'notice', message, ...(severity ? { severity } : {}) }),
    ) as never,
  ) as unknown as CopyOut;
  const onAbort = (): void => void host.cancel();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    yield { type: 'columns', columns: Object.freeze(columns) };
    if (tsv) {
      const convert = new CopyTextToTsv();
      for await (const ev of copyOutText(stream)) {
        const text = ev.type === 'text' ? convert.push(ev.text) : '';
        if (text !== '') yield { type: 'text', text };
        if (notices.length > 0) yield* notices.splice(0);
      }
      const rest = convert.end();
      if (rest !== '') yield { type: 'text', text: rest };
    } else {
      // csv: the server's bytes as they are (UTF-8 both ways: no decoding and encoding again)
      for await (const bytes of stream as AsyncIterable<Buffer>) {
        yield { type: 'bytes', bytes };
        if (notices.length > 0) yield* notices.splice(0);
      }
    }
    if (notices.length > 0) yield* notices.splice(0);
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
