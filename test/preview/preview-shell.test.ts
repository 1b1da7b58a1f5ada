/**
 * The preview as a user meets it: the real binary in a pty (test/e2e/pty-harness.ts), a SQLite file
 * with a cascade and a trigger. The question, N, e and y are typed at the keyboard; the screen is read
 * back through the headless terminal.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { LONG, homesForFile, run, startShell, waitForIdlePrompt } from '../e2e/shell-helpers.js';

const home = homesForFile();

const SHOP = `
create table orders (id integer primary key, customer text);
create table items (id integer primary key, order_id integer not null references orders (id) on delete cascade);
create table audit (order_id integer);
create trigger orders_audit after delete on orders begin insert into audit values (old.id); end;
insert into orders values (1, 'ann'), (2, 'bob'), (3, 'cy'), (4, 'di'), (5, 'ed');
insert into items values (1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (6, 3), (7, 4), (8, 4), (9, 5), (10, 5);
`;

describe('preview in the shell', () => {
  test('DELETE shows the rows per table and asks; n changes nothing, e gives it back, y commits it', async () => {
    const h = home();
    const db = join(h.dir, 'shop.db');
    execFileSync('sqlite3', [db], { input: SHOP });
    const t = await startShell(h, [db], { rows: 40 });
    const prompt = 'sqlite shop.db> ';
    await waitForIdlePrompt(t, prompt);
    t.type('delete from orders where id <= 2;');
    t.press('enter');
    await t.waitForText(/^Commit 8 changes\? \[y\/N\/e\(dit\)\] $/m, LONG);
    const screen = t.screenText();
    assert.match(screen, /^Preview \(in a transaction, not committed\):\n {2}orders +2 rows deleted\n {2}audit +2 rows inserted \(by a cascade or trigger\)\n {2}items +4 rows deleted \(by a cascade or trigger\)\n/m);
    assert.match(screen, /^Rows it deletes:\n id \| customer ?\n-+\+-+\n +1 \| ann\n +2 \| bob\n\(2 rows\)$/m);
    t.type('n\r');
    await t.waitForText(/^Nothing was changed\.$/m, LONG);
    await waitForIdlePrompt(t, prompt);
    await run(t, 'select (select count(*) from orders) || \'/\' || (select count(*) from items) || \'/\' || (select count(*) from audit) as n;', prompt);
    assert.match(t.screenText(), /^ 5\/10\/0$/m);

    t.type('delete from orders where id = 5;');
    t.press('enter');
    await t.waitForText(/^Commit 4 changes\? \[y\/N\/e\(dit\)\] $/m, LONG);
    t.type('e\r');
    await t.waitForText(/^Nothing was changed; the statement is back in the editor\.\nsqlite shop\.db> delete from orders where id = 5;$/m, LONG);
    t.press('enter');
    await t.waitForText(/^Commit 4 changes\? \[y\/N\/e\(dit\)\] $/m, LONG);
    t.type('y\r');
    await t.waitForText(/^DELETE 1$/m, LONG);
    await waitForIdlePrompt(t, prompt);
    await run(t, 'select (select count(*) from orders) || \'/\' || (select count(*) from items) || \'/\' || (select count(*) from audit) as m;', prompt);
    assert.match(t.screenText(), /^ 4\/8\/1$/m);
  });

  test('preview = "off" keeps the plain question of confirm_destructive; confirm_destructive = false asks nothing', async () => {
    const h = home();
    const db = join(h.dir, 'shop.db');
    execFileSync('sqlite3', [db], { input: SHOP });
    h.writeConfig('preview = "off"\n');
    const t = await startShell(h, [db], { rows: 40 });
    const prompt = 'sqlite shop.db> ';
    await waitForIdlePrompt(t, prompt);
    t.type('delete from items;');
    t.press('enter');
    await t.waitForText(/^sqlite shop\.db> delete from items;\nDELETE without WHERE deletes every row of "items"\. Run it\? \[y\/N\] $/m, LONG);
    t.type('n\r');
    await t.waitForText(/^Not run: nothing was changed\.$/m, LONG);
    const h2 = home();
    const db2 = join(h2.dir, 'shop.db');
    execFileSync('sqlite3', [db2], { input: SHOP });
    h2.writeConfig('confirm_destructive = false\n');
    const t2 = await startShell(h2, [db2], { rows: 40 });
    await waitForIdlePrompt(t2, prompt);
    t2.type('delete from items;');
    t2.press('enter');
    await t2.waitForText(/^DELETE 10$/m, LONG);
    assert.doesNotMatch(t2.screenText(), /Commit|Run it/);
  });
});
