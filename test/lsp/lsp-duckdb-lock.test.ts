/**
 * A DuckDB file is open in one process at a time, and the user's shell wants the same file as the language
 * server. The server holds the file only while it uses it: the real shell (`sqlsh FILE -c ...`) opens it while
 * the server runs; while another process has it, completion goes on from the catalog snapshot and a statement
 * is refused with DuckDB's reason and what to do (the holder: the real shell in a terminal); once the file is free the server uses it again. A server
 * started while the file is taken reads the catalog by itself as soon as it is free.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DUCKDB_IDLE_CLOSE_MS } from '../../src/lsp/db-session.js';
import { PtySession } from '../e2e/pty-harness.js';
import { LspClient, ROOT } from './lsp-client.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-lsp-duck-lock-'));
const file = join(dir, 'shop.duckdb');
const uri = `file://${dir}/q.sql`;
let client: LspClient;

/** The shell, as a user runs it: `sqlsh shop.duckdb -c SQL`. */
const shell = (sql: string) => spawnSync(process.execPath, [`${ROOT}bin/sqlsh.js`, file, '-c', sql], { encoding: 'utf8', env: { ...process.env, HOME: dir } });

/** The shell open on the file in a terminal, as a user has it: it holds the file until \q. */
async function openShell(): Promise<{ close: () => Promise<void> }> {
  const t = PtySession.spawn(process.execPath, [`${ROOT}bin/sqlsh.js`, file], { cwd: dir, env: { HOME: dir } });
  t.type('SELECT 40 + 2 AS answer;\r');
  await t.waitForText(/\b42\b/, 15_000);
  return {
    close: async () => {
      if (t.exitCode === undefined) {
        t.type('\\q\r');
        await t.waitForExit(5000);
      }
    },
  };
}

before(async () => {
  // made by the shell, in a process of its own (this process would keep DuckDB's lock until its next garbage collection)
  const made = shell('CREATE TABLE shipments (shipment_id INTEGER PRIMARY KEY, weight DOUBLE); INSERT INTO shipments VALUES (1, 2.5), (2, 4);');
  assert.equal(made.status, 0, made.stderr);
  client = await LspClient.start({ root: dir, args: [file] });
  client.open(uri, 'SELECT count(*) AS n FROM shipments;');
  await client.catalogLoaded();
});
after(async () => {
  await client?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const tables = async (prefix: string): Promise<string[]> => {
  client.edit(uri, 0, client.text(uri).length, `SELECT * FROM ${prefix}`);
  const items = await client.complete(uri, client.text(uri).length);
  return items.filter((i) => i.kind === 'table').map((i) => i.text);
};
const run = () => {
  client.edit(uri, 0, client.text(uri).length, 'SELECT count(*) AS n FROM shipments;');
  return client.command<{ text: string }>('sqlsh.runStatement', [uri, { line: 0, character: 1 }]);
};

test('the shell opens the file while the server runs; while it has the file, completion goes on and a run says why not', async () => {
  // the server has just read the catalog; a moment later it has let the file go, and the real shell opens it
  const until = Date.now() + DUCKDB_IDLE_CLOSE_MS + 5000;
  let r = shell('INSERT INTO shipments VALUES (3, 1); SELECT count(*) AS n FROM shipments;');
  while (r.status !== 0 && Date.now() < until) {
    await new Promise((res) => setTimeout(res, 200));
    r = shell('INSERT INTO shipments VALUES (3, 1); SELECT count(*) AS n FROM shipments;');
  }
  assert.equal(r.status, 0, `the shell could not open the file the server uses: ${r.stderr}`);
  assert.match(r.stdout, /\b3\b/);

  // the shell, open on the file, holds it
  const held = await openShell();
  try {
    assert.deepEqual(await tables('ship'), ['shipments'], 'completion goes on from the catalog snapshot');
    const refused = await run().then(() => undefined, (e: Error) => e);
    assert.ok(refused, 'a statement cannot run while another process has the file');
    assert.match(refused.message, /in use by another process/);
    assert.match(refused.message, /one process at a time/);
    assert.ok(client.messages.some((m) => /in use by another process/.test(m)), client.messages.join(' | '));
    assert.deepEqual(await tables('ship'), ['shipments'], 'the server still serves');
    await held.close();
    const ok = await run();
    assert.match(ok.text, /^\s*n\s*\n-+\n\s*3\n\(1 row\)/, 'the file is used again, with the shell\'s insert');
  } finally {
    await held.close();
  }
});

test('a server started while another process has the file reads the catalog as soon as it is free', async () => {
  await client.stop(); // the first server, done
  const held = await openShell();
  const second = await LspClient.start({ root: dir, args: [file] });
  try {
    const doc = `file://${dir}/second.sql`;
    second.open(doc, 'SELECT * FROM nosuch;');
    await second.until(() => second.messages.some((m) => /in use by another process/.test(m) && /as soon as the other process closes it/.test(m)), 'the locked message');
    assert.equal(second.diagnostics.get(doc)?.some((d) => d.code === 'unknown-relation') ?? false, false, 'no catalog yet: nothing to flag');
    await held.close();
    // no request from the client: the server's own retry loads the catalog, and the diagnostics come with it
    await second.until(() => second.diagnostics.get(doc)?.some((d) => d.code === 'unknown-relation'), 'the catalog after the file is freed', 15_000);
  } finally {
    await held.close();
    await second.stop();
  }
});
