/**
 * Errors with a meaning the shell and the CLI act on. Messages follow one style:
 * say what failed, quote the value, say the way out. They never contain a password.
 */

/** A statement failed on the server or in the engine. The session is still usable. */
export class SqlError extends Error {
  override readonly name = 'SqlError';
  /** Engine error code: SQLSTATE for PostgreSQL/MySQL, the result code name for SQLite ('SQLITE_ERROR'). */
  readonly code?: string;
  /** 0-based character offset of the error inside the statement text, when the engine reports one. */
  readonly position?: number;
  readonly detail?: string;
  readonly hint?: string;
  /** Where it happened in server-side code (PostgreSQL's CONTEXT: a PL/pgSQL function's line ...). */
  readonly context?: string;
  /** The engine's own error number (MySQL's errno, 1062), where it has one beside the SQLSTATE. */
  readonly vendorCode?: number;
  /** The query inside server-side code the error is in (PostgreSQL's QUERY) and the 0-based position in it. */
  readonly internalQuery?: string;
  readonly internalPosition?: number;
  /** The server's own source location (PostgreSQL: `int4div, int.c:869`), shown by \errverbose. */
  readonly location?: string;
  /** SQLite: the statement failed to compile ('prepare') or while it ran ('step'), as the sqlite3 shell says it. */
  readonly phase?: 'prepare' | 'step';
  constructor(
    message: string,
    opts: {
      code?: string; position?: number; detail?: string; hint?: string; context?: string; location?: string;
      internalQuery?: string; internalPosition?: number; vendorCode?: number; phase?: 'prepare' | 'step'; cause?: unknown;
    } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    if (opts.code !== undefined) this.code = opts.code;
    if (opts.position !== undefined) this.position = opts.position;
    if (opts.detail !== undefined) this.detail = opts.detail;
    if (opts.hint !== undefined) this.hint = opts.hint;
    if (opts.context !== undefined) this.context = opts.context;
    if (opts.location !== undefined) this.location = opts.location;
    if (opts.internalQuery !== undefined) this.internalQuery = opts.internalQuery;
    if (opts.internalPosition !== undefined) this.internalPosition = opts.internalPosition;
    if (opts.vendorCode !== undefined) this.vendorCode = opts.vendorCode;
    if (opts.phase !== undefined) this.phase = opts.phase;
  }
}

/** Could not connect: unreachable host, bad credentials, missing file, unknown target. Exit code 2 in scripts. */
export class ConnectError extends Error {
  override readonly name = 'ConnectError';
  /** True when the server asked for a password and none was given, so the caller may prompt and retry. */
  readonly needsPassword: boolean;
  constructor(message: string, opts: { needsPassword?: boolean; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.needsPassword = opts.needsPassword ?? false;
  }
}

/** The running statement was cancelled by the user (Ctrl-C) or by an AbortSignal. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(message = 'canceling statement due to user request') {
    super(message);
  }
}

/** The connection to the server was lost. wasInTransaction: an open transaction was rolled back by the loss. */
export class ConnectionLostError extends Error {
  override readonly name = 'ConnectionLostError';
  readonly wasInTransaction: boolean;
  constructor(message: string, opts: { wasInTransaction?: boolean; cause?: unknown } = {}) {
    // One line: the reason a driver gives may hold line breaks, and a terminal shows them escaped.
    super(message.replace(/\s*[\r\n]+\s*/g, ' ').trim(), opts.cause === undefined ? undefined : { cause: opts.cause });
    this.wasInTransaction = opts.wasInTransaction ?? false;
  }
}

/**
 * psql without a connection: a \\connect in a script failed (psql closes the old connection then) and the
 * session goes on unconnected; every statement and catalog query fails with psql's words.
 */
export class NotConnectedError extends Error {
  override readonly name = 'NotConnectedError';
  constructor() {
    super('You are currently not connected to a database.');
  }
}

/**
 * An expected failure the user can act on: a file or directory sqlsh needs cannot be read or
 * written, the environment points somewhere unusable. The message is the words to print (one
 * sentence, no stack); `exitCode` is what the command line exits with when it cannot go on.
 * Anything else that reaches the top level is a bug (printed as an internal error).
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  readonly exitCode: number;
  constructor(message: string, opts: { exitCode?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.exitCode = opts.exitCode ?? 2;
  }
}

/** Bad command-line usage or configuration: exit code 2. */
export class UsageError extends UserError {
  override readonly name: string = 'UsageError';
  constructor(message: string, opts: { cause?: unknown } = {}) {
    super(message, { exitCode: 2, ...opts });
  }
}
