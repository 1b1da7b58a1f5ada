/** The real sqlsh binary on the demo database, in a 100x30 pseudo-terminal: what a new user sees first. */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PtySession } from './pty-harness.js';
import { DEMO_PROMPT, LONG, cellColumns, killAll, lastRowOf, pause, run, shellHome, startShell, waitForIdlePrompt, waitForNoText } from './shell-helpers.js';

const home = shellHome();
after(async () => {
  await killAll();
  await home.cleanup();
});

describe('sqlsh --demo in a terminal', () => {
  test('the banner says what we are connected to, then the prompt names the database', async () => {
    const t = await startShell(home, ['--demo']);
    await t.waitForText(DEMO_PROMPT, LONG);
    const screen = t.screenText();
    // The prompt does not wait for the database's worker, so the banner may not know the version yet.
    assert.match(screen, /^sqlsh: connected to sqlite:.*demo\.db \(SQLite( \d[^)]*)?\)/m);
    assert.match(screen, /Type SQL ending with ;\s+\\\? for help/);
    assert.match(screen, /\[F2\] Smart completion: ON/, 'the toolbar is shown');
    await waitForIdlePrompt(t);
  });

  test('typing opens the completion menu, each candidate with its kind', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    t.type('select na');
    await t.waitForText(/^\s+name\s+column\b/m, LONG);
    const screen = t.screenText();
    assert.match(screen, /^\s+NATURAL\s+keyword\b/m);
    assert.match(screen, /^\s+\w+\(\)\s+function\b/m);
    const promptRow = await lastRowOf(t, /^sqlite demo\.db> select na$/);
    assert.match(t.line(promptRow + 1), /name\s+column/, 'the menu opens right under the line being edited');
    t.press('escape');
    await waitForNoText(t, /name\s+column/);
    assert.match(t.screenText(), /^sqlite demo\.db> select na$/m, 'Esc keeps the text');
  });

  test('Tab completes a table name after FROM; the query runs and shows its rows', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    t.type('select track_id, name from trac');
    await t.waitForText(/from trac$/m, LONG);
    // The catalog loads in the background after start-up; the menu refreshes itself when it arrives.
    await t.waitForText(/tracks\s+table/, LONG);
    t.press('tab');
    await t.waitForText(/^sqlite demo\.db> select track_id, name from tracks$/m, LONG);
    assert.match(t.screenText(), /track_details\s+view/, 'the other candidates stay listed while choosing');
    t.press('enter');
    await waitForNoText(t, /track_details\s+view/);
    assert.match(t.screenText(), /^sqlite demo\.db> select track_id, name from tracks$/m, 'Enter accepts without running');
    assert.doesNotMatch(t.screenText(), /rows?\)/);
    t.type(' order by track_id limit 3;');
    await t.waitForText(/limit 3;$/m, LONG);
    t.press('enter');
    await t.waitForText(/\(3 rows\)/, LONG);
    const screen = t.screenText();
    assert.match(screen, /^ track_id \| +name *$/m);
    assert.match(screen, /^-+\+-+$/m);
    assert.match(screen, /^ +1 \| Tomorrow Signals$/m);
    await waitForIdlePrompt(t);
  });

  test('keywords are highlighted differently from identifiers', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    t.type('select name from tracks');
    await t.waitForText(/^sqlite demo\.db> select name from tracks$/m, LONG);
    await pause(300);
    const row = await lastRowOf(t, /^sqlite demo\.db> select name/);
    const start = 'sqlite demo.db> '.length;
    const kw = t.cellAttributes(row, start);
    const ident = t.cellAttributes(row, start + 'select '.length);
    assert.equal(kw.char, 's');
    assert.equal(ident.char, 'n');
    assert.notDeepEqual([kw.fg, kw.bold], [ident.fg, ident.bold], 'select looks different from name');
    const from = t.cellAttributes(row, start + 'select name '.length);
    assert.equal(from.char, 'f');
    assert.deepEqual([from.fg, from.bold], [kw.fg, kw.bold], 'every keyword looks the same');
  });

  test('a multi-line statement: continuation prompts, then the result', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    t.type('select 1,');
    await t.waitForText(/select 1,$/m, LONG);
    t.press('enter');
    await t.waitForText(/^sqlite demo\.db> select 1,\n +-> $/m, LONG);
    t.type('2;');
    await t.waitForText(/-> 2;$/m, LONG);
    t.press('enter');
    await t.waitForText(/^ 1 \| 2 *\n---\+---\n 1 \| 2 *\n\(1 row\)/m, LONG);
    await waitForIdlePrompt(t);
    // An open quote: the continuation prompt says why Enter did not run the statement.
    t.type("select 'ab");
    await t.waitForText(/select 'ab$/m, LONG);
    t.press('enter');
    await t.waitForText(/^sqlite demo\.db> select 'ab\n +'> $/m, LONG);
    t.type("c' as v;");
    await t.waitForText(/'> c' as v;$/m, LONG);
    t.press('enter');
    await t.waitForText(/^ ab *\+\n c\n\(1 row\)/m, LONG);
    await waitForIdlePrompt(t);
  });

  test('wide characters: the column border after the value is in the same cell as in the header', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    await run(t, "select '日本語👍' as v, 1 as w;");
    await t.waitForText(/\(1 row\)/, LONG);
    const header = await lastRowOf(t, /^ +v +\| w *$/);
    const rule = header + 1;
    const value = header + 2;
    assert.match(t.line(value), /日本語👍/);
    const [bar] = cellColumns(t, header, '|');
    assert.equal(bar, 10, `3 CJK characters and an emoji take 8 cells: ' ' + 8 + ' ' then the border\n${t.screenText()}`);
    assert.deepEqual(cellColumns(t, rule, '+'), [bar]);
    assert.deepEqual(cellColumns(t, value, '|'), [bar], t.screenText());
  });

  /** Types a long statement in a 100-column terminal, then narrows it to 40 columns. */
  async function typeThenNarrow(): Promise<{ t: PtySession; sql: string }> {
    const own = shellHome(); // no history: nothing suggested after the cursor
    after(() => own.cleanup());
    const t = await startShell(own, ['--demo']);
    await waitForIdlePrompt(t);
    for (let i = 0; i < 3; i++) await run(t, `select ${i} as filler;`);
    const sql = `select length('${'x'.repeat(60)}')`;
    t.type(sql);
    await t.waitForText(/x{60}'\)$/m, LONG);
    await pause(400); // let the as-you-type menu open (or not), then close it
    t.press('escape');
    await pause(300);
    t.resize(40, 30);
    await pause(800);
    await t.waitForText(/^x{11}'\)$/m, LONG);
    await pause(300);
    await t.settle();
    return { t, sql };
  }

  test('resizing wide → narrow while editing redraws the buffer wrapped to the new width, and it still runs', async () => {
    const { t, sql } = await typeThenNarrow();
    const screen = t.screenText();
    const row = await lastRowOf(t, /^sqlite demo\.db> select length/);
    const wrapped = [t.line(row), t.line(row + 1), t.line(row + 2)].map((l) => l.trimEnd());
    assert.deepEqual(wrapped, [`sqlite demo.db> ${sql}`.slice(0, 40), `sqlite demo.db> ${sql}`.slice(40, 80), `sqlite demo.db> ${sql}`.slice(80)], screen);
    assert.deepEqual(t.cursor(), { row: row + 2, col: (16 + sql.length) % 40 }, `the cursor is at the end of the text:\n${screen}`);
    assert.match(t.line(row + 3), /^ \[F2\] Smart completion: ON .*…$/, 'the toolbar is cut to the new width');
    t.type(';');
    t.press('enter');
    await t.waitForText(/\| 60\nsqlite demo\.db> $/m, LONG); // expanded: the table is wider than 40
  });

  test('resizing wide → narrow with the prompt mid-screen leaves no stale copy of the buffer', async () => {
    const { t } = await typeThenNarrow();
    const screen = t.screenText();
    assert.equal(screen.match(/sqlite demo\.db> select length/g)?.length, 1, `the buffer is drawn once:\n${screen}`);
  });
});
