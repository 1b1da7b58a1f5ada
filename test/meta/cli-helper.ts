/** Runs the real sqlsh binary with private XDG directories, for the meta-command tests. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'sqlsh.js');

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

/** A temporary directory removed when the process exits. */
const made: string[] = [];
export function tempDir(prefix = 'sqlsh-meta-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  if (made.length === 0) process.once('exit', () => made.forEach((x) => rmSync(x, { recursive: true, force: true })));
  made.push(d);
  return d;
}

/** Environment with XDG dirs under `home` (config, data, state), no pager, no colour. */
export function testEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_STATE_HOME: join(home, 'state'), NO_COLOR: '1', ...extra };
  delete env['PAGER'];
  return env;
}

/** sqlsh TARGET -c CMD1 -c CMD2 ... */
export function sqlsh(target: string, commands: readonly string[], opts: { home?: string; cwd?: string; env?: Record<string, string>; args?: readonly string[] } = {}): RunResult {
  const home = opts.home ?? tempDir();
  const args = [BIN, target, ...(opts.args ?? []), ...commands.flatMap((c) => ['-c', c])];
  const r = spawnSync(process.execPath, args, { cwd: opts.cwd ?? ROOT, env: testEnv(home, opts.env), encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Starts sqlsh in the background (for signals). */
export function sqlshChild(target: string, commands: readonly string[], opts: { home?: string } = {}) {
  const home = opts.home ?? tempDir();
  return spawn(process.execPath, [BIN, target, ...commands.flatMap((c) => ['-c', c])], { cwd: ROOT, env: testEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The fixture schema, written so it runs on SQLite, DuckDB, PostgreSQL and MariaDB. */
export const FIXTURE_SQL = `
CREATE TABLE artists (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL UNIQUE);
CREATE TABLE tracks (
  id INTEGER PRIMARY KEY,
  artist_id INTEGER REFERENCES artists (id),
  title VARCHAR(200) NOT NULL,
  price DECIMAL(6,2) DEFAULT 0.99 CHECK (price >= 0)
);
CREATE INDEX ix_tracks_title ON tracks (title);
CREATE VIEW v_tracks AS SELECT t.title, a.name FROM tracks t JOIN artists a ON a.id = t.artist_id;
INSERT INTO artists VALUES (1, 'Miles'), (2, 'Nina');
INSERT INTO tracks VALUES (1, 1, 'So What', 1.29), (2, 2, 'Sinnerman', NULL), (3, 1, 'Blue, in Green', 0.99);
`;

/** A fresh database file of the given engine with the fixture schema. */
export function fixtureDb(engine: 'sqlite' | 'duckdb'): string {
  const dir = tempDir();
  const file = join(dir, engine === 'sqlite' ? 'music.db' : 'music.duckdb');
  const r = sqlsh(file, [FIXTURE_SQL]);
  if (r.status !== 0) throw new Error(`fixture failed: ${r.stderr}`);
  return file;
}
