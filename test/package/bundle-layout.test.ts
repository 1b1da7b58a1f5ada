/**
 * What each start reads of the bundle (scripts/bundle.mjs's groups), where it decides how soon the
 * prompt is on the screen. The interactive shell on PostgreSQL paints its prompt before connecting
 * (Engine.provisionalInfo): it needs the engine's own file (the target, ~/.pgpass, the dialect), not
 * the driver or the connection's code, which are read once the prompt is drawn. Reading pg with the
 * engine cost ~6 ms of every PostgreSQL prompt (170 KB to read and to take from the code cache);
 * MySQL/MariaDB likewise (mysql2: 690 KB).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

const DIR = join(ROOT, 'dist', 'bundle');

/** The group's file that main.js names (a rebuild leaves the previous build's files for a running sqlsh). */
function fileOf(group: string): string {
  const main = readFileSync(join(DIR, 'main.js'), 'utf8');
  const names = new Set([...main.matchAll(new RegExp(`"(${group}-[0-9A-F]{8}\\.js)"`, 'g'))].map((m) => m[1]!));
  assert.equal(names.size, 1, `main.js names one ${group} file: ${[...names].join(' ')}`);
  return readFileSync(join(DIR, [...names][0]!), 'utf8');
}

/** A server engine's file: what the prompt needs (the target, the provisional info); the driver and the connection's class in its -conn file. */
function checkSplit(group: string, resolver: string, connClass: string, heavy: readonly string[]): void {
  const engine = fileOf(group);
  const conn = fileOf(`${group}-conn`);
  assert.match(engine, new RegExp(`function ${resolver}\\b`), 'the target is resolved from the engine file');
  assert.match(engine, /provisionalInfo/, 'the provisional info is in the engine file');
  for (const h of heavy) {
    assert.ok(!engine.includes(h), `${h} is not in the engine file`);
    assert.ok(conn.includes(h), `${h} is in the connection's file`);
  }
  const cls = new RegExp(`\\b${connClass}\\s*=\\s*class\\b`);
  assert.ok(!cls.test(engine), "the connection's class is not in the engine file");
  assert.match(conn, cls, "the connection's class is in the connection's file");
  assert.ok(engine.length < 80_000, `the engine file stays small: ${engine.length} bytes`);
}

test("PostgreSQL's engine file has what the prompt needs, and neither pg nor the connection's code", () => {
  checkSplit('main-postgres', 'resolvePgParams', 'PostgresConnection', ['node_modules/pg/lib/client.js', 'node_modules/pg-cursor/index.js', 'node_modules/pg-protocol/dist/parser.js']);
});

test("MySQL/MariaDB's engine file has what the prompt needs, and neither mysql2 nor the connection's code", () => {
  checkSplit('main-mysql', 'resolveMysqlTarget', 'MysqlConnection', ['node_modules/mysql2/lib/connection.js', 'node_modules/mysql2/lib/packets/packet.js']);
});

test("DuckDB's JavaScript API is in the engine's file (one read, one code-cache entry); its native binding stays a package", () => {
  const engine = fileOf('main-duckdb');
  assert.ok(engine.includes('node_modules/@duckdb/node-api/lib/index.js'), "@duckdb/node-api's modules are bundled");
  assert.match(engine, /require\)?\(["']@duckdb\/node-bindings["']\)/, 'the binding is required as a package (it finds its platform build)');
});
