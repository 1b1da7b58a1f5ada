/**
 * ConnectOptions.startAfter (the interactive shell's first paint): a file database's file is checked
 * at once (a bad path fails before the gate opens), but the database opens (SQLite's worker, DuckDB's
 * library and instance) only after it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteEngine } from '../../src/engines/sqlite/sqlite-engine.js';
import { duckdbEngine } from '../../src/engines/duckdb/duckdb-engine.js';
import type { Connection, ConnectionTarget, ConnectOptions } from '../../src/engines/engine.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const never = new Promise<void>(() => undefined);

for (const [name, engine, file] of [
  ['sqlite', sqliteEngine, 'a.db'],
  ['duckdb', duckdbEngine, 'a.duckdb'],
] as const) {
  test(`${name}: the file is checked at once; the database opens only once startAfter settles`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlsh-start-after-'));
    const connect = engine.connect.bind(engine) as (t: ConnectionTarget, o?: ConnectOptions) => Promise<Connection>;
    try {
      // what each engine finds before opening: SQLite a missing directory, DuckDB a file that is not its own
      if (name === 'sqlite') await assert.rejects(connect({ engine: name, path: join(dir, 'no', 'such', file) }, { startAfter: never }), /does not exist/);
      else {
        writeFileSync(join(dir, 'text.duckdb'), 'not a database at all, just some text');
        await assert.rejects(connect({ engine: name, path: join(dir, 'text.duckdb') }, { startAfter: never }));
      }
      let open!: () => void;
      const gate = new Promise<void>((r) => (open = r));
      let opened = false;
      const opening = connect({ engine: name, path: join(dir, file) }, { startAfter: gate });
      void opening.then(() => (opened = true));
      await sleep(400); // far longer than opening takes (tens of milliseconds)
      assert.equal(opened, false, 'nothing opens before the gate');
      open();
      const c = await opening;
      let one: unknown;
      for await (const e of c.execute('select 1 as x')) if (e.type === 'rows') one = e.rows[0]?.[0];
      assert.equal(Number(one), 1);
      await c.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
