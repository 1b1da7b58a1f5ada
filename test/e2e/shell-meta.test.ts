/** Meta-commands, the config file, \e and the pager, typed into the real sqlsh binary. */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LONG, allText, killAll, run, shellHome, startShell, waitForAllText, waitForIdlePrompt, waitForNoText } from './shell-helpers.js';

const home = shellHome();
const homes = [home];
after(async () => {
  await killAll();
  for (const h of homes) await h.cleanup();
});

describe('meta-commands in the terminal', () => {
  test('\\? lists the commands, one line each', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    await run(t, '\\?');
    const text = allText(t);
    for (const cmd of ['\\q ', '\\d[S+] [NAME] ', '\\dt[S+] [PATTERN] ', '\\x [on|off|auto] ', '\\timing [on|off] ', '\\conninfo ', '\\e [FILE] ']) {
      assert.match(text, new RegExp(`^  ${cmd.replace(/[[\]|+\\]/g, '\\$&')} +\\w`, 'm'), `\\? lists ${cmd} with a summary`);
    }
    assert.match(text, /^sqlite demo\.db> $/m);
  });

  test('\\s shows the history at the prompt, and \\s FILE saves it in psql\'s words', async () => {
    const h = shellHome();
    homes.push(h);
    const t = await startShell(h, ['--demo']);
    await waitForIdlePrompt(t);
    await run(t, 'select 41 as marker_a;');
    await run(t, '\\s');
    await t.waitForText(/^select 41 as marker_a;\n\\s$/m, LONG);
    const file = join(h.dir, 'saved-history.txt');
    await run(t, `\\s ${file}`);
    await t.waitForText(/Wrote history to file ".*saved-history\.txt"\./, LONG);
    assert.match(readFileSync(file, 'utf8'), /^select 41 as marker_a;\n\\s\n/m);
  });

  test('an unknown command suggests the closest one', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    await run(t, '\\timming');
    assert.match(t.screenText(), /unknown command \\timming; did you mean \\timing\?/);
  });

  test('\\x on shows records expanded; \\timing on shows the time of each statement', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    await run(t, '\\x on');
    await t.waitForText(/Expanded display is on\./, LONG);
    await run(t, 'select 1 as a, 2 as b;');
    assert.match(t.screenText(), /^-\[ RECORD 1 \]-*\na +\| 1\nb +\| 2\nsqlite demo\.db> /m, 'no row count after records, as psql');
    await run(t, '\\x off');
    await run(t, '\\timing on');
    await t.waitForText(/Timing is on\./, LONG);
    await run(t, 'select 5 as five;');
    assert.match(t.screenText(), /^Time: \d+\.\d{3} ms/m);
    assert.match(t.screenText(), /^ five *\n-+\n +5\n\(1 row\)/m);
  });

  test('\\timing: the time is printed after the result, as in psql', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    await run(t, '\\timing on');
    await run(t, 'select 5 as five;');
    assert.match(t.screenText(), /\(1 row\)\nTime: \d+\.\d{3} ms/);
  });

  test('\\d tracks on the demo shows columns, Indexes and Foreign-key sections', async () => {
    const t = await startShell(home, ['--demo'], { rows: 60 });
    await waitForIdlePrompt(t);
    await run(t, '\\d tracks');
    const text = allText(t);
    assert.match(text, /^ +Column +\| +Type +\| Nullable \| Default *$/m);
    assert.match(text, /^ track_id +\| INTEGER +\| not null \|/m);
    assert.match(text, /^Indexes:\n +PRIMARY KEY \(track_id\)/m);
    assert.match(text, /^Foreign-key constraints:\n(?: +FOREIGN KEY .*\n)*? +FOREIGN KEY \(album_id\) REFERENCES albums\(album_id\)/m);
    assert.match(text, /^Referenced by:\n(?: +TABLE .*\n)*? +TABLE "invoice_items"/m);
  });
});

describe('configuration and editing', () => {
  test('a bad config value is reported with its key and line, and the shell still starts', async () => {
    const h = shellHome();
    homes.push(h);
    h.writeConfig('# my settings\n\ntheme = "purple"\n');
    const t = await startShell(h, ['--demo']);
    await waitForIdlePrompt(t);
    const screen = t.screenText();
    assert.match(screen, /^sqlsh: .*config\.toml:3\b.*theme/m, screen);
    assert.match(screen, /purple/);
    await run(t, 'select 1 as still_works;');
    assert.match(t.screenText(), /^ still_works *\n-+\n +1\n\(1 row\)/m);
  });

  test('\\e runs $EDITOR and puts the edited text in the buffer at the next prompt', async () => {
    const script = join(home.dir, 'fake-editor.sh');
    writeFileSync(script, '#!/bin/sh\nprintf "select 42 as edited;\\n" > "$1"\n');
    chmodSync(script, 0o755);
    const t = await startShell(home, ['--demo'], { env: { EDITOR: script, VISUAL: '' } });
    await waitForIdlePrompt(t);
    t.type('\\e');
    await t.waitForText(/^sqlite demo\.db> \\e$/m, LONG);
    t.press('enter');
    await t.waitForText(/^sqlite demo\.db> select 42 as edited;$/m, LONG);
    t.press('enter');
    await t.waitForText(/^ edited *\n-+\n +42\n\(1 row\)/m, LONG);
  });

  test('a long result goes through less; q returns to the prompt', async () => {
    const t = await startShell(home, ['--demo'], { env: { PAGER: undefined, LESS: undefined } });
    await waitForIdlePrompt(t);
    t.type('select track_id, name from tracks;');
    await t.waitForText(/from tracks;$/m, LONG);
    t.press('enter');
    await t.waitForText(/^(:|\(END\)|.*lines \d+-\d+).*$/m, LONG);
    const screen = t.screenText();
    assert.match(screen, /^ track_id \| +name/m, 'the pager shows the table');
    assert.doesNotMatch(screen, /^sqlite demo\.db> $/m, 'not back at the prompt yet');
    t.type('q');
    await waitForIdlePrompt(t);
    await waitForNoText(t, /^:$/m);
    await run(t, 'select 9 as after_pager;');
    await waitForAllText(t, /after_pager *\n-+\n +9/);
  });

  test('\\pset pager_min_lines: output taller than the screen but shorter than that is not paged', async () => {
    const t = await startShell(home, ['--demo'], { env: { PAGER: undefined, LESS: undefined } });
    await waitForIdlePrompt(t);
    await run(t, '\\pset pager_min_lines 100000');
    await run(t, 'select track_id from tracks limit 60;');
    const screen = t.screenText();
    assert.match(screen, /^\(60 rows\)$/m, 'printed whole, no pager');
    assert.match(screen, /^sqlite demo\.db> $/m, 'back at the prompt');
  });

  test('\\copy ... from stdin at the >> prompt: lines pasted at once are all kept, Ctrl-C copies nothing', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    await run(t, 'create temp table pasted (a int, b text);');
    t.type('\\copy pasted from stdin\r');
    await t.waitForText(/^>> $/m, LONG);
    t.type('1\tone\r2\ttwo\r3\tthree\r\\.\r');
    await t.waitForText(/^COPY 3$/m, LONG);
    t.type('\\copy pasted from stdin\r');
    await t.waitForText(/^>> $/m, LONG);
    t.type('9\tnine\r');
    t.press('c-c');
    await t.waitForText(/cancelled: nothing was copied/, LONG);
    await run(t, "select count(*) as n, group_concat(b, '+') as b from pasted;");
    await t.waitForText(/^ +3 \| one\+two\+three$/m, LONG);
  });
});
