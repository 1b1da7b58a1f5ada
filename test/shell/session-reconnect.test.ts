/** Session.reconnect keeps a password typed at the prompt, so \c OTHERDB on the same server does not ask again. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { sqlshPaths } from '../../src/config/paths.js';
import { engineById } from '../../src/engines/registry.js';
import type { ConnectionTarget } from '../../src/engines/engine.js';
import { Session } from '../../src/shell/session.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';

const home = mkdtempSync(join(tmpdir(), 'sqlsh-session-'));
after(() => rmSync(home, { recursive: true, force: true }));

test('a password typed once is reused for another database on the same server, and never shown', async (t) => {
  const server = await withServer(t, sharedPostgres);
  if (!server) return;
  const prompts: string[] = [];
  const sqlite = await (await engineById('sqlite').load()).connect({ engine: 'sqlite', path: ':memory:' });
  const session = new Session({
    connection: sqlite,
    settings: DEFAULT_SETTINGS,
    interactive: true,
    paths: sqlshPaths({ HOME: home }),
    connections: new Map(),
    io: {
      stdout: { write: () => undefined },
      message: () => undefined,
      error: () => undefined,
      promptPassword: async (p) => {
        prompts.push(p);
        return server.password!;
      },
    },
  });
  // No PGPASSWORD, no password file: only the prompt can give the password.
  const env = { HOME: home, PGPASSFILE: join(home, 'no-such-pgpass') };
  try {
    const target: ConnectionTarget = { engine: 'postgres', host: server.host, port: server.port, user: server.user, database: 'postgres' };
    await session.reconnect(target, { env });
    assert.equal(prompts.length, 1, 'asked once for the first connection');
    assert.equal(session.connection.info.database, 'postgres');
    // What \c template1 builds from the current target (src/meta/commands/connection-commands.ts).
    await session.reconnect({ ...session.target!, database: 'template1' }, { env });
    assert.equal(prompts.length, 1, `not asked again for the same server; prompts: ${JSON.stringify(prompts)}`);
    assert.equal(session.connection.info.database, 'template1');
    assert.doesNotMatch(JSON.stringify(session.connection.info), new RegExp(server.password!));
  } finally {
    await session.close();
  }
});
