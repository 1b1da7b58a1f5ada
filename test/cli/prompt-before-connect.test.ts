/**
 * The interactive prompt comes before a server connection that needs nothing asked (the password is
 * known, one server, no SSH tunnel): the shell is on the screen while the driver loads and the
 * server answers, a statement typed meanwhile waits for the connection, and a failure is said once
 * with exit 2. When a password may have to be asked, the connection comes first, as before.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { binary, escapeRe, killAll, LONG, shellHome, startShell } from '../e2e/shell-helpers.js';
import { PtySession } from '../e2e/pty-harness.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { sharedMariadb } from '../harness/mariadb-server.js';
import { withServer } from '../harness/server-test.js';

const h = shellHome();
after(async () => {
  await killAll();
  await h.cleanup();
});

/** A TCP port that takes connections and never says a word: a server that has not answered yet. */
async function silentServer(): Promise<{ port: number; sockets: Set<Socket>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    sockets,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

test('the password known (URI): the prompt is drawn before the server answers; typed SQL waits; the server hanging up is said once, exit 2', async () => {
  const silent = await silentServer();
  try {
    const shell = await startShell(h, [`postgres://ann:secret@127.0.0.1:${silent.port}/shop`], {
      ready: /ann@127\.0\.0\.1\/shop> $/m,
      env: { PGPASSFILE: `${h.dir}/no-such-pgpass` },
    });
    assert.match(shell.screenText(), new RegExp(`connected to postgres://ann@127\\.0\\.0\\.1:${silent.port}/shop \\(PostgreSQL\\)`));
    await shell.until(() => silent.sockets.size > 0, 'sqlsh connects once the prompt is drawn', LONG);
    shell.type('select 1 as one;\r');
    await new Promise((r) => setTimeout(r, 300));
    assert.doesNotMatch(shell.screenText(), /\bone\b[\s\S]*\(1 row\)/, 'no answer without a server');
    for (const s of silent.sockets) s.destroy();
    assert.equal(await shell.waitForExit(LONG), 2);
    await shell.settle();
    const screen = shell.screenText();
    assert.match(screen, /^sqlsh: .*(terminated|closed|lost|ended)/im);
    assert.doesNotMatch(screen, /internal error|    at /);
    assert.doesNotMatch(screen, /secret/);
  } finally {
    await silent.close();
  }
});

test('Ctrl-C gives the prompt back to a statement waiting for the connection; Ctrl-D quits at once though the server has not answered', async () => {
  const silent = await silentServer();
  try {
    const shell = await startShell(h, [`postgres://ann:secret@127.0.0.1:${silent.port}/shop`], {
      ready: /ann@127\.0\.0\.1\/shop> $/m,
      env: { PGPASSFILE: `${h.dir}/no-such-pgpass` },
    });
    shell.type('select 1 as one;\r');
    await new Promise((r) => setTimeout(r, 200));
    shell.press('c-c');
    await shell.waitForText(/^Cancelled\b.*\n.*ann@127\.0\.0\.1\/shop> $/im, LONG);
    shell.press('c-d');
    assert.equal(await shell.waitForExit(LONG), 0);
  } finally {
    await silent.close();
  }
});

test('MySQL/MariaDB, the password known: the prompt comes before the server answers too', async () => {
  const silent = await silentServer();
  try {
    const shell = await startShell(h, [`mysql://ann:secret@127.0.0.1:${silent.port}/shop`], { ready: /ann@127\.0\.0\.1\/shop> $/m });
    await shell.until(() => silent.sockets.size > 0, 'sqlsh connects once the prompt is drawn', LONG);
    for (const s of silent.sockets) s.destroy();
    assert.equal(await shell.waitForExit(LONG), 2);
    await shell.settle();
    assert.match(shell.screenText(), /^sqlsh: .*MySQL/m);
    assert.doesNotMatch(shell.screenText(), /internal error|    at |secret/);
  } finally {
    await silent.close();
  }
});

test('a real MariaDB server, the password in the URI: a statement typed at once is answered under the same prompt', async (t) => {
  const s = await withServer(t, sharedMariadb);
  if (!s) return;
  const shell = await startShell(h, [s.url], { ready: /> $/m });
  const prompt = shell.screenText().match(/^(.*> )$/m)![1]!;
  shell.type('select 40 + 2 as answer;\r');
  await shell.waitForText(new RegExp(`\\b42\\b[\\s\\S]*\\n${escapeRe(prompt)}$`, 'm'), LONG);
  shell.type('\\q\r');
  assert.equal(await shell.waitForExit(LONG), 0);
});

test('no password known: the connection comes first (the server may ask for one on the terminal)', async () => {
  const silent = await silentServer();
  try {
    const t = PtySession.spawn(process.execPath, [binary, `postgres://ann@127.0.0.1:${silent.port}/shop`], {
      cols: 100,
      rows: 30,
      cwd: h.dir,
      env: { ...h.env, PGPASSWORD: undefined, PGPASSFILE: `${h.dir}/no-such-pgpass`, TERM: 'xterm-256color' },
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => silent.sockets.size > 0 && (clearInterval(timer), resolve()), 20);
      setTimeout(() => (clearInterval(timer), reject(new Error('sqlsh never connected'))), LONG);
    });
    await new Promise((r) => setTimeout(r, 500));
    await t.settle();
    assert.doesNotMatch(t.screenText(), /> $|connected to/m, 'no prompt before the server has answered');
    for (const s of silent.sockets) s.destroy();
    assert.equal(await t.waitForExit(LONG), 2);
    await t.settle();
    assert.doesNotMatch(t.screenText(), /internal error|    at /);
  } finally {
    await silent.close();
  }
});

test('a real server, PGPASSWORD: the prompt shows the label the connection then has; a statement typed at once is answered', async (t) => {
  const s = await withServer(t, sharedPostgres);
  if (!s) return;
  const shell = await startShell(h, ['-h', s.host, '-p', String(s.port), '-U', s.user, '-d', 'postgres'], {
    ready: /> $/m,
    env: { PGPASSWORD: s.password ?? '', PGPASSFILE: `${h.dir}/no-such-pgpass` },
  });
  const prompt = `${s.user}@${s.host}/postgres> `;
  assert.ok(shell.screenText().includes(prompt), shell.screenText());
  shell.type('select 40 + 2 as answer;\r');
  await shell.waitForText(/\b42\b[\s\S]*\(1 row\)/, LONG);
  shell.type('\\conninfo\r');
  await shell.waitForText(/server \d+/, LONG); // the version, known once connected
  await shell.waitForText(new RegExp(`server \\d+[\\s\\S]*\\n.*${escapeRe(prompt)}$`, 'm'), LONG); // the same prompt after
  shell.type('\\q\r');
  assert.equal(await shell.waitForExit(LONG), 0);
});

test('a real server, a database that does not exist: said once after the prompt, exit 2, nothing else', async (t) => {
  const s = await withServer(t, sharedPostgres);
  if (!s) return;
  const shell = await startShell(h, ['-h', s.host, '-p', String(s.port), '-U', s.user, '-d', 'no_such_db'], {
    ready: /> $|does not exist/m,
    env: { PGPASSWORD: s.password ?? '', PGPASSFILE: `${h.dir}/no-such-pgpass` },
  });
  assert.equal(await shell.waitForExit(LONG), 2);
  await shell.settle();
  const screen = shell.screenText();
  // (libpq's words, `failed: FATAL:  database ...`, wrap at the screen's edge)
  assert.equal(screen.replace(/\n/g, '').match(/database "no_such_db" does not exist/g)?.length, 1, screen);
  assert.doesNotMatch(screen, /internal error|    at /);
});
