/**
 * Habits of psql and pgcli users, in the real binary: the \watch header, where a config syntax
 * error is, vi's Esc with the completion menu open, MySQL names in backquotes after \d; the mysql client's
 * DELIMITER and the sqlite3 shell's dot-commands typed at the prompt.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedMariadb } from '../harness/mariadb-server.js';
import { withServer } from '../harness/server-test.js';
import { LONG, escapeRe, pause, run, homesForFile, startShell, waitForIdlePrompt, waitForNoText } from './shell-helpers.js';

const home = homesForFile();

describe('first-hour habits', () => {
  test('\\watch: the header shows the statement, an ISO-like time and the interval, as psql', async () => {
    const t = await startShell(home(), ['--demo']);
    await waitForIdlePrompt(t);
    await run(t, 'select count(*) as n from genres;');
    t.type('\\watch 1');
    t.press('enter');
    const header = /^select count\(\*\) as n from genres {2}(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \(every 1s\)$/m;
    const m = await t.waitForText(header, LONG);
    assert.ok(!Number.isNaN(Date.parse(m[1]!.replace(' ', 'T'))), `a real time: ${m[1]}`);
    assert.doesNotMatch(t.screenText(), /[AP]M\b|\d+\/\d+\/\d{4}/, 'not the locale format');
    t.press('c-c');
    await waitForIdlePrompt(t);
  });

  test('a TOML syntax error in config.toml is reported with its line and column', async () => {
    const h = home();
    const file = h.writeConfig('theme = "dark"\nkey_mode = "vi\ntiming = true\n');
    const t = await startShell(h, ['--demo']);
    await waitForIdlePrompt(t);
    assert.match(t.screenText(), new RegExp(`${escapeRe(file)}:2:15: not valid TOML: `));
  });

  test('vi mode: one Esc with the completion menu open closes it and goes to normal mode', async () => {
    const h = home();
    h.writeConfig('key_mode = "vi"\n');
    const t = await startShell(h, ['--demo']);
    await waitForIdlePrompt(t);
    t.type('select * from ar');
    await t.waitForText(/artists/, LONG); // the menu offers the table
    t.press('escape');
    await waitForNoText(t, /^\s+artists\s/m);
    await pause(100); // past the Esc timeout: the next keys are commands
    t.type('0wcwcount(*)');
    t.press('escape');
    await t.waitForText(/^sqlite demo\.db> select count\(\*\) from ar$/m, LONG);
  });

  test('MySQL: \\d `name in backquotes` finds the table, as the name without quotes does', async (ctx) => {
    const server = await withServer(ctx, sharedMariadb);
    if (!server) return;
    const db = `friction_${process.pid}`;
    const url = `${server.url.replace(/\/[^/?]*(\?.*)?$/, '')}/`;
    const h = home();
    h.writeConfig('confirm_destructive = false\n');
    const t = await startShell(h, [url], { rows: 40 });
    const prompt = (await t.waitForText(/^(mysql [^\n]*> )$/m, LONG))[1]!;
    await waitForIdlePrompt(t, prompt);
    await run(t, `create database if not exists ${db};`, prompt);
    await run(t, `create table ${db}.\`my table\` (\`odd col\` int, name varchar(10));`, prompt);
    for (const name of [`${db}.\`my table\``, `\`${db}\`.\`my table\``, `${db}."my table"`]) {
      await run(t, `\\d ${name}`, prompt);
      const screen = t.screenText();
      const after = screen.slice(screen.lastIndexOf(`\\d ${name}`));
      assert.match(after, /^ *odd col +\| int/m, `\\d ${name} describes the table:\n${after}`);
      assert.doesNotMatch(after, /Did not find|too many arguments/);
    }
    await run(t, `drop database ${db};`, prompt);
  });

  test('MySQL: DELIMITER typed at the prompt holds for the next lines until DELIMITER ; (a procedure body with ;)', async (ctx) => {
    const server = await withServer(ctx, sharedMariadb);
    if (!server) return;
    const h = home();
    h.writeConfig('confirm_destructive = false\n');
    const t = await startShell(h, [server.url], { rows: 40 });
    const prompt = (await t.waitForText(/^(mysql [^\n]*> )$/m, LONG))[1]!;
    await waitForIdlePrompt(t, prompt);
    const proc = `delim_${process.pid}`;
    await run(t, 'delimiter //', prompt);
    await run(t, `create procedure ${proc}() begin select 42 as answer; end//`, prompt);
    await run(t, 'delimiter ;', prompt);
    await run(t, `call ${proc}();`, prompt);
    await run(t, `drop procedure ${proc};`, prompt);
    const screen = t.screenText();
    assert.match(screen, /^ *answer *\n-+\n *42$/m, screen);
    assert.doesNotMatch(screen, /ERROR/, screen);
  });

  test('SQLite: a dot-command typed at the prompt runs on Enter, as in sqlite3 (.tables, .mode csv, .headers on)', async () => {
    const t = await startShell(home(), ['--demo']);
    await waitForIdlePrompt(t);
    await run(t, '.tables');
    assert.match(t.screenText(), /^albums +genres/m);
    await run(t, '.mode csv');
    await run(t, '.headers on');
    await run(t, "select 1 as a, 'x,y' as b;");
    // csv's \r\n ends the lines: no `\r` shown
    assert.match(t.screenText(), /^a,b\n1,"x,y"\nsqlite demo\.db> $/m);
    await run(t, '.mode box');
    await run(t, 'select 2 as c;');
    assert.match(t.screenText(), /^│ c │\n├───┤\n│ 2 │$/m);
  });
});
