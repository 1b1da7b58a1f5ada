/**
 * One lost connection, one message (issue 10): the server ends the session (pg_terminate_backend on
 * PostgreSQL, KILL on MariaDB) while a statement runs, while idle, and while idle in a transaction.
 * Each loss is reported once, on one line (no literal \n), and the reconnect gives one notice that
 * does not report the loss again. The statements run through the shell's runner, so what is
 * checked is what the user reads.
 */
import { after, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { sqlshPaths } from '../../src/config/paths.js';
import { engineById } from '../../src/engines/registry.js';
import { parseTarget } from '../../src/engines/target.js';
import type { Connection } from '../../src/engines/engine.js';
import { Session } from '../../src/shell/session.js';
import { runScript } from '../../src/shell/run-script.js';
import { withServer } from '../harness/server-test.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { sharedMariadb } from '../harness/mariadb-server.js';

const home = mkdtempSync(join(tmpdir(), 'sqlsh-lost-'));
after(() => rmSync(home, { recursive: true, force: true }));

interface Printed {
  readonly lines: string[];
}

async function open(url: string): Promise<Connection> {
  const target = parseTarget(url);
  return (await engineById(target.engine).load()).connect(target, { env: { HOME: home, PGPASSFILE: join(home, 'none') } });
}

function sessionOn(conn: Connection, printed: Printed): Session {
  return new Session({
    connection: conn,
    settings: DEFAULT_SETTINGS,
    interactive: true,
    paths: sqlshPaths({ HOME: home }),
    connections: new Map(),
    io: {
      stdout: { write: (t: string) => void printed.lines.push(...t.split('\n').filter((l) => l !== '').map((l) => `out: ${l}`)) },
      message: (t) => void printed.lines.push(`msg: ${t}`),
      error: (t) => void printed.lines.push(`err: ${t}`),
    },
  });
}

async function scalar(conn: Connection, sql: string): Promise<unknown> {
  for await (const e of conn.execute(sql)) if (e.type === 'rows' && e.rows.length > 0) return e.rows[0]![0];
  return undefined;
}

interface Server {
  readonly url: string;
  readonly pidSql: string;
  readonly kill: (admin: Connection, id: unknown) => Promise<void>;
  readonly sleep: string;
}

const SERVERS: ReadonlyArray<{ name: string; server: (t: TestContext) => Promise<Server | undefined> }> = [
  {
    name: 'postgres',
    server: async (t) => {
      const s = await withServer(t, sharedPostgres);
      return s && {
        url: s.url,
        pidSql: 'select pg_backend_pid()',
        kill: async (admin, id) => void (await scalar(admin, `select pg_terminate_backend(${Number(id)})`)),
        sleep: 'select pg_sleep(10);',
      };
    },
  },
  {
    name: 'mariadb',
    server: async (t) => {
      const s = await withServer(t, sharedMariadb);
      return s && {
        url: s.url,
        pidSql: 'select connection_id()',
        kill: async (admin, id) => {
          for await (const _ of admin.execute(`kill ${Number(id)}`)) void _;
        },
        sleep: 'select sleep(10);',
      };
    },
  },
];

/** The lines that speak of the loss, and of the reconnection. */
const lost = (p: Printed) => p.lines.filter((l) => /lost/i.test(l));
const reconnected = (p: Printed) => p.lines.filter((l) => /reconnected to/i.test(l));

for (const { name, server } of SERVERS) {
  describe(`a lost connection on ${name}`, () => {
    test('reported once, on one line, then one notice on reconnecting', { timeout: 120_000 }, async (t) => {
      const srv = await server(t);
      if (!srv) return;
      const admin = await open(srv.url);
      const printed: Printed = { lines: [] };
      const session = sessionOn(await open(srv.url), printed);
      const run = (sql: string) => runScript(session, sql, { stopOnError: false, confirmDestructive: false });
      try {
        // 1. While a statement runs: that statement says it, once.
        const pid1 = await scalar(session.connection, srv.pidSql);
        const running = run(srv.sleep);
        await new Promise((r) => setTimeout(r, 700));
        const started = Date.now();
        await srv.kill(admin, pid1);
        const r1 = await running;
        assert.ok(Date.now() - started < 5000, 'the statement ends when the connection is lost (it hung on MariaDB)');
        assert.equal(r1.ok, false);
        assert.deepEqual(lost(printed).length, 1, printed.lines.join('\n'));
        assert.match(lost(printed)[0]!, /^err: the connection to the server was lost \([^\n]+\)\. The next statement reconnects\.$/);
        assert.doesNotMatch(printed.lines.join('\n'), /\\n|\\t/, 'no escaped line break or tab');
        printed.lines.length = 0;
        assert.equal((await run('select 1 as one;')).ok, true);
        assert.deepEqual(lost(printed), [], `the loss is not reported a second time:\n${printed.lines.join('\n')}`);
        assert.equal(reconnected(printed).length, 1, printed.lines.join('\n'));
        assert.match(reconnected(printed)[0]!, /^msg: NOTICE: {2}reconnected to [a-z]+:\/\/[^:@]+@/);

        // 2. While idle in a transaction: the next statement says the transaction was lost; the one after reconnects.
        printed.lines.length = 0;
        await run('begin;');
        await srv.kill(admin, await sessionId(srv, session));
        await new Promise((r) => setTimeout(r, 300));
        assert.equal((await run('select 2 as two;')).ok, false);
        assert.equal(lost(printed).length, 1, printed.lines.join('\n'));
        assert.match(lost(printed)[0]!, /^err: the connection to the server was lost and the open transaction was rolled back\. The next statement reconnects\.$/);
        printed.lines.length = 0;
        assert.equal((await run('select 3 as three;')).ok, true);
        assert.deepEqual(lost(printed), [], printed.lines.join('\n'));
        assert.equal(reconnected(printed).length, 1);
        assert.match(reconnected(printed)[0]!, /^msg: NOTICE: {2}reconnected to /);

        // 3. While idle, outside a transaction: one notice says both.
        printed.lines.length = 0;
        await srv.kill(admin, await sessionId(srv, session));
        await new Promise((r) => setTimeout(r, 300));
        assert.equal((await run('select 4 as four;')).ok, true);
        const said = printed.lines.filter((l) => /lost|reconnected/i.test(l));
        assert.equal(said.length, 1, printed.lines.join('\n'));
        assert.match(said[0]!, /^msg: NOTICE: {2}the connection to the server was lost; reconnected to /);
        assert.ok(printed.lines.includes('out:     4'), printed.lines.join('\n'));
      } finally {
        await session.close();
        await admin.close();
      }
    });
  });
}

/** The session's current server-side id, asked from the session itself. */
async function sessionId(srv: Server, session: Session): Promise<unknown> {
  return scalar(session.connection, srv.pidSql);
}
