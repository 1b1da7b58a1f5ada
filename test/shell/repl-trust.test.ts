/**
 * Issue 10 in the interactive shell (a real pty): \q with an open transaction asks, as Ctrl-D does;
 * a history path that is a directory, or a HOME that is a file, gives one sentence and the shell
 * goes on without the history file.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LONG, killAll, run, shellHome, startShell, waitForIdlePrompt } from '../e2e/shell-helpers.js';

const home = shellHome();
const dir = mkdtempSync(join(tmpdir(), 'sqlsh-repl-trust-'));
after(async () => {
  await killAll();
  await home.cleanup();
  rmSync(dir, { recursive: true, force: true });
});
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('\\q with an open transaction', () => {
  test('asks; n keeps the session and the transaction, y quits with 0 and rolls back', async () => {
    const db = join(dir, 'q.db');
    const t = await startShell(home, [db]);
    const prompt = 'sqlite q.db> ';
    await waitForIdlePrompt(t, prompt);
    await run(t, 'create table t(x);', prompt);
    await run(t, 'begin;', 'sqlite q.db*> ');
    await run(t, 'insert into t values (1);', 'sqlite q.db*> ');
    t.type('\\q\r');
    await t.waitForText(/A transaction is open; quit anyway and roll it back\? \[y\/N\] $/m, LONG);
    t.type('n\r');
    await waitForIdlePrompt(t, 'sqlite q.db*> ');
    assert.equal(t.exitCode, undefined, 'still running');
    await run(t, 'select count(*) as n from t;', 'sqlite q.db*> ');
    assert.match(t.screenText(), /^ n *\n-+\n +1\n/m);
    t.type('\\q\r');
    await t.waitForText(/A transaction is open;[^\n]*\n(.*\n)*.*A transaction is open; quit anyway and roll it back\? \[y\/N\] $/m, LONG);
    t.type('y\r');
    assert.equal(await t.waitForExit(LONG), 0);
    const again = await startShell(home, [db]);
    await waitForIdlePrompt(again, prompt);
    await run(again, 'select count(*) as n from t;', prompt);
    assert.match(again.screenText(), /^ n *\n-+\n +0\n/m, 'the insert was rolled back');
    again.type('\\q\r');
    assert.equal(await again.waitForExit(LONG), 0, '\\q without a transaction does not ask');
  });
});

describe('an unusable history path', () => {
  test('the history file is a directory: one sentence, the shell runs, Up still recalls this session', async () => {
    const h = shellHome();
    mkdirSync(join(h.env.XDG_STATE_HOME!, 'sqlsh', 'history'), { recursive: true });
    try {
      const t = await startShell(h, ['--demo'], { cols: 220 });
      await waitForIdlePrompt(t);
      const screen = t.screenText();
      assert.match(screen, /sqlsh: cannot read the history file ".*\/state\/sqlsh\/history": it is a directory; history is kept for this session only/);
      assert.doesNotMatch(screen, /internal error/);
      assert.doesNotMatch(screen, STACK);
      await run(t, 'select 7 as seven;');
      t.press('up');
      await t.waitForText(/demo\.db> select 7 as seven;$/m, LONG);
      t.press('c-a', 'c-k', 'c-d');
      assert.equal(await t.waitForExit(LONG), 0);
    } finally {
      await h.cleanup();
    }
  });

  test('HOME=/proc/self (mkdir answers ENOENT there): statements run and are not stuck writing the history', async () => {
    const t = await startShell(home, [':memory:'], {
      env: { HOME: '/proc/self', XDG_CONFIG_HOME: undefined as unknown as string, XDG_STATE_HOME: undefined as unknown as string, XDG_DATA_HOME: undefined as unknown as string },
    });
    await waitForIdlePrompt(t, 'sqlite :memory:> ');
    await run(t, 'select 1 as one;', 'sqlite :memory:> ');
    await run(t, 'select 2 as two;', 'sqlite :memory:> ');
    assert.doesNotMatch(t.screenText(), STACK);
    t.press('c-d');
    assert.equal(await t.waitForExit(LONG), 0);
  });

  test('HOME is a file: one sentence for the config and the history, the shell runs', async () => {
    const file = join(dir, 'home-is-a-file');
    writeFileSync(file, '');
    const t = await startShell(home, [':memory:'], {
      cols: 220,
      env: { HOME: file, XDG_CONFIG_HOME: undefined as unknown as string, XDG_STATE_HOME: undefined as unknown as string, XDG_DATA_HOME: undefined as unknown as string },
    });
    await waitForIdlePrompt(t, 'sqlite :memory:> ');
    const screen = t.screenText();
    assert.match(screen, /sqlsh: cannot read the config file ".*home-is-a-file\/\.config\/sqlsh\/config\.toml": a part of the path is not a directory; using the defaults/);
    assert.match(screen, /sqlsh: cannot read the history file ".*home-is-a-file\/\.local\/state\/sqlsh\/history": a part of the path is not a directory/);
    assert.doesNotMatch(screen, STACK);
    await run(t, 'select 1 as one;', 'sqlite :memory:> ');
    t.press('c-d');
    assert.equal(await t.waitForExit(LONG), 0);
  });
});
