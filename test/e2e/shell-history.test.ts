/** History across restarts, Ctrl-R, and bracketed paste, in the real sqlsh binary. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { LONG, homesForFile, pause, run, startShell, waitForIdlePrompt } from './shell-helpers.js';

const home = homesForFile();

describe('sqlsh history and paste', () => {
  test('history survives a restart: Up shows the last statement, Ctrl-R finds the first', async () => {
    const h = home();
    const first = await startShell(h, ['--demo']);
    await waitForIdlePrompt(first);
    await run(first, 'select 101 as first_one;');
    await run(first, 'select 202 as second_one;');
    first.press('c-d');
    assert.equal(await first.waitForExit(LONG), 0);
    const file = join(h.env.XDG_STATE_HOME!, 'sqlsh', 'history');
    assert.equal(statSync(file).mode & 0o777, 0o600, 'the history file is private');

    const t = await startShell(h, ['--demo']);
    await waitForIdlePrompt(t);
    t.press('up');
    await t.waitForText(/^sqlite demo\.db> select 202 as second_one;$/m, LONG);
    t.press('c-c');
    await waitForIdlePrompt(t);
    t.press('c-r');
    t.type('first');
    await t.waitForText(/\(reverse-i-search\)`first': select 101 as first_one;/, LONG);
    t.press('enter');
    await t.waitForText(/^ first_one *\n-+\n +101\n\(1 row\)/m, LONG);
    await waitForIdlePrompt(t);
  });

  test('a pasted 3-statement script lands in the buffer; Enter runs all three', async () => {
    const t = await startShell(home(), ['--demo']);
    await waitForIdlePrompt(t);
    t.paste('create table pasted(x integer);\r\ninsert into pasted values (1), (2), (3);\r\nselect sum(x) as total from pasted;');
    await t.waitForText(/^sqlite demo\.db> create table pasted\(x integer\);\n.*insert into pasted values \(1\), \(2\), \(3\);\n.*select sum\(x\) as total from pasted;$/m, LONG);
    await pause(500);
    assert.doesNotMatch(t.screenText(), /CREATE TABLE|INSERT|total\n/, 'nothing ran while pasting');
    t.press('enter');
    await t.waitForText(/CREATE TABLE\nINSERT 3\n total *\n-+\n +6\n\(1 row\)/, LONG);
    await waitForIdlePrompt(t);
  });
});
