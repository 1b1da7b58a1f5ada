/**
 * A Session for tests, on a real connection, with what it writes captured: results (`out`), messages
 * and errors. A fresh HOME each (history, config), unless one is given.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../src/config/settings.js';
import { sqlshPaths } from '../../src/config/paths.js';
import type { Connection } from '../../src/engines/engine.js';
import { Session, type SessionIO } from '../../src/shell/session.js';

export interface CapturedSession {
  readonly session: Session;
  /** Everything written where results go, so far. */
  out(): string;
  readonly messages: string[];
  readonly errors: string[];
}

export function testSession(connection: Connection, opts: { readonly home?: string; readonly interactive?: boolean; readonly settings?: Settings; readonly io?: Partial<SessionIO> } = {}): CapturedSession {
  let out = '';
  const messages: string[] = [];
  const errors: string[] = [];
  const session = new Session({
    connection,
    settings: opts.settings ?? DEFAULT_SETTINGS,
    interactive: opts.interactive ?? false,
    paths: sqlshPaths({ HOME: opts.home ?? mkdtempSync(join(tmpdir(), 'sqlsh-session-')) }),
    connections: new Map(),
    io: { stdout: { write: (s: string) => void (out += s) }, message: (m) => void messages.push(m), error: (e) => void errors.push(e), ...opts.io },
  });
  return { session, out: () => out, messages, errors };
}

/** The connection without executeMany: every statement through execute(), one at a time. */
export function oneAtATime(conn: Connection): Connection {
  return {
    info: conn.info,
    dialect: conn.dialect,
    execute: (sql, opts) => conn.execute(sql, opts),
    cancel: () => conn.cancel(),
    transactionStatus: () => conn.transactionStatus(),
    introspect: (signal) => conn.introspect(signal),
    close: () => conn.close(),
  };
}
