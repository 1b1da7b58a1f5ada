/**
 * The database server stops under the language server and comes back (a private PostgreSQL of the harness,
 * stopped with pg_ctl -m fast, started again on the same port): while it is down a statement run from the editor
 * gets an error that says the connection is lost and that the next statement tries again, one message is shown,
 * and completion goes on from the catalog snapshot; once the server is back, the next statement runs.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { connect } from '../../src/index.js';
import { postgresBinDir, startPostgres, type PgServer } from '../harness/postgres-server.js';
import { serverTestMode, startFailureReason } from '../harness/server-test.js';
import { LspClient } from './lsp-client.js';

let pg: PgServer | undefined;
let skipped: string | undefined;
let client: LspClient;
const uri = 'file:///lsp-pg-down/q.sql';

const pgCtl = (args: string[]): void => {
  const cmd = join(postgresBinDir(), 'pg_ctl');
  const [c, a] = userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  execFileSync(c, a, { cwd: tmpdir(), stdio: 'ignore', timeout: 60_000 });
};

before(async () => {
  try {
    pg = await startPostgres();
  } catch (e) {
    if (serverTestMode() === 'required') throw e;
    skipped = startFailureReason(e);
    return;
  }
  const c = await connect(pg.url);
  await c.query('CREATE TABLE parcels (parcel_id int PRIMARY KEY, weight numeric)');
  await c.query('INSERT INTO parcels VALUES (1, 2.5), (2, 4)');
  await c.close();
  client = await LspClient.start({ init: { connection: pg.url } });
  client.open(uri, 'SELECT count(*) AS n FROM parcels;');
  await client.catalogLoaded();
});
after(async () => {
  await client?.stop();
  await pg?.stop();
});

test('PostgreSQL stopped mid-session: the run says so, completion goes on, the run works once the server is back', async (t) => {
  if (skipped || !pg) return t.skip(`server unavailable: ${skipped}`);
  const run = () => client.command<{ text: string }>('sqlsh.runStatement', [uri, { line: 0, character: 1 }]);
  assert.match((await run()).text, /\n\s*2\n\(1 row\)/);
  // the options the server runs with, to start it again the same way
  const opts = [...readFileSync(join(pg.dataDir, 'postmaster.opts'), 'utf8').matchAll(/"([^"]*)"/g)].map((m) => m[1]).slice(2).join(' ');
  pgCtl(['-D', pg.dataDir, '-m', 'fast', '-w', 'stop']);
  try {
    const told = client.messages.length;
    const err = await run().then(() => undefined, (e: Error) => e);
    assert.ok(err, 'a statement cannot run while the server is down');
    assert.match(err.message, /lost|connect|refused/i);
    await client.until(() => client.messages.length > told, 'a message to the user');
    // a second try while still down: an error again, and no second copy of the same message
    await run().catch(() => undefined);
    assert.ok(client.messages.length - told <= 2, client.messages.slice(told).join(' | '));
    client.edit(uri, 0, client.text(uri).length, 'SELECT * FROM parc');
    const items = await client.complete(uri, client.text(uri).length);
    assert.ok(items.some((i) => i.text === 'parcels'), 'completion goes on from the snapshot');
    client.edit(uri, 0, client.text(uri).length, 'SELECT count(*) AS n FROM parcels;');
  } finally {
    pgCtl(['-D', pg.dataDir, '-l', join(dirname(pg.dataDir), 'server.log'), '-w', '-t', '60', '-o', opts, 'start']);
  }
  assert.match((await run()).text, /\n\s*2\n\(1 row\)/, 'the next statement after the server is back runs');
});
