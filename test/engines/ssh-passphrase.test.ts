/**
 * The real binary in a pty, through the harness sshd, with an encrypted key: sqlsh asks for the key's
 * passphrase (hidden), connects through the tunnel, runs a statement, and the passphrase never
 * reaches the screen.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PtySession } from '../e2e/pty-harness.js';
import { withServer } from '../harness/server-test.js';
import { sharedMariadb } from '../harness/mariadb-server.js';
import { startSshd } from '../harness/sshd-server.js';

test('an encrypted key asks for its passphrase (hidden) and the shell connects through the tunnel', async (t) => {
  const s = await withServer(t, startSshd);
  const db = s && (await withServer(t, sharedMariadb));
  if (!s || !db) return;
  let sh: PtySession | undefined;
  try {
    const home = join(s.dir, 'enc-home');
    mkdirSync(join(home, '.ssh'), { recursive: true });
    const key = join(home, '.ssh', 'id_ed25519');
    copyFileSync(join(s.home, '.ssh', 'id_ed25519'), key);
    const phrase = 'correct-horse-battery';
    assert.equal(spawnSync('ssh-keygen', ['-q', '-p', '-N', phrase, '-P', '', '-f', key]).status, 0);
    writeFileSync(join(home, '.ssh', 'known_hosts'), `${s.knownHostsLine}\n`);
    sh = PtySession.spawn(process.execPath, ['bin/sqlsh.js', '--ssh', s.spec, db.url], {
      cols: 250,
      env: { ...process.env, HOME: home, SSH_AUTH_SOCK: undefined, XDG_CONFIG_HOME: join(home, 'config'), XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data') },
    });
    await sh.waitForText(/Enter passphrase for key '.*id_ed25519': /, 15_000);
    sh.type(`${phrase}\r`);
    await sh.waitForText(/^mysql .*> $/m, 15_000);
    sh.type('select 6 * 7 as answer;\r');
    await sh.waitForText(/answer[\s\S]*42/, 10_000);
    sh.type('\\conninfo\r');
    await sh.waitForText(/through the SSH tunnel via/, 10_000);
    assert.ok(!sh.screenText().includes(phrase), sh.screenText());
    sh.type('\\q\r');
    assert.equal(await sh.waitForExit(10_000), 0);
  } finally {
    sh?.kill();
    await s.dispose();
  }
});
