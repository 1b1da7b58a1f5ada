/**
 * One history file for every database: entries record the database they were typed on; Up/Down and
 * the dimmed suggestion prefer the current database; Ctrl-R searches all, and Ctrl-R on an empty
 * query narrows it to the current one. History files written before this still load.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LONG, pause, run, homesForFile, startShell, waitForIdlePrompt } from './shell-helpers.js';

const home = homesForFile();

describe('history across databases', () => {
  test('suggestions and Up prefer the current database; Ctrl-R finds all, or this database only', async () => {
    const h = home();
    // An older history file (plain JSON strings): it still loads, as entries of no known database.
    const file = join(h.env.XDG_STATE_HOME!, 'sqlsh', 'history');
    mkdirSync(join(h.env.XDG_STATE_HOME!, 'sqlsh'), { recursive: true });
    writeFileSync(file, `${JSON.stringify('select 0 as from_an_old_file;')}\n`, { mode: 0o600 });

    const demo = await startShell(h, ['--demo']);
    await waitForIdlePrompt(demo);
    await run(demo, "select 'on demo' as where_typed;");
    demo.press('c-d');
    assert.equal(await demo.waitForExit(LONG), 0);

    const duckPrompt = 'duckdb other.duckdb> ';
    const duck = await startShell(h, [join(h.dir, 'other.duckdb')]);
    await waitForIdlePrompt(duck, duckPrompt);
    await run(duck, "select 'on duck' as where_typed;", duckPrompt);
    await run(duck, 'select 1 as duck_only;', duckPrompt);
    duck.press('c-d');
    assert.equal(await duck.waitForExit(LONG), 0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    assert.equal(lines[0], JSON.stringify('select 0 as from_an_old_file;'), 'old lines are kept as they were');
    assert.match(lines.at(-1)!, /^\{"text":"select 1 as duck_only;","db":"duckdb:.*other\.duckdb"\}$/);

    const t = await startShell(h, ['--demo']);
    await waitForIdlePrompt(t);
    // The dimmed suggestion: the newest entry starting so is the DuckDB one; the demo's is offered.
    t.type("select 'on");
    await pause(300);
    await t.waitForText(/^sqlite demo\.db> select 'on demo' as where_typed;$/m, LONG);
    t.press('c-c');
    await waitForIdlePrompt(t);
    // Up: this database's entries (and the old file's), not the DuckDB ones.
    t.press('up');
    await t.waitForText(/^sqlite demo\.db> select 'on demo' as where_typed;$/m, LONG);
    t.press('up');
    await t.waitForText(/^sqlite demo\.db> select 0 as from_an_old_file;$/m, LONG);
    t.press('c-c');
    await waitForIdlePrompt(t);
    // Ctrl-R searches every database's entries...
    t.press('c-r');
    t.type('duck_only');
    await t.waitForText(/\(reverse-i-search\)`duck_only': select 1 as duck_only;/, LONG);
    t.press('c-g');
    await waitForIdlePrompt(t);
    // ...and Ctrl-R on the empty query narrows it to this database.
    t.press('c-r');
    await t.waitForText(/\(reverse-i-search\)`'/, LONG);
    t.press('c-r');
    await t.waitForText(/\(reverse-i-search this database\)`'/, LONG);
    t.type('duck_only');
    await t.waitForText(/\(failed reverse-i-search this database\)`duck_only'/, LONG);
    t.press('c-g');
    await waitForIdlePrompt(t);
  });
});
