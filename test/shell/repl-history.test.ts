/** The interactive shell keeps passwords typed in \c out of its history (the real binary in a pty). */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LONG, killAll, shellHome, startShell, waitForIdlePrompt } from '../e2e/shell-helpers.js';

const h = shellHome();
after(async () => {
  await killAll();
  await h.cleanup();
});

test('\\c with a password in the URI: the history file and Up show *** instead', async () => {
  const t = await startShell(h, ['--demo']);
  await waitForIdlePrompt(t);
  t.type('\\c postgres://alice:TopSecret9@127.0.0.1:1/shop');
  t.press('enter');
  await t.waitForText(/Previous connection kept/, LONG);
  await waitForIdlePrompt(t);
  t.press('up');
  await t.waitForText(/^sqlite demo\.db> \\c postgres:\/\/alice:\*\*\*@127\.0\.0\.1:1\/shop$/m, LONG);
  t.press('c-c');
  await waitForIdlePrompt(t);
  t.press('c-d');
  assert.equal(await t.waitForExit(LONG), 0);
  const history = readFileSync(join(h.env.XDG_STATE_HOME!, 'sqlsh', 'history'), 'utf8');
  assert.doesNotMatch(history, /TopSecret9/);
  assert.match(history, /alice:\*\*\*@127\.0\.0\.1:1/);
});
