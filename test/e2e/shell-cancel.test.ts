/** Ctrl-C while a statement runs cancels it and keeps the session: SQLite (demo) and PostgreSQL. */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedPostgres } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';
import { LONG, escapeRe, killAll, pause, run, shellHome, startShell, waitForIdlePrompt } from './shell-helpers.js';

const home = shellHome();
after(() => {
  killAll();
  home.cleanup();
});

describe('Ctrl-C during a query', () => {
  test('SQLite: a slow recursive query is cancelled, a new prompt comes back, the next query works', async () => {
    const t = await startShell(home, ['--demo']);
    await waitForIdlePrompt(t);
    t.type('with recursive c(x) as (select 1 union all select x+1 from c where x < 50000000) select count(*) from c;');
    await t.waitForText(/count\(\*\) from c;$/m, LONG);
    t.press('enter');
    await pause(1500); // it is running now (it takes far longer than this)
    const started = Date.now();
    t.press('c-c');
    await t.waitForText(/Cancelled/, LONG);
    await waitForIdlePrompt(t);
    assert.ok(Date.now() - started < LONG, 'back at the prompt well before the query could have finished');
    assert.doesNotMatch(t.screenText(), /50000000\n\(1 row\)/);
    await run(t, 'select 42 as answer;');
    assert.match(t.screenText(), /^ answer\n-+\n +42\n\(1 row\)/m);
  });

  test('PostgreSQL: pg_sleep(30) is cancelled; the prompt names the database; \\conninfo shows no password', async (ctx) => {
    const server = await withServer(ctx, sharedPostgres);
    if (!server) return;
    const env = { PGPASSFILE: '/nonexistent-pgpass', PGSERVICEFILE: '/nonexistent-service', PGSYSCONFDIR: '/nonexistent' };
    const t = await startShell(home, [server.url], { env });
    const prompt = `pg ${server.user}@${server.host}/postgres> `;
    await t.waitForText(new RegExp(`^${escapeRe(prompt)}$`, 'm'), LONG);
    await waitForIdlePrompt(t, prompt);
    assert.match(t.screenText(), /PostgreSQL/);
    await run(t, '\\conninfo', prompt);
    const screen = t.screenText();
    assert.match(screen, /postgres/);
    if (server.password) assert.doesNotMatch(t.output, new RegExp(escapeRe(server.password)), 'the password is never shown');

    t.type('select pg_sleep(30);');
    await t.waitForText(/pg_sleep\(30\);$/m, LONG);
    t.press('enter');
    await pause(1500);
    const started = Date.now();
    t.press('c-c');
    await t.waitForText(/Cancelled/, LONG);
    await waitForIdlePrompt(t, prompt);
    assert.ok(Date.now() - started < 25_000, 'cancelled, not finished');
    await run(t, 'select 7 as n;', prompt);
    assert.match(t.screenText(), /^ n\n-+\n +7\n\(1 row\)/m);
  });
});
