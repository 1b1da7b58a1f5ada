/** Leaving sqlsh: Ctrl-D restores the terminal; an open transaction or a destructive statement asks first. */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PtySession } from './pty-harness.js';
import { LONG, binary, killAll, repoRoot, run, shellHome, startShell, waitForIdlePrompt } from './shell-helpers.js';

const home = shellHome();
const extra: PtySession[] = [];
after(async () => {
  await killAll();
  for (const s of extra) s.kill();
  await home.cleanup();
});

describe('exiting and confirming', () => {
  test('Ctrl-D on an empty buffer exits with 0 and leaves the terminal in cooked mode, cursor shown', async () => {
    const script = `'${process.execPath}' '${binary}' --demo; echo "EXIT=$?"; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig)$' | tr '\\n' ' '; echo END`;
    const t = PtySession.spawn('/bin/sh', ['-c', script], { cwd: repoRoot, env: { ...home.env, PAGER: 'cat' } });
    extra.push(t);
    await waitForIdlePrompt(t);
    t.type('select 1');
    t.press('c-a', 'c-k'); // an empty buffer again
    await waitForIdlePrompt(t);
    t.press('c-d');
    await t.waitForText(/EXIT=0/, LONG);
    await t.waitForText(/END/, LONG);
    const screen = t.screenText();
    assert.match(screen, /(^| )icanon /m);
    assert.match(screen, /(^| )echo /m);
    assert.match(screen, /(^| )isig /m);
    assert.doesNotMatch(screen, /-icanon|-echo |-isig/);
    assert.equal(t.cursorHidden(), false, 'the cursor is visible');
    assert.equal(t.term.modes.bracketedPasteMode, false, 'bracketed paste is turned off');
    assert.doesNotMatch(screen, /\[F2\] Smart completion/, 'the toolbar is erased');
  });

  test('Ctrl-D with an open transaction asks; n keeps the session, y quits with 0', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    await run(t, 'begin;', 'sqlite demo.db*> ');
    t.press('c-d');
    await t.waitForText(/A transaction is open; quit anyway and roll it back\? \[y\/N\] $/m, LONG);
    t.type('n\r');
    await waitForIdlePrompt(t, 'sqlite demo.db*> ');
    assert.equal(t.exitCode, undefined, 'still running');
    await run(t, 'select 3 as still_here;', 'sqlite demo.db*> ');
    assert.match(t.screenText(), /^ still_here *\n-+\n +3\n\(1 row\)/m);
    t.press('c-d');
    await t.waitForText(/A transaction is open;[^\n]*\n(.*\n)*.*A transaction is open; quit anyway and roll it back\? \[y\/N\] $/m, LONG);
    t.type('y\r');
    assert.equal(await t.waitForExit(LONG), 0);
  });

  test('a DELETE without WHERE is previewed first; n changes nothing', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    await run(t, 'create table doomed(x); insert into doomed values (1);');
    t.type('delete from doomed;');
    await t.waitForText(/delete from doomed;$/m, LONG);
    t.press('enter');
    await t.waitForText(/^ {2}doomed +1 row deleted\n(.*\n)*Commit 1 change\? \[y\/N\/e\(dit\)\] $/m, LONG);
    t.type('n\r');
    await t.waitForText(/^Nothing was changed\.$/m, LONG);
    await waitForIdlePrompt(t);
    await run(t, 'select count(*) as n from doomed;');
    assert.match(t.screenText(), /^ n *\n-+\n +1\n\(1 row\)/m);
  });
});
