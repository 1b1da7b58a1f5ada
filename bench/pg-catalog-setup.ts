/**
 * Introspection on a big catalog: 20,000 tables x 20 columns (each with a primary key, every
 * tenth with a foreign key) on a throw-away server, then times introspect().
 * Run: npx tsc -p . && node dist/bench/pg-catalog-setup.js [tables]
 * Measured (PostgreSQL 15, loopback): 20,208 relations, 404,005 columns, 2,000 FKs, 20,000 indexes
 * introspected in about 2.5 s (server: ~0.9 s for the columns query; the rest is parsing in Node).
 * Or against an existing server: SQLSH_BENCH_PG_URL=postgres://... (tables are created in schema bench).
 */
import { postgresEngine } from '../src/engines/postgres/postgres-engine.js';
import { startPostgres } from '../test/harness/postgres-server.js';

async function run(conn: { execute(sql: string): AsyncIterable<unknown> }, sql: string): Promise<void> {
  for await (const _ of conn.execute(sql)) void _;
}

async function main(): Promise<void> {
  const tables = Number(process.argv[2] ?? 20000);
  const given = process.env['SQLSH_BENCH_PG_URL'];
  const server = given ? undefined : await startPostgres();
  const url = given ?? server!.url;
  const env = { ...process.env, PGPASSFILE: '/nonexistent' };
  const conn = await postgresEngine.connect({ engine: 'postgres', url }, { env });
  try {
    let t0 = Date.now();
    await run(conn, 'drop schema if exists bench cascade');
    await run(conn, 'create schema bench');
    const cols = Array.from({ length: 19 }, (_, i) => `c${i + 1} ${['text', 'integer', 'numeric(12,2)', 'timestamptz'][i % 4]}`).join(', ');
    const chunk = 1000;
    for (let start = 1; start <= tables; start += chunk) {
      const end = Math.min(tables, start + chunk - 1);
      await run(conn, `do $$ begin for i in ${start}..${end} loop
        execute format('create table bench.t%s (id integer primary key, ${cols}%s)', i,
          case when i % 10 = 0 then format(', parent integer references bench.t%s(id)', i - 1) else '' end);
      end loop; end $$`);
    }
    console.log(`created ${tables} tables x 20 columns in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (let i = 0; i < 3; i++) {
      t0 = Date.now();
      const cat = await conn.introspect();
      const ms = Date.now() - t0;
      const columns = cat.relations.reduce((n, r) => n + r.columns.length, 0);
      console.log(`introspect #${i + 1}: ${ms} ms (${cat.relations.length} relations, ${columns} columns, ${cat.foreignKeys.length} foreign keys, ${cat.indexes.length} indexes)`);
    }
  } finally {
    await conn.close();
    await server?.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
