/** The line editor in a real pseudo-terminal, through the small demo program (fixtures/editor-demo). */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { PtySession, type SpawnOptions } from './pty-harness.js';

const demo = fileURLToPath(new URL('./fixtures/editor-demo.js', import.meta.url));
const sessions: PtySession[] = [];

async function start(opts: SpawnOptions = {}): Promise<PtySession> {
  const t = PtySession.spawn(process.execPath, [demo], opts);
  sessions.push(t);
  await t.waitForText(/demo> /);
  return t;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

after(() => {
  for (const s of sessions) s.kill();
});

describe('line editor in a terminal', () => {
  test('keywords are highlighted differently from identifiers', async () => {
    const t = await start();
    t.type('select name from users');
    await t.waitForText(/demo> select name from users/);
    const row = await t.rowOf(/demo> select/);
    const kw = t.cellAttributes(row, 6);
    const ident = t.cellAttributes(row, 13);
    assert.equal(kw.char, 's');
    assert.equal(ident.char, 'n');
    assert.equal(kw.bold, true);
    assert.notDeepEqual([kw.fg, kw.bold], [ident.fg, ident.bold]);
    assert.equal(ident.fg, 'default');
  });

  test('Tab opens the completion menu and Enter accepts the selection', async () => {
    const t = await start({ env: { DEMO_TYPING_MENU: '0' } });
    t.type('select * from us');
    await t.waitForText(/from us$/m);
    t.press('tab');
    await t.waitForText(/user_roles\s+table/);
    assert.match(t.screenText(), /users\s+table/);
    t.press('tab');
    await t.waitForText(/from user_roles/);
    t.press('enter');
    await pause(50);
    assert.doesNotMatch(t.screenText(), /user_roles\s+table/, 'the menu is closed after accepting');
    t.type(';');
    t.press('enter');
    await t.waitForText(/SUBMITTED: "select \* from user_roles;"/);
  });

  test('the menu opens while typing after a short idle', async () => {
    const t = await start();
    t.type('select * from ord');
    await t.waitForText(/order_items\s+table/);
    assert.match(t.screenText(), /orders\s+table/);
    t.press('escape');
    await pause(80);
    assert.doesNotMatch(t.screenText(), /order_items\s+table/);
  });

  test('a multi-line statement shows continuation prompts with the reason, and runs on ;', async () => {
    const t = await start();
    t.type("select 'a");
    t.press('enter');
    await t.waitForText(/^ 2'\.\.\. $/m);
    t.type("b',");
    t.press('enter');
    await t.waitForText(/^ 3\.\.\.\. $/m);
    t.type('2;');
    t.press('enter');
    await t.waitForText(/SUBMITTED: "select 'a\\nb',\\n2;"/);
  });

  test('Ctrl-R finds an earlier entry and Enter runs it', async () => {
    const t = await start();
    t.type('select 111;');
    t.press('enter');
    await t.waitForText(/SUBMITTED: "select 111;"/);
    t.type('select 222;');
    t.press('enter');
    await t.waitForText(/SUBMITTED: "select 222;"/);
    // Wait for the next prompt: between reads the terminal is in normal mode, where its line
    // discipline takes Ctrl-R for itself (reprint), as in any shell.
    await t.waitForText(/SUBMITTED: "select 222;"\n(.*\n)*demo> $/m);
    t.press('c-r');
    t.type('11');
    await t.waitForText(/\(reverse-i-search\)`11': select 111;/);
    const row = await t.rowOf(/reverse-i-search/);
    const matchCol = t.line(row).indexOf('111;');
    assert.equal(t.cellAttributes(row, matchCol + 1).underline, true, 'the match is highlighted');
    t.press('enter');
    await t.waitForText(/SUBMITTED: "select 111;"\n(.*\n)*SUBMITTED: "select 222;"\n(.*\n)*SUBMITTED: "select 111;"/);
  });

  test('a pasted multi-line script lands in the buffer and is not run line by line', async () => {
    const t = await start();
    t.paste('select 1;\r\nselect 2;\r\n');
    await t.waitForText(/select 2;/);
    await pause(100);
    assert.doesNotMatch(t.output, /SUBMITTED/);
    t.press('enter');
    await t.waitForText(/SUBMITTED: "select 1;\\nselect 2;\\n"/);
    assert.equal(t.output.match(/SUBMITTED/g)?.length, 1);
  });

  test('resizing while editing redraws the buffer once, wrapped to the new width', async () => {
    // A screen full of earlier output, as in a real session (the prompt is at the bottom).
    const t = await start({ env: { DEMO_PREFILL: '40' } });
    t.type('select ' + 'x'.repeat(60));
    await t.waitForText(/x{60}/);
    t.resize(40, 20);
    await t.waitForText(/^x{33}$/m); // 'demo> select ' + 60 x, wrapped at 40
    await t.until(() => t.cursor().col === 6 + 7 + 60 - 40, 'the cursor at the end of the wrapped text');
    const screen = t.screenText();
    assert.equal(screen.match(/demo> select/g)?.length, 1, screen);
    assert.deepEqual(t.cursor(), { row: (await t.rowOf(/demo> select/)) + 1, col: 6 + 7 + 60 - 40 });
    assert.match(screen, /output line 40\ndemo> select/, 'the output above is kept');
    t.resize(120, 30);
    await t.waitForText(/demo> select x{60}$/m);
    assert.equal(t.screenText().match(/demo> select/g)?.length, 1, t.screenText());
    t.type(';');
    t.press('enter');
    await t.waitForText(/SUBMITTED: "select x+;"/);
  });

  for (const menu of [false, true]) {
    test(`narrowing with the prompt mid-screen${menu ? ' and the menu open' : ''} draws the buffer once, under the earlier output`, async () => {
      const t = await start({ cols: 100, rows: 30, env: { DEMO_PREFILL: '3' } });
      const text = menu ? `select ${'y'.repeat(70)} from us` : `select '${'x'.repeat(80)}'`;
      t.type(text);
      await t.waitForText(menu ? /users\s+table/ : /x{80}'$/m);
      t.resize(40, 30);
      const last = text.slice(-((6 + text.length) % 40));
      await t.waitForText(new RegExp(`^${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
      await t.until(() => t.cursor().col === (6 + text.length) % 40, 'the cursor at the end of the text');
      const screen = t.screenText();
      assert.equal(screen.match(/demo> select/g)?.length, 1, `the buffer is drawn once:\n${screen}`);
      assert.match(screen, /^output line 3\ndemo> select/m, `the earlier output is kept, right above:\n${screen}`);
      if (menu) assert.equal(screen.match(/users\s+table/g)?.length, 1, `one menu:\n${screen}`);
    });
  }

  test('the menu does not open by itself after a closing parenthesis or while naming an alias; it does for a word', async () => {
    const t = await start();
    const menuShown = (): boolean => /users\s+table|SELECT\s+keyword/.test(t.screenText());
    t.type("select length('abc') ");
    await t.waitForText(/length\('abc'\) $/m);
    await pause(300); // several times the 40 ms idle after which the menu would open
    assert.equal(menuShown(), false, `no menu after ') ':\n${t.screenText()}`);
    t.type('as u');
    await t.waitForText(/\) as u$/m);
    await pause(300);
    assert.equal(menuShown(), false, `no menu while naming an alias:\n${t.screenText()}`);
    t.type(', u');
    await t.waitForText(/users\s+table/); // a word being typed: the menu opens by itself
    t.press('escape');
    await t.until(() => !menuShown(), 'the menu to close');
    t.press('left', 'left', 'left', 'tab');
    await t.waitForText(/users\s+table/); // Tab opens it anywhere
  });

  test('wide characters: the cursor lands after them, counting 2 cells each', async () => {
    const t = await start();
    t.type("select '用户😀'");
    await t.waitForText(/select '用户😀'/);
    const row = await t.rowOf(/demo> select/);
    await t.until(() => t.cursor().row === row && t.cursor().col === 6 + 8 + 6 + 1, 'the cursor after the quote (the emoji is 2 cells)');
    assert.deepEqual(t.cellAttributes(row, 6 + 8 + 4).char, '😀');
    t.press('left', 'left');
    await t.until(() => t.cursor().col === 6 + 8 + 4, 'the cursor on the emoji');
    assert.deepEqual(t.cursor(), { row, col: 6 + 8 + 4 });
  });

  test('Ctrl-D on an empty buffer exits and leaves the terminal in cooked mode with the cursor shown', async () => {
    const t = PtySession.spawn('/bin/sh', ['-c', `'${process.execPath}' '${demo}'; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo END`]);
    sessions.push(t);
    await t.waitForText(/demo> /);
    t.type('select');
    t.press('c-a', 'c-k');
    await pause(50);
    t.press('c-d');
    // (the shell's exit and stty after it: seconds on a loaded machine, under CI's whole suite)
    await t.waitForText(/BYE/, 20_000);
    await t.waitForText(/END/, 20_000);
    const screen = t.screenText();
    assert.match(screen, /(^| )icanon /m);
    assert.match(screen, /(^| )echo /m);
    assert.doesNotMatch(screen, /-icanon|-echo /);
    assert.equal(t.cursorHidden(), false);
    assert.equal(t.term.modes.bracketedPasteMode, false);
  });

  test('Ctrl-X edits the buffer in $EDITOR and brings the text back', async () => {
    const t = await start({ env: { VISUAL: '', EDITOR: "sed -i -e 's/1/42/'" } });
    t.type('select 1');
    await t.waitForText(/demo> select 1/);
    t.press('c-x');
    await t.waitForText(/demo> select 42/);
    t.type(';');
    t.press('enter');
    await t.waitForText(/SUBMITTED: "select 42;"/);
  });

  test('vi mode: Esc, motions and operators', async () => {
    const t = await start({ env: { DEMO_KEYMODE: 'vi' } });
    t.type('select foo bar');
    await t.waitForText(/Vi-insert/);
    t.press('escape');
    await pause(80);
    t.type('0wdw');
    await t.waitForText(/demo> select bar$/m);
    assert.match(t.screenText(), /Vi-normal/);
    t.type('A;');
    t.press('enter');
    await t.waitForText(/SUBMITTED: "select bar;"/);
  });

  test('NO_COLOR: no colours, text still shown', async () => {
    const t = await start({ env: { NO_COLOR: '1' } });
    t.type('select name');
    await t.waitForText(/demo> select name/);
    const row = await t.rowOf(/demo> select/);
    assert.equal(t.cellAttributes(row, 6).fg, 'default');
    assert.equal(t.cellAttributes(row, 6).bold, false);
  });

  test('F3 turns multi-line off: Enter runs the buffer without ;', async () => {
    const t = await start();
    t.press('f3');
    await t.waitForText(/Multi-line: off/);
    t.type('select 1');
    t.press('enter');
    await t.waitForText(/SUBMITTED: "select 1"/);
  });

  test('Ctrl-C clears the buffer and gives a fresh prompt', async () => {
    const t = await start();
    t.type('select 1');
    await t.waitForText(/demo> select 1/);
    t.press('c-c');
    await t.waitForText(/demo> select 1\ndemo> $/m);
    t.type('select 2;');
    t.press('enter');
    await t.waitForText(/SUBMITTED: "select 2;"/);
  });

  test('Ctrl-Z suspends to the shell and fg brings the editor back with the buffer', async () => {
    const t = PtySession.spawn('/bin/bash', ['--norc', '--noprofile', '-i'], { env: { PS1: 'sh$ ' } });
    sessions.push(t);
    await t.waitForText(/sh\$ $/m);
    t.type(`'${process.execPath}' '${demo}'\r`);
    await t.waitForText(/demo> /);
    t.type('select 1');
    await t.waitForText(/demo> select 1/);
    t.press('c-z');
    await t.waitForText(/Stopped/);
    await t.waitForText(/sh\$ $/m);
    t.type('fg\r');
    await t.waitForText(/demo> select 1\n.*\[F2\]/);
    t.type(';\r');
    await t.waitForText(/SUBMITTED: "select 1;"/);
  });
});
