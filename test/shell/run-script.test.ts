/** runScript with a scripted connection: what a lost connection and MySQL-style warnings print. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionLostError } from '../../src/core/errors.js';
import type { ResultEvent } from '../../src/core/result.js';
import type { Connection } from '../../src/engines/engine.js';
import { engineById } from '../../src/engines/registry.js';
import { testSession } from './session-helper.js';
import { runScript } from '../../src/shell/run-script.js';

async function sessionWith(execute: (sql: string) => AsyncIterable<ResultEvent>) {
  const dialect = await engineById('mysql').dialect();
  const connection: Connection = {
    info: { engine: 'mysql', label: 'u@h/db', url: 'mysql://u@h/db' },
    dialect,
    execute,
    cancel: async () => undefined,
    transactionStatus: () => 'idle',
    introspect: async () => {
      throw new Error('not in this test');
    },
    close: async () => undefined,
  };
  return testSession(connection);
}

test('a lost connection is reported once, in the engine\'s words', async () => {
  const msg = 'the connection to the server was lost and the open transaction was rolled back; the next statement reconnects';
  const { session, errors } = await sessionWith(async function* () {
    throw new ConnectionLostError(msg, { wasInTransaction: true });
  });
  const r = await runScript(session, 'select 1;', { stopOnError: true, confirmDestructive: false, source: 'x.sql' });
  assert.equal(r.ok, false);
  assert.deepEqual(errors, [`x.sql:1: ${msg}`]);
});

test('warnings the engine reports as notices are printed once each, no second count', async () => {
  const { session, messages } = await sessionWith(async function* () {
    yield { type: 'notice', message: '2 warnings', severity: 'WARNING' };
    yield { type: 'notice', message: 'Warning 1264: Out of range', severity: 'WARNING' };
    yield { type: 'notice', message: 'Note 1051: Unknown table', severity: 'NOTE' };
    yield { type: 'done', command: 'INSERT 2', affected: 2, warnings: 2 };
  });
  const r = await runScript(session, 'insert into t values (1000), (1);', { stopOnError: true, confirmDestructive: false });
  assert.equal(r.ok, true);
  assert.deepEqual(
    messages.filter((m) => /warning|note/i.test(m)),
    ['WARNING:  2 warnings', 'WARNING:  Warning 1264: Out of range', 'NOTE:  Note 1051: Unknown table'],
  );
});
