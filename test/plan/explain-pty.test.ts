/**
 * \explain in a real terminal (pty read through @xterm/headless): a DuckDB plan fitted to 64 columns,
 * the most expensive node in bold red with colour and marked in text with NO_COLOR, and on the demo
 * database an analyzed DELETE that leaves the rows in place.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { homesForFile, run, startShell, waitForIdlePrompt, LONG } from '../e2e/shell-helpers.js';
import { sqlsh } from '../meta/cli-helper.js';

const newHome = homesForFile();

const QUERY = 'select a.name, count(*) as n from artists a join tracks t on t.artist_id = a.id group by a.name order by n desc';

test('DuckDB: the tree fits 64 columns; the most expensive node is bold red, and marked in text with NO_COLOR', async () => {
  const home = newHome();
  const db = join(home.dir, 'plan.duckdb');
  const setup = sqlsh(db, [
    'create table artists (id integer primary key, name varchar); create table tracks (id integer primary key, artist_id integer, title varchar);' +
      "insert into artists select i, 'artist ' || i from range(1, 200) r(i); insert into tracks select i, i % 199 + 1, 'track ' || i from range(1, 5000) r(i);",
  ]);
  assert.equal(setup.status, 0, setup.stderr);
  for (const noColor of [undefined, '1']) {
    const t = await startShell(home, [db], { cols: 64, rows: 60, env: { NO_COLOR: noColor } });
    await waitForIdlePrompt(t, 'duckdb plan.duckdb> ');
    await run(t, `\\explain analyze ${QUERY}`, 'duckdb plan.duckdb> ');
    await t.waitForText(/Execution Time: [\d.]+ ms/, LONG);
    await t.settle();
    const screen = t.screenText();
    assert.match(screen, /^DuckDB plan \(analyzed\)$/m);
    assert.match(screen, /SEQ_SCAN on \S*artists/);
    assert.match(screen, /HASH_JOIN/);
    const rows = screen.split('\n');
    // every plan line fits: nothing is cut by the terminal's own wrapping (no line is exactly full and continued)
    const first = rows.findIndex((l) => l.startsWith('DuckDB plan'));
    const last = rows.findIndex((l) => l.startsWith('Execution Time'));
    for (const l of rows.slice(first, last + 1)) assert.ok([...l].length <= 64, `wider than 64: ${l}`);
    const hot = rows.findIndex((l) => l.includes('◀ most time'));
    assert.ok(hot >= 0, `no most-expensive marker:\n${screen}`);
    const col = [...rows[hot]!].indexOf('◀');
    const cell = t.cellAttributes(hot, col);
    if (noColor) assert.deepEqual([cell.bold, cell.fg], [false, 'default']);
    else assert.deepEqual([cell.bold, cell.fg], [true, 1], `the marker's cell: ${JSON.stringify(cell)}`);
    t.kill();
  }
});

test('demo database: \\explain analyze DELETE says it was rolled back and the rows stay', async () => {
  const home = newHome();
  const t = await startShell(home, ['--demo'], { rows: 40, env: { NO_COLOR: '1' } });
  await waitForIdlePrompt(t);
  await run(t, 'select count(*) as n from invoice_items;');
  await t.waitForText(/\(1 row\)/, LONG);
  const before = /^ +(\d+)\n\(1 row\)/m.exec(t.screenText())![1];
  await run(t, '\\explain analyze delete from invoice_items where quantity >= 1');
  await t.waitForText(/nothing was changed\./, LONG);
  assert.match(t.screenText(), /^SQLite plan \(analyzed\)\nSCAN on invoice_items\n/m);
  await run(t, 'select count(*) as after_n from invoice_items;');
  await t.waitForText(/after_n/, LONG);
  await t.settle();
  assert.match(t.screenText(), new RegExp(`after_n *\\n-+\\n +${before}\\n`), t.screenText());
});

test('a plan taller than the screen goes through the pager, as results do', async () => {
  const home = newHome();
  const t = await startShell(home, ['--demo'], { rows: 8, env: { NO_COLOR: '1', PAGER: "sed 's/^/PAGED: /'" } });
  await waitForIdlePrompt(t);
  await run(t, '\\explain select g.name, count(*) from tracks t join genres g on g.genre_id = t.genre_id join albums a on a.album_id = t.album_id join artists ar on ar.artist_id = a.artist_id where t.milliseconds > 1000 group by g.name order by 2 desc');
  await t.waitForText(/PAGED: USE TEMP B-TREE FOR ORDER BY/, LONG);
  assert.match(t.screenText(), /PAGED: SEARCH on ar\n/);
});

test('\\explain analyze of nextval(): says what the rollback cannot undo and asks; N runs nothing, y runs it', async () => {
  const home = newHome();
  const db = join(home.dir, 'seq.duckdb');
  assert.equal(sqlsh(db, ['create sequence s;']).status, 0);
  const prompt = 'duckdb seq.duckdb> ';
  const t = await startShell(home, [db], { rows: 40, env: { NO_COLOR: '1' } });
  await waitForIdlePrompt(t, prompt);
  t.type("\\explain analyze select nextval('s')");
  t.press('enter');
  await t.waitForText(/Run it anyway\? \[y\/N\] $/m, LONG);
  assert.match(t.screenText().replace(/\n/g, ''), /it calls nextval\(\), whose effect a rollback does not undo: the sequence keeps its new value/);
  t.type('n');
  t.press('enter');
  await t.waitForText(/Not run; nothing was changed/, LONG);
  await waitForIdlePrompt(t, prompt);
  t.type("\\explain analyze select nextval('s') as again");
  t.press('enter');
  await t.waitForText(/Run it anyway\? \[y\/N\] $/m, LONG);
  t.type('y');
  t.press('enter');
  await t.waitForText(/rolled back, except what a rollback cannot undo/, LONG);
  await waitForIdlePrompt(t, prompt);
  // N took nothing, y took one value: the next is 2 (DuckDB keeps it for the open database).
  await run(t, "select nextval('s') as next_value;", prompt);
  await t.settle();
  assert.match(t.screenText(), /next_value\s*\n-+\n\s*2\n/);
  t.kill();
});

test('F5 shows the plan of the statement at the cursor without running it; the buffer comes back to edit', async () => {
  const home = newHome();
  const t = await startShell(home, ['--demo'], { rows: 40, env: { NO_COLOR: '1' } });
  await waitForIdlePrompt(t);
  // Two statements in the buffer, the cursor in the second (a DELETE): its plan, and nothing deleted.
  t.paste('select count(*) as kept from invoice_items;\ndelete from invoice_items where quantity >= 1;');
  await t.waitForText(/quantity >= 1;$/m, LONG);
  t.press('f5');
  await t.waitForText(/^SQLite plan\nSCAN on invoice_items$/m, LONG);
  await t.waitForText(/SCAN on invoice_items\n.*sqlite demo\.db> select count\(\*\) as kept from invoice_items;\n +-> delete from invoice_items where quantity >= 1;\n/m, LONG);
  assert.doesNotMatch(t.screenText(), /\(1 row\)/, 'F5 ran a statement');
  // The cursor moved into the first statement: F5 explains that one.
  t.press('up');
  t.press('f5');
  await t.waitForText(/^SQLite plan\nSCAN on invoice_items\n(?:.*\n)*SQLite plan\n(?:SCAN|SEARCH)[^\n]*invoice_items/m, LONG);
  // Enter now runs the whole buffer as typed (the preview asks about the DELETE: answer no).
  t.press('enter');
  await t.waitForText(/\(1 row\)/, LONG);
  await t.waitForText(/\[y\/N\/e\(dit\)\] $/m, LONG);
  t.type('n');
  t.press('enter');
  await t.waitForText(/Nothing was changed\./, LONG);
  t.kill();
});
