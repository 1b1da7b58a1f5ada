/**
 * The public library as a program uses it: a scratch project whose node_modules/sqlsh links to this
 * repository imports 'sqlsh' by name (package.json "exports"), connects to real SQLite and DuckDB files,
 * loads the catalog, completes, runs a query, closes; the README's example runs as written; and tsc
 * checks typed code against the emitted declarations (dist/types), including calls that must NOT compile.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let dir = '';

before(async () => {
  // the declarations of the current sources (incremental: about a second when nothing changed)
  const lib = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.lib.json')], { encoding: 'utf8' });
  assert.equal(lib.status, 0, `tsc -p tsconfig.lib.json failed:\n${lib.stdout}${lib.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'sqlsh-lib-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'sqlsh'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', type: 'module', private: true }));
  const Database = (await import('better-sqlite3')).default;
  const lite = new Database(join(dir, 'shop.db'));
  lite.exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, full_name TEXT);
    CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers, total NUMERIC);
    INSERT INTO customers VALUES (1, 'Ada');`);
  lite.close();
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const duck = await DuckDBInstance.create(join(dir, 'shop.duckdb'));
  const conn = await duck.connect();
  await conn.run(`CREATE SCHEMA sales; CREATE TABLE sales.invoices (invoice_id INTEGER PRIMARY KEY, amount DECIMAL(10,2));
    INSERT INTO sales.invoices VALUES (7, 12.50);`);
  conn.closeSync();
  duck.closeSync();
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function node(file: string, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', env, timeout: 60_000 });
  assert.equal(r.status, 0, `node ${file} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const PROGRAM = `
import { connect, complete, suggest, buildCatalog, dialectOf } from 'sqlsh';
const out = {};
for (const target of ['shop.db', 'duckdb:shop.duckdb']) {
  const db = await connect(target);
  const catalog = await db.catalog();
  const from = 'SELECT * FROM ';
  const dotted = 'SELECT * FROM sales.';
  const joined = 'SELECT * FROM orders o JOIN ';
  const rows = await db.query(db.engine === 'sqlite' ? 'SELECT full_name FROM customers' : 'SELECT amount FROM sales.invoices');
  out[db.engine] = {
    from: complete(from, from.length, catalog).map((c) => c.text),
    dotted: complete(dotted, dotted.length, catalog).map((c) => c.text),
    joined: complete(joined, joined.length, catalog).map((c) => c.text),
    suggest: suggest(from, from.length, db.dialect).map((s) => s.kind),
    columns: rows.columns.map((c) => c.name),
    rows: rows.rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' && 'text' in v ? v.text : String(v)))),
    tx: db.transactionStatus(),
  };
  await db.close();
}
const offline = buildCatalog({ schemas: ['public'], searchPath: ['public'], relations: [{ schema: 'public', name: 'albums', kind: 'table',
  primaryKey: [], columns: [{ name: 'title', type: 'text', nullable: true }] }], foreignKeys: [], indexes: [], functions: [], datatypes: [],
  databases: [] }, await dialectOf('postgres'));
out.offline = complete('select ti from albums', 9, offline).map((c) => c.text);
console.log(JSON.stringify(out));
`;

test("a program imports 'sqlsh' by name, connects to SQLite and DuckDB files, completes, queries, closes", () => {
  writeFileSync(join(dir, 'program.mjs'), PROGRAM);
  interface PerEngine { from: string[]; dotted: string[]; joined: string[]; suggest: string[]; columns: string[]; rows: string[][]; tx: string }
  const out = JSON.parse(node('program.mjs')) as { sqlite: PerEngine; duckdb: PerEngine; offline: string[] };
  assert.ok(out.sqlite.from.includes('customers') && out.sqlite.from.includes('orders'), JSON.stringify(out.sqlite));
  assert.ok(out.sqlite.joined.some((t) => t.startsWith('customers') && t.includes(' ON ')), 'a join along the foreign key');
  assert.deepEqual(out.sqlite.rows, [['Ada']]);
  assert.equal(out.sqlite.tx, 'idle');
  assert.deepEqual(out.duckdb.dotted, ['invoices']);
  assert.deepEqual(out.duckdb.columns, ['amount']);
  assert.deepEqual(out.duckdb.rows, [['12.50']]);
  assert.ok(out.duckdb.suggest.includes('relation'), JSON.stringify(out.duckdb.suggest));
  assert.ok(out.offline.includes('title'));
});

test("a saved connection's name from sqlsh's config file connects as `sqlsh NAME` does", () => {
  const config = join(dir, 'xdg-config', 'sqlsh');
  mkdirSync(config, { recursive: true });
  writeFileSync(join(config, 'config.toml'), `[connections.shop]\nurl = "sqlite:${join(dir, 'shop.db')}"\n`);
  writeFileSync(join(dir, 'saved.mjs'), `import { connect } from 'sqlsh';
const db = await connect('shop');
console.log(JSON.stringify([db.engine, (await db.catalog()).relations.map((r) => r.def.name).filter((n) => !n.startsWith('sqlite_'))]));
await db.close();
await connect('nowhere').catch((e) => console.log(e.name));`);
  const out = node('saved.mjs', { ...process.env, XDG_CONFIG_HOME: join(dir, 'xdg-config') }).trim().split('\n');
  assert.deepEqual(JSON.parse(out[0]!), ['sqlite', ['customers', 'orders']]);
  assert.equal(out[1], 'UsageError');
});

test('deep imports are closed: only the documented entry is public', () => {
  writeFileSync(join(dir, 'deep.mjs'), "await import('sqlsh/dist/src/complete/complete.js');");
  const r = spawnSync(process.execPath, ['deep.mjs'], { cwd: dir, encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /ERR_PACKAGE_PATH_NOT_EXPORTED/);
});

/** The ```js block of the README's library section. */
function readmeExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Completion as a library'));
  const m = /```js\n([\s\S]*?)```/.exec(section);
  assert.ok(m, 'the README library section has a ```js example');
  return m[1]!;
}

