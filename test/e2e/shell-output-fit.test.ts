/**
 * Output that does not fit the screen, in the real binary: wide tables with \x off (whole rows, the
 * pager scrolls sideways), long help through the pager, \timing not counting the pager, expanded
 * record headers of one width, and start-up text laid out for a narrow terminal.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LONG, allText, killAll, pause, run, shellHome, startShell, waitForIdlePrompt } from './shell-helpers.js';

const home = shellHome();
after(async () => {
  await killAll();
  await home.cleanup();
});

/** Type a statement that may wrap on screen (run() waits for its end on one line), run it, wait for the prompt. */
async function submit(t: Awaited<ReturnType<typeof startShell>>, sql: string): Promise<void> {
  t.type(sql);
  const tail = sql.slice(-12);
  await t.until(() => t.screenText().replace(/\n/g, '').includes(tail), `the typed text ending in ${tail}`, LONG);
  t.press('enter');
  await pause(50);
  await waitForIdlePrompt(t);
}

describe('output that does not fit', () => {
  test('\\x off on a narrow terminal: whole rows, cells never cut narrower than their header; less -S scrolls sideways', async () => {
    const t = await startShell(home, ['--demo'], { cols: 60, env: { PAGER: 'less -SRXF' } });
    await waitForIdlePrompt(t);
    await run(t, '\\x off');
    t.type('select * from customers order by customer_id limit 3;');
    await t.until(() => t.screenText().replace(/\n/g, '').includes('limit 3;'), 'the statement typed', LONG);
    t.press('enter');
    // Wider than the screen: it goes to the pager (less -S stays open at the end of a wide result).
    await t.waitForText(/^\(END\)/m, LONG);
    const screen = t.screenText();
    t.type('q');
    await waitForIdlePrompt(t);
    // less -S shows each row on one screen line, cut at the right edge: the header names are whole.
    assert.match(screen, /^ customer_id \| first_name \| last_name \| company \| +city/m, screen);
    assert.match(screen, /^-{13}\+-{12}\+/m);
    assert.match(screen, /^ +1 \| Rosa +\| Schmidt +\| NULL +\| Buenos Ai/m, 'a row is whole, not wrapped');
    assert.match(screen, /^ +3 \| Elena +\|/m, 'one screen line per row');
    assert.doesNotMatch(screen, /Buen\S*\.|\| os /, 'no value cut into slivers');
    assert.match(screen, /^\(3 rows\)$/m);
  });

  test('\\x off without a pager: the terminal wraps whole rows, values are not wrapped into slivers', async () => {
    const t = await startShell(home, ['--demo'], { cols: 60 });
    await waitForIdlePrompt(t);
    await run(t, '\\x off');
    await submit(t, 'select * from customers order by customer_id limit 2;');
    const text = allText(t).replace(/\n/g, '');
    // The screen wraps each 127-cell row over three lines; read back joined, every row is intact.
    assert.match(text, / +1 \| Rosa +\| Schmidt +\| NULL +\| Buenos Aires \| Argentina \| rosa\.schmidt1@example\.org \| +9 \| +0/);
  });

  test('\\? longer than the screen goes through the pager, as results do', async () => {
    const t = await startShell(home, ['--demo'], { rows: 24, env: { PAGER: 'less' } });
    await waitForIdlePrompt(t);
    t.type('\\?');
    t.press('enter');
    // less holds the first screenful and waits: its prompt on the last row, the prompt not yet back.
    await t.until(() => /^(:|\(END\))\s*$/.test(t.line(23)), 'the pager prompt on the last row', LONG);
    assert.doesNotMatch(t.screenText(), /^sqlite demo\.db> $/m);
    t.type('q');
    await waitForIdlePrompt(t);
  });

  test('\\timing counts the statement and the fetching, not the time spent reading in the pager', async () => {
    const t = await startShell(home, ['--demo'], { env: { PAGER: 'less' } });
    await waitForIdlePrompt(t);
    await run(t, '\\timing on');
    t.type('select t.*, t.name || t.name as twice from tracks t;');
    await pause(200);
    const started = Date.now();
    t.press('enter');
    await t.until(() => /^:\s*$/.test(t.line(29)), 'the pager showing the result', LONG);
    const reading = 3000;
    await pause(reading); // the user reads; the rest of the result waits for the pager
    t.type('G'); // to the end: everything is read
    await t.until(() => /\(END\)/.test(t.line(29)), 'the end of the result in the pager', LONG);
    t.type('q');
    const m = await t.waitForText(/^Time: (\d+\.\d{3}) ms \(4669 rows\)$/m, LONG);
    const wall = Date.now() - started;
    // Counting the pager, the time would be about the whole wait; without it, at least `reading` less.
    assert.ok(Number(m[1]) < wall - reading + 500, `the ${reading} ms in the pager are not counted: ${m[1]} ms of ${wall} ms`);
  });

  test('expanded records: every -[ RECORD n ] header of one result has the same width, as psql', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    await run(t, '\\x on');
    await submit(t, "select 1 as id, 'a' as name union all select 2, 'hello world long' union all select 3, 'x';");
    const headers = t.screenText().split('\n').filter((l) => /^-\[ RECORD \d+ \]/.test(l));
    assert.equal(headers.length, 3);
    assert.deepEqual(headers, ['-[ RECORD 1 ]----------', '-[ RECORD 2 ]----------', '-[ RECORD 3 ]----------']);
  });

  test('the welcome text and the F1 help are laid out for a narrow terminal: no word cut at the edge', async () => {
    const h = shellHome();
    after(() => h.cleanup());
    const t = await startShell(h, ['--demo'], { cols: 50 });
    await waitForIdlePrompt(t);
    const screen = t.screenText();
    const welcome = screen.slice(0, screen.indexOf('sqlite demo.db>')).trimEnd().split('\n');
    for (const l of welcome) assert.ok(l.length < 50 || / $|\S{50}/.test(l), `a line ends at a word, not at the edge: ${JSON.stringify(l)}`);
    assert.match(screen, /^Type SQL ending with ;  \\\? for help$/m, screen);
    assert.match(screen, /^\\d to describe  Ctrl-D to quit\.$/m, screen);
    assert.match(screen, /foreign keys to explore\.$/m);
    assert.match(screen, /\(SQLite\)\.$/m, 'the engine is not cut');
    t.press('f1');
    await t.waitForText(/Tab completes/, LONG);
    const help = t.screenText().split('\n').filter((l) => /Enter runs|Tab completes|Ctrl-D exits/.test(l));
    for (const l of help) assert.ok(l.length < 50, `the help fits: ${JSON.stringify(l)}`);
  });
});
