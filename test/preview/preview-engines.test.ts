/**
 * The DML preview on every engine, against real databases (SQLite and DuckDB files, the harness's
 * PostgreSQL and MariaDB servers): counts with cascades and triggers, nothing changed after N, the
 * change kept after y, the user's own transaction left as it was, the named-object question where a
 * preview cannot roll back, no question in scripts, and --dry-run leaving schema and data identical.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../src/engines/engine.js';
import type { ColumnInfo, Row } from '../../src/core/result.js';
import { classifyStatement } from '../../src/sql/classify.js';
import { previewStatement, type PreviewOutcome } from '../../src/preview/preview-statement.js';
import { endDryRun } from '../../src/preview/dry-run.js';
import type { PreviewMode } from '../../src/preview/preview-plan.js';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { sqlshPaths } from '../../src/config/paths.js';
import { Session } from '../../src/shell/session.js';
import { runScript } from '../../src/shell/run-script.js';
import { ENGINE_SETUPS, disposeFixtures } from '../engines/all-engines-fixtures.js';
import { count, dump, rows, setUpShop } from './preview-fixtures.js';

after(disposeFixtures);

interface Asked {
  readonly outcome: PreviewOutcome;
  readonly messages: string[];
  readonly questions: string[];
  readonly shown: { columns: readonly ColumnInfo[]; rows: readonly Row[] }[];
}

async function preview(conn: Connection, sql: string, answer: string, mode: PreviewMode = 'destructive'): Promise<Asked> {
  const messages: string[] = [];
  const questions: string[] = [];
  const shown: Asked['shown'] = [];
  const outcome = await previewStatement(conn, sql, classifyStatement(sql, conn.dialect), {
    mode,
    io: {
      message: (m) => void messages.push(m),
      ask: async (q) => (questions.push(q), answer),
      showRows: async (columns, r) => void shown.push({ columns, rows: r }),
    },
  });
  return { outcome, messages, questions, shown };
}

for (const setup of ENGINE_SETUPS) {
  describe(`preview: ${setup.id}`, () => {
    test('DELETE: rows per table with cascades and triggers; N leaves every row as it was', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      const e = await setUpShop(conn);
      const before = await dump(conn);
      const r = await preview(conn, 'delete from orders where id <= 2', 'n');
      const text = r.messages.join('\n');
      assert.match(text, /^ {2}orders +2 rows deleted$/m, text);
      if (e.cascade) assert.match(text, /^ {2}items +4 rows deleted \(by a cascade or trigger\)$/m, text);
      if (e.trigger) assert.match(text, /^ {2}audit +2 rows inserted \(by a cascade or trigger\)$/m, text);
      const total = 2 + (e.cascade ? 4 : 0) + (e.trigger ? 2 : 0);
      assert.deepEqual(r.questions, [`Commit ${total} changes? [y/N/e(dit)] `]);
      assert.deepEqual(r.outcome, { type: 'declined' });
      assert.match(text, /Nothing was changed\.$/);
      assert.equal(r.shown.length, 1, 'the rows it deletes are shown');
      assert.deepEqual(r.shown[0]!.rows.map((row) => Number(row[0])), [1, 2]);
      assert.equal(conn.transactionStatus(), 'idle');
      assert.equal(await dump(conn), before);
    });

    test('y keeps exactly the previewed change; UPDATE shows the rows after it', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      const e = await setUpShop(conn);
      const r = await preview(conn, 'delete from orders where id = 5', 'y');
      assert.equal(r.outcome.type, 'committed');
      assert.equal(conn.transactionStatus(), 'idle');
      assert.equal(await count(conn, 'orders'), 4);
      assert.equal(await count(conn, 'items'), e.cascade ? 8 : 10);
      assert.equal(await count(conn, 'audit'), e.trigger ? 1 : 0);
      const u = await preview(conn, "update orders set customer = 'zed' where id = 4", 'y');
      assert.match(u.messages.join('\n'), /^ {2}orders +1 row updated$/m);
      assert.deepEqual(u.questions, ['Commit 1 change? [y/N/e(dit)] ']);
      assert.deepEqual(u.shown[0]!.rows.map((row) => row.map(String)), [['4', 'zed']]);
      assert.equal(String((await rows(conn, 'select customer from orders where id = 4'))[0]![0]), 'zed');
    });

    test('e rolls back and hands the statement back; DROP TABLE is previewed or asked by name', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      await setUpShop(conn);
      const before = await dump(conn);
      const r = await preview(conn, 'delete from items', 'e');
      assert.deepEqual(r.outcome, { type: 'edit' });
      assert.equal(await dump(conn), before);
      const d = await preview(conn, 'drop table audit', 'n');
      if (conn.dialect.id === 'mysql') {
        assert.deepEqual(d.questions, ['DROP TABLE deletes the table "audit" and all its rows (0 rows). Not previewed: MariaDB and MySQL commit DROP at once (an implicit COMMIT), so it cannot be tried and rolled back. Run it? [y/N] ']);
      } else {
        assert.match(d.messages.join('\n'), /^ {2}audit +dropped, with 0 rows$/m);
        assert.deepEqual(d.questions, ['Commit this change? [y/N/e(dit)] ']);
      }
      assert.deepEqual(d.outcome, { type: 'declined' });
      assert.equal(await dump(conn), before);
      const tr = await preview(conn, 'delete from items where order_id = 1', 'n', 'off');
      assert.deepEqual(tr.outcome, { type: 'run', asked: false }, 'preview = off: not previewed');
    });

    test('rows a cascade updates (ON DELETE SET NULL, ON UPDATE CASCADE) and a trigger that updates: counted', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      await setUpShop(conn);
      if (conn.dialect.id === 'duckdb') return; // no ON DELETE SET NULL in DuckDB
      await rows(conn, 'drop table if exists notes');
      await rows(conn, 'create table notes (id integer primary key, order_id integer, foreign key (order_id) references orders (id) on delete set null on update cascade)');
      await rows(conn, 'insert into notes values (1, 1), (2, 1), (3, 3), (4, null)');
      try {
        // Order 3 keeps only its note, so its key can change (items has no ON UPDATE CASCADE).
        await rows(conn, 'delete from items where order_id = 3');
        const before = await dump(conn);
        const r = await preview(conn, 'delete from orders where id = 1', 'n');
        const text = r.messages.join('\n');
        assert.match(text, /^ {2}notes +2 rows updated \(by a cascade or trigger\)$/m, text);
        // 1 order, 2 items (ON DELETE CASCADE), 1 audit row (trigger), 2 notes (SET NULL).
        assert.deepEqual(r.questions, ['Commit 6 changes? [y/N/e(dit)] ']);
        // A new key for order 3: its one note follows (ON UPDATE CASCADE); the statement's own row is updated.
        const u = await preview(conn, 'update orders set id = 30 where id = 3', 'n');
        const utext = u.messages.join('\n');
        assert.match(utext, /^ {2}orders +1 row updated$/m, utext);
        assert.match(utext, /^ {2}notes +1 row updated \(by a cascade or trigger\)$/m, utext);
        // An UPDATE that does not touch the key: no cascade.
        const plain = await preview(conn, "update orders set customer = 'x' where id = 3", 'n');
        assert.doesNotMatch(plain.messages.join('\n'), /notes/);
        assert.equal(await dump(conn), before);
        assert.deepEqual((await rows(conn, 'select order_id from notes order by id')).map((x) => (x[0] === null ? null : Number(x[0]))), [1, 1, 3, null]);
      } finally {
        await rows(conn, 'drop table if exists notes');
      }
    });

    test('SQLite: a trigger that updates another table, and one that deletes there, are counted per table', async (t) => {
      const conn = await setup.open(t);
      if (!conn || conn.dialect.id !== 'sqlite') return;
      await setUpShop(conn);
      await rows(conn, 'create table totals (customer varchar(20) primary key, n integer)');
      try {
        await rows(conn, "insert into totals select customer, count(*) from orders group by customer");
        await rows(conn, 'create trigger orders_totals after delete on orders begin update totals set n = n - 1 where customer = old.customer; delete from totals where n = 0; end');
        const before = await dump(conn);
        const r = await preview(conn, 'delete from orders where id <= 2', 'n');
        const text = r.messages.join('\n');
        // ann and bob (one order each): each totals row is updated to 0, then deleted by the same trigger.
        assert.match(text, /^ {2}totals +2 rows updated, 2 rows deleted \(by a cascade or trigger\)$/m, text);
        assert.deepEqual(r.questions, ['Commit 12 changes? [y/N/e(dit)] '], text);
        assert.equal(await dump(conn), before);
      } finally {
        await rows(conn, 'drop trigger if exists orders_totals');
        await rows(conn, 'drop table if exists totals');
      }
    });

    test("inside the user's transaction: a savepoint, and their transaction stays as it was", async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      await setUpShop(conn);
      await rows(conn, 'begin');
      await rows(conn, 'insert into audit values (99)');
      const r = await preview(conn, 'delete from orders where id = 3', 'n');
      assert.equal(conn.transactionStatus(), 'in-transaction');
      assert.deepEqual(r.outcome, { type: 'declined' });
      if (conn.dialect.id === 'duckdb') {
        assert.match(r.questions[0] ?? '', /^DELETE changes "orders" \(5 rows\)\. Not previewed: DuckDB has no savepoints/);
      } else {
        assert.match(r.messages[0] ?? '', /in a savepoint of your transaction/);
        assert.deepEqual((await rows(conn, 'select order_id from audit')).map((x) => Number(x[0])), [99], 'their insert is still there, the preview\'s trigger row is not');
        assert.equal(await count(conn, 'orders'), 5);
        const y = await preview(conn, 'delete from orders where id = 3', 'y');
        assert.equal(y.outcome.type, 'committed');
        assert.equal(conn.transactionStatus(), 'in-transaction', 'y keeps the change inside their transaction, still open');
        assert.equal(await count(conn, 'orders'), 4);
      }
      await rows(conn, 'rollback');
      assert.equal(await count(conn, 'orders'), 5);
      assert.equal(await count(conn, 'audit'), 0);
    });

    test('scripts never ask; --dry-run runs a migration and leaves schema and data identical', async (t) => {
      const conn = await setup.open(t);
      if (!conn) return;
      await setUpShop(conn);
      const out: string[] = [];
      const asked: string[] = [];
      const session = new Session({
        connection: conn,
        settings: { ...DEFAULT_SETTINGS, continue_on_error: true },
        interactive: false,
        paths: sqlshPaths({ HOME: mkdtempSync(join(tmpdir(), 'sqlsh-preview-')) }),
        connections: new Map(),
        io: {
          stdout: { write: (s: string) => void out.push(s) },
          message: () => undefined,
          error: (m) => void out.push(`ERR ${m}\n`),
          ask: async (q) => (asked.push(q), 'y'),
          confirm: async (q) => (asked.push(q), true),
        },
      });
      const before = await dump(conn);
      const migration = [
        'begin;',
        'alter table orders add column note varchar(20);',
        "update orders set note = 'old' where id < 3;",
        'delete from orders where id = 5;',
        'create index orders_note on orders (note);',
        'insert into audit select id from orders where id < 3;',
        'select count(*) from orders;',
        'commit;',
      ].join('\n');
      const r = await runScript(session, migration, { stopOnError: false, confirmDestructive: false, dryRun: true, source: 'm.sql' });
      await endDryRun(conn);
      const text = out.join('');
      assert.equal(conn.transactionStatus(), 'idle');
      assert.equal(await dump(conn), before, text);
      assert.deepEqual(asked, [], 'no question in a script');
      assert.match(text, /^-- m\.sql:1: begin\n {2}not run in a dry run \(transaction control/m);
      if (conn.dialect.id === 'mysql') {
        assert.match(text, /^-- m\.sql:2: alter table orders add column note varchar\(20\)\n {2}not run: MariaDB and MySQL commit ALTER at once/m);
        assert.equal(r.ok, false, 'the update of the column that was not added fails');
      } else if (conn.dialect.id === 'duckdb') {
        // DuckDB cannot CREATE INDEX in a transaction with changes in it: the dry run says so and stops changing.
        assert.match(text, /^ERR m\.sql:5: ERROR: +TransactionContext Error: Cannot create index with outstanding updates$/m);
        assert.match(text, /^-- m\.sql:6: insert into audit select id from orders where id < 3\n {2}not run: an earlier statement failed/m);
        assert.equal(r.ok, false);
      } else {
        assert.equal(r.ok, true, text);
        assert.match(text, /^-- m\.sql:3: update orders set note = 'old' where id < 3\n {2}orders +2 rows updated$/m);
        assert.match(text, /^-- m\.sql:6: insert into audit select id from orders where id < 3\n {2}audit +2 rows inserted$/m);
      }
      assert.match(text, /^-- m\.sql:4: delete from orders where id = 5\n {2}orders +1 row deleted$/m);
      // Not a dry run: the same delete in a script runs at once, without a question.
      const ran = await runScript(session, 'delete from orders where id = 5;', { stopOnError: true, confirmDestructive: false });
      assert.equal(ran.ok, true);
      assert.deepEqual(asked, []);
      assert.equal(await count(conn, 'orders'), 4);
    });
  });
}

describe('preview: an INSERT that takes sequence numbers says so when it is rolled back', () => {
  for (const setup of ENGINE_SETUPS) {
    test(setup.id, async (t) => {
      const conn = await setup.open(t);
      if (!conn || conn.dialect.id === 'sqlite') return; // SQLite's rowid is not handed out ahead: nothing stays
      await setUpShop(conn);
      const key = { postgres: 'id serial primary key', mysql: 'id integer auto_increment primary key', duckdb: "id integer default nextval('numbered_seq') primary key" }[conn.dialect.id as 'postgres' | 'mysql' | 'duckdb'];
      await rows(conn, 'drop table if exists numbered');
      if (conn.dialect.id === 'duckdb') await rows(conn, 'create sequence if not exists numbered_seq');
      await rows(conn, `create table numbered (${key}, customer varchar(20))`);
      try {
        const r = await preview(conn, 'insert into numbered (customer) select customer from orders', 'n');
        assert.match(r.messages.at(-1) ?? '', /^Nothing was changed, except that numbered\.id takes its numbers from (a sequence|an AUTO_INCREMENT counter), and the numbers the insert takes are not given back by a rollback/, r.messages.join('\n'));
        assert.equal(await count(conn, 'numbered'), 0);
      } finally {
        await rows(conn, 'drop table if exists numbered');
      }
    });
  }
});
