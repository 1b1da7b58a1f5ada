/**
 * Keys typed while a statement runs: the terminal stays quiet (nothing echoed over the output), the
 * keys are kept as type-ahead for the next prompt, and Ctrl-C still cancels without losing them.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LONG, allText, killAll, pause, shellHome, startShell, waitForIdlePrompt } from './shell-helpers.js';

const home = shellHome();
after(async () => {
  await killAll();
  await home.cleanup();
});

/** A SQLite statement that runs for a few seconds on this machine (or until cancelled). */
const slow = (n: number): string => `with recursive c(x) as (select 1 union all select x+1 from c where x < ${n}) select count(*) as n from c;`;

describe('type-ahead while a statement runs', () => {
  test('keys typed during a statement are not echoed and wait at the next prompt', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    // Once quiet, the terminal stays quiet for every later statement: run one first, then the slow one.
    t.type('select 1 as one;');
    t.press('enter');
    await waitForIdlePrompt(t);
    t.type(slow(10_000_000));
    await t.waitForText(/as n from c;$/m, LONG);
    t.press('enter');
    await pause(300);
    t.type('select 42 as answer');
    await pause(300);
    const during = t.screenText();
    assert.doesNotMatch(during, /select 42 as answer/, `nothing typed shows while the statement runs:\n${during}`);
    await t.waitForText(/^ +10000000\n\(1 row\)/m, LONG * 2);
    // The typed keys are the new buffer: the screen shows them after the prompt, in the editor.
    await t.waitForText(/^sqlite demo\.db> select 42 as answer$/m, LONG);
    const text = allText(t);
    assert.equal(text.match(/select 42 as answer/g)?.length, 1, `shown once, at the prompt:\n${text}`);
    t.type(';');
    t.press('enter');
    await t.waitForText(/^ +42\n\(1 row\)/m, LONG);
  });

  test('Ctrl-C cancels the statement and keeps what was typed ahead', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    t.type('select 1 as one;');
    t.press('enter');
    await waitForIdlePrompt(t);
    t.type(slow(500_000_000));
    await t.waitForText(/as n from c;$/m, LONG);
    t.press('enter');
    await pause(400);
    t.type('select 7 as seven');
    await pause(300);
    t.press('c-c');
    await t.waitForText(/Cancelled/, LONG);
    await t.waitForText(/^sqlite demo\.db> select 7 as seven$/m, LONG);
    const text = allText(t);
    assert.doesNotMatch(text, /\^C/, 'no ^C echoed');
    assert.equal(text.match(/select 7 as seven/g)?.length, 1, `typed text shows once, at the prompt:\n${text}`);
    t.type(';');
    t.press('enter');
    await t.waitForText(/^ +7\n\(1 row\)/m, LONG);
  });

  test('$EDITOR (\\e, Ctrl-X) gets the terminal as it was: echo and line editing on', async () => {
    // An "editor" that writes down whether the terminal echoes.
    const editor = join(home.dir, 'probe-editor.sh');
    writeFileSync(editor, `#!/bin/sh\nif stty -a | grep -q -- ' -echo '; then m=quiet; else m=cooked; fi\necho "select '$m' as tty_mode;" > "$1"\n`);
    chmodSync(editor, 0o755);
    const t = await startShell(home, ['--demo'], { env: { EDITOR: editor } });
    await waitForIdlePrompt(t);
    t.type('select 1 as one;');
    t.press('enter');
    await waitForIdlePrompt(t);
    t.press('c-x');
    await t.waitForText(/^sqlite demo\.db> select '(cooked|quiet)' as tty_mode;$/m, LONG);
    assert.match(t.screenText(), /select 'cooked' as tty_mode;/);
    t.press('enter');
    await t.waitForText(/^ cooked\n\(1 row\)/m, LONG);
  });
});
