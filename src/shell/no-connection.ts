/**
 * The connection a psql session has after a failed \connect in a script: none. psql closes the old
 * connection there and goes on with its -c actions unconnected; each statement (and each catalog query
 * of a backslash command) then fails with "You are currently not connected to a database.".
 */
import type { Connection } from '../engines/engine.js';
import { NotConnectedError } from '../core/errors.js';

export function noConnection(previous: Connection): Connection {
  const fail = (): never => {
    throw new NotConnectedError();
  };
  return Object.freeze({
    // what was known stays for the shell's own use (the engine, the dialect); psql's variables are unset (Session)
    info: Object.freeze({ engine: previous.info.engine, label: '', url: '' }),
    dialect: previous.dialect,
    async *execute() {
      fail();
    },
    cancel: async () => undefined,
    transactionStatus: () => 'idle' as const,
    introspect: async () => fail(),
    close: async () => undefined,
  });
}
