/** Turning pg's errors into sqlsh's: SqlError with 0-based position, clear ConnectError messages. */
import { ConnectError, SqlError } from '../../core/errors.js';
import type { PgEndpoint, PgParams } from './postgres-target.js';

interface PgErrorFields {
  message?: string;
  code?: string;
  position?: string;
  detail?: string;
  hint?: string;
  severity?: string;
  where?: string;
  file?: string;
  line?: string;
  routine?: string;
  internalQuery?: string;
  internalPosition?: string;
}

const fields = (err: unknown): PgErrorFields => (typeof err === 'object' && err !== null ? (err as PgErrorFields) : {});

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A server error (DatabaseError) as SqlError; position 1-based -> 0-based. */
export function toSqlError(err: unknown): SqlError {
  const f = fields(err);
  const pos = f.position ? Number.parseInt(f.position, 10) : Number.NaN;
  const internal = f.internalPosition ? Number.parseInt(f.internalPosition, 10) : Number.NaN;
  return new SqlError(f.message ?? errorMessage(err), {
    ...(f.code ? { code: f.code } : {}),
    ...(Number.isFinite(pos) && pos > 0 ? { position: pos - 1 } : {}),
    ...(f.detail ? { detail: f.detail } : {}),
    ...(f.hint ? { hint: f.hint } : {}),
    ...(f.where ? { context: f.where } : {}),
    ...(f.internalQuery ? { internalQuery: f.internalQuery } : {}),
    ...(Number.isFinite(internal) && internal > 0 ? { internalPosition: internal - 1 } : {}),
    ...(f.routine ? { location: `${f.routine}, ${f.file ?? ''}:${f.line ?? ''}` } : {}),
    cause: err,
  });
}

/** True when the error means the socket is gone (or the server is ending the session). */
export function isConnectionLoss(err: unknown): boolean {
  const f = fields(err);
  if (f.code && (f.code.startsWith('08') || f.code === '57P01' || f.code === '57P02' || f.code === '57P03')) return true;
  if (f.severity === 'FATAL' || f.severity === 'PANIC') return true;
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT' || code === 'ERR_STREAM_WRITE_AFTER_END') return true;
  return /Connection terminated|not queryable|write after end|socket hang up/i.test(f.message ?? '');
}

/** Where we tried, in libpq's words. */
function where(e: PgEndpoint): string {
  return e.host.startsWith('/')
    ? `on socket "${e.host.replace(/\/$/, '')}/.s.PGSQL.${e.port}"`
    : `at "${e.host}", port ${e.port}`;
}

/** Network-level failure (the next host may be tried) vs. a server answer (stop). */
export function isNetworkFailure(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ENOENT', 'ECONNRESET', 'EACCES'].includes(code)) return true;
  return /timeout expired|Connection terminated unexpectedly|does not support SSL/i.test(errorMessage(err));
}

/** A clear ConnectError for a failed attempt. Never mentions the password. */
export function toConnectError(err: unknown, p: PgParams, e: PgEndpoint, extra?: string): ConnectError {
  const f = fields(err);
  const code = (err as { code?: string } | null)?.code ?? '';
  const tail = extra ? `\n${extra}` : '';
  // the server's answer as libpq words it: its severity first ("failed: FATAL:  database "x" does not exist")
  const said = f.severity ? `${f.severity}:  ` : '';
  let msg: string;
  if (code === 'ECONNREFUSED') {
    msg = e.host.startsWith('/')
      ? `could not connect to server ${where(e)}: connection refused\n\tIs the server running locally and accepting connections on that socket?`
      : `could not connect to server ${where(e)}: connection refused\n\tIs the server running on that host and accepting TCP/IP connections? Check the host and port (-h, -p).`;
  } else if (code === 'ENOENT') {
    msg = `could not connect to server ${where(e)}: no such file or directory\n\tIs the server running locally and accepting connections on that socket? Use -h to name the socket directory or a host.`;
  } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    msg = `could not translate host name "${e.host}" to address: unknown host\n\tCheck the host name (-h).`;
  } else if (/timeout expired/i.test(errorMessage(err)) || code === 'ETIMEDOUT') {
    msg = `could not connect to server ${where(e)}: timeout expired\n\tIs the host reachable? connect_timeout can be raised.`;
  } else if (f.code === '28P01') {
    msg = `connection to server ${where(e)} failed: ${said}password authentication failed for user "${p.user}"\n\tCheck the password (in the URI, PGPASSWORD or ~/.pgpass) and the user name (-U).`;
  } else if (f.code === '3D000') {
    msg = `connection to server ${where(e)} failed: ${said}database "${p.database}" does not exist\n\tConnect to an existing database (for example "postgres") and list them with \\l.`;
  } else if (f.code === '28000') {
    msg = `connection to server ${where(e)} failed: ${said}${f.message ?? 'authorization failed'}\n\tCheck pg_hba.conf on the server, the user (-U) and sslmode.`;
  } else if (f.code) {
    msg = `connection to server ${where(e)} failed: ${said}${f.message ?? 'error'}`;
  } else {
    msg = `could not connect to server ${where(e)}: ${errorMessage(err)}`;
  }
  return new ConnectError(msg + tail, { cause: err });
}
