/** The password prompt of the real binary in a pty: Ctrl-C there ends sqlsh cleanly (exit 2), never an internal error. */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { killAll, LONG, shellHome, startShell } from '../e2e/shell-helpers.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';

const h = shellHome();
after(async () => {
  await killAll();
  await h.cleanup();
});

test('Ctrl-C at the password prompt: "password entry cancelled", exit 2, no stack trace', async (t) => {
  const s = await withServer(t, sharedPostgres);
  if (!s) return;
  const shell = await startShell(h, ['-h', s.host, '-p', String(s.port), '-U', s.user, '-d', 'postgres'], {
    ready: /Password for user /,
    env: { PGPASSFILE: `${h.dir}/no-such-pgpass` },
  });
  shell.press('c-c');
  assert.equal(await shell.waitForExit(LONG), 2);
  await shell.settle();
  const screen = shell.screenText();
  assert.match(screen, /sqlsh: not connected: password entry cancelled/);
  assert.doesNotMatch(screen, /internal error|    at /);
});
