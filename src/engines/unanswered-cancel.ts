/**
 * What a server engine does when its cancel request gets no answer (a frozen backend, a dead
 * network): the first cancel() sends the request; if the statement is still running after
 * NOTICE_AFTER_MS, the user is warned that another Ctrl-C drops the connection; a cancel() after
 * that time drops it (the connection then fails the statement with ConnectionLostError and
 * reconnects for the next one). A cancel() before that time sends the request again, as psql does.
 * One per running statement: reset() when it starts, stop() when it ends.
 */

/** How long a cancel may go unanswered before a further Ctrl-C drops the connection. */
export const NOTICE_AFTER_MS = 3000;

export class UnansweredCancel {
  #sentAt = 0;
  #timer: NodeJS.Timeout | undefined;

  /** warn: hands a warning to the running statement's consumer. */
  constructor(private readonly warn: (message: string) => void) {}

  /** A new statement starts: no cancel sent yet. */
  reset(): void {
    this.stop();
    this.#sentAt = 0;
  }

  /** The statement ended: no warning any more. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** On cancel(): 'send' a (new) cancel request, or 'drop' the connection (unanswered too long). */
  next(): 'send' | 'drop' {
    if (this.#sentAt === 0) {
      this.#sentAt = performance.now();
      this.#timer = setTimeout(
        () => this.warn(`the server has not answered the cancel request for ${NOTICE_AFTER_MS / 1000} s; press Ctrl-C again to drop the connection`),
        NOTICE_AFTER_MS,
      );
      this.#timer.unref();
      return 'send';
    }
    return performance.now() - this.#sentAt >= NOTICE_AFTER_MS ? 'drop' : 'send';
  }

  /** The reason given with the ConnectionLostError of a dropped connection. */
  static readonly dropReason = `the server did not answer the cancel request within ${NOTICE_AFTER_MS / 1000} s, so the connection was dropped`;
}