test('the README example runs as written against the demo database', () => {
  const home = join(dir, 'home');
  mkdirSync(home);
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  delete env['XDG_DATA_HOME'];
  delete env['XDG_CONFIG_HOME'];
  execFileSync(process.execPath, [join(root, 'bin', 'sqlsh.js'), '--demo', '-c', 'select 1'], { env, stdio: 'ignore' });
  writeFileSync(join(dir, 'readme.mjs'), readmeExample());
  const out = node('readme.mjs', env);
  const lines = out.trim().split('\n');
  assert.ok(lines.length >= 3, out);
  assert.match(lines[0]!, /^join\s+tracks t ON t\.album_id = a\.album_id/);
});

test('typed code compiles against the emitted declarations, and wrong calls do not', () => {
  const example = `${readmeExample()}
import type { Catalog, Completion, CompleteOptions, CatalogData, EngineId, Connection, ResultEvent, TypeDef } from 'sqlsh';
import { suggest } from 'sqlsh';
const engine: EngineId = db.engine;
const options: CompleteOptions = { maxResults: 10, keywordCase: 'upper' };
const first: Completion | undefined = complete('select 1', 8, catalog, options)[0];
const data: CatalogData = catalog.data;
const types: readonly TypeDef[] | undefined = data.types;
const use = (c: Connection, cat: Catalog): Promise<void> => c.close().then(() => void cat.loaded);
const events = (c: Connection): AsyncIterable<ResultEvent> => c.execute('select 1');
void [engine, first, types, use, events, suggest('select ', 7, db.dialect)];
// @ts-expect-error the catalog is required
complete('select 1', 8);
// @ts-expect-error a cursor is a number
complete('select 1', '8', catalog);
// @ts-expect-error no such engine
const bad: EngineId = 'oracle';
void bad;
`;
  writeFileSync(join(dir, 'example.ts'), example);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false,
      types: ['node'], typeRoots: [join(root, 'node_modules', '@types')],
    },
    files: ['example.ts'],
  }));
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
});

test('one completion path: outside complete/, only the library entry imports the engine, and the shell completes through it', () => {
  const src = join(root, 'src');
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) files.push(p.slice(src.length + 1));
    }
  };
  walk(src);
  const importers = files.filter((f) => !f.startsWith('complete/') && /from '[./]*complete\/complete\.js'/.test(readFileSync(join(src, f), 'utf8')));
  assert.deepEqual(importers, ['index.ts']);
  assert.match(readFileSync(join(src, 'shell', 'completer.ts'), 'utf8'), /import \{ complete \} from '\.\.\/index\.js'/);
});
