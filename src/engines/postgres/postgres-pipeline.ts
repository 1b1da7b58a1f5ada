/**
 * A script's statements that return no rows (a dump's INSERTs), each as its own simple-query message,
 * as psql sends them (the server runs and logs each on its own), but several on the wire at once: the
 * next ones are sent before the first is answered, so the server is never idle waiting for the client
 * and the client reads many answers at a time (Connection.executeMany).
 *
 * Sending a statement ahead is safe only when it would run anyway whatever happens to the ones before
 * it: when the caller goes on past a failure (psql's default), or inside a transaction block, where a
 * statement after a failure changes nothing (the server refuses it: the block has failed). So with
 * stopAtError outside a block, each waits for the one before; and a statement that controls
 * transactions (BEGIN, COMMIT, ROLLBACK, SAVEPOINT ...) is never in this path (the caller runs it with
 * execute(), the ordinary way), so no block ends or recovers while statements are on the wire.
 *
 * At most WINDOW statements are on the wire: after Ctrl-C (a CancelRequest, then nothing more is sent)
 * at most that many, already sent, still run outside a block.
 */
import type { ColumnInfo, NoticeExtra, Row } from '../../core/result.js';
import type { ManyNotice, ManyOptions, ManyResult, ManyStatus, TransactionStatus } from '../engine.js';
import { pgResultClass, readyForQuery, type PgClient, type PgFieldDesc } from './postgres-driver.js';

export interface PipelineHost {
  readonly client: PgClient;
  cancel(): Promise<void>;
  /** The error as execute() throws it (txBefore: the status before the statement). */
  translate(err: unknown, txBefore: TransactionStatus): Error;
  isDead(): boolean;
  transactionStatus(): TransactionStatus;
  /** While set, the host hands server notices to `sink` (in protocol order) instead of keeping them. */
  lendNotices(sink: ((message: string, severity?: string, position?: number, extra?: NoticeExtra) => void) | undefined): void;
  /** While set, the host calls `wake` when the session dies. */
  onDeath(wake: (() => void) | undefined): void;
  /** The status for a statement's command tag, as execute()'s 'done' event has it. */
  status(tag: string | undefined, rowCount: number): ManyStatus;
  columnType(f: PgFieldDesc): string;
  /** `sql` may go this way: it returns no rows (so it is not a COPY, nor a transaction's step). */
  fits(sql: string): boolean;
}

/** Statements on the wire at once. Against a local server 16 to 128 ran a 20k-INSERT script at the same pace. */
const WINDOW = 32;

interface PgResult {
  fields: readonly PgFieldDesc[];
  addFields(fields: readonly PgFieldDesc[]): void;
  parseRow(data: unknown): unknown[];
}

/**
 * Runs statements (Connection.executeMany) until one does not fit (stop 'other'), one fails (stop: its
 * Error, with the answers of those sent after it), the signal aborts (the rest are not sent) or all ran.
 */
export async function runPipelined(host: PipelineHost, statements: readonly string[], opts: ManyOptions): Promise<ManyResult> {
  const client = host.client;
  const ResultClass = pgResultClass() as new (rowMode: string) => PgResult;
  // how many may go: up to the first one that does not fit
  let end = 0;
  while (end < statements.length && host.fits(statements[end]!)) end++;
  const outcomes: (ManyStatus | Error)[] = [];
  const notices: ManyNotice[] = [];
  let sent = 0;
  let answered = 0;
  let failedAt = -1;
  // the status before the statement being answered
  let txBefore = host.transactionStatus();
  let result: PgResult | undefined;
  let rows: Row[] = [];
  let tag: string | undefined;
  let stopSending = false;
  const ahead = (): boolean => !opts.stopAtError || txBefore === 'in-transaction';
  host.lendNotices((message, severity, position, extra) => notices.push({ index: answered, message, ...(severity ? { severity } : {}), ...(position !== undefined ? { position } : {}), ...(extra ? { extra } : {}) }));
  const onAbort = (): void => {
    stopSending = true;
    void host.cancel();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await new Promise<void>((resolve) => {
      let finished = false;
      const finish = (): void => {
        if (finished) return;
        finished = true;
        host.onDeath(undefined);
        resolve();
      };
      host.onDeath(() => {
        // the socket is gone: pg fails the request (handleError), or already did
        if (!finished) setImmediate(finish);
      });
      const answer = (outcome: ManyStatus | Error): void => {
        outcomes.push(outcome);
        if (outcome instanceof Error && failedAt < 0) {
          failedAt = answered;
          stopSending = true; // (those on the wire still answer)
        }
        answered++;
        result = undefined;
        rows = [];
        tag = undefined;
      };
      // more to send (now or once answers come), or answers to wait for
      const pending = (): boolean => answered < sent || (!stopSending && sent < end && !opts.signal?.aborted);
      // pg's "submittable": the client hands it the messages of one request, up to its ReadyForQuery. It is
      // handed to the client again for each statement on the wire (each has its own ReadyForQuery).
      let errored = false;
      const request = {
        submit(con: { query(text: string): void; stream?: { cork?(): void; uncork?(): void } }): null {
          if (errored) {
            // the failed statement's ReadyForQuery (pg took it): its status byte is current now
            errored = false;
            txBefore = host.transactionStatus();
          }
          // (refilled once half the window was answered: many statements to a write, not one each)
          const limit = ahead() ? WINDOW : 1;
          if (!stopSending && !opts.signal?.aborted && sent < end && sent - answered <= limit / 2) {
            con.stream?.cork?.();
            while (sent < end && sent - answered < limit) con.query(statements[sent++]!);
            con.stream?.uncork?.();
          }
          return null;
        },
        handleRowDescription: (msg: { fields: readonly PgFieldDesc[] }): void => {
          result = new ResultClass('array');
          result.addFields(msg.fields);
        },
        handleDataRow: (msg: { fields: unknown }): void => void rows.push(result!.parseRow(msg.fields) as unknown as Row),
        handleCommandComplete: (msg: { text: string }): void => void (tag = msg.text),
        handleEmptyQuery: (): void => undefined,
        handlePortalSuspended: (): void => undefined,
        handleCopyInResponse: (con: { sendCopyFail(msg: string): void }): void => con.sendCopyFail('COPY FROM STDIN is not supported here'),
        handleCopyData: (): void => undefined,
        handleError: (err: unknown): void => {
          if (finished) return;
          answer(host.translate(err, txBefore));
          if (host.isDead() || !isServerError(err)) return finish();
          // pg forgets the request at an error: it is handed back for the next answers (pg takes this
          // statement's ReadyForQuery first, then submits it again), or its ReadyForQuery is awaited
          errored = true;
          if (pending()) client.query(request as never);
          else void readyForQuery(client).then(finish);
        },
        handleReadyForQuery: (): void => {
          if (finished) return;
          const status = host.status(tag, rows.length);
          const columns: ColumnInfo[] | undefined = result?.fields.map((f) => Object.freeze({ name: f.name, type: host.columnType(f) }));
          answer(columns ? { ...status, result: { columns, rows } } : status);
          txBefore = host.transactionStatus();
          if (pending()) client.query(request as never);
          else finish();
        },
      };
      if (end === 0) return finish();
      client.query(request as never);
    });
  } finally {
    host.lendNotices(undefined);
    opts.signal?.removeEventListener('abort', onAbort);
  }
  const stopIndex = failedAt >= 0 ? failedAt : outcomes.length;
  const done = outcomes.slice(0, stopIndex) as ManyStatus[];
  if (failedAt >= 0) return { done, stop: outcomes[failedAt] as Error, after: outcomes.slice(failedAt + 1), ...(notices.length > 0 ? { notices } : {}) };
  const stop = !opts.signal?.aborted && done.length === end && end < statements.length ? ('other' as const) : undefined;
  return { done, ...(stop ? { stop } : {}), ...(notices.length > 0 ? { notices } : {}) };
}

/** An ErrorResponse from the server (pg's DatabaseError), not the loss of the socket. */
function isServerError(err: unknown): boolean {
  return err instanceof Error && typeof (err as { severity?: unknown }).severity === 'string' && typeof (err as { code?: unknown }).code === 'string';
}
